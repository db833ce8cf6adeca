package analysis

import "strings"

// Flow in Ruby. Rails' render and head, Sinatra's halt and a Rack triple
// build a response whole (flow_built.go): render json: x, status:
// :no_content sends a body Rails then drops; head :unauthorized sends no
// challenge unless the app sets one; [204, h, ["x"]] has a body. Rails'
// redirect_to sets Location itself and is not read here.
//
// ActionController::Live writes as it goes: response.stream.write commits
// the headers, and a header set after it raises. The walk is
// block-scoped: an event inside if/unless/case/begin/do…end or a brace
// block is not certain after it, and the arms of an if or a case start
// from the state before them.

// rbChallengeHelpers are Rails' helpers that send WWW-Authenticate.
var rbChallengeHelpers = map[string]string{
	"request_http_basic_authentication": "WWW-Authenticate", "request_http_token_authentication": "WWW-Authenticate",
	"request_http_digest_authentication": "WWW-Authenticate", "authenticate_or_request_with_http_basic": "WWW-Authenticate",
	"authenticate_or_request_with_http_token": "WWW-Authenticate", "authenticate_or_request_with_http_digest": "WWW-Authenticate",
	"http_basic_authenticate_with": "WWW-Authenticate", "http_digest_authenticate_with": "WWW-Authenticate",
}

// builtState is the state a built response starts from.
func (r *rbFile) builtState() state {
	if !r.seeded {
		r.seed, r.seeded = r.namedHeaders(rbChallengeHelpers), true
	}
	return r.seed
}

// built records a response built whole over tokens from..close.
func (r *rbFile) built(code, from, close int, body bool, st state) {
	ev := event{kind: statusWrite, writer: builtWriter, code: code, api: r.callText(from, close),
		start: int(r.toks[from].start), end: int(r.tok(close).end)}
	if body {
		ev.kind, ev.withStatus = bodyWrite, true
	}
	r.steps = append(r.steps, flowStep{ev: ev, before: st})
}

// lastOf returns the last token of the arguments.
func lastOf(args []span, name int) int {
	if len(args) == 0 {
		return name
	}
	return args[len(args)-1].to - 1
}

// rbEmpty reports whether sp is no body: nil, "" or [].
func (r *rbFile) rbEmpty(sp span) bool {
	switch sp.to - sp.from {
	case 1:
		t := r.tok(sp.from)
		return r.is(sp.from, "nil") || t.kind == tString && stringContent(r.src[t.start:t.end]) == ""
	case 2:
		return r.is(sp.from, "[") && r.is(sp.from+1, "]")
	}
	return false
}

// builtRender reads render …, status: s at token i: a body with the
// status, unless it renders nothing.
func (r *rbFile) builtRender(i int, args []span, sp span) {
	code, ok := r.codeOf(sp)
	if !ok {
		return
	}
	body := true
	for _, key := range []string{"nothing", "body", "plain", "html", "json", "text"} {
		if v, ok := r.keyword(args, key, ":", "=>"); ok && (r.rbEmpty(v) || key == "nothing") {
			body = false
		}
	}
	r.built(code, i, lastOf(args, i), body, r.builtState())
}

// builtHead reads head status, headers at token i.
func (r *rbFile) builtHead(i int, args []span) {
	code, ok := r.codeOf(args[0])
	if !ok {
		return
	}
	st := r.builtState()
	for _, a := range args[1:] {
		st = r.optionHeader(st, a)
	}
	r.built(code, i, lastOf(args, i), false, st)
}

// optionHeader pushes the header an option argument sets: location: url,
// "WWW-Authenticate" => v, or a hash literal of them; any other argument
// sets a header not known.
func (r *rbFile) optionHeader(st state, a span) state {
	k := r.tok(a.from)
	switch {
	case r.is(a.from, "{") && r.closing(a.from) == a.to-1:
		return r.headerKeys(st, a.from)
	case k.kind == tIdent && r.is(a.from+1, ":"):
		return push(st, event{kind: headerSet, writer: builtWriter, header: strings.ReplaceAll(r.text(a.from), "_", "-")})
	case k.kind == tString && r.is(a.from+1, "=>"):
		return push(st, event{kind: headerSet, writer: builtWriter, header: stringContent(r.src[k.start:k.end])})
	case k.kind == tSymbol && r.is(a.from+1, "=>"):
		return push(st, event{kind: headerSet, writer: builtWriter, header: strings.ReplaceAll(strings.TrimPrefix(r.text(a.from), ":"), "_", "-")})
	}
	return anyHeader(st, int(k.start))
}

