package python

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/httpcodes/httpcodes/analysis/internal/facts"
	"github.com/httpcodes/httpcodes/analysis/internal/lex"
	"github.com/httpcodes/httpcodes/codes"
)

// Python: Flask, Django, Django REST framework, FastAPI/Starlette, aiohttp,
// Tornado, and the tests written against them. A number is a status where
// the call or the name around it says so:
//
//   - status_code=n in any call or signature: the keyword names the value;
//     status=n only in the response constructors and helpers that take it
//     (a bare status= is as often an order's state);
//   - response constructors (Response, JSONResponse, HttpResponse,
//     web.json_response, make_response, …), abort, HTTPException,
//     redirect(url, code=n), set_status, send_error, Tornado's HTTPError,
//     http.server's send_response;
//   - FastAPI route decorators (@app.post(…, status_code=201, responses={404: …}));
//   - return body, n and return body, n, headers in a Flask view: a function
//     decorated with a route or errorhandler of a file that imports Flask
//     (or Quart). A tuple returned by any other function is a pair of
//     values, whatever its second one is;
//   - x.status_code, x.status and a bare status_code compared (==, !=, in,
//     the cases of a match statement on one), bounded (<, >=: RangeBound)
//     or assigned, and assertEqual and Django's assertContains and
//     assertRedirects in tests.
//
// HTTPStatus.X (also http.HTTPStatus.X) and status.HTTP_404_NOT_FOUND are
// constants anywhere; status.X is read as Django REST framework's when the
// file imports rest_framework, else as Starlette's.

func init() {
	facts.Register(&facts.Language{
		Name:     "python",
		Exts:     []string{".py", ".pyi"},
		Analyze:  analyzePython,
		MayHave:  pythonMayHave,
		Routes:   routesPython,
		Complete: completePython,
		// A status_code compared with four digits is a typo.
		StatusByName: true,
		// pytest's discovery (test_*.py, *_test.py, conftest.py), Django's
		// tests.py and tests/ packages.
		Tests: facts.TestConventions{
			Dirs:     []string{"tests", "test"},
			Prefixes: []string{"test_"},
			Suffixes: []string{"_test.py"},
			Names:    []string{"conftest.py", "tests.py"},
		},
		Editors: facts.EditorNames{Lsp: []string{"python"}, Vim: []string{"python"}, Helix: []string{"python"}},
		Phrases: facts.Phrases{
			Late:        "http.server queues a header sent after end_headers() behind the header section, so it is lost or read as body",
			Bodiless:    "http.server sends the bytes anyway, and a client or proxy reads them as the start of the next response",
			Invalid:     "no client accepts a response line with %d",
			RedirectAPI: "the redirect API",
			SetHeader: func(ev facts.Event, header string) string {
				if ev.Writer != facts.BuiltWriter {
					return fmt.Sprintf("call %s.send_header(%q, …) before end_headers()", ev.Writer, header)
				}
				return fmt.Sprintf("pass it with the response (headers={%q: …})", header)
			},
			Redirect: func(facts.Event) string {
				return "set Location first, or use redirect() or RedirectResponse, which sets it"
			},
		},
	})
}

// pythonMayHave: every context names a status, a response, an abort, an
// exception, a redirect or an error handler, or sits in a Flask file.
func pythonMayHave(src []byte) bool {
	return facts.ContainsAny(src, "status", "Status", "Response", "_response", "abort", "Exception",
		"HTTPError", "redirect", "send_", "flask", "quart")
}

func analyzePython(path string, src []byte, res *facts.Result) *facts.FileFacts {
	p := scanPython(src)
	f := p.Facts()
	f.Steps = p.steps
	p.Release()
	return f
}

