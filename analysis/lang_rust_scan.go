package analysis

import (
	"strings"
	"sync"

	"github.com/httpcodes/httpcodes/codes"
)

// rustScan walks a Rust file's tokens for the contexts of the http crate
// (StatusCode, Response::builder, status_mut) and of the frameworks built
// on it (axum, actix-web, warp, reqwest and hyper share http's StatusCode).
type rustScan struct {
	*scan
	// bare are the offsets of numbers that must stay numbers: a
	// StatusCode::from_u16 argument or a u16 match arm, where the constant
	// would not type-check; facts offers them no constant.
	bare []int
	// parsed are the StatusCode::from_u16(n).unwrap() calls (or
	// .expect(…)), whose whole text a constant replaces.
	parsed []parsedStatus
}

// parsedStatus is one StatusCode::from_u16(n) whose result is unwrapped:
// the offset of the number, and the byte span and path prefix
// ("http::StatusCode::") of the whole call.
type parsedStatus struct {
	number, start, end int
	prefix             string
}

func analyzeRust(_ string, src []byte, _ *Result) *fileFacts {
	r := &rustScan{scan: newScan("rust", src, lexRust(src))}
	for i, t := range r.toks {
		switch t.kind {
		case tIdent:
			r.ident(i)
		case tPunct:
			r.comparison(i, r)
		}
	}
	r.references()
	regions := r.testRegions()
	steps := r.rustFlow()
	f := r.facts()
	f.steps = steps
	f.testRegions = regions
	r.release()
	keepNumbers(f, r.bare)
	r.offerParsed(f)
	return f
}

// offerParsed offers each unwrapped StatusCode::from_u16(n) the constant
// of n: the occurrence spans the whole call, which the constant replaces.
func (r *rustScan) offerParsed(f *fileFacts) {
	for _, p := range r.parsed {
		for i := range f.occ {
			o := &f.occ[i]
			if o.Start != p.number || o.Written != Number {
				continue
			}
			if c, ok := lookupDefault(o.Code); ok {
				if name, ok := c.Constant(codes.Rust); ok {
					o.fixStart, o.fixEnd = p.start, p.end
					o.Constant, o.ConstantText = name, p.prefix+strings.TrimPrefix(name, "StatusCode::")
				}
			}
		}
	}
}

