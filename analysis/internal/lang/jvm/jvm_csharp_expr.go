package jvm

import (
	"bytes"

	"github.com/httpcodes/httpcodes/analysis/internal/facts"
	"github.com/httpcodes/httpcodes/analysis/internal/lex"
)

// Expression helpers shared by the Java/Kotlin and C# scanners. Both
// languages write statuses the same way around a comparison
// (response.getStatus() == 404, (int)response.StatusCode == 404) or an
// assertion, so the shapes are read once here. Names carry a jc prefix to
// stay clear of other scanners in the package.

// jcChainLimit bounds how far an operand is followed from an operator: a
// status expression is a short member chain, and a bound keeps nested
// brackets from making the scan quadratic.
const jcChainLimit = 48

// jcStatusish reports whether the tokens [from, to) are a member chain that
// reads a status: its last name at the chain's own level has
// "status"/"Status" in it (response.getStatus(), resp.StatusCode,
// statusCode().value() — a trailing value() or intValue() is looked
// through), or is the code member of a response (OkHttp's response.code()).
// Names elsewhere do not count: statusBar.getHeight() > 300 and
// foo(status) == 200 compare something else.
func jcStatusish(s *lex.Scan, from, to int) bool {
	// A parenthesized primary, ((int)response.StatusCode).Should(), is
	// read as part of the chain; a cast's type is not.
	if s.Is(from, "(") {
		if c := s.Closing(from); c < to {
			if jcStatusish(s, from+1, c) {
				return true
			}
			from = c + 1
		}
	}
	depth, last, prev, sawResponse := 0, -1, -1, false
	pair := s.Pairs()
	for i := from; i < to; i++ {
		t := s.Toks[i]
		if t.Kind == lex.TPunct && t.End-t.Start == 1 {
			switch s.Src[t.Start] {
			case '(', '[':
				if depth == 0 {
					// No name inside the brackets is at the chain's level:
					// skip them whole, unclosed ones to the end.
					i = pair.CloseOf(i)
					continue
				}
				depth++
			case ')', ']':
				depth--
			}
			continue
		}
		if depth != 0 || t.Kind != lex.TIdent {
			continue
		}
		last, prev = i, last
		if jcResponseLike(s.Src[t.Start:t.End]) {
			sawResponse = true
		}
	}
	if s.Is(last, "value") || s.Is(last, "getValue") || s.Is(last, "intValue") {
		last = prev
	}
	if last < 0 {
		return false
	}
	t := s.Toks[last]
	name := s.Src[t.Start:t.End]
	if bytes.Contains(name, []byte("tatus")) {
		return true
	}
	// Only as a member (response.code()): the prefilters look for ".code".
	return string(name) == "code" && t.Start > 0 && s.Src[t.Start-1] == '.' && sawResponse
}

// jcResponseLike reports whether a receiver's name says it is a response:
// response, resp, res, httpResponse, ServerHttpResponse, Response.
func jcResponseLike(name []byte) bool {
	if string(name) == "res" || string(name) == "rsp" {
		return true
	}
	for i := 0; i+4 <= len(name); i++ {
		c := name[i] | 0x20
		if c == 'r' && (name[i+1]|0x20) == 'e' && (name[i+2]|0x20) == 's' && (name[i+3]|0x20) == 'p' {
			return true
		}
	}
	return false
}

// jcChainBefore returns the first token of the operand that ends with token
// end: names, dots, calls, indexes and casts ((int)response.StatusCode),
// stopping at an operator, a separator or an unmatched opening bracket.
func jcChainBefore(s *lex.Scan, end int) int {
	depth, i := 0, end
	for ; i >= 0 && end-i < jcChainLimit; i-- {
		t := s.Toks[i]
		if t.Kind == lex.TPunct {
			p := s.Src[t.Start:t.End]
			switch string(p) {
			case ")", "]":
				depth++
				continue
			case "(", "[":
				if depth == 0 {
					return i + 1
				}
				depth--
				continue
			}
			if depth > 0 {
				if string(p) == ";" || string(p) == "{" || string(p) == "}" {
					return i + 1
				}
				continue
			}
			switch string(p) {
			case ".", "?.", "::", "!":
				continue
			}
			return i + 1
		}
		if depth == 0 && t.Kind != lex.TIdent {
			return i + 1
		}
		// Two names in a row at the chain's level end it: `return x`,
		// Kotlin statements on separate lines.
		if depth == 0 && i < end && s.Toks[i+1].Kind == lex.TIdent {
			return i + 1
		}
	}
	return i + 1
}

