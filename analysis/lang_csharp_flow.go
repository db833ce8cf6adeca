package analysis

import "strings"

// ASP.NET Core's HttpResponse holds its status and headers until the
// response starts: StatusCode = n only records the status (a later
// assignment replaces it, and a header set after it still goes out), and
// the first body write, StartAsync or the end of the request sends them.
// After that Kestrel throws on a header set ("Headers are read-only,
// response has already started") and on a status set, and refuses a body
// for 204 and 304. csFlow reads those events off a C# token stream for the
// flow rules:
//
//   - A status assignment on a response (Response.StatusCode = 401) is a
//     status step. Its state holds the writes that started the response
//     before it (superfluous-writeheader) and every header the function
//     sets anywhere, before or after it, or may set through code it hands
//     the response or context to (missing-header): the assignment is only
//     half the response until the function ends.
//   - A body write (await Response.WriteAsync(…)) is a body step whose
//     state holds the status assignments before it (bodiless-status).
//   - A header set is a header step whose state holds only the writes that
//     started the response (late-header).
//   - Results.Json(x, statusCode: 204) and its kin carry a body with their
//     status (bodiless-status).
//
// As for JavaScript, the flow is block-scoped: an event inside an if, a
// loop or a lambda is never certain at a later statement outside it, and
// a statement guarded by an if or a loop without braces is not either.

// csResponseName reports whether a member chain's last name is an
// ASP.NET HttpResponse by its usual names.
func csResponseName(name string) bool {
	switch name {
	case "Response", "response", "resp", "rsp", "res", "httpResponse", "HttpResponse":
		return true
	}
	return false
}

// csBodyWrites are the HttpResponse methods (and those of its Body and
// BodyWriter) that start the response with a body; StartAsync starts it
// without one.
var csBodyWrites = map[string]bool{
	"WriteAsync": true, "WriteAsJsonAsync": true, "SendFileAsync": true, "Write": true,
	"FlushAsync": true, "CompleteAsync": true, "StartAsync": true,
}

// csHeaderNames spells ASP.NET's typed header properties and HeaderNames
// constants (Headers.WWWAuthenticate, HeaderNames.Location) as header
// names; others are split at their capitals (ContentType → Content-Type).
var csHeaderNames = map[string]string{
	"WWWAuthenticate": "WWW-Authenticate", "ProxyAuthenticate": "Proxy-Authenticate",
	"ETag": "ETag", "XFrameOptions": "X-Frame-Options",
}

func csHeaderName(member string) string {
	if h, ok := csHeaderNames[member]; ok {
		return h
	}
	var b strings.Builder
	for i := 0; i < len(member); i++ {
		c := member[i]
		if i > 0 && c >= 'A' && c <= 'Z' {
			b.WriteByte('-')
		}
		b.WriteByte(c)
	}
	return b.String()
}

// csFrame is one brace block being walked.
type csFrame struct {
	// all holds every event on the paths to here (status assignments
	// too); started only those that started the response.
	all, started state
	id           int
	function     bool
	// In a function's frame: its status steps, finished when it closes,
	// and the headers it sets anywhere ("" for any header: a challenge, or
	// the response or its context handed on).
	pending []int
	headers []string
}

