package rust

import (
	"strings"
	"sync"

	"github.com/httpcodes/httpcodes/analysis/internal/facts"
	"github.com/httpcodes/httpcodes/analysis/internal/lex"
	"github.com/httpcodes/httpcodes/codes"
)

// rustScan walks a Rust file's tokens for the contexts of the http crate
// (StatusCode, Response::builder, status_mut) and of the frameworks built
// on it (axum, actix-web, warp, reqwest and hyper share http's StatusCode).
type RustScan struct {
	*lex.Scan
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

func analyzeRust(_ string, src []byte, _ *facts.Result) *facts.FileFacts {
	r := &RustScan{Scan: lex.NewScan("rust", src, LexRust(src))}
	for i, t := range r.Toks {
		switch t.Kind {
		case lex.TIdent:
			r.ident(i)
		case lex.TPunct:
			r.Comparison(i, r)
		}
	}
	r.References()
	regions := r.TestRegions()
	steps := r.rustFlow()
	f := r.Facts()
	f.Steps = steps
	f.TestRegions = regions
	r.Release()
	lex.KeepNumbers(f, r.bare)
	r.offerParsed(f)
	return f
}

// offerParsed offers each unwrapped StatusCode::from_u16(n) the constant
// of n: the occurrence spans the whole call, which the constant replaces.
func (r *RustScan) offerParsed(f *facts.FileFacts) {
	for _, p := range r.parsed {
		for i := range f.Occ {
			o := &f.Occ[i]
			if o.Start != p.number || o.Written != facts.Number {
				continue
			}
			if c, ok := facts.LookupDefault(o.Code); ok {
				if name, ok := c.Constant(codes.Rust); ok {
					o.FixStart, o.FixEnd = p.start, p.end
					o.Constant, o.ConstantText = name, p.prefix+strings.TrimPrefix(name, "StatusCode::")
				}
			}
		}
	}
}

// ident recognises the contexts that start with a name.
func (r *RustScan) ident(i int) {
	t := r.Toks[i]
	switch string(r.Src[t.Start:t.End]) {
	case "from_u16":
		// StatusCode::from_u16(n) builds a status; an invalid number is an
		// Err at run time, so the number is judged as sent (strict).
		// A test of the Err (from_u16(6666).is_err()) builds no status:
		// the invalid number is the point.
		if r.Is(i-1, "::") && r.Is(i-2, "StatusCode") && r.Is(i+1, "(") {
			args, close := r.Args(i + 1)
			if len(args) == 0 || r.errIsThePoint(r.pathStart(i-2), close) {
				return
			}
			if r.Status(args[0], lex.StatusCtx{Role: facts.Send, Context: "StatusCode::from_u16", Framework: "http", Strict: true, Msg: -1}) {
				at := int(r.Tok(args[0].From).Start)
				if end, ok := r.unwrapped(close); ok && args[0].To == args[0].From+1 {
					from := r.pathStart(i - 2)
					r.parsed = append(r.parsed, parsedStatus{number: at, start: int(r.Toks[from].Start), end: end,
						prefix: string(r.Src[r.Toks[from].Start:r.Toks[i-1].End])})
				} else {
					r.bare = append(r.bare, at)
				}
			}
		}
	case "StatusCode":
		r.returned(i)
	case "builder":
		// Response::builder() (http, hyper, axum): .status(…) on its chain.
		if r.Is(i-1, "::") && r.Is(i-2, "Response") && r.Is(i+1, "(") && r.Is(i+2, ")") {
			r.chain(i+3, lex.Span{}, lex.StatusCtx{Role: facts.Send, Context: "Response::builder().status", Framework: "http", Strict: true})
		}
	case "HttpResponse", "HttpResponseBuilder":
		if r.Is(i+1, "::") && r.Tok(i+2).Kind == lex.TIdent && r.Is(i+3, "(") {
			r.actixResponse(i)
		}
	case "status_mut":
		// *res.status_mut() = StatusCode::X;
		if r.Is(i+1, "(") && r.Is(i+2, ")") && r.Is(i+3, "=") {
			r.Status(r.rhs(i+4), lex.StatusCtx{Role: facts.Send, Context: "status_mut", Framework: "http", Strict: true, Msg: -1})
		}
	case "with_status":
		// warp::reply::with_status(reply, StatusCode::X)
		if r.Is(i+1, "(") {
			if args, _ := r.Args(i + 1); len(args) == 2 {
				r.Status(args[1], lex.StatusCtx{Role: facts.Send, Context: "warp::reply::with_status", Framework: "warp", Api: facts.BodyAPI, Strict: true, Msg: r.stringArg(args[0])})
			}
		}
	case "using_status_code":
		// actix-web's Redirect::to("/x").using_status_code(StatusCode::X)
		if r.Is(i-1, ".") && r.Is(i+1, "(") {
			if args, _ := r.Args(i + 1); len(args) == 1 {
				r.Status(args[0], lex.StatusCtx{Role: facts.Send, Context: "Redirect::using_status_code", Framework: "actix-web", Api: facts.RedirectAPI, Strict: true, Msg: -1})
			}
		}
	case "InternalError":
		// actix-web's InternalError::new(message, StatusCode::X) is an error
		// response with the message as its body.
		if r.Is(i+1, "::") && r.Is(i+2, "new") && r.Is(i+3, "(") {
			if args, _ := r.Args(i + 3); len(args) == 2 {
				r.Status(args[1], lex.StatusCtx{Role: facts.Send, Context: "InternalError::new", Framework: "actix-web", Api: facts.ErrorAPI, Strict: true, Msg: r.stringArg(args[0])})
			}
		}
	case "assert_eq", "assert_ne", "debug_assert_eq", "debug_assert_ne":
		if r.Is(i+1, "!") && r.Is(i+2, "(") {
			if args, _ := r.Args(i + 2); len(args) >= 2 {
				name := r.Text(i) + "!"
				r.Compared(args[0], args[1], name, r)
				r.Compared(args[1], args[0], name, r)
			}
		}
	case "matches":
		// matches!(res.status(), StatusCode::OK | StatusCode::CREATED)
		if r.Is(i+1, "!") && r.Is(i+2, "(") {
			if args, _ := r.Args(i + 2); len(args) >= 2 && r.StatusEnds(args[0].To-1) {
				r.pattern(args[1], r.u16At(args[0].To-1))
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
func (r *RustScan) rangeContains(i int) {
	if !r.Is(i-1, ".") || !r.Is(i-2, ")") || !r.Is(i+1, "(") {
		return
	}
	args, _ := r.Args(i + 1)
	if len(args) != 1 || !r.Is(args[0].From, "&") || !r.StatusEnds(args[0].To-1) {
		return
	}
	hi := i - 3
	dots := hi - 1
	if r.Is(dots, "=") {
		dots--
	}
	lo := dots - 1
	if lo < 1 || !r.Is(dots, "..") || !r.Is(lo-1, "(") || r.Tok(lo).Kind != lex.TNumber || r.Tok(hi).Kind != lex.TNumber {
		return
	}
	c := lex.StatusCtx{Role: facts.RangeBound, Context: "range check", Msg: -1}
	r.Status(lex.Span{From: lo, To: lo + 1}, c)
	r.Status(lex.Span{From: hi, To: hi + 1}, c)
}

// pathStart returns the first token of the path that ends with the name at
// i (axum::http::StatusCode).
func (r *RustScan) pathStart(i int) int {
	for n := 0; n < 8 && r.Is(i-1, "::") && r.Tok(i-2).Kind == lex.TIdent; n++ {
		i -= 2
	}
	return i
}

// errIsThePoint reports whether the from_u16 call from token from to its
// closing parenthesis close is there for its Err: .is_err(), .err(),
// .unwrap_err(), .expect_err(…) after it, or a let Err(…) = before it.
func (r *RustScan) errIsThePoint(from, close int) bool {
	if r.Is(close+1, ".") {
		switch r.Text(close + 2) {
		case "is_err", "err", "unwrap_err", "expect_err":
			return true
		}
	}
	if r.Is(from-1, "=") && r.Is(from-2, ")") {
		if open := r.OpeningParen(from - 2); open > 0 && r.Is(open-1, "Err") {
			return true
		}
	}
	return false
}

// unwrapped reports whether .unwrap() or .expect(…) follows the call
// closing at close, and returns the end offset of that call.
func (r *RustScan) unwrapped(close int) (int, bool) {
	if !r.Is(close+1, ".") || !r.Is(close+3, "(") {
		return 0, false
	}
	switch r.Text(close + 2) {
	case "unwrap", "expect":
		end := r.Closing(close + 3)
		if end >= len(r.Toks) {
			return 0, false
		}
		return int(r.Toks[end].End), true
	}
	return 0, false
}

// returned reads a StatusCode constant (token i names StatusCode) in a
// place where a handler sends it: the first element of an axum response
// tuple (StatusCode::NOT_FOUND, "no such user"), whose last element is
// the body, or a value a handler returns: Err(StatusCode::X), Ok(…),
// return X, a function's or match arm's value, X.into_response().
func (r *RustScan) returned(i int) {
	if !r.Is(i+1, "::") || r.Tok(i+2).Kind != lex.TIdent || r.Is(i+3, "(") {
		return
	}
	from := r.pathStart(i)
	if r.Taken[from] {
		return
	}
	_, end, ok := r.ConstantAt(from)
	if !ok {
		return
	}
	c := lex.StatusCtx{Role: facts.Send, Context: "the response", Framework: "http", Strict: true, Msg: -1}
	switch {
	case r.Is(from-1, "(") && r.Is(end, ",") && r.tupleOpen(from-1):
		args, _ := r.Args(from - 1)
		c.Context = "(StatusCode, …) response"
		c.Msg = r.stringArg(args[len(args)-1])
	case r.Is(from-1, "(") && (r.Is(from-2, "Err") || r.Is(from-2, "Ok")) && r.Is(end, ")"):
	case r.Is(from-1, "return") && (r.Is(end, ";") || r.Is(end, "}")):
	case r.Is(from-1, "=>") && (r.Is(end, ",") || r.Is(end, "}")):
	case r.Is(from-1, "{") && r.Is(end, "}"):
	case r.Is(end, ".") && r.Is(end+1, "into_response") && r.Is(end+2, "("):
	default:
		return
	}
	r.Status(lex.Span{From: from, To: end}, c)
}

// tupleOpen reports whether the ( at open starts a tuple rather than a
// call's arguments or a macro's input: what comes before it is no name,
// no closing bracket and no !, or is a keyword.
func (r *RustScan) tupleOpen(open int) bool {
	switch r.Text(open - 1) {
	case "return", "break", "in", "=>", "=", "(", ",", "{", ";":
		return true
	}
	return false
}

// statusEnds reports whether the expression ending at token j reads a
// status: x.status(), x.status().as_u16(), or a variable or field named
// status or status_code (possibly .as_u16()).
func (r *RustScan) StatusEnds(j int) bool {
	if r.u16At(j) {
		j -= 4
	}
	if r.Is(j, ")") && r.Is(j-1, "(") && r.Is(j-2, "status") && r.Is(j-3, ".") {
		return true
	}
	return r.Is(j, "status") || r.Is(j, "status_code")
}

// u16At reports whether the expression ending at j ends with .as_u16().
func (r *RustScan) u16At(j int) bool {
	return r.Is(j, ")") && r.Is(j-1, "(") && r.Is(j-2, "as_u16") && r.Is(j-3, ".")
}

// operandEnd returns the last token of the operand starting at k: a path
// or a receiver with field, method and ? suffixes (res.status().as_u16()),
// or -1 when k does not start one.
func (r *RustScan) OperandEnd(k int) int {
	for r.Is(k, "&") || r.Is(k, "*") {
		k++
	}
	if r.Tok(k).Kind != lex.TIdent {
		return -1
	}
	j := k + 1
	for {
		switch {
		case (r.Is(j, ".") || r.Is(j, "::")) && r.Tok(j+1).Kind == lex.TIdent:
			j += 2
		case r.Is(j, "("):
			j = r.Closing(j) + 1
		case r.Is(j, "?"):
			j++
		default:
			return j - 1
		}
	}
}

// rhs returns the expression from token k to the end of its statement.
func (r *RustScan) rhs(k int) lex.Span {
	j := k
	for j < len(r.Toks) && j-k < lex.MaxExpr && !r.Is(j, ";") && !r.Is(j, "}") && !r.Is(j, ",") {
		if r.Is(j, "(") || r.Is(j, "[") || r.Is(j, "{") {
			j = r.Closing(j)
		}
		j++
	}
	return lex.Span{From: k, To: min(j, len(r.Toks))}
}

// stringArg returns the index of a string literal that is the argument
// (possibly followed by .to_string() or .into()), or -1.
func (r *RustScan) stringArg(sp lex.Span) int {
	if sp.To > sp.From && r.Tok(sp.From).Kind == lex.TString && r.Src[r.Tok(sp.From).Start] == '"' {
		return sp.From
	}
	return -1
}

// actixResponse reads HttpResponse::build(S), HttpResponse::new(S),
// HttpResponse::with_body(S, body), HttpResponseBuilder::new(S) and the
// named builders (HttpResponse::NotFound()), with the chain after them.
func (r *RustScan) actixResponse(i int) {
	member := r.Text(i + 2)
	args, close := r.Args(i + 3)
	c := lex.StatusCtx{Role: facts.Send, Context: r.Text(i) + "::" + member, Framework: "actix-web", Strict: true}
	switch {
	case member == "build" || member == "new" || member == "with_body" && r.Is(i, "HttpResponse"):
		if len(args) == 0 {
			return
		}
		if member == "with_body" {
			c.Api = facts.BodyAPI
		}
		r.chain(close+1, args[0], c)
	case r.Is(i, "HttpResponse") && len(args) == 0:
		code, ok := actixBuilders()[member]
		if !ok {
			return
		}
		if later := r.chainStatus(close + 1); later.To > later.From {
			// HttpResponse::Ok()….status(StatusCode::ACCEPTED): the
			// builder's later status replaces the one it was named by,
			// so the answer is 202 and nothing is said about the 200.
			c.Context += "().status"
			r.chain(close+1, lex.Span{}, c)
			return
		}
		r.Add(i, i+2, facts.Occurrence{Code: code, Written: facts.Constant, Name: r.SpanText(i, i+3)}, r.withChain(close+1, c))
	}
}

// chain reads the method chain of a response builder starting at token k
// (.status(…), .header(LOCATION, …), .body("…")) and records the status:
// given is the status already given to the builder, if any.
func (r *RustScan) chain(k int, given lex.Span, c lex.StatusCtx) {
	status := given
	c = r.withChain(k, c)
	if later := r.chainStatus(k); later.To > later.From {
		status = later
	}
	if status.To > status.From {
		r.Status(status, c)
	}
}

// chainStatus returns the argument of the last .status(…) in the method
// chain starting at token k; an empty span when there is none.
func (r *RustScan) chainStatus(k int) lex.Span {
	var status lex.Span
	for j, n := k, 0; n < lex.MaxChain; n++ {
		if r.Is(j, "?") {
			j++
			continue
		}
		if !r.Is(j, ".") || r.Tok(j+1).Kind != lex.TIdent || !r.Is(j+2, "(") {
			break
		}
		args, close := r.Args(j + 2)
		if r.Is(j+1, "status") && len(args) == 1 {
			status = args[0]
		}
		j = close + 1
	}
	return status
}

// withChain adds what the chain from token k says about the response: a
// Location header set by hand, a literal body as its message.
func (r *RustScan) withChain(k int, c lex.StatusCtx) lex.StatusCtx {
	c.Msg = -1
	for j, n := k, 0; n < lex.MaxChain; n++ {
		if r.Is(j, "?") {
			j++
			continue
		}
		if !r.Is(j, ".") || r.Tok(j+1).Kind != lex.TIdent || !r.Is(j+2, "(") {
			break
		}
		args, close := r.Args(j + 2)
		switch string(r.Tok(j + 1).Text(r.Src)) {
		case "header", "insert_header", "append_header":
			if len(args) > 0 && r.namesLocation(args[0]) {
				c.Api |= facts.LocationAPI
			}
		case "body":
			if len(args) == 1 {
				c.Msg = r.stringArg(args[0])
			}
		}
		j = close + 1
	}
	return c
}

// namesLocation reports whether a header argument names Location: the
// constant LOCATION (header::LOCATION) or the string "Location", also
// inside actix's (name, value) tuple.
func (r *RustScan) namesLocation(sp lex.Span) bool {
	for j := sp.From; j < sp.To && j < sp.From+6; j++ {
		t := r.Tok(j)
		switch {
		case t.Kind == lex.TIdent && r.Is(j, "LOCATION"):
			return true
		case t.Kind == lex.TString && strings.EqualFold(lex.StringContent(t.Text(r.Src)), "location"):
			return true
		case r.Is(j, ","):
			return false
		}
	}
	return false
}

// match reads `match <status> { arms }`: each arm's pattern holds
// compared codes and range bounds.
func (r *RustScan) match(i int) {
	b := i + 1
	for b < len(r.Toks) && b-i < lex.MaxExpr && !r.Is(b, "{") && !r.Is(b, ";") {
		if r.Is(b, "(") || r.Is(b, "[") {
			b = r.Closing(b)
		}
		b++
	}
	if !r.Is(b, "{") || b == i+1 || !r.StatusEnds(b-1) {
		return
	}
	u16 := r.u16At(b - 1)
	end := r.Closing(b)
	for k := b + 1; k < end; {
		p := k
		for p < end && !r.Is(p, "=>") {
			if r.Is(p, "(") || r.Is(p, "[") || r.Is(p, "{") {
				p = r.Closing(p)
			}
			p++
		}
		if p >= end {
			return
		}
		r.pattern(lex.Span{From: k, To: p}, u16)
		q := p + 1
		if r.Is(q, "{") {
			q = r.Closing(q) + 1
			if r.Is(q, ",") {
				q++
			}
		} else {
			for q < end && !r.Is(q, ",") {
				if r.Is(q, "(") || r.Is(q, "[") || r.Is(q, "{") {
					q = r.Closing(q)
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
func (r *RustScan) pattern(sp lex.Span, u16 bool) {
	for k := sp.From; k < sp.To; {
		e := k
		rangeAt := -1
		for e < sp.To && !r.Is(e, "|") && !r.Is(e, "if") {
			if r.Is(e, "..") {
				rangeAt = e
			}
			e++
		}
		c := lex.StatusCtx{Role: facts.Compare, Context: "match arm", Msg: -1}
		if rangeAt >= 0 {
			c.Role = facts.RangeBound
			r.Status(lex.Span{From: k, To: rangeAt}, c)
			hi := rangeAt + 1
			if r.Is(hi, "=") {
				hi++
			}
			r.Status(lex.Span{From: hi, To: e}, c)
		} else if r.Status(lex.Span{From: k, To: e}, c) && u16 {
			r.bare = append(r.bare, int(r.Tok(k).Start))
		}
		if r.Is(e, "if") {
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