// jcChainAfter returns the index after the operand that starts at token
// from, the mirror of jcChainBefore.
func jcChainAfter(s *lex.Scan, from int) int {
	depth, i := 0, from
	for ; i < len(s.Toks) && i-from < jcChainLimit; i++ {
		t := s.Toks[i]
		if t.Kind == lex.TPunct {
			p := s.Src[t.Start:t.End]
			switch string(p) {
			case "(", "[":
				depth++
				continue
			case ")", "]":
				if depth == 0 {
					return i
				}
				depth--
				continue
			}
			if depth > 0 {
				if string(p) == ";" || string(p) == "{" || string(p) == "}" {
					return i
				}
				continue
			}
			switch string(p) {
			case ".", "?.", "::", "!":
				continue
			}
			return i
		}
		if depth == 0 && t.Kind != lex.TIdent {
			return i
		}
		if depth == 0 && i > from && s.Toks[i-1].Kind == lex.TIdent {
			return i
		}
	}
	return i
}

// jcOperand reads a status operand starting at token i: a number, or a
// constant of the language's ecosystems, optionally behind a C# cast
// ((int)HttpStatusCode.NotFound) and followed by Spring's .value(). It
// returns the span of the number or constant itself and the index after
// the whole operand, or ok false. A number needs cs to skip casts only in
// C#; Java has no cast a status is written with.
func jcOperand(s *lex.Scan, i int, cs bool) (sp lex.Span, next int, ok bool) {
	if cs {
		i = jcSkipCast(s, i)
	}
	if _, isInt := s.IntAt(i); isInt {
		return lex.Span{From: i, To: i + 1}, i + 1, true
	}
	if s.Tok(i).Kind != lex.TIdent {
		return lex.Span{}, i, false
	}
	end := i + 1
	for s.Is(end, ".") && s.Tok(end+1).Kind == lex.TIdent {
		end += 2
	}
	// As in constantAt, the longest dotted prefix naming a constant wins
	// (HttpStatus.OK.value()). Indexing with the bytes converted in place
	// allocates nothing; the name is looked up again, with the ecosystem
	// preference, when added.
	for ; end-i >= 3; end -= 2 {
		if _, ok := s.Names[string(s.Src[s.Toks[end-3].Start:s.Toks[end-1].End])]; ok {
			break
		}
	}
	if end-i < 3 {
		return lex.Span{}, i, false
	}
	next = end
	if !cs && s.Is(next, ".") && s.Is(next+1, "value") && s.Is(next+2, "(") && s.Is(next+3, ")") {
		next += 4
	}
	return lex.Span{From: i, To: end}, next, true
}

// jcSkipCast steps over a C# cast to int or to HttpStatusCode at token i.
func jcSkipCast(s *lex.Scan, i int) int {
	if !s.Is(i, "(") {
		return i
	}
	j := i + 1
	for s.Tok(j).Kind == lex.TIdent && s.Is(j+1, ".") {
		j += 2
	}
	if (s.Is(j, "int") || s.Is(j, "HttpStatusCode")) && s.Is(j+1, ")") {
		return j + 2
	}
	return i
}

// jcEnds reports whether token i ends an operand: the operand is not
// followed by more of an expression (a member, a call, arithmetic).
func jcEnds(s *lex.Scan, i int) bool {
	t := s.Tok(i)
	if t.Kind != lex.TPunct {
		return true
	}
	switch string(s.Src[t.Start:t.End]) {
	case ".", "?.", "(", "[", "+", "-", "*", "/", "%", "::", "..":
		return false
	}
	return true
}

// jcStarts reports whether an operand may start after token i: token i is
// not part of a larger expression that ends there (x * 100 == y, a.b). A
// closing parenthesis may end the previous Kotlin line or a C# cast.
func jcStarts(s *lex.Scan, i int) bool {
	t := s.Tok(i)
	if t.Kind != lex.TPunct {
		// Kotlin has no statement terminator: the previous line may end
		// with any token.
		return true
	}
	switch string(s.Src[t.Start:t.End]) {
	case ".", "?.", "]", "+", "-", "*", "/", "%", "::", "..":
		return false
	}
	return true
}

// jcCompare reads a comparison at operator token op (==, !=, <, >=, …): a
// status operand on one side and a status-reading chain on the other. The
// status is Compared, or is a RangeBound of an ordering operator.
func jcCompare(s *lex.Scan, op int, cs bool, context string) {
	role := facts.Compare
	switch s.Text(op) {
	case "<", ">", "<=", ">=":
		role = facts.RangeBound
	}
	c := lex.StatusCtx{Role: role, Context: context, Msg: -1}
	// status on the right: response.getStatus() == 404
	if sp, next, ok := jcOperand(s, op+1, cs); ok && jcEnds(s, next) {
		if from := jcChainBefore(s, op-1); from <= op-1 && jcStatusish(s, from, op) {
			s.Status(sp, c)
			return
		}
	}
	// status on the left: 404 == response.getStatus()
	from, ok := jcOperandBefore(s, op-1, cs)
	if !ok {
		return
	}
	if sp, next, ok := jcOperand(s, from, cs); ok && next == op {
		if to := jcChainAfter(s, op+1); to > op+1 && jcStatusish(s, op+1, to) {
			s.Status(sp, c)
		}
	}
}

