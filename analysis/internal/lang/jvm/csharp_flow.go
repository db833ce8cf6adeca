package jvm

import (
	"strings"

	"github.com/httpcodes/httpcodes/analysis/internal/facts"
	"github.com/httpcodes/httpcodes/analysis/internal/lex"
)

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
	all, started facts.State
	id           int
	function     bool
	// In a function's frame: its status steps, finished when it closes,
	// and the headers it sets anywhere ("" for any header: a challenge, or
	// the response or its context handed on).
	pending []int
	headers []string
}

// csFlow returns the flow steps of a C# file.
func csFlow(s *lex.Scan) []facts.FlowStep {
	if !facts.ContainsAny(s.Src, "StatusCode", "Write", "Header", "statusCode:") {
		return nil
	}
	var steps []facts.FlowStep
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
		byWriter := map[string]facts.State{}
		for _, k := range f.pending {
			w := steps[k].Ev.Writer
			hdr, ok := byWriter[w]
			if !ok {
				for _, h := range f.headers {
					hdr = facts.Push(hdr, facts.Event{Kind: facts.HeaderSet, Writer: w, Header: h})
				}
				byWriter[w] = hdr
			}
			steps[k].Before = facts.Union(hdr, steps[k].Before)
		}
		f.pending = nil
	}
	for i := 0; i < len(s.Toks); i++ {
		t := s.Toks[i]
		if t.Kind == lex.TPunct && t.End-t.Start == 1 {
			switch s.Src[t.Start] {
			case '{':
				top := stack[len(stack)-1]
				f := csFrame{id: int(t.Start) + 1, function: csOpensFunction(s, i)}
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
				if i > argsEnd && s.Tok(i-1).Kind == lex.TIdent && csHandsOn(s, i) {
					f := fn()
					f.headers = append(f.headers, "")
				}
			}
			continue
		}
		if t.Kind == lex.TString {
			// A header named in a string anywhere in a function counts as
			// set there: it is how most code sets one.
			if h := lex.StringContent(t.Text(s.Src)); facts.CsRequiredHeader(h) {
				f := fn()
				f.headers = append(f.headers, h)
			}
			continue
		}
		if t.Kind != lex.TIdent {
			continue
		}
		top := &stack[len(stack)-1]
		switch name := s.Text(i); name {
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
			if !ok || !s.Is(i+1, "=") || s.Is(i+2, "=") {
				continue
			}
			end := jcValueEnd(s, i+2)
			if end <= i+2 || end > len(s.Toks) {
				continue
			}
			code := csCode(s, i+2)
			ev := facts.Event{Kind: facts.StatusWrite, Writer: w, Code: code, Start: int(s.Toks[root].Start), End: int(s.Tok(end - 1).End)}
			ev.Api = w + ".StatusCode = " + s.SpanText(i+2, end)
			if len(ev.Api) > 60 || lex.ContainsNewline(ev.Api) {
				ev.Api = w + ".StatusCode = …"
			}
			steps = append(steps, facts.FlowStep{Ev: ev, Before: top.started})
			f := fn()
			f.pending = append(f.pending, len(steps)-1)
			if !csGuarded(s, root) {
				top.all = facts.Push(top.all, ev)
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
			steps = append(steps, facts.FlowStep{Ev: ev, Before: top.started})
			top.all = facts.Push(top.all, ev)
			top.started = facts.Push(top.started, ev)
		case "Body", "BodyWriter":
			// Response.Body.WriteAsync(…): the body of the response.
			if s.Is(i+1, ".") && csBodyWrites[s.Text(i+2)] && s.Is(i+3, "(") {
				if w, root, ok := csWriter(s, i); ok {
					csBodyWrite(s, &steps, top, i+2, w, root)
					argsEnd = s.Closing(i + 3)
				}
			}
		case "Results", "TypedResults":
			if ev, ok := csResultBody(s, i); ok {
				steps = append(steps, facts.FlowStep{Ev: ev})
			}
		default:
			if csBodyWrites[name] && s.Is(i+1, "(") {
				if w, root, ok := csWriter(s, i); ok {
					csBodyWrite(s, &steps, top, i, w, root)
					argsEnd = s.Closing(i + 1)
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
func csBodyWrite(s *lex.Scan, steps *[]facts.FlowStep, top *csFrame, m int, w string, root int) {
	_, close := s.Args(m + 1)
	ev := facts.Event{Kind: facts.BodyWrite, Writer: w, Start: int(s.Toks[root].Start), End: int(s.Tok(close).End)}
	if s.Is(m, "StartAsync") {
		// It starts the response without a body: a write, not a body.
		ev.Kind = facts.StatusWrite
	}
	ev.Api = s.CallText(root, close)
	if ev.Kind == facts.BodyWrite {
		*steps = append(*steps, facts.FlowStep{Ev: ev, Before: top.all})
	}
	if !csGuarded(s, root) {
		top.all = facts.Push(top.all, ev)
		top.started = facts.Push(top.started, ev)
	}
}

// csWriter reads the response a member at token i belongs to:
// context.Response.StatusCode, rsp.Headers, HttpContext.Response.Body.
// It returns the response's last name (the writer), the chain's first
// token, and whether the chain is a response's.
func csWriter(s *lex.Scan, i int) (string, int, bool) {
	if !s.Is(i-1, ".") || s.Tok(i-2).Kind != lex.TIdent || !csResponseName(s.Text(i-2)) {
		return "", 0, false
	}
	root := i - 2
	for n := 0; n < 6 && s.Is(root-1, ".") && s.Tok(root-2).Kind == lex.TIdent; n++ {
		root -= 2
	}
	return s.Text(i - 2), root, true
}

// csCode returns the code of the status value at token k: a number or a
// constant, behind any cast; 0 when it is neither.
func csCode(s *lex.Scan, k int) int {
	k = jcSkipCast(s, k)
	if n, ok := s.IntAt(k); ok {
		return n
	}
	if name, _, ok := s.ConstantAt(k); ok {
		return name.Code
	}
	return 0
}

// csHeaderEvent reads a header set on a response from the member at
// token i (Headers, Cookies, ContentType, ContentLength, Redirect):
// Headers["X"] = v, Headers.X = v, Headers.Append("X", v), Headers.Add,
// Cookies.Append(…), ContentType = v, Redirect(url).
func csHeaderEvent(s *lex.Scan, i int, w string, root int) (facts.Event, bool) {
	ev := facts.Event{Kind: facts.HeaderSet, Writer: w, Direct: true, Start: int(s.Toks[root].Start)}
	last := i
	switch s.Text(i) {
	case "ContentType", "ContentLength":
		if !s.Is(i+1, "=") || s.Is(i+2, "=") {
			return facts.Event{}, false
		}
		ev.Header = csHeaderName(s.Text(i))
		last = jcValueEnd(s, i+2) - 1
	case "Redirect":
		if !s.Is(i+1, "(") {
			return facts.Event{}, false
		}
		ev.Header = "Location"
		_, last = s.Args(i + 1)
	case "Cookies":
		if !s.Is(i+1, ".") || !s.Is(i+3, "(") || s.Text(i+2) != "Append" && s.Text(i+2) != "Delete" {
			return facts.Event{}, false
		}
		ev.Header = "Set-Cookie"
		_, last = s.Args(i + 3)
	case "Headers":
		switch {
		case s.Is(i+1, "[") && s.Is(s.Closing(i+1)+1, "="):
			c := s.Closing(i + 1)
			if s.Is(c+2, "=") {
				return facts.Event{}, false
			}
			ev.Header = csHeaderArg(s, i+2)
			last = jcValueEnd(s, c+2) - 1
		case s.Is(i+1, ".") && s.Tok(i+2).Kind == lex.TIdent && s.Is(i+3, "="):
			if s.Is(i+4, "=") {
				return facts.Event{}, false
			}
			ev.Header = csHeaderName(s.Text(i + 2))
			last = jcValueEnd(s, i+4) - 1
		case s.Is(i+1, ".") && s.Is(i+3, "("):
			switch s.Text(i + 2) {
			case "Append", "Add", "TryAdd", "Remove", "AppendCommaSeparatedValues", "AppendList":
			default:
				return facts.Event{}, false
			}
			args, close := s.Args(i + 3)
			if len(args) > 0 {
				ev.Header = csHeaderArg(s, args[0].From)
			}
			ev.Deletes = s.Is(i+2, "Remove")
			last = close
		default:
			return facts.Event{}, false
		}
	}
	if last >= len(s.Toks) {
		return facts.Event{}, false
	}
	ev.End = int(s.Toks[last].End)
	ev.Api = s.CallText(root, last)
	return ev, true
}

// csHeaderArg reads a header name at token k: "X-Name" or
// HeaderNames.XName; "" when it is neither.
func csHeaderArg(s *lex.Scan, k int) string {
	if s.Tok(k).Kind == lex.TString {
		return lex.StringContent(s.Tok(k).Text(s.Src))
	}
	if s.Is(k, "HeaderNames") && s.Is(k+1, ".") && s.Tok(k+2).Kind == lex.TIdent {
		return csHeaderName(s.Text(k + 2))
	}
	return ""
}

// csResultBody reads Results.Json(x, statusCode: 204) and its kin, which
// write a body with their status: a body step that carries the status.
func csResultBody(s *lex.Scan, i int) (facts.Event, bool) {
	if !s.Is(i+1, ".") || !s.Is(i+3, "(") {
		return facts.Event{}, false
	}
	switch s.Text(i + 2) {
	case "Json", "Content", "Text", "Bytes", "Stream", "File":
	default:
		return facts.Event{}, false
	}
	args, close := s.Args(i + 3)
	if len(args) < 2 || s.Is(args[0].From+1, ":") {
		return facts.Event{}, false
	}
	v, ok := s.Keyword(args, "statusCode", ":")
	if !ok {
		return facts.Event{}, false
	}
	code := csCode(s, v.From)
	if code == 0 || close >= len(s.Toks) {
		return facts.Event{}, false
	}
	ev := facts.Event{Kind: facts.BodyWrite, WithStatus: true, Writer: s.Text(i), Code: code,
		Start: int(s.Toks[i].Start), End: int(s.Toks[close].End)}
	if csEmptyBody(s, args[0]) {
		// Results.Text("", statusCode: 204): no body, only the status.
		ev.Kind, ev.WithStatus = facts.StatusWrite, false
	}
	ev.Api = s.CallText(i, close)
	return ev, true
}

// csHandsOn reports whether the call whose ( is token open passes a
// response or an HTTP context as a whole argument: next(context),
// WriteError(Response).
func csHandsOn(s *lex.Scan, open int) bool {
	switch s.Text(open - 1) {
	case "if", "while", "for", "foreach", "switch", "catch", "using", "lock", "nameof", "typeof":
		return false
	}
	args, _ := s.Args(open)
	for _, a := range args {
		last := a.To - 1
		if s.Tok(last).Kind != lex.TIdent {
			continue
		}
		name := s.Text(last)
		if csResponseName(name) || strings.HasSuffix(strings.ToLower(name), "context") || name == "ctx" {
			return true
		}
	}
	return false
}

// csGuarded reports whether the statement holding the chain that starts
// at root runs only under a condition or a loop without braces:
// if (x) Response.StatusCode = 204; — or its start cannot be told.
func csGuarded(s *lex.Scan, root int) bool {
	k := root - 1
	if s.Is(k, "await") {
		k--
	}
	switch {
	case s.Is(k, "else") || s.Is(k, "do"):
		return true
	case s.Is(k, ")"):
		// if (…), while (…), a cast or a call: not a statement start.
		return true
	case s.Is(k, ";") || s.Is(k, "{") || s.Is(k, "}") || k < 0:
		return false
	}
	// Inside an expression (x ? … : …, a lambda's body, an argument): not
	// certain to run.
	return true
}

// csOpensFunction reports whether the brace at i opens a method's or a
// lambda's body, not a using, lock, foreach or fixed block.
func csOpensFunction(s *lex.Scan, i int) bool {
	if s.Is(i-1, "=>") {
		return true
	}
	if !s.OpensFunction(i) {
		return false
	}
	if s.Is(i-1, ")") {
		if open := s.OpeningParen(i - 1); open > 0 {
			switch s.Text(open - 1) {
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
func csEmptyBody(s *lex.Scan, sp lex.Span) bool {
	n := sp.To - sp.From
	if n == 1 && s.Tok(sp.From).Kind == lex.TString {
		return lex.StringContent(s.Tok(sp.From).Text(s.Src)) == ""
	}
	if n < 1 || n > 8 {
		return false
	}
	var b strings.Builder
	for k := sp.From; k < sp.To; k++ {
		b.Write(s.Tok(k).Text(s.Src))
	}
	return csEmptyBodies[b.String()]
}
