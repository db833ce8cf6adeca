package jvm

import (
	"github.com/httpcodes/httpcodes/analysis/internal/facts"
	"github.com/httpcodes/httpcodes/analysis/internal/lex"
	"github.com/httpcodes/httpcodes/codes"
)

// completeCSharp offers constants after StatusCodes. and HttpStatusCode.,
// and codes where a status is being typed: StatusCode(, StatusCode = ,
// statusCode: and [ProducesResponseType(.
func completeCSharp(req *facts.CompleteRequest) *facts.Completion {
	src := req.Src
	start := lex.TypedBefore(src, req.Off, lex.IsNameByte)
	toks := LexCSharp(src[:start])
	s := &lex.Scan{Src: src, Toks: toks}
	n := len(toks)
	if n >= 2 && s.Is(n-1, ".") && int(toks[n-1].End) == start && toks[n-2].End == toks[n-1].Start {
		switch s.Text(n - 2) {
		case "StatusCodes":
			return lex.CompleteConstants(req, codes.ASPNet, "StatusCodes.")
		case "HttpStatusCode":
			return lex.CompleteConstants(req, codes.DotNet, "HttpStatusCode.")
		}
	}
	if lex.TypedBefore(src, req.Off, lex.IsDigit) != start || n < 2 || !jcGapIsSpace(src, int(toks[n-1].End), start) {
		return nil
	}
	last, prev := s.Text(n-1), s.Text(n-2)
	switch {
	case last == "(" && (prev == "StatusCode" || prev == "ProducesResponseType" || prev == "SwaggerResponse"):
	case last == "=" && prev == "StatusCode":
	case last == ":" && prev == "statusCode":
	default:
		return nil
	}
	used, prefix := func() (codes.Ecosystem, string) {
		s := csScan(src)
		return s.Used, s.UsedPrefix
	}()
	return lex.CompleteNumbers(req, func(c *codes.Code) string {
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