// ident recognises the contexts that start with a name.
func (r *rustScan) ident(i int) {
	t := r.toks[i]
	switch string(r.src[t.start:t.end]) {
	case "from_u16":
		// StatusCode::from_u16(n) builds a status; an invalid number is an
		// Err at run time, so the number is judged as sent (strict).
		// A test of the Err (from_u16(6666).is_err()) builds no status:
		// the invalid number is the point.
		if r.is(i-1, "::") && r.is(i-2, "StatusCode") && r.is(i+1, "(") {
			args, close := r.args(i + 1)
			if len(args) == 0 || r.errIsThePoint(r.pathStart(i-2), close) {
				return
			}
			if r.status(args[0], statusCtx{role: Send, context: "StatusCode::from_u16", framework: "http", strict: true, msg: -1}) {
				at := int(r.tok(args[0].from).start)
				if end, ok := r.unwrapped(close); ok && args[0].to == args[0].from+1 {
					from := r.pathStart(i - 2)
					r.parsed = append(r.parsed, parsedStatus{number: at, start: int(r.toks[from].start), end: end,
						prefix: string(r.src[r.toks[from].start:r.toks[i-1].end])})
				} else {
					r.bare = append(r.bare, at)
				}
			}
		}
	case "StatusCode":
		r.returned(i)
	case "builder":
		// Response::builder() (http, hyper, axum): .status(…) on its chain.
		if r.is(i-1, "::") && r.is(i-2, "Response") && r.is(i+1, "(") && r.is(i+2, ")") {
			r.chain(i+3, span{}, statusCtx{role: Send, context: "Response::builder().status", framework: "http", strict: true})
		}
	case "HttpResponse", "HttpResponseBuilder":
		if r.is(i+1, "::") && r.tok(i+2).kind == tIdent && r.is(i+3, "(") {
			r.actixResponse(i)
		}
	case "status_mut":
		// *res.status_mut() = StatusCode::X;
		if r.is(i+1, "(") && r.is(i+2, ")") && r.is(i+3, "=") {
			r.status(r.rhs(i+4), statusCtx{role: Send, context: "status_mut", framework: "http", strict: true, msg: -1})
		}
	case "with_status":
		// warp::reply::with_status(reply, StatusCode::X)
		if r.is(i+1, "(") {
			if args, _ := r.args(i + 1); len(args) == 2 {
				r.status(args[1], statusCtx{role: Send, context: "warp::reply::with_status", framework: "warp", api: BodyAPI, strict: true, msg: r.stringArg(args[0])})
			}
		}
	case "using_status_code":
		// actix-web's Redirect::to("/x").using_status_code(StatusCode::X)
		if r.is(i-1, ".") && r.is(i+1, "(") {
			if args, _ := r.args(i + 1); len(args) == 1 {
				r.status(args[0], statusCtx{role: Send, context: "Redirect::using_status_code", framework: "actix-web", api: RedirectAPI, strict: true, msg: -1})
			}
		}
	case "InternalError":
		// actix-web's InternalError::new(message, StatusCode::X) is an error
		// response with the message as its body.
		if r.is(i+1, "::") && r.is(i+2, "new") && r.is(i+3, "(") {
			if args, _ := r.args(i + 3); len(args) == 2 {
				r.status(args[1], statusCtx{role: Send, context: "InternalError::new", framework: "actix-web", api: ErrorAPI, strict: true, msg: r.stringArg(args[0])})
			}
		}
	case "assert_eq", "assert_ne", "debug_assert_eq", "debug_assert_ne":
		if r.is(i+1, "!") && r.is(i+2, "(") {
			if args, _ := r.args(i + 2); len(args) >= 2 {
				name := r.text(i) + "!"
				r.compared(args[0], args[1], name, r)
				r.compared(args[1], args[0], name, r)
			}
		}
	case "matches":
		// matches!(res.status(), StatusCode::OK | StatusCode::CREATED)
		if r.is(i+1, "!") && r.is(i+2, "(") {
			if args, _ := r.args(i + 2); len(args) >= 2 && r.statusEnds(args[0].to-1) {
				r.pattern(args[1], r.u16At(args[0].to-1))
			}
		}
	case "match":
		r.match(i)
	case "contains":
		r.rangeContains(i)
	}
}

// rangeContains reads (500..600).contains(&status) and its inclusive form
// (500..=599): the ends are bounds of a class check, as in a match arm's
// range; an exclusive upper bound (600) is never a status compared.
func (r *rustScan) rangeContains(i int) {
	if !r.is(i-1, ".") || !r.is(i-2, ")") || !r.is(i+1, "(") {
		return
	}
	args, _ := r.args(i + 1)
	if len(args) != 1 || !r.is(args[0].from, "&") || !r.statusEnds(args[0].to-1) {
		return
	}
	hi := i - 3
	dots := hi - 1
	if r.is(dots, "=") {
		dots--
	}
	lo := dots - 1
	if lo < 1 || !r.is(dots, "..") || !r.is(lo-1, "(") || r.tok(lo).kind != tNumber || r.tok(hi).kind != tNumber {
		return
	}
	c := statusCtx{role: RangeBound, context: "range check", msg: -1}
	r.status(span{lo, lo + 1}, c)
	r.status(span{hi, hi + 1}, c)
}

// pathStart returns the first token of the path that ends with the name at
// i (axum::http::StatusCode).
func (r *rustScan) pathStart(i int) int {
	for n := 0; n < 8 && r.is(i-1, "::") && r.tok(i-2).kind == tIdent; n++ {
		i -= 2
	}
	return i
}

