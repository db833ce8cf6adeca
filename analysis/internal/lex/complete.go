package lex

import (
	"strconv"
	"strings"

	"github.com/httpcodes/httpcodes/analysis/internal/facts"
	"github.com/httpcodes/httpcodes/codes"
)

// typedBefore returns the start of the run of bytes before off for which
// keep holds: what has been typed of a number or a name.
func TypedBefore(src []byte, off int, keep func(byte) bool) int {
	start := off
	for start > 0 && keep(src[start-1]) {
		start--
	}
	return start
}

func IsDigit(c byte) bool    { return c >= '0' && c <= '9' }
func IsNameByte(c byte) bool { return IdentPart[c] }
func LineBefore(src []byte, off int) []byte {
	start := off
	for start > 0 && src[start-1] != '\n' {
		start--
	}
	return src[start:off]
}

// completeNumbers offers the codes whose number starts with the digits
// typed before off. constant, when set, gives the text to insert instead
// of the number (the file's own constant for the code), or "".
func CompleteNumbers(req *facts.CompleteRequest, constant func(*codes.Code) string) *facts.Completion {
	start := TypedBefore(req.Src, req.Off, IsDigit)
	typed := string(req.Src[start:req.Off])
	out := &facts.Completion{Start: start, End: req.Off}
	for _, c := range req.Set.All() {
		num := strconv.Itoa(c.Number)
		if !strings.HasPrefix(num, typed) {
			continue
		}
		insert := num
		if constant != nil && req.InsertConstant {
			if name := constant(c); name != "" {
				insert = name
			}
		}
		out.Items = append(out.Items, facts.CompletionItem{Code: c, Label: num, Insert: insert})
	}
	return out
}

// completeConstants offers an ecosystem's names after their qualifier
// ("StatusCodes." typed, "NOT_" perhaps after it): the label and the
// insertion are the member only.
func CompleteConstants(req *facts.CompleteRequest, eco codes.Ecosystem, qualifier string) *facts.Completion {
	start := TypedBefore(req.Src, req.Off, IsNameByte)
	out := &facts.Completion{Start: start, End: req.Off}
	for _, c := range req.Set.All() {
		for _, k := range c.ConstantsFor(eco) {
			member, ok := strings.CutPrefix(k.Name, qualifier)
			if !ok || k.Deprecated {
				continue
			}
			out.Items = append(out.Items, facts.CompletionItem{Code: c, Label: member, Insert: member, Constant: true})
		}
	}
	return out
}

// fileConstants returns, for a file that writes its ecosystem's constants,
// a function giving a code's constant as the file writes it (with its own
// path and qualifier: http::StatusCode::NOT_FOUND, JsonResponse::HTTP_OK),
// or nil for a file that writes none: completion then inserts numbers.
func (s *Scan) FileConstants() func(*codes.Code) string {
	for i := range s.Toks {
		if _, _, ok := s.ConstantAt(i); ok {
			break
		}
	}
	if s.Used == "" {
		return nil
	}
	return func(c *codes.Code) string {
		if name, ok := c.Constant(s.Used); ok {
			return s.UsedPrefix + Requalify(name, s.UsedQualifier)
		}
		return ""
	}
}
