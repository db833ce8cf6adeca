package ruby

import (
	"strings"

	"github.com/httpcodes/httpcodes/analysis/internal/facts"
	"github.com/httpcodes/httpcodes/analysis/internal/lex"
)

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
func (r *rbFile) builtState() facts.State {
	if !r.seeded {
		r.seed, r.seeded = r.NamedHeaders(rbChallengeHelpers), true
	}
	return r.seed
}

// built records a response built whole over tokens from..close.
func (r *rbFile) built(code, from, close int, body bool, st facts.State) {
	ev := facts.Event{Kind: facts.StatusWrite, Writer: facts.BuiltWriter, Code: code, Api: r.CallText(from, close),
		Start: int(r.Toks[from].Start), End: int(r.Tok(close).End)}
	if body {
		ev.Kind, ev.WithStatus = facts.BodyWrite, true
	}
	r.steps = append(r.steps, facts.FlowStep{Ev: ev, Before: st})
}

// lastOf returns the last token of the arguments.
func lastOf(args []lex.Span, name int) int {
	if len(args) == 0 {
		return name
	}
	return args[len(args)-1].To - 1
}

// rbEmpty reports whether sp is no body: nil, "" or [].
func (r *rbFile) rbEmpty(sp lex.Span) bool {
	switch sp.To - sp.From {
	case 1:
		t := r.Tok(sp.From)
		return r.Is(sp.From, "nil") || t.Kind == lex.TString && lex.StringContent(r.Src[t.Start:t.End]) == ""
	case 2:
		return r.Is(sp.From, "[") && r.Is(sp.From+1, "]")
	}
	return false
}

// builtRender reads render …, status: s at token i: a body with the
// status, unless it renders nothing.
func (r *rbFile) builtRender(i int, args []lex.Span, sp lex.Span) {
	code, ok := r.CodeOf(sp)
	if !ok {
		return
	}
	body := true
	for _, key := range []string{"nothing", "body", "plain", "html", "json", "text"} {
		if v, ok := r.Keyword(args, key, ":", "=>"); ok && (r.rbEmpty(v) || key == "nothing") {
			body = false
		}
	}
	r.built(code, i, lastOf(args, i), body, r.builtState())
}