// csFlow returns the flow steps of a C# file.
func csFlow(s *scan) []flowStep {
	if !containsAny(s.src, "StatusCode", "Write", "Header", "statusCode:") {
		return nil
	}
	var steps []flowStep
	stack := []csFrame{{function: true}}
	// argsEnd ends the arguments of the latest body write: a call there
	// that takes the response computes an argument (a cancellation token
	// from cancellation.IfDefault(rsp)) rather than setting headers.
	argsEnd := -1
	fn := func() *csFrame {
		for k := len(stack) - 1; k > 0; k-- {
			if stack[k].function {
				return &stack[k]
			}
		}
		return &stack[0]
	}
	finish := func(f *csFrame) {
		// The function's headers, as a state per writer, built once: a
		// function of many statuses and headers stays linear.
		byWriter := map[string]state{}
		for _, k := range f.pending {
			w := steps[k].ev.writer
			hdr, ok := byWriter[w]
			if !ok {
				for _, h := range f.headers {
					hdr = push(hdr, event{kind: headerSet, writer: w, header: h})
				}
				byWriter[w] = hdr
			}
			steps[k].before = union(hdr, steps[k].before)
		}
		f.pending = nil
	}
	for i := 0; i < len(s.toks); i++ {
		t := s.toks[i]
		if t.kind == tPunct && t.end-t.start == 1 {
			switch s.src[t.start] {
			case '{':
				top := stack[len(stack)-1]
				f := csFrame{id: int(t.start) + 1, function: csOpensFunction(s, i)}
				if !f.function {
					f.all, f.started = top.all, top.started
				}
				stack = append(stack, f)
			case '}':
				if len(stack) > 1 {
					if stack[len(stack)-1].function {
						finish(&stack[len(stack)-1])
					}
					stack = stack[:len(stack)-1]
				}
			case '(':
				// A response or its context handed to other code (await
				// next(context), SetHeaders(Response)) may get headers there.
				if i > argsEnd && s.tok(i-1).kind == tIdent && csHandsOn(s, i) {
					f := fn()
					f.headers = append(f.headers, "")
				}
			}
			continue
		}
		if t.kind == tString {
			// A header named in a string anywhere in a function counts as
			// set there: it is how most code sets one.
			if h := stringContent(t.text(s.src)); csRequiredHeader(h) {
				f := fn()
				f.headers = append(f.headers, h)
			}
			continue
		}
		if t.kind != tIdent {
			continue
		}
		top := &stack[len(stack)-1]
		switch name := s.text(i); name {
		case "Challenge", "ChallengeAsync":
			// ASP.NET's challenge asks the scheme's handler, which sets
			// WWW-Authenticate.
			f := fn()
			f.headers = append(f.headers, "")
		case "WWWAuthenticate", "ProxyAuthenticate", "Location", "Allow", "Upgrade":
			f := fn()
			f.headers = append(f.headers, csHeaderName(name))
		case "StatusCode":
			w, root, ok := csWriter(s, i)
			if !ok || !s.is(i+1, "=") || s.is(i+2, "=") {
				continue
			}
			end := jcValueEnd(s, i+2)
			if end <= i+2 || end > len(s.toks) {
				continue
			}
			code := csCode(s, i+2)
			ev := event{kind: statusWrite, writer: w, code: code, start: int(s.toks[root].start), end: int(s.tok(end - 1).end)}
			ev.api = w + ".StatusCode = " + s.spanText(i+2, end)
			if len(ev.api) > 60 || containsNewline(ev.api) {
				ev.api = w + ".StatusCode = …"
			}
			steps = append(steps, flowStep{ev: ev, before: top.started})
			f := fn()
			f.pending = append(f.pending, len(steps)-1)
			if !csGuarded(s, root) {
				top.all = push(top.all, ev)
			}
		case "Headers", "Cookies", "ContentType", "ContentLength", "Redirect":
			w, root, ok := csWriter(s, i)
			if !ok {
				continue
			}
			ev, ok := csHeaderEvent(s, i, w, root)
			if !ok {
				continue
			}
			if name == "Redirect" {
				fn().headers = append(fn().headers, "Location")
			}
			steps = append(steps, flowStep{ev: ev, before: top.started})
			top.all = push(top.all, ev)
			top.started = push(top.started, ev)
		case "Body", "BodyWriter":
			// Response.Body.WriteAsync(…): the body of the response.
			if s.is(i+1, ".") && csBodyWrites[s.text(i+2)] && s.is(i+3, "(") {
				if w, root, ok := csWriter(s, i); ok {
					csBodyWrite(s, &steps, top, i+2, w, root)
					argsEnd = s.closing(i + 3)
				}
			}
		case "Results", "TypedResults":
			if ev, ok := csResultBody(s, i); ok {
				steps = append(steps, flowStep{ev: ev})
			}
		default:
			if csBodyWrites[name] && s.is(i+1, "(") {
				if w, root, ok := csWriter(s, i); ok {
					csBodyWrite(s, &steps, top, i, w, root)
					argsEnd = s.closing(i + 1)
				}
			}
		}
	}
	for k := len(stack) - 1; k >= 0; k-- {
		if stack[k].function {
			finish(&stack[k])
		}
	}
	return steps
}

