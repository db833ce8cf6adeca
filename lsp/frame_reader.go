package lsp

import (
	"bytes"
	"errors"
	"io"
)

// frameReader is the buffered reader under stream: it reads lines of
// bounded length, bodies of a known length, and can put bytes back in
// front of what it has not read, which resynchronising needs.
type frameReader struct {
	r   io.Reader
	buf []byte // buf[pos:] is read from r but not yet consumed
	pos int
	err error // the error r returned; sticky
}

// readChunk is how much one read from the underlying reader asks for.
const readChunk = 64 << 10

var errLongLine = errors.New("line too long")

func (f *frameReader) buffered() []byte { return f.buf[f.pos:] }

// fill reads more from r; it reports false when nothing more can come.
func (f *frameReader) fill() bool {
	if f.err != nil {
		return false
	}
	if f.pos > 0 {
		n := copy(f.buf, f.buf[f.pos:])
		f.buf, f.pos = f.buf[:n], 0
	}
	if cap(f.buf)-len(f.buf) < readChunk {
		grown := make([]byte, len(f.buf), len(f.buf)+readChunk)
		copy(grown, f.buf)
		f.buf = grown
	}
	n, err := f.r.Read(f.buf[len(f.buf):cap(f.buf)])
	f.buf = f.buf[:len(f.buf)+n]
	if err != nil {
		f.err = err
	}
	return n > 0 || err == nil
}

// readLine consumes and returns the next line, "\n" included. A line
// longer than maxHeaderSize is not consumed: errLongLine. At the end of
// input it returns what is left with the reader's error (io.EOF).
func (f *frameReader) readLine() ([]byte, error) {
	for {
		b := f.buffered()
		if i := bytes.IndexByte(b[:min(len(b), maxHeaderSize+1)], '\n'); i >= 0 {
			f.pos += i + 1
			return b[:i+1], nil
		}
		if len(b) > maxHeaderSize {
			return nil, errLongLine
		}
		if !f.fill() {
			line := f.take(len(f.buffered()))
			return line, f.err
		}
	}
}

// take consumes up to n buffered bytes and returns them.
func (f *frameReader) take(n int) []byte {
	if len(f.buffered()) == 0 {
		f.fill()
	}
	b := f.buffered()
	n = min(n, len(b))
	f.pos += n
	return b[:n:n]
}

// readFull consumes and returns the next n bytes.
func (f *frameReader) readFull(n int64) ([]byte, error) {
	data := make([]byte, n)
	k := copy(data, f.buffered())
	f.pos += k
	if k < len(data) {
		if f.err != nil {
			return nil, io.ErrUnexpectedEOF
		}
		if _, err := io.ReadFull(f.r, data[k:]); err != nil {
			f.err = err
			return nil, err
		}
	}
	return data, nil
}

// unread puts b back in front of the bytes not yet consumed.
func (f *frameReader) unread(b []byte) {
	if len(b) == 0 {
		return
	}
	if f.pos >= len(b) {
		f.pos -= len(b)
		copy(f.buf[f.pos:], b)
		return
	}
	rest := f.buffered()
	next := make([]byte, 0, len(b)+len(rest)+readChunk)
	f.buf = append(append(next, b...), rest...)
	f.pos = 0
}

// contentLength is what skipToHeader looks for, in any case.
const contentLength = "content-length:"

// skipToHeader consumes bytes up to the next "Content-Length:" (any case)
// or the end of input, and returns how many it consumed. It holds no more
// than a read's worth of them.
func (f *frameReader) skipToHeader() int {
	skipped := 0
	for {
		b := f.buffered()
		for i := len(contentLength) - 1; i < len(b); {
			j := bytes.IndexByte(b[i:], ':')
			if j < 0 {
				break
			}
			i += j
			if start := i - (len(contentLength) - 1); bytes.EqualFold(b[start:i+1], []byte(contentLength)) {
				f.pos += start
				return skipped + start
			}
			i++
		}
		// Keep a tail that may be the start of a match the next read ends.
		keep := min(len(b), len(contentLength)-1)
		f.pos += len(b) - keep
		skipped += len(b) - keep
		if !f.fill() {
			skipped += len(f.buffered())
			f.pos = len(f.buf)
			return skipped
		}
	}
}