// pyFile is what the scanner knows of a file beyond its tokens.
type PyFile struct {
	*lex.Scan
	flask, django, tornado bool
	// drf is set when the file imports rest_framework; drfView while the
	// walk is inside a Django REST framework view (a class deriving from
	// APIView, GenericAPIView, a ViewSet or generics.X, or an @api_view
	// function of a file that imports rest_framework), whose
	// finalize_response sets Allow on every response.
	drf, drfView bool
	// importsStatus is set when the file imports the status module of
	// FastAPI, Starlette or Django REST framework.
	importsStatus bool
	// httpx is set when the file imports httpx, whose Response takes the
	// status first.
	httpx bool
	// steps are the flow steps of the file's responses (flow.go);
	// seed is the state a built response starts from, once seeded.
	steps  []facts.FlowStep
	seed   facts.State
	seeded bool
	// starts remembers chainStart's answers for long dotted names, plus
	// one (0 is not known).
	starts []int32
	// colPos is the offset column last looked at, colLine the start of
	// its line.
	colPos, colLine int
}

// scanPython reads a file's status contexts and constants.
func scanPython(src []byte) *PyFile {
	p := &PyFile{Scan: lex.NewScan("python", src, LexPython(src))}
	p.imports()
	p.walk()
	p.serverFlow()
	p.References()
	return p
}

// imports reads the import statements: which frameworks the file uses
// decides how some calls read, and which library status.X belongs to.
func (p *PyFile) imports() {
	for i := range p.Toks {
		if p.Toks[i].Kind != lex.TIdent || !(p.Is(i, "import") || p.Is(i, "from")) || !p.stmtStart(i) {
			continue
		}
		from := p.Is(i, "from")
		for j := i + 1; j < len(p.Toks) && p.Toks[j].Kind != lex.TNewline; j++ {
			if p.Toks[j].Kind != lex.TIdent {
				continue
			}
			// The root of each module named, and in from-imports the
			// names imported (from fastapi import status).
			root := p.Tok(j-1).Kind != lex.TPunct || !p.Is(j-1, ".")
			switch {
			case root && (p.Is(j, "flask") || p.Is(j, "quart")):
				p.flask = true
			case root && p.Is(j, "django"):
				p.django = true
			case root && p.Is(j, "tornado"):
				p.tornado = true
			case root && p.Is(j, "httpx"):
				p.httpx = true
			case root && p.Is(j, "rest_framework"):
				p.Prefer(codes.DRF)
				p.drf = true
			case from && p.Is(j, "status") && (p.Is(j-1, "import") || p.Is(j-1, ",") || p.Is(j-1, "(")):
				p.importsStatus = true
			}
		}
	}
}

// stmtStart reports whether token i begins a logical line.
func (p *PyFile) stmtStart(i int) bool {
	return i == 0 || p.Toks[i-1].Kind == lex.TNewline || p.Is(i-1, ";")
}

// pyDef is a function or class being read: its indentation, whether it
// is a Flask view whose returned tuples carry a status, and whether it
// is (or is inside) a Django REST framework view.
type pyDef struct {
	col       int
	view, drf bool
}

// walk finds the contexts in one pass over the tokens.
func (p *PyFile) walk() {
	var defs []pyDef
	pendingView, pendingDRF := false, false
	for i := 0; i < len(p.Toks); i++ {
		t := p.Toks[i]
		// A logical line that starts a physical one may end functions (one
		// after a ";" shares its line and indentation with the last).
		if len(defs) > 0 && (i == 0 || p.Toks[i-1].Kind == lex.TNewline) && t.Kind != lex.TNewline {
			col := p.Column(i)
			for len(defs) > 0 && defs[len(defs)-1].col >= col {
				defs = defs[:len(defs)-1]
			}
			p.drfView = len(defs) > 0 && defs[len(defs)-1].drf
		}
		switch t.Kind {
		case lex.TPunct:
			if p.Is(i, "@") && p.stmtStart(i) {
				if p.decorator(i + 1) {
					pendingView = true
				}
				if p.drf && p.Is(i+1, "api_view") {
					pendingDRF = true
				}
			}
		case lex.TIdent:
			if !pyWordStart[p.Src[t.Start]] {
				continue
			}
			switch {
			case p.Is(i, "def"):
				defs = append(defs, pyDef{col: p.Column(i), view: pendingView, drf: pendingDRF || p.drfView})
				pendingView, pendingDRF = false, false
				if p.Is(i-1, "async") {
					defs[len(defs)-1].col = p.Column(i - 1)
				}
				p.drfView = defs[len(defs)-1].drf
			case p.Is(i, "match") && p.stmtStart(i):
				p.matchStatement(i)
			case p.Is(i, "class"):
				pendingView, pendingDRF = false, false
				if p.stmtStart(i) {
					defs = append(defs, pyDef{col: p.Column(i), drf: p.drfView || p.drfBases(i)})
					p.drfView = defs[len(defs)-1].drf
				}
			case p.Is(i, "return"):
				if len(defs) > 0 && defs[len(defs)-1].view && p.stmtStart(i) {
					p.viewReturn(i + 1)
				}
			case p.Is(i+1, "(") && !p.Is(i-1, "def") && !p.Is(i-1, "class"):
				p.call(i)
			case p.Is(i, "status_code") || p.Is(i, "status") || p.Is(i, "status_int"):
				p.statusName(i)
			}
		}
	}
}

