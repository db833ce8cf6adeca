//go:build unix

package main

import (
	"bufio"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestProcess is not a test: other tests run the test binary as httpcodes
// in a process of its own (to signal it, or run it as another user), with
// HTTPCODES_TEST_PROCESS set and the arguments after "--".
// HTTPCODES_TEST_PAUSE=N makes --fix print "paused" and wait, just before it
// swaps in the Nth fixed file, whose temporary file is then written.
func TestProcess(t *testing.T) {
	if os.Getenv("HTTPCODES_TEST_PROCESS") == "" {
		t.Skip("the httpcodes process other tests start")
	}
	args := os.Args
	for i, a := range args {
		if a == "--" {
			args = args[i+1:]
			break
		}
	}
	if n, err := strconv.Atoi(os.Getenv("HTTPCODES_TEST_PAUSE")); err == nil {
		swaps := 0
		beforeSwap = func(string) {
			if swaps++; swaps == n {
				fmt.Println("paused")
				time.Sleep(time.Hour)
			}
		}
	}
	os.Exit(run(args, os.Stdin, os.Stdout, os.Stderr))
}

// processCommand is the httpcodes command line args, run by the test binary
// at exe in a process of its own.
func processCommand(exe string, args ...string) *exec.Cmd {
	cmd := exec.Command(exe, append([]string{"-test.run=^TestProcess$", "--"}, args...)...)
	cmd.Env = append(os.Environ(), "HTTPCODES_TEST_PROCESS=1")
	return cmd
}

func fixtures(t *testing.T) (before, after []byte) {
	t.Helper()
	before, err := os.ReadFile("testdata/fix/handler.go")
	if err != nil {
		t.Fatal(err)
	}
	after, err = os.ReadFile(filepath.Join(goldenDir, "fix-handler.go.fixed"))
	if err != nil {
		t.Fatal(err)
	}
	return before, after
}

// onlyFiles fails the test when dir holds anything but names: no temporary
// file is left behind.
func onlyFiles(t *testing.T, dir string, names ...string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range entries {
		got = append(got, e.Name())
	}
	if strings.Join(got, " ") != strings.Join(names, " ") {
		t.Errorf("%s holds %v, want %v", dir, got, names)
	}
}

func hasContent(t *testing.T, path string, want []byte, what string) {
	t.Helper()
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != string(want) {
		t.Errorf("%s does not hold %s:\n%s", path, what, got)
	}
}

// TestFixSymlink: a symlink named on the command line stays a link, and
// the file it points to is fixed.
func TestFixSymlink(t *testing.T) {
	before, after := fixtures(t)
	dir := t.TempDir()
	real := filepath.Join(dir, "real.go")
	if err := os.WriteFile(real, before, 0o640); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link.go")
	if err := os.Symlink("real.go", link); err != nil {
		t.Fatal(err)
	}
	status, _, stderr := runCmd(t, "check", "--fix", link)
	if status != exitOK || !strings.Contains(stderr, "fixed 6 findings") {
		t.Fatalf("exit %d, stderr:\n%s", status, stderr)
	}
	if to, err := os.Readlink(link); err != nil || to != "real.go" {
		t.Errorf("the link now: %q %v", to, err)
	}
	hasContent(t, real, after, "the fixes")
	if info, _ := os.Stat(real); info.Mode() != 0o640 {
		t.Errorf("mode %v", info.Mode())
	}
	onlyFiles(t, dir, "link.go", "real.go")
}

// TestFixHardLinks: a file with two names is written in place, so both
// names still share it and see the fix.
func TestFixHardLinks(t *testing.T) {
	before, after := fixtures(t)
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.go"), filepath.Join(dir, "b.go")
	if err := os.WriteFile(a, before, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Link(a, b); err != nil {
		t.Fatal(err)
	}
	status, _, stderr := runCmd(t, "check", "--fix", a)
	if status != exitOK || !strings.Contains(stderr, "fixed 6 findings") {
		t.Fatalf("exit %d, stderr:\n%s", status, stderr)
	}
	ia, _ := os.Stat(a)
	ib, _ := os.Stat(b)
	if !os.SameFile(ia, ib) || linkCount(ia) != 2 {
		t.Errorf("a.go and b.go are no longer one file")
	}
	hasContent(t, b, after, "the fixes")
	onlyFiles(t, dir, "a.go", "b.go")
}

// TestFixKeepsOwnerAndMode: a file of another user and group, with every
// special mode bit, keeps them all. Only root can make such a file.
func TestFixKeepsOwnerAndMode(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("only root can give a file to another user")
	}
	before, after := fixtures(t)
	mode := fs.ModeSetuid | fs.ModeSetgid | fs.ModeSticky | 0o751
	for _, links := range []int{1, 2} {
		dir := t.TempDir()
		path := filepath.Join(dir, "handler.go")
		if err := os.WriteFile(path, before, 0o600); err != nil {
			t.Fatal(err)
		}
		if err := os.Chown(path, 12345, 23456); err != nil {
			t.Fatal(err)
		}
		if err := os.Chmod(path, mode); err != nil {
			t.Fatal(err)
		}
		if links == 2 {
			if err := os.Link(path, filepath.Join(dir, "other.go")); err != nil {
				t.Fatal(err)
			}
		}
		status, _, stderr := runCmd(t, "check", "--fix", path)
		if status != exitOK || !strings.Contains(stderr, "fixed 6 findings") {
			t.Fatalf("exit %d, stderr:\n%s", status, stderr)
		}
		hasContent(t, path, after, "the fixes")
		info, _ := os.Stat(path)
		st := info.Sys().(*syscall.Stat_t)
		if info.Mode() != mode || st.Uid != 12345 || st.Gid != 23456 || linkCount(info) != uint64(links) {
			t.Errorf("%d link(s): mode %v owner %d:%d links %d; want %v 12345:23456 %d", links, info.Mode(), st.Uid, st.Gid, linkCount(info), mode, links)
		}
	}
}

// TestFixRefusesToChangeTheOwner: a user who cannot give a new file the
// owner of the one it replaces leaves it alone and says why.
func TestFixRefusesToChangeTheOwner(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("needs root to run the binary as another user")
	}
	before, _ := fixtures(t)
	// A directory anyone may use, holding the test binary, so that user 12345
	// can run it, and a file of user 23456 that anyone may write.
	dir := t.TempDir()
	for _, d := range []string{filepath.Dir(dir), dir} {
		if err := os.Chmod(d, 0o777); err != nil {
			t.Fatal(err)
		}
	}
	self, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	exe := filepath.Join(dir, "httpcodes.test")
	copyFile(t, self, exe, 0o755)
	src := filepath.Join(dir, "src")
	if err := os.Mkdir(src, 0o777); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(src, 0o777); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(src, "handler.go")
	if err := os.WriteFile(path, before, 0o666); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(path, 0o666); err != nil {
		t.Fatal(err)
	}
	if err := os.Chown(path, 23456, 23456); err != nil {
		t.Fatal(err)
	}
	cmd := processCommand(exe, "check", "--fix", path)
	cmd.Dir = dir
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: 12345, Gid: 12345}}
	out, err := cmd.CombinedOutput()
	want := path + ": not fixed: a new file cannot be given its owner 23456:23456 and mode -rw-rw-rw-; run check --fix as its owner"
	if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != exitError || !strings.Contains(string(out), want) {
		t.Errorf("%v, output:\n%s\nwant exit 2 and %q", err, out, want)
	}
	hasContent(t, path, before, "its content")
	onlyFiles(t, src, "handler.go")
}

