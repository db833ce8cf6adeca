package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

const redirectBug = "package api\n\nimport \"net/http\"\n\nfunc login(w http.ResponseWriter, r *http.Request) {\n\thttp.Redirect(w, r, \"/home\", http.StatusOK)\n}\n"

// runWithStdin runs the command in-process with stdin.
func runWithStdin(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var stdout, stderr strings.Builder
	code := run(args, strings.NewReader(stdin), &stdout, &stderr)
	return code, stdout.String(), stderr.String()
}

func TestCheckStdin(t *testing.T) {
	status, stdout, stderr := runWithStdin(t, redirectBug, "check", "--stdin-filename", "api/login.go", "-")
	if status != 1 || !strings.HasPrefix(stdout, "api/login.go:6:31: error: http.Redirect with 200 OK") || stderr != "httpcodes: 1 finding (1 error) in 1 file checked\n" {
		t.Errorf("check --stdin-filename api/login.go -: exit %d\nstdout %q\nstderr %q", status, stdout, stderr)
	}
	// The name picks the language: as Markdown, nothing is read.
	status, stdout, stderr = runWithStdin(t, redirectBug, "check", "--stdin-filename", "README.md", "-")
	if status != 0 || stdout != "" || !strings.HasPrefix(stderr, "httpcodes: README.md: skipped: no language httpcodes reads (a .md file)\nhttpcodes: 0 findings in 0 files checked\n") {
		t.Errorf("stdin as README.md: exit %d, stdout %q, stderr %q", status, stdout, stderr)
	}
	// --diff shows the fix of stdin, named as given.
	created := "package api\n\nimport \"net/http\"\n\nfunc f(w http.ResponseWriter) {\n\tw.WriteHeader(201)\n}\n"
	status, stdout, _ = runWithStdin(t, created, "check", "--diff", "--stdin-filename", "api/created.go", "-")
	if status != 0 || !strings.HasPrefix(stdout, "--- a/api/created.go\n+++ b/api/created.go\n") || !strings.Contains(stdout, "\n+\tw.WriteHeader(http.StatusCreated)\n") {
		t.Errorf("--diff of stdin: exit %d:\n%s", status, stdout)
	}
	for _, tt := range []struct {
		args   []string
		stderr string
	}{
		{[]string{"check", "-"}, "httpcodes: check: \"-\" reads the source from stdin: name it with --stdin-filename PATH, which picks its language and configuration\n"},
		{[]string{"check", "--stdin-filename", "a.go", "-", "b.go"}, "httpcodes: check: --stdin-filename checks stdin alone: give \"-\" as the only path\n"},
		{[]string{"check", "--stdin-filename", "a.go", "--fix", "-"}, "httpcodes: check: --fix writes files in place; with stdin, use --diff\n"},
	} {
		status, _, stderr := runWithStdin(t, redirectBug, tt.args...)
		if status != 2 || !strings.HasPrefix(stderr, tt.stderr) {
			t.Errorf("%v: exit %d, stderr %q; want 2 and %q", tt.args, status, stderr, tt.stderr)
		}
	}
}

func TestCheckSelectIgnore(t *testing.T) {
	rulesOf := func(stdout string) string {
		var rules []string
		for _, line := range strings.Split(strings.TrimSpace(stdout), "\n") {
			if i := strings.LastIndex(line, "["); i >= 0 {
				rules = append(rules, strings.TrimSuffix(line[i+1:], "]"))
			}
		}
		return strings.Join(rules, " ")
	}
	tests := []struct {
		args  []string
		rules string
	}{
		{[]string{"--select", "redirect-status,prefer-constant"}, "prefer-constant redirect-status"},
		{[]string{"--select", "redirect-status", "--select", "prefer-constant"}, "prefer-constant redirect-status"},
		{[]string{"--ignore", "redirect-status,prefer-constant,bodiless-status"}, "reason-mismatch superfluous-writeheader missing-header"},
		{[]string{"--select", "redirect-status,prefer-constant", "--ignore", "prefer-constant"}, "redirect-status"},
	}
	for _, tt := range tests {
		_, stdout, stderr := runCmd(t, append([]string{"check", "testdata/check"}, tt.args...)...)
		if got := rulesOf(stdout); got != tt.rules {
			t.Errorf("%v: rules %q, want %q\n%s", tt.args, got, tt.rules, stderr)
		}
	}
	status, _, stderr := runCmd(t, "check", "testdata/check", "--select", "redirect-stauts")
	if want := "httpcodes: check: --select: \"redirect-stauts\" is not a rule; did you mean redirect-status?; run \"httpcodes rules\" to list them\n"; status != 2 || !strings.HasPrefix(stderr, want) {
		t.Errorf("--select redirect-stauts: exit %d, stderr %q", status, stderr)
	}
	// The configuration's severities still apply to what is selected.
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, ".httpcodes.yaml"), "rules:\n  redirect-status: hint\n")
	writeFile(t, filepath.Join(dir, "login.go"), redirectBug)
	status, stdout, _ := runCmd(t, "check", dir, "--select", "redirect-status")
	if status != 0 || !strings.Contains(stdout, ": hint: http.Redirect with 200 OK") {
		t.Errorf("--select with a configured severity: exit %d:\n%s", status, stdout)
	}
}

func writeFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestCheckExitZeroQuietStatisticsOutput(t *testing.T) {
	status, stdout, stderr := runCmd(t, "check", "testdata/check", "--exit-zero")
	if status != 0 || !strings.Contains(stdout, "[redirect-status]") || !strings.Contains(stderr, "6 findings") {
		t.Errorf("--exit-zero: exit %d, stderr %q", status, stderr)
	}
	if status, _, _ := runCmd(t, "check", "missing-dir", "--exit-zero"); status != 2 {
		t.Errorf("--exit-zero with an error: exit %d, want 2", status)
	}
	status, _, stderr = runCmd(t, "check", "testdata/check", "-q")
	if status != 1 || stderr != "" {
		t.Errorf("-q: exit %d, stderr %q", status, stderr)
	}
	status, stdout, _ = runCmd(t, "check", "testdata/check", "--statistics")
	want := "    1  bodiless-status          warning\n    1  missing-header           warning\n    1  prefer-constant          hint\n    1  reason-mismatch          warning\n    1  redirect-status          error\n    1  superfluous-writeheader  warning\n"
	if status != 1 || stdout != want {
		t.Errorf("--statistics: exit %d:\n%s", status, stdout)
	}
	out := filepath.Join(t.TempDir(), "report.json")
	_, wantJSON, _ := runCmd(t, "check", "testdata/check", "--format", "json")
	status, stdout, _ = runCmd(t, "check", "testdata/check", "--format", "json", "-o", out)
	got, err := os.ReadFile(out)
	if status != 1 || stdout != "" || err != nil || string(got) != wantJSON {
		t.Errorf("-o: exit %d, stdout %q, file %q (%v)", status, stdout, got, err)
	}
}

func TestCheckForceExclude(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, ".httpcodes.yaml"), "exclude: [legacy/**]\n")
	named := filepath.Join(dir, "legacy", "login.go")
	writeFile(t, named, redirectBug)
	if status, _, _ := runCmd(t, "check", named); status != 1 {
		t.Errorf("a named excluded file without --force-exclude: exit %d, want 1 (checked)", status)
	}
	status, stdout, stderr := runCmd(t, "check", "--force-exclude", named)
	if status != 0 || stdout != "" || !strings.Contains(stderr, "login.go: skipped: excluded by ") || !strings.Contains(stderr, "0 files checked") {
		t.Errorf("--force-exclude: exit %d, stdout %q, stderr %q", status, stdout, stderr)
	}
	t.Setenv("PRE_COMMIT", "1")
	if status, _, stderr := runCmd(t, "check", named); status != 0 || !strings.Contains(stderr, "(--force-exclude)") {
		t.Errorf("under pre-commit: exit %d, stderr %q; want the exclude applied", status, stderr)
	}
	if status, _, _ := runCmd(t, "check", "--force-exclude=false", named); status != 1 {
		t.Errorf("under pre-commit with --force-exclude=false: exit %d, want 1", status)
	}
}

// gitRepo makes a repository in a new directory with one commit of files,
// and makes it the working directory.
func gitRepo(t *testing.T, files map[string]string) string {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	dir := t.TempDir()
	for name, content := range files {
		writeFile(t, filepath.Join(dir, name), content)
	}
	gitIn(t, dir, "init", "-q", "-b", "main")
	gitIn(t, dir, "add", ".")
	gitIn(t, dir, "commit", "-q", "-m", "first")
	t.Chdir(dir)
	return dir
}

func gitIn(t *testing.T, dir string, args ...string) {
	t.Helper()
	cmd := exec.Command("git", append([]string{"-C", dir, "-c", "user.name=t", "-c", "user.email=t@example.com", "-c", "safe.directory=*"}, args...)...)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("git %v: %v\n%s", args, err, out)
	}
}

