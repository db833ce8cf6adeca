package analysis

import (
	"strconv"
	"strings"
)

// Rust's HTTP frameworks build a response whole, in one expression: http's
// Response::builder().status(…).header(…).body(…), actix-web's
// HttpResponse::NoContent().json(…), axum's (StatusCode, parts…, body)
// tuples. Such a builder cannot send twice or set a header late, so only
// two flow rules have anything to judge: bodiless-status (a body given to
// a 204 or 304 response, which hyper and actix drop) and missing-header
// (a 401 without WWW-Authenticate, a 101 without Upgrade). rustFlow gives
// each built response a step of its own, whose state holds the headers its
// expression sets.
//
// A response may get headers after it is built (res.headers_mut()), or
// from a layer the file does not show; a file that names the required
// header anywhere, or touches headers_mut, is taken to set it.

// rustFlow returns the flow steps of a Rust file.
func (r *rustScan) rustFlow() []flowStep {
	if !containsAny(r.src, "builder", "HttpResponse", "StatusCode::") {
		return nil
	}
	var steps []flowStep
	var named state // the headers the file names anywhere
	for i, t := range r.toks {
		switch t.kind {
		case tString:
			if h := stringContent(t.text(r.src)); csRequiredHeader(h) {
				named = push(named, event{kind: headerSet, header: h})
			}
			continue
		case tIdent:
		default:
			if r.is(i, "(") && r.tok(i+1).kind == tIdent && r.is(i+2, "::") {
				if s, ok := r.tupleResponse(i); ok {
					steps = append(steps, s)
				}
			}
			continue
		}
		switch name := r.text(i); name {
		case "headers_mut":
			named = push(named, event{kind: headerSet})
		case "WWW_AUTHENTICATE", "PROXY_AUTHENTICATE", "LOCATION", "ALLOW", "UPGRADE":
			named = push(named, event{kind: headerSet, header: rustHeaderName(name)})
		case "builder":
			if r.is(i-1, "::") && r.is(i-2, "Response") && r.is(i+1, "(") && r.is(i+2, ")") {
				if s, ok := r.builtResponse(r.pathStart(i-2), i+3, 0, "Response::builder()"); ok {
					steps = append(steps, s)
				}
			}
		case "HttpResponse":
			if !r.is(i+1, "::") || r.tok(i+2).kind != tIdent || !r.is(i+3, "(") {
				continue
			}
			args, close := r.args(i + 3)
			member := r.text(i + 2)
			code := 0
			switch {
			case member == "build" && len(args) == 1:
				code = r.codeOf(args[0])
			case len(args) == 0:
				code = actixBuilders()[member]
			}
			if code == 0 {
				continue
			}
			if s, ok := r.builtResponse(i, close+1, code, "HttpResponse::"+member+"()"); ok {
				steps = append(steps, s)
			}
		}
	}
	// What the file names anywhere counts for every response in it.
	for k := range steps {
		steps[k].before = union(steps[k].before, rustRewriter(named, steps[k].ev.writer))
	}
	return steps
}

// rustRewriter returns the header sets of st (which carry no writer) as
// sets on writer w.
func rustRewriter(st state, w string) state {
	var out state
	for _, h := range []string{"", "WWW-Authenticate", "Proxy-Authenticate", "Location", "Allow", "Upgrade"} {
		if st.has(keyHeader, "", foldName(h)) {
			out = push(out, event{kind: headerSet, writer: w, header: h})
		}
	}
	return out
}

// rustHeaderName spells the http crate's header constant as a name:
// WWW_AUTHENTICATE is WWW-Authenticate for the rules, which fold case.
func rustHeaderName(constant string) string {
	return strings.ReplaceAll(constant, "_", "-")
}

// codeOf returns the code of a status expression: a number or a
// StatusCode constant; 0 when it is neither.
func (r *rustScan) codeOf(sp span) int {
	if sp.to-sp.from == 1 {
		if n, ok := r.intAt(sp.from); ok {
			return n
		}
	}
	if name, end, ok := r.constantAt(sp.from); ok && end == sp.to {
		return name.code
	}
	return 0
}

// headerOf reads the header a name expression names: a string, or a
// constant path ending in WWW_AUTHENTICATE; "" when not known.
func (r *rustScan) headerOf(sp span) string {
	if sp.to <= sp.from {
		return ""
	}
	if t := r.tok(sp.from); t.kind == tString && sp.to == sp.from+1 {
		return stringContent(t.text(r.src))
	}
	last := sp.to - 1
	if r.tok(last).kind == tIdent && strings.ToUpper(r.text(last)) == r.text(last) {
		return rustHeaderName(r.text(last))
	}
	return ""
}