// builtHalt reads Sinatra's halt n[, headers][, body] at token i.
func (r *rbFile) builtHalt(i int, args []span) {
	code, ok := r.codeOf(args[0])
	if !ok {
		return
	}
	st := r.builtState()
	body := false
	for _, a := range args[1:] {
		if r.is(a.from, "{") || r.tok(a.from).kind == tIdent && r.is(a.from+1, ":") || r.is(a.from+1, "=>") {
			st = r.optionHeader(st, a)
			continue
		}
		body = !r.rbEmpty(a)
	}
	r.built(code, i, lastOf(args, i), body, st)
}

// builtTriple reads a Rack triple [status, headers, body] opened at i.
func (r *rbFile) builtTriple(i int, elems []span, close int) {
	code, ok := r.codeOf(elems[0])
	if !ok {
		return
	}
	st := r.builtState()
	if h := elems[1]; r.is(h.from, "{") && r.closing(h.from) == h.to-1 {
		st = r.headerKeys(st, h.from)
	} else {
		st = anyHeader(st, int(r.tok(h.from).start))
	}
	b := elems[2]
	body := r.is(b.from, "[") && r.closing(b.from) == b.to-1 && !r.rbEmpty(b)
	if body {
		inner, _ := r.args(b.from)
		body = len(inner) > 1 || len(inner) == 1 && !r.rbEmpty(inner[0])
	}
	r.built(code, i, close, body, st)
	if body && code/100 == 3 && metaRefresh(r.src[r.tok(b.from).start:r.tok(b.to-1).end]) {
		// [303, {}, ["<meta http-equiv='refresh' content='0; /x'>"]]:
		// the page sends the browser on itself (rubygems.org does so on
		// purpose, so the next request is not cross-site).
		r.steps[len(r.steps)-1].ev.refreshes = true
	}
}

// rbBlock is a block of the streaming walk.
type rbBlock struct {
	st, base state
	// function is set on a def's body: events before it are another
	// method's.
	function bool
}

// streamFlow reads ActionController::Live's writes and the header sets
// after them: response.stream.write, then response.headers[…] = …,
// response.set_header, headers[…] = …, response.content_type = ….
func (r *rbFile) streamFlow() {
	if !containsAny(r.src, "stream.write") {
		return
	}
	stack := []rbBlock{{function: true}}
	loopLine := false // a while/until/for on this line: its do opens nothing
	for i := 0; i < len(r.toks); i++ {
		t := r.toks[i]
		top := &stack[len(stack)-1]
		switch t.kind {
		case tNewline:
			loopLine = false
			continue
		case tPunct:
			switch {
			case r.is(i, "{"):
				stack = append(stack, rbBlock{st: top.st, base: top.st})
			case r.is(i, "}") && len(stack) > 1:
				stack = stack[:len(stack)-1]
			}
			continue
		case tIdent:
		default:
			continue
		}
		if r.is(i-1, ".") || r.is(i-1, "&.") || r.is(i+1, ":") && !r.is(i+1, "::") {
			// a method or a label, not a keyword
		} else {
			switch r.text(i) {
			case "def", "class", "module":
				stack = append(stack, rbBlock{function: true})
				continue
			case "if", "unless", "while", "until", "case", "for":
				if r.stmtStart(i) || r.is(i-1, "=") || r.is(i-1, "(") || r.is(i-1, "return") {
					loopLine = loopLine || r.is(i, "while") || r.is(i, "until") || r.is(i, "for")
					stack = append(stack, rbBlock{st: top.st, base: top.st})
				}
				continue
			case "begin":
				stack = append(stack, rbBlock{st: top.st, base: top.st})
				continue
			case "do":
				if !loopLine {
					stack = append(stack, rbBlock{st: top.st, base: top.st})
				}
				loopLine = false
				continue
			case "else", "elsif", "when", "rescue", "ensure":
				if r.stmtStart(i) {
					top.st = top.base
				}
				continue
			case "end":
				if len(stack) > 1 {
					stack = stack[:len(stack)-1]
				}
				continue
			}
		}
		ev, ok := r.streamEvent(i)
		if !ok {
			continue
		}
		if ev.kind == headerSet {
			if top.st.wrote(ev.writer) {
				r.steps = append(r.steps, flowStep{ev: ev, before: top.st})
			}
			continue
		}
		if !r.modified(i) {
			top.st = push(top.st, ev)
		}
	}
}