// TestCheckNewFrom checks that only the findings on lines changed since a
// revision are reported: an old finding is not, a new one in an old file
// is, and a new file counts whole.
func TestCheckNewFrom(t *testing.T) {
	old := "package api\n\nimport \"net/http\"\n\nfunc old(w http.ResponseWriter, r *http.Request) {\n\thttp.Redirect(w, r, \"/\", http.StatusOK)\n}\n"
	dir := gitRepo(t, map[string]string{"old.go": old})
	gitIn(t, dir, "checkout", "-q", "-b", "feature")
	writeFile(t, filepath.Join(dir, "old.go"), old+"\nfunc added(w http.ResponseWriter, r *http.Request) {\n\thttp.Redirect(w, r, \"/\", http.StatusOK)\n}\n")
	writeFile(t, filepath.Join(dir, "new.go"), redirectBug)
	const want = "new.go:6:31: error: http.Redirect with 200 OK"
	for _, args := range [][]string{
		{"check", "--new-from-rev", "HEAD"},
		{"check", "--new-from-merge-base", "main", "."},
	} {
		status, stdout, stderr := runCmd(t, args...)
		lines := strings.Split(strings.TrimSpace(stdout), "\n")
		if status != 1 || len(lines) != 2 || !strings.HasPrefix(lines[0], want) || !strings.HasPrefix(lines[1], "old.go:10:27: error: ") {
			t.Errorf("%v: exit %d:\n%s%s", args, status, stdout, stderr)
		}
	}
	// Committed on the branch: the merge base still counts it as new.
	gitIn(t, dir, "add", ".")
	gitIn(t, dir, "commit", "-q", "-m", "second")
	status, stdout, _ := runCmd(t, "check", "--new-from-merge-base", "main")
	if status != 1 || strings.Count(stdout, "\n") != 2 {
		t.Errorf("--new-from-merge-base main after a commit: exit %d:\n%s", status, stdout)
	}
	if status, stdout, _ := runCmd(t, "check", "--new-from-rev", "HEAD"); status != 0 || stdout != "" {
		t.Errorf("--new-from-rev HEAD with nothing changed: exit %d:\n%s", status, stdout)
	}
	status, _, stderr := runCmd(t, "check", "--new-from-merge-base", "origin/main")
	if status != 2 || !strings.Contains(stderr, "--new-from-merge-base origin/main: git merge-base: ") || !strings.Contains(stderr, "fetch-depth: 0") {
		t.Errorf("an unknown base: exit %d, stderr %q", status, stderr)
	}
	if status, _, stderr := runCmd(t, "check", "--new-from-rev", "HEAD", "--new-from-patch", "x.diff"); status != 2 || !strings.Contains(stderr, "--new-from-patch and --new-from-rev do not go together") {
		t.Errorf("two modes: exit %d, stderr %q", status, stderr)
	}
}

func TestCheckNewFromPatch(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	src := redirectBug + "\nfunc two(w http.ResponseWriter, r *http.Request) {\n\thttp.Redirect(w, r, \"/\", http.StatusOK)\n}\n"
	writeFile(t, "api/login.go", src)
	writeFile(t, "change.diff", "diff --git a/api/login.go b/api/login.go\n--- a/api/login.go\n+++ b/api/login.go\n@@ -8,0 +9,4 @@ func login(w http.ResponseWriter, r *http.Request) {\n+func two(w http.ResponseWriter, r *http.Request) {\n+\thttp.Redirect(w, r, \"/\", http.StatusOK)\n+}\n+\n")
	status, stdout, stderr := runCmd(t, "check", "--new-from-patch", "change.diff", "api")
	if status != 1 || !strings.HasPrefix(stdout, "api/login.go:10:27: error: ") || strings.Count(stdout, "\n") != 1 {
		t.Errorf("--new-from-patch: exit %d:\n%s%s", status, stdout, stderr)
	}
	status, _, stderr = runCmd(t, "check", "--new-from-patch", "missing.diff", "api")
	if status != 2 || !strings.Contains(stderr, "httpcodes: check: --new-from-patch: open missing.diff: no such file or directory") {
		t.Errorf("a missing patch: exit %d, stderr %q", status, stderr)
	}
}

func TestHunkNew(t *testing.T) {
	tests := []struct {
		header       string
		start, count int
	}{
		{"@@ -1,2 +3,4 @@", 3, 4}, {"@@ -1 +5 @@ func f() {", 5, 1}, {"@@ -3,2 +2,0 @@", 2, 0},
	}
	for _, tt := range tests {
		start, count, err := hunkNew(tt.header)
		if err != nil || start != tt.start || count != tt.count {
			t.Errorf("hunkNew(%q) = %d, %d, %v", tt.header, start, count, err)
		}
	}
	if _, _, err := hunkNew("@@ nonsense"); err == nil {
		t.Error("hunkNew accepted nonsense")
	}
}
