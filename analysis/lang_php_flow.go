package analysis

import (
	"strconv"
	"strings"
)

// PHP keeps one response per request, global to the script: the status
// (http_response_code, header('HTTP/1.1 …'), header's third argument) and
// the headers (header, setcookie) are only recorded, in any order, until
// the output is flushed to the client — flush(), fastcgi_finish_request()
// — which sends the status line and the headers. After that PHP refuses
// both with "headers already sent". Output alone (echo, inline HTML) does
// not commit: the usual php.ini buffers it.
//
// phpFlow turns what the scan met into flow steps on that one response,
// named phpWriter:
//   - a status set is a statusWrite step and a header set a headerSet
//     step; the state of each holds the flushes before it in its block
//     (superfluous-writeheader, late-header) and every header the same
//     function sets, before or after it (missing-header: the order of
//     header() and http_response_code() does not matter in PHP);
//   - a flush is a bodyWrite kept in the state of what follows, not a step.
//
// As in expressFlow, the flow is block-scoped: a flush inside an if, a
// loop or a callback is not certain to have happened after it, and a
// flush in an if without braces is not certain either. A return, exit,
// die, throw, break or continue ends its block's path; a case or default
// label starts a path of its own.
//
// Response objects (Laravel's response()->json($x, 204), new
// JsonResponse($x, 204)) are values, not writes on the global response:
// each is a step on a writer of its own, judged only by bodiless-status.

// phpWriter names the script's one response in flow events.
const phpWriter = "php"

// phpFlowCall is an event the scan met at token tok.
type phpFlowCall struct {
	tok int
	ev  event
}

// phpHeaderWords mark a call, by a fragment of its name, that may set a
// header on the global response out of sight: sendHeaders(),
// $this->redirect(), do_auth_challenge().
var phpHeaderWords = []string{"header", "redirect", "location", "authenticat", "challenge"}

