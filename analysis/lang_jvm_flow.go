package analysis

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
)

// jvmFlow reads, within each method or lambda body of a Java or Kotlin
// file, what the code does to a response, as flow steps the four flow
// rules judge:
//
//   - servlet: setStatus(n) sets the status without committing (headers
//     may follow); sendError, sendRedirect and a flush commit the response;
//     getWriter()/getOutputStream() writes are body writes; setHeader,
//     addHeader, setContentType and addCookie set headers.
//   - Ktor: call.respond*(…) commits; call.response.status(…) sets the
//     status; call.response.header(…) and headers.append(…) set headers.
//   - Spring: a ResponseEntity is a whole response built in one chain,
//     ResponseEntity.status(…).header(…).body(…), or new ResponseEntity<>(…).
//
// As in expressFlow the walk is block-scoped: a write is certain after it
// only in its own block and the blocks inside, and a statement under a
// braceless if, else, loop, case or when arm is not certain at all. A
// header set in a block may have happened after it. A status that needs a
// header (405 and Allow) counts the headers set anywhere in its function
// for a status set without committing, as the servlet API and Ktor let
// headers follow it; for a commit, only those before.

// jvmFlowBlock is one brace block being walked.
type jvmFlowBlock struct {
	st, entry state
	function  bool
	// end is the index of the block's closing brace.
	end int
}

// jvmHeaderName maps a header constant's member (HttpHeaders.ALLOW,
// HttpHeaders.WWWAuthenticate) or a string to its field name.
func jvmHeaderName(s *scan, sp span) string {
	if sp.to-sp.from == 1 && s.tok(sp.from).kind == tString {
		return stringContent([]byte(s.text(sp.from)))
	}
	if sp.to-sp.from >= 3 && s.is(sp.to-2, ".") {
		key := strings.ToLower(strings.ReplaceAll(s.text(sp.to-1), "_", ""))
		for _, h := range []string{"Allow", "Location", "WWW-Authenticate", "Proxy-Authenticate", "Upgrade", "Content-Type", "Link"} {
			if strings.ReplaceAll(strings.ToLower(h), "-", "") == key {
				return h
			}
		}
	}
	return ""
}

// flowCode returns the code of a status argument: a number, a constant of
// the file's libraries (with Spring's .value() or Ktor's .value), or 0.
func jvmFlowCode(s *scan, sp span) int {
	if sp.to-sp.from == 1 {
		if n, ok := s.intAt(sp.from); ok {
			return n
		}
	}
	if sp, next, ok := jcOperand(s, sp.from, false); ok {
		if next == sp.to || next+2 == sp.to && s.is(next, ".") && s.is(next+1, "value") {
			if k, ok := s.names[s.spanText(sp.from, sp.to)]; ok {
				return k.code
			}
			if k, ok := s.names[lastTwoParts(s.spanText(sp.from, sp.to))]; ok {
				return k.code
			}
		}
	}
	return 0
}

func (w *jvmWalker) flow() []flowStep {
	s := w.s
	if !containsAny(s.src, "setStatus", "sendError", "sendRedirect", "respond", "ResponseEntity", "response.status") {
		return nil
	}
	var steps []flowStep
	stack := []jvmFlowBlock{{function: true, end: len(s.toks)}}
	for i := 0; i < len(s.toks); i++ {
		t := s.toks[i]
		if t.kind == tPunct && t.end-t.start == 1 {
			switch s.src[t.start] {
			case '{':
				b := jvmFlowBlock{function: w.opensBody(i), end: s.closing(i)}
				if !b.function {
					b.st = stack[len(stack)-1].st
				}
				b.entry = b.st
				stack = append(stack, b)
				continue
			case '}':
				if len(stack) > 1 {
					inner := stack[len(stack)-1]
					stack = stack[:len(stack)-1]
					if !inner.function {
						top := &stack[len(stack)-1]
						top.st = afterLoop(top.st, inner.st)
					}
				}
				continue
			}
		}
		if t.kind != tIdent {
			continue
		}
		top := &stack[len(stack)-1]
		switch s.text(i) {
		case "case", "default", "else":
			// Another arm: what the previous arm did is not certain here.
			top.st = afterLoop(top.entry, top.st)
			continue
		}
		if !s.is(i+1, "(") {
			continue
		}
		for _, st := range w.jvmEvents(i) {
			if w.conditional(st.ev.start) {
				// if (x) resp.sendError(401); — not certain after.
				st.ev.inLoop = true
			}
			if st.step {
				before := top.st
				if st.own {
					before = st.before
				}
				if st.ahead {
					before = w.headersAhead(i, top.end, st.ev.writer, before)
				}
				steps = append(steps, flowStep{ev: st.ev, before: before})
			}
			if st.push && !w.returns(st.ev.start) {
				top.st = push(top.st, st.ev)
			}
			if st.codeOnly && st.ev.code != 0 {
				top.st = jvmPushCode(top.st, st.ev)
			}
		}
	}
	return steps
}

