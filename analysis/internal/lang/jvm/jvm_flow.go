package jvm

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/httpcodes/httpcodes/analysis/internal/facts"
	"github.com/httpcodes/httpcodes/analysis/internal/lex"
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
	st, entry facts.State
	function  bool
	// end is the index of the block's closing brace.
	end int
}

// jvmHeaderName maps a header constant's member (HttpHeaders.ALLOW,
// HttpHeaders.WWWAuthenticate) or a string to its field name.
func jvmHeaderName(s *lex.Scan, sp lex.Span) string {
	if sp.To-sp.From == 1 && s.Tok(sp.From).Kind == lex.TString {
		return lex.StringContent([]byte(s.Text(sp.From)))
	}
	if sp.To-sp.From >= 3 && s.Is(sp.To-2, ".") {
		key := strings.ToLower(strings.ReplaceAll(s.Text(sp.To-1), "_", ""))
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
func jvmFlowCode(s *lex.Scan, sp lex.Span) int {
	if sp.To-sp.From == 1 {
		if n, ok := s.IntAt(sp.From); ok {
			return n
		}
	}
	if sp, next, ok := jcOperand(s, sp.From, false); ok {
		if next == sp.To || next+2 == sp.To && s.Is(next, ".") && s.Is(next+1, "value") {
			if k, ok := s.Names[s.SpanText(sp.From, sp.To)]; ok {
				return k.Code
			}
			if k, ok := s.Names[lex.LastTwoParts(s.SpanText(sp.From, sp.To))]; ok {
				return k.Code
			}
		}
	}
	return 0
}

func (w *jvmWalker) flow() []facts.FlowStep {
	s := w.s
	if !facts.ContainsAny(s.Src, "setStatus", "sendError", "sendRedirect", "respond", "ResponseEntity", "response.status") {
		return nil
	}
	var steps []facts.FlowStep
	stack := []jvmFlowBlock{{function: true, end: len(s.Toks)}}
	for i := 0; i < len(s.Toks); i++ {
		t := s.Toks[i]
		if t.Kind == lex.TPunct && t.End-t.Start == 1 {
			switch s.Src[t.Start] {
			case '{':
				b := jvmFlowBlock{function: w.opensBody(i), end: s.Closing(i)}
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
						top.st = facts.AfterLoop(top.st, inner.st)
					}
				}
				continue
			}
		}
		if t.Kind != lex.TIdent {
			continue
		}
		top := &stack[len(stack)-1]
		switch s.Text(i) {
		case "case", "default", "else":
			// Another arm: what the previous arm did is not certain here.
			top.st = facts.AfterLoop(top.entry, top.st)
			continue
		}
		if !s.Is(i+1, "(") {
			continue
		}
		for _, st := range w.jvmEvents(i) {
			if w.conditional(st.ev.Start) {
				// if (x) resp.sendError(401); — not certain after.
				st.ev.InLoop = true
			}
			if st.step {
				before := top.st
				if st.own {
					before = st.before
				}
				if st.ahead {
					before = w.headersAhead(i, top.end, st.ev.Writer, before)
				}
				steps = append(steps, facts.FlowStep{Ev: st.ev, Before: before})
			}
			if st.push && !w.returns(st.ev.Start) {
				top.st = facts.Push(top.st, st.ev)
			}
			if st.codeOnly && st.ev.Code != 0 {
				top.st = jvmPushCode(top.st, st.ev)
			}
		}
	}
	return steps
}

// jvmPushCode records a status set that does not commit the response, so
// a later body write can be judged against its code (bodiless-status), as
// a latest status of that code and nothing else.
func jvmPushCode(st facts.State, ev facts.Event) facts.State {
	var out facts.FlowState
	if st != nil {
		out = *st
	}
	p := &ev
	out.Sure = out.Sure.Insert(facts.StateKey(facts.KeyCode, ev.Writer, strconv.Itoa(ev.Code)), p)
	return &out
}

// jvmEvent is an event and what the walk does with it.
type jvmEvent struct {
	ev facts.Event
	// step: the rules judge it; push: it changes the state; codeOnly: it
	// sets a status without committing; ahead: headers later in its
	// function count for it.
	step, push, codeOnly, ahead bool
	// own is set when the event is a whole response of its own (a
	// ResponseEntity chain), seen with before rather than the walk's state.
	own    bool
	before facts.State
}

