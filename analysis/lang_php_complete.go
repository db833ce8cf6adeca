package analysis

import (
	"bytes"

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
func completePHP(req *completeRequest) *Completion {
	nameStart := typedBefore(req.src, req.off, isNameByte)
	if bytes.HasSuffix(req.src[:nameStart], []byte("Response::")) {
		return completeConstants(req, codes.Symfony, "Response::")
	}
	numStart := typedBefore(req.src, req.off, isDigit)
	before := bytes.TrimRight(lineBefore(req.src, numStart), " \t")
	for _, call := range phpStatusCalls {
		if bytes.HasSuffix(before, call) {
			return completeNumbers(req, phpConstantText(req.src))
		}
	}
	return nil
}

// phpConstantText returns, for a file that writes Response::HTTP_
// constants, a function giving a code's constant as the file writes it
// (with its qualifier: JsonResponse::HTTP_NOT_FOUND), or nil.
func phpConstantText(src []byte) func(*codes.Code) string {
	s := newScan("php", src, lexPHP(src))
	s.alias = phpAlias
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
