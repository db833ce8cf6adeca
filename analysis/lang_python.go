package analysis

import (
	"bytes"
	"fmt"
	"strings"

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
	register(&language{
		name:     "python",
		exts:     []string{".py", ".pyi"},
		analyze:  analyzePython,
		mayHave:  pythonMayHave,
		routes:   routesPython,
		complete: completePython,
		// A status_code compared with four digits is a typo.
		statusByName: true,
		// pytest's discovery (test_*.py, *_test.py, conftest.py), Django's
		// tests.py and tests/ packages.
		tests: testConventions{
			dirs:     []string{"tests", "test"},
			prefixes: []string{"test_"},
			suffixes: []string{"_test.py"},
			names:    []string{"conftest.py", "tests.py"},
		},
		editors: editorNames{lsp: []string{"python"}, vim: []string{"python"}, helix: []string{"python"}},
		phrases: phrases{
			late:        "http.server queues a header sent after end_headers() behind the header section, so it is lost or read as body",
			bodiless:    "http.server sends the bytes anyway, and a client or proxy reads them as the start of the next response",
			invalid:     "no client accepts a response line with %d",
			redirectAPI: "the redirect API",
			setHeader: func(ev event, header string) string {
				if ev.writer != builtWriter {
					return fmt.Sprintf("call %s.send_header(%q, …) before end_headers()", ev.writer, header)
				}
				return fmt.Sprintf("pass it with the response (headers={%q: …})", header)
			},
			redirect: func(event) string { return "set Location first, or use redirect() or RedirectResponse, which sets it" },
		},
	})
}

// pythonMayHave: every context names a status, a response, an abort, an
// exception, a redirect or an error handler, or sits in a Flask file.
func pythonMayHave(src []byte) bool {
	return containsAny(src, "status", "Status", "Response", "_response", "abort", "Exception",
		"HTTPError", "redirect", "send_", "flask", "quart")
}

func analyzePython(path string, src []byte, res *Result) *fileFacts {
	p := scanPython(src)
	f := p.facts()
	f.steps = p.steps
	p.release()
	return f
}

// pyFile is what the scanner knows of a file beyond its tokens.
type pyFile struct {
	*scan
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
	// steps are the flow steps of the file's responses (lang_python_flow.go);
	// seed is the state a built response starts from, once seeded.
	steps  []flowStep
	seed   state
	seeded bool
	// starts remembers chainStart's answers for long dotted names, plus
	// one (0 is not known).
	starts []int32
	// colPos is the offset column last looked at, colLine the start of
	// its line.
	colPos, colLine int
}

// scanPython reads a file's status contexts and constants.
func scanPython(src []byte) *pyFile {
	p := &pyFile{scan: newScan("python", src, lexPython(src))}
	p.imports()
	p.walk()
	p.serverFlow()
	p.references()
	return p
}

// imports reads the import statements: which frameworks the file uses
// decides how some calls read, and which library status.X belongs to.
func (p *pyFile) imports() {
	for i := range p.toks {
		if p.toks[i].kind != tIdent || !(p.is(i, "import") || p.is(i, "from")) || !p.stmtStart(i) {
			continue
		}
		from := p.is(i, "from")
		for j := i + 1; j < len(p.toks) && p.toks[j].kind != tNewline; j++ {
			if p.toks[j].kind != tIdent {
				continue
			}
			// The root of each module named, and in from-imports the
			// names imported (from fastapi import status).
			root := p.tok(j-1).kind != tPunct || !p.is(j-1, ".")
			switch {
			case root && (p.is(j, "flask") || p.is(j, "quart")):
				p.flask = true
			case root && p.is(j, "django"):
				p.django = true
			case root && p.is(j, "tornado"):
				p.tornado = true
			case root && p.is(j, "httpx"):
				p.httpx = true
			case root && p.is(j, "rest_framework"):
				p.prefer(codes.DRF)
				p.drf = true
			case from && p.is(j, "status") && (p.is(j-1, "import") || p.is(j-1, ",") || p.is(j-1, "(")):
				p.importsStatus = true
			}
		}
	}
}

// stmtStart reports whether token i begins a logical line.
func (p *pyFile) stmtStart(i int) bool {
	return i == 0 || p.toks[i-1].kind == tNewline || p.is(i-1, ";")
}