// jvmAheadLimit bounds how many header sets after a status set are
// counted for it: enough for any handler, and linear on any file.
const jvmAheadLimit = 32

// headersAhead returns st with the header sets on writer between token i
// and end (the rest of the function) added, as may-sets. The header sets
// of a function are listed once, on first use.
func (w *jvmWalker) headersAhead(i, end int, writer string, st facts.State) facts.State {
	s := w.s
	if w.ahead == nil {
		w.ahead = map[int][]facts.Event{}
	}
	list, ok := w.ahead[end]
	if !ok {
		for j := i + 1; j < end && j < len(s.Toks); j++ {
			if s.Toks[j].Kind != lex.TIdent || !s.Is(j+1, "(") || !s.Is(j-1, ".") {
				continue
			}
			if ev, ok := w.headerSet(j); ok {
				list = append(list, ev)
			}
		}
		w.ahead[end] = list
	}
	at := int(s.Tok(i).Start)
	n := 0
	for _, ev := range list {
		if ev.Start > at && ev.Writer == writer {
			st = facts.Push(st, ev)
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
	for k := 0; k < 8 && s.Is(j, "."); k++ {
		switch {
		case s.Is(j-1, ")") && s.Is(j-2, "(") && s.Tok(j-3).Kind == lex.TIdent && s.Is(j-4, "."):
			mid = append(mid, s.Text(j-3))
			j -= 4
		case s.Tok(j-1).Kind == lex.TIdent && s.Is(j-2, "."):
			mid = append(mid, s.Text(j-1))
			j -= 2
		case s.Tok(j-1).Kind == lex.TIdent:
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
	name := w.s.Text(root)
	if w.lib == ecoKtor && name == "call" {
		return name, mid
	}
	if jcResponseLike([]byte(name)) && w.knownResponse(name, i) {
		return name, mid
	}
	return "", nil
}

// headerSet reads a header set at the method name at token i.
func (w *jvmWalker) headerSet(i int) (facts.Event, bool) {
	s := w.s
	writer, mid := w.writerOf(i)
	if writer == "" {
		return facts.Event{}, false
	}
	name := s.Text(i)
	ktor := writer == "call" && w.lib == ecoKtor
	switch {
	case !ktor && len(mid) == 0:
		switch name {
		case "setHeader", "addHeader", "setDateHeader", "addDateHeader", "setIntHeader", "addIntHeader", "addCookie", "setContentType":
		default:
			return facts.Event{}, false
		}
	case ktor && len(mid) == 1 && mid[0] == "response" && name == "header",
		ktor && len(mid) == 2 && mid[0] == "response" && mid[1] == "headers" && name == "append":
	default:
		return facts.Event{}, false
	}
	args, close := s.Args(i + 1)
	root, _ := w.chain(i)
	ev := facts.Event{Kind: facts.HeaderSet, Writer: writer, Direct: true, Start: int(s.Toks[root].Start), End: int(s.Tok(close).End)}
	switch {
	case name == "setContentType":
		ev.Header = "Content-Type"
	case name == "addCookie":
		ev.Header = "Set-Cookie"
	case len(args) > 0:
		ev.Header = jvmHeaderName(s, args[0])
	}
	ev.Api = s.CallText(root, close)
	return ev, true
}

// opensBody reports whether the brace at i opens a method or lambda body
// (a new flow) rather than a block of the same one: after a method's
// parameter list or throws clause, after Java's ->, or a Kotlin trailing
// lambda (get("/") { … }, routing { … }).
func (w *jvmWalker) opensBody(i int) bool {
	s := w.s
	if s.Is(i-1, "->") {
		return !w.kotlinArm(i - 1)
	}
	j := i - 1
	// throws IOException, ServletException {
	for k := 0; k < 8 && s.Tok(j).Kind == lex.TIdent && (s.Is(j-1, ",") || s.Is(j-1, "throws") || s.Is(j-1, ".")); k++ {
		j -= 2
	}
	if s.Is(j, "throws") {
		j--
	}
	// Kotlin: fun f(): Unit {
	if s.Tok(j).Kind == lex.TIdent && s.Is(j-1, ":") && s.Is(j-2, ")") {
		j -= 2
	}
	if s.Is(j, ")") {
		open := s.OpeningParen(j)
		if open <= 0 {
			return false
		}
		switch s.Text(open - 1) {
		case "if", "for", "while", "switch", "catch", "synchronized", "when", "try":
			return false
		}
		return s.Tok(open-1).Kind == lex.TIdent || s.Is(open-1, ">")
	}
	if s.Tok(j).Kind == lex.TIdent {
		switch s.Text(j) {
		case "else", "try", "finally", "do", "init", "class", "object", "interface", "static":
			return false
		}
		// Kotlin's trailing lambda after a name: routing { }, apply { }.
		return !s.Is(j-1, "class") && !s.Is(j-1, "object") && !s.Is(j-1, "interface")
	}
	return false
}

// kotlinArm reports whether the -> at i ends a when entry: in a Kotlin
// file, inside a when block, not a lambda's parameter list.
func (w *jvmWalker) kotlinArm(i int) bool {
	return w.s.Lang == "kotlin"
}

// jvmEvents reads the flow events of the method call named at token i.
func (w *jvmWalker) jvmEvents(i int) []jvmEvent {
	s := w.s
	if s.Is(i, "status") && s.Is(i-1, ".") && s.Is(i-2, "ResponseEntity") && !s.Is(i-3, ".") {
		return w.entityChain(i, s.Closing(i+1))
	}
	if ev, ok := w.headerSet(i); ok {
		return []jvmEvent{{ev: ev, step: true, push: true}}
	}
	writer, mid := w.writerOf(i)
	if writer == "" {
		return nil
	}
	name := s.Text(i)
	root, _ := w.chain(i)
	args, close := s.Args(i + 1)
	ev := facts.Event{Writer: writer, Start: int(s.Toks[root].Start), End: int(s.Tok(close).End), Api: s.CallText(root, close)}
	arg := func(k int) int {
		if k < len(args) {
			return jvmFlowCode(s, args[k])
		}
		return 0
	}
	if writer == "call" && w.lib == ecoKtor {
		switch {
		case len(mid) == 1 && mid[0] == "response" && name == "status" && len(args) == 1:
			ev.Kind, ev.Code = facts.StatusWrite, arg(0)
			return []jvmEvent{{ev: ev, step: true, codeOnly: true, ahead: true}}
		case len(mid) != 0:
			return nil
		case name == "respondRedirect":
			ev.Kind, ev.Code, ev.SetsLocation = facts.StatusWrite, 302, true
		case strings.HasPrefix(name, "respond"):
			ev.Kind = facts.BodyWrite
			if v, ok := s.Keyword(args, "status", "="); ok {
				ev.WithStatus, ev.Code = true, jvmFlowCode(s, v)
				if len(args) > 0 && jvmEmptyBody(s, args[0]) {
					// call.respondText("", status = NoContent)
					ev.Kind, ev.WithStatus = facts.StatusWrite, false
				}
			} else if name == "respond" || name == "respondNullable" {
				if c := arg(0); c != 0 {
					ev.WithStatus, ev.Code = true, c
					if len(args) == 1 || len(args) == 2 && jvmEmptyBody(s, args[1]) {
						ev.Kind, ev.WithStatus = facts.StatusWrite, false
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
		ev.Kind, ev.Code = facts.StatusWrite, arg(0)
		return []jvmEvent{{ev: ev, step: true, codeOnly: true, ahead: true}}
	case len(mid) == 0 && name == "sendError" && len(args) > 0:
		ev.Kind, ev.Code = facts.StatusWrite, arg(0)
		// sendError with a 3xx is error-status's finding: no second one
		// for its missing Location.
		return []jvmEvent{{ev: ev, step: ev.Code == 0 || ev.Code >= 400, push: true}}
	case len(mid) == 0 && name == "sendRedirect":
		ev.Kind, ev.Code, ev.SetsLocation = facts.StatusWrite, 302, true
		return []jvmEvent{{ev: ev, step: true, push: true}}
	case len(mid) == 0 && name == "flushBuffer":
		ev.Kind = facts.BodyWrite
		return []jvmEvent{{ev: ev, push: true}}
	case len(mid) == 1 && (mid[0] == "getWriter" || mid[0] == "getOutputStream" || mid[0] == "writer" || mid[0] == "outputStream"):
		ev.Kind = facts.BodyWrite
		switch name {
		case "flush", "close":
			return []jvmEvent{{ev: ev, push: true}}
		case "write", "print", "println", "printf", "append", "format":
			// A buffered write commits nothing yet: not certain to have
			// sent the headers, but a body after a 204 all the same.
			ev.Checked = true
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
	args, _ := s.Args(i + 1)
	if len(args) != 1 {
		return nil
	}
	writer := "ResponseEntity" + strconv.Itoa(int(s.Toks[i].Start))
	ev := facts.Event{Kind: facts.StatusWrite, Writer: writer, Code: jvmFlowCode(s, args[0]), Start: int(s.Toks[i-2].Start)}
	var st facts.State
	end := close
	for k := 0; k < 16 && s.Is(end+1, ".") && s.Tok(end+2).Kind == lex.TIdent && s.Is(end+3, "("); k++ {
		m := end + 2
		margs, mclose := s.Args(m + 1)
		switch s.Text(m) {
		case "header":
			if len(margs) > 0 {
				st = facts.Push(st, facts.Event{Kind: facts.HeaderSet, Writer: writer, Header: jvmHeaderName(s, margs[0])})
			}
		case "allow":
			st = facts.Push(st, facts.Event{Kind: facts.HeaderSet, Writer: writer, Header: "Allow"})
		case "location":
			ev.SetsLocation = true
		case "headers", "eTag", "lastModified", "varyBy", "contentType", "contentLength", "cacheControl":
			if s.Is(m, "headers") {
				st = facts.Push(st, facts.Event{Kind: facts.Opaque, Writer: writer})
			}
		case "body":
			if len(margs) == 1 && !jvmEmptyBody(s, margs[0]) {
				ev.Kind, ev.WithStatus = facts.BodyWrite, true
			}
		}
		end = mclose
	}
	ev.End = int(s.Tok(end).End)
	ev.Api = "ResponseEntity.status(" + s.SpanText(args[0].From, args[0].To) + ")"
	if ev.Kind == facts.BodyWrite {
		ev.Api += "….body(…)"
	}
	return []jvmEvent{{ev: ev, step: true, own: true, before: st}}
}

// conditional reports whether the statement starting at byte offset start
// runs under a braceless if, else, loop or arrow arm.
func (w *jvmWalker) conditional(start int) bool {
	s := w.s
	r := sort.Search(len(s.Toks), func(k int) bool { return int(s.Toks[k].Start) >= start })
	prev := r - 1
	switch s.Text(prev) {
	case "else", "->", "?", ":", "do", "&&", "||", "?:":
		return true
	case ")":
		open := s.OpeningParen(prev)
		switch s.Text(open - 1) {
		case "if", "while", "for":
			return true
		}
	}
	return false
}

// jvmHeaderCall spells, for missing-header's advice, the call that sets a
// header on the event's response, and the helper that redirects.
func jvmHeaderCall(ev facts.Event, header string) (set, redirect string) {
	switch {
	case strings.HasPrefix(ev.Writer, "ResponseEntity"):
		return fmt.Sprintf(".header(%q, …) on the builder", header), ".location(uri)"
	case ev.Writer == "call":
		return fmt.Sprintf("call.response.header(%q, …)", header), "call.respondRedirect(url)"
	}
	return fmt.Sprintf("%s.setHeader(%q, …)", ev.Writer, header), ev.Writer + ".sendRedirect(url)"
}

// returns reports whether the statement starting at byte offset start is
// returned (return call.respond(…), Kotlin's ?: return@get call.respond(…)):
// the path ends with it.
func (w *jvmWalker) returns(start int) bool {
	s := w.s
	r := sort.Search(len(s.Toks), func(k int) bool { return int(s.Toks[k].Start) >= start })
	return s.Is(r-1, "return") || s.Tok(r-1).Kind == lex.TIdent && s.Is(r-2, "@") && s.Is(r-3, "return")
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
func jvmEmptyBody(s *lex.Scan, sp lex.Span) bool {
	n := sp.To - sp.From
	if n == 1 && s.Tok(sp.From).Kind == lex.TString {
		return lex.StringContent(s.Tok(sp.From).Text(s.Src)) == ""
	}
	if n < 1 || n > 6 {
		return false
	}
	var b strings.Builder
	for k := sp.From; k < sp.To; k++ {
		b.Write(s.Tok(k).Text(s.Src))
	}
	return jvmEmptyBodies[b.String()]
}
