package analysis

import "github.com/httpcodes/httpcodes/codes"

// completeCSharp offers constants after StatusCodes. and HttpStatusCode.,
// and codes where a status is being typed: StatusCode(, StatusCode = ,
// statusCode: and [ProducesResponseType(.
func completeCSharp(req *completeRequest) *Completion {
	src := req.src
	start := typedBefore(src, req.off, isNameByte)
	toks := lexCSharp(src[:start])
	s := &scan{src: src, toks: toks}
	n := len(toks)
	if n >= 2 && s.is(n-1, ".") && int(toks[n-1].end) == start && toks[n-2].end == toks[n-1].start {
		switch s.text(n - 2) {
		case "StatusCodes":
			return completeConstants(req, codes.ASPNet, "StatusCodes.")
		case "HttpStatusCode":
			return completeConstants(req, codes.DotNet, "HttpStatusCode.")
		}
	}
	if typedBefore(src, req.off, isDigit) != start || n < 2 || !jcGapIsSpace(src, int(toks[n-1].end), start) {
		return nil
	}
	last, prev := s.text(n-1), s.text(n-2)
	switch {
	case last == "(" && (prev == "StatusCode" || prev == "ProducesResponseType" || prev == "SwaggerResponse"):
	case last == "=" && prev == "StatusCode":
	case last == ":" && prev == "statusCode":
	default:
		return nil
	}
	used, prefix := func() (codes.Ecosystem, string) {
		s := csScan(src)
		return s.used, s.usedPrefix
	}()
	return completeNumbers(req, func(c *codes.Code) string {
		name, ok := c.Constant(used)
		switch {
		case used == "" || !ok:
			return ""
		case used == codes.DotNet:
			return "(int)" + prefix + name
		}
		return prefix + name
	})
}
