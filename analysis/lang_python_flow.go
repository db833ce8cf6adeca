package analysis

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
func (p *pyFile) builtState() state {
	if !p.seeded {
		p.seed, p.seeded = p.namedHeaders(pyHeaderParams), true
	}
	return p.seed
}

// emptyBody reports whether sp is no body: None, "" or b"".
func (p *pyFile) emptyBody(sp span) bool {
	if sp.to-sp.from != 1 {
		return false
	}
	if p.is(sp.from, "None") {
		return true
	}
	t := p.tok(sp.from)
	return t.kind == tString && stringContent(p.src[t.start:t.end]) == ""
}

// built records a response built whole over tokens from..close, with the
// status code and, when body, a body; st holds the headers it sets;
// returned is set when it is returned or raised as it is built.
func (p *pyFile) built(code, from, close int, body, returned bool, st state) {
	if p.drfView {
		// APIView.finalize_response sets Allow (the view's methods) on
		// every response a Django REST framework view returns, including
		// one an exception handler made.
		st = push(st, event{kind: headerSet, writer: builtWriter, header: "Allow"})
	}
	ev := event{kind: statusWrite, writer: builtWriter, code: code, api: p.callText(from, close),
		start: int(p.toks[from].start), end: int(p.tok(close).end)}
	if body {
		ev.kind, ev.withStatus = bodyWrite, true
	}
	if !body && !returned {
		return
	}
	if !returned {
		// Only the body is judged: headers may still be added.
		st = anyHeader(st, ev.start)
	}
	p.steps = append(p.steps, flowStep{ev: ev, before: st})
}

// returnedAt reports whether the expression starting at token i is
// returned or raised.
func (p *pyFile) returnedAt(i int) bool {
	return p.is(i-1, "return") || p.is(i-1, "raise") || p.is(i-1, "await") && p.is(i-2, "return")
}

// builtCall reads a response constructor at token i (its name) with
// arguments args closing at close, whose status sp holds code.
func (p *pyFile) builtCall(i int, name string, args []span, close, code int) {
	if !pyBuiltResponses[name] {
		return
	}
	from := p.chainStart(i)
	body := false
	for k, a := range args {
		if p.is(a.from+1, "=") {
			continue
		}
		body = k == 0 && !p.emptyBody(a)
		break
	}
	for _, key := range pyBodyKeywords {
		if v, ok := p.keyword(args, key, "="); ok {
			body = !p.emptyBody(v)
		}
	}
	st := p.builtState()
	if v, ok := p.keyword(args, "headers", "="); ok {
		if p.is(v.from, "{") && p.closing(v.from) == v.to-1 {
			st = p.headerKeys(st, v.from)
		} else {
			st = anyHeader(st, int(p.tok(v.from).start))
		}
	}
	if p.drf && name == "Response" {
		// DRF's Response renders only when a DRF view returns it, and
		// the view's finalize_response sets Allow.
		st = push(st, event{kind: headerSet, writer: builtWriter, header: "Allow"})
	}
	p.built(code, from, close, body, p.returnedAt(from), st)
}

// builtRaise reads abort(…) or HTTPException(…) at token i: a status with
// the headers its keywords set, judged where it is raised.
func (p *pyFile) builtRaise(i int, args []span, close, code int) {
	from := p.chainStart(i)
	if !p.returnedAt(from) && !p.stmtStart(from) {
		return
	}
	st := p.builtState()
	for _, a := range args {
		if !p.is(a.from+1, "=") {
			continue
		}
		if h := pyHeaderParams[p.text(a.from)]; h != "" {
			st = push(st, event{kind: headerSet, writer: builtWriter, header: h})
		}
		if p.is(a.from, "headers") {
			v := span{a.from + 2, a.to}
			if p.is(v.from, "{") && p.closing(v.from) == v.to-1 {
				st = p.headerKeys(st, v.from)
			} else {
				st = anyHeader(st, int(p.tok(v.from).start))
			}
		}
	}
	p.built(code, from, close, false, true, st)
}

