package analysis

// Node's response object (and Express's on top of it) sends the status
// line and the headers with the first write; a header set after that
// throws ERR_HTTP_HEADERS_SENT. expressFlow reads, from a JavaScript or
// TypeScript token stream, the writes and header sets on each response
// within a handler body, for late-header.
//
// The flow is block-scoped rather than path-sensitive: an event is before
// another when it comes earlier in the same block or in a block around it,
// within the same function. A write inside an if, a loop or a callback is
// not certain to have happened at a later statement outside it, so it is
// never the earlier write of a finding: the rule stays quiet rather than
// guess.
//
// Only the header sets become flow steps (the writes live in the states
// they see): the other flow rules judge status and body writes with
// net/http's semantics, and so find no step of a JavaScript file to judge.

// expressWrites are the response methods that send the status and headers.
var expressWrites = map[string]eventKind{
	"writeHead": statusWrite, "sendStatus": statusWrite, "redirect": statusWrite,
	"send": bodyWrite, "json": bodyWrite, "jsonp": bodyWrite, "end": bodyWrite, "write": bodyWrite,
	"sendFile": bodyWrite, "download": bodyWrite, "render": bodyWrite,
}

// expressHeaders are the response methods that set a header.
var expressHeaders = map[string]bool{
	"setHeader": true, "set": true, "header": true, "append": true, "cookie": true,
	"clearCookie": true, "type": true, "contentType": true, "location": true, "links": true,
	"attachment": true, "vary": true, "removeHeader": true,
}

// notNodeResponse are the receivers of other frameworks' replies, whose
// send and header methods share Express's names but not Node's rule:
// Fastify's reply, Koa's ctx, hapi's h.
var notNodeResponse = map[string]bool{"reply": true, "ctx": true, "context": true, "h": true}

// mayLateHeader reports whether a file calls any header method: only then
// can a header come after a write.
func mayLateHeader(src []byte) bool {
	return containsAny(src, "eader(", ".set(", ".append(", "ookie(", ".type(", ".contentType(",
		".location(", ".links(", ".attachment(", ".vary(")
}

// flowBlock is one brace block being walked.
type flowBlock struct {
	st state
	// id is the offset of the block's opening brace, plus one so that the
	// file's top level (0) differs from a block at offset 0.
	id int
	// function is set on a function's body: events before it are another
	// function's.
	function bool
}

// expressWalk is the state of one expressFlow walk that the events of a
// chain share: each call of res.set(…).set(…)… reads the whole chain
// before it, which must not be walked again for each.
type expressWalk struct {
	*scan
	// roots remembers chainRoot's answer per "." token, plus two (0 is
	// not known, 1 is -1); it is made for the first chain walked far.
	roots []int32
	// lastStatus is the last .status( name before the token the walk is
	// at, or -1.
	lastStatus int
}

// expressFlow returns the flow steps of the file's handlers.
func (s *scan) expressFlow() []flowStep {
	var steps []flowStep
	stack := []flowBlock{{function: true}}
	w := &expressWalk{scan: s, lastStatus: -1}
	for i := 0; i < len(s.toks); i++ {
		t := s.toks[i]
		if i > 0 && t.kind == tIdent && s.is(i, "status") && s.is(i-1, ".") && s.is(i+1, "(") {
			// Not an event: its expressEvent would return false, so the
			// walk can move on from it at once.
			w.lastStatus = i
			continue
		}
		if t.kind == tPunct && t.end-t.start == 1 {
			switch s.src[t.start] {
			case '{':
				b := flowBlock{id: int(t.start) + 1, function: s.opensFunction(i)}
				if !b.function {
					b.st = stack[len(stack)-1].st
				}
				stack = append(stack, b)
				continue
			case '}':
				if len(stack) > 1 {
					stack = stack[:len(stack)-1]
				}
				continue
			}
		}
		// Only .name( can be a response method: checked here, before the
		// call, which returns a large event.
		if t.kind != tIdent || i == 0 || i+1 == len(s.toks) || s.src[s.toks[i-1].start] != '.' {
			continue
		}
		if t.end-t.start == int32(len("headersSent")) && s.is(i, "headersSent") {
			// if (!res.headersSent) res.setHeader(…): the code knows.
			stack[len(stack)-1].st = nil
			continue
		}
		if next := s.toks[i+1]; next.kind != tPunct || s.src[next.start] != '(' {
			continue
		}
		top := &stack[len(stack)-1]
		ev, ok := w.expressEvent(i, top.id, top.st)
		if !ok {
			continue
		}
		// Only header sets are judged (late-header); writes live on in the
		// state the later header sets see.
		if ev.kind == headerSet {
			steps = append(steps, flowStep{ev: ev, before: top.st})
		}
		top.st = push(top.st, ev)
	}
	return steps
}

