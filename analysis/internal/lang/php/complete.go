package php

import (
	"bytes"

	"github.com/httpcodes/httpcodes/analysis/internal/facts"
	"github.com/httpcodes/httpcodes/analysis/internal/lex"
	"github.com/httpcodes/httpcodes/codes"
)

// phpStatusCalls are the calls whose first argument is a status, where
// completion offers codes.
var phpStatusCalls = [][]byte{
	[]byte("http_response_code("), []byte("abort("), []byte("setStatusCode("),
	[]byte("assertStatus("), []byte("withStatus("), []byte("status_header("),
}

// completePHP offers Response's names after `Response::` (or a subclass's,
// JsonResponse::), and codes in the status calls: numbers, or, where the
// file already writes Response::HTTP_ constants and the editor asks for
// constants, the file's constant.
func completePHP(req *facts.CompleteRequest) *facts.Completion {
	nameStart := lex.TypedBefore(req.Src, req.Off, lex.IsNameByte)
	if bytes.HasSuffix(req.Src[:nameStart], []byte("Response::")) {
		return lex.CompleteConstants(req, codes.Symfony, "Response::")
	}
	numStart := lex.TypedBefore(req.Src, req.Off, lex.IsDigit)
	before := bytes.TrimRight(lex.LineBefore(req.Src, numStart), " \t")
	for _, call := range phpStatusCalls {
		if bytes.HasSuffix(before, call) {
			return lex.CompleteNumbers(req, phpConstantText(req.Src))
		}
	}
	return nil
}

// phpConstantText returns, for a file that writes Response::HTTP_
// constants, a function giving a code's constant as the file writes it
// (with its qualifier: JsonResponse::HTTP_NOT_FOUND), or nil.
func phpConstantText(src []byte) func(*codes.Code) string {
	s := lex.NewScan("php", src, lexPHP(src))
	s.Alias = phpAlias
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
			return s.UsedPrefix + lex.Requalify(name, s.UsedQualifier)
		}
		return ""
	}
}
