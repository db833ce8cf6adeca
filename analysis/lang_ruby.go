package analysis

import (
	"bytes"
	"fmt"
	"strings"
)

// Ruby: Rails controllers and tests, Sinatra, Grape and plain Rack. Symbols
// such as :ok are everywhere (enum values, options), so a symbol is a
// status only in a status context, as a number is:
//
//   - status: :not_found / status: 404 (or :status => …) in render, head,
//     redirect_to, redirect_back(_or_to) and respond_with; head's first
//     argument; redirect_to is a redirect API;
//   - Sinatra's halt 404, "msg", status 404 and redirect url, 303; Grape's
//     error!(message, 404); Rack::Response.new(body, 404);
//   - a Rack response triple [404, {…}, […]]: an array literal of three
//     whose first element is a number, whose second is a hash literal or a
//     name with "header" in it, and whose third is an array literal or a
//     name, where a value is returned or assigned (return, a line's or a
//     block's start, =). An array of three numbers is not one;
//   - x.status assigned (Send), compared (Compare, also in the when
//     clauses of a case on it) or bounded (RangeBound); an assignment is
//     strict only on a receiver named as a response (response, res,
//     @response, …): models have status attributes of their own;
//     expect(x.status).to eq(404) and assert_equal 404, x.status;
//     have_http_status and assert_response. Their class matchers
//     (:success, :redirect, :error) name a range, not a code, and are left
//     alone; :missing is Rails' name for 404.
//
// prefer-constant suggests the symbol only where Rails accepts one (render,
// head, redirect_to, respond_with, have_http_status, assert_response):
// Sinatra, Rack and comparisons with x.status need the number.

func init() {
	register(&language{
		name:     "ruby",
		exts:     []string{".rb", ".rake", ".ru"},
		claims:   rubyClaims,
		analyze:  analyzeRuby,
		mayHave:  rubyMayHave,
		complete: completeRuby,
		// RSpec's spec/ and *_spec.rb, Minitest's test/ and *_test.rb.
		tests:   testConventions{dirs: []string{"spec", "test"}, suffixes: []string{"_spec.rb", "_test.rb"}},
		editors: editorNames{lsp: []string{"ruby"}, vim: []string{"ruby"}, helix: []string{"ruby"}},
		phrases: phrases{
			late: "Rails commits the headers with the first stream write, and a header set after that raises ActionDispatch::IllegalStateError",
			// net/http's words, which Ruby's messages have carried since
			// the phrases were a switch with Go as its default; no
			// annotated case writes a body after a 204 in Ruby.
			bodiless:    "net/http refuses the write (http.ErrBodyNotAllowed)",
			invalid:     "no client accepts a response line with %d",
			redirectAPI: "the redirect API",
			setHeader: func(_ event, header string) string {
				return fmt.Sprintf("pass it with the response (head :status, %q => …) or set response.headers[%q] first", header, header)
			},
			redirect: func(event) string { return "set Location first, or use redirect_to, which sets it" },
		},
	})
}

