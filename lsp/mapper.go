package lsp

import (
	"sort"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"go.lsp.dev/protocol"
)

// encoding is the position encoding negotiated with the client.
type encoding int

const (
	utf16Encoding encoding = iota // LSP's default
	utf8Encoding
)

func (e encoding) String() string {
	if e == utf8Encoding {
		return "utf-8"
	}
	return "utf-16"
}

// mapper converts between byte offsets, which the analysis speaks, and LSP
// positions in the client's encoding. It is the only place that does column
// arithmetic. Lines end at "\n", "\r\n" or a lone "\r", as LSP says; a
// position past the end of a line or of the document is clamped.
type mapper struct {
	text  []byte
	lines []int // offsets at which lines start
	enc   encoding
}

func newMapper(text []byte, enc encoding) *mapper {
	m := &mapper{text: text, lines: []int{0}, enc: enc}
	for i := 0; i < len(text); i++ {
		switch text[i] {
		case '\n':
			m.lines = append(m.lines, i+1)
		case '\r':
			if i+1 < len(text) && text[i+1] == '\n' {
				i++
			}
			m.lines = append(m.lines, i+1)
		}
	}
	return m
}

// edited returns the mapper of text, which is m's text with the bytes
// [start, end) replaced by inserted: the line starts before the edit are
// kept, those after it moved, and only the edited stretch is scanned, so a
// keystroke in a large file costs its line count, not its bytes.
func (m *mapper) edited(text []byte, start, end int, inserted string) *mapper {
	// The lines are redone from the start of the line before the edit's: a
	// "\r" just before the edit, which ended a line, may now be followed by
	// a "\n" the edit wrote, and no longer end one.
	first := max(sort.Search(len(m.lines), func(i int) bool { return m.lines[i] > start })-2, 0)
	from := m.lines[first]
	after := sort.Search(len(m.lines), func(i int) bool { return m.lines[i] > end+1 })
	delta := len(inserted) - (end - start)
	lines := make([]int, 0, len(m.lines)+strings.Count(inserted, "\n")+1)
	lines = append(lines, m.lines[:first+1]...)
	stop := min(len(text), end+delta+2) // past the edit and a possible "\r\n"
	for i := from; i < stop; i++ {
		switch text[i] {
		case '\n':
			lines = append(lines, i+1)
		case '\r':
			if i+1 < len(text) && text[i+1] == '\n' {
				i++
			}
			lines = append(lines, i+1)
		}
	}
	for _, l := range m.lines[after:] {
		if moved := l + delta; moved > lines[len(lines)-1] {
			lines = append(lines, moved)
		}
	}
	return &mapper{text: text, lines: lines, enc: m.enc}
}

// lineEnd returns the offset of the end of line l's content, before its
// line terminator.
func (m *mapper) lineEnd(l int) int {
	end := len(m.text)
	if l+1 < len(m.lines) {
		end = m.lines[l+1]
	}
	for end > m.lines[l] && (m.text[end-1] == '\n' || m.text[end-1] == '\r') {
		end--
	}
	return end
}

// position returns the LSP position of a byte offset.
func (m *mapper) position(off int) protocol.Position {
	off = max(0, min(off, len(m.text)))
	l := sort.Search(len(m.lines), func(i int) bool { return m.lines[i] > off }) - 1
	start := m.lines[l]
	off = min(off, m.lineEnd(l))
	var col int
	if m.enc == utf8Encoding {
		col = off - start
	} else {
		col = utf16Len(m.text[start:off])
	}
	return protocol.Position{Line: uint32(l), Character: uint32(col)}
}

// offset returns the byte offset of an LSP position, clamped to the line
// and the document. A column inside a character lands at its start.
func (m *mapper) offset(p protocol.Position) int {
	l := int(p.Line)
	if l >= len(m.lines) {
		return len(m.text)
	}
	start, end := m.lines[l], m.lineEnd(l)
	want := int(p.Character)
	if m.enc == utf8Encoding {
		off := min(start+want, end)
		// The line's end is a boundary, and at the end of a last line with
		// no newline it is the end of the text: there is no byte to read.
		for off > start && off < end && !utf8.RuneStart(m.text[off]) {
			off--
		}
		return off
	}
	units := 0
	for off := start; off < end; {
		r, size := utf8.DecodeRune(m.text[off:])
		n := utf16.RuneLen(r)
		if n < 0 {
			n = 1 // invalid UTF-8 counts as one unit, as U+FFFD would
		}
		if units+n > want {
			return off
		}
		units += n
		off += size
	}
	return end
}

func (m *mapper) rangeOf(start, end int) protocol.Range {
	return protocol.Range{Start: m.position(start), End: m.position(end)}
}

func utf16Len(b []byte) int {
	n := 0
	for len(b) > 0 {
		r, size := utf8.DecodeRune(b)
		if k := utf16.RuneLen(r); k > 0 {
			n += k
		} else {
			n++
		}
		b = b[size:]
	}
	return n
}
