package main

import (
	"sort"
	"unicode/utf8"
)

// lineIndex converts byte offsets to 1-based lines and byte columns, as
// go vet reports them.
type lineIndex []int // offsets at which lines start

func newLineIndex(src []byte) lineIndex {
	idx := lineIndex{0}
	for i, b := range src {
		if b == '\n' {
			idx = append(idx, i+1)
		}
	}
	return idx
}

// position returns the 1-based line and column of a byte offset.
func (idx lineIndex) position(off int) (line, col int) {
	i := sort.Search(len(idx), func(i int) bool { return idx[i] > off }) - 1
	if i < 0 {
		i = 0
	}
	return i + 1, off - idx[i] + 1
}

// runeColumn returns the 1-based column of a byte offset in code points.
func (idx lineIndex) runeColumn(src []byte, off int) int {
	line, _ := idx.position(off)
	return utf8.RuneCount(src[idx[line-1]:off]) + 1
}