// jvmPushCode records a status set that does not commit the response, so
// a later body write can be judged against its code (bodiless-status), as
// a latest status of that code and nothing else.
func jvmPushCode(st state, ev event) state {
	var out flowState
	if st != nil {
		out = *st
	}
	p := &ev
	out.sure = out.sure.insert(stateKey(keyCode, ev.writer, strconv.Itoa(ev.code)), p)
	return &out
}

// jvmEvent is an event and what the walk does with it.
type jvmEvent struct {
	ev event
	// step: the rules judge it; push: it changes the state; codeOnly: it
	// sets a status without committing; ahead: headers later in its
	// function count for it.
	step, push, codeOnly, ahead bool
	// own is set when the event is a whole response of its own (a
	// ResponseEntity chain), seen with before rather than the walk's state.
	own    bool
	before state
}

// jvmAheadLimit bounds how many header sets after a status set are
// counted for it: enough for any handler, and linear on any file.
const jvmAheadLimit = 32

// headersAhead returns st with the header sets on writer between token i
// and end (the rest of the function) added, as may-sets. The header sets
// of a function are listed once, on first use.
func (w *jvmWalker) headersAhead(i, end int, writer string, st state) state {
	s := w.s
	if w.ahead == nil {
		w.ahead = map[int][]event{}
	}
	list, ok := w.ahead[end]
	if !ok {
		for j := i + 1; j < end && j < len(s.toks); j++ {
			if s.toks[j].kind != tIdent || !s.is(j+1, "(") || !s.is(j-1, ".") {
				continue
			}
			if ev, ok := w.headerSet(j); ok {
				list = append(list, ev)
			}
		}
		w.ahead[end] = list
	}
	at := int(s.tok(i).start)
	n := 0
	for _, ev := range list {
		if ev.start > at && ev.writer == writer {
			st = push(st, ev)
			if n++; n == jvmAheadLimit {
				break
			}
		}
	}
	return st
}

// chain walks back from the method at token i through getters and
// members (resp.getWriter().write, call.response.header) and returns the
// root name's index and the names between, nearest the root first.
func (w *jvmWalker) chain(i int) (int, []string) {
	s := w.s
	var mid []string
	j := i - 1
	for k := 0; k < 8 && s.is(j, "."); k++ {
		switch {
		case s.is(j-1, ")") && s.is(j-2, "(") && s.tok(j-3).kind == tIdent && s.is(j-4, "."):
			mid = append(mid, s.text(j-3))
			j -= 4
		case s.tok(j-1).kind == tIdent && s.is(j-2, "."):
			mid = append(mid, s.text(j-1))
			j -= 2
		case s.tok(j-1).kind == tIdent:
			for a, b := 0, len(mid)-1; a < b; a, b = a+1, b-1 {
				mid[a], mid[b] = mid[b], mid[a]
			}
			return j - 1, mid
		default:
			return -1, nil
		}
	}
	return -1, nil
}