// opensFunction reports whether the brace at i opens a function body:
// after "=>", or after the parameter list of function f(…) or a method
// m(…) — not after if (…), for (…), while (…), switch (…), catch (…).
func (s *scan) opensFunction(i int) bool {
	if s.is(i-1, "=>") {
		return true
	}
	j := i - 1
	// A TypeScript return type annotation: ): Promise<void> {
	for k := j; k > i-12 && k >= 0; k-- {
		if s.is(k, ")") {
			if s.is(k+1, ":") {
				j = k
			}
			break
		}
		if s.is(k, "{") || s.is(k, "}") || s.is(k, ";") {
			break
		}
	}
	if !s.is(j, ")") {
		return false
	}
	open := s.openingParen(j)
	if open <= 0 {
		return false
	}
	before := s.text(open - 1)
	switch before {
	case "if", "for", "while", "switch", "catch", "with":
		return false
	}
	return s.tok(open-1).kind == tIdent || s.is(open-1, ">")
}

// openingParen returns the index of the "(" that the ")" at close closes,
// or -1: the bracket pairs' answer, when the pair is of parentheses.
func (s *scan) openingParen(close int) int {
	if !s.is(close, ")") {
		return -1
	}
	if open := s.openOf(close); s.is(open, "(") {
		return open
	}
	return -1
}

// expressEvent reads a response method call whose name is token i:
// res.setHeader(…), res.status(404).json(…).
// A header set is read only when st holds a write on the same response:
// without one it cannot be late, and most .set( calls are on maps.
func (s *expressWalk) expressEvent(i, block int, st state) (event, bool) {
	t := s.toks[i]
	if t.kind != tIdent || !s.is(i-1, ".") || !s.is(i+1, "(") {
		return event{}, false
	}
	name := s.src[t.start:t.end]
	// The probes convert the bytes without allocating; most calls miss.
	kind, write := expressWrites[string(name)]
	if !write && !expressHeaders[string(name)] {
		return event{}, false
	}
	method := string(name)
	if !write {
		kind = headerSet
	}
	root := s.chainRoot(i - 1)
	if root < 0 || notNodeResponse[string(s.src[s.toks[root].start:s.toks[root].end])] {
		return event{}, false
	}
	if kind == headerSet && !st.wrote(s.text(root)) {
		return event{}, false
	}
	args, close := s.args(i + 1)
	ev := event{kind: kind, writer: s.text(root), start: int(s.toks[root].start), end: int(s.tok(close).end)}
	if kind == headerSet {
		ev.start = int(s.toks[root].start)
		ev.direct = true
		if len(args) > 0 && s.tok(args[0].from).kind == tString {
			ev.header = stringContent(s.tok(args[0].from).text(s.src))
		}
		if len(args) > 1 && s.tok(args[1].from).kind == tString {
			ev.value = stringContent(s.tok(args[1].from).text(s.src))
		}
	}
	if len(args) > 0 && (method == "writeHead" || method == "sendStatus" || method == "redirect") {
		if n, ok := s.intAt(args[0].from); ok {
			ev.code = n
		}
	}
	if kind == bodyWrite {
		// res.status(201).json(…): the chain set the status the body
		// sends, the last .status( of it when it holds several.
		if k := s.lastStatus; k >= root+2 {
			ev.withStatus = true
			ev.code, _ = s.intAt(k + 2)
		}
	}
	ev.api = s.callText(root, close)
	if s.is(close+1, ";") || s.is(close+1, "}") || s.tok(close+1).kind == tEOF || s.lineEndsAt(close) {
		ev.stmtStart, ev.stmtEnd = ev.start, int(s.tok(close).end)
		if s.is(close+1, ";") {
			ev.stmtEnd = int(s.tok(close + 1).end)
		}
		ev.block = block
	}
	if !s.statementStart(root) {
		ev.stmtStart, ev.stmtEnd, ev.block = 0, 0, 0
	}
	return ev, true
}

