package analysis

import "sort"

// Comparisons and assertions read the same way in Rust and PHP: a status
// read on one side (res.status(), $response->getStatusCode()) and a number
// or a constant on the other. What a status read looks like is the
// language's; the rest is here.

// maxExpr bounds the tokens a scanner reads of one expression (a status
// value, a match scrutinee) and maxChain the calls of one method chain:
// statuses are written short, and a file of unclosed expressions must
// not make the scan quadratic.
const (
	maxExpr  = 32
	maxChain = 16
)

// operands is what a language says about the expressions around an operator.
type operands interface {
	// statusEnds reports whether the expression ending at token j reads
	// a status.
	statusEnds(j int) bool
	// operandEnd returns the last token of the operand starting at token
	// k (a receiver with its member, call and index suffixes), or -1.
	operandEnd(k int) int
}

// comparison records the status compared by the operator at token i:
// == and != (also === and !==) compare a code, <, <=, > and >= bound a
// class. A number counts only beside a status read; a constant compared
// with anything is a status compared.
func (s *scan) comparison(i int, o operands) {
	t := s.toks[i]
	role := Compare
	switch string(s.src[t.start:t.end]) {
	case "==", "!=", "===", "!==":
	case "<", ">", "<=", ">=":
		role = RangeBound
	default:
		return
	}
	c := statusCtx{role: role, context: "status comparison", msg: -1}
	if right := s.valueAt(i + 1); right.to > right.from && o.statusEnds(i-1) {
		s.status(right, c)
		return
	}
	if left := s.valueBefore(i); left.to > left.from && o.statusEnds(o.operandEnd(i+1)) {
		s.status(left, c)
		return
	}
	if role != Compare {
		return
	}
	if _, end, ok := s.constantAt(i + 1); ok {
		s.status(span{i + 1, end}, c)
	} else if left := s.valueBefore(i); left.to > left.from && s.tok(left.from).kind != tNumber {
		s.status(left, c)
	}
}

// compared records a status in a two-sided assertion (assert_eq!,
// assertEquals): a constant whatever the other side is, a number when
// the other side reads a status.
func (s *scan) compared(sp, other span, context string, o operands) {
	if _, end, ok := s.constantAt(sp.from); !ok || end != sp.to {
		if o.operandEnd(other.from) != other.to-1 || !o.statusEnds(other.to-1) {
			return
		}
	}
	s.status(sp, statusCtx{role: Compare, context: context, msg: -1})
}

// valueAt returns the number or constant starting at token i, or an empty span.
func (s *scan) valueAt(i int) span {
	if s.tok(i).kind == tNumber {
		return span{i, i + 1}
	}
	if _, end, ok := s.constantAt(i); ok {
		return span{i, end}
	}
	return span{}
}

// valueBefore returns the number or constant ending just before token i,
// or an empty span.
func (s *scan) valueBefore(i int) span {
	if s.tok(i-1).kind == tNumber {
		if s.is(i-2, ".") {
			return span{} // a tuple field, x.0
		}
		return span{i - 1, i}
	}
	start := i - 1
	for s.tok(start).kind == tIdent && (s.is(start-1, "::") || s.is(start-1, ".") || s.is(start-1, "\\")) && s.tok(start-2).kind == tIdent {
		start -= 2
	}
	if s.is(start-1, "\\") {
		start-- // PHP's fully qualified \Symfony\…
	}
	if start == i-1 {
		return span{}
	}
	if _, end, ok := s.constantAt(start); ok && end == i {
		return span{start, i}
	}
	return span{}
}

// keepNumbers takes the constant offered away from the numbers at the
// offsets bare, where the language's constant would not fit (a u16 where
// Rust wants no StatusCode, a code inside a PHP string).
func keepNumbers(f *fileFacts, bare []int) {
	sort.Ints(bare)
	j := 0
	for i := range f.occ {
		for j < len(bare) && bare[j] < f.occ[i].Start {
			j++
		}
		if j < len(bare) && bare[j] == f.occ[i].Start {
			f.occ[i].Constant, f.occ[i].ConstantText = "", ""
		}
	}
}
