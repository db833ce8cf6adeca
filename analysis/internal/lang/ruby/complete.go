package ruby

import (
	"bytes"

	"github.com/httpcodes/httpcodes/analysis/internal/facts"
	"github.com/httpcodes/httpcodes/analysis/internal/lex"
	"github.com/httpcodes/httpcodes/codes"
)

// rbNumberContexts end the text before a status being typed (trailing
// spaces removed): a status: keyword, and the calls whose first argument
// is the status.
var rbNumberContexts = []string{
	"status:", "status=>", "head(", "halt(", "have_http_status(", "assert_response(", "status(",
}

// rbCommandContexts are calls written without parentheses: the status
// follows the name and a space.
var rbCommandContexts = []string{"head", "halt", "status", "assert_response"}

// completeRuby offers codes after status:, head, halt, … as numbers, or as
// symbols where the file already writes them and Rails takes one; after
// status: : (a symbol begun) it offers the symbols' names.
func completeRuby(req *facts.CompleteRequest) *facts.Completion {
	toks := LexRuby(req.Src)
	if lex.InLiteralOrComment(req.Src, toks, req.Off) {
		return nil
	}
	name := lex.TypedBefore(req.Src, req.Off, lex.IsNameByte)
	if name > 0 && req.Src[name-1] == ':' && (name < 2 || req.Src[name-2] != ':') {
		if ok, symbol := rbStatusContext(req.Src[:name-1]); ok && symbol {
			return lex.CompleteConstants(req, codes.Rack, ":")
		}
		return nil
	}
	start := lex.TypedBefore(req.Src, req.Off, lex.IsDigit)
	if start != name && name != req.Off {
		return nil // a name is being typed, not a number
	}
	ok, symbol := rbStatusContext(req.Src[:start])
	if !ok {
		return nil
	}
	// Symbols are offered where the file already writes them.
	symbols := symbol && scanRuby(req.Src).Used != ""
	return lex.CompleteNumbers(req, func(c *codes.Code) string {
		if !symbols {
			return ""
		}
		name, _ := c.Constant(codes.Rack)
		return name
	})
}

// rbStatusContext reports whether the text before ends where a status is
// written, and whether a symbol may be written there (Rails) or only a
// number (Sinatra's halt and status).
func rbStatusContext(before []byte) (ok, symbol bool) {
	line := lex.LineBefore(before, len(before))
	trimmed := bytes.TrimRight(line, " \t")
	compact := bytes.Map(func(r rune) rune {
		if r == ' ' || r == '\t' {
			return -1
		}
		return r
	}, trimmed)
	for _, c := range rbNumberContexts {
		if bytes.HasSuffix(compact, []byte(c)) {
			return true, c != "halt(" && c != "status("
		}
	}
	if len(trimmed) == len(line) {
		return false, false // a command's argument follows a space
	}
	for _, c := range rbCommandContexts {
		if !bytes.HasSuffix(trimmed, []byte(c)) {
			continue
		}
		if at := len(trimmed) - len(c); at > 0 && lex.IdentPart[trimmed[at-1]] {
			continue // a longer name: overhead, unhalt
		}
		return true, c == "head" || c == "assert_response"
	}
	return false, false
}
