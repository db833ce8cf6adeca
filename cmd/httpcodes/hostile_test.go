//go:build unix

package main

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// runCmdWithin is runCmd that fails the test when the command has not
// returned within d: a file that makes check wait for ever must not hang
// the test run too.
func runCmdWithin(t *testing.T, d time.Duration, args ...string) (int, string, string) {
	t.Helper()
	type result struct {
		status         int
		stdout, stderr string
	}
	done := make(chan result, 1)
	go func() {
		status, stdout, stderr := runCmd(t, args...)
		done <- result{status, stdout, stderr}
	}()
	select {
	case r := <-done:
		return r.status, r.stdout, r.stderr
	case <-time.After(d):
		t.Fatalf("%v still runs after %v", args, d)
	}
	return 0, "", ""
}

const warnSrc = "package p\nimport \"net/http\"\nfunc h(w http.ResponseWriter) { w.WriteHeader(299) }\n"

// hostileTree makes, in a new working directory, a.go with one warning
// beside what a pull request could commit to make check hang or fill the
// memory: a lockfile that is a symlink to /dev/zero and a FIFO with a
// source file's name.
func hostileTree(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	t.Chdir(dir)
	if err := os.WriteFile("a.go", []byte(warnSrc), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("/dev/zero", "Gemfile.lock"); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo("pipe.go", 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestCheckHostileFiles(t *testing.T) {
	finding := "a.go:3:47: warning: w.WriteHeader with 299"
	zeroLock := "httpcodes: Gemfile.lock: skipped: not a regular file (a device)\n"
	fifo := "httpcodes: pipe.go: skipped: not a regular file (a named pipe)\n"
	tests := []struct {
		name   string
		setup  func(t *testing.T)
		args   []string
		stderr []string // each line, once
	}{
		{"a tree", nil, []string{"check", "."}, []string{zeroLock, fifo}},
		{"a FIFO named", nil, []string{"check", "pipe.go", "a.go"}, []string{zeroLock, fifo}},
		{"/dev/zero named", nil, []string{"check", "/dev/zero", "a.go"}, []string{zeroLock, "/dev/zero: skipped: not a regular file (a device)\n"}},
		{"/dev/null named", nil, []string{"check", "a.go", "/dev/null"}, []string{"/dev/null: skipped: not a regular file (a device)\n"}},
		{"a file larger than the cap", func(t *testing.T) {
			// Sparse: 33 MB on the command line, no disk used.
			if err := os.WriteFile("big.go", []byte(warnSrc), 0o644); err != nil {
				t.Fatal(err)
			}
			if err := os.Truncate("big.go", 33<<20); err != nil {
				t.Fatal(err)
			}
		}, []string{"check", "."}, []string{"httpcodes: big.go: skipped: larger than 32 MB\n"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			hostileTree(t)
			if tt.setup != nil {
				tt.setup(t)
			}
			status, stdout, stderr := runCmdWithin(t, 20*time.Second, tt.args...)
			if status != exitError || !strings.HasPrefix(stdout, finding) || strings.Count(stdout, "\n") != 1 {
				t.Errorf("exit %d, stdout:\n%s\nwant exit 2 and a.go's finding", status, stdout)
			}
			for _, line := range tt.stderr {
				if strings.Count(stderr, line) != 1 {
					t.Errorf("stderr does not say once %q:\n%s", line, stderr)
				}
			}
		})
	}
}

// TestCheckHostileConfig: a configuration file that is not a regular file
// is an error, as a configuration that does not parse is, and the files it
// governs are not checked under rules it could not read.
func TestCheckHostileConfig(t *testing.T) {
	for _, create := range []func(string) error{
		func(p string) error { return os.Symlink("/dev/zero", p) },
		func(p string) error { return syscall.Mkfifo(p, 0o644) },
	} {
		dir := hostileTree(t)
		if err := create(".httpcodes.yaml"); err != nil {
			t.Fatal(err)
		}
		status, _, stderr := runCmdWithin(t, 20*time.Second, "check", "a.go")
		want := "httpcodes: config: read " + filepath.Join(dir, ".httpcodes.yaml") + ": not a regular file"
		if status != exitError || !strings.HasPrefix(stderr, want) {
			t.Errorf("exit %d, stderr %q; want 2 and %q", status, stderr, want)
		}
	}
	// Larger than the cap.
	dir := hostileTree(t)
	if err := os.WriteFile(".httpcodes.yaml", []byte("rules: {}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Truncate(".httpcodes.yaml", 2<<20); err != nil {
		t.Fatal(err)
	}
	status, _, stderr := runCmdWithin(t, 20*time.Second, "check", "a.go")
	want := "httpcodes: config: read " + filepath.Join(dir, ".httpcodes.yaml") + ": larger than 1 MB\nhttpcodes: 0 findings in 0 files checked\n"
	if status != exitError || stderr != want {
		t.Errorf("exit %d, stderr %q; want 2 and %q", status, stderr, want)
	}
}

// TestCheckSymlinkToDirectory: a symlink to a directory named on the
// command line is checked as the directory is, with or without a trailing
// slash; paths keep the name given.
func TestCheckSymlinkToDirectory(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	if err := os.Mkdir("real", 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile("real/a.go", []byte(warnSrc), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("real", "link"); err != nil {
		t.Fatal(err)
	}
	for _, arg := range []string{"link", "link/", "./link/..."} {
		status, stdout, stderr := runCmdWithin(t, 20*time.Second, "check", arg)
		if status != exitFindings || !strings.HasPrefix(stdout, "link/a.go:3:47: warning") || !strings.HasSuffix(stderr, "in 1 file checked\n") {
			t.Errorf("check %s: exit %d\nstdout:\n%s\nstderr:\n%s", arg, status, stdout, stderr)
		}
	}
}
