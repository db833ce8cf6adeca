package analysis

import (
	"github.com/httpcodes/httpcodes/analysis/internal/facts"
	"github.com/httpcodes/httpcodes/codes"
)

// Complete says what to offer at byte offset off of a file, or nil when
// the position is not a place for a status code.
func Complete(path string, src []byte, off int, set *codes.Set, insertConstant bool) *facts.Completion {
	l := facts.LanguageNamed(facts.LanguageOf(path))
	if l == nil || l.Complete == nil || off < 0 || off > len(src) {
		return nil
	}
	if set == nil {
		set = codes.Default()
	}
	return l.Complete(&facts.CompleteRequest{Src: src, Off: off, Set: set, InsertConstant: insertConstant})
}
