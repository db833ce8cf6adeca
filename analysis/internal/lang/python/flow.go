package python

import (
	"github.com/httpcodes/httpcodes/analysis/internal/facts"
	"github.com/httpcodes/httpcodes/analysis/internal/lex"
)

// Flow in Python. Flask, Django, Starlette/FastAPI and aiohttp build a
// response whole (flow_built.go): a view's return body, 204, a
// constructor Response(content, status_code=204), abort(401),
// HTTPException(status_code=405). Their headers can still be added to the
// object before it is returned, so a status that needs a header is judged
// only where the response is returned or raised as it is built; a body
// with a bodiless status is judged wherever the response is built.
//
// http.server writes as it goes: send_response(n) queues the status line,
// send_header queues a header, end_headers() sends them all, and
// wfile.write sends body bytes. end_headers is the status write (with the
// queued code); a send_header after it is late.

// pyBuiltResponses are the constructors that take a body and a status;
// the redirect, file, streaming and template responses and Django's
// HttpResponseNotAllowed(methods) set their header or body themselves.
var pyBuiltResponses = map[string]bool{
	"Response": true, "JSONResponse": true, "HTMLResponse": true, "PlainTextResponse": true,
	"ORJSONResponse": true, "UJSONResponse": true, "HttpResponse": true, "JsonResponse": true,
	"make_response": true, "json_response": true,
}

// pyBodyKeywords are the keyword arguments that carry a response's body.
var pyBodyKeywords = []string{"content", "body", "text", "data", "response", "json"}

// pyHeaderParams are the parameters that set a required header: Werkzeug's
// abort(401, www_authenticate=…) and abort(405, valid_methods=[…]).
var pyHeaderParams = map[string]string{"www_authenticate": "WWW-Authenticate", "valid_methods": "Allow"}

// builtState is the state a built response starts from: the headers the
// file names.
func (p *PyFile) builtState() facts.State {
	if !p.seeded {
		p.seed, p.seeded = p.NamedHeaders(pyHeaderParams), true
	}
	return p.seed
}

// emptyBody reports whether sp is no body: None, "" or b"".
func (p *PyFile) emptyBody(sp lex.Span) bool {
	if sp.To-sp.From != 1 {
		return false
	}
	if p.Is(sp.From, "None") {
		return true
	}
	t := p.Tok(sp.From)
	return t.Kind == lex.TString && lex.StringContent(p.Src[t.Start:t.End]) == ""
}

// built records a response built whole over tokens from..close, with the
// status code and, when body, a body; st holds the headers it sets;
// returned is set when it is returned or raised as it is built.
func (p *PyFile) built(code, from, close int, body, returned bool, st facts.State) {
	if p.drfView {
		// APIView.finalize_response sets Allow (the view's methods) on
		// every response a Django REST framework view returns, including
		// one an exception handler made.
		st = facts.Push(st, facts.Event{Kind: facts.HeaderSet, Writer: facts.BuiltWriter, Header: "Allow"})
	}
	ev := facts.Event{Kind: facts.StatusWrite, Writer: facts.BuiltWriter, Code: code, Api: p.CallText(from, close),
		Start: int(p.Toks[from].Start), End: int(p.Tok(close).End)}
	if body {
		ev.Kind, ev.WithStatus = facts.BodyWrite, true
	}
	if !body && !returned {
		return
	}
	if !returned {
		// Only the body is judged: headers may still be added.
		st = lex.AnyHeader(st, ev.Start)
	}
	p.steps = append(p.steps, facts.FlowStep{Ev: ev, Before: st})
}

// returnedAt reports whether the expression starting at token i is
// returned or raised.
func (p *PyFile) returnedAt(i int) bool {
	return p.Is(i-1, "return") || p.Is(i-1, "raise") || p.Is(i-1, "await") && p.Is(i-2, "return")
}