// chainRoot walks back from the "." at dot through a call chain
// (res.status(404).json) to the response it starts at, and returns that
// identifier's index, or -1 when the chain does not start at a name. A
// walk longer than memoAfter steps remembers its answer for every "." it
// passed, which the later calls of the same chain stop at.
func (s *expressWalk) chainRoot(dot int) int {
	var root int
	dots, steps := dot, 0
	i := dot - 1
walk:
	for {
		if s.roots != nil && s.roots[i+1] != 0 {
			root = int(s.roots[i+1]) - 2
			break
		}
		if s.is(i, ")") {
			open := s.openingParen(i)
			if open <= 1 || s.tok(open-1).kind != tIdent || !s.is(open-2, ".") {
				root = -1
				break
			}
			i, steps = open-3, steps+1
			continue
		}
		switch {
		case s.tok(i).kind != tIdent:
			root = -1
			break walk
		case s.is(i-1, ".") && s.tok(i-2).kind == tIdent && !s.is(i-3, "."):
			// this.res.send(): the writer is "res" under "this".
			root = i
			break walk
		case s.is(i-1, "."):
			i, steps = i-2, steps+1
			continue
		}
		root = i
		break
	}
	if steps > memoAfter || s.roots != nil && steps > 0 {
		s.rememberRoots(dots, root)
	}
	return root
}

// rememberRoots records root as the chain root of every "." from dot
// back along the chain, as chainRoot walked it.
func (s *expressWalk) rememberRoots(dot, root int) {
	if s.roots == nil {
		s.roots = make([]int32, len(s.toks)+1)
	}
	i := dot - 1
	for i >= 0 && s.roots[i+1] == 0 {
		s.roots[i+1] = int32(root) + 2
		switch {
		case s.is(i, ")"):
			open := s.openingParen(i)
			if open <= 1 || s.tok(open-1).kind != tIdent || !s.is(open-2, ".") {
				return
			}
			i = open - 3
		case s.tok(i).kind == tIdent && s.is(i-1, ".") && !(s.tok(i-2).kind == tIdent && !s.is(i-3, ".")):
			i -= 2
		default:
			return
		}
	}
}

// callText names a call for messages: its text when short and on one line.
func (s *scan) callText(from, close int) string {
	// A long call is never copied whole: a chain of calls names each.
	if raw := s.src[s.toks[from].start:s.tok(close).end]; len(raw) <= 50 && !containsNewline(string(raw)) {
		return string(raw)
	}
	// res.writeHead(…): the call with its arguments left out; a long
	// chain before it, left out too (res….set(…)): a message names each
	// call of a chain, and must not copy the chain for each.
	if open := s.openingParen(close); open > from {
		if s.toks[open].end-s.toks[from].start <= 80 || open-from < 3 {
			return string(s.src[s.toks[from].start:s.toks[open].end]) + "…)"
		}
		return s.text(from) + "…" + s.text(open-2) + s.text(open-1) + "(…)"
	}
	return s.text(from) + "…"
}

func containsNewline(text string) bool {
	for i := 0; i < len(text); i++ {
		if text[i] == '\n' {
			return true
		}
	}
	return false
}

// lineEndsAt reports whether nothing but spaces follow token i on its line
// (statements without semicolons).
func (s *scan) lineEndsAt(i int) bool {
	for j := int(s.tok(i).end); j < len(s.src); j++ {
		switch s.src[j] {
		case ' ', '\t', '\r':
			continue
		case '\n':
			return !s.is(i+1, ".") // a chain continued on the next line
		}
		return false
	}
	return true
}

// statementStart reports whether token i begins a statement: the first
// token after a brace, a semicolon, or (without semicolons) a line end.
func (s *scan) statementStart(i int) bool {
	if i == 0 || s.is(i-1, "{") || s.is(i-1, "}") || s.is(i-1, ";") {
		return true
	}
	prev := s.tok(i - 1)
	for j := int(prev.end); j < int(s.toks[i].start); j++ {
		if s.src[j] == '\n' {
			return !s.is(i-1, ".") && !s.is(i-1, ",") && !s.is(i-1, "(") && !s.is(i-1, "=")
		}
	}
	return false
}