// drfBases reports whether the class statement at token i derives from a
// Django REST framework view: APIView, GenericAPIView, a name ending in
// APIView or ViewSet (ListCreateAPIView, ModelViewSet, also when a module
// of the project re-exports them), or, in a file that imports
// rest_framework, generics.X or viewsets.X.
func (p *PyFile) drfBases(i int) bool {
	if !p.Is(i+2, "(") {
		return false
	}
	close := p.Closing(i + 2)
	for j := i + 3; j < close; j++ {
		if p.Toks[j].Kind != lex.TIdent {
			continue
		}
		name := p.Text(j)
		if strings.HasSuffix(name, "APIView") || strings.HasSuffix(name, "ViewSet") ||
			p.drf && p.Is(j+1, ".") && (name == "generics" || name == "viewsets") {
			return true
		}
	}
	return false
}

// pyWordStart holds the first bytes of every name walk looks at, so most
// names are passed over with one table lookup.
var pyWordStart = func() (t [256]bool) {
	for _, w := range []string{"def", "class", "return", "match", "status", "Response", "abort", "redirect",
		"make_response", "json_response", "HTTPException", "HTTPError", "set_status", "send_error",
		"render", "assert", "register_error_handler", "Starlette", "web", "HttpResponse", "JsonResponse"} {
		t[w[0]] = true
	}
	// Response classes have any name ending in Response; their first byte
	// is an upper-case letter.
	for c := 'A'; c <= 'Z'; c++ {
		t[c] = true
	}
	return t
}()

// column returns token i's byte column: Python's indentation. The walk
// asks in order of the file, and may ask for many tokens of one line
// (def …; def …), so the start of the line last found is kept and the
// search for the next goes back only to it.
func (p *PyFile) Column(i int) int {
	start := int(p.Toks[i].Start)
	switch {
	case start >= p.colPos:
		if nl := bytes.LastIndexByte(p.Src[p.colPos:start], '\n'); nl >= 0 {
			p.colLine = p.colPos + nl + 1
		}
	case start < p.colLine:
		p.colLine = bytes.LastIndexByte(p.Src[:start], '\n') + 1
	}
	// Else start is on the line of colPos, before it: colLine holds.
	p.colPos = start
	return start - p.colLine
}

// chainStart returns the first token of the dotted name ending at token i
// (self.client.response.status_code → self). Every name of a dotted name
// asks for the same start: a walk longer than memoAfter steps remembers
// it for each name it passed, so that a long one (r.status_code.status_code…)
// is walked once, not once per name.
func (p *PyFile) chainStart(i int) int {
	k, steps := i, 0
	for k >= 2 && p.Is(k-1, ".") && p.Toks[k-2].Kind == lex.TIdent {
		if p.starts != nil && p.starts[k] != 0 {
			k = int(p.starts[k]) - 1
			break
		}
		k, steps = k-2, steps+1
	}
	if steps > lex.MemoAfter || p.starts != nil && steps > 0 {
		if p.starts == nil {
			p.starts = make([]int32, len(p.Toks))
		}
		for m := i; m > k && p.starts[m] == 0; m -= 2 {
			p.starts[m] = int32(k) + 1
		}
	}
	return k
}