// writerOf returns the response a method at token i acts on, with the
// names between, or "" when it is none the flow knows: a servlet response
// declared as one, or Ktor's call.
func (w *jvmWalker) writerOf(i int) (string, []string) {
	root, mid := w.chain(i)
	if root < 0 {
		return "", nil
	}
	name := w.s.text(root)
	if w.lib == ecoKtor && name == "call" {
		return name, mid
	}
	if jcResponseLike([]byte(name)) && w.knownResponse(name, i) {
		return name, mid
	}
	return "", nil
}

// headerSet reads a header set at the method name at token i.
func (w *jvmWalker) headerSet(i int) (event, bool) {
	s := w.s
	writer, mid := w.writerOf(i)
	if writer == "" {
		return event{}, false
	}
	name := s.text(i)
	ktor := writer == "call" && w.lib == ecoKtor
	switch {
	case !ktor && len(mid) == 0:
		switch name {
		case "setHeader", "addHeader", "setDateHeader", "addDateHeader", "setIntHeader", "addIntHeader", "addCookie", "setContentType":
		default:
			return event{}, false
		}
	case ktor && len(mid) == 1 && mid[0] == "response" && name == "header",
		ktor && len(mid) == 2 && mid[0] == "response" && mid[1] == "headers" && name == "append":
	default:
		return event{}, false
	}
	args, close := s.args(i + 1)
	root, _ := w.chain(i)
	ev := event{kind: headerSet, writer: writer, direct: true, start: int(s.toks[root].start), end: int(s.tok(close).end)}
	switch {
	case name == "setContentType":
		ev.header = "Content-Type"
	case name == "addCookie":
		ev.header = "Set-Cookie"
	case len(args) > 0:
		ev.header = jvmHeaderName(s, args[0])
	}
	ev.api = s.callText(root, close)
	return ev, true
}

// opensBody reports whether the brace at i opens a method or lambda body
// (a new flow) rather than a block of the same one: after a method's
// parameter list or throws clause, after Java's ->, or a Kotlin trailing
// lambda (get("/") { … }, routing { … }).
func (w *jvmWalker) opensBody(i int) bool {
	s := w.s
	if s.is(i-1, "->") {
		return !w.kotlinArm(i - 1)
	}
	j := i - 1
	// throws IOException, ServletException {
	for k := 0; k < 8 && s.tok(j).kind == tIdent && (s.is(j-1, ",") || s.is(j-1, "throws") || s.is(j-1, ".")); k++ {
		j -= 2
	}
	if s.is(j, "throws") {
		j--
	}
	// Kotlin: fun f(): Unit {
	if s.tok(j).kind == tIdent && s.is(j-1, ":") && s.is(j-2, ")") {
		j -= 2
	}
	if s.is(j, ")") {
		open := s.openingParen(j)
		if open <= 0 {
			return false
		}
		switch s.text(open - 1) {
		case "if", "for", "while", "switch", "catch", "synchronized", "when", "try":
			return false
		}
		return s.tok(open-1).kind == tIdent || s.is(open-1, ">")
	}
	if s.tok(j).kind == tIdent {
		switch s.text(j) {
		case "else", "try", "finally", "do", "init", "class", "object", "interface", "static":
			return false
		}
		// Kotlin's trailing lambda after a name: routing { }, apply { }.
		return !s.is(j-1, "class") && !s.is(j-1, "object") && !s.is(j-1, "interface")
	}
	return false
}

// kotlinArm reports whether the -> at i ends a when entry: in a Kotlin
// file, inside a when block, not a lambda's parameter list.
func (w *jvmWalker) kotlinArm(i int) bool {
	return w.s.lang == "kotlin"
}