// builtCall reads a response constructor at token i (its name) with
// arguments args closing at close, whose status sp holds code.
func (p *PyFile) builtCall(i int, name string, args []lex.Span, close, code int) {
	if !pyBuiltResponses[name] {
		return
	}
	from := p.chainStart(i)
	body := false
	for k, a := range args {
		if p.Is(a.From+1, "=") {
			continue
		}
		body = k == 0 && !p.emptyBody(a)
		break
	}
	for _, key := range pyBodyKeywords {
		if v, ok := p.Keyword(args, key, "="); ok {
			body = !p.emptyBody(v)
		}
	}
	st := p.builtState()
	if v, ok := p.Keyword(args, "headers", "="); ok {
		if p.Is(v.From, "{") && p.Closing(v.From) == v.To-1 {
			st = p.HeaderKeys(st, v.From)
		} else {
			st = lex.AnyHeader(st, int(p.Tok(v.From).Start))
		}
	}
	if p.drf && name == "Response" {
		// DRF's Response renders only when a DRF view returns it, and
		// the view's finalize_response sets Allow.
		st = facts.Push(st, facts.Event{Kind: facts.HeaderSet, Writer: facts.BuiltWriter, Header: "Allow"})
	}
	p.built(code, from, close, body, p.returnedAt(from), st)
}

// builtRaise reads abort(…) or HTTPException(…) at token i: a status with
// the headers its keywords set, judged where it is raised.
func (p *PyFile) builtRaise(i int, args []lex.Span, close, code int) {
	from := p.chainStart(i)
	if !p.returnedAt(from) && !p.stmtStart(from) {
		return
	}
	st := p.builtState()
	for _, a := range args {
		if !p.Is(a.From+1, "=") {
			continue
		}
		if h := pyHeaderParams[p.Text(a.From)]; h != "" {
			st = facts.Push(st, facts.Event{Kind: facts.HeaderSet, Writer: facts.BuiltWriter, Header: h})
		}
		if p.Is(a.From, "headers") {
			v := lex.Span{From: a.From + 2, To: a.To}
			if p.Is(v.From, "{") && p.Closing(v.From) == v.To-1 {
				st = p.HeaderKeys(st, v.From)
			} else {
				st = lex.AnyHeader(st, int(p.Tok(v.From).Start))
			}
		}
	}
	p.built(code, from, close, false, true, st)
}

// builtReturn reads a view's return body, status[, headers].
func (p *PyFile) builtReturn(ret int, elems []lex.Span, end int) {
	code, ok := p.CodeOf(elems[1])
	if !ok {
		return
	}
	st := p.builtState()
	if len(elems) == 3 {
		h := elems[2]
		if p.Is(h.From, "{") && p.Closing(h.From) == h.To-1 {
			st = p.HeaderKeys(st, h.From)
		} else {
			st = lex.AnyHeader(st, int(p.Tok(h.From).Start))
		}
	}
	p.built(code, ret, end-1, !p.emptyBody(elems[0]), true, st)
}

// pyBlock is an indented block of the http.server walk.
type pyBlock struct {
	col int
	st  facts.State
	// id names the block; queued lists the writers whose send_response it
	// queued, dropped when it ends.
	id     int
	queued []string
	// dead is set after a return, raise, break or continue: the rest of
	// the block does not run on the path that reached it.
	dead bool
}