// csBodyWrite records the body write whose method is token m on writer w.
func csBodyWrite(s *scan, steps *[]flowStep, top *csFrame, m int, w string, root int) {
	_, close := s.args(m + 1)
	ev := event{kind: bodyWrite, writer: w, start: int(s.toks[root].start), end: int(s.tok(close).end)}
	if s.is(m, "StartAsync") {
		// It starts the response without a body: a write, not a body.
		ev.kind = statusWrite
	}
	ev.api = s.callText(root, close)
	if ev.kind == bodyWrite {
		*steps = append(*steps, flowStep{ev: ev, before: top.all})
	}
	if !csGuarded(s, root) {
		top.all = push(top.all, ev)
		top.started = push(top.started, ev)
	}
}

// csWriter reads the response a member at token i belongs to:
// context.Response.StatusCode, rsp.Headers, HttpContext.Response.Body.
// It returns the response's last name (the writer), the chain's first
// token, and whether the chain is a response's.
func csWriter(s *scan, i int) (string, int, bool) {
	if !s.is(i-1, ".") || s.tok(i-2).kind != tIdent || !csResponseName(s.text(i-2)) {
		return "", 0, false
	}
	root := i - 2
	for n := 0; n < 6 && s.is(root-1, ".") && s.tok(root-2).kind == tIdent; n++ {
		root -= 2
	}
	return s.text(i - 2), root, true
}

// csCode returns the code of the status value at token k: a number or a
// constant, behind any cast; 0 when it is neither.
func csCode(s *scan, k int) int {
	k = jcSkipCast(s, k)
	if n, ok := s.intAt(k); ok {
		return n
	}
	if name, _, ok := s.constantAt(k); ok {
		return name.code
	}
	return 0
}

// csHeaderEvent reads a header set on a response from the member at
// token i (Headers, Cookies, ContentType, ContentLength, Redirect):
// Headers["X"] = v, Headers.X = v, Headers.Append("X", v), Headers.Add,
// Cookies.Append(…), ContentType = v, Redirect(url).
func csHeaderEvent(s *scan, i int, w string, root int) (event, bool) {
	ev := event{kind: headerSet, writer: w, direct: true, start: int(s.toks[root].start)}
	last := i
	switch s.text(i) {
	case "ContentType", "ContentLength":
		if !s.is(i+1, "=") || s.is(i+2, "=") {
			return event{}, false
		}
		ev.header = csHeaderName(s.text(i))
		last = jcValueEnd(s, i+2) - 1
	case "Redirect":
		if !s.is(i+1, "(") {
			return event{}, false
		}
		ev.header = "Location"
		_, last = s.args(i + 1)
	case "Cookies":
		if !s.is(i+1, ".") || !s.is(i+3, "(") || s.text(i+2) != "Append" && s.text(i+2) != "Delete" {
			return event{}, false
		}
		ev.header = "Set-Cookie"
		_, last = s.args(i + 3)
	case "Headers":
		switch {
		case s.is(i+1, "[") && s.is(s.closing(i+1)+1, "="):
			c := s.closing(i + 1)
			if s.is(c+2, "=") {
				return event{}, false
			}
			ev.header = csHeaderArg(s, i+2)
			last = jcValueEnd(s, c+2) - 1
		case s.is(i+1, ".") && s.tok(i+2).kind == tIdent && s.is(i+3, "="):
			if s.is(i+4, "=") {
				return event{}, false
			}
			ev.header = csHeaderName(s.text(i + 2))
			last = jcValueEnd(s, i+4) - 1
		case s.is(i+1, ".") && s.is(i+3, "("):
			switch s.text(i + 2) {
			case "Append", "Add", "TryAdd", "Remove", "AppendCommaSeparatedValues", "AppendList":
			default:
				return event{}, false
			}
			args, close := s.args(i + 3)
			if len(args) > 0 {
				ev.header = csHeaderArg(s, args[0].from)
			}
			ev.deletes = s.is(i+2, "Remove")
			last = close
		default:
			return event{}, false
		}
	}
	if last >= len(s.toks) {
		return event{}, false
	}
	ev.end = int(s.toks[last].end)
	ev.api = s.callText(root, last)
	return ev, true
}

// csHeaderArg reads a header name at token k: "X-Name" or
// HeaderNames.XName; "" when it is neither.
func csHeaderArg(s *scan, k int) string {
	if s.tok(k).kind == tString {
		return stringContent(s.tok(k).text(s.src))
	}
	if s.is(k, "HeaderNames") && s.is(k+1, ".") && s.tok(k+2).kind == tIdent {
		return csHeaderName(s.text(k + 2))
	}
	return ""
}