// builtReturn reads a view's return body, status[, headers].
func (p *pyFile) builtReturn(ret int, elems []span, end int) {
	code, ok := p.codeOf(elems[1])
	if !ok {
		return
	}
	st := p.builtState()
	if len(elems) == 3 {
		h := elems[2]
		if p.is(h.from, "{") && p.closing(h.from) == h.to-1 {
			st = p.headerKeys(st, h.from)
		} else {
			st = anyHeader(st, int(p.tok(h.from).start))
		}
	}
	p.built(code, ret, end-1, !p.emptyBody(elems[0]), true, st)
}

// pyBlock is an indented block of the http.server walk.
type pyBlock struct {
	col int
	st  state
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
func (p *pyFile) serverFlow() {
	if !containsAny(p.src, "http.server", "BaseHTTPRequestHandler", "HTTPServer") {
		return
	}
	stack := []pyBlock{{col: -1}}
	type queued struct {
		ev    event
		block int
	}
	pending := map[string]queued{} // the queued send_response per writer
	ids := 0
	deadAfter := -1 // the block a return on the last line ends
	for i := 0; i < len(p.toks); i++ {
		t := p.toks[i]
		if t.kind == tNewline {
			continue
		}
		if i == 0 || p.toks[i-1].kind == tNewline {
			if deadAfter >= 0 && deadAfter < len(stack) {
				stack[deadAfter].dead = true
			}
			deadAfter = -1
			col := p.column(i)
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
				if p.is(i-2, ":") && p.defLine(i-2) {
					b = pyBlock{col: col, id: ids}
					clear(pending)
				}
				stack = append(stack, b)
			}
			if p.is(i, "return") || p.is(i, "raise") || p.is(i, "break") || p.is(i, "continue") {
				deadAfter = len(stack) - 1
			}
		}
		if t.kind != tIdent || !p.is(i-1, ".") || !p.is(i+1, "(") {
			continue
		}
		top := &stack[len(stack)-1]
		if top.dead {
			continue
		}
		name := p.text(i)
		recv := i - 2
		if name == "write" && p.is(i-2, "wfile") && p.is(i-3, ".") {
			recv = i - 4
		} else if name == "write" {
			continue
		}
		if p.tok(recv).kind != tIdent || p.is(recv-1, ".") {
			continue
		}
		w := p.text(recv)
		args, close := p.args(i + 1)
		ev := event{writer: w, api: p.callText(recv, close), start: int(p.toks[recv].start), end: int(p.tok(close).end)}
		switch name {
		case "send_response", "send_response_only":
			if len(args) > 0 {
				ev.code, _ = p.codeOf(args[0])
			}
			pending[w] = queued{ev, top.id}
			top.queued = append(top.queued, w)
			continue
		case "send_header":
			ev.kind, ev.direct = headerSet, true
			if len(args) > 0 && p.tok(args[0].from).kind == tString {
				ev.header = stringContent(p.tok(args[0].from).text(p.src))
			}
			if len(args) > 1 && p.tok(args[1].from).kind == tString {
				ev.value = stringContent(p.tok(args[1].from).text(p.src))
			}
		case "end_headers":
			q, ok := pending[w]
			if !ok {
				continue
			}
			delete(pending, w)
			ev.kind, ev.code = statusWrite, q.ev.code
			ev.api = q.ev.api + " … " + ev.api
		case "send_error":
			ev.kind = statusWrite
			if len(args) > 0 {
				ev.code, _ = p.codeOf(args[0])
			}
		case "write":
			ev.kind = bodyWrite
		default:
			continue
		}
		p.steps = append(p.steps, flowStep{ev: ev, before: top.st})
		top.st = push(top.st, ev)
	}
}

// defLine reports whether the ":" at token colon ends a def line.
func (p *pyFile) defLine(colon int) bool {
	j := colon
	for j > 0 && p.toks[j-1].kind != tNewline {
		j--
	}
	return p.is(j, "def") || p.is(j, "async") && p.is(j+1, "def")
}

// pyStatusIsBodiless reports whether code is one Starlette sends without a
// body when an HTTPException carries it.
func pyStatusIsBodiless(code int) bool { return code == 204 || code == 304 }