// pyDef is a function or class being read: its indentation, whether it
// is a Flask view whose returned tuples carry a status, and whether it
// is (or is inside) a Django REST framework view.
type pyDef struct {
	col       int
	view, drf bool
}

// walk finds the contexts in one pass over the tokens.
func (p *pyFile) walk() {
	var defs []pyDef
	pendingView, pendingDRF := false, false
	for i := 0; i < len(p.toks); i++ {
		t := p.toks[i]
		// A logical line that starts a physical one may end functions (one
		// after a ";" shares its line and indentation with the last).
		if len(defs) > 0 && (i == 0 || p.toks[i-1].kind == tNewline) && t.kind != tNewline {
			col := p.column(i)
			for len(defs) > 0 && defs[len(defs)-1].col >= col {
				defs = defs[:len(defs)-1]
			}
			p.drfView = len(defs) > 0 && defs[len(defs)-1].drf
		}
		switch t.kind {
		case tPunct:
			if p.is(i, "@") && p.stmtStart(i) {
				if p.decorator(i + 1) {
					pendingView = true
				}
				if p.drf && p.is(i+1, "api_view") {
					pendingDRF = true
				}
			}
		case tIdent:
			if !pyWordStart[p.src[t.start]] {
				continue
			}
			switch {
			case p.is(i, "def"):
				defs = append(defs, pyDef{col: p.column(i), view: pendingView, drf: pendingDRF || p.drfView})
				pendingView, pendingDRF = false, false
				if p.is(i-1, "async") {
					defs[len(defs)-1].col = p.column(i - 1)
				}
				p.drfView = defs[len(defs)-1].drf
			case p.is(i, "match") && p.stmtStart(i):
				p.matchStatement(i)
			case p.is(i, "class"):
				pendingView, pendingDRF = false, false
				if p.stmtStart(i) {
					defs = append(defs, pyDef{col: p.column(i), drf: p.drfView || p.drfBases(i)})
					p.drfView = defs[len(defs)-1].drf
				}
			case p.is(i, "return"):
				if len(defs) > 0 && defs[len(defs)-1].view && p.stmtStart(i) {
					p.viewReturn(i + 1)
				}
			case p.is(i+1, "(") && !p.is(i-1, "def") && !p.is(i-1, "class"):
				p.call(i)
			case p.is(i, "status_code") || p.is(i, "status") || p.is(i, "status_int"):
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
func (p *pyFile) drfBases(i int) bool {
	if !p.is(i+2, "(") {
		return false
	}
	close := p.closing(i + 2)
	for j := i + 3; j < close; j++ {
		if p.toks[j].kind != tIdent {
			continue
		}
		name := p.text(j)
		if strings.HasSuffix(name, "APIView") || strings.HasSuffix(name, "ViewSet") ||
			p.drf && p.is(j+1, ".") && (name == "generics" || name == "viewsets") {
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
func (p *pyFile) column(i int) int {
	start := int(p.toks[i].start)
	switch {
	case start >= p.colPos:
		if nl := bytes.LastIndexByte(p.src[p.colPos:start], '\n'); nl >= 0 {
			p.colLine = p.colPos + nl + 1
		}
	case start < p.colLine:
		p.colLine = bytes.LastIndexByte(p.src[:start], '\n') + 1
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
func (p *pyFile) chainStart(i int) int {
	k, steps := i, 0
	for k >= 2 && p.is(k-1, ".") && p.toks[k-2].kind == tIdent {
		if p.starts != nil && p.starts[k] != 0 {
			k = int(p.starts[k]) - 1
			break
		}
		k, steps = k-2, steps+1
	}
	if steps > memoAfter || p.starts != nil && steps > 0 {
		if p.starts == nil {
			p.starts = make([]int32, len(p.toks))
		}
		for m := i; m > k && p.starts[m] == 0; m -= 2 {
			p.starts[m] = int32(k) + 1
		}
	}
	return k
}

// chainEnd returns the index after the dotted name starting at token i.
func (p *pyFile) chainEnd(i int) int {
	if p.tok(i).kind != tIdent {
		return i
	}
	i++
	for p.is(i, ".") && p.tok(i+1).kind == tIdent {
		i += 2
	}
	return i
}

// callee returns the dotted name that ends at token i, as written.
func (p *pyFile) callee(i int) string {
	return p.spanText(p.chainStart(i), i+1)
}

// binop reports whether token i is an arithmetic or bitwise operator:
// one next to a number makes it part of a larger expression, not the
// operand of a comparison.
func (p *pyFile) binop(i int) bool {
	t := p.tok(i)
	if t.kind != tPunct {
		return false
	}
	switch t.end - t.start {
	case 1:
		return strings.IndexByte("+-*/%@&|^", p.src[t.start]) >= 0
	case 2:
		return p.is(i, "//") || p.is(i, "**") || p.is(i, "<<") || p.is(i, ">>")
	}
	return false
}

// followed reports whether token i continues the operand before it: an
// operator, a member access, a call or an index.
func (p *pyFile) followed(i int) bool {
	return p.binop(i) || p.is(i, ".") || p.is(i, "(") || p.is(i, "[")
}

// operand returns the operand of a comparison starting at token i: a
// number or a dotted name (HTTPStatus.OK, with .value read off it).
func (p *pyFile) operand(i int) span {
	switch p.tok(i).kind {
	case tNumber:
		if p.followed(i + 1) {
			return span{}
		}
		return span{i, i + 1}
	case tIdent:
		end := p.chainEnd(i)
		if p.followed(end) {
			return span{}
		}
		if end-i > 3 && (p.is(end-1, "value") || p.is(end-1, "real")) {
			end -= 2
		}
		return span{i, end}
	}
	return span{}
}

// operandBefore returns the operand of a comparison that ends at token i.
func (p *pyFile) operandBefore(i int) span {
	switch p.tok(i).kind {
	case tNumber:
		if p.binop(i - 1) {
			return span{}
		}
		return span{i, i + 1}
	case tIdent:
		start := p.chainStart(i)
		if p.is(i, "value") && i-start >= 2 {
			i -= 2
		}
		if p.binop(start - 1) {
			return span{}
		}
		return span{start, i + 1}
	}
	return span{}
}

// isStatusExpr reports whether sp is a dotted name ending in status_code,
// status or status_int (resp.status_code, self.response.status).
func (p *pyFile) isStatusExpr(sp span) bool {
	last := sp.to - 1
	if last < sp.from || p.chainStart(last) != sp.from || p.tok(last).kind != tIdent {
		return false
	}
	return p.is(last, "status_code") || p.is(last, "status_int") || p.is(last, "status") && last > sp.from
}

// statusName reads the contexts around a status_code or status name at
// token i: comparisons, bounds and assignments.
func (p *pyFile) statusName(i int) {
	attr := p.is(i-1, ".")
	bare := p.is(i, "status_code") && !attr
	if !attr && !bare {
		return
	}
	// The name is copied only for a context found: every name of a long
	// dotted one reaches here.
	ctx := func() string { return p.callee(i) }
	next := i + 1
	if p.is(next, "not") && p.is(next+1, "in") {
		next++
	}
	switch p.text(next) {
	case "==", "!=":
		p.status(p.operand(next+1), statusCtx{role: Compare, context: ctx() + " comparison", msg: -1})
	case "<", "<=", ">", ">=":
		p.status(p.operand(next+1), statusCtx{role: RangeBound, context: ctx() + " range check", msg: -1})
	case "in":
		if p.is(next+1, "(") || p.is(next+1, "[") || p.is(next+1, "{") {
			args, _ := p.args(next + 1)
			c := statusCtx{role: Compare, context: ctx() + " comparison", msg: -1}
			for _, a := range args {
				p.status(a, c)
			}
		}
	case "=":
		switch {
		case attr:
			// resp.status_code = 404 sets the status a response is sent with.
			p.status(p.operand(next+1), statusCtx{role: Send, context: ctx() + " =", strict: p.is(i, "status_code"), msg: -1})
		case p.stmtStart(i) || p.is(i-1, "(") || p.is(i-1, ","):
			// status_code = 404 in a class body (Django REST framework's
			// APIException subclasses) or a keyword argument or default
			// of any call or signature: the name says what the number is.
			p.status(p.operand(next+1), statusCtx{role: Send, context: "status_code=", msg: -1})
		}
	}
	// The number on the left: 200 == resp.status_code, 200 <= r.status < 300.
	// Every name of r.status_code.status_code… has the same operand on
	// its left: once it is read, the others pass it by.
	start := p.chainStart(i)
	role, what := Compare, " comparison"
	switch p.text(start - 1) {
	case "==", "!=":
	case "<", "<=", ">", ">=":
		role, what = RangeBound, " range check"
	default:
		return
	}
	if sp := p.operandBefore(start - 2); sp.to == sp.from || !p.taken[sp.from] {
		p.status(sp, statusCtx{role: role, context: ctx() + what, msg: -1})
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
func (p *pyFile) call(i int) {
	name := p.text(i)
	open := i + 1
	switch {
	case strings.HasSuffix(name, "Response") || name == "make_response" || name == "json_response":
		p.responseCall(i, name, open)
	case strings.HasSuffix(name, "HTTPException"):
		// FastAPI/Starlette: HTTPException(status_code, detail, headers).
		args, close := p.args(open)
		c := statusCtx{role: Send, context: p.callee(i), framework: "fastapi", api: ErrorAPI, strict: true, msg: -1}
		c.msg = p.message(args, 1, "detail")
		sp, ok := p.argOf(args, 0, "status_code")
		if !ok {
			return
		}
		code, known := p.codeOf(sp)
		if known && pyStatusIsBodiless(code) {
			// Starlette answers HTTPException(304) (and 204) with the
			// status and headers alone: no error message is sent.
			c.api = 0
		}
		p.status(sp, c)
		if known {
			p.builtRaise(i, args, close, code)
		}
	case name == "abort":
		// Flask's abort(404, "description"); self.abort and os.abort are
		// other functions.
		if p.is(i-1, ".") && !p.is(i-2, "flask") {
			return
		}
		args, close := p.args(open)
		c := statusCtx{role: Send, context: p.callee(i), framework: "flask", api: ErrorAPI, strict: p.flask, msg: -1}
		c.msg = p.message(args, 1, "description")
		p.firstOf(args, 0, c, "code")
		if sp, ok := p.argOf(args, 0, "code"); ok && p.flask {
			if code, ok := p.codeOf(sp); ok {
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
		args, _ := p.args(open)
		c := statusCtx{role: Send, context: p.callee(i), framework: "flask", api: RedirectAPI, strict: p.flask, msg: -1}
		if v, ok := p.keyword(args, "code", "="); ok {
			p.status(v, c)
		} else if p.flask && len(args) > 1 {
			p.status(args[1], c)
		}
	case name == "set_status" && p.is(i-1, "."):
		// Tornado's and aiohttp's response.set_status(404, reason).
		args, _ := p.args(open)
		c := statusCtx{role: Send, context: p.callee(i), strict: true, msg: -1}
		c.msg = p.message(args, 1, "reason")
		p.firstOf(args, 0, c, "status_code")
	case (name == "send_response" || name == "send_response_only") && p.is(i-1, "."):
		// http.server's handler.send_response(code, message): the message
		// is the reason phrase sent on the status line.
		args, _ := p.args(open)
		c := statusCtx{role: Send, context: p.callee(i), framework: "http.server", strict: true, msg: -1}
		c.msg = p.message(args, 1, "message")
		p.firstOf(args, 0, c, "code")
	case name == "send_error" && p.is(i-1, "."):
		args, _ := p.args(open)
		p.firstOf(args, 0, statusCtx{role: Send, context: p.callee(i), framework: "tornado", api: ErrorAPI, strict: true, msg: -1}, "status_code")
	case name == "HTTPError" && p.tornado:
		args, _ := p.args(open)
		c := statusCtx{role: Send, context: p.callee(i), framework: "tornado", api: ErrorAPI, strict: true, msg: -1}
		p.firstOf(args, 0, c, "status_code")
	case name == "render" && p.django:
		// Django's render(request, template, context, status=404).
		args, _ := p.args(open)
		if v, ok := p.keyword(args, "status", "="); ok {
			p.status(v, statusCtx{role: Send, context: p.callee(i), framework: "django", strict: true, msg: -1})
		}
	case name == "register_error_handler":
		// app.register_error_handler(404, handler) handles a status: it is
		// compared with the status sent.
		args, _ := p.args(open)
		if len(args) > 0 {
			p.status(args[0], statusCtx{role: Compare, context: p.callee(i), msg: -1})
		}
	case strings.HasPrefix(name, "assert") && p.is(i-1, "."):
		p.assertion(i, name, open)
	}
}

// responseCall reads a response constructor: the status is the status or
// status_code keyword, or a positional argument: the first when it is a
// number (httpx.Response(404) in tests), else the second for the classes
// that take it there.
func (p *pyFile) responseCall(i int, name string, open int) {
	args, close := p.args(open)
	c := statusCtx{role: Send, context: p.callee(i), framework: p.responseFramework(i, name), strict: true, msg: -1}
	if strings.Contains(name, "Redirect") {
		c.api = RedirectAPI
	}
	plain := !strings.Contains(name, "Redirect") && !strings.Contains(name, "File") &&
		!strings.Contains(name, "Streaming") && !strings.Contains(name, "Template")
	if plain && len(args) > 0 && args[0].to-args[0].from == 1 && p.tok(args[0].from).kind == tString {
		c.msg = args[0].from
	}
	sp, ok := span{}, false
	for _, key := range []string{"status_code", "status"} {
		if sp, ok = p.keyword(args, key, "="); ok {
			break
		}
	}
	switch {
	case ok:
	case len(args) > 0 && p.tok(args[0].from).kind == tNumber && p.statusFirst(i, name):
		// httpx.Response(404): the one response class whose first
		// argument is the status. The others take the body there
		// (web.json_response(42), JsonResponse(7, safe=False)).
		c.msg = -1
		p.status(args[0], c)
		return
	case pyPositionalStatus[name] && len(args) > 1 && !p.is(args[1].from+1, "="):
		sp, ok = args[1], true
	}
	if !ok {
		return
	}
	p.status(sp, c)
	if code, known := p.codeOf(sp); known {
		p.builtCall(i, name, args, close, code)
	}
}

// statusFirst reports whether the response class named at token i takes
// the status as its first argument: httpx's Response (also imported by
// name in a file that imports httpx).
func (p *pyFile) statusFirst(i int, name string) bool {
	if name != "Response" {
		return false
	}
	if p.is(i-1, ".") {
		return p.is(i-2, "httpx")
	}
	return p.httpx && !p.flask && !p.django
}

// responseFramework names the library a response class most likely comes
// from, for messages.
func (p *pyFile) responseFramework(i int, name string) string {
	switch {
	case p.is(i-1, ".") && p.is(i-2, "web"):
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
func (p *pyFile) message(args []span, pos int, key string) int {
	if v, ok := p.keyword(args, key, "="); ok {
		if v.to-v.from == 1 && p.tok(v.from).kind == tString {
			return v.from
		}
		return -1
	}
	if pos < len(args) && args[pos].to-args[pos].from == 1 && p.tok(args[pos].from).kind == tString {
		return args[pos].from
	}
	return -1
}

// firstOf records the status given as keyword key, or else as positional
// argument pos (when that is not a keyword argument).
func (p *pyFile) firstOf(args []span, pos int, c statusCtx, key string) {
	if v, ok := p.argOf(args, pos, key); ok {
		p.status(v, c)
	}
}

// argOf returns the argument given as keyword key, or else as positional
// argument pos (when that is not a keyword argument).
func (p *pyFile) argOf(args []span, pos int, key string) (span, bool) {
	if v, ok := p.keyword(args, key, "="); ok {
		return v, true
	}
	if pos < len(args) && !p.is(args[pos].from+1, "=") {
		return args[pos], true
	}
	return span{}, false
}

// assertion reads unittest's self.assertEqual(resp.status_code, 404) (either
// order) and Django's assertContains/assertRedirects keywords.
func (p *pyFile) assertion(i int, name string, open int) {
	args, _ := p.args(open)
	c := statusCtx{role: Compare, context: p.callee(i), msg: -1}
	switch name {
	case "assertEqual", "assertEquals", "assertNotEqual", "assertNotEquals":
		if len(args) < 2 {
			return
		}
		if p.isStatusExpr(args[0]) {
			p.status(args[1], c)
		} else if p.isStatusExpr(args[1]) {
			p.status(args[0], c)
		}
	case "assertContains", "assertNotContains", "assertRedirects":
		c.framework = "django"
		for _, key := range []string{"status_code", "target_status_code"} {
			if v, ok := p.keyword(args, key, "="); ok {
				p.status(v, c)
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
func (p *pyFile) decorator(i int) bool {
	end := p.chainEnd(i)
	if end-i < 3 || !p.is(end, "(") {
		return false
	}
	last := p.text(end - 1)
	args, _ := p.args(end)
	switch {
	case pyRouteMethods[last]:
		c := statusCtx{role: Send, context: "@" + p.spanText(i, end), framework: "fastapi", strict: true, msg: -1}
		if v, ok := p.keyword(args, "status_code", "="); ok {
			p.status(v, c)
		}
		if v, ok := p.keyword(args, "responses", "="); ok && p.is(v.from, "{") {
			p.dictKeys(v.from, statusCtx{role: Send, context: "responses", framework: "fastapi", msg: -1})
		}
		return p.flask
	case last == "errorhandler" || last == "app_errorhandler" || last == "exception_handler":
		// @app.errorhandler(404) handles that status; its view's tuples
		// carry the status it answers with.
		if len(args) > 0 {
			p.status(args[0], statusCtx{role: Compare, context: "@" + p.spanText(i, end), msg: -1})
		}
		return p.flask
	}
	return false
}

// dictKeys records the keys of the dict literal opened at open:
// responses={404: {"model": Message}}.
func (p *pyFile) dictKeys(open int, c statusCtx) {
	elems, _ := p.args(open)
	for _, e := range elems {
		for j := e.from; j < e.to; j++ {
			if p.is(j, ":") {
				p.status(span{e.from, j}, c)
				break
			}
		}
	}
}

// viewReturn reads return body, status[, headers] in a Flask view; the
// tuple may be parenthesised.
func (p *pyFile) viewReturn(i int) {
	end := i
	for end < len(p.toks) && p.toks[end].kind != tNewline && !p.is(end, ";") {
		end++
	}
	if end == i {
		return
	}
	var elems []span
	if p.is(i, "(") && p.closing(i) == end-1 {
		elems, _ = p.args(i)
	} else {
		from := i
		for j := i; j < end; j++ {
			switch {
			case p.is(j, "(") || p.is(j, "[") || p.is(j, "{"):
				j = p.closing(j)
			case p.is(j, ","):
				elems = append(elems, span{from, j})
				from = j + 1
			}
		}
		if from < end {
			elems = append(elems, span{from, end})
		}
	}
	if len(elems) != 2 && len(elems) != 3 {
		return
	}
	c := statusCtx{role: Send, context: "view return", framework: "flask", strict: true, msg: -1}
	if elems[0].to-elems[0].from == 1 && p.tok(elems[0].from).kind == tString {
		c.msg = elems[0].from
	}
	p.status(elems[1], c)
	p.builtReturn(i-1, elems, end)
}

// matchStatement reads match resp.status_code: at token i; each of its
// case patterns (404, 404 | 410, HTTPStatus.GONE) is compared with the
// status.
func (p *pyFile) matchStatement(i int) {
	colon := i + 1
	for colon < len(p.toks) && p.toks[colon].kind != tNewline && !p.is(colon, ":") {
		colon++
	}
	subject := span{i + 1, colon}
	if !p.is(colon, ":") || !p.isStatusExpr(subject) {
		return
	}
	c := statusCtx{role: Compare, context: "match " + p.spanText(subject.from, subject.to), msg: -1}
	// The cases are the lines at the first case's indentation (a nested
	// match's are deeper); a line left of it ends the match.
	col := -1
	for j := colon + 1; j < len(p.toks); j++ {
		if p.toks[j-1].kind != tNewline || p.toks[j].kind == tNewline {
			continue
		}
		cj := p.column(j)
		if col < 0 {
			if !p.is(j, "case") || cj <= p.column(i) {
				return
			}
			col = cj
		}
		if cj < col {
			return
		}
		if cj != col || !p.is(j, "case") {
			continue
		}
		// The pattern runs to the ":" (or a guard's "if"); "|" separates
		// its alternatives.
		from := j + 1
		for k := from; k < len(p.toks) && p.toks[k].kind != tNewline; k++ {
			switch {
			case p.opens(k):
				k = p.closing(k)
			case p.is(k, "|") || p.is(k, ":") || p.is(k, "if"):
				p.status(span{from, k}, c)
				from = k + 1
			}
			if p.is(k, ":") || p.is(k, "if") {
				break
			}
		}
	}
}
