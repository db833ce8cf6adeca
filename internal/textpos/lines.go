package textpos

import (
	"sort"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// Lines converts byte offsets, which the analysis speaks, into lines and
// columns, in the units each front end needs: bytes (`check`'s text and
// JSON, as go vet prints), code points (SARIF) or UTF-16 code units (LSP's
// default). Lines end at "\n", "\r\n" or a lone "\r", the rule LSP gives,
// so check and the editor count the same lines. Columns are computed on
// demand, from the line's start, never for the whole file.
type Lines struct {
	text   []byte
	starts []int // offsets at which lines start
	// runesBefore counts the code points before each line start; built on
	// the first RuneOffset, so a format that never asks never pays.
	runesBefore []int
}

// NewLines indexes the line starts of text.
func NewLines(text []byte) *Lines {
	return &Lines{text: text, starts: appendStarts([]int{0}, text, 0, len(text))}
}

// appendStarts appends the starts of the lines that begin after a line
// terminator in text[from:to] (a "\r\n" that straddles to counts whole).
// It is the one place that says where a line ends.
func appendStarts(starts []int, text []byte, from, to int) []int {
	for i := from; i < to; i++ {
		switch text[i] {
		case '\n':
			starts = append(starts, i+1)
		case '\r':
			if i+1 < len(text) && text[i+1] == '\n' {
				i++
			}
			starts = append(starts, i+1)
		}
	}
	return starts
}

// Edited returns the Lines of text, which is l's text with the bytes
// [start, end) replaced by inserted. The line starts before the edit are
// kept and those after it moved; only the edited stretch is scanned, so a
// keystroke in a large file costs the lines after it, not its bytes (the
// language server moves its table this way on every edit).
func (l *Lines) Edited(text []byte, start, end int, inserted string) *Lines {
	// The lines are redone from the start of the line before the edit's: a
	// "\r" just before the edit, which ended a line, may now be followed by
	// a "\n" the edit wrote, and no longer end one.
	first := max(sort.Search(len(l.starts), func(i int) bool { return l.starts[i] > start })-2, 0)
	after := sort.Search(len(l.starts), func(i int) bool { return l.starts[i] > end+1 })
	delta := len(inserted) - (end - start)
	starts := make([]int, 0, len(l.starts)+strings.Count(inserted, "\n")+1)
	starts = append(starts, l.starts[:first+1]...)
	// Past the edit and a possible "\r\n" after it.
	starts = appendStarts(starts, text, l.starts[first], min(len(text), end+delta+2))
	for _, s := range l.starts[after:] {
		if moved := s + delta; moved > starts[len(starts)-1] {
			starts = append(starts, moved)
		}
	}
	return &Lines{text: text, starts: starts}
}

// Count is the number of lines (a final line without a terminator counts;
// an empty text has one line).
func (l *Lines) Count() int { return len(l.starts) }

// Start returns the offset at which a 0-based line starts; a line past the
// last is clamped to the end of the text.
func (l *Lines) Start(line int) int {
	if line < 0 {
		return 0
	}
	if line >= len(l.starts) {
		return len(l.text)
	}
	return l.starts[line]
}

// End returns the offset at which a 0-based line's content ends, before its
// terminator.
func (l *Lines) End(line int) int {
	if line < 0 {
		line = 0
	}
	if line >= len(l.starts) {
		return len(l.text)
	}
	end := len(l.text)
	if line+1 < len(l.starts) {
		end = l.starts[line+1]
	}
	for end > l.starts[line] && (l.text[end-1] == '\n' || l.text[end-1] == '\r') {
		end--
	}
	return end
}

// Line returns the 0-based line of an offset, clamped into the text.
func (l *Lines) Line(off int) int {
	off = max(0, min(off, len(l.text)))
	return sort.Search(len(l.starts), func(i int) bool { return l.starts[i] > off }) - 1
}

// clampToLine returns line and an offset moved to no further than the end
// of its line's content (an offset inside "\r\n" belongs to the line).
func (l *Lines) clampToLine(off int) (line, at int) {
	off = max(0, min(off, len(l.text)))
	line = l.Line(off)
	return line, min(off, l.End(line))
}

// ByteColumn returns the 0-based line and byte column of an offset.
func (l *Lines) ByteColumn(off int) (line, col int) {
	line, at := l.clampToLine(off)
	return line, at - l.starts[line]
}

// RuneColumn returns the 0-based line and column in code points.
func (l *Lines) RuneColumn(off int) (line, col int) {
	line, at := l.clampToLine(off)
	return line, utf8.RuneCount(l.text[l.starts[line]:at])
}

// UTF16Column returns the 0-based line and column in UTF-16 code units.
func (l *Lines) UTF16Column(off int) (line, col int) {
	line, at := l.clampToLine(off)
	return line, utf16Len(l.text[l.starts[line]:at])
}

// RuneOffset is the number of code points before a byte offset, from the
// start of the text (SARIF's charOffset). The first call counts the code
// points before every line once; later calls count within a line only.
// It is not safe for concurrent use with itself.
func (l *Lines) RuneOffset(off int) int {
	off = max(0, min(off, len(l.text)))
	if l.runesBefore == nil {
		l.runesBefore = make([]int, len(l.starts))
		for i := 1; i < len(l.starts); i++ {
			l.runesBefore[i] = l.runesBefore[i-1] + utf8.RuneCount(l.text[l.starts[i-1]:l.starts[i]])
		}
	}
	line := l.Line(off)
	return l.runesBefore[line] + utf8.RuneCount(l.text[l.starts[line]:off])
}

// OffsetOfByteColumn returns the offset of a 0-based line and byte column,
// clamped to the line's content and never inside a UTF-8 sequence.
func (l *Lines) OffsetOfByteColumn(line, col int) int {
	if line >= len(l.starts) {
		return len(l.text)
	}
	start, end := l.Start(line), l.End(line)
	off := min(start+max(col, 0), end)
	for off > start && off < len(l.text) && !utf8.RuneStart(l.text[off]) {
		off--
	}
	return off
}

// OffsetOfUTF16Column returns the offset of a 0-based line and UTF-16
// column, clamped to the line's content; a column inside a surrogate pair
// is taken as the character's start.
func (l *Lines) OffsetOfUTF16Column(line, col int) int {
	if line >= len(l.starts) {
		return len(l.text)
	}
	off, end := l.Start(line), l.End(line)
	for n := 0; off < end; {
		r, size := utf8.DecodeRune(l.text[off:end])
		units := max(utf16.RuneLen(r), 1)
		if n+units > col {
			break
		}
		n += units
		off += size
	}
	return off
}

func utf16Len(b []byte) int {
	n := 0
	for len(b) > 0 {
		r, size := utf8.DecodeRune(b)
		n += max(utf16.RuneLen(r), 1)
		b = b[size:]
	}
	return n
}
