package lsp

import (
	"go.lsp.dev/protocol"

	"github.com/httpcodes/httpcodes/workspace"
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
// positions in the client's encoding. The line table and the column
// arithmetic are workspace.Lines, the one `check`'s printers use, so the
// editor and CI count the same lines (they end at "\n", "\r\n" or a lone
// "\r", as LSP says); a position past the end of a line or of the
// document is clamped.
type mapper struct {
	lines *workspace.Lines
	enc   encoding
}

func newMapper(text []byte, enc encoding) *mapper {
	return &mapper{lines: workspace.NewLines(text), enc: enc}
}

// edited returns the mapper of text, which is m's text with the bytes
// [start, end) replaced by inserted; the line table is moved, not rebuilt
// (workspace.Lines.Edited).
func (m *mapper) edited(text []byte, start, end int, inserted string) *mapper {
	return &mapper{lines: m.lines.Edited(text, start, end, inserted), enc: m.enc}
}

// position returns the LSP position of a byte offset.
func (m *mapper) position(off int) protocol.Position {
	var line, col int
	if m.enc == utf8Encoding {
		line, col = m.lines.ByteColumn(off)
	} else {
		line, col = m.lines.UTF16Column(off)
	}
	return protocol.Position{Line: uint32(line), Character: uint32(col)}
}

// offset returns the byte offset of an LSP position, clamped to the line
// and the document. A column inside a character lands at its start.
func (m *mapper) offset(p protocol.Position) int {
	if m.enc == utf8Encoding {
		return m.lines.OffsetOfByteColumn(int(p.Line), int(p.Character))
	}
	return m.lines.OffsetOfUTF16Column(int(p.Line), int(p.Character))
}

func (m *mapper) rangeOf(start, end int) protocol.Range {
	return protocol.Range{Start: m.position(start), End: m.position(end)}
}
