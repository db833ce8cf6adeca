package analysis

import "bytes"

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
func jcStatusish(s *scan, from, to int) bool {
	// A parenthesized primary, ((int)response.StatusCode).Should(), is
	// read as part of the chain; a cast's type is not.
	if s.is(from, "(") {
		if c := s.closing(from); c < to {
			if jcStatusish(s, from+1, c) {
				return true
			}
			from = c + 1
		}
	}
	depth, last, prev, sawResponse := 0, -1, -1, false
	pair := s.pairs()
	for i := from; i < to; i++ {
		t := s.toks[i]
		if t.kind == tPunct && t.end-t.start == 1 {
			switch s.src[t.start] {
			case '(', '[':
				if depth == 0 {
					// No name inside the brackets is at the chain's level:
					// skip them whole, unclosed ones to the end.
					i = pair.closeOf(i)
					continue
				}
				depth++
			case ')', ']':
				depth--
			}
			continue
		}
		if depth != 0 || t.kind != tIdent {
			continue
		}
		last, prev = i, last
		if jcResponseLike(s.src[t.start:t.end]) {
			sawResponse = true
		}
	}
	if s.is(last, "value") || s.is(last, "getValue") || s.is(last, "intValue") {
		last = prev
	}
	if last < 0 {
		return false
	}
	t := s.toks[last]
	name := s.src[t.start:t.end]
	if bytes.Contains(name, []byte("tatus")) {
		return true
	}
	// Only as a member (response.code()): the prefilters look for ".code".
	return string(name) == "code" && t.start > 0 && s.src[t.start-1] == '.' && sawResponse
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
func jcChainBefore(s *scan, end int) int {
	depth, i := 0, end
	for ; i >= 0 && end-i < jcChainLimit; i-- {
		t := s.toks[i]
		if t.kind == tPunct {
			p := s.src[t.start:t.end]
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
		if depth == 0 && t.kind != tIdent {
			return i + 1
		}
		// Two names in a row at the chain's level end it: `return x`,
		// Kotlin statements on separate lines.
		if depth == 0 && i < end && s.toks[i+1].kind == tIdent {
			return i + 1
		}
	}
	return i + 1
}

// jcChainAfter returns the index after the operand that starts at token
// from, the mirror of jcChainBefore.
func jcChainAfter(s *scan, from int) int {
	depth, i := 0, from
	for ; i < len(s.toks) && i-from < jcChainLimit; i++ {
		t := s.toks[i]
		if t.kind == tPunct {
			p := s.src[t.start:t.end]
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
		if depth == 0 && t.kind != tIdent {
			return i
		}
		if depth == 0 && i > from && s.toks[i-1].kind == tIdent {
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
func jcOperand(s *scan, i int, cs bool) (sp span, next int, ok bool) {
	if cs {
		i = jcSkipCast(s, i)
	}
	if _, isInt := s.intAt(i); isInt {
		return span{i, i + 1}, i + 1, true
	}
	if s.tok(i).kind != tIdent {
		return span{}, i, false
	}
	end := i + 1
	for s.is(end, ".") && s.tok(end+1).kind == tIdent {
		end += 2
	}
	// As in constantAt, the longest dotted prefix naming a constant wins
	// (HttpStatus.OK.value()). Indexing with the bytes converted in place
	// allocates nothing; the name is looked up again, with the ecosystem
	// preference, when added.
	for ; end-i >= 3; end -= 2 {
		if _, ok := s.names[string(s.src[s.toks[end-3].start:s.toks[end-1].end])]; ok {
			break
		}
	}
	if end-i < 3 {
		return span{}, i, false
	}
	next = end
	if !cs && s.is(next, ".") && s.is(next+1, "value") && s.is(next+2, "(") && s.is(next+3, ")") {
		next += 4
	}
	return span{i, end}, next, true
}

// jcSkipCast steps over a C# cast to int or to HttpStatusCode at token i.
func jcSkipCast(s *scan, i int) int {
	if !s.is(i, "(") {
		return i
	}
	j := i + 1
	for s.tok(j).kind == tIdent && s.is(j+1, ".") {
		j += 2
	}
	if (s.is(j, "int") || s.is(j, "HttpStatusCode")) && s.is(j+1, ")") {
		return j + 2
	}
	return i
}

// jcEnds reports whether token i ends an operand: the operand is not
// followed by more of an expression (a member, a call, arithmetic).
func jcEnds(s *scan, i int) bool {
	t := s.tok(i)
	if t.kind != tPunct {
		return true
	}
	switch string(s.src[t.start:t.end]) {
	case ".", "?.", "(", "[", "+", "-", "*", "/", "%", "::", "..":
		return false
	}
	return true
}

// jcStarts reports whether an operand may start after token i: token i is
// not part of a larger expression that ends there (x * 100 == y, a.b). A
// closing parenthesis may end the previous Kotlin line or a C# cast.
func jcStarts(s *scan, i int) bool {
	t := s.tok(i)
	if t.kind != tPunct {
		// Kotlin has no statement terminator: the previous line may end
		// with any token.
		return true
	}
	switch string(s.src[t.start:t.end]) {
	case ".", "?.", "]", "+", "-", "*", "/", "%", "::", "..":
		return false
	}
	return true
}

// jcCompare reads a comparison at operator token op (==, !=, <, >=, …): a
// status operand on one side and a status-reading chain on the other. The
// status is Compared, or is a RangeBound of an ordering operator.
func jcCompare(s *scan, op int, cs bool, context string) {
	role := Compare
	switch s.text(op) {
	case "<", ">", "<=", ">=":
		role = RangeBound
	}
	c := statusCtx{role: role, context: context, msg: -1}
	// status on the right: response.getStatus() == 404
	if sp, next, ok := jcOperand(s, op+1, cs); ok && jcEnds(s, next) {
		if from := jcChainBefore(s, op-1); from <= op-1 && jcStatusish(s, from, op) {
			s.status(sp, c)
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
			s.status(sp, c)
		}
	}
}

// jcOperandBefore finds where a status operand ending with token end
// starts (a number, a dotted constant, its cast or .value()), and whether
// what precedes it lets it be a whole operand.
func jcOperandBefore(s *scan, end int, cs bool) (int, bool) {
	i := end
	if !cs && s.is(i, ")") && s.is(i-1, "(") && s.is(i-2, "value") && s.is(i-3, ".") {
		i -= 4
	}
	switch s.tok(i).kind {
	case tNumber:
	case tIdent:
		for i >= 2 && s.is(i-1, ".") && s.tok(i-2).kind == tIdent {
			i -= 2
		}
	default:
		return 0, false
	}
	start := i
	if cs && s.is(i-1, ")") && s.is(i-3, "(") && (s.is(i-2, "int") || s.is(i-2, "HttpStatusCode")) {
		start = i - 3
	}
	return start, jcStarts(s, start-1)
}

// jcUnwrap narrows sp to the argument of matcher calls wrapped around a
// status (is(404), equalTo(404), Is.EqualTo(HttpStatusCode.OK)).
func jcUnwrap(s *scan, sp span, names ...string) span {
	for {
		i := sp.from
		if s.is(i, "Is") && s.is(i+1, ".") {
			i += 2
			if s.is(i, "Not") && s.is(i+1, ".") {
				i += 2
			}
		}
		matched := false
		for _, n := range names {
			if s.is(i, n) {
				matched = true
				break
			}
		}
		if !matched || !s.is(i+1, "(") || s.closing(i+1) != sp.to-1 {
			return sp
		}
		sp = span{i + 2, sp.to - 1}
	}
}

// jcArgStatus records the status of an assertion between two or more
// arguments (assertEquals(404, response.getStatus()), Assert.Equal(…)):
// the argument that is a status operand, when another reads a status.
func jcArgStatus(s *scan, args []span, cs bool, c statusCtx) {
	for k, a := range args {
		sp, next, ok := jcOperand(s, a.from, cs)
		if !ok || next != a.to {
			continue
		}
		for m, b := range args {
			if m != k && jcStatusish(s, b.from, b.to) {
				s.status(sp, c)
				return
			}
		}
	}
}

// jcReceiver returns the name a method is called on, for the context a
// person reads ("response" in response.setStatus, "response" in
// ctx.response().setStatusCode), or "" when the method is not called on a
// name. i is the method's index.
func jcReceiver(s *scan, i int) string {
	if !s.is(i-1, ".") && !s.is(i-1, "?.") {
		return ""
	}
	r := i - 2
	if s.is(r, ")") && s.is(r-1, "(") {
		r -= 2
	}
	if s.tok(r).kind != tIdent {
		return ""
	}
	return s.text(r)
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
func jcGeneric(s *scan, i int) int {
	if !s.is(i, "<") {
		return i
	}
	depth := 0
	for j := i; j < len(s.toks) && j-i < jcChainLimit; j++ {
		switch s.text(j) {
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
			if s.tok(j).kind != tIdent {
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
func jcCaseLabels(s *scan, open int, cs bool, context string) {
	end := s.closing(open)
	depth := 0
	for j := open + 1; j < end; j++ {
		t := s.toks[j]
		if t.kind == tPunct && t.end-t.start == 1 {
			switch s.src[t.start] {
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
		case t.kind == tIdent && s.is(j, "case"):
			k := j + 1
			for {
				sp, next, ok := jcOperand(s, k, cs)
				// C# guards a label with when: case 404 when retry:
				if !ok || !(s.is(next, ":") || s.is(next, ",") || s.is(next, "->") || cs && s.is(next, "when")) {
					break
				}
				s.status(sp, statusCtx{role: Compare, context: context, msg: -1})
				if !s.is(next, ",") {
					break
				}
				k = next + 1
			}
		case t.kind == tPunct && (s.is(j, "->") || s.is(j, "=>")):
			jcLabelsBefore(s, j, cs, context)
		}
	}
}

// jcLabelsBefore reads the label list ending before the arrow at token
// arrow, walking back over operands separated by commas (Kotlin) or "or"
// (C# patterns); a range (in 400..499, >= 500) gives RangeBounds.
func jcLabelsBefore(s *scan, arrow int, cs bool, context string) {
	k := arrow - 1
	for k > 0 {
		// Kotlin: in 400..499 ->, in 500 until 600 ->, in 200..<300 ->
		if s.tok(k).kind == tNumber {
			op := 1
			if s.is(k-1, "<") {
				op = 2
			}
			if lo := k - 1 - op; lo > 0 && jcRangeOp(s, lo+1) == op && s.tok(lo).kind == tNumber && s.is(lo-1, "in") {
				s.status(span{lo, lo + 1}, statusCtx{role: RangeBound, context: context, msg: -1})
				s.status(span{k, k + 1}, statusCtx{role: RangeBound, context: context, msg: -1})
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
		role := Compare
		switch s.text(from - 1) {
		case "<", ">", "<=", ">=":
			role = RangeBound
			from--
		}
		s.status(sp, statusCtx{role: role, context: context, msg: -1})
		// Kotlin separates a when entry's values with commas; C# arms are
		// separated by commas, and their patterns joined by "or".
		switch {
		case !cs && s.is(from-1, ","), cs && s.is(from-1, "or"):
			k = from - 2
		default:
			return
		}
	}
}

// jcMsgArg is the index of args[k] when it is one string literal, or -1.
func jcMsgArg(s *scan, args []span, k int) int {
	if k < len(args) && args[k].to-args[k].from == 1 && s.tok(args[k].from).kind == tString {
		return args[k].from
	}
	return -1
}

// jcValueEnd returns the end of the value that starts at token i and runs
// to the next comma, semicolon or closing bracket at its own level.
func jcValueEnd(s *scan, i int) int {
	depth := 0
	pair := s.pairs()
	for j := i; j < len(s.toks); j++ {
		t := s.toks[j]
		if t.kind != tPunct || t.end-t.start != 1 {
			continue
		}
		switch s.src[t.start] {
		case '(', '[', '{':
			if depth == 0 {
				// Skip the brackets whole; unclosed, they run to the end.
				j = pair.closeOf(j)
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
	return len(s.toks)
}

// jcPresize sizes a scan's occurrence list for the file:
// nearly every occurrence has "tatus" on its line (HttpStatus, setStatus,
// StatusCode), so their count bounds the occurrences well, and a file
// dense with them does not pay for growing it again and again.
func jcPresize(s *scan) {
	n := bytes.Count(s.src, []byte("tatus"))
	if n < 8 {
		return
	}
	s.occ = make([]Occurrence, 0, n)
}