// addFlow records an event of the call whose name is token i.
func (p *phpScan) addFlow(i int, ev event) {
	ev.writer = cmpOr(ev.writer, phpWriter)
	if ev.api == "" {
		_, close := p.args(i + 1)
		ev.api = p.callText(i, close)
	}
	if ev.start == 0 && ev.end == 0 {
		_, close := p.args(i + 1)
		ev.start, ev.end = int(p.toks[i].start), int(p.tok(close).end)
	}
	p.flows = append(p.flows, phpFlowCall{tok: i, ev: ev})
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// headerName returns the field name of header()'s literal argument
// ('Location: /x' → "Location"), "" when the name is not known.
func (p *phpScan) headerName(sp span) string {
	k := p.stringArg(sp)
	if k < 0 && sp.to > sp.from && p.tok(sp.from).kind == tString {
		k = sp.from // "Location: " . $url
	}
	if k < 0 {
		return ""
	}
	text := stringContent(p.tok(k).text(p.src))
	name, _, ok := strings.Cut(text, ":")
	if !ok || name == "" || strings.ContainsAny(name, " \t${") {
		return ""
	}
	return name
}

// sendsBody reports whether a response builder's first argument is
// content: not missing, null, ” or an empty array.
func (p *phpScan) sendsBody(args []span) bool {
	if len(args) == 0 || p.tok(args[0].from).kind == tIdent && p.is(args[0].from+1, ":") {
		return false // no content, or named arguments, which are not read here
	}
	a := args[0]
	switch a.to - a.from {
	case 1:
		return !(p.is(a.from, "null") || p.is(a.from, "NULL") || p.is(a.from, "''") || p.is(a.from, `""`))
	case 2:
		return !(p.is(a.from, "[") && p.is(a.from+1, "]"))
	case 3:
		return !(p.is(a.from, "array") && p.is(a.from+1, "(") && p.is(a.from+2, ")"))
	}
	return true
}

// flowBody records a response object built with content and a status
// (response()->json($x, 204)) as a body written with that status, on a
// writer of its own: only bodiless codes make it a step worth keeping.
func (p *phpScan) flowBody(o *Occurrence, args []span) {
	if o.Code != 204 && o.Code != 205 && o.Code != 304 {
		return
	}
	p.flows = append(p.flows, phpFlowCall{tok: args[0].from, ev: event{
		kind: bodyWrite, withStatus: true, code: o.Code, api: o.Context,
		writer: "response@" + strconv.Itoa(o.Start), start: o.Start, end: o.End,
	}})
}

// hiddenHeader records a call that may set a header out of sight (see
// phpHeaderWords), as a header set of no known name.
func (p *phpScan) hiddenHeader(i int, name []byte) {
	lower := strings.ToLower(string(name))
	for _, w := range phpHeaderWords {
		if strings.Contains(lower, w) {
			p.flows = append(p.flows, phpFlowCall{tok: i, ev: event{kind: headerSet, writer: phpWriter, start: int(p.toks[i].start), end: int(p.toks[i].end)}})
			return
		}
	}
}

// phpBlock is one brace block being walked.
type phpBlock struct {
	st, entry state
	id        int
	// scope is the function body the block is in (its brace's index + 1;
	// 0 for the script's top level).
	scope int
	dead  bool
}

// phpFlow returns the flow steps of the events the scan recorded.
func (p *phpScan) phpFlow() []flowStep {
	if len(p.flows) == 0 {
		return nil
	}
	bodies := p.functionBodies()
	// Pass 1: the headers each function sets anywhere (missing-header).
	headers := map[int]state{}
	p.walkBlocks(bodies, nil, func(k int, b *phpBlock) {
		if ev := p.flows[k].ev; ev.kind == headerSet && ev.writer == phpWriter {
			headers[b.scope] = push(headers[b.scope], ev)
		}
	})
	// Pass 2: the steps. Each function's blocks start from the headers it
	// sets, so a status step sees them all without a merge per step.
	var steps []flowStep
	p.walkBlocks(bodies, headers, func(k int, b *phpBlock) {
		fc := p.flows[k]
		ev := fc.ev
		if ev.writer != phpWriter {
			steps = append(steps, flowStep{ev: ev})
			return
		}
		if b.dead {
			return
		}
		switch ev.kind {
		case statusWrite:
			steps = append(steps, flowStep{ev: ev, before: b.st})
		case headerSet:
			if ev.direct {
				ev.block = b.id
				steps = append(steps, flowStep{ev: ev, before: b.st})
			}
		case bodyWrite:
			if p.ownStatement(fc.tok) {
				ev.block = b.id
				b.st = push(b.st, ev)
			}
		}
	})
	return steps
}

// walkBlocks walks the tokens by blocks and calls visit with each flow
// call's index in p.flows and the block it is in. A function's body starts
// in the state seed holds for it.
func (p *phpScan) walkBlocks(bodies map[int]bool, seed map[int]state, visit func(k int, b *phpBlock)) {
	stack := []phpBlock{{st: seed[0], entry: seed[0]}}
	k := 0
	for i := 0; i < len(p.toks) && k < len(p.flows); i++ {
		top := &stack[len(stack)-1]
		for k < len(p.flows) && p.flows[k].tok == i {
			visit(k, top)
			k++
		}
		t := p.toks[i]
		switch {
		case t.kind == tPunct && p.is(i, "{"):
			b := phpBlock{id: int(t.start) + 1, scope: top.scope}
			if bodies[i] {
				b.scope = i + 1
				b.st = seed[b.scope]
			} else {
				b.st, b.dead = top.st, top.dead
			}
			b.entry = b.st
			stack = append(stack, b)
		case t.kind == tPunct && p.is(i, "}"):
			if len(stack) > 1 {
				stack = stack[:len(stack)-1]
			}
		case t.kind == tIdent && p.statementAt(i):
			switch string(t.text(p.src)) {
			case "return", "exit", "die", "throw", "break", "continue":
				top.dead = true
			case "case", "default":
				top.st, top.dead = top.entry, false
			}
		}
	}
	for ; k < len(p.flows); k++ {
		visit(k, &stack[len(stack)-1])
	}
}

// statementAt reports whether token i starts a statement.
func (p *phpScan) statementAt(i int) bool {
	return i == 0 || p.is(i-1, ";") || p.is(i-1, "{") || p.is(i-1, "}") || p.is(i-1, "?>") || p.is(i-1, ":") && !p.is(i-2, "?")
}

// ownStatement reports whether the call at token i is a statement that
// runs whenever its block does: not the body of an if, else, while or
// for written without braces, nor an alternative-syntax branch (if …:).
func (p *phpScan) ownStatement(i int) bool {
	if p.is(i-1, "\\") {
		i--
	}
	return i == 0 || p.is(i-1, ";") || p.is(i-1, "{") || p.is(i-1, "}") || p.is(i-1, "?>")
}

// functionBodies marks the opening braces of function and method bodies
// and closures: the first { after `function`'s parameters (and a
// closure's use (…) and a return type), unless a ; comes first (an
// abstract or interface method).
func (p *phpScan) functionBodies() map[int]bool {
	bodies := map[int]bool{}
	for i, t := range p.toks {
		if t.kind != tIdent || !p.is(i, "function") {
			continue
		}
		j := i + 1
	params:
		for n := 0; j < len(p.toks) && n < 64; n++ {
			switch {
			case p.is(j, "("):
				j = p.closing(j) + 1
			case p.is(j, "{"):
				bodies[j] = true
				break params
			case p.is(j, ";") || p.is(j, "}") || p.is(j, "=>"):
				break params
			default:
				j++
			}
		}
	}
	return bodies
}
