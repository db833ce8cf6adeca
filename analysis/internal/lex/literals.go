package lex

import (
	"bytes"
	"sort"
)

// inLiteralOrComment reports whether off falls inside a string token or
// after a comment marker on its line: no completion there.
func InLiteralOrComment(src []byte, toks []Lexeme, off int) bool {
	// The last token that starts before off.
	i := sort.Search(len(toks), func(i int) bool { return int(toks[i].Start) >= off }) - 1
	gap := 0
	if i >= 0 {
		t := toks[i]
		if t.Kind == TString && off < int(t.End) {
			return true
		}
		gap = int(t.End)
	}
	if gap > off {
		return false
	}
	return bytes.IndexByte(src[gap:off], '#') >= 0
}
