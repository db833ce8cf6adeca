package main

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, src := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

const vendorCode = "package p\nimport \"net/http\"\nfunc h(w http.ResponseWriter) { w.WriteHeader(499) }\n"
const unknownCode = "package p\nimport \"net/http\"\nfunc h(w http.ResponseWriter) { w.WriteHeader(430) }\n"

func TestCheckConfig(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		".httpcodes.yaml": "rules:\n  prefer-constant: off\n  nonstandard-status: error\nexclude:\n  - gen/**\ncodes:\n  - code: 430\n    title: Would Block\n    meaning: The request would block a long-running job.\n",
		"a/vendor.go":     vendorCode,
		"a/unknown.go":    unknownCode,
		"gen/skipped.go":  unknownCode,
	})
	status, stdout, stderr := runCmd(t, "check", "--fail-on", "error", filepath.Join(dir, "a"))
	// Found from the checked path upward: 499 becomes an error, 430 is the
	// project's own code, gen/ is excluded, prefer-constant is off.
	if status != exitFindings {
		t.Errorf("exit %d; stderr %s", status, stderr)
	}
	if !strings.Contains(stdout, "error: w.WriteHeader(499) with 499 Client Closed Request") && !strings.Contains(stdout, "error: w.WriteHeader with 499") {
		t.Errorf("nonstandard-status at error severity missing:\n%s", stdout)
	}
	for _, unwanted := range []string{"unknown-status", "prefer-constant", "skipped.go"} {
		if strings.Contains(stdout, unwanted) {
			t.Errorf("%s in output:\n%s", unwanted, stdout)
		}
	}
	// explain shows the project's own code with --config.
	status, stdout, _ = runCmd(t, "explain", "--config", filepath.Join(dir, ".httpcodes.yaml"), "430")
	if status != exitOK || !strings.Contains(stdout, "430 Would Block") || !strings.Contains(stdout, "this project's own code") {
		t.Errorf("explain a custom code: exit %d\n%s", status, stdout)
	}
}

func TestCheckConfigErrors(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"bad.yaml": "rules:\n  prefer-constant: sometimes\n",
		"x.go":     vendorCode,
	})
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"check", "--config", filepath.Join(dir, "bad.yaml"), dir}, "bad.yaml:2: rules: prefer-constant: \"sometimes\" is not a severity"},
		{[]string{"check", "--config", filepath.Join(dir, "none.yaml"), dir}, "none.yaml: no such file"},
	}
	for _, tt := range tests {
		status, _, stderr := runCmd(t, tt.args...)
		if status != exitError || !strings.Contains(stderr, tt.want) {
			t.Errorf("%v: exit %d, stderr %q; want 2 and %q", tt.args[1:3], status, stderr, tt.want)
		}
	}
}

func TestCheckRespectsGitignore(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Fatal("git is needed: apt-get install git")
	}
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		".gitignore":       "ignored.go\nbuild/\n",
		"kept.go":          unknownCode,
		"ignored.go":       unknownCode,
		"build/out.go":     unknownCode,
		"sub/untracked.go": unknownCode,
	})
	if out, err := exec.Command("git", "-C", dir, "init", "-q").CombinedOutput(); err != nil {
		t.Fatalf("git init: %v %s", err, out)
	}
	_, stdout, stderr := runCmd(t, "check", dir)
	for _, want := range []string{"kept.go", "untracked.go"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("%s not checked:\n%s", want, stdout)
		}
	}
	for _, unwanted := range []string{"ignored.go", "out.go"} {
		if strings.Contains(stdout, unwanted) {
			t.Errorf("%s checked though .gitignore names it:\n%s", unwanted, stdout)
		}
	}
	if !strings.Contains(stderr, "in 2 files checked") {
		t.Errorf("summary: %s", stderr)
	}
	// Named explicitly, an ignored file is checked.
	_, stdout, _ = runCmd(t, "check", filepath.Join(dir, "ignored.go"))
	if !strings.Contains(stdout, "ignored.go") {
		t.Errorf("an ignored file named on the command line was not checked")
	}
}

func TestProgressOnlyOnTerminals(t *testing.T) {
	var buf strings.Builder
	p := startProgress(&buf, 10)
	p.done()
	p.stop()
	if buf.Len() != 0 {
		t.Errorf("progress written to a non-terminal: %q", buf.String())
	}
}

