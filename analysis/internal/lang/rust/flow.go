package rust

import (
	"strconv"
	"strings"

	"github.com/httpcodes/httpcodes/analysis/internal/facts"
	"github.com/httpcodes/httpcodes/analysis/internal/lex"
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
func (r *RustScan) rustFlow() []facts.FlowStep {
	if !facts.ContainsAny(r.Src, "builder", "HttpResponse", "StatusCode::") {
		return nil
	}
	var steps []facts.FlowStep
	var named facts.State // the headers the file names anywhere
	for i, t := range r.Toks {
		switch t.Kind {
		case lex.TString:
			if h := lex.StringContent(t.Text(r.Src)); facts.CsRequiredHeader(h) {
				named = facts.Push(named, facts.Event{Kind: facts.HeaderSet, Header: h})
			}
			continue
		case lex.TIdent:
		default:
			if r.Is(i, "(") && r.Tok(i+1).Kind == lex.TIdent && r.Is(i+2, "::") {
				if s, ok := r.tupleResponse(i); ok {
					steps = append(steps, s)
				}
			}
			continue
		}
		switch name := r.Text(i); name {
		case "headers_mut":
			named = facts.Push(named, facts.Event{Kind: facts.HeaderSet})
		case "WWW_AUTHENTICATE", "PROXY_AUTHENTICATE", "LOCATION", "ALLOW", "UPGRADE":
			named = facts.Push(named, facts.Event{Kind: facts.HeaderSet, Header: rustHeaderName(name)})
		case "builder":
			if r.Is(i-1, "::") && r.Is(i-2, "Response") && r.Is(i+1, "(") && r.Is(i+2, ")") {
				if s, ok := r.builtResponse(r.pathStart(i-2), i+3, 0, "Response::builder()"); ok {
					steps = append(steps, s)
				}
			}
		case "HttpResponse":
			if !r.Is(i+1, "::") || r.Tok(i+2).Kind != lex.TIdent || !r.Is(i+3, "(") {
				continue
			}
			args, close := r.Args(i + 3)
			member := r.Text(i + 2)
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
		steps[k].Before = facts.Union(steps[k].Before, rustRewriter(named, steps[k].Ev.Writer))
	}
	return steps
}

// rustRewriter returns the header sets of st (which carry no writer) as
// sets on writer w.
func rustRewriter(st facts.State, w string) facts.State {
	var out facts.State
	for _, h := range []string{"", "WWW-Authenticate", "Proxy-Authenticate", "Location", "Allow", "Upgrade"} {
		if st.Has(facts.KeyHeader, "", facts.FoldName(h)) {
			out = facts.Push(out, facts.Event{Kind: facts.HeaderSet, Writer: w, Header: h})
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
func (r *RustScan) codeOf(sp lex.Span) int {
	if sp.To-sp.From == 1 {
		if n, ok := r.IntAt(sp.From); ok {
			return n
		}
	}
	if name, end, ok := r.ConstantAt(sp.From); ok && end == sp.To {
		return name.Code
	}
	return 0
}

// headerOf reads the header a name expression names: a string, or a
// constant path ending in WWW_AUTHENTICATE; "" when not known.
func (r *RustScan) headerOf(sp lex.Span) string {
	if sp.To <= sp.From {
		return ""
	}
	if t := r.Tok(sp.From); t.Kind == lex.TString && sp.To == sp.From+1 {
		return lex.StringContent(t.Text(r.Src))
	}
	last := sp.To - 1
	if r.Tok(last).Kind == lex.TIdent && strings.ToUpper(r.Text(last)) == r.Text(last) {
		return rustHeaderName(r.Text(last))
	}
	return ""
}

// bodyOf reports whether a body expression certainly sends content: a
// non-empty string, Json(…), Html(…), format!(…). (), "", Body::empty()
// and anything unknown do not count.
func (r *RustScan) bodyOf(sp lex.Span) bool {
	if sp.To <= sp.From {
		return false
	}
	t := r.Tok(sp.From)
	switch {
	case t.Kind == lex.TString:
		return len(lex.StringContent(t.Text(r.Src))) > 0
	case r.Is(sp.From, "Json") || r.Is(sp.From, "Html"):
		return r.Is(sp.From+1, "(")
	case r.Is(sp.From, "format"):
		return r.Is(sp.From+1, "!")
	}
	return false
}

// builtResponse reads the chain of a response builder from token k: its
// status (.status(…), or code when the builder was named by it), its
// headers (.header, .insert_header, .append_header) and how it ends
// (.body(…), .json(…), .finish()). Without an ending the response may
// get more elsewhere: no step.
func (r *RustScan) builtResponse(from, k, code int, api string) (facts.FlowStep, bool) {
	w := "response@" + strconv.Itoa(int(r.Toks[from].Start))
	var before facts.State
	ended, body := false, false
	end := k
	for j, n := k, 0; n < lex.MaxChain && !ended; n++ {
		if !r.Is(j, ".") || r.Tok(j+1).Kind != lex.TIdent || !r.Is(j+2, "(") {
			break
		}
		args, close := r.Args(j + 2)
		switch r.Text(j + 1) {
		case "status":
			if len(args) == 1 {
				code = r.codeOf(args[0])
			}
		case "header", "insert_header", "append_header":
			var h string
			switch {
			case len(args) == 2:
				h = r.headerOf(args[0])
			case len(args) == 1 && r.Is(args[0].From, "("):
				// actix's (name, value) tuple
				if parts, _ := r.Args(args[0].From); len(parts) == 2 {
					h = r.headerOf(parts[0])
				}
			}
			before = facts.Push(before, facts.Event{Kind: facts.HeaderSet, Writer: w, Header: h})
		case "body", "json", "streaming":
			ended = true
			body = len(args) == 1 && (r.Text(j+1) != "body" || r.bodyOf(args[0]))
		case "finish":
			ended = true
		}
		end = close
		j = close + 1
	}
	if !ended || code == 0 || end >= len(r.Toks) {
		return facts.FlowStep{}, false
	}
	ev := facts.Event{Kind: facts.StatusWrite, Writer: w, Code: code, Start: int(r.Toks[from].Start), End: int(r.Toks[end].End)}
	if body {
		ev.Kind, ev.WithStatus = facts.BodyWrite, true
	}
	ev.Api = r.CallText(from, end)
	if len(ev.Api) > 50 || strings.Contains(ev.Api, "…") {
		ev.Api = api + "…"
	}
	return facts.FlowStep{Ev: ev, Before: before}, true
}

// tupleResponse reads an axum response tuple opened at token open:
// (StatusCode::X, parts…, body), where the parts are header arrays
// [(name, value), …] or other header values, and the last element is
// the body.
func (r *RustScan) tupleResponse(open int) (facts.FlowStep, bool) {
	if !r.tupleOpen(open) {
		return facts.FlowStep{}, false
	}
	args, close := r.Args(open)
	if len(args) < 2 || close >= len(r.Toks) {
		return facts.FlowStep{}, false
	}
	code := r.codeOf(args[0])
	if code == 0 || r.Tok(args[0].From).Kind == lex.TNumber {
		return facts.FlowStep{}, false
	}
	w := "response@" + strconv.Itoa(int(r.Toks[open].Start))
	var before facts.State
	for _, part := range args[1 : len(args)-1] {
		if !r.Is(part.From, "[") {
			before = facts.Push(before, facts.Event{Kind: facts.HeaderSet, Writer: w})
			continue
		}
		pairs, _ := r.Args(part.From)
		for _, p := range pairs {
			h := ""
			if r.Is(p.From, "(") {
				if kv, _ := r.Args(p.From); len(kv) == 2 {
					h = r.headerOf(kv[0])
				}
			}
			before = facts.Push(before, facts.Event{Kind: facts.HeaderSet, Writer: w, Header: h})
		}
	}
	ev := facts.Event{Kind: facts.StatusWrite, Writer: w, Code: code, Start: int(r.Toks[open].Start), End: int(r.Toks[close].End)}
	last := args[len(args)-1]
	if r.Is(last.From, "[") && len(args) == 2 {
		// (StatusCode::X, [headers]): the array is the headers, no body.
		pairs, _ := r.Args(last.From)
		for _, p := range pairs {
			if r.Is(p.From, "(") {
				if kv, _ := r.Args(p.From); len(kv) == 2 {
					before = facts.Push(before, facts.Event{Kind: facts.HeaderSet, Writer: w, Header: r.headerOf(kv[0])})
				}
			}
		}
	}
	if r.bodyOf(last) {
		ev.Kind, ev.WithStatus = facts.BodyWrite, true
	}
	ev.Api = r.CallText(open, close)
	return facts.FlowStep{Ev: ev, Before: before}, true
}
