package python

import (
	"bytes"

	"github.com/httpcodes/httpcodes/analysis/internal/facts"
	"github.com/httpcodes/httpcodes/analysis/internal/lex"
	"github.com/httpcodes/httpcodes/codes"
)

// pyNumberContexts end the text before a status being typed as a number
// (spaces removed): keyword arguments, the calls whose first argument is
// the status, and comparisons with a status attribute.
var pyNumberContexts = []string{
	"status_code=", "status=", "code=", "abort(", "HTTPException(", "HTTPError(",
	"set_status(", "send_error(", "errorhandler(", "status_code==", "status_code!=",
	".status==", ".status!=", "status_code>=", "status_code<", "status_code>", "status_code<=",
}

// completePython offers codes after status_code=, abort(, HTTPException(,
// status_code == … and the names after HTTPStatus. and status.
func completePython(req *facts.CompleteRequest) *facts.Completion {
	toks := LexPython(req.Src)
	if lex.InLiteralOrComment(req.Src, toks, req.Off) {
		return nil
	}
	name := lex.TypedBefore(req.Src, req.Off, lex.IsNameByte)
	if before := req.Src[:name]; bytes.HasSuffix(before, []byte(".")) {
		switch {
		case bytes.HasSuffix(before, []byte("HTTPStatus.")):
			return lex.CompleteConstants(req, codes.Python, "HTTPStatus.")
		case bytes.HasSuffix(before, []byte("status.")) && !bytes.HasSuffix(before, []byte(".status.")):
			p := scanPython(req.Src)
			if !p.importsStatus {
				return nil
			}
			eco := codes.Starlette
			if p.Ecosystems[0] == codes.DRF {
				eco = codes.DRF
			}
			return lex.CompleteConstants(req, eco, "status.")
		}
		return nil
	}
	start := lex.TypedBefore(req.Src, req.Off, lex.IsDigit)
	if start != name && name != req.Off {
		return nil // a name is being typed, not a number
	}
	line := bytes.Map(func(r rune) rune {
		if r == ' ' || r == '\t' {
			return -1
		}
		return r
	}, lex.LineBefore(req.Src, start))
	for _, c := range pyNumberContexts {
		if bytes.HasSuffix(line, []byte(c)) {
			p := scanPython(req.Src)
			return lex.CompleteNumbers(req, p.constantFor)
		}
	}
	return nil
}

// constantFor returns the file's own spelling of a code's constant, in the
// ecosystem it already writes, or "".
func (p *PyFile) constantFor(c *codes.Code) string {
	if p.Used == "" {
		return ""
	}
	name, ok := c.Constant(p.Used)
	if !ok {
		return ""
	}
	return p.UsedPrefix + name
}