// errIsThePoint reports whether the from_u16 call from token from to its
// closing parenthesis close is there for its Err: .is_err(), .err(),
// .unwrap_err(), .expect_err(…) after it, or a let Err(…) = before it.
func (r *rustScan) errIsThePoint(from, close int) bool {
	if r.is(close+1, ".") {
		switch r.text(close + 2) {
		case "is_err", "err", "unwrap_err", "expect_err":
			return true
		}
	}
	if r.is(from-1, "=") && r.is(from-2, ")") {
		if open := r.openingParen(from - 2); open > 0 && r.is(open-1, "Err") {
			return true
		}
	}
	return false
}

// unwrapped reports whether .unwrap() or .expect(…) follows the call
// closing at close, and returns the end offset of that call.
func (r *rustScan) unwrapped(close int) (int, bool) {
	if !r.is(close+1, ".") || !r.is(close+3, "(") {
		return 0, false
	}
	switch r.text(close + 2) {
	case "unwrap", "expect":
		end := r.closing(close + 3)
		if end >= len(r.toks) {
			return 0, false
		}
		return int(r.toks[end].end), true
	}
	return 0, false
}

// returned reads a StatusCode constant (token i names StatusCode) in a
// place where a handler sends it: the first element of an axum response
// tuple (StatusCode::NOT_FOUND, "no such user"), whose last element is
// the body, or a value a handler returns: Err(StatusCode::X), Ok(…),
// return X, a function's or match arm's value, X.into_response().
func (r *rustScan) returned(i int) {
	if !r.is(i+1, "::") || r.tok(i+2).kind != tIdent || r.is(i+3, "(") {
		return
	}
	from := r.pathStart(i)
	if r.taken[from] {
		return
	}
	_, end, ok := r.constantAt(from)
	if !ok {
		return
	}
	c := statusCtx{role: Send, context: "the response", framework: "http", strict: true, msg: -1}
	switch {
	case r.is(from-1, "(") && r.is(end, ",") && r.tupleOpen(from-1):
		args, _ := r.args(from - 1)
		c.context = "(StatusCode, …) response"
		c.msg = r.stringArg(args[len(args)-1])
	case r.is(from-1, "(") && (r.is(from-2, "Err") || r.is(from-2, "Ok")) && r.is(end, ")"):
	case r.is(from-1, "return") && (r.is(end, ";") || r.is(end, "}")):
	case r.is(from-1, "=>") && (r.is(end, ",") || r.is(end, "}")):
	case r.is(from-1, "{") && r.is(end, "}"):
	case r.is(end, ".") && r.is(end+1, "into_response") && r.is(end+2, "("):
	default:
		return
	}
	r.status(span{from, end}, c)
}

// tupleOpen reports whether the ( at open starts a tuple rather than a
// call's arguments or a macro's input: what comes before it is no name,
// no closing bracket and no !, or is a keyword.
func (r *rustScan) tupleOpen(open int) bool {
	switch r.text(open - 1) {
	case "return", "break", "in", "=>", "=", "(", ",", "{", ";":
		return true
	}
	return false
}

// statusEnds reports whether the expression ending at token j reads a
// status: x.status(), x.status().as_u16(), or a variable or field named
// status or status_code (possibly .as_u16()).
func (r *rustScan) statusEnds(j int) bool {
	if r.u16At(j) {
		j -= 4
	}
	if r.is(j, ")") && r.is(j-1, "(") && r.is(j-2, "status") && r.is(j-3, ".") {
		return true
	}
	return r.is(j, "status") || r.is(j, "status_code")
}

// u16At reports whether the expression ending at j ends with .as_u16().
func (r *rustScan) u16At(j int) bool {
	return r.is(j, ")") && r.is(j-1, "(") && r.is(j-2, "as_u16") && r.is(j-3, ".")
}

// operandEnd returns the last token of the operand starting at k: a path
// or a receiver with field, method and ? suffixes (res.status().as_u16()),
// or -1 when k does not start one.
func (r *rustScan) operandEnd(k int) int {
	for r.is(k, "&") || r.is(k, "*") {
		k++
	}
	if r.tok(k).kind != tIdent {
		return -1
	}
	j := k + 1
	for {
		switch {
		case (r.is(j, ".") || r.is(j, "::")) && r.tok(j+1).kind == tIdent:
			j += 2
		case r.is(j, "("):
			j = r.closing(j) + 1
		case r.is(j, "?"):
			j++
		default:
			return j - 1
		}
	}
}

