// Package readfile reads the files a repository holds as if any of them
// could be hostile: a pull request can commit a symlink to /dev/zero, and a
// working tree can hold a FIFO or a file of gigabytes. Read never blocks on
// such a file and never reads more than a cap: it refuses what is not a
// regular file, and what is larger than the cap its caller sets.
package readfile

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"syscall"
)

// The caps check and the language server read with. Source files are large
// only when generated or minified; 32 MB is several times the largest
// hand-written file in big repositories. Lockfiles of large monorepos run to
// a few megabytes; a configuration file is a few lines.
const (
	SourceLimit   int64 = 32 << 20
	ManifestLimit int64 = 16 << 20
	ConfigLimit   int64 = 1 << 20
)

// ErrNotRegular is wrapped by the error for a path that is not a regular
// file (or a symlink to one): a directory, FIFO, device or socket.
var ErrNotRegular = errors.New("not a regular file")

// ErrTooLarge is wrapped by the error for a file larger than the cap.
var ErrTooLarge = errors.New("too large")

// refusal says why a file was not read, in words for the user, and wraps
// ErrNotRegular or ErrTooLarge for callers that test with errors.Is.
type refusal struct {
	reason string
	err    error
}

func (r refusal) Error() string { return r.reason }
func (r refusal) Unwrap() error { return r.err }

// Read returns the content of the regular file at path (a symlink to one is
// followed), at most limit bytes. A file that is not regular, or is larger
// than limit, is refused with an *fs.PathError wrapping ErrNotRegular or
// ErrTooLarge; errors opening or reading it are the system's.
func Read(path string, limit int64) ([]byte, error) {
	// O_NONBLOCK: opening a FIFO for reading otherwise waits for a writer,
	// for ever. It changes nothing for a regular file.
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() {
		return nil, &fs.PathError{Op: "read", Path: path, Err: refusal{fmt.Sprintf("%v (%s)", ErrNotRegular, kind(info.Mode())), ErrNotRegular}}
	}
	tooLarge := &fs.PathError{Op: "read", Path: path, Err: refusal{"larger than " + size(limit), ErrTooLarge}}
	if info.Size() > limit {
		return nil, tooLarge
	}
	// The size fstat gave can be stale: a file growing while it is read is
	// still read only up to the cap.
	buf := make([]byte, 0, info.Size()+1)
	data, err := readAll(io.LimitReader(f, limit+1), buf)
	if err != nil {
		return nil, &fs.PathError{Op: "read", Path: path, Err: err}
	}
	if int64(len(data)) > limit {
		return nil, tooLarge
	}
	return data, nil
}

// readAll is io.ReadAll into a buffer sized from the file's length, so a
// file is read without the doublings io.ReadAll starts from 512 bytes with.
func readAll(r io.Reader, b []byte) ([]byte, error) {
	for {
		n, err := r.Read(b[len(b):cap(b)])
		b = b[:len(b)+n]
		if err == io.EOF {
			return b, nil
		}
		if err != nil {
			return b, err
		}
		if len(b) == cap(b) {
			b = append(b, 0)[:len(b)]
		}
	}
}

// kind names a file type that is not regular.
func kind(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "a directory"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeDevice != 0:
		return "a device"
	}
	return "of type " + m.Type().String()
}

// size writes a cap in megabytes or kilobytes, as the messages show it.
func size(n int64) string {
	if n >= 1<<20 && n%(1<<20) == 0 {
		return fmt.Sprintf("%d MB", n>>20)
	}
	if n >= 1<<10 && n%(1<<10) == 0 {
		return fmt.Sprintf("%d KB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}
