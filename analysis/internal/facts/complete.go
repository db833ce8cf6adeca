package facts

import (
	"github.com/httpcodes/httpcodes/codes"
)

// Completion is what an editor may offer at a position: items that replace
// the bytes [Start, End) (what has been typed of the code or name so far).
type Completion struct {
	Start, End int
	Items      []CompletionItem
}

// CompletionItem is one code offered, as a number or as a constant.
type CompletionItem struct {
	Code *codes.Code
	// Label is what the list shows and filters on: "404" or "NOT_FOUND".
	Label string
	// Insert is the text put in place of what was typed.
	Insert string
	// Constant is set when Label is a constant's name.
	Constant bool
}

// completeRequest is what a language's completer is given.
type CompleteRequest struct {
	Src []byte
	Off int
	Set *codes.Set
	// insertConstant asks for constants in place of numbers where the file
	// already writes its ecosystem's constants.
	InsertConstant bool
}
