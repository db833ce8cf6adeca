package openapi

import (
	"github.com/httpcodes/httpcodes/analysis/internal/facts"
	"github.com/httpcodes/httpcodes/analysis/internal/lex"
)

// completeOpenAPI offers status codes where a response key is being typed:
// on a line of its own directly under an operation's responses (YAML), or
// after the '{' or ',' of an operation's responses object (JSON, YAML flow).
// Only the digits are replaced: a quote the user opened stays theirs to
// close, so the item fits '404', "404" and 404 alike.
func completeOpenAPI(req *facts.CompleteRequest) *facts.Completion {
	src := req.Src
	start := lex.TypedBefore(src, req.Off, lex.IsDigit)
	key := start
	if key > 0 && (src[key-1] == '\'' || src[key-1] == '"') {
		key--
	}
	if !facts.ContainsAny(src, "openapi", "swagger") {
		return nil
	}
	r := newOpenAPIReader(src[:key])
	r.read()
	if r.openQuote {
		return nil
	}
	if len(r.frames) > 0 {
		f := r.frames[len(r.frames)-1]
		prev := key - 1
		for prev >= 0 && (lex.Space[src[prev]] || src[prev] == '\n') {
			prev--
		}
		if !f.mapping || f.value || prev < 0 || src[prev] != '{' && src[prev] != ',' || !r.inResponses() {
			return nil
		}
		return lex.CompleteNumbers(req, nil)
	}
	line := lex.LineBefore(src, key)
	for _, c := range line {
		if c != ' ' && c != '\t' {
			return nil
		}
	}
	if r.openScalar >= -1 && len(line) > r.openScalar {
		return nil // a line of a block scalar
	}
	r.pop(len(line))
	if !r.inResponses() {
		return nil
	}
	return lex.CompleteNumbers(req, nil)
}

// inResponses reports whether the innermost level is an operation's
// responses: where a key is a status code.
func (r *extractor) inResponses() bool {
	n := len(r.stack)
	return n > 1 && r.stack[n-1].kind == oaResponses && r.stack[n-2].kind == oaMethod
}