// csRequiredHeader reports whether h is a header some code requires.
func csRequiredHeader(h string) bool {
	switch strings.ToLower(h) {
	case "www-authenticate", "proxy-authenticate", "location", "allow", "upgrade":
		return true
	}
	return false
}

// csResultBody reads Results.Json(x, statusCode: 204) and its kin, which
// write a body with their status: a body step that carries the status.
func csResultBody(s *scan, i int) (event, bool) {
	if !s.is(i+1, ".") || !s.is(i+3, "(") {
		return event{}, false
	}
	switch s.text(i + 2) {
	case "Json", "Content", "Text", "Bytes", "Stream", "File":
	default:
		return event{}, false
	}
	args, close := s.args(i + 3)
	if len(args) < 2 || s.is(args[0].from+1, ":") {
		return event{}, false
	}
	v, ok := s.keyword(args, "statusCode", ":")
	if !ok {
		return event{}, false
	}
	code := csCode(s, v.from)
	if code == 0 || close >= len(s.toks) {
		return event{}, false
	}
	ev := event{kind: bodyWrite, withStatus: true, writer: s.text(i), code: code,
		start: int(s.toks[i].start), end: int(s.toks[close].end)}
	if csEmptyBody(s, args[0]) {
		// Results.Text("", statusCode: 204): no body, only the status.
		ev.kind, ev.withStatus = statusWrite, false
	}
	ev.api = s.callText(i, close)
	return ev, true
}

// csHandsOn reports whether the call whose ( is token open passes a
// response or an HTTP context as a whole argument: next(context),
// WriteError(Response).
func csHandsOn(s *scan, open int) bool {
	switch s.text(open - 1) {
	case "if", "while", "for", "foreach", "switch", "catch", "using", "lock", "nameof", "typeof":
		return false
	}
	args, _ := s.args(open)
	for _, a := range args {
		last := a.to - 1
		if s.tok(last).kind != tIdent {
			continue
		}
		name := s.text(last)
		if csResponseName(name) || strings.HasSuffix(strings.ToLower(name), "context") || name == "ctx" {
			return true
		}
	}
	return false
}

// csGuarded reports whether the statement holding the chain that starts
// at root runs only under a condition or a loop without braces:
// if (x) Response.StatusCode = 204; — or its start cannot be told.
func csGuarded(s *scan, root int) bool {
	k := root - 1
	if s.is(k, "await") {
		k--
	}
	switch {
	case s.is(k, "else") || s.is(k, "do"):
		return true
	case s.is(k, ")"):
		// if (…), while (…), a cast or a call: not a statement start.
		return true
	case s.is(k, ";") || s.is(k, "{") || s.is(k, "}") || k < 0:
		return false
	}
	// Inside an expression (x ? … : …, a lambda's body, an argument): not
	// certain to run.
	return true
}

// csOpensFunction reports whether the brace at i opens a method's or a
// lambda's body, not a using, lock, foreach or fixed block.
func csOpensFunction(s *scan, i int) bool {
	if s.is(i-1, "=>") {
		return true
	}
	if !s.opensFunction(i) {
		return false
	}
	if s.is(i-1, ")") {
		if open := s.openingParen(i - 1); open > 0 {
			switch s.text(open - 1) {
			case "using", "lock", "foreach", "fixed", "when":
				return false
			}
		}
	}
	return true
}

// csEmptyBodies are the values, as their tokens spell them, that are no
// body.
var csEmptyBodies = map[string]bool{
	"null": true, "string.Empty": true, "String.Empty": true, "Array.Empty<byte>()": true,
	"newbyte[0]": true, "newbyte[]{}": true,
}

// csEmptyBody reports whether the value sp is no body: null, "",
// string.Empty or an empty byte array.
func csEmptyBody(s *scan, sp span) bool {
	n := sp.to - sp.from
	if n == 1 && s.tok(sp.from).kind == tString {
		return stringContent(s.tok(sp.from).text(s.src)) == ""
	}
	if n < 1 || n > 8 {
		return false
	}
	var b strings.Builder
	for k := sp.from; k < sp.to; k++ {
		b.Write(s.tok(k).text(s.src))
	}
	return csEmptyBodies[b.String()]
}
