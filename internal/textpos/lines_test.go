package textpos

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

func TestLinesColumns(t *testing.T) {
	// "é" is 2 bytes, 1 code point, 1 UTF-16 unit; "𝄞" is 4 bytes, 1 code
	// point, 2 UTF-16 units. Lines end at \n, \r\n and a lone \r.
	text := []byte("ab\r\né𝄞x\rlast")
	l := NewLines(text)
	if l.Count() != 3 {
		t.Fatalf("Count = %d, want 3", l.Count())
	}
	tests := []struct {
		off                         int
		line, byteCol, runeCol, u16 int
	}{
		{0, 0, 0, 0, 0},
		{2, 0, 2, 2, 2},  // at "\r"
		{3, 0, 2, 2, 2},  // inside "\r\n": the end of line 0's content
		{4, 1, 0, 0, 0},  // "é"
		{6, 1, 2, 1, 1},  // "𝄞"
		{10, 1, 6, 2, 3}, // "x"
		{11, 1, 7, 3, 4}, // the lone "\r"
		{12, 2, 0, 0, 0}, // "last"
		{16, 2, 4, 4, 4}, // the end of a last line without a newline
		{99, 2, 4, 4, 4}, // past the end: clamped
	}
	for _, tt := range tests {
		line, col := l.ByteColumn(tt.off)
		if line != tt.line || col != tt.byteCol {
			t.Errorf("ByteColumn(%d) = %d:%d, want %d:%d", tt.off, line, col, tt.line, tt.byteCol)
		}
		if _, col := l.RuneColumn(tt.off); col != tt.runeCol {
			t.Errorf("RuneColumn(%d) = %d, want %d", tt.off, col, tt.runeCol)
		}
		if _, col := l.UTF16Column(tt.off); col != tt.u16 {
			t.Errorf("UTF16Column(%d) = %d, want %d", tt.off, col, tt.u16)
		}
	}
}

func TestLinesOffsets(t *testing.T) {
	text := []byte("ab\r\né𝄞x\rlast")
	l := NewLines(text)
	tests := []struct{ line, col, want int }{
		{0, 0, 0},
		{0, 9, 2},   // past the line's end: clamped before "\r\n"
		{1, 1, 6},   // after "é"
		{1, 2, 6},   // inside "𝄞"'s surrogate pair: the character's start
		{1, 3, 10},  // after "𝄞"
		{2, 4, 16},  // the end of a last line without a newline
		{2, 40, 16}, // past it
		{7, 0, 16},  // a line past the last
	}
	for _, tt := range tests {
		if got := l.OffsetOfUTF16Column(tt.line, tt.col); got != tt.want {
			t.Errorf("OffsetOfUTF16Column(%d, %d) = %d, want %d", tt.line, tt.col, got, tt.want)
		}
	}
	// Byte columns inside a UTF-8 sequence move back to its first byte.
	byteTests := []struct{ line, col, want int }{
		{1, 0, 4}, {1, 1, 4}, {1, 2, 6}, {1, 3, 6}, {1, 6, 10}, {1, 9, 11}, {2, 4, 16},
	}
	for _, tt := range byteTests {
		if got := l.OffsetOfByteColumn(tt.line, tt.col); got != tt.want {
			t.Errorf("OffsetOfByteColumn(%d, %d) = %d, want %d", tt.line, tt.col, got, tt.want)
		}
	}
}

func TestLinesEmptyAndTrailingNewline(t *testing.T) {
	if l := NewLines(nil); l.Count() != 1 || l.End(0) != 0 {
		t.Errorf("empty text: Count %d, End(0) %d; want 1, 0", l.Count(), l.End(0))
	}
	l := NewLines([]byte("a\n"))
	if l.Count() != 2 {
		t.Errorf("\"a\\n\" has %d lines, want 2 (an empty last line)", l.Count())
	}
	if line, col := l.ByteColumn(2); line != 1 || col != 0 {
		t.Errorf("ByteColumn(2) = %d:%d, want 1:0", line, col)
	}
}

func TestLinesRuneOffset(t *testing.T) {
	text := []byte("é\r\n𝄞x\ry")
	l := NewLines(text)
	for off, want := range map[int]int{0: 0, 2: 1, 4: 3, 8: 4, 9: 5, 10: 6, 11: 7, 50: 7} {
		if got := l.RuneOffset(off); got != want {
			t.Errorf("RuneOffset(%d) = %d, want %d", off, got, want)
		}
	}
}

// Lines moved through an edit have the line starts of Lines made from the
// new text, whatever the line endings and wherever the edit falls (the
// language server moves its table this way on every keystroke).
func TestLinesEdited(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	pieces := []string{"a", "é", "\n", "\r\n", "\r", "xy", "\n\n", "😀"}
	random := func(n int) string {
		var b strings.Builder
		for range n {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		return b.String()
	}
	for range 3000 {
		text := random(rng.IntN(12))
		start := rng.IntN(len(text) + 1)
		end := start + rng.IntN(len(text)-start+1)
		inserted := random(rng.IntN(4))
		next := text[:start] + inserted + text[end:]
		got := NewLines([]byte(text)).Edited([]byte(next), start, end, inserted)
		want := NewLines([]byte(next))
		if !slices.Equal(got.starts, want.starts) || string(got.text) != next {
			t.Fatalf("%q with [%d,%d) replaced by %q: lines %v, want %v", text, start, end, inserted, got.starts, want.starts)
		}
	}
}

// The columns of a last line that ends the text inside a line, on a
// multi-byte character or on a cut one, all map into the text.
func TestLinesLastLineClamps(t *testing.T) {
	for _, text := range []string{"a😀", "a\n😀", "a\xf0\x9f", "", "é"} {
		l := NewLines([]byte(text))
		last := l.Count() - 1
		for c := 0; c <= len(text)+1; c++ {
			if off := l.OffsetOfByteColumn(last, c); off < 0 || off > len(text) {
				t.Errorf("OffsetOfByteColumn(%d, %d) in %q = %d", last, c, text, off)
			}
			if off := l.OffsetOfUTF16Column(last, c); off < 0 || off > len(text) {
				t.Errorf("OffsetOfUTF16Column(%d, %d) in %q = %d", last, c, text, off)
			}
		}
		if line := l.Line(len(text)); line != last {
			t.Errorf("Line(end of %q) = %d, want %d", text, line, last)
		}
	}
}

// BenchmarkLinesEditedKeystroke moves the table of a 3 MB, 60,000-line
// text through one keystroke in its middle, as the language server does on
// every edit; BenchmarkNewLines3MB builds it from scratch, for comparison.
func BenchmarkLinesEditedKeystroke(b *testing.B) {
	text := []byte(strings.Repeat("\tw.WriteHeader(http.StatusOK) // a line of thirty\n", 100000)[:3_000_000])
	l := NewLines(text)
	at := len(text) / 2
	next := append(append(append([]byte{}, text[:at]...), 'x'), text[at:]...)
	for b.Loop() {
		l.Edited(next, at, at, "x")
	}
}

func BenchmarkNewLines3MB(b *testing.B) {
	text := []byte(strings.Repeat("\tw.WriteHeader(http.StatusOK) // a line of thirty\n", 100000)[:3_000_000])
	for b.Loop() {
		NewLines(text)
	}
}