// TestConfigThroughBinary builds the command once and runs it on
// configurations: each mistake, and excludes that leave out every file.
func TestConfigThroughBinary(t *testing.T) {
	bin := filepath.Join(t.TempDir(), "httpcodes")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	t.Run("mistakes", func(t *testing.T) { configMistakes(t, bin) })
	t.Run("exclude everything", func(t *testing.T) { excludeEverything(t, bin) })
}

// configMistakes runs check, explain and site on each mistake
// .httpcodes.yaml can hold: each stops with exit 2 and "FILE:LINE: what is
// wrong".
func configMistakes(t *testing.T, bin string) {
	deep := strings.Repeat("[", 10001) + strings.Repeat("]", 10001)
	tests := []struct {
		name, src, want string // want follows "FILE:"
	}{
		{"duplicate rule", "rules:\n  prefer-constant: off\n  prefer-constant: error\n",
			`3: rules: "prefer-constant" is given twice (first on line 2)`},
		{"duplicate top-level key", "exclude: [gen]\nrules: {}\nexclude: [legacy]\n",
			`3: "exclude" is given twice (first on line 1)`},
		{"duplicate key in a code", "codes:\n  - code: 430\n    title: A\n    code: 431\n",
			`4: codes: "code" is given twice (first on line 2)`},
		{"second document", "rules:\n  prefer-constant: off\n---\nrules:\n  prefer-constant: error\n",
			"3: a second YAML document starts here; only one document is read: remove the --- and put its settings in the first"},
		{"undefined anchor", "exclude:\n  - *gen\n",
			"2: the alias *gen names no anchor; define &gen before it, or write the value out"},
		{"control character", "rules:\n  prefer-constant: off\nexclude: [\"a\x07\"]\n",
			"3: control character U+0007 is not allowed; remove it"},
		{"invalid UTF-8", "# r\xe8gles\nrules: {}\n",
			"1: invalid UTF-8 (byte 0xE8); save the file as UTF-8"},
		{"nesting past 10000", "rules: {}\nexclude:\n  - " + deep + "\n",
			"3: nested more than 10000 levels deep; a configuration is at most three levels deep"},
		{"a registered code", "codes:\n  - code: 404\n    title: Gone Fishing\n",
			"2: codes: 404 Not Found is already defined by the IANA registry; a project's own code must use a number the registry has not assigned"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			writeFiles(t, dir, map[string]string{".httpcodes.yaml": tt.src, "a/x.go": unknownCode})
			file := filepath.Join(dir, ".httpcodes.yaml")
			want := "httpcodes: " + file + ":" + tt.want + "\n"
			for _, args := range [][]string{
				{"check", filepath.Join(dir, "a")}, // found from the checked path upward
				{"check", "--config", file, filepath.Join(dir, "a")},
				{"explain", "--config", file, "404"},
				{"site", "--config", file, "--out", filepath.Join(dir, "site")},
			} {
				cmd := exec.Command(bin, args...)
				var stdout, stderr strings.Builder
				cmd.Stdout, cmd.Stderr = &stdout, &stderr
				err := cmd.Run()
				want := want
				if len(args) == 2 {
					// A configuration found in the walk governs the files
					// under it: they wait for a fix, the others are checked
					// (here there are none), and the summary says so.
					want += "httpcodes: 0 findings in 0 files checked\n"
				}
				var exit *exec.ExitError
				if !errors.As(err, &exit) || exit.ExitCode() != exitError || stderr.String() != want || stdout.Len() != 0 {
					t.Errorf("httpcodes %s: %v\nstderr %q\nwant   %q (exit 2)\nstdout %q", args[0], err, stderr.String(), want, stdout.String())
				}
			}
		})
	}
}

// excludeEverything: exclude ["**"] leaves out every file, names starting
// with dots too.
func excludeEverything(t *testing.T, bin string) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		".httpcodes.yaml": "exclude: [\"**\"]\n",
		"..x.go":          unknownCode,
		".y.go":           unknownCode,
		"main.go":         unknownCode,
		"..d/z.go":        unknownCode,
		"sub/..w.go":      unknownCode,
	})
	cmd := exec.Command(bin, "check", dir)
	var stdout, stderr strings.Builder
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil || stdout.String() != "" || stderr.String() != "httpcodes: 0 findings in 0 files checked\n" {
		t.Errorf("check: %v\nstdout %q\nstderr %q", err, stdout.String(), stderr.String())
	}
}
