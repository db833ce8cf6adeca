package lsp

import (
	"testing"

	"go.lsp.dev/protocol"
)

func TestMapper(t *testing.T) {
	text := []byte("a😀b\r\nhé\rx\n\nend")
	tests := []struct {
		enc  encoding
		off  int
		pos  protocol.Position
		back int // the offset the position maps back to
	}{
		{utf16Encoding, 0, protocol.Position{Line: 0, Character: 0}, 0},
		{utf16Encoding, 1, protocol.Position{Line: 0, Character: 1}, 1},
		{utf16Encoding, 5, protocol.Position{Line: 0, Character: 3}, 5}, // after the emoji: 2 UTF-16 units
		{utf16Encoding, 6, protocol.Position{Line: 0, Character: 4}, 6}, // end of line 0, before \r\n
		{utf16Encoding, 7, protocol.Position{Line: 0, Character: 4}, 6}, // inside \r\n clamps to the line end
		{utf16Encoding, 11, protocol.Position{Line: 1, Character: 2}, 11},
		{utf16Encoding, 12, protocol.Position{Line: 2, Character: 0}, 12}, // a lone \r ends a line
		{utf16Encoding, 14, protocol.Position{Line: 3, Character: 0}, 14},
		{utf16Encoding, 18, protocol.Position{Line: 4, Character: 3}, 18},
		{utf8Encoding, 5, protocol.Position{Line: 0, Character: 5}, 5},
		{utf8Encoding, 11, protocol.Position{Line: 1, Character: 3}, 11},
		// The end of the last line, which has no newline: the end of the text.
		{utf8Encoding, 18, protocol.Position{Line: 4, Character: 3}, 18},
	}
	for _, tt := range tests {
		m := newMapper(text, tt.enc)
		if got := m.position(tt.off); got != tt.pos {
			t.Errorf("%v position(%d) = %v, want %v", tt.enc, tt.off, got, tt.pos)
		}
		if got := m.offset(tt.pos); got != tt.back {
			t.Errorf("%v offset(%v) = %d, want %d", tt.enc, tt.pos, got, tt.back)
		}
	}
	clamps := []struct {
		enc  encoding
		pos  protocol.Position
		want int
	}{
		{utf16Encoding, protocol.Position{Line: 0, Character: 99}, 6}, // past the line end
		{utf16Encoding, protocol.Position{Line: 99, Character: 0}, len(text)},
		{utf16Encoding, protocol.Position{Line: 0, Character: 2}, 1}, // inside the surrogate pair: the emoji's start
		{utf8Encoding, protocol.Position{Line: 0, Character: 3}, 1},  // inside the emoji's bytes
		{utf8Encoding, protocol.Position{Line: 4, Character: 99}, len(text)},
		{utf16Encoding, protocol.Position{Line: 4, Character: 99}, len(text)},
	}
	for _, tt := range clamps {
		if got := newMapper(text, tt.enc).offset(tt.pos); got != tt.want {
			t.Errorf("%v offset(%v) = %d, want %d", tt.enc, tt.pos, got, tt.want)
		}
	}
	// A text that ends inside a line, on a multi-byte character or on a
	// cut one: every column of the last line maps into the text.
	for _, text := range []string{"a😀", "a\n😀", "a\xf0\x9f", "", "é"} {
		for _, enc := range []encoding{utf8Encoding, utf16Encoding} {
			m := newMapper([]byte(text), enc)
			last := uint32(m.lines.Count() - 1)
			for c := uint32(0); c <= uint32(len(text))+1; c++ {
				if off := m.offset(protocol.Position{Line: last, Character: c}); off < 0 || off > len(text) {
					t.Errorf("%v offset(%d:%d) in %q = %d", enc, last, c, text, off)
				}
			}
			if got := m.position(len(text)); got.Line != last {
				t.Errorf("%v position(end of %q) = %v", enc, text, got)
			}
		}
	}
}

func TestDocumentsIncrementalChange(t *testing.T) {
	d := newDocuments()
	d.open("file:///a.go", "go", 1, "hé 😀\r\nline two\n")
	r := func(l1, c1, l2, c2 uint32) *protocol.Range {
		return &protocol.Range{Start: protocol.Position{Line: l1, Character: c1}, End: protocol.Position{Line: l2, Character: c2}}
	}
	changes := []contentChange{
		{Range: r(0, 3, 0, 5), Text: "world"},    // replace the emoji (2 UTF-16 units)
		{Range: r(1, 5, 1, 8), Text: "2"},        // "two" → "2"
		{Range: r(2, 0, 2, 0), Text: "appended"}, // at the end
	}
	if err := d.change("file:///a.go", 2, changes, utf16Encoding); err != nil {
		t.Fatal(err)
	}
	doc, _ := d.get("file:///a.go")
	if want := "hé world\r\nline 2\nappended"; string(doc.text) != want || doc.version != 2 {
		t.Errorf("text %q version %d, want %q 2", doc.text, doc.version, want)
	}
	if err := d.change("file:///a.go", 3, []contentChange{{Text: "whole"}}, utf16Encoding); err != nil {
		t.Fatal(err)
	}
	if doc, _ := d.get("file:///a.go"); string(doc.text) != "whole" {
		t.Errorf("full change: %q", doc.text)
	}
	if err := d.change("file:///b.go", 1, nil, utf16Encoding); err == nil {
		t.Error("a change to an unopened document succeeded")
	}
	if err := d.change("file:///a.go", 4, []contentChange{{Range: r(0, 4, 0, 1), Text: "x"}}, utf16Encoding); err == nil {
		t.Error("a backwards range was accepted")
	}
}