// jcOperandBefore finds where a status operand ending with token end
// starts (a number, a dotted constant, its cast or .value()), and whether
// what precedes it lets it be a whole operand.
func jcOperandBefore(s *lex.Scan, end int, cs bool) (int, bool) {
	i := end
	if !cs && s.Is(i, ")") && s.Is(i-1, "(") && s.Is(i-2, "value") && s.Is(i-3, ".") {
		i -= 4
	}
	switch s.Tok(i).Kind {
	case lex.TNumber:
	case lex.TIdent:
		for i >= 2 && s.Is(i-1, ".") && s.Tok(i-2).Kind == lex.TIdent {
			i -= 2
		}
	default:
		return 0, false
	}
	start := i
	if cs && s.Is(i-1, ")") && s.Is(i-3, "(") && (s.Is(i-2, "int") || s.Is(i-2, "HttpStatusCode")) {
		start = i - 3
	}
	return start, jcStarts(s, start-1)
}

// jcUnwrap narrows sp to the argument of matcher calls wrapped around a
// status (is(404), equalTo(404), Is.EqualTo(HttpStatusCode.OK)).
func jcUnwrap(s *lex.Scan, sp lex.Span, names ...string) lex.Span {
	for {
		i := sp.From
		if s.Is(i, "Is") && s.Is(i+1, ".") {
			i += 2
			if s.Is(i, "Not") && s.Is(i+1, ".") {
				i += 2
			}
		}
		matched := false
		for _, n := range names {
			if s.Is(i, n) {
				matched = true
				break
			}
		}
		if !matched || !s.Is(i+1, "(") || s.Closing(i+1) != sp.To-1 {
			return sp
		}
		sp = lex.Span{From: i + 2, To: sp.To - 1}
	}
}

// jcArgStatus records the status of an assertion between two or more
// arguments (assertEquals(404, response.getStatus()), Assert.Equal(…)):
// the argument that is a status operand, when another reads a status.
func jcArgStatus(s *lex.Scan, args []lex.Span, cs bool, c lex.StatusCtx) {
	for k, a := range args {
		sp, next, ok := jcOperand(s, a.From, cs)
		if !ok || next != a.To {
			continue
		}
		for m, b := range args {
			if m != k && jcStatusish(s, b.From, b.To) {
				s.Status(sp, c)
				return
			}
		}
	}
}

// jcReceiver returns the name a method is called on, for the context a
// person reads ("response" in response.setStatus, "response" in
// ctx.response().setStatusCode), or "" when the method is not called on a
// name. i is the method's index.
func jcReceiver(s *lex.Scan, i int) string {
	if !s.Is(i-1, ".") && !s.Is(i-1, "?.") {
		return ""
	}
	r := i - 2
	if s.Is(r, ")") && s.Is(r-1, "(") {
		r -= 2
	}
	if s.Tok(r).Kind != lex.TIdent {
		return ""
	}
	return s.Text(r)
}

// jcMember is receiver.method as a context, or method alone.
func jcMember(recv, method string) string {
	if recv == "" {
		return method
	}
	return recv + "." + method
}

// jcGeneric returns the index after the type arguments opened by the <
// at i (ResponseEntity<List<User>>), or i when token i is not a <. A
// stray < (a comparison) is given up on at a token no type list holds.
func jcGeneric(s *lex.Scan, i int) int {
	if !s.Is(i, "<") {
		return i
	}
	depth := 0
	for j := i; j < len(s.Toks) && j-i < jcChainLimit; j++ {
		switch s.Text(j) {
		case "<":
			depth++
		case ">":
			depth--
		case ">>":
			depth -= 2
		case ">>>":
			depth -= 3
		case ",", ".", "?", "[", "]", "out", "in", "*":
		default:
			if s.Tok(j).Kind != lex.TIdent {
				return i
			}
		}
		if depth <= 0 {
			if depth < 0 {
				return i
			}
			return j + 1
		}
	}
	return i
}