// chainEnd returns the index after the dotted name starting at token i.
func (p *PyFile) chainEnd(i int) int {
	if p.Tok(i).Kind != lex.TIdent {
		return i
	}
	i++
	for p.Is(i, ".") && p.Tok(i+1).Kind == lex.TIdent {
		i += 2
	}
	return i
}

// callee returns the dotted name that ends at token i, as written.
func (p *PyFile) callee(i int) string {
	return p.SpanText(p.chainStart(i), i+1)
}

// binop reports whether token i is an arithmetic or bitwise operator:
// one next to a number makes it part of a larger expression, not the
// operand of a comparison.
func (p *PyFile) binop(i int) bool {
	t := p.Tok(i)
	if t.Kind != lex.TPunct {
		return false
	}
	switch t.End - t.Start {
	case 1:
		return strings.IndexByte("+-*/%@&|^", p.Src[t.Start]) >= 0
	case 2:
		return p.Is(i, "//") || p.Is(i, "**") || p.Is(i, "<<") || p.Is(i, ">>")
	}
	return false
}

// followed reports whether token i continues the operand before it: an
// operator, a member access, a call or an index.
func (p *PyFile) followed(i int) bool {
	return p.binop(i) || p.Is(i, ".") || p.Is(i, "(") || p.Is(i, "[")
}

// operand returns the operand of a comparison starting at token i: a
// number or a dotted name (HTTPStatus.OK, with .value read off it).
func (p *PyFile) operand(i int) lex.Span {
	switch p.Tok(i).Kind {
	case lex.TNumber:
		if p.followed(i + 1) {
			return lex.Span{}
		}
		return lex.Span{From: i, To: i + 1}
	case lex.TIdent:
		end := p.chainEnd(i)
		if p.followed(end) {
			return lex.Span{}
		}
		if end-i > 3 && (p.Is(end-1, "value") || p.Is(end-1, "real")) {
			end -= 2
		}
		return lex.Span{From: i, To: end}
	}
	return lex.Span{}
}

// operandBefore returns the operand of a comparison that ends at token i.
func (p *PyFile) operandBefore(i int) lex.Span {
	switch p.Tok(i).Kind {
	case lex.TNumber:
		if p.binop(i - 1) {
			return lex.Span{}
		}
		return lex.Span{From: i, To: i + 1}
	case lex.TIdent:
		start := p.chainStart(i)
		if p.Is(i, "value") && i-start >= 2 {
			i -= 2
		}
		if p.binop(start - 1) {
			return lex.Span{}
		}
		return lex.Span{From: start, To: i + 1}
	}
	return lex.Span{}
}

// isStatusExpr reports whether sp is a dotted name ending in status_code,
// status or status_int (resp.status_code, self.response.status).
func (p *PyFile) isStatusExpr(sp lex.Span) bool {
	last := sp.To - 1
	if last < sp.From || p.chainStart(last) != sp.From || p.Tok(last).Kind != lex.TIdent {
		return false
	}
	return p.Is(last, "status_code") || p.Is(last, "status_int") || p.Is(last, "status") && last > sp.From
}