// builtHead reads head status, headers at token i.
func (r *rbFile) builtHead(i int, args []lex.Span) {
	code, ok := r.CodeOf(args[0])
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
func (r *rbFile) optionHeader(st facts.State, a lex.Span) facts.State {
	k := r.Tok(a.From)
	switch {
	case r.Is(a.From, "{") && r.Closing(a.From) == a.To-1:
		return r.HeaderKeys(st, a.From)
	case k.Kind == lex.TIdent && r.Is(a.From+1, ":"):
		return facts.Push(st, facts.Event{Kind: facts.HeaderSet, Writer: facts.BuiltWriter, Header: strings.ReplaceAll(r.Text(a.From), "_", "-")})
	case k.Kind == lex.TString && r.Is(a.From+1, "=>"):
		return facts.Push(st, facts.Event{Kind: facts.HeaderSet, Writer: facts.BuiltWriter, Header: lex.StringContent(r.Src[k.Start:k.End])})
	case k.Kind == lex.TSymbol && r.Is(a.From+1, "=>"):
		return facts.Push(st, facts.Event{Kind: facts.HeaderSet, Writer: facts.BuiltWriter, Header: strings.ReplaceAll(strings.TrimPrefix(r.Text(a.From), ":"), "_", "-")})
	}
	return lex.AnyHeader(st, int(k.Start))
}

// builtHalt reads Sinatra's halt n[, headers][, body] at token i.
func (r *rbFile) builtHalt(i int, args []lex.Span) {
	code, ok := r.CodeOf(args[0])
	if !ok {
		return
	}
	st := r.builtState()
	body := false
	for _, a := range args[1:] {
		if r.Is(a.From, "{") || r.Tok(a.From).Kind == lex.TIdent && r.Is(a.From+1, ":") || r.Is(a.From+1, "=>") {
			st = r.optionHeader(st, a)
			continue
		}
		body = !r.rbEmpty(a)
	}
	r.built(code, i, lastOf(args, i), body, st)
}

// builtTriple reads a Rack triple [status, headers, body] opened at i.
func (r *rbFile) builtTriple(i int, elems []lex.Span, close int) {
	code, ok := r.CodeOf(elems[0])
	if !ok {
		return
	}
	st := r.builtState()
	if h := elems[1]; r.Is(h.From, "{") && r.Closing(h.From) == h.To-1 {
		st = r.HeaderKeys(st, h.From)
	} else {
		st = lex.AnyHeader(st, int(r.Tok(h.From).Start))
	}
	b := elems[2]
	body := r.Is(b.From, "[") && r.Closing(b.From) == b.To-1 && !r.rbEmpty(b)
	if body {
		inner, _ := r.Args(b.From)
		body = len(inner) > 1 || len(inner) == 1 && !r.rbEmpty(inner[0])
	}
	r.built(code, i, close, body, st)
	if body && code/100 == 3 && lex.MetaRefresh(r.Src[r.Tok(b.From).Start:r.Tok(b.To-1).End]) {
		// [303, {}, ["<meta http-equiv='refresh' content='0; /x'>"]]:
		// the page sends the browser on itself (rubygems.org does so on
		// purpose, so the next request is not cross-site).
		r.steps[len(r.steps)-1].Ev.Refreshes = true
	}
}

// rbBlock is a block of the streaming walk.
type rbBlock struct {
	st, base facts.State
	// function is set on a def's body: events before it are another
	// method's.
	function bool
}

// streamFlow reads ActionController::Live's writes and the header sets
// after them: response.stream.write, then response.headers[…] = …,
// response.set_header, headers[…] = …, response.content_type = ….
func (r *rbFile) streamFlow() {
	if !facts.ContainsAny(r.Src, "stream.write") {
		return
	}
	stack := []rbBlock{{function: true}}
	loopLine := false // a while/until/for on this line: its do opens nothing
	for i := 0; i < len(r.Toks); i++ {
		t := r.Toks[i]
		top := &stack[len(stack)-1]
		switch t.Kind {
		case lex.TNewline:
			loopLine = false
			continue
		case lex.TPunct:
			switch {
			case r.Is(i, "{"):
				stack = append(stack, rbBlock{st: top.st, base: top.st})
			case r.Is(i, "}") && len(stack) > 1:
				stack = stack[:len(stack)-1]
			}
			continue
		case lex.TIdent:
		default:
			continue
		}
		if r.Is(i-1, ".") || r.Is(i-1, "&.") || r.Is(i+1, ":") && !r.Is(i+1, "::") {
			// a method or a label, not a keyword
		} else {
			switch r.Text(i) {
			case "def", "class", "module":
				stack = append(stack, rbBlock{function: true})
				continue
			case "if", "unless", "while", "until", "case", "for":
				if r.stmtStart(i) || r.Is(i-1, "=") || r.Is(i-1, "(") || r.Is(i-1, "return") {
					loopLine = loopLine || r.Is(i, "while") || r.Is(i, "until") || r.Is(i, "for")
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
		if ev.Kind == facts.HeaderSet {
			if top.st.Wrote(ev.Writer) {
				r.steps = append(r.steps, facts.FlowStep{Ev: ev, Before: top.st})
			}
			continue
		}
		if !r.modified(i) {
			top.st = facts.Push(top.st, ev)
		}
	}
}

// modified reports whether the statement holding token i ends in a
// modifier (write if ready): then it may not run.
func (r *rbFile) modified(i int) bool {
	for j := i; j < len(r.Toks) && j < i+rbMaxCommand && r.Toks[j].Kind != lex.TNewline; j++ {
		if r.Opens(j) {
			j = r.Closing(j)
			continue
		}
		switch r.Text(j) {
		case "if", "unless", "while", "until", "rescue":
			return true
		}
	}
	return false
}

// streamEvent reads the streaming write or header set whose name is token
// i: response.stream.write(…), response.headers[…] = v, headers[…] = v,
// response.set_header(…), response.content_type = ….
func (r *rbFile) streamEvent(i int) (facts.Event, bool) {
	at := func(from, to int) facts.Event {
		return facts.Event{Writer: "response", Api: r.CallText(from, to), Start: int(r.Toks[from].Start), End: int(r.Tok(to).End), Direct: true}
	}
	switch {
	case r.Is(i, "write") && r.Is(i-1, ".") && r.Is(i-2, "stream") && r.Is(i-3, ".") && r.Is(i-4, "response"):
		ev := at(i-4, i)
		ev.Kind = facts.BodyWrite
		return ev, true
	case r.Is(i, "headers") && r.Is(i+1, "[") && (r.Is(i-1, ".") && r.Is(i-2, "response") || !r.Is(i-1, ".")):
		from := i
		if r.Is(i-1, ".") {
			from = i - 2
		}
		close := r.Closing(i + 1)
		if !r.Is(close+1, "=") {
			return facts.Event{}, false
		}
		ev := at(from, close)
		ev.Kind = facts.HeaderSet
		if k := r.Tok(i + 2); k.Kind == lex.TString && close == i+3 {
			ev.Header = lex.StringContent(r.Src[k.Start:k.End])
		}
		return ev, true
	case (r.Is(i, "set_header") || r.Is(i, "content_type") && r.Is(i+1, "=")) && r.Is(i-1, ".") && r.Is(i-2, "response"):
		ev := at(i-2, i)
		ev.Kind = facts.HeaderSet
		if r.Is(i, "content_type") {
			ev.Header = "Content-Type"
		} else if args := r.callArgs(i); len(args) > 0 && r.Tok(args[0].From).Kind == lex.TString {
			ev.Header = lex.StringContent(r.Tok(args[0].From).Text(r.Src))
		}
		return ev, true
	}
	return facts.Event{}, false
}

// looseStatus reads status: :symbol in a call of a response helper the
// scanner does not know (respond_with_navigational(…, status:
// :unprocessable_entity)): the label at token i names the status when its
// value is a symbol of Rack's and the call's name speaks of a response.
func (r *rbFile) looseStatus(i int) {
	if !r.Is(i+1, ":") || r.Tok(i+2).Kind != lex.TSymbol || !(r.Is(i-1, ",") || r.Is(i-1, "(")) {
		return
	}
	callee := -1
	for j := i - 1; j >= 0 && j > i-64; j-- {
		if r.Toks[j].Kind == lex.TNewline {
			callee = j + 1
			break
		}
		if r.Is(j, "(") && r.Closing(j) > i && r.Tok(j-1).Kind == lex.TIdent {
			callee = j - 1
			break
		}
		if j == 0 {
			callee = 0
		}
	}
	if callee < 0 || r.Tok(callee).Kind != lex.TIdent {
		return
	}
	name := r.Text(callee)
	for _, w := range []string{"respond", "render", "redirect", "head", "error", "halt"} {
		if strings.Contains(name, w) {
			r.Status(lex.Span{From: i + 2, To: i + 3}, lex.StatusCtx{Role: facts.Send, Context: name, Framework: "rails", Msg: -1})
			return
		}
	}
}

// payloadMessage returns the string of a JSON payload that is one message,
// render json: { error: "Not Found" }: the token of the string, or -1.
func (r *rbFile) payloadMessage(args []lex.Span) int {
	for _, key := range []string{"json", "xml"} {
		v, ok := r.Keyword(args, key, ":", "=>")
		if !ok || !r.Is(v.From, "{") || r.Closing(v.From) != v.To-1 {
			continue
		}
		elems, _ := r.Args(v.From)
		if len(elems) != 1 {
			continue
		}
		e := elems[0]
		for _, k := range []string{"error", "message", "status"} {
			if m, ok := r.Keyword([]lex.Span{e}, k, ":", "=>"); ok && m.To-m.From == 1 && r.Tok(m.From).Kind == lex.TString {
				return m.From
			}
		}
	}
	return -1
}
