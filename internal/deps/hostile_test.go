//go:build unix

package deps

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"syscall"
	"testing"
	"time"

	"github.com/httpcodes/httpcodes/codes"
)

// TestHostileLockfiles: a lockfile a pull request commits as a symlink to
// /dev/zero, or a FIFO, is an error beside the other files' pins; neither
// is read (which would take memory without bound, or wait for ever).
func TestHostileLockfiles(t *testing.T) {
	root := t.TempDir()
	if err := os.WriteFile(filepath.Join(root, "requirements.txt"), []byte("starlette==0.49.0\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	zero := filepath.Join(root, "Gemfile.lock")
	if err := os.Symlink("/dev/zero", zero); err != nil {
		t.Fatal(err)
	}
	fifo := filepath.Join(root, "api", "poetry.lock")
	if err := os.Mkdir(filepath.Dir(fifo), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	want := Versions{codes.Starlette: "0.49.0"}
	wantErrs := "read " + zero + ": not a regular file (a device)\nread " + fifo + ": not a regular file (a named pipe)"

	done := make(chan struct{})
	go func() {
		defer close(done)
		got, errs := Scan(root, 6)
		if !reflect.DeepEqual(got, want) || errors.Join(errs...).Error() != wantErrs {
			t.Errorf("Scan = %v, %v; want %v and\n%s", got, errs, want, wantErrs)
		}
		got, errs = Read([]string{filepath.Join(root, "requirements.txt"), zero, fifo, filepath.Join(root, "gone.lock")})
		if !reflect.DeepEqual(got, want) || errors.Join(errs...).Error() != wantErrs {
			t.Errorf("Read = %v, %v; want %v and\n%s", got, errs, want, wantErrs)
		}
	}()
	select {
	case <-done:
	case <-time.After(20 * time.Second):
		t.Fatal("reading the lockfiles still runs after 20s")
	}
}