// statusName reads the contexts around a status_code or status name at
// token i: comparisons, bounds and assignments.
func (p *PyFile) statusName(i int) {
	attr := p.Is(i-1, ".")
	bare := p.Is(i, "status_code") && !attr
	if !attr && !bare {
		return
	}
	// The name is copied only for a context found: every name of a long
	// dotted one reaches here.
	ctx := func() string { return p.callee(i) }
	next := i + 1
	if p.Is(next, "not") && p.Is(next+1, "in") {
		next++
	}
	switch p.Text(next) {
	case "==", "!=":
		p.Status(p.operand(next+1), lex.StatusCtx{Role: facts.Compare, Context: ctx() + " comparison", Msg: -1})
	case "<", "<=", ">", ">=":
		p.Status(p.operand(next+1), lex.StatusCtx{Role: facts.RangeBound, Context: ctx() + " range check", Msg: -1})
	case "in":
		if p.Is(next+1, "(") || p.Is(next+1, "[") || p.Is(next+1, "{") {
			args, _ := p.Args(next + 1)
			c := lex.StatusCtx{Role: facts.Compare, Context: ctx() + " comparison", Msg: -1}
			for _, a := range args {
				p.Status(a, c)
			}
		}
	case "=":
		switch {
		case attr:
			// resp.status_code = 404 sets the status a response is sent with.
			p.Status(p.operand(next+1), lex.StatusCtx{Role: facts.Send, Context: ctx() + " =", Strict: p.Is(i, "status_code"), Msg: -1})
		case p.stmtStart(i) || p.Is(i-1, "(") || p.Is(i-1, ","):
			// status_code = 404 in a class body (Django REST framework's
			// APIException subclasses) or a keyword argument or default
			// of any call or signature: the name says what the number is.
			p.Status(p.operand(next+1), lex.StatusCtx{Role: facts.Send, Context: "status_code=", Msg: -1})
		}
	}
	// The number on the left: 200 == resp.status_code, 200 <= r.status < 300.
	// Every name of r.status_code.status_code… has the same operand on
	// its left: once it is read, the others pass it by.
	start := p.chainStart(i)
	role, what := facts.Compare, " comparison"
	switch p.Text(start - 1) {
	case "==", "!=":
	case "<", "<=", ">", ">=":
		role, what = facts.RangeBound, " range check"
	default:
		return
	}
	if sp := p.operandBefore(start - 2); sp.To == sp.From || !p.Taken[sp.From] {
		p.Status(sp, lex.StatusCtx{Role: role, Context: ctx() + what, Msg: -1})
	}
}

// pyPositionalStatus are the response classes whose second positional
// argument is the status: Flask's and Django REST framework's Response,
// Starlette's responses and Flask's make_response. (Django's HttpResponse
// takes a content type there.)
var pyPositionalStatus = map[string]bool{
	"Response": true, "JSONResponse": true, "HTMLResponse": true, "PlainTextResponse": true,
	"RedirectResponse": true, "StreamingResponse": true, "FileResponse": true,
	"ORJSONResponse": true, "UJSONResponse": true, "make_response": true,
}

