package ruby

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/httpcodes/httpcodes/analysis/internal/facts"
	"github.com/httpcodes/httpcodes/analysis/internal/lex"
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
	facts.Register(&facts.Language{
		Name:     "ruby",
		Exts:     []string{".rb", ".rake", ".ru"},
		Claims:   rubyClaims,
		Analyze:  analyzeRuby,
		MayHave:  rubyMayHave,
		Complete: completeRuby,
		// RSpec's spec/ and *_spec.rb, Minitest's test/ and *_test.rb.
		Tests:   facts.TestConventions{Dirs: []string{"spec", "test"}, Suffixes: []string{"_spec.rb", "_test.rb"}},
		Editors: facts.EditorNames{Lsp: []string{"ruby"}, Vim: []string{"ruby"}, Helix: []string{"ruby"}},
		Phrases: facts.Phrases{
			Late: "Rails commits the headers with the first stream write, and a header set after that raises ActionDispatch::IllegalStateError",
			// net/http's words, which Ruby's messages have carried since
			// the phrases were a switch with Go as its default; no
			// annotated case writes a body after a 204 in Ruby.
			Bodiless:    "net/http refuses the write (http.ErrBodyNotAllowed)",
			Invalid:     "no client accepts a response line with %d",
			RedirectAPI: "the redirect API",
			SetHeader: func(_ facts.Event, header string) string {
				return fmt.Sprintf("pass it with the response (head :status, %q => …) or set response.headers[%q] first", header, header)
			},
			Redirect: func(facts.Event) string { return "set Location first, or use redirect_to, which sets it" },
		},
	})
}

