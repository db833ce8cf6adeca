package site

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestWrite(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "out")
	files := map[string][]byte{"index.html": []byte("home"), "207/index.html": []byte("207"), "rules/a/index.html": []byte("a")}
	for range 2 { // a second build over the first replaces its files
		if err := Write(dir, files); err != nil {
			t.Fatal(err)
		}
	}
	for name, want := range files {
		got, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
		if err != nil || string(got) != string(want) {
			t.Errorf("%s: %q, %v; want %q", name, got, err, want)
		}
	}
	entries, _ := os.ReadDir(filepath.Join(dir, "207"))
	if len(entries) != 1 {
		t.Errorf("207/ holds %d entries, want only index.html (no temporary files left)", len(entries))
	}
}

// TestWriteDoesNotFollowLinks is issue 14's reproducer: links in the output
// directory, to a directory and to a file outside it, made the build
// overwrite the files outside.
func TestWriteDoesNotFollowLinks(t *testing.T) {
	tmp := t.TempDir()
	outside := filepath.Join(tmp, "outside")
	dir := filepath.Join(tmp, "out")
	for _, d := range []string{outside, filepath.Join(dir, "rules")} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	keep := map[string]string{"index.html": "outside index", "secret": "outside secret", "style.css": "outside style"}
	for name, text := range keep {
		if err := os.WriteFile(filepath.Join(outside, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	links := map[string]string{
		"207":            outside,                                     // a directory of the site
		"index.html":     filepath.Join(outside, "secret"),            // a file of the site
		"rules/redirect": outside,                                     // a directory below another
		"style.css":      filepath.Join("..", "outside", "style.css"), // a relative link
	}
	for name, target := range links {
		if err := os.Symlink(target, filepath.Join(dir, filepath.FromSlash(name))); err != nil {
			t.Fatal(err)
		}
	}
	files := map[string][]byte{
		"index.html": []byte("site index"), "style.css": []byte("site style"),
		"207/index.html": []byte("site 207"), "rules/redirect/index.html": []byte("site rule"),
	}
	if err := Write(dir, files); err != nil {
		t.Fatal(err)
	}
	for name, text := range keep {
		got, err := os.ReadFile(filepath.Join(outside, name))
		if err != nil || string(got) != text {
			t.Errorf("outside/%s: %q, %v; want it untouched (%q)", name, got, err, text)
		}
	}
	entries, _ := os.ReadDir(outside)
	if len(entries) != len(keep) {
		t.Errorf("outside/ holds %d entries, want the %d it had", len(entries), len(keep))
	}
	for name, want := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		got, err := os.ReadFile(p)
		if err != nil || string(got) != string(want) {
			t.Errorf("%s: %q, %v; want %q", name, got, err, want)
		}
		for q := p; q != dir; q = filepath.Dir(q) {
			if fi, err := os.Lstat(q); err != nil || fi.Mode()&os.ModeSymlink != 0 {
				t.Errorf("%s is still a link (%v)", q, err)
			}
		}
	}
}

func TestWriteErrors(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "207"), []byte("a file"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(dir, "style.css"), 0o755); err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]string{
		"207/index.html": filepath.Join(dir, "207") + " is a file where the site has a directory: remove it, or write the site to an empty directory",
		"style.css":      filepath.Join(dir, "style.css") + " is a directory where the site has a file: remove it, or write the site to an empty directory",
	} {
		err := Write(dir, map[string][]byte{name: []byte("x")})
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("Write %s: %v, want %q", name, err, want)
		}
	}
}