// call reads the call whose callee name is token i and whose "(" follows.
func (p *PyFile) call(i int) {
	name := p.Text(i)
	open := i + 1
	switch {
	case strings.HasSuffix(name, "Response") || name == "make_response" || name == "json_response":
		p.responseCall(i, name, open)
	case strings.HasSuffix(name, "HTTPException"):
		// FastAPI/Starlette: HTTPException(status_code, detail, headers).
		args, close := p.Args(open)
		c := lex.StatusCtx{Role: facts.Send, Context: p.callee(i), Framework: "fastapi", Api: facts.ErrorAPI, Strict: true, Msg: -1}
		c.Msg = p.message(args, 1, "detail")
		sp, ok := p.argOf(args, 0, "status_code")
		if !ok {
			return
		}
		code, known := p.CodeOf(sp)
		if known && pyStatusIsBodiless(code) {
			// Starlette answers HTTPException(304) (and 204) with the
			// status and headers alone: no error message is sent.
			c.Api = 0
		}
		p.Status(sp, c)
		if known {
			p.builtRaise(i, args, close, code)
		}
	case name == "abort":
		// Flask's abort(404, "description"); self.abort and os.abort are
		// other functions.
		if p.Is(i-1, ".") && !p.Is(i-2, "flask") {
			return
		}
		args, close := p.Args(open)
		c := lex.StatusCtx{Role: facts.Send, Context: p.callee(i), Framework: "flask", Api: facts.ErrorAPI, Strict: p.flask, Msg: -1}
		c.Msg = p.message(args, 1, "description")
		p.firstOf(args, 0, c, "code")
		if sp, ok := p.argOf(args, 0, "code"); ok && p.flask {
			if code, ok := p.CodeOf(sp); ok {
				p.builtRaise(i, args, close, code)
			}
		}
	case name == "redirect":
		// Flask's redirect(location, code=302). Django's redirect passes
		// its other arguments to reverse(), so a Django-only file has no
		// status there.
		if p.django && !p.flask {
			return
		}
		args, _ := p.Args(open)
		c := lex.StatusCtx{Role: facts.Send, Context: p.callee(i), Framework: "flask", Api: facts.RedirectAPI, Strict: p.flask, Msg: -1}
		if v, ok := p.Keyword(args, "code", "="); ok {
			p.Status(v, c)
		} else if p.flask && len(args) > 1 {
			p.Status(args[1], c)
		}
	case name == "set_status" && p.Is(i-1, "."):
		// Tornado's and aiohttp's response.set_status(404, reason).
		args, _ := p.Args(open)
		c := lex.StatusCtx{Role: facts.Send, Context: p.callee(i), Strict: true, Msg: -1}
		c.Msg = p.message(args, 1, "reason")
		p.firstOf(args, 0, c, "status_code")
	case (name == "send_response" || name == "send_response_only") && p.Is(i-1, "."):
		// http.server's handler.send_response(code, message): the message
		// is the reason phrase sent on the status line.
		args, _ := p.Args(open)
		c := lex.StatusCtx{Role: facts.Send, Context: p.callee(i), Framework: "http.server", Strict: true, Msg: -1}
		c.Msg = p.message(args, 1, "message")
		p.firstOf(args, 0, c, "code")
	case name == "send_error" && p.Is(i-1, "."):
		args, _ := p.Args(open)
		p.firstOf(args, 0, lex.StatusCtx{Role: facts.Send, Context: p.callee(i), Framework: "tornado", Api: facts.ErrorAPI, Strict: true, Msg: -1}, "status_code")
	case name == "HTTPError" && p.tornado:
		args, _ := p.Args(open)
		c := lex.StatusCtx{Role: facts.Send, Context: p.callee(i), Framework: "tornado", Api: facts.ErrorAPI, Strict: true, Msg: -1}
		p.firstOf(args, 0, c, "status_code")
	case name == "render" && p.django:
		// Django's render(request, template, context, status=404).
		args, _ := p.Args(open)
		if v, ok := p.Keyword(args, "status", "="); ok {
			p.Status(v, lex.StatusCtx{Role: facts.Send, Context: p.callee(i), Framework: "django", Strict: true, Msg: -1})
		}
	case name == "register_error_handler":
		// app.register_error_handler(404, handler) handles a status: it is
		// compared with the status sent.
		args, _ := p.Args(open)
		if len(args) > 0 {
			p.Status(args[0], lex.StatusCtx{Role: facts.Compare, Context: p.callee(i), Msg: -1})
		}
	case strings.HasPrefix(name, "assert") && p.Is(i-1, "."):
		p.assertion(i, name, open)
	}
}

// responseCall reads a response constructor: the status is the status or
// status_code keyword, or a positional argument: the first when it is a
// number (httpx.Response(404) in tests), else the second for the classes
// that take it there.
func (p *PyFile) responseCall(i int, name string, open int) {
	args, close := p.Args(open)
	c := lex.StatusCtx{Role: facts.Send, Context: p.callee(i), Framework: p.responseFramework(i, name), Strict: true, Msg: -1}
	if strings.Contains(name, "Redirect") {
		c.Api = facts.RedirectAPI
	}
	plain := !strings.Contains(name, "Redirect") && !strings.Contains(name, "File") &&
		!strings.Contains(name, "Streaming") && !strings.Contains(name, "Template")
	if plain && len(args) > 0 && args[0].To-args[0].From == 1 && p.Tok(args[0].From).Kind == lex.TString {
		c.Msg = args[0].From
	}
	sp, ok := lex.Span{}, false
	for _, key := range []string{"status_code", "status"} {
		if sp, ok = p.Keyword(args, key, "="); ok {
			break
		}
	}
	switch {
	case ok:
	case len(args) > 0 && p.Tok(args[0].From).Kind == lex.TNumber && p.statusFirst(i, name):
		// httpx.Response(404): the one response class whose first
		// argument is the status. The others take the body there
		// (web.json_response(42), JsonResponse(7, safe=False)).
		c.Msg = -1
		p.Status(args[0], c)
		return
	case pyPositionalStatus[name] && len(args) > 1 && !p.Is(args[1].From+1, "="):
		sp, ok = args[1], true
	}
	if !ok {
		return
	}
	p.Status(sp, c)
	if code, known := p.CodeOf(sp); known {
		p.builtCall(i, name, args, close, code)
	}
}