// serverFlow reads http.server's send_response, send_header, end_headers,
// send_error and wfile.write calls in order. It is block-scoped: an event
// inside an indented block is not certain after the block, and if/else
// arms start from the state before them.
func (p *PyFile) serverFlow() {
	if !facts.ContainsAny(p.Src, "http.server", "BaseHTTPRequestHandler", "HTTPServer") {
		return
	}
	stack := []pyBlock{{col: -1}}
	type queued struct {
		ev    facts.Event
		block int
	}
	pending := map[string]queued{} // the queued send_response per writer
	ids := 0
	deadAfter := -1 // the block a return on the last line ends
	for i := 0; i < len(p.Toks); i++ {
		t := p.Toks[i]
		if t.Kind == lex.TNewline {
			continue
		}
		if i == 0 || p.Toks[i-1].Kind == lex.TNewline {
			if deadAfter >= 0 && deadAfter < len(stack) {
				stack[deadAfter].dead = true
			}
			deadAfter = -1
			col := p.Column(i)
			for len(stack) > 1 && stack[len(stack)-1].col > col {
				// A send_response queued inside an ended block may not
				// have run.
				b := stack[len(stack)-1]
				for _, w := range b.queued {
					if pending[w].block == b.id {
						delete(pending, w)
					}
				}
				stack = stack[:len(stack)-1]
			}
			if top := stack[len(stack)-1]; col > top.col {
				ids++
				b := pyBlock{col: col, st: top.st, dead: top.dead, id: ids}
				if p.Is(i-2, ":") && p.defLine(i-2) {
					b = pyBlock{col: col, id: ids}
					clear(pending)
				}
				stack = append(stack, b)
			}
			if p.Is(i, "return") || p.Is(i, "raise") || p.Is(i, "break") || p.Is(i, "continue") {
				deadAfter = len(stack) - 1
			}
		}
		if t.Kind != lex.TIdent || !p.Is(i-1, ".") || !p.Is(i+1, "(") {
			continue
		}
		top := &stack[len(stack)-1]
		if top.dead {
			continue
		}
		name := p.Text(i)
		recv := i - 2
		if name == "write" && p.Is(i-2, "wfile") && p.Is(i-3, ".") {
			recv = i - 4
		} else if name == "write" {
			continue
		}
		if p.Tok(recv).Kind != lex.TIdent || p.Is(recv-1, ".") {
			continue
		}
		w := p.Text(recv)
		args, close := p.Args(i + 1)
		ev := facts.Event{Writer: w, Api: p.CallText(recv, close), Start: int(p.Toks[recv].Start), End: int(p.Tok(close).End)}
		switch name {
		case "send_response", "send_response_only":
			if len(args) > 0 {
				ev.Code, _ = p.CodeOf(args[0])
			}
			pending[w] = queued{ev, top.id}
			top.queued = append(top.queued, w)
			continue
		case "send_header":
			ev.Kind, ev.Direct = facts.HeaderSet, true
			if len(args) > 0 && p.Tok(args[0].From).Kind == lex.TString {
				ev.Header = lex.StringContent(p.Tok(args[0].From).Text(p.Src))
			}
			if len(args) > 1 && p.Tok(args[1].From).Kind == lex.TString {
				ev.Value = lex.StringContent(p.Tok(args[1].From).Text(p.Src))
			}
		case "end_headers":
			q, ok := pending[w]
			if !ok {
				continue
			}
			delete(pending, w)
			ev.Kind, ev.Code = facts.StatusWrite, q.ev.Code
			ev.Api = q.ev.Api + " … " + ev.Api
		case "send_error":
			ev.Kind = facts.StatusWrite
			if len(args) > 0 {
				ev.Code, _ = p.CodeOf(args[0])
			}
		case "write":
			ev.Kind = facts.BodyWrite
		default:
			continue
		}
		p.steps = append(p.steps, facts.FlowStep{Ev: ev, Before: top.st})
		top.st = facts.Push(top.st, ev)
	}
}

// defLine reports whether the ":" at token colon ends a def line.
func (p *PyFile) defLine(colon int) bool {
	j := colon
	for j > 0 && p.Toks[j-1].Kind != lex.TNewline {
		j--
	}
	return p.Is(j, "def") || p.Is(j, "async") && p.Is(j+1, "def")
}

// pyStatusIsBodiless reports whether code is one Starlette sends without a
// body when an HTTPException carries it.
func pyStatusIsBodiless(code int) bool { return code == 204 || code == 304 }