// jvmEvents reads the flow events of the method call named at token i.
func (w *jvmWalker) jvmEvents(i int) []jvmEvent {
	s := w.s
	if s.is(i, "status") && s.is(i-1, ".") && s.is(i-2, "ResponseEntity") && !s.is(i-3, ".") {
		return w.entityChain(i, s.closing(i+1))
	}
	if ev, ok := w.headerSet(i); ok {
		return []jvmEvent{{ev: ev, step: true, push: true}}
	}
	writer, mid := w.writerOf(i)
	if writer == "" {
		return nil
	}
	name := s.text(i)
	root, _ := w.chain(i)
	args, close := s.args(i + 1)
	ev := event{writer: writer, start: int(s.toks[root].start), end: int(s.tok(close).end), api: s.callText(root, close)}
	arg := func(k int) int {
		if k < len(args) {
			return jvmFlowCode(s, args[k])
		}
		return 0
	}
	if writer == "call" && w.lib == ecoKtor {
		switch {
		case len(mid) == 1 && mid[0] == "response" && name == "status" && len(args) == 1:
			ev.kind, ev.code = statusWrite, arg(0)
			return []jvmEvent{{ev: ev, step: true, codeOnly: true, ahead: true}}
		case len(mid) != 0:
			return nil
		case name == "respondRedirect":
			ev.kind, ev.code, ev.setsLocation = statusWrite, 302, true
		case strings.HasPrefix(name, "respond"):
			ev.kind = bodyWrite
			if v, ok := s.keyword(args, "status", "="); ok {
				ev.withStatus, ev.code = true, jvmFlowCode(s, v)
				if len(args) > 0 && jvmEmptyBody(s, args[0]) {
					// call.respondText("", status = NoContent)
					ev.kind, ev.withStatus = statusWrite, false
				}
			} else if name == "respond" || name == "respondNullable" {
				if c := arg(0); c != 0 {
					ev.withStatus, ev.code = true, c
					if len(args) == 1 || len(args) == 2 && jvmEmptyBody(s, args[1]) {
						ev.kind, ev.withStatus = statusWrite, false
					}
				}
			}
		default:
			return nil
		}
		return []jvmEvent{{ev: ev, step: true, push: true}}
	}
	switch {
	case len(mid) == 0 && name == "setStatus" && len(args) == 1:
		ev.kind, ev.code = statusWrite, arg(0)
		return []jvmEvent{{ev: ev, step: true, codeOnly: true, ahead: true}}
	case len(mid) == 0 && name == "sendError" && len(args) > 0:
		ev.kind, ev.code = statusWrite, arg(0)
		// sendError with a 3xx is error-status's finding: no second one
		// for its missing Location.
		return []jvmEvent{{ev: ev, step: ev.code == 0 || ev.code >= 400, push: true}}
	case len(mid) == 0 && name == "sendRedirect":
		ev.kind, ev.code, ev.setsLocation = statusWrite, 302, true
		return []jvmEvent{{ev: ev, step: true, push: true}}
	case len(mid) == 0 && name == "flushBuffer":
		ev.kind = bodyWrite
		return []jvmEvent{{ev: ev, push: true}}
	case len(mid) == 1 && (mid[0] == "getWriter" || mid[0] == "getOutputStream" || mid[0] == "writer" || mid[0] == "outputStream"):
		ev.kind = bodyWrite
		switch name {
		case "flush", "close":
			return []jvmEvent{{ev: ev, push: true}}
		case "write", "print", "println", "printf", "append", "format":
			// A buffered write commits nothing yet: not certain to have
			// sent the headers, but a body after a 204 all the same.
			ev.checked = true
			return []jvmEvent{{ev: ev, step: true, push: true}}
		}
	}
	return nil
}