// statusFirst reports whether the response class named at token i takes
// the status as its first argument: httpx's Response (also imported by
// name in a file that imports httpx).
func (p *PyFile) statusFirst(i int, name string) bool {
	if name != "Response" {
		return false
	}
	if p.Is(i-1, ".") {
		return p.Is(i-2, "httpx")
	}
	return p.httpx && !p.flask && !p.django
}

// responseFramework names the library a response class most likely comes
// from, for messages.
func (p *PyFile) responseFramework(i int, name string) string {
	switch {
	case p.Is(i-1, ".") && p.Is(i-2, "web"):
		return "aiohttp"
	case strings.HasPrefix(name, "Http") || name == "JsonResponse" || name == "TemplateResponse" && p.django:
		return "django"
	case name == "make_response" || name == "Response" && p.flask:
		return "flask"
	case name == "Response" && p.django:
		return "drf"
	}
	return "starlette"
}

// message returns the token of a single-string message argument: the
// keyword key, or positional argument pos; -1 when there is none.
func (p *PyFile) message(args []lex.Span, pos int, key string) int {
	if v, ok := p.Keyword(args, key, "="); ok {
		if v.To-v.From == 1 && p.Tok(v.From).Kind == lex.TString {
			return v.From
		}
		return -1
	}
	if pos < len(args) && args[pos].To-args[pos].From == 1 && p.Tok(args[pos].From).Kind == lex.TString {
		return args[pos].From
	}
	return -1
}

// firstOf records the status given as keyword key, or else as positional
// argument pos (when that is not a keyword argument).
func (p *PyFile) firstOf(args []lex.Span, pos int, c lex.StatusCtx, key string) {
	if v, ok := p.argOf(args, pos, key); ok {
		p.Status(v, c)
	}
}

// argOf returns the argument given as keyword key, or else as positional
// argument pos (when that is not a keyword argument).
func (p *PyFile) argOf(args []lex.Span, pos int, key string) (lex.Span, bool) {
	if v, ok := p.Keyword(args, key, "="); ok {
		return v, true
	}
	if pos < len(args) && !p.Is(args[pos].From+1, "=") {
		return args[pos], true
	}
	return lex.Span{}, false
}

// assertion reads unittest's self.assertEqual(resp.status_code, 404) (either
// order) and Django's assertContains/assertRedirects keywords.
func (p *PyFile) assertion(i int, name string, open int) {
	args, _ := p.Args(open)
	c := lex.StatusCtx{Role: facts.Compare, Context: p.callee(i), Msg: -1}
	switch name {
	case "assertEqual", "assertEquals", "assertNotEqual", "assertNotEquals":
		if len(args) < 2 {
			return
		}
		if p.isStatusExpr(args[0]) {
			p.Status(args[1], c)
		} else if p.isStatusExpr(args[1]) {
			p.Status(args[0], c)
		}
	case "assertContains", "assertNotContains", "assertRedirects":
		c.Framework = "django"
		for _, key := range []string{"status_code", "target_status_code"} {
			if v, ok := p.Keyword(args, key, "="); ok {
				p.Status(v, c)
			}
		}
	}
}

// pyRouteMethods are the decorator names that make a route: Flask's and
// FastAPI's app.route/app.get/…, blueprints' and routers' alike.
var pyRouteMethods = map[string]bool{
	"route": true, "get": true, "post": true, "put": true, "patch": true, "delete": true,
	"head": true, "options": true, "trace": true, "api_route": true,
}

// decorator reads the decorator whose name starts at token i, and reports
// whether it makes the function below a Flask view.
func (p *PyFile) decorator(i int) bool {
	end := p.chainEnd(i)
	if end-i < 3 || !p.Is(end, "(") {
		return false
	}
	last := p.Text(end - 1)
	args, _ := p.Args(end)
	switch {
	case pyRouteMethods[last]:
		c := lex.StatusCtx{Role: facts.Send, Context: "@" + p.SpanText(i, end), Framework: "fastapi", Strict: true, Msg: -1}
		if v, ok := p.Keyword(args, "status_code", "="); ok {
			p.Status(v, c)
		}
		if v, ok := p.Keyword(args, "responses", "="); ok && p.Is(v.From, "{") {
			p.dictKeys(v.From, lex.StatusCtx{Role: facts.Send, Context: "responses", Framework: "fastapi", Msg: -1})
		}
		return p.flask
	case last == "errorhandler" || last == "app_errorhandler" || last == "exception_handler":
		// @app.errorhandler(404) handles that status; its view's tuples
		// carry the status it answers with.
		if len(args) > 0 {
			p.Status(args[0], lex.StatusCtx{Role: facts.Compare, Context: "@" + p.SpanText(i, end), Msg: -1})
		}
		return p.flask
	}
	return false
}

