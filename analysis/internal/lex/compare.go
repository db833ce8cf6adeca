package lex

import (
	"sort"

	"github.com/httpcodes/httpcodes/analysis/internal/facts"
)

// Comparisons and assertions read the same way in Rust and PHP: a status
// read on one side (res.status(), $response->getStatusCode()) and a number
// or a constant on the other. What a status read looks like is the
// language's; the rest is here.

// maxExpr bounds the tokens a scanner reads of one expression (a status
// value, a match scrutinee) and maxChain the calls of one method chain:
// statuses are written short, and a file of unclosed expressions must
// not make the scan quadratic.
const (
	MaxExpr  = 32
	MaxChain = 16
)

// operands is what a language says about the expressions around an operator.
type operands interface {
	// statusEnds reports whether the expression ending at token j reads
	// a status.
	StatusEnds(j int) bool
	// operandEnd returns the last token of the operand starting at token
	// k (a receiver with its member, call and index suffixes), or -1.
	OperandEnd(k int) int
}

// comparison records the status compared by the operator at token i:
// == and != (also === and !==) compare a code, <, <=, > and >= bound a
// class. A number counts only beside a status read; a constant compared
// with anything is a status compared.
func (s *Scan) Comparison(i int, o operands) {
	t := s.Toks[i]
	role := facts.Compare
	switch string(s.Src[t.Start:t.End]) {
	case "==", "!=", "===", "!==":
	case "<", ">", "<=", ">=":
		role = facts.RangeBound
	default:
		return
	}
	c := StatusCtx{Role: role, Context: "status comparison", Msg: -1}
	if right := s.valueAt(i + 1); right.To > right.From && o.StatusEnds(i-1) {
		s.Status(right, c)
		return
	}
	if left := s.valueBefore(i); left.To > left.From && o.StatusEnds(o.OperandEnd(i+1)) {
		s.Status(left, c)
		return
	}
	if role != facts.Compare {
		return
	}
	if _, end, ok := s.ConstantAt(i + 1); ok {
		s.Status(Span{i + 1, end}, c)
	} else if left := s.valueBefore(i); left.To > left.From && s.Tok(left.From).Kind != TNumber {
		s.Status(left, c)
	}
}

// compared records a status in a two-sided assertion (assert_eq!,
// assertEquals): a constant whatever the other side is, a number when
// the other side reads a status.
func (s *Scan) Compared(sp, other Span, context string, o operands) {
	if _, end, ok := s.ConstantAt(sp.From); !ok || end != sp.To {
		if o.OperandEnd(other.From) != other.To-1 || !o.StatusEnds(other.To-1) {
			return
		}
	}
	s.Status(sp, StatusCtx{Role: facts.Compare, Context: context, Msg: -1})
}

// valueAt returns the number or constant starting at token i, or an empty span.
func (s *Scan) valueAt(i int) Span {
	if s.Tok(i).Kind == TNumber {
		return Span{i, i + 1}
	}
	if _, end, ok := s.ConstantAt(i); ok {
		return Span{i, end}
	}
	return Span{}
}

// valueBefore returns the number or constant ending just before token i,
// or an empty span.
func (s *Scan) valueBefore(i int) Span {
	if s.Tok(i-1).Kind == TNumber {
		if s.Is(i-2, ".") {
			return Span{} // a tuple field, x.0
		}
		return Span{i - 1, i}
	}
	start := i - 1
	for s.Tok(start).Kind == TIdent && (s.Is(start-1, "::") || s.Is(start-1, ".") || s.Is(start-1, "\\")) && s.Tok(start-2).Kind == TIdent {
		start -= 2
	}
	if s.Is(start-1, "\\") {
		start-- // PHP's fully qualified \Symfony\…
	}
	if start == i-1 {
		return Span{}
	}
	if _, end, ok := s.ConstantAt(start); ok && end == i {
		return Span{start, i}
	}
	return Span{}
}

// keepNumbers takes the constant offered away from the numbers at the
// offsets bare, where the language's constant would not fit (a u16 where
// Rust wants no StatusCode, a code inside a PHP string).
func KeepNumbers(f *facts.FileFacts, bare []int) {
	sort.Ints(bare)
	j := 0
	for i := range f.Occ {
		for j < len(bare) && bare[j] < f.Occ[i].Start {
			j++
		}
		if j < len(bare) && bare[j] == f.Occ[i].Start {
			f.Occ[i].Constant, f.Occ[i].ConstantText = "", ""
		}
	}
}
