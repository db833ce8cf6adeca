package analysis

import (
	"strconv"
	"strings"

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
type completeRequest struct {
	src []byte
	off int
	set *codes.Set
	// insertConstant asks for constants in place of numbers where the file
	// already writes its ecosystem's constants.
	insertConstant bool
}

// Complete says what to offer at byte offset off of a file, or nil when
// the position is not a place for a status code.
func Complete(path string, src []byte, off int, set *codes.Set, insertConstant bool) *Completion {
	l := languageNamed(Language(path))
	if l == nil || l.complete == nil || off < 0 || off > len(src) {
		return nil
	}
	if set == nil {
		set = codes.Default()
	}
	return l.complete(&completeRequest{src: src, off: off, set: set, insertConstant: insertConstant})
}

// typedBefore returns the start of the run of bytes before off for which
// keep holds: what has been typed of a number or a name.
func typedBefore(src []byte, off int, keep func(byte) bool) int {
	start := off
	for start > 0 && keep(src[start-1]) {
		start--
	}
	return start
}

func isDigit(c byte) bool    { return c >= '0' && c <= '9' }
func isNameByte(c byte) bool { return identPart[c] }
func lineBefore(src []byte, off int) []byte {
	start := off
	for start > 0 && src[start-1] != '\n' {
		start--
	}
	return src[start:off]
}

// completeNumbers offers the codes whose number starts with the digits
// typed before off. constant, when set, gives the text to insert instead
// of the number (the file's own constant for the code), or "".
func completeNumbers(req *completeRequest, constant func(*codes.Code) string) *Completion {
	start := typedBefore(req.src, req.off, isDigit)
	typed := string(req.src[start:req.off])
	out := &Completion{Start: start, End: req.off}
	for _, c := range req.set.All() {
		num := strconv.Itoa(c.Number)
		if !strings.HasPrefix(num, typed) {
			continue
		}
		insert := num
		if constant != nil && req.insertConstant {
			if name := constant(c); name != "" {
				insert = name
			}
		}
		out.Items = append(out.Items, CompletionItem{Code: c, Label: num, Insert: insert})
	}
	return out
}

// completeConstants offers an ecosystem's names after their qualifier
// ("StatusCodes." typed, "NOT_" perhaps after it): the label and the
// insertion are the member only.
func completeConstants(req *completeRequest, eco codes.Ecosystem, qualifier string) *Completion {
	start := typedBefore(req.src, req.off, isNameByte)
	out := &Completion{Start: start, End: req.off}
	for _, c := range req.set.All() {
		for _, k := range c.ConstantsFor(eco) {
			member, ok := strings.CutPrefix(k.Name, qualifier)
			if !ok || k.Deprecated {
				continue
			}
			out.Items = append(out.Items, CompletionItem{Code: c, Label: member, Insert: member, Constant: true})
		}
	}
	return out
}

// fileConstants returns, for a file that writes its ecosystem's constants,
// a function giving a code's constant as the file writes it (with its own
// path and qualifier: http::StatusCode::NOT_FOUND, JsonResponse::HTTP_OK),
// or nil for a file that writes none: completion then inserts numbers.
func (s *scan) fileConstants() func(*codes.Code) string {
	for i := range s.toks {
		if _, _, ok := s.constantAt(i); ok {
			break
		}
	}
	if s.used == "" {
		return nil
	}
	return func(c *codes.Code) string {
		if name, ok := c.Constant(s.used); ok {
			return s.usedPrefix + requalify(name, s.usedQualifier)
		}
		return ""
	}
}