// rubyClaims takes the Ruby files named without an extension.
func rubyClaims(path string) bool {
	base := path[strings.LastIndexAny(path, `/\`)+1:]
	return base == "Gemfile" || base == "Rakefile"
}

func rubyMayHave(src []byte) bool {
	return facts.ContainsAny(src, "status", "render", "head", "redirect", "halt", "error!", "assert_response") ||
		rbTriplePrefix(src)
}

// rbTriplePrefix reports whether an array literal starts with a number
// somewhere: the one thing every Rack triple has.
func rbTriplePrefix(src []byte) bool {
	for i := bytes.IndexByte(src, '['); i >= 0; {
		j := i + 1
		for j < len(src) && (lex.Space[src[j]] || src[j] == '\n') {
			j++
		}
		if j < len(src) && lex.Digit[src[j]] {
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

func analyzeRuby(path string, src []byte, res *facts.Result) *facts.FileFacts {
	r := scanRuby(src)
	f := r.Facts()
	f.Steps = r.steps
	r.Release()
	for i := range f.Occ {
		if !rbSymbolContexts[f.Occ[i].Context] {
			f.Occ[i].Constant, f.Occ[i].ConstantText = "", ""
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
	*lex.Scan
	// steps are the flow steps of the file's responses
	// (flow.go); seed is the state a built response starts
	// from, once seeded.
	steps  []facts.FlowStep
	seed   facts.State
	seeded bool
	// before remembers statusAttr's walks back over long chains: per "."
	// passed, the token before the chain, plus two (0 is not known).
	before []int32
}

func scanRuby(src []byte) *rbFile {
	r := &rbFile{Scan: lex.NewScan("ruby", src, LexRuby(src))}
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
	for i := 0; i < len(r.Toks); i++ {
		t := r.Toks[i]
		switch t.Kind {
		case lex.TPunct:
			if r.Is(i, "[") && r.tripleAt(i) {
				r.triple(i)
			}
		case lex.TIdent:
			if rbWordStart[r.Src[t.Start]] {
				r.name(i)
			}
		}
	}
}

// name reads the contexts that start at the name at token i.
func (r *rbFile) name(i int) {
	member := r.Is(i-1, ".") || r.Is(i-1, "&.")
	if member && !r.Is(i, "status") && !r.Is(i, "new") && !r.Is(i-2, "self") {
		return // the framework's helpers are called without a receiver (or on self)
	}
	sendRails := lex.StatusCtx{Role: facts.Send, Context: r.Text(i), Framework: "rails", Strict: true, Msg: -1}
	switch {
	case r.Is(i, "status") && r.Is(i+1, ":") && !member:
		r.looseStatus(i)
	case r.Is(i, "status") && member:
		r.statusAttr(i)
	case r.Is(i, "new"):
		// Rack::Response.new(body, 404, headers).
		if r.Is(i-2, "Response") {
			if args := r.callArgs(i); len(args) > 1 {
				r.Status(args[1], lex.StatusCtx{Role: facts.Send, Context: "Rack::Response.new", Framework: "rack", Strict: true, Msg: -1})
			}
		}
	case r.Is(i, "render") || r.Is(i, "respond_with"):
		args := r.callArgs(i)
		if v, ok := r.Keyword(args, "status", ":", "=>"); ok {
			for _, key := range []string{"plain", "text", "html", "body"} {
				if m, ok := r.Keyword(args, key, ":", "=>"); ok && m.To-m.From == 1 && r.Tok(m.From).Kind == lex.TString {
					sendRails.Msg = m.From
				}
			}
			if sendRails.Msg < 0 {
				sendRails.Msg = r.payloadMessage(args)
			}
			r.Status(v, sendRails)
			if r.Is(i, "render") {
				r.builtRender(i, args, v)
			}
		}
	case r.Is(i, "head"):
		if args := r.callArgs(i); len(args) > 0 {
			r.Status(args[0], sendRails)
			r.builtHead(i, args)
		}
	case r.Is(i, "redirect_to") || r.Is(i, "redirect_back") || r.Is(i, "redirect_back_or_to"):
		sendRails.Api = facts.RedirectAPI
		if v, ok := r.Keyword(r.callArgs(i), "status", ":", "=>"); ok {
			r.Status(v, sendRails)
		}
	case r.Is(i, "redirect"):
		// Sinatra's redirect url, 303 (and Roda's r.redirect).
		args := r.callArgs(i)
		for _, a := range args[min(1, len(args)):] {
			r.Status(a, lex.StatusCtx{Role: facts.Send, Context: "redirect", Framework: "sinatra", Api: facts.RedirectAPI, Msg: -1})
		}
	case r.Is(i, "halt"):
		// halt 404; halt 404, "body"; halt 404, {headers}, "body".
		args := r.callArgs(i)
		if len(args) == 0 {
			return
		}
		c := lex.StatusCtx{Role: facts.Send, Context: "halt", Framework: "sinatra", Strict: true, Msg: -1}
		if last := args[len(args)-1]; len(args) > 1 && last.To-last.From == 1 && r.Tok(last.From).Kind == lex.TString {
			c.Msg = last.From
		}
		if r.Tok(args[0].From).Kind == lex.TNumber {
			r.Status(args[0], c)
			r.builtHalt(i, args)
		}
	case r.Is(i, "status") && r.stmtStart(i):
		// Sinatra's and Grape's status 404 (not a local variable: no
		// assignment or comparison follows).
		if args := r.callArgs(i); len(args) == 1 {
			r.Status(args[0], lex.StatusCtx{Role: facts.Send, Context: "status", Framework: "sinatra", Strict: true, Msg: -1})
		}
	case r.Is(i, "error!"):
		// Grape's error!(message, 404).
		if args := r.callArgs(i); len(args) > 1 {
			c := lex.StatusCtx{Role: facts.Send, Context: "error!", Framework: "grape", Api: facts.ErrorAPI, Strict: true, Msg: -1}
			if args[0].To-args[0].From == 1 && r.Tok(args[0].From).Kind == lex.TString {
				c.Msg = args[0].From
			}
			r.Status(args[1], c)
		}
	case r.Is(i, "have_http_status") || r.Is(i, "assert_response"):
		if args := r.callArgs(i); len(args) > 0 {
			r.matcher(args[0], lex.StatusCtx{Role: facts.Compare, Context: r.Text(i), Framework: "rails", Msg: -1})
		}
	case r.Is(i, "assert_equal"):
		args := r.callArgs(i)
		if len(args) >= 2 {
			c := lex.StatusCtx{Role: facts.Compare, Context: "assert_equal", Msg: -1}
			if r.isStatusExpr(args[1]) {
				r.Status(args[0], c)
			} else if r.isStatusExpr(args[0]) {
				r.Status(args[1], c)
			}
		}
	case r.Is(i, "expect"):
		r.expectation(i)
	case r.Is(i, "case") && r.stmtStart(i) || r.Is(i, "case") && r.Is(i-1, "="):
		r.caseStatement(i)
	}
}

// caseStatement reads case response.status at token i; the values of its
// when clauses (when 404, 410) are compared with the status.
func (r *rbFile) caseStatement(i int) {
	end := i + 1
	for end < len(r.Toks) && r.Toks[end].Kind != lex.TNewline {
		end++
	}
	if end == i+1 || !r.isStatusExpr(lex.Span{From: i + 1, To: end}) {
		return
	}
	c := lex.StatusCtx{Role: facts.Compare, Context: "case " + r.SpanText(i+1, end), Msg: -1}
	// The clauses are the lines at the first when's indentation (a nested
	// case's are deeper); the first other line there (end) closes it.
	col := -1
	for j := end + 1; j < len(r.Toks); j++ {
		if r.Toks[j-1].Kind != lex.TNewline || r.Toks[j].Kind == lex.TNewline {
			continue
		}
		cj := r.column(j)
		if col < 0 {
			if !r.Is(j, "when") {
				return
			}
			col = cj
		}
		if cj < col || cj == col && !r.Is(j, "when") && !r.Is(j, "else") {
			return
		}
		if cj != col || !r.Is(j, "when") {
			continue
		}
		from := j + 1
		for k := from; k <= len(r.Toks); k++ {
			if k < len(r.Toks) && r.Opens(k) {
				k = r.Closing(k)
				continue
			}
			if k == len(r.Toks) || r.Toks[k].Kind == lex.TNewline || r.Is(k, ",") || r.Is(k, "then") || r.Is(k, ";") {
				if k-from == 3 && (r.Is(from+1, "..") || r.Is(from+1, "...")) {
					// when 500..599: a class.
					bound := lex.StatusCtx{Role: facts.RangeBound, Context: c.Context, Msg: -1}
					r.Status(lex.Span{From: from, To: from + 1}, bound)
					r.Status(lex.Span{From: from + 2, To: from + 3}, bound)
				}
				r.Status(lex.Span{From: from, To: k}, c)
				from = k + 1
				if !r.Is(k, ",") {
					break
				}
			}
		}
	}
}

// column returns token i's byte column.
func (r *rbFile) column(i int) int {
	start := int(r.Toks[i].Start)
	line := start
	for line > 0 && r.Src[line-1] != '\n' {
		line--
	}
	return start - line
}

// stmtStart reports whether token i begins a statement.
func (r *rbFile) stmtStart(i int) bool {
	if i == 0 {
		return true
	}
	p := r.Toks[i-1]
	return p.Kind == lex.TNewline || r.Is(i-1, ";") || r.Is(i-1, "{") || r.Is(i-1, "|") ||
		r.Is(i-1, "do") || r.Is(i-1, "then") || r.Is(i-1, "else")
}

// callArgs returns the arguments of the call named by token i, with or
// without parentheses; without them they run to the statement's end, a
// modifier (if, unless, …) or a block.
func (r *rbFile) callArgs(i int) []lex.Span {
	open := i + 1
	if r.Is(open, "(") && r.Toks[open].Start == r.Toks[i].End {
		args, _ := r.Args(open)
		return args
	}
	if !r.startsArg(open) {
		return nil
	}
	var out []lex.Span
	from := open
	j := open
	// A statement of more tokens than this is not a call of the helpers
	// read here; the bound keeps a long line of nested commands (halt 1,
	// halt 1, …) linear.
	last := min(len(r.Toks), open+rbMaxCommand)
	for ; j < last; j++ {
		t := r.Toks[j]
		if t.Kind == lex.TNewline || t.Kind == lex.TIdent && r.endsArgs(j) {
			break
		}
		if t.Kind != lex.TPunct {
			continue
		}
		if r.Is(j, "(") || r.Is(j, "[") || r.Is(j, "{") && (j == from || r.Is(j-1, ":") || r.Is(j-1, "=>")) {
			j = r.Closing(j)
			continue
		}
		if r.Is(j, ")") || r.Is(j, "]") || r.Is(j, "}") || r.Is(j, ";") || r.Is(j, "{") {
			break
		}
		if r.Is(j, ",") {
			out = append(out, lex.Span{From: from, To: j})
			from = j + 1
		}
	}
	if j > from {
		out = append(out, lex.Span{From: from, To: j})
	}
	return out
}

// rbMaxCommand bounds the tokens read as one call's arguments when they
// are written without parentheses.
const rbMaxCommand = 256

// startsArg reports whether token i can start a parenthesis-less
// argument list: not an operator, an assignment or a statement's end.
func (r *rbFile) startsArg(i int) bool {
	t := r.Tok(i)
	switch t.Kind {
	case lex.TEOF, lex.TNewline:
		return false
	case lex.TPunct:
		return r.Is(i, "[") || r.Is(i, "(") || r.Is(i, "->") || r.Is(i, "-") || r.Is(i, "::")
	case lex.TIdent:
		return !r.endsArgs(i)
	}
	return true
}

// endsArgs reports whether the name at token i ends an argument list.
func (r *rbFile) endsArgs(i int) bool {
	switch r.Text(i) {
	case "if", "unless", "while", "until", "and", "or", "do", "then", "end", "rescue":
		return true
	}
	return false
}

// matcher reads the argument of have_http_status or assert_response: a
// number, a symbol the data set names, or :missing (Rails' 404).
func (r *rbFile) matcher(sp lex.Span, c lex.StatusCtx) {
	if r.Status(sp, c) {
		return
	}
	if sp.To-sp.From == 1 && r.Is(sp.From, ":missing") {
		r.Add(sp.From, sp.From, facts.Occurrence{Code: 404, Written: facts.Constant, Name: ":missing"}, c)
	}
}

// isStatusExpr reports whether sp is x.status (any receiver) or a bare
// status: what a Rack test unpacks the triple into.
func (r *rbFile) isStatusExpr(sp lex.Span) bool {
	last := sp.To - 1
	if !r.Is(last, "status") {
		return false
	}
	for j := last; j > sp.From; j -= 2 {
		if !r.Is(j-1, ".") || r.Tok(j-2).Kind != lex.TIdent {
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
	ctx := func() string { return r.SpanText(start+1, i+1) }
	next := i + 1
	switch {
	case r.Is(next, "=") && r.Tok(next+1).Kind == lex.TNumber:
		// Models have status attributes too (g.status = 1 on an
		// ActiveRecord group): only a response's status is sent, so a
		// number outside 100–999 is an invalid status only there.
		r.Status(r.operand(next+1), lex.StatusCtx{Role: facts.Send, Context: ctx() + " =", Strict: r.Is(i-1, ".") && rbResponseName(r.Text(i-2)), Msg: -1})
	case r.Is(next, "==") || r.Is(next, "!="):
		r.Status(r.operand(next+1), lex.StatusCtx{Role: facts.Compare, Context: ctx() + " comparison", Msg: -1})
	case r.Is(next, "<") || r.Is(next, "<=") || r.Is(next, ">") || r.Is(next, ">="):
		r.Status(r.operand(next+1), lex.StatusCtx{Role: facts.RangeBound, Context: ctx() + " range check", Msg: -1})
	}
	// Every name of a chain has the same operand on its left: once it is
	// read, the others pass it by.
	role, what := facts.Compare, " comparison"
	switch {
	case r.Is(start, "==") || r.Is(start, "!="):
	case r.Is(start, "<") || r.Is(start, "<=") || r.Is(start, ">") || r.Is(start, ">="):
		role, what = facts.RangeBound, " range check"
	default:
		return
	}
	if sp := r.operandBefore(start - 1); sp.To == sp.From || !r.Taken[sp.From] {
		r.Status(sp, lex.StatusCtx{Role: role, Context: ctx() + what, Msg: -1})
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
	for start >= 2 && r.Is(start, ".") && r.Tok(start-1).Kind == lex.TIdent {
		if r.before != nil && r.before[start] != 0 {
			start = int(r.before[start]) - 2
			break
		}
		start, steps = start-2, steps+1
	}
	if steps > lex.MemoAfter || r.before != nil && steps > 0 {
		if r.before == nil {
			r.before = make([]int32, len(r.Toks))
		}
		for k := i - 1; k > start && r.before[k] == 0; k -= 2 {
			r.before[k] = int32(start) + 2
		}
	}
	return start
}

// operand returns a number operand starting at token i, when no operator
// or call continues it.
func (r *rbFile) operand(i int) lex.Span {
	if r.Tok(i).Kind != lex.TNumber || r.Tok(i+1).Kind == lex.TPunct && !r.delimits(i+1) {
		return lex.Span{}
	}
	return lex.Span{From: i, To: i + 1}
}

// operandBefore returns a number operand ending at token i.
func (r *rbFile) operandBefore(i int) lex.Span {
	if r.Tok(i).Kind != lex.TNumber || i > 0 && r.Toks[i-1].Kind == lex.TPunct && !r.delimits(i-1) {
		return lex.Span{}
	}
	return lex.Span{From: i, To: i + 1}
}

// delimits reports whether the punctuation at token i separates a
// comparison's operand from what is around it, rather than making the
// operand part of a larger expression.
func (r *rbFile) delimits(i int) bool {
	t := r.Tok(i)
	if t.End-t.Start == 1 {
		return strings.IndexByte("()[]{},;?:|", r.Src[t.Start]) >= 0
	}
	return r.Is(i, "&&") || r.Is(i, "||") || r.Is(i, "=>")
}

// expectation reads expect(x.status).to eq(404) (also eq 404, be, eql,
// equal, not_to, to_not).
func (r *rbFile) expectation(i int) {
	if !r.Is(i+1, "(") {
		return
	}
	args, end := r.Args(i + 1)
	if len(args) != 1 || !r.isStatusExpr(args[0]) || !r.Is(end+1, ".") {
		return
	}
	j := end + 3
	if !(r.Is(end+2, "to") || r.Is(end+2, "not_to") || r.Is(end+2, "to_not")) {
		return
	}
	switch r.Text(j) {
	case "eq", "be", "eql", "equal":
		if m := r.callArgs(j); len(m) == 1 {
			r.Status(m[0], lex.StatusCtx{Role: facts.Compare, Context: "expect(…status).to " + r.Text(j), Framework: "rspec", Msg: -1})
		}
	}
}

// tripleAt reports whether the "[" at token i opens an array literal in a
// place a Rack response is returned or assigned.
func (r *rbFile) tripleAt(i int) bool {
	if r.Tok(i+1).Kind != lex.TNumber {
		return false
	}
	if i == 0 {
		return true
	}
	p := r.Toks[i-1]
	return p.Kind == lex.TNewline || r.Is(i-1, "return") || r.Is(i-1, "{") || r.Is(i-1, "|") ||
		r.Is(i-1, "=") || r.Is(i-1, "do") || r.Is(i-1, "then") || r.Is(i-1, "else") || r.Is(i-1, "next")
}

// triple reads [status, headers, body] at token i when it has the shape.
func (r *rbFile) triple(i int) {
	elems, close := r.Args(i)
	if len(elems) != 3 || elems[0].To-elems[0].From != 1 {
		return
	}
	headers, body := elems[1], elems[2]
	headersOK := r.Is(headers.From, "{") && r.Closing(headers.From) == headers.To-1 ||
		headers.To-headers.From == 1 && r.Tok(headers.From).Kind == lex.TIdent &&
			bytes.Contains(bytes.ToLower(r.Tok(headers.From).Text(r.Src)), []byte("header"))
	bodyOK := r.Is(body.From, "[") && r.Closing(body.From) == body.To-1 ||
		body.To-body.From == 1 && r.Tok(body.From).Kind == lex.TIdent
	if headersOK && bodyOK {
		r.Status(elems[0], lex.StatusCtx{Role: facts.Send, Context: "Rack response", Framework: "rack", Strict: true, Msg: -1})
		r.builtTriple(i, elems, close)
	}
}