// dictKeys records the keys of the dict literal opened at open:
// responses={404: {"model": Message}}.
func (p *PyFile) dictKeys(open int, c lex.StatusCtx) {
	elems, _ := p.Args(open)
	for _, e := range elems {
		for j := e.From; j < e.To; j++ {
			if p.Is(j, ":") {
				p.Status(lex.Span{From: e.From, To: j}, c)
				break
			}
		}
	}
}

// viewReturn reads return body, status[, headers] in a Flask view; the
// tuple may be parenthesised.
func (p *PyFile) viewReturn(i int) {
	end := i
	for end < len(p.Toks) && p.Toks[end].Kind != lex.TNewline && !p.Is(end, ";") {
		end++
	}
	if end == i {
		return
	}
	var elems []lex.Span
	if p.Is(i, "(") && p.Closing(i) == end-1 {
		elems, _ = p.Args(i)
	} else {
		from := i
		for j := i; j < end; j++ {
			switch {
			case p.Is(j, "(") || p.Is(j, "[") || p.Is(j, "{"):
				j = p.Closing(j)
			case p.Is(j, ","):
				elems = append(elems, lex.Span{From: from, To: j})
				from = j + 1
			}
		}
		if from < end {
			elems = append(elems, lex.Span{From: from, To: end})
		}
	}
	if len(elems) != 2 && len(elems) != 3 {
		return
	}
	c := lex.StatusCtx{Role: facts.Send, Context: "view return", Framework: "flask", Strict: true, Msg: -1}
	if elems[0].To-elems[0].From == 1 && p.Tok(elems[0].From).Kind == lex.TString {
		c.Msg = elems[0].From
	}
	p.Status(elems[1], c)
	p.builtReturn(i-1, elems, end)
}

// matchStatement reads match resp.status_code: at token i; each of its
// case patterns (404, 404 | 410, HTTPStatus.GONE) is compared with the
// status.
func (p *PyFile) matchStatement(i int) {
	colon := i + 1
	for colon < len(p.Toks) && p.Toks[colon].Kind != lex.TNewline && !p.Is(colon, ":") {
		colon++
	}
	subject := lex.Span{From: i + 1, To: colon}
	if !p.Is(colon, ":") || !p.isStatusExpr(subject) {
		return
	}
	c := lex.StatusCtx{Role: facts.Compare, Context: "match " + p.SpanText(subject.From, subject.To), Msg: -1}
	// The cases are the lines at the first case's indentation (a nested
	// match's are deeper); a line left of it ends the match.
	col := -1
	for j := colon + 1; j < len(p.Toks); j++ {
		if p.Toks[j-1].Kind != lex.TNewline || p.Toks[j].Kind == lex.TNewline {
			continue
		}
		cj := p.Column(j)
		if col < 0 {
			if !p.Is(j, "case") || cj <= p.Column(i) {
				return
			}
			col = cj
		}
		if cj < col {
			return
		}
		if cj != col || !p.Is(j, "case") {
			continue
		}
		// The pattern runs to the ":" (or a guard's "if"); "|" separates
		// its alternatives.
		from := j + 1
		for k := from; k < len(p.Toks) && p.Toks[k].Kind != lex.TNewline; k++ {
			switch {
			case p.Opens(k):
				k = p.Closing(k)
			case p.Is(k, "|") || p.Is(k, ":") || p.Is(k, "if"):
				p.Status(lex.Span{From: from, To: k}, c)
				from = k + 1
			}
			if p.Is(k, ":") || p.Is(k, "if") {
				break
			}
		}
	}
}
