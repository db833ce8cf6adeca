package analysis

import (
	"bytes"
	"sort"

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
func completePython(req *completeRequest) *Completion {
	toks := lexPython(req.src)
	if inLiteralOrComment(req.src, toks, req.off) {
		return nil
	}
	name := typedBefore(req.src, req.off, isNameByte)
	if before := req.src[:name]; bytes.HasSuffix(before, []byte(".")) {
		switch {
		case bytes.HasSuffix(before, []byte("HTTPStatus.")):
			return completeConstants(req, codes.Python, "HTTPStatus.")
		case bytes.HasSuffix(before, []byte("status.")) && !bytes.HasSuffix(before, []byte(".status.")):
			p := scanPython(req.src)
			if !p.importsStatus {
				return nil
			}
			eco := codes.Starlette
			if p.ecosystems[0] == codes.DRF {
				eco = codes.DRF
			}
			return completeConstants(req, eco, "status.")
		}
		return nil
	}
	start := typedBefore(req.src, req.off, isDigit)
	if start != name && name != req.off {
		return nil // a name is being typed, not a number
	}
	line := bytes.Map(func(r rune) rune {
		if r == ' ' || r == '\t' {
			return -1
		}
		return r
	}, lineBefore(req.src, start))
	for _, c := range pyNumberContexts {
		if bytes.HasSuffix(line, []byte(c)) {
			p := scanPython(req.src)
			return completeNumbers(req, p.constantFor)
		}
	}
	return nil
}

// constantFor returns the file's own spelling of a code's constant, in the
// ecosystem it already writes, or "".
func (p *pyFile) constantFor(c *codes.Code) string {
	if p.used == "" {
		return ""
	}
	name, ok := c.Constant(p.used)
	if !ok {
		return ""
	}
	return p.usedPrefix + name
}

// inLiteralOrComment reports whether off falls inside a string token or
// after a comment marker on its line: no completion there.
func inLiteralOrComment(src []byte, toks []lexeme, off int) bool {
	// The last token that starts before off.
	i := sort.Search(len(toks), func(i int) bool { return int(toks[i].start) >= off }) - 1
	gap := 0
	if i >= 0 {
		t := toks[i]
		if t.kind == tString && off < int(t.end) {
			return true
		}
		gap = int(t.end)
	}
	if gap > off {
		return false
	}
	return bytes.IndexByte(src[gap:off], '#') >= 0
}