// rhs returns the expression from token k to the end of its statement.
func (r *rustScan) rhs(k int) span {
	j := k
	for j < len(r.toks) && j-k < maxExpr && !r.is(j, ";") && !r.is(j, "}") && !r.is(j, ",") {
		if r.is(j, "(") || r.is(j, "[") || r.is(j, "{") {
			j = r.closing(j)
		}
		j++
	}
	return span{k, min(j, len(r.toks))}
}

// stringArg returns the index of a string literal that is the argument
// (possibly followed by .to_string() or .into()), or -1.
func (r *rustScan) stringArg(sp span) int {
	if sp.to > sp.from && r.tok(sp.from).kind == tString && r.src[r.tok(sp.from).start] == '"' {
		return sp.from
	}
	return -1
}

// actixResponse reads HttpResponse::build(S), HttpResponse::new(S),
// HttpResponse::with_body(S, body), HttpResponseBuilder::new(S) and the
// named builders (HttpResponse::NotFound()), with the chain after them.
func (r *rustScan) actixResponse(i int) {
	member := r.text(i + 2)
	args, close := r.args(i + 3)
	c := statusCtx{role: Send, context: r.text(i) + "::" + member, framework: "actix-web", strict: true}
	switch {
	case member == "build" || member == "new" || member == "with_body" && r.is(i, "HttpResponse"):
		if len(args) == 0 {
			return
		}
		if member == "with_body" {
			c.api = BodyAPI
		}
		r.chain(close+1, args[0], c)
	case r.is(i, "HttpResponse") && len(args) == 0:
		code, ok := actixBuilders()[member]
		if !ok {
			return
		}
		if later := r.chainStatus(close + 1); later.to > later.from {
			// HttpResponse::Ok()….status(StatusCode::ACCEPTED): the
			// builder's later status replaces the one it was named by,
			// so the answer is 202 and nothing is said about the 200.
			c.context += "().status"
			r.chain(close+1, span{}, c)
			return
		}
		r.add(i, i+2, Occurrence{Code: code, Written: Constant, Name: r.spanText(i, i+3)}, r.withChain(close+1, c))
	}
}

// chain reads the method chain of a response builder starting at token k
// (.status(…), .header(LOCATION, …), .body("…")) and records the status:
// given is the status already given to the builder, if any.
func (r *rustScan) chain(k int, given span, c statusCtx) {
	status := given
	c = r.withChain(k, c)
	if later := r.chainStatus(k); later.to > later.from {
		status = later
	}
	if status.to > status.from {
		r.status(status, c)
	}
}

// chainStatus returns the argument of the last .status(…) in the method
// chain starting at token k; an empty span when there is none.
func (r *rustScan) chainStatus(k int) span {
	var status span
	for j, n := k, 0; n < maxChain; n++ {
		if r.is(j, "?") {
			j++
			continue
		}
		if !r.is(j, ".") || r.tok(j+1).kind != tIdent || !r.is(j+2, "(") {
			break
		}
		args, close := r.args(j + 2)
		if r.is(j+1, "status") && len(args) == 1 {
			status = args[0]
		}
		j = close + 1
	}
	return status
}

// withChain adds what the chain from token k says about the response: a
// Location header set by hand, a literal body as its message.
func (r *rustScan) withChain(k int, c statusCtx) statusCtx {
	c.msg = -1
	for j, n := k, 0; n < maxChain; n++ {
		if r.is(j, "?") {
			j++
			continue
		}
		if !r.is(j, ".") || r.tok(j+1).kind != tIdent || !r.is(j+2, "(") {
			break
		}
		args, close := r.args(j + 2)
		switch string(r.tok(j + 1).text(r.src)) {
		case "header", "insert_header", "append_header":
			if len(args) > 0 && r.namesLocation(args[0]) {
				c.api |= LocationAPI
			}
		case "body":
			if len(args) == 1 {
				c.msg = r.stringArg(args[0])
			}
		}
		j = close + 1
	}
	return c
}