// modified reports whether the statement holding token i ends in a
// modifier (write if ready): then it may not run.
func (r *rbFile) modified(i int) bool {
	for j := i; j < len(r.toks) && j < i+rbMaxCommand && r.toks[j].kind != tNewline; j++ {
		if r.opens(j) {
			j = r.closing(j)
			continue
		}
		switch r.text(j) {
		case "if", "unless", "while", "until", "rescue":
			return true
		}
	}
	return false
}

// streamEvent reads the streaming write or header set whose name is token
// i: response.stream.write(…), response.headers[…] = v, headers[…] = v,
// response.set_header(…), response.content_type = ….
func (r *rbFile) streamEvent(i int) (event, bool) {
	at := func(from, to int) event {
		return event{writer: "response", api: r.callText(from, to), start: int(r.toks[from].start), end: int(r.tok(to).end), direct: true}
	}
	switch {
	case r.is(i, "write") && r.is(i-1, ".") && r.is(i-2, "stream") && r.is(i-3, ".") && r.is(i-4, "response"):
		ev := at(i-4, i)
		ev.kind = bodyWrite
		return ev, true
	case r.is(i, "headers") && r.is(i+1, "[") && (r.is(i-1, ".") && r.is(i-2, "response") || !r.is(i-1, ".")):
		from := i
		if r.is(i-1, ".") {
			from = i - 2
		}
		close := r.closing(i + 1)
		if !r.is(close+1, "=") {
			return event{}, false
		}
		ev := at(from, close)
		ev.kind = headerSet
		if k := r.tok(i + 2); k.kind == tString && close == i+3 {
			ev.header = stringContent(r.src[k.start:k.end])
		}
		return ev, true
	case (r.is(i, "set_header") || r.is(i, "content_type") && r.is(i+1, "=")) && r.is(i-1, ".") && r.is(i-2, "response"):
		ev := at(i-2, i)
		ev.kind = headerSet
		if r.is(i, "content_type") {
			ev.header = "Content-Type"
		} else if args := r.callArgs(i); len(args) > 0 && r.tok(args[0].from).kind == tString {
			ev.header = stringContent(r.tok(args[0].from).text(r.src))
		}
		return ev, true
	}
	return event{}, false
}

// looseStatus reads status: :symbol in a call of a response helper the
// scanner does not know (respond_with_navigational(…, status:
// :unprocessable_entity)): the label at token i names the status when its
// value is a symbol of Rack's and the call's name speaks of a response.
func (r *rbFile) looseStatus(i int) {
	if !r.is(i+1, ":") || r.tok(i+2).kind != tSymbol || !(r.is(i-1, ",") || r.is(i-1, "(")) {
		return
	}
	callee := -1
	for j := i - 1; j >= 0 && j > i-64; j-- {
		if r.toks[j].kind == tNewline {
			callee = j + 1
			break
		}
		if r.is(j, "(") && r.closing(j) > i && r.tok(j-1).kind == tIdent {
			callee = j - 1
			break
		}
		if j == 0 {
			callee = 0
		}
	}
	if callee < 0 || r.tok(callee).kind != tIdent {
		return
	}
	name := r.text(callee)
	for _, w := range []string{"respond", "render", "redirect", "head", "error", "halt"} {
		if strings.Contains(name, w) {
			r.status(span{i + 2, i + 3}, statusCtx{role: Send, context: name, framework: "rails", msg: -1})
			return
		}
	}
}

// payloadMessage returns the string of a JSON payload that is one message,
// render json: { error: "Not Found" }: the token of the string, or -1.
func (r *rbFile) payloadMessage(args []span) int {
	for _, key := range []string{"json", "xml"} {
		v, ok := r.keyword(args, key, ":", "=>")
		if !ok || !r.is(v.from, "{") || r.closing(v.from) != v.to-1 {
			continue
		}
		elems, _ := r.args(v.from)
		if len(elems) != 1 {
			continue
		}
		e := elems[0]
		for _, k := range []string{"error", "message", "status"} {
			if m, ok := r.keyword([]span{e}, k, ":", "=>"); ok && m.to-m.from == 1 && r.tok(m.from).kind == tString {
				return m.from
			}
		}
	}
	return -1
}