// rubyClaims takes the Ruby files named without an extension.
func rubyClaims(path string) bool {
	base := path[strings.LastIndexAny(path, `/\`)+1:]
	return base == "Gemfile" || base == "Rakefile"
}

func rubyMayHave(src []byte) bool {
	return containsAny(src, "status", "render", "head", "redirect", "halt", "error!", "assert_response") ||
		rbTriplePrefix(src)
}

// rbTriplePrefix reports whether an array literal starts with a number
// somewhere: the one thing every Rack triple has.
func rbTriplePrefix(src []byte) bool {
	for i := bytes.IndexByte(src, '['); i >= 0; {
		j := i + 1
		for j < len(src) && (space[src[j]] || src[j] == '\n') {
			j++
		}
		if j < len(src) && digit[src[j]] {
			return true
		}
		next := bytes.IndexByte(src[j:], '[')
		if next < 0 {
			return false
		}
		i = j + next
	}
	return false
}

func analyzeRuby(path string, src []byte, res *Result) *fileFacts {
	r := scanRuby(src)
	f := r.facts()
	f.steps = r.steps
	r.release()
	for i := range f.occ {
		if !rbSymbolContexts[f.occ[i].Context] {
			f.occ[i].Constant, f.occ[i].ConstantText = "", ""
		}
	}
	return f
}

// rbSymbolContexts are the contexts (as occurrences name them) that take a
// symbol in place of the number.
var rbSymbolContexts = map[string]bool{
	"render": true, "head": true, "redirect_to": true, "redirect_back": true,
	"redirect_back_or_to": true, "respond_with": true, "have_http_status": true, "assert_response": true,
}

type rbFile struct {
	*scan
	// steps are the flow steps of the file's responses
	// (lang_ruby_flow.go); seed is the state a built response starts
	// from, once seeded.
	steps  []flowStep
	seed   state
	seeded bool
	// before remembers statusAttr's walks back over long chains: per "."
	// passed, the token before the chain, plus two (0 is not known).
	before []int32
}

func scanRuby(src []byte) *rbFile {
	r := &rbFile{scan: newScan("ruby", src, lexRuby(src))}
	r.walk()
	r.streamFlow()
	return r
}

// rbWordStart holds the first bytes of the names walk looks at.
var rbWordStart = func() (t [256]bool) {
	for _, w := range []string{"render", "head", "redirect_to", "respond_with", "halt", "status", "case",
		"error!", "have_http_status", "assert_response", "assert_equal", "expect", "new"} {
		t[w[0]] = true
	}
	return t
}()

func (r *rbFile) walk() {
	for i := 0; i < len(r.toks); i++ {
		t := r.toks[i]
		switch t.kind {
		case tPunct:
			if r.is(i, "[") && r.tripleAt(i) {
				r.triple(i)
			}
		case tIdent:
			if rbWordStart[r.src[t.start]] {
				r.name(i)
			}
		}
	}
}

// name reads the contexts that start at the name at token i.
func (r *rbFile) name(i int) {
	member := r.is(i-1, ".") || r.is(i-1, "&.")
	if member && !r.is(i, "status") && !r.is(i, "new") && !r.is(i-2, "self") {
		return // the framework's helpers are called without a receiver (or on self)
	}
	sendRails := statusCtx{role: Send, context: r.text(i), framework: "rails", strict: true, msg: -1}
	switch {
	case r.is(i, "status") && r.is(i+1, ":") && !member:
		r.looseStatus(i)
	case r.is(i, "status") && member:
		r.statusAttr(i)
	case r.is(i, "new"):
		// Rack::Response.new(body, 404, headers).
		if r.is(i-2, "Response") {
			if args := r.callArgs(i); len(args) > 1 {
				r.status(args[1], statusCtx{role: Send, context: "Rack::Response.new", framework: "rack", strict: true, msg: -1})
			}
		}
	case r.is(i, "render") || r.is(i, "respond_with"):
		args := r.callArgs(i)
		if v, ok := r.keyword(args, "status", ":", "=>"); ok {
			for _, key := range []string{"plain", "text", "html", "body"} {
				if m, ok := r.keyword(args, key, ":", "=>"); ok && m.to-m.from == 1 && r.tok(m.from).kind == tString {
					sendRails.msg = m.from
				}
			}
			if sendRails.msg < 0 {
				sendRails.msg = r.payloadMessage(args)
			}
			r.status(v, sendRails)
			if r.is(i, "render") {
				r.builtRender(i, args, v)
			}
		}
	case r.is(i, "head"):
		if args := r.callArgs(i); len(args) > 0 {
			r.status(args[0], sendRails)
			r.builtHead(i, args)
		}
	case r.is(i, "redirect_to") || r.is(i, "redirect_back") || r.is(i, "redirect_back_or_to"):
		sendRails.api = RedirectAPI
		if v, ok := r.keyword(r.callArgs(i), "status", ":", "=>"); ok {
			r.status(v, sendRails)
		}
	case r.is(i, "redirect"):
		// Sinatra's redirect url, 303 (and Roda's r.redirect).
		args := r.callArgs(i)
		for _, a := range args[min(1, len(args)):] {
			r.status(a, statusCtx{role: Send, context: "redirect", framework: "sinatra", api: RedirectAPI, msg: -1})
		}
	case r.is(i, "halt"):
		// halt 404; halt 404, "body"; halt 404, {headers}, "body".
		args := r.callArgs(i)
		if len(args) == 0 {
			return
		}
		c := statusCtx{role: Send, context: "halt", framework: "sinatra", strict: true, msg: -1}
		if last := args[len(args)-1]; len(args) > 1 && last.to-last.from == 1 && r.tok(last.from).kind == tString {
			c.msg = last.from
		}
		if r.tok(args[0].from).kind == tNumber {
			r.status(args[0], c)
			r.builtHalt(i, args)
		}
	case r.is(i, "status") && r.stmtStart(i):
		// Sinatra's and Grape's status 404 (not a local variable: no
		// assignment or comparison follows).
		if args := r.callArgs(i); len(args) == 1 {
			r.status(args[0], statusCtx{role: Send, context: "status", framework: "sinatra", strict: true, msg: -1})
		}
	case r.is(i, "error!"):
		// Grape's error!(message, 404).
		if args := r.callArgs(i); len(args) > 1 {
			c := statusCtx{role: Send, context: "error!", framework: "grape", api: ErrorAPI, strict: true, msg: -1}
			if args[0].to-args[0].from == 1 && r.tok(args[0].from).kind == tString {
				c.msg = args[0].from
			}
			r.status(args[1], c)
		}
	case r.is(i, "have_http_status") || r.is(i, "assert_response"):
		if args := r.callArgs(i); len(args) > 0 {
			r.matcher(args[0], statusCtx{role: Compare, context: r.text(i), framework: "rails", msg: -1})
		}
	case r.is(i, "assert_equal"):
		args := r.callArgs(i)
		if len(args) >= 2 {
			c := statusCtx{role: Compare, context: "assert_equal", msg: -1}
			if r.isStatusExpr(args[1]) {
				r.status(args[0], c)
			} else if r.isStatusExpr(args[0]) {
				r.status(args[1], c)
			}
		}
	case r.is(i, "expect"):
		r.expectation(i)
	case r.is(i, "case") && r.stmtStart(i) || r.is(i, "case") && r.is(i-1, "="):
		r.caseStatement(i)
	}
}

// caseStatement reads case response.status at token i; the values of its
// when clauses (when 404, 410) are compared with the status.
func (r *rbFile) caseStatement(i int) {
	end := i + 1
	for end < len(r.toks) && r.toks[end].kind != tNewline {
		end++
	}
	if end == i+1 || !r.isStatusExpr(span{i + 1, end}) {
		return
	}
	c := statusCtx{role: Compare, context: "case " + r.spanText(i+1, end), msg: -1}
	// The clauses are the lines at the first when's indentation (a nested
	// case's are deeper); the first other line there (end) closes it.
	col := -1
	for j := end + 1; j < len(r.toks); j++ {
		if r.toks[j-1].kind != tNewline || r.toks[j].kind == tNewline {
			continue
		}
		cj := r.column(j)
		if col < 0 {
			if !r.is(j, "when") {
				return
			}
			col = cj
		}
		if cj < col || cj == col && !r.is(j, "when") && !r.is(j, "else") {
			return
		}
		if cj != col || !r.is(j, "when") {
			continue
		}
		from := j + 1
		for k := from; k <= len(r.toks); k++ {
			if k < len(r.toks) && r.opens(k) {
				k = r.closing(k)
				continue
			}
			if k == len(r.toks) || r.toks[k].kind == tNewline || r.is(k, ",") || r.is(k, "then") || r.is(k, ";") {
				if k-from == 3 && (r.is(from+1, "..") || r.is(from+1, "...")) {
					// when 500..599: a class.
					bound := statusCtx{role: RangeBound, context: c.context, msg: -1}
					r.status(span{from, from + 1}, bound)
					r.status(span{from + 2, from + 3}, bound)
				}
				r.status(span{from, k}, c)
				from = k + 1
				if !r.is(k, ",") {
					break
				}
			}
		}
	}
}

// column returns token i's byte column.
func (r *rbFile) column(i int) int {
	start := int(r.toks[i].start)
	line := start
	for line > 0 && r.src[line-1] != '\n' {
		line--
	}
	return start - line
}

// stmtStart reports whether token i begins a statement.
func (r *rbFile) stmtStart(i int) bool {
	if i == 0 {
		return true
	}
	p := r.toks[i-1]
	return p.kind == tNewline || r.is(i-1, ";") || r.is(i-1, "{") || r.is(i-1, "|") ||
		r.is(i-1, "do") || r.is(i-1, "then") || r.is(i-1, "else")
}

// callArgs returns the arguments of the call named by token i, with or
// without parentheses; without them they run to the statement's end, a
// modifier (if, unless, …) or a block.
func (r *rbFile) callArgs(i int) []span {
	open := i + 1
	if r.is(open, "(") && r.toks[open].start == r.toks[i].end {
		args, _ := r.args(open)
		return args
	}
	if !r.startsArg(open) {
		return nil
	}
	var out []span
	from := open
	j := open
	// A statement of more tokens than this is not a call of the helpers
	// read here; the bound keeps a long line of nested commands (halt 1,
	// halt 1, …) linear.
	last := min(len(r.toks), open+rbMaxCommand)
	for ; j < last; j++ {
		t := r.toks[j]
		if t.kind == tNewline || t.kind == tIdent && r.endsArgs(j) {
			break
		}
		if t.kind != tPunct {
			continue
		}
		if r.is(j, "(") || r.is(j, "[") || r.is(j, "{") && (j == from || r.is(j-1, ":") || r.is(j-1, "=>")) {
			j = r.closing(j)
			continue
		}
		if r.is(j, ")") || r.is(j, "]") || r.is(j, "}") || r.is(j, ";") || r.is(j, "{") {
			break
		}
		if r.is(j, ",") {
			out = append(out, span{from, j})
			from = j + 1
		}
	}
	if j > from {
		out = append(out, span{from, j})
	}
	return out
}

// rbMaxCommand bounds the tokens read as one call's arguments when they
// are written without parentheses.
const rbMaxCommand = 256

// startsArg reports whether token i can start a parenthesis-less
// argument list: not an operator, an assignment or a statement's end.
func (r *rbFile) startsArg(i int) bool {
	t := r.tok(i)
	switch t.kind {
	case tEOF, tNewline:
		return false
	case tPunct:
		return r.is(i, "[") || r.is(i, "(") || r.is(i, "->") || r.is(i, "-") || r.is(i, "::")
	case tIdent:
		return !r.endsArgs(i)
	}
	return true
}

// endsArgs reports whether the name at token i ends an argument list.
func (r *rbFile) endsArgs(i int) bool {
	switch r.text(i) {
	case "if", "unless", "while", "until", "and", "or", "do", "then", "end", "rescue":
		return true
	}
	return false
}

// matcher reads the argument of have_http_status or assert_response: a
// number, a symbol the data set names, or :missing (Rails' 404).
func (r *rbFile) matcher(sp span, c statusCtx) {
	if r.status(sp, c) {
		return
	}
	if sp.to-sp.from == 1 && r.is(sp.from, ":missing") {
		r.add(sp.from, sp.from, Occurrence{Code: 404, Written: Constant, Name: ":missing"}, c)
	}
}

// isStatusExpr reports whether sp is x.status (any receiver) or a bare
// status: what a Rack test unpacks the triple into.
func (r *rbFile) isStatusExpr(sp span) bool {
	last := sp.to - 1
	if !r.is(last, "status") {
		return false
	}
	for j := last; j > sp.from; j -= 2 {
		if !r.is(j-1, ".") || r.tok(j-2).kind != tIdent {
			return false
		}
	}
	return true
}

// statusAttr reads x.status at token i assigned, compared or bounded, on
// either side.
func (r *rbFile) statusAttr(i int) {
	start := r.chainBefore(i)
	// The name is copied only for a context found: every name of a long
	// chain (r.status.status…) reaches here.
	ctx := func() string { return r.spanText(start+1, i+1) }
	next := i + 1
	switch {
	case r.is(next, "=") && r.tok(next+1).kind == tNumber:
		// Models have status attributes too (g.status = 1 on an
		// ActiveRecord group): only a response's status is sent, so a
		// number outside 100–999 is an invalid status only there.
		r.status(r.operand(next+1), statusCtx{role: Send, context: ctx() + " =", strict: r.is(i-1, ".") && rbResponseName(r.text(i-2)), msg: -1})
	case r.is(next, "==") || r.is(next, "!="):
		r.status(r.operand(next+1), statusCtx{role: Compare, context: ctx() + " comparison", msg: -1})
	case r.is(next, "<") || r.is(next, "<=") || r.is(next, ">") || r.is(next, ">="):
		r.status(r.operand(next+1), statusCtx{role: RangeBound, context: ctx() + " range check", msg: -1})
	}
	// Every name of a chain has the same operand on its left: once it is
	// read, the others pass it by.
	role, what := Compare, " comparison"
	switch {
	case r.is(start, "==") || r.is(start, "!="):
	case r.is(start, "<") || r.is(start, "<=") || r.is(start, ">") || r.is(start, ">="):
		role, what = RangeBound, " range check"
	default:
		return
	}
	if sp := r.operandBefore(start - 1); sp.to == sp.from || !r.taken[sp.from] {
		r.status(sp, statusCtx{role: role, context: ctx() + what, msg: -1})
	}
}

// rbResponseName reports whether a receiver is, by name, a response whose
// status is sent: response, res, resp, @response, or a name ending in
// _response (rack_response, @last_response). Rails' controller.response
// ends its chain in response too.
func rbResponseName(name string) bool {
	name = strings.TrimLeft(name, "@")
	switch name {
	case "response", "res", "resp":
		return true
	}
	return strings.HasSuffix(name, "_response")
}

// chainBefore returns the token before the chain of names that ends
// with the name at i (the == of 404 == r.response.status). A walk longer
// than memoAfter steps is remembered for each "." it passed.
func (r *rbFile) chainBefore(i int) int {
	start, steps := i-1, 0
	for start >= 2 && r.is(start, ".") && r.tok(start-1).kind == tIdent {
		if r.before != nil && r.before[start] != 0 {
			start = int(r.before[start]) - 2
			break
		}
		start, steps = start-2, steps+1
	}
	if steps > memoAfter || r.before != nil && steps > 0 {
		if r.before == nil {
			r.before = make([]int32, len(r.toks))
		}
		for k := i - 1; k > start && r.before[k] == 0; k -= 2 {
			r.before[k] = int32(start) + 2
		}
	}
	return start
}

// operand returns a number operand starting at token i, when no operator
// or call continues it.
func (r *rbFile) operand(i int) span {
	if r.tok(i).kind != tNumber || r.tok(i+1).kind == tPunct && !r.delimits(i+1) {
		return span{}
	}
	return span{i, i + 1}
}

// operandBefore returns a number operand ending at token i.
func (r *rbFile) operandBefore(i int) span {
	if r.tok(i).kind != tNumber || i > 0 && r.toks[i-1].kind == tPunct && !r.delimits(i-1) {
		return span{}
	}
	return span{i, i + 1}
}

// delimits reports whether the punctuation at token i separates a
// comparison's operand from what is around it, rather than making the
// operand part of a larger expression.
func (r *rbFile) delimits(i int) bool {
	t := r.tok(i)
	if t.end-t.start == 1 {
		return strings.IndexByte("()[]{},;?:|", r.src[t.start]) >= 0
	}
	return r.is(i, "&&") || r.is(i, "||") || r.is(i, "=>")
}

// expectation reads expect(x.status).to eq(404) (also eq 404, be, eql,
// equal, not_to, to_not).
func (r *rbFile) expectation(i int) {
	if !r.is(i+1, "(") {
		return
	}
	args, end := r.args(i + 1)
	if len(args) != 1 || !r.isStatusExpr(args[0]) || !r.is(end+1, ".") {
		return
	}
	j := end + 3
	if !(r.is(end+2, "to") || r.is(end+2, "not_to") || r.is(end+2, "to_not")) {
		return
	}
	switch r.text(j) {
	case "eq", "be", "eql", "equal":
		if m := r.callArgs(j); len(m) == 1 {
			r.status(m[0], statusCtx{role: Compare, context: "expect(…status).to " + r.text(j), framework: "rspec", msg: -1})
		}
	}
}

// tripleAt reports whether the "[" at token i opens an array literal in a
// place a Rack response is returned or assigned.
func (r *rbFile) tripleAt(i int) bool {
	if r.tok(i+1).kind != tNumber {
		return false
	}
	if i == 0 {
		return true
	}
	p := r.toks[i-1]
	return p.kind == tNewline || r.is(i-1, "return") || r.is(i-1, "{") || r.is(i-1, "|") ||
		r.is(i-1, "=") || r.is(i-1, "do") || r.is(i-1, "then") || r.is(i-1, "else") || r.is(i-1, "next")
}

// triple reads [status, headers, body] at token i when it has the shape.
func (r *rbFile) triple(i int) {
	elems, close := r.args(i)
	if len(elems) != 3 || elems[0].to-elems[0].from != 1 {
		return
	}
	headers, body := elems[1], elems[2]
	headersOK := r.is(headers.from, "{") && r.closing(headers.from) == headers.to-1 ||
		headers.to-headers.from == 1 && r.tok(headers.from).kind == tIdent &&
			bytes.Contains(bytes.ToLower(r.tok(headers.from).text(r.src)), []byte("header"))
	bodyOK := r.is(body.from, "[") && r.closing(body.from) == body.to-1 ||
		body.to-body.from == 1 && r.tok(body.from).kind == tIdent
	if headersOK && bodyOK {
		r.status(elems[0], statusCtx{role: Send, context: "Rack response", framework: "rack", strict: true, msg: -1})
		r.builtTriple(i, elems, close)
	}
}