// namesLocation reports whether a header argument names Location: the
// constant LOCATION (header::LOCATION) or the string "Location", also
// inside actix's (name, value) tuple.
func (r *rustScan) namesLocation(sp span) bool {
	for j := sp.from; j < sp.to && j < sp.from+6; j++ {
		t := r.tok(j)
		switch {
		case t.kind == tIdent && r.is(j, "LOCATION"):
			return true
		case t.kind == tString && strings.EqualFold(stringContent(t.text(r.src)), "location"):
			return true
		case r.is(j, ","):
			return false
		}
	}
	return false
}

// match reads `match <status> { arms }`: each arm's pattern holds
// compared codes and range bounds.
func (r *rustScan) match(i int) {
	b := i + 1
	for b < len(r.toks) && b-i < maxExpr && !r.is(b, "{") && !r.is(b, ";") {
		if r.is(b, "(") || r.is(b, "[") {
			b = r.closing(b)
		}
		b++
	}
	if !r.is(b, "{") || b == i+1 || !r.statusEnds(b-1) {
		return
	}
	u16 := r.u16At(b - 1)
	end := r.closing(b)
	for k := b + 1; k < end; {
		p := k
		for p < end && !r.is(p, "=>") {
			if r.is(p, "(") || r.is(p, "[") || r.is(p, "{") {
				p = r.closing(p)
			}
			p++
		}
		if p >= end {
			return
		}
		r.pattern(span{k, p}, u16)
		q := p + 1
		if r.is(q, "{") {
			q = r.closing(q) + 1
			if r.is(q, ",") {
				q++
			}
		} else {
			for q < end && !r.is(q, ",") {
				if r.is(q, "(") || r.is(q, "[") || r.is(q, "{") {
					q = r.closing(q)
				}
				q++
			}
			q++
		}
		k = q
	}
}

// pattern reads a match pattern: alternatives split by |, each a code
// (compared) or a range lo..=hi (bounds), up to an `if` guard. u16 is set
// when the scrutinee is a number, where only numbers type-check.
func (r *rustScan) pattern(sp span, u16 bool) {
	for k := sp.from; k < sp.to; {
		e := k
		rangeAt := -1
		for e < sp.to && !r.is(e, "|") && !r.is(e, "if") {
			if r.is(e, "..") {
				rangeAt = e
			}
			e++
		}
		c := statusCtx{role: Compare, context: "match arm", msg: -1}
		if rangeAt >= 0 {
			c.role = RangeBound
			r.status(span{k, rangeAt}, c)
			hi := rangeAt + 1
			if r.is(hi, "=") {
				hi++
			}
			r.status(span{hi, e}, c)
		} else if r.status(span{k, e}, c) && u16 {
			r.bare = append(r.bare, int(r.tok(k).start))
		}
		if r.is(e, "if") {
			return
		}
		k = e + 1
	}
}

// actixBuilders maps actix-web's named response builders (HttpResponse::
// NotFound()) to their codes. actix names each builder after the http
// crate's constant in CamelCase, so the table is derived from the data
// set's Rust names; the one builder named otherwise is listed.
var actixBuilders = sync.OnceValue(func() map[string]int {
	m := map[string]int{"VersionNotSupported": 505}
	for _, c := range codes.All() {
		for _, k := range c.ConstantsFor(codes.Rust) {
			member, ok := strings.CutPrefix(k.Name, "StatusCode::")
			if !ok {
				continue
			}
			var b strings.Builder
			for _, word := range strings.Split(member, "_") {
				if word != "" {
					b.WriteString(word[:1] + strings.ToLower(word[1:]))
				}
			}
			if _, dup := m[b.String()]; !dup {
				m[b.String()] = c.Number
			}
		}
	}
	return m
})
