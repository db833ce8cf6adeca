package php

import (
	"strconv"
	"strings"

	"github.com/httpcodes/httpcodes/analysis/internal/facts"
	"github.com/httpcodes/httpcodes/analysis/internal/lex"
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
	ev  facts.Event
}

// phpHeaderWords mark a call, by a fragment of its name, that may set a
// header on the global response out of sight: sendHeaders(),
// $this->redirect(), do_auth_challenge().
var phpHeaderWords = []string{"header", "redirect", "location", "authenticat", "challenge"}

// addFlow records an event of the call whose name is token i.
func (p *extractor) addFlow(i int, ev facts.Event) {
	ev.Writer = cmpOr(ev.Writer, phpWriter)
	if ev.Api == "" {
		_, close := p.Args(i + 1)
		ev.Api = p.CallText(i, close)
	}
	if ev.Start == 0 && ev.End == 0 {
		_, close := p.Args(i + 1)
		ev.Start, ev.End = int(p.Toks[i].Start), int(p.Tok(close).End)
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
func (p *extractor) headerName(sp lex.Span) string {
	k := p.stringArg(sp)
	if k < 0 && sp.To > sp.From && p.Tok(sp.From).Kind == lex.TString {
		k = sp.From // "Location: " . $url
	}
	if k < 0 {
		return ""
	}
	text := lex.StringContent(p.Tok(k).Text(p.Src))
	name, _, ok := strings.Cut(text, ":")
	if !ok || name == "" || strings.ContainsAny(name, " \t${") {
		return ""
	}
	return name
}

// sendsBody reports whether a response builder's first argument is
// content: not missing, null, ” or an empty array.
func (p *extractor) sendsBody(args []lex.Span) bool {
	if len(args) == 0 || p.Tok(args[0].From).Kind == lex.TIdent && p.Is(args[0].From+1, ":") {
		return false // no content, or named arguments, which are not read here
	}
	a := args[0]
	switch a.To - a.From {
	case 1:
		return !(p.Is(a.From, "null") || p.Is(a.From, "NULL") || p.Is(a.From, "''") || p.Is(a.From, `""`))
	case 2:
		return !(p.Is(a.From, "[") && p.Is(a.From+1, "]"))
	case 3:
		return !(p.Is(a.From, "array") && p.Is(a.From+1, "(") && p.Is(a.From+2, ")"))
	}
	return true
}

// flowBody records a response object built with content and a status
// (response()->json($x, 204)) as a body written with that status, on a
// writer of its own: only bodiless codes make it a step worth keeping.
func (p *extractor) flowBody(o *facts.Occurrence, args []lex.Span) {
	if o.Code != 204 && o.Code != 205 && o.Code != 304 {
		return
	}
	p.flows = append(p.flows, phpFlowCall{tok: args[0].From, ev: facts.Event{
		Kind: facts.BodyWrite, WithStatus: true, Code: o.Code, Api: o.Context,
		Writer: "response@" + strconv.Itoa(o.Start), Start: o.Start, End: o.End,
	}})
}

// hiddenHeader records a call that may set a header out of sight (see
// phpHeaderWords), as a header set of no known name.
func (p *extractor) hiddenHeader(i int, name []byte) {
	lower := strings.ToLower(string(name))
	for _, w := range phpHeaderWords {
		if strings.Contains(lower, w) {
			p.flows = append(p.flows, phpFlowCall{tok: i, ev: facts.Event{Kind: facts.HeaderSet, Writer: phpWriter, Start: int(p.Toks[i].Start), End: int(p.Toks[i].End)}})
			return
		}
	}
}

// phpBlock is one brace block being walked.
type phpBlock struct {
	st, entry facts.State
	id        int
	// scope is the function body the block is in (its brace's index + 1;
	// 0 for the script's top level).
	scope int
	dead  bool
}

// phpFlow returns the flow steps of the events the scan recorded.
func (p *extractor) phpFlow() []facts.FlowStep {
	if len(p.flows) == 0 {
		return nil
	}
	bodies := p.functionBodies()
	// Pass 1: the headers each function sets anywhere (missing-header).
	headers := map[int]facts.State{}
	p.walkBlocks(bodies, nil, func(k int, b *phpBlock) {
		if ev := p.flows[k].ev; ev.Kind == facts.HeaderSet && ev.Writer == phpWriter {
			headers[b.scope] = facts.Push(headers[b.scope], ev)
		}
	})
	// Pass 2: the steps. Each function's blocks start from the headers it
	// sets, so a status step sees them all without a merge per step.
	var steps []facts.FlowStep
	p.walkBlocks(bodies, headers, func(k int, b *phpBlock) {
		fc := p.flows[k]
		ev := fc.ev
		if ev.Writer != phpWriter {
			steps = append(steps, facts.FlowStep{Ev: ev})
			return
		}
		if b.dead {
			return
		}
		switch ev.Kind {
		case facts.StatusWrite:
			steps = append(steps, facts.FlowStep{Ev: ev, Before: b.st})
		case facts.HeaderSet:
			if ev.Direct {
				ev.Block = b.id
				steps = append(steps, facts.FlowStep{Ev: ev, Before: b.st})
			}
		case facts.BodyWrite:
			if p.ownStatement(fc.tok) {
				ev.Block = b.id
				b.st = facts.Push(b.st, ev)
			}
		}
	})
	return steps
}

// walkBlocks walks the tokens by blocks and calls visit with each flow
// call's index in p.flows and the block it is in. A function's body starts
// in the state seed holds for it.
func (p *extractor) walkBlocks(bodies map[int]bool, seed map[int]facts.State, visit func(k int, b *phpBlock)) {
	stack := []phpBlock{{st: seed[0], entry: seed[0]}}
	k := 0
	for i := 0; i < len(p.Toks) && k < len(p.flows); i++ {
		top := &stack[len(stack)-1]
		for k < len(p.flows) && p.flows[k].tok == i {
			visit(k, top)
			k++
		}
		t := p.Toks[i]
		switch {
		case t.Kind == lex.TPunct && p.Is(i, "{"):
			b := phpBlock{id: int(t.Start) + 1, scope: top.scope}
			if bodies[i] {
				b.scope = i + 1
				b.st = seed[b.scope]
			} else {
				b.st, b.dead = top.st, top.dead
			}
			b.entry = b.st
			stack = append(stack, b)
		case t.Kind == lex.TPunct && p.Is(i, "}"):
			if len(stack) > 1 {
				stack = stack[:len(stack)-1]
			}
		case t.Kind == lex.TIdent && p.statementAt(i):
			switch string(t.Text(p.Src)) {
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
func (p *extractor) statementAt(i int) bool {
	return i == 0 || p.Is(i-1, ";") || p.Is(i-1, "{") || p.Is(i-1, "}") || p.Is(i-1, "?>") || p.Is(i-1, ":") && !p.Is(i-2, "?")
}

// ownStatement reports whether the call at token i is a statement that
// runs whenever its block does: not the body of an if, else, while or
// for written without braces, nor an alternative-syntax branch (if …:).
func (p *extractor) ownStatement(i int) bool {
	if p.Is(i-1, "\\") {
		i--
	}
	return i == 0 || p.Is(i-1, ";") || p.Is(i-1, "{") || p.Is(i-1, "}") || p.Is(i-1, "?>")
}

// functionBodies marks the opening braces of function and method bodies
// and closures: the first { after `function`'s parameters (and a
// closure's use (…) and a return type), unless a ; comes first (an
// abstract or interface method).
func (p *extractor) functionBodies() map[int]bool {
	bodies := map[int]bool{}
	for i, t := range p.Toks {
		if t.Kind != lex.TIdent || !p.Is(i, "function") {
			continue
		}
		j := i + 1
	params:
		for n := 0; j < len(p.Toks) && n < 64; n++ {
			switch {
			case p.Is(j, "("):
				j = p.Closing(j) + 1
			case p.Is(j, "{"):
				bodies[j] = true
				break params
			case p.Is(j, ";") || p.Is(j, "}") || p.Is(j, "=>"):
				break params
			default:
				j++
			}
		}
	}
	return bodies
}