func copyFile(t *testing.T, from, to string, mode os.FileMode) {
	t.Helper()
	in, err := os.Open(from)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	out, err := os.OpenFile(to, os.O_WRONLY|os.O_CREATE|os.O_EXCL, mode)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := io.Copy(out, in); err != nil {
		t.Fatal(err)
	}
	if err := out.Close(); err != nil {
		t.Fatal(err)
	}
}

// TestFixEditInTheSwapWindow: an edit between --fix's last look at the
// file and the swap that puts the fixed file in its place survives, made
// in place or by renaming a new file over it, and with or without a system
// that can exchange two files.
func TestFixEditInTheSwapWindow(t *testing.T) {
	before, _ := fixtures(t)
	edited := []byte("package fix // edited by someone else\n")
	inPlace := func(p string) error { return os.WriteFile(p, edited, 0o644) }
	renamedOver := func(p string) error {
		if err := os.WriteFile(p+".new", edited, 0o644); err != nil {
			return err
		}
		return os.Rename(p+".new", p)
	}
	noExchange := func(string, string) error { return errNoExchange }
	tests := []struct {
		name     string
		edit     func(string) error
		exchange func(a, b string) error
	}{
		{"in place", inPlace, exchangeFiles},
		{"renamed over", renamedOver, exchangeFiles},
		{"in place, no exchange", inPlace, noExchange},
	}
	defer func() { beforeSwap, exchange = func(string) {}, exchangeFiles }()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "handler.go")
			if err := os.WriteFile(path, before, 0o644); err != nil {
				t.Fatal(err)
			}
			beforeSwap = func(p string) {
				if err := tt.edit(p); err != nil {
					t.Error(err)
				}
			}
			exchange = tt.exchange
			status, _, stderr := runCmd(t, "check", "--fix", path)
			if status != exitError || !strings.Contains(stderr, path+": changed since it was read; not fixed") {
				t.Errorf("exit %d, stderr:\n%s", status, stderr)
			}
			hasContent(t, path, edited, "the other edit")
			onlyFiles(t, dir, "handler.go")
		})
	}
}

