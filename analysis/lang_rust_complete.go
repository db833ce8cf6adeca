package analysis

import (
	"bytes"

	"github.com/httpcodes/httpcodes/codes"
)

// completeRust offers StatusCode's names after `StatusCode::`, and codes
// where a number is typed as a status: StatusCode::from_u16( and a
// builder's .status(. Only .status( takes a constant in place of the
// number (from_u16 wants a u16), written as the file writes StatusCode.
func completeRust(req *completeRequest) *Completion {
	nameStart := typedBefore(req.src, req.off, isNameByte)
	if bytes.HasSuffix(req.src[:nameStart], []byte("StatusCode::")) {
		return completeConstants(req, codes.Rust, "StatusCode::")
	}
	numStart := typedBefore(req.src, req.off, isDigit)
	before := bytes.TrimRight(lineBefore(req.src, numStart), " \t")
	switch {
	case bytes.HasSuffix(before, []byte("from_u16(")):
		return completeNumbers(req, nil)
	case bytes.HasSuffix(before, []byte(".status(")):
		return completeNumbers(req, rustConstantText(req.src))
	}
	return nil
}

// rustConstantText returns, for a file that writes StatusCode constants,
// a function giving a code's constant as the file writes it
// (http::StatusCode::NOT_FOUND), or nil for a file that writes none.
func rustConstantText(src []byte) func(*codes.Code) string {
	s := newScan("rust", src, lexRust(src))
	for i := range s.toks {
		if s.toks[i].kind != tIdent {
			continue
		}
		if _, _, ok := s.constantAt(i); ok {
			break
		}
	}
	if s.used == "" {
		return nil
	}
	return func(c *codes.Code) string {
		if name, ok := c.Constant(s.used); ok {
			return s.usedPrefix + name
		}
		return ""
	}
}