// jcCaseLabels records the labels of a switch or when block whose subject
// reads a status: Java and C# case labels (case 404:, case 404, 410 ->),
// Kotlin when entries (404, 410 ->) and C# switch-expression arms
// (HttpStatusCode.NotFound => …, 404 or 410 => …). open is the block's {.
func jcCaseLabels(s *lex.Scan, open int, cs bool, context string) {
	end := s.Closing(open)
	depth := 0
	for j := open + 1; j < end; j++ {
		t := s.Toks[j]
		if t.Kind == lex.TPunct && t.End-t.Start == 1 {
			switch s.Src[t.Start] {
			case '(', '[', '{':
				depth++
			case ')', ']', '}':
				depth--
			}
			continue
		}
		if depth != 0 {
			continue
		}
		switch {
		case t.Kind == lex.TIdent && s.Is(j, "case"):
			k := j + 1
			for {
				sp, next, ok := jcOperand(s, k, cs)
				// C# guards a label with when: case 404 when retry:
				if !ok || !(s.Is(next, ":") || s.Is(next, ",") || s.Is(next, "->") || cs && s.Is(next, "when")) {
					break
				}
				s.Status(sp, lex.StatusCtx{Role: facts.Compare, Context: context, Msg: -1})
				if !s.Is(next, ",") {
					break
				}
				k = next + 1
			}
		case t.Kind == lex.TPunct && (s.Is(j, "->") || s.Is(j, "=>")):
			jcLabelsBefore(s, j, cs, context)
		}
	}
}

// jcLabelsBefore reads the label list ending before the arrow at token
// arrow, walking back over operands separated by commas (Kotlin) or "or"
// (C# patterns); a range (in 400..499, >= 500) gives RangeBounds.
func jcLabelsBefore(s *lex.Scan, arrow int, cs bool, context string) {
	k := arrow - 1
	for k > 0 {
		// Kotlin: in 400..499 ->, in 500 until 600 ->, in 200..<300 ->
		if s.Tok(k).Kind == lex.TNumber {
			op := 1
			if s.Is(k-1, "<") {
				op = 2
			}
			if lo := k - 1 - op; lo > 0 && jcRangeOp(s, lo+1) == op && s.Tok(lo).Kind == lex.TNumber && s.Is(lo-1, "in") {
				s.Status(lex.Span{From: lo, To: lo + 1}, lex.StatusCtx{Role: facts.RangeBound, Context: context, Msg: -1})
				s.Status(lex.Span{From: k, To: k + 1}, lex.StatusCtx{Role: facts.RangeBound, Context: context, Msg: -1})
				return
			}
		}
		from, ok := jcOperandBefore(s, k, cs)
		if !ok {
			return
		}
		sp, next, ok := jcOperand(s, from, cs)
		if !ok || next != k+1 {
			return
		}
		role := facts.Compare
		switch s.Text(from - 1) {
		case "<", ">", "<=", ">=":
			role = facts.RangeBound
			from--
		}
		s.Status(sp, lex.StatusCtx{Role: role, Context: context, Msg: -1})
		// Kotlin separates a when entry's values with commas; C# arms are
		// separated by commas, and their patterns joined by "or".
		switch {
		case !cs && s.Is(from-1, ","), cs && s.Is(from-1, "or"):
			k = from - 2
		default:
			return
		}
	}
}

// jcMsgArg is the index of args[k] when it is one string literal, or -1.
func jcMsgArg(s *lex.Scan, args []lex.Span, k int) int {
	if k < len(args) && args[k].To-args[k].From == 1 && s.Tok(args[k].From).Kind == lex.TString {
		return args[k].From
	}
	return -1
}

// jcValueEnd returns the end of the value that starts at token i and runs
// to the next comma, semicolon or closing bracket at its own level.
func jcValueEnd(s *lex.Scan, i int) int {
	depth := 0
	pair := s.Pairs()
	for j := i; j < len(s.Toks); j++ {
		t := s.Toks[j]
		if t.Kind != lex.TPunct || t.End-t.Start != 1 {
			continue
		}
		switch s.Src[t.Start] {
		case '(', '[', '{':
			if depth == 0 {
				// Skip the brackets whole; unclosed, they run to the end.
				j = pair.CloseOf(j)
				continue
			}
			depth++
		case ')', ']', '}':
			if depth == 0 {
				return j
			}
			depth--
		case ',', ';':
			if depth == 0 {
				return j
			}
		}
	}
	return len(s.Toks)
}

// jcPresize sizes a scan's occurrence list for the file:
// nearly every occurrence has "tatus" on its line (HttpStatus, setStatus,
// StatusCode), so their count bounds the occurrences well, and a file
// dense with them does not pay for growing it again and again.
func jcPresize(s *lex.Scan) {
	n := bytes.Count(s.Src, []byte("tatus"))
	if n < 8 {
		return
	}
	s.Occ = make([]facts.Occurrence, 0, n)
}
