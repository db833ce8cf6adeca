package javascript

import (
	"bytes"

	"github.com/httpcodes/httpcodes/analysis/internal/facts"
	"github.com/httpcodes/httpcodes/analysis/internal/lex"
	"github.com/httpcodes/httpcodes/codes"
)

// jsNumberSites end the text before a status being typed (spaces
// trimmed): the calls whose first argument is a status, the assignments
// and comparisons of one.
var jsNumberSites = []string{
	".status(", ".sendStatus(", ".code(", "writeHead(", ".expect(", "@HttpCode(", ".redirect(",
	"ctx.throw(", "statusCode =", ".status =", "statusCode:",
	".status ===", ".status ==", ".status !==", ".status !=",
	".statusCode ===", ".statusCode ==", ".statusCode !==", ".statusCode !=",
}

// jsAssertions end the text before a status asserted on, when the line's
// expect(…) holds a status: expect(res.status).toBe(4
var jsAssertions = []string{"toBe(", "toEqual(", "toStrictEqual(", "equal(", "toHaveBeenCalledWith("}

// completeJS offers the ecosystem's names after StatusCodes. or
// HttpStatus., and the codes where a status is being typed.
func completeJS(req *facts.CompleteRequest) *facts.Completion {
	nameStart := lex.TypedBefore(req.Src, req.Off, lex.IsNameByte)
	before := req.Src[:nameStart]
	switch {
	case bytes.HasSuffix(before, []byte("StatusCodes.")):
		return lex.CompleteConstants(req, codes.Node, "StatusCodes.")
	case bytes.HasSuffix(before, []byte("HttpStatus.")):
		return lex.CompleteConstants(req, codes.NestJS, "HttpStatus.")
	}
	start := lex.TypedBefore(req.Src, req.Off, lex.IsDigit)
	line := bytes.TrimRight(lex.LineBefore(req.Src, start), " \t")
	if !jsStatusSite(req.Src, start, line) {
		return nil
	}
	eco := jsFileEcosystem(req.Src)
	return lex.CompleteNumbers(req, func(c *codes.Code) string {
		if eco == "" {
			return ""
		}
		name, _ := c.Constant(eco)
		return name
	})
}

// jsStatusSite reports whether line, the text before offset start on its
// line, leaves a status to be typed at start.
func jsStatusSite(src []byte, start int, line []byte) bool {
	for _, s := range jsNumberSites {
		if bytes.HasSuffix(line, []byte(s)) {
			return true
		}
	}
	if bytes.HasSuffix(line, []byte("status:")) {
		// An init of a response builder: new Response(body, { status: …
		// opened on this line or a few lines above.
		from := max(0, start-300)
		return bytes.Contains(src[from:start], []byte("Response"))
	}
	for _, s := range jsAssertions {
		if bytes.HasSuffix(line, []byte(s)) && bytes.Contains(line, []byte("expect(")) &&
			(bytes.Contains(line, []byte(".status)")) || bytes.Contains(line, []byte(".statusCode)"))) {
			return true
		}
	}
	return false
}

// jsFileEcosystem returns the ecosystem whose constants the file already
// writes, or "".
func jsFileEcosystem(src []byte) codes.Ecosystem {
	switch {
	case bytes.Contains(src, []byte("StatusCodes.")):
		return codes.Node
	case bytes.Contains(src, []byte("HttpStatus.")):
		return codes.NestJS
	}
	return ""
}
