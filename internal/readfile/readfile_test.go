//go:build unix

package readfile

import (
	"errors"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

func TestRead(t *testing.T) {
	dir := t.TempDir()
	regular := filepath.Join(dir, "a.go")
	if err := os.WriteFile(regular, []byte("package a\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "link.go")
	if err := os.Symlink(regular, link); err != nil {
		t.Fatal(err)
	}
	fifo := filepath.Join(dir, "pipe.go")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	zero := filepath.Join(dir, "zero.go")
	if err := os.Symlink("/dev/zero", zero); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		path  string
		limit int64
		want  string
		err   error
		msg   string
	}{
		{regular, 10, "package a\n", nil, ""},
		{link, 10, "package a\n", nil, ""},
		{regular, 9, "", ErrTooLarge, "read " + regular + ": larger than 9 bytes"},
		{fifo, 1 << 20, "", ErrNotRegular, "read " + fifo + ": not a regular file (a named pipe)"},
		{zero, 1 << 20, "", ErrNotRegular, "read " + zero + ": not a regular file (a device)"},
		{"/dev/zero", 2 << 10, "", ErrNotRegular, "read /dev/zero: not a regular file (a device)"},
		{dir, 1 << 20, "", ErrNotRegular, "read " + dir + ": not a regular file (a directory)"},
	}
	for _, tt := range tests {
		done := make(chan struct{})
		var got []byte
		var err error
		go func() {
			got, err = Read(tt.path, tt.limit)
			close(done)
		}()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			t.Fatalf("Read(%s) still blocks after 10s", tt.path)
		}
		if string(got) != tt.want || !errors.Is(err, tt.err) || tt.err != nil && err.Error() != tt.msg {
			t.Errorf("Read(%s, %d) = %q, %v; want %q, %q", tt.path, tt.limit, got, err, tt.want, tt.msg)
		}
	}
	if _, err := Read(filepath.Join(dir, "missing"), 10); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a missing file: %v", err)
	}
}

func TestSize(t *testing.T) {
	for n, want := range map[int64]string{SourceLimit: "32 MB", ConfigLimit: "1 MB", ManifestLimit: "16 MB", 2 << 10: "2 KB", 1500: "1500 bytes"} {
		if got := size(n); got != want {
			t.Errorf("size(%d) = %q, want %q", n, got, want)
		}
	}
}
