package rust

import (
	"bytes"

	"github.com/httpcodes/httpcodes/analysis/internal/facts"
	"github.com/httpcodes/httpcodes/analysis/internal/lex"
	"github.com/httpcodes/httpcodes/codes"
)

// completeRust offers StatusCode's names after `StatusCode::`, and codes
// where a number is typed as a status: StatusCode::from_u16( and a
// builder's .status(. Only .status( takes a constant in place of the
// number (from_u16 wants a u16), written as the file writes StatusCode.
func completeRust(req *facts.CompleteRequest) *facts.Completion {
	nameStart := lex.TypedBefore(req.Src, req.Off, lex.IsNameByte)
	if bytes.HasSuffix(req.Src[:nameStart], []byte("StatusCode::")) {
		return lex.CompleteConstants(req, codes.Rust, "StatusCode::")
	}
	numStart := lex.TypedBefore(req.Src, req.Off, lex.IsDigit)
	before := bytes.TrimRight(lex.LineBefore(req.Src, numStart), " \t")
	switch {
	case bytes.HasSuffix(before, []byte("from_u16(")):
		return lex.CompleteNumbers(req, nil)
	case bytes.HasSuffix(before, []byte(".status(")):
		return lex.CompleteNumbers(req, rustConstantText(req.Src))
	}
	return nil
}

// rustConstantText returns how the file writes a code's constant, or nil
// when it writes none (see fileConstants).
func rustConstantText(src []byte) func(*codes.Code) string {
	return lex.NewScan("rust", src, LexRust(src)).FileConstants()
}