// TestFixRacesAnEditor: an editor saves the file while --fix runs on it, at
// a moment that varies. Whatever the order, the editor's save is the last
// word: it came after --fix read the file, or --fix refused, or it replaced
// the fixed file. (Before the swap was checked, runs lost it.) The editor
// saves as most do, writing a new file and renaming it over the old: a
// rename and the swap are atomic to each other, so no timing can lose the
// save. A save written into the file in place cannot be guarded so
// strictly: an open(2) under way as the swap happens can truncate and write
// the file swapped out; TestFixEditInTheSwapWindow covers the window itself.
func TestFixRacesAnEditor(t *testing.T) {
	before, _ := fixtures(t)
	edited := []byte("package fix // saved by the editor\n")
	dir := t.TempDir()
	path := filepath.Join(dir, "handler.go")
	for trial := range 300 {
		if err := os.WriteFile(path, before, 0o644); err != nil {
			t.Fatal(err)
		}
		saved := make(chan error)
		go func() {
			time.Sleep(time.Duration(trial%30) * 50 * time.Microsecond)
			if err := os.WriteFile(path+".save", edited, 0o644); err != nil {
				saved <- err
				return
			}
			saved <- os.Rename(path+".save", path)
		}()
		runCmd(t, "check", "--fix", path)
		if err := <-saved; err != nil {
			t.Fatal(err)
		}
		if got, _ := os.ReadFile(path); string(got) != string(edited) {
			t.Fatalf("trial %d: the editor's save was lost:\n%s", trial, got)
		}
	}
	onlyFiles(t, dir, "handler.go")
}

// TestFixSignal: SIGTERM or SIGINT while --fix has a temporary file beside
// the file it fixes removes it; the files fixed before stay fixed, the
// others as they were.
func TestFixSignal(t *testing.T) {
	before, after := fixtures(t)
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	for _, sig := range []syscall.Signal{syscall.SIGTERM, syscall.SIGINT} {
		t.Run(sig.String(), func(t *testing.T) {
			dir := t.TempDir()
			var names []string
			for i := 1; i <= 6; i++ {
				names = append(names, fmt.Sprintf("h%d.go", i))
				if err := os.WriteFile(filepath.Join(dir, names[i-1]), before, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			cmd := processCommand(exe, "check", "--fix", dir)
			cmd.Env = append(cmd.Env, "HTTPCODES_TEST_PAUSE=3")
			stdout, err := cmd.StdoutPipe()
			if err != nil {
				t.Fatal(err)
			}
			var stderr strings.Builder
			cmd.Stderr = &stderr
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			line, err := bufio.NewReader(stdout).ReadString('\n')
			if line != "paused\n" {
				cmd.Process.Kill()
				t.Fatalf("the process said %q (%v), stderr:\n%s", line, err, stderr.String())
			}
			// The third file's temporary file is there now.
			entries, _ := os.ReadDir(dir)
			if len(entries) != 7 || !strings.HasPrefix(entries[0].Name(), ".h3.go.httpcodes-") {
				t.Errorf("while paused: %v", entries)
			}
			if err := cmd.Process.Signal(sig); err != nil {
				t.Fatal(err)
			}
			exited := make(chan error, 1)
			go func() { exited <- cmd.Wait() }()
			select {
			case err = <-exited:
			case <-time.After(20 * time.Second):
				cmd.Process.Kill()
				t.Fatal("still running 20 s after the signal")
			}
			if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != 128+int(sig) {
				t.Errorf("exit: %v, want status %d; stderr:\n%s", err, 128+int(sig), stderr.String())
			}
			onlyFiles(t, dir, names...)
			for i, name := range names {
				if i < 2 {
					hasContent(t, filepath.Join(dir, name), after, "the fixes")
				} else {
					hasContent(t, filepath.Join(dir, name), before, "its content")
				}
			}
		})
	}
}

// TestFixDiffExitStatus: check --diff exits with the status check gives
// once the diff is applied: 1 when findings at or above --fail-on remain
// that it does not fix, 0 when it fixes them all.
func TestFixDiffExitStatus(t *testing.T) {
	before, _ := fixtures(t)
	tests := []struct {
		files  map[string]string
		failOn string
		status int
	}{
		{map[string]string{"handler.go": string(before)}, "hint", exitOK}, // 6 hints, all fixed
		{map[string]string{"warn.go": warnSrc}, "warning", exitFindings},  // a warning without a fix
		{map[string]string{"handler.go": string(before), "warn.go": warnSrc}, "hint", exitFindings},
		{map[string]string{"handler.go": string(before), "warn.go": warnSrc}, "error", exitOK},
	}
	for _, tt := range tests {
		dir := t.TempDir()
		for name, src := range tt.files {
			if err := os.WriteFile(filepath.Join(dir, name), []byte(src), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		status, diff, _ := runCmd(t, "check", "--diff", "--fail-on", tt.failOn, dir)
		if status != tt.status || (tt.files["handler.go"] != "") != strings.Contains(diff, "+++ b/") {
			t.Errorf("%v --fail-on %s: --diff exits %d, want %d; diff:\n%s", len(tt.files), tt.failOn, status, tt.status, diff)
		}
		// The same status as check after --fix.
		runCmd(t, "check", "--fix", dir)
		if after, _, _ := runCmd(t, "check", "--fail-on", tt.failOn, dir); after != status {
			t.Errorf("%v --fail-on %s: check after --fix exits %d, --diff %d", len(tt.files), tt.failOn, after, status)
		}
	}
}
