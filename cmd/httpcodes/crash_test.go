package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/httpcodes/httpcodes/analysis"
)

// panicOn makes the analysis panic for files named name, for one test: the
// scanners are not known to panic, so the recovery is proved with a fault
// put there on purpose (the analyze seam of check.go). when, if set,
// narrows it to some texts of the file.
func panicOn(t *testing.T, name string, when func(src []byte) bool) {
	t.Helper()
	t.Cleanup(func() { analyze = analysis.Analyze })
	analyze = func(path string, src []byte, opts *analysis.Options) *analysis.Result {
		if filepath.Base(path) == name && (when == nil || when(src)) {
			panic("injected fault in " + name)
		}
		return analysis.Analyze(path, src, opts)
	}
}

const handler999 = "package p\n\nimport \"net/http\"\n\nfunc f(w http.ResponseWriter) { w.WriteHeader(999) }\n"

// TestCheckPanicInOneFile: a panic in the analysis of one file is that
// file's internal error: check names the file, the panic and its stack on
// stderr, asks for a report, exits 2, and prints every other file's
// findings exactly as without the fault, in every format.
func TestCheckPanicInOneFile(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{"boom.go": handler999}
	for _, name := range []string{"a.go", "c.go", "d.go", "e.go", "f.go", "g.go", "h.go"} {
		files[name] = handler999
	}
	writeFiles(t, dir, files)
	t.Chdir(dir)

	for _, format := range []string{"text", "json", "sarif", "github"} {
		// What check prints for the other files, with no fault.
		os.Rename("boom.go", "boom.go.off")
		cleanStatus, want, _ := runCmd(t, "check", "--format", format, ".")
		os.Rename("boom.go.off", "boom.go")
		if cleanStatus != exitFindings || !strings.Contains(want, "a.go") || !strings.Contains(want, "h.go") {
			t.Fatalf("%s: without boom.go, exit %d:\n%s", format, cleanStatus, want)
		}

		panicOn(t, "boom.go", nil)
		status, stdout, stderr := runCmd(t, "check", "--format", format, ".")
		if status != exitError {
			t.Errorf("%s: exit %d, want %d", format, status, exitError)
		}
		if format == "json" || format == "sarif" {
			// The files list and the summary count boom.go; the findings
			// are the other files'.
			if !json.Valid([]byte(stdout)) {
				t.Errorf("%s: stdout is not JSON:\n%s", format, stdout)
			}
			if strings.Count(stdout, "WriteHeader with 999") != strings.Count(want, "WriteHeader with 999") {
				t.Errorf("%s: stdout has %d findings, want %d:\n%s", format, strings.Count(stdout, "WriteHeader with 999"), strings.Count(want, "WriteHeader with 999"), stdout)
			}
		} else if stdout != want {
			t.Errorf("%s: stdout differs from the run without boom.go:\n%s", format, firstDiff(want, stdout))
		}
		if strings.Contains(stdout, "boom.go") {
			t.Errorf("%s: stdout names boom.go:\n%s", format, stdout)
		}
		for _, line := range []string{
			"httpcodes: boom.go: internal error: the analysis panicked: injected fault in boom.go\n",
			"This is a bug in httpcodes " + buildVersion() + ", not in your file. Please report it at https://github.com/httpcodes/httpcodes/issues\n",
			"The other files were checked.\ngoroutine ",
			"/crash_test.go:", // the stack, down to the frame that panicked
			"httpcodes: 7 findings (7 warnings) in 7 files checked",
		} {
			if !strings.Contains(stderr, line) {
				t.Errorf("%s: stderr lacks %q:\n%s", format, line, stderr)
			}
		}
		if n := strings.Count(stderr, "internal error"); n != 1 {
			t.Errorf("%s: %d internal errors, want 1", format, n)
		}
	}
}

// TestCheckPanicInFix: a panic in the analysis --fix runs on a file's fixed
// text leaves that file unchanged, reported as an internal error, while
// the other files are fixed.
func TestCheckPanicInFix(t *testing.T) {
	src, err := os.ReadFile("testdata/fixlate/late.go")
	if err != nil {
		t.Fatal(err)
	}
	fixed, err := os.ReadFile(filepath.Join(goldenDir, "fix-late.go.fixed"))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"late.go": string(src), "boom.go": string(src)})
	t.Chdir(dir)
	// Only the second round panics: the fixed text, not the file on disk.
	panicOn(t, "boom.go", func(text []byte) bool { return !bytes.Equal(text, src) })

	status, stdout, stderr := runCmd(t, "check", "--fix", "--unsafe-fixes", ".")
	if status != exitError {
		t.Errorf("exit %d, want %d\nstdout:\n%s\nstderr:\n%s", status, exitError, stdout, stderr)
	}
	for _, line := range []string{
		"httpcodes: boom.go: internal error: the analysis panicked: injected fault in boom.go\n",
		"The file was left unchanged; the other files were fixed.\ngoroutine ",
		"httpcodes: late.go: fixed 2 findings\n",
	} {
		if !strings.Contains(stderr, line) {
			t.Errorf("stderr lacks %q:\n%s", line, stderr)
		}
	}
	if strings.Contains(stderr, "boom.go: fixed") {
		t.Errorf("boom.go reported fixed:\n%s", stderr)
	}
	if got, _ := os.ReadFile("boom.go"); !bytes.Equal(got, src) {
		t.Errorf("boom.go changed:\n%s", got)
	}
	if got, _ := os.ReadFile("late.go"); !bytes.Equal(got, fixed) {
		t.Errorf("late.go is not fixed:\n%s", got)
	}
}

// TestCheckImportAtEnd: a Java file ending at import (which panicked in the
// JVM scanner) is checked with the others, with the real analysis.
func TestCheckImportAtEnd(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"X.java": "import org.springframework.http.HttpStatus;\nclass A { void f() { response.setStatus(999); } }\nimport",
		"Y.kt":   "import org.springframework.http.HttpStatus\nimport static",
		"a.go":   handler999,
	})
	t.Chdir(dir)
	status, stdout, stderr := runCmd(t, "check", ".")
	if status != exitFindings || strings.Contains(stderr, "internal error") {
		t.Fatalf("exit %d\nstdout:\n%s\nstderr:\n%s", status, stdout, stderr)
	}
	lines := strings.Split(strings.TrimSpace(stdout), "\n")
	if len(lines) != 2 || !strings.HasPrefix(lines[0], "X.java:2:41: warning: response.setStatus with 999: ") || !strings.HasPrefix(lines[1], "a.go:5:47: warning: w.WriteHeader with 999: ") {
		t.Errorf("stdout:\n%s", stdout)
	}
}