// bodyOf reports whether a body expression certainly sends content: a
// non-empty string, Json(…), Html(…), format!(…). (), "", Body::empty()
// and anything unknown do not count.
func (r *rustScan) bodyOf(sp span) bool {
	if sp.to <= sp.from {
		return false
	}
	t := r.tok(sp.from)
	switch {
	case t.kind == tString:
		return len(stringContent(t.text(r.src))) > 0
	case r.is(sp.from, "Json") || r.is(sp.from, "Html"):
		return r.is(sp.from+1, "(")
	case r.is(sp.from, "format"):
		return r.is(sp.from+1, "!")
	}
	return false
}

// builtResponse reads the chain of a response builder from token k: its
// status (.status(…), or code when the builder was named by it), its
// headers (.header, .insert_header, .append_header) and how it ends
// (.body(…), .json(…), .finish()). Without an ending the response may
// get more elsewhere: no step.
func (r *rustScan) builtResponse(from, k, code int, api string) (flowStep, bool) {
	w := "response@" + strconv.Itoa(int(r.toks[from].start))
	var before state
	ended, body := false, false
	end := k
	for j, n := k, 0; n < maxChain && !ended; n++ {
		if !r.is(j, ".") || r.tok(j+1).kind != tIdent || !r.is(j+2, "(") {
			break
		}
		args, close := r.args(j + 2)
		switch r.text(j + 1) {
		case "status":
			if len(args) == 1 {
				code = r.codeOf(args[0])
			}
		case "header", "insert_header", "append_header":
			var h string
			switch {
			case len(args) == 2:
				h = r.headerOf(args[0])
			case len(args) == 1 && r.is(args[0].from, "("):
				// actix's (name, value) tuple
				if parts, _ := r.args(args[0].from); len(parts) == 2 {
					h = r.headerOf(parts[0])
				}
			}
			before = push(before, event{kind: headerSet, writer: w, header: h})
		case "body", "json", "streaming":
			ended = true
			body = len(args) == 1 && (r.text(j+1) != "body" || r.bodyOf(args[0]))
		case "finish":
			ended = true
		}
		end = close
		j = close + 1
	}
	if !ended || code == 0 || end >= len(r.toks) {
		return flowStep{}, false
	}
	ev := event{kind: statusWrite, writer: w, code: code, start: int(r.toks[from].start), end: int(r.toks[end].end)}
	if body {
		ev.kind, ev.withStatus = bodyWrite, true
	}
	ev.api = r.callText(from, end)
	if len(ev.api) > 50 || strings.Contains(ev.api, "…") {
		ev.api = api + "…"
	}
	return flowStep{ev: ev, before: before}, true
}

// tupleResponse reads an axum response tuple opened at token open:
// (StatusCode::X, parts…, body), where the parts are header arrays
// [(name, value), …] or other header values, and the last element is
// the body.
func (r *rustScan) tupleResponse(open int) (flowStep, bool) {
	if !r.tupleOpen(open) {
		return flowStep{}, false
	}
	args, close := r.args(open)
	if len(args) < 2 || close >= len(r.toks) {
		return flowStep{}, false
	}
	code := r.codeOf(args[0])
	if code == 0 || r.tok(args[0].from).kind == tNumber {
		return flowStep{}, false
	}
	w := "response@" + strconv.Itoa(int(r.toks[open].start))
	var before state
	for _, part := range args[1 : len(args)-1] {
		if !r.is(part.from, "[") {
			before = push(before, event{kind: headerSet, writer: w})
			continue
		}
		pairs, _ := r.args(part.from)
		for _, p := range pairs {
			h := ""
			if r.is(p.from, "(") {
				if kv, _ := r.args(p.from); len(kv) == 2 {
					h = r.headerOf(kv[0])
				}
			}
			before = push(before, event{kind: headerSet, writer: w, header: h})
		}
	}
	ev := event{kind: statusWrite, writer: w, code: code, start: int(r.toks[open].start), end: int(r.toks[close].end)}
	last := args[len(args)-1]
	if r.is(last.from, "[") && len(args) == 2 {
		// (StatusCode::X, [headers]): the array is the headers, no body.
		pairs, _ := r.args(last.from)
		for _, p := range pairs {
			if r.is(p.from, "(") {
				if kv, _ := r.args(p.from); len(kv) == 2 {
					before = push(before, event{kind: headerSet, writer: w, header: r.headerOf(kv[0])})
				}
			}
		}
	}
	if r.bodyOf(last) {
		ev.kind, ev.withStatus = bodyWrite, true
	}
	ev.api = r.callText(open, close)
	return flowStep{ev: ev, before: before}, true
}
