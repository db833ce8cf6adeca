package main

import (
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
