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

// rustConstantText returns how the file writes a code's constant, or nil
// when it writes none (see fileConstants).
func rustConstantText(src []byte) func(*codes.Code) string {
	return newScan("rust", src, lexRust(src)).fileConstants()
}