// entityChain reads a Spring ResponseEntity.status(…) chain, whose status
// token is at i and whose call closes at close: the headers it sets, and
// its body.
func (w *jvmWalker) entityChain(i, close int) []jvmEvent {
	s := w.s
	args, _ := s.args(i + 1)
	if len(args) != 1 {
		return nil
	}
	writer := "ResponseEntity" + strconv.Itoa(int(s.toks[i].start))
	ev := event{kind: statusWrite, writer: writer, code: jvmFlowCode(s, args[0]), start: int(s.toks[i-2].start)}
	var st state
	end := close
	for k := 0; k < 16 && s.is(end+1, ".") && s.tok(end+2).kind == tIdent && s.is(end+3, "("); k++ {
		m := end + 2
		margs, mclose := s.args(m + 1)
		switch s.text(m) {
		case "header":
			if len(margs) > 0 {
				st = push(st, event{kind: headerSet, writer: writer, header: jvmHeaderName(s, margs[0])})
			}
		case "allow":
			st = push(st, event{kind: headerSet, writer: writer, header: "Allow"})
		case "location":
			ev.setsLocation = true
		case "headers", "eTag", "lastModified", "varyBy", "contentType", "contentLength", "cacheControl":
			if s.is(m, "headers") {
				st = push(st, event{kind: opaque, writer: writer})
			}
		case "body":
			if len(margs) == 1 && !jvmEmptyBody(s, margs[0]) {
				ev.kind, ev.withStatus = bodyWrite, true
			}
		}
		end = mclose
	}
	ev.end = int(s.tok(end).end)
	ev.api = "ResponseEntity.status(" + s.spanText(args[0].from, args[0].to) + ")"
	if ev.kind == bodyWrite {
		ev.api += "….body(…)"
	}
	return []jvmEvent{{ev: ev, step: true, own: true, before: st}}
}

// conditional reports whether the statement starting at byte offset start
// runs under a braceless if, else, loop or arrow arm.
func (w *jvmWalker) conditional(start int) bool {
	s := w.s
	r := sort.Search(len(s.toks), func(k int) bool { return int(s.toks[k].start) >= start })
	prev := r - 1
	switch s.text(prev) {
	case "else", "->", "?", ":", "do", "&&", "||", "?:":
		return true
	case ")":
		open := s.openingParen(prev)
		switch s.text(open - 1) {
		case "if", "while", "for":
			return true
		}
	}
	return false
}

// jvmHeaderCall spells, for missing-header's advice, the call that sets a
// header on the event's response, and the helper that redirects.
func jvmHeaderCall(ev event, header string) (set, redirect string) {
	switch {
	case strings.HasPrefix(ev.writer, "ResponseEntity"):
		return fmt.Sprintf(".header(%q, …) on the builder", header), ".location(uri)"
	case ev.writer == "call":
		return fmt.Sprintf("call.response.header(%q, …)", header), "call.respondRedirect(url)"
	}
	return fmt.Sprintf("%s.setHeader(%q, …)", ev.writer, header), ev.writer + ".sendRedirect(url)"
}

// returns reports whether the statement starting at byte offset start is
// returned (return call.respond(…), Kotlin's ?: return@get call.respond(…)):
// the path ends with it.
func (w *jvmWalker) returns(start int) bool {
	s := w.s
	r := sort.Search(len(s.toks), func(k int) bool { return int(s.toks[k].start) >= start })
	return s.is(r-1, "return") || s.tok(r-1).kind == tIdent && s.is(r-2, "@") && s.is(r-3, "return")
}

// jvmEmptyBodies are the values, as their tokens spell them, that are no
// body: Spring and Ktor send nothing for them.
var jvmEmptyBodies = map[string]bool{
	"null": true, "ByteArray(0)": true, "byteArrayOf()": true, "newbyte[0]": true,
	"newbyte[]{}": true, "Mono.empty()": true, "Flux.empty()": true,
}

// jvmEmptyBody reports whether the value sp is no body: null, "", an
// empty byte array (ByteArray(0), byteArrayOf(), new byte[0]) or an empty
// publisher (Mono.empty()). ResponseEntity.status(NOT_MODIFIED).body(ByteArray(0))
// sends a bare 304.
func jvmEmptyBody(s *scan, sp span) bool {
	n := sp.to - sp.from
	if n == 1 && s.tok(sp.from).kind == tString {
		return stringContent(s.tok(sp.from).text(s.src)) == ""
	}
	if n < 1 || n > 6 {
		return false
	}
	var b strings.Builder
	for k := sp.from; k < sp.to; k++ {
		b.Write(s.tok(k).text(s.src))
	}
	return jvmEmptyBodies[b.String()]
}
