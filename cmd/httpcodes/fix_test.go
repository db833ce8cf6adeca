package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// copyFixture copies testdata/fix/handler.go into a temporary directory.
func copyFixture(t *testing.T, mode os.FileMode) string {
	t.Helper()
	src, err := os.ReadFile("testdata/fix/handler.go")
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "handler.go")
	if err := os.WriteFile(path, src, mode); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestFixRoundTrip(t *testing.T) {
	path := copyFixture(t, 0o600)
	status, stdout, stderr := runCmd(t, "check", "--fix", path)
	if status != exitOK || !strings.Contains(stderr, "fixed 6 findings") {
		t.Fatalf("check --fix: exit %d\nstdout:\n%s\nstderr:\n%s", status, stdout, stderr)
	}
	got, _ := os.ReadFile(path)
	golden(t, "fix-handler.go.fixed", string(got))
	if info, _ := os.Stat(path); info.Mode().Perm() != 0o600 {
		t.Errorf("--fix changed the mode to %v", info.Mode().Perm())
	}
	// The fixed file re-checks clean of the fixed rule, and gofmt leaves it alone.
	_, stdout, _ = runCmd(t, "check", "--fail-on", "hint", path)
	if strings.Contains(stdout, "prefer-constant") {
		t.Errorf("after --fix, still:\n%s", stdout)
	}
	if out, err := exec.Command("gofmt", "-l", path).CombinedOutput(); err != nil || len(out) > 0 {
		t.Errorf("the fixed file is not gofmt-clean: %s %v", out, err)
	}
	// No temporary file is left beside it.
	entries, _ := os.ReadDir(filepath.Dir(path))
	if len(entries) != 1 {
		t.Errorf("files beside the fixed one: %v", entries)
	}
}

func TestFixDiff(t *testing.T) {
	path := copyFixture(t, 0o644)
	before, _ := os.ReadFile(path)
	t.Chdir(filepath.Dir(path))
	status, stdout, _ := runCmd(t, "check", "--diff", "handler.go")
	if status != exitOK {
		t.Errorf("check --diff: exit %d", status)
	}
	after, _ := os.ReadFile(path)
	if string(before) != string(after) {
		t.Error("--diff changed the file")
	}
	golden(t, "fix-handler.diff", stdout)
}

// TestFixLeavesAChangedFileAlone edits the file between the check's read
// and its write: the edit must survive and the run must say so.
func TestFixLeavesAChangedFileAlone(t *testing.T) {
	path := copyFixture(t, 0o644)
	edited := []byte("package fix // edited by someone else\n")
	beforeWrite = func(p string) {
		if err := os.WriteFile(p, edited, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	defer func() { beforeWrite = func(string) {} }()
	status, _, stderr := runCmd(t, "check", "--fix", path)
	if status != exitError || !strings.Contains(stderr, "changed since it was read; not fixed") {
		t.Errorf("exit %d, stderr %q", status, stderr)
	}
	if got, _ := os.ReadFile(path); string(got) != string(edited) {
		t.Errorf("the other edit was lost: %q", got)
	}
}

func TestFixFlagsConflict(t *testing.T) {
	status, _, stderr := runCmd(t, "check", "--fix", "--diff", ".")
	if status != exitError || !strings.Contains(stderr, "--fix and --diff do not go together") {
		t.Errorf("exit %d, %q", status, stderr)
	}
}

// TestFixLateHeaders: two headers set after the same write are both moved
// above it, though their fixes insert at the same place: --fix applies the
// second on a fresh analysis of the first's result.
func TestFixLateHeaders(t *testing.T) {
	src, err := os.ReadFile("testdata/fixlate/late.go")
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "late.go")
	if err := os.WriteFile(path, src, 0o644); err != nil {
		t.Fatal(err)
	}
	// The move is an unsafe fix: --fix alone leaves it.
	if status, _, stderr := runCmd(t, "check", "--fix", path); status != exitFindings || strings.Contains(stderr, "fixed") {
		t.Fatalf("check --fix applied an unsafe fix: exit %d\n%s", status, stderr)
	}
	if got, _ := os.ReadFile(path); string(got) != string(src) {
		t.Fatal("check --fix changed the file without --unsafe-fixes")
	}
	status, stdout, stderr := runCmd(t, "check", "--fix", "--unsafe-fixes", path)
	if status != exitOK || !strings.Contains(stderr, "fixed 2 findings") || strings.Contains(stderr, "overlap") {
		t.Fatalf("check --fix: exit %d\nstdout:\n%s\nstderr:\n%s", status, stdout, stderr)
	}
	got, _ := os.ReadFile(path)
	golden(t, "fix-late.go.fixed", string(got))
	if status, stdout, _ := runCmd(t, "check", path); status != exitOK || stdout != "" {
		t.Errorf("after --fix, check exits %d:\n%s", status, stdout)
	}
}
