package javascript

import (
	"bytes"
	"fmt"
	"slices"

	"github.com/httpcodes/httpcodes/analysis/internal/facts"
	"github.com/httpcodes/httpcodes/analysis/internal/lex"
)

// Node's response object (and Express's on top of it) sends the status
// line and the headers with the first write; a header set after that
// throws ERR_HTTP_HEADERS_SENT, and a second send throws too. Fastify's
// reply sends once; Koa's context sends after the middleware returns, from
// what ctx.status and ctx.body hold then. expressFlow reads, from a
// JavaScript or TypeScript token stream, the status sets, writes and
// header sets on each response within a handler body, as the flow events
// the Go extractor produces, so that bodiless-status, missing-header,
// superfluous-writeheader and late-header judge them unchanged.
//
// The walk follows the statements' structure in one pass over the tokens,
// braced or not: the arms of an if/else chain and the cases of a switch
// are exclusive paths, merged after them, and so are the arms of a
// conditional expression and the right side of a short circuit (which may
// not run); return, throw, break and continue end a path, whatever the
// expression returned; a loop's body may not have run; a catch block
// starts from the state before its try, as any statement of the try may
// have thrown before its write. A function body (and a callback's) starts
// afresh: it runs at another time.
//
// Only a response is followed: a receiver named as one (res, response,
// reply, serverResponse) or a parameter typed as one (r: Response,
// reply: FastifyReply), and Koa's ctx for its own status, body and header
// members. this.write() in a serializer or table.header() in a grid are
// not a response's calls, and a wrapper class's own send method, called
// as this.send(), is not the framework's.

// jsWrites are the response methods that send, and what they send.
var jsWrites = map[string]facts.EventKind{
	"writeHead": facts.StatusWrite, "sendStatus": facts.StatusWrite, "redirect": facts.StatusWrite,
	"send": facts.BodyWrite, "json": facts.BodyWrite, "jsonp": facts.BodyWrite, "end": facts.BodyWrite, "write": facts.BodyWrite,
	"sendFile": facts.BodyWrite, "download": facts.BodyWrite, "render": facts.BodyWrite,
}

// jsSendsAll are the body methods that send the whole response, status
// and headers with it: a second one fails like a second status.
var jsSendsAll = map[string]bool{"send": true, "json": true, "jsonp": true, "sendFile": true,
	"download": true, "render": true}

// jsHeaders are the response methods that set a header, with the header
// each sets when its name is not an argument.
var jsHeaders = map[string]string{
	"setHeader": "", "set": "", "header": "", "append": "", "cookie": "Set-Cookie",
	"clearCookie": "Set-Cookie", "type": "Content-Type", "contentType": "Content-Type",
	"location": "Location", "links": "Link", "attachment": "Content-Disposition", "vary": "Vary",
	"removeHeader": "", "headers": "", "setHeaders": "",
}

// notNodeResponse are the receivers of other frameworks' replies, whose
// header methods share Express's names but not Node's rule: a header set
// after Fastify's reply.send or on Koa's ctx is not late-header's.
var notNodeResponse = map[string]bool{"reply": true, "rep": true, "ctx": true, "context": true}

// mayFlow reports whether a file calls any response method the flow reads.
func mayFlow(src []byte) bool {
	return facts.ContainsAny(src, ".send", ".json", ".end(", ".write", ".status", ".code(", "eader",
		".redirect", ".render", ".set(", ".append(", ".body", ".download(", ".type(", ".location(",
		"ookie(", ".links(", ".attachment(", ".vary(")
}

type jsBlockKind uint8

const (
	// jsPlain is a block, an object literal or a class body: its path
	// goes on after it.
	jsPlain jsBlockKind = iota
	jsFunction
	jsThen
	jsElse
	jsLoop
	jsTry
	jsCatch
	jsSwitch
	// jsCond and jsCondElse are the arms of a conditional expression
	// (c ? a : b), jsShort the right side of && || ??: exclusive paths
	// within an expression, ended where the expression ends.
	jsCond
	jsCondElse
	jsShort
)

// exprArm reports whether a block is an arm of an expression.
func (b *flowBlock) exprArm() bool { return b.kind >= jsCond }

// flowBlock is one block being walked, braced or the single statement of
// an if, else, loop or arrow function written without braces.
type flowBlock struct {
	st facts.State
	// id is the offset of the block's opening brace, plus one so that the
	// file's top level (0) differs from a block at offset 0.
	id   int
	kind jsBlockKind
	// done is set when the path through the block has ended (return,
	// throw, break, continue).
	done bool
	// entry is the state the block was entered in: a loop may not run, a
	// catch starts from it, a switch case too.
	entry facts.State
	// chain is the if/else chain an arm belongs to; on an enclosing
	// block, next is the chain an else about to follow continues.
	chain, next *ifChain
	// tried is the end of the try block a catch follows.
	tried *jsArm
	// cases holds a switch's finished cases; hasDefault whether one is
	// the default.
	cases      []jsArm
	hasDefault bool
	// braceless is set on a statement without braces, which ends at
	// depth: the bracket depth it started at.
	braceless bool
	depth     int
	// pending holds, on a function, per response, the steps of statuses
	// set but not yet sent (res.status(401)): a header set before the
	// send still counts for them.
	pending map[string][]pendingStatus
	// fn is the index on the stack of the innermost function block, this
	// one or one it is in: conditionals nest deep, and the walk asks for
	// it at every event.
	fn int
}

// pendingStatus is a status set and not yet sent: its step, and the
// block it was set in.
type pendingStatus struct{ step, block int }

// ifChain collects the arms of an if/else chain.
type ifChain struct {
	entry facts.State
	arms  []jsArm
}

type jsArm struct {
	st   facts.State
	done bool
}

// merge is the state after exclusive arms, and whether all of them ended.
func mergeArms(arms []jsArm) (facts.State, bool) {
	outs := make([]facts.State, len(arms))
	done := make([]bool, len(arms))
	for k, a := range arms {
		outs[k], done[k] = a.st, a.done
	}
	return lex.MergeBranches(outs, done)
}

// jsFlow is the walk's state.
type jsFlow struct {
	*extractor
	steps []facts.FlowStep
	stack []flowBlock
	// parens holds, for each open ( or [, the keyword before it (if,
	// for, while, switch, catch) or "".
	parens []string
	// closedAt and closedBy are the last ) closed and its keyword.
	closedAt int
	closedBy string
	// typed are the names of parameters typed as responses.
	typed map[string]bool
	// dropped are the steps of statuses replaced before they were sent.
	dropped []int
}

// expressFlow returns the flow steps of the file's handlers.
func (j *extractor) expressFlow() []facts.FlowStep {
	f := &jsFlow{extractor: j, stack: []flowBlock{{kind: jsFunction}}, closedAt: -1, typed: j.typedResponses()}
	for i := 0; i < len(j.Toks); i++ {
		f.endBraceless(i)
		t := j.Toks[i]
		if t.Kind == lex.TPunct {
			f.punct(i)
			continue
		}
		if t.Kind != lex.TIdent {
			continue
		}
		switch string(t.Text(j.Src)) {
		case "return", "throw", "break", "continue":
			if !j.Is(i-1, ".") {
				f.live(i).done = true
			}
			continue
		case "case", "default":
			if b := f.top(); b.kind == jsSwitch && !j.Is(i-1, ".") && (j.Is(i+1, ":") || !j.Is(i, "default")) {
				f.nextCase(b, j.Is(i, "default"))
			}
			continue
		case "else":
			if !j.Is(i+1, "{") && !j.Is(i+1, "if") {
				f.open(jsElse, i+1, true)
			}
			continue
		case "headersSent":
			// if (!res.headersSent) res.setHeader(…): the code knows.
			for f.top().exprArm() {
				f.close(i)
			}
			f.top().st = nil
			continue
		}
		if !j.Is(i-1, ".") || i+1 >= len(j.Toks) {
			continue
		}
		switch {
		case j.Is(i+1, "("):
			f.call(i)
		case j.Is(i+1, "="):
			f.assignment(i)
		}
	}
	if len(f.dropped) == 0 {
		return f.steps
	}
	slices.Sort(f.dropped)
	out := f.steps[:0]
	d := 0
	for k, s := range f.steps {
		if d < len(f.dropped) && f.dropped[d] == k {
			d++
			continue
		}
		out = append(out, s)
	}
	return out
}

func (f *jsFlow) top() *flowBlock { return &f.stack[len(f.stack)-1] }

// punct handles brackets and the ends of statements.
func (f *jsFlow) punct(i int) {
	j := f.extractor
	t := j.Toks[i]
	if t.End-t.Start == 2 && j.Is(i, "=>") && !j.Is(i+1, "{") {
		f.open(jsFunction, i+1, true)
		return
	}
	if j.Is(i, "&&") || j.Is(i, "||") || j.Is(i, "??") {
		f.open(jsShort, i+1, true)
		return
	}
	if t.End-t.Start != 1 {
		return
	}
	switch j.Src[t.Start] {
	case '?':
		// c ? a : b, but not TypeScript's optional name?: T or f(x?).
		if !j.Is(i+1, ":") && !j.Is(i+1, ",") && !j.Is(i+1, ")") && !j.Is(i+1, "=") && !j.Is(i+1, ";") {
			f.open(jsCond, i+1, true)
		}
	case ':':
		if b := f.top(); b.kind == jsCond && b.depth == len(f.parens) && len(f.stack) > 1 {
			// The first arm ends; the second starts where the first did.
			f.stack = f.stack[:len(f.stack)-1]
			b.chain.arms = append(b.chain.arms, jsArm{b.st, b.done})
			f.top().next = b.chain
			f.open(jsCondElse, i+1, true)
		}
	case '(', '[':
		kw := ""
		if j.Src[t.Start] == '(' {
			switch j.Text(i - 1) {
			case "if", "for", "while", "switch", "catch":
				if !j.Is(i-2, ".") {
					kw = j.Text(i - 1)
				}
			}
		}
		f.parens = append(f.parens, kw)
	case ')', ']':
		if n := len(f.parens); n > 0 {
			f.closedAt, f.closedBy = i, f.parens[n-1]
			f.parens = f.parens[:n-1]
		}
		if f.closedAt == i && !j.Is(i+1, "{") {
			switch f.closedBy {
			case "if":
				f.open(jsThen, i+1, true)
			case "for", "while":
				f.open(jsLoop, i+1, true)
			}
		}
	case '{':
		f.open(f.braceKind(i), i, false)
	case '}':
		if len(f.stack) > 1 {
			f.close(i + 1)
		}
	case ';':
		for b := f.top(); b.braceless && b.depth == len(f.parens) && len(f.stack) > 1; b = f.top() {
			f.close(i + 1)
		}
	}
}

// braceKind says what the brace at i opens.
func (f *jsFlow) braceKind(i int) jsBlockKind {
	j := f.extractor
	switch {
	case j.Is(i-1, "=>"):
		return jsFunction
	case j.Is(i-1, "else"):
		return jsElse
	case j.Is(i-1, "try"):
		return jsTry
	case j.Is(i-1, "do"):
		return jsLoop
	case j.Is(i-1, "catch"):
		return jsCatch
	case j.Is(i-1, ")") && f.closedAt == i-1:
		switch f.closedBy {
		case "if":
			return jsThen
		case "for", "while":
			return jsLoop
		case "switch":
			return jsSwitch
		case "catch":
			return jsCatch
		}
	}
	if j.OpensFunction(i) {
		return jsFunction
	}
	return jsPlain
}

// open starts a block at token i.
func (f *jsFlow) open(kind jsBlockKind, i int, braceless bool) {
	parent := f.top()
	b := flowBlock{kind: kind, braceless: braceless, depth: len(f.parens), id: int(f.Tok(i).Start) + 1, fn: parent.fn}
	if kind == jsFunction {
		b.fn = len(f.stack)
	}
	if kind != jsFunction {
		b.st = parent.st
		b.entry = parent.st
	}
	switch kind {
	case jsThen:
		b.chain = parent.next
		if b.chain == nil || !f.Is(i-1, ")") || f.elseIf(i) < 0 {
			b.chain = &ifChain{entry: parent.st}
		}
		parent.next = nil
	case jsElse:
		b.chain, parent.next = parent.next, nil
		if b.chain == nil {
			b.kind = jsPlain
		}
	case jsCond, jsShort:
		b.chain = &ifChain{entry: parent.st}
	case jsCondElse:
		b.chain, parent.next = parent.next, nil
		b.st, b.entry = b.chain.entry, b.chain.entry
	case jsCatch:
		b.tried, b.st = parent.tried, parent.st
		parent.tried = nil
	}
	if kind != jsThen && kind != jsElse && kind != jsCondElse {
		parent.next = nil
	}
	f.stack = append(f.stack, b)
}

// elseIf returns the index of the if of an "else if (…)" whose condition
// closes just before token i, or -1.
func (f *jsFlow) elseIf(i int) int {
	open := f.opening(i - 1)
	if open < 2 || !f.Is(open-1, "if") || !f.Is(open-2, "else") {
		return -1
	}
	return open - 1
}

// close ends the top block; next is the token after it.
func (f *jsFlow) close(next int) {
	b := f.stack[len(f.stack)-1]
	f.stack = f.stack[:len(f.stack)-1]
	parent := f.top()
	switch b.kind {
	case jsFunction:
	case jsPlain:
		parent.st, parent.done = b.st, parent.done || b.done
	case jsThen, jsElse:
		b.chain.arms = append(b.chain.arms, jsArm{b.st, b.done})
		if b.kind == jsThen && f.Is(next, "else") {
			parent.st, parent.next = b.chain.entry, b.chain
			return
		}
		arms := b.chain.arms
		if b.kind == jsThen {
			arms = append(arms, jsArm{st: b.chain.entry})
		}
		parent.st, parent.done = mergeArms(arms)
	case jsCond, jsCondElse, jsShort:
		// A conditional without its second arm, or a short circuit, may
		// not run its arm. The path the expression is on ended before
		// it if it was returned.
		arms := append(b.chain.arms, jsArm{b.st, b.done})
		if b.kind != jsCondElse {
			arms = append(arms, jsArm{st: b.chain.entry})
		}
		st, done := mergeArms(arms)
		parent.st, parent.done = st, parent.done || done
	case jsLoop:
		parent.st = facts.AfterLoop(b.entry, b.st)
	case jsTry:
		if f.Is(next, "catch") {
			parent.tried = &jsArm{b.st, b.done}
			parent.st = b.entry
			return
		}
		parent.st, parent.done = b.st, b.done
	case jsCatch:
		arms := []jsArm{{b.st, b.done}}
		if b.tried != nil {
			arms = append(arms, *b.tried)
		}
		parent.st, parent.done = mergeArms(arms)
	case jsSwitch:
		arms := append(b.cases, jsArm{b.st, b.done})
		if !b.hasDefault {
			arms = append(arms, jsArm{st: b.entry})
		}
		parent.st, _ = mergeArms(arms)
		if parent.st == nil {
			parent.st = b.entry
		}
	}
}

// nextCase starts a case of a switch: the one before it ends, unless it
// falls through with nothing in it.
func (f *jsFlow) nextCase(b *flowBlock, isDefault bool) {
	if b.st != b.entry || b.done {
		b.cases = append(b.cases, jsArm{b.st, b.done})
	}
	b.st, b.done = b.entry, false
	b.hasDefault = b.hasDefault || isDefault
}

// endBraceless ends the braceless statements that token i is past: a
// bracket closing around them, a block closing, an else, a comma ending
// an arrow function's body, or a new line that starts a statement.
func (f *jsFlow) endBraceless(i int) {
	j := f.extractor
	for len(f.stack) > 1 {
		b := f.top()
		if !b.braceless {
			return
		}
		depth := len(f.parens)
		start := b.id - 1
		ends := false
		switch {
		case int(j.Toks[i].Start) <= start:
		case j.Is(i, ")") || j.Is(i, "]"):
			ends = depth <= b.depth
		case j.Is(i, "}"):
			ends = true
		case depth != b.depth:
		case j.Is(i, "else"):
			ends = b.kind == jsThen || b.exprArm()
		case j.Is(i, ","):
			ends = b.kind == jsFunction || b.exprArm()
		case j.Is(i, ":"):
			// The end of a conditional's first arm, or of a case label:
			// what is inside it ends.
			ends = b.kind == jsCondElse || b.kind == jsShort
		case j.Is(i, "?") || j.Is(i, "&&") || j.Is(i, "||") || j.Is(i, "??"):
			// a && b ? c : d, a || b || c: the short circuit ends.
			ends = b.kind == jsShort
		default:
			ends = f.newStatement(i)
		}
		if !ends {
			return
		}
		f.close(i)
	}
}

// newStatement reports whether token i starts a statement on a new line:
// the line before ended a value and this one starts another.
func (f *jsFlow) newStatement(i int) bool {
	j := f.extractor
	if i == 0 || !bytes.ContainsRune(j.Src[j.Toks[i-1].End:j.Toks[i].Start], '\n') {
		return false
	}
	switch p := j.Toks[i-1]; p.Kind {
	case lex.TIdent:
		switch j.Text(i - 1) {
		case "return", "throw", "new", "typeof", "await", "yield", "else", "in", "of", "instanceof", "void", "delete":
			return false
		}
	case lex.TNumber, lex.TString:
	case lex.TPunct:
		if !j.Is(i-1, ")") && !j.Is(i-1, "]") && !j.Is(i-1, "}") {
			return false
		}
	default:
		return false
	}
	switch j.Toks[i].Kind {
	case lex.TIdent, lex.TNumber, lex.TString:
		return true
	}
	return false
}

// typedResponses returns the names the file declares with a response type:
// (r: Response), reply: FastifyReply, res: express.Response,
// res: http.ServerResponse.
func (j *extractor) typedResponses() map[string]bool {
	var out map[string]bool
	for i := 0; i+2 < len(j.Toks); i++ {
		if j.Toks[i].Kind != lex.TIdent || !j.Is(i+1, ":") {
			continue
		}
		k := i + 2
		for j.Tok(k).Kind == lex.TIdent && j.Is(k+1, ".") {
			k += 2
		}
		switch j.Text(k) {
		case "Response", "ServerResponse", "FastifyReply", "OutgoingMessage":
			if !j.Is(k+1, ".") {
				if out == nil {
					out = map[string]bool{}
				}
				out[j.Text(i)] = true
			}
		}
	}
	return out
}

// isResponse reports whether the name at root is a response the flow
// follows.
func (f *jsFlow) isResponse(root int) bool {
	name := f.bytesAt(root)
	return isResponseName(name) && !bytes.Equal(name, []byte("Response")) && !bytes.Equal(name, []byte("NextResponse")) ||
		f.typed[string(name)]
}

// call reads a response method call whose name is token i:
// res.setHeader(…), res.status(404).json(…), reply.code(204), ctx.set(…).
func (f *jsFlow) call(i int) {
	j := f.extractor
	name := string(j.bytesAt(i))
	kind, write := jsWrites[name]
	header, isHeader := jsHeaders[name]
	isStatus := name == "status" || name == "code"
	if !write && !isHeader && !isStatus {
		return
	}
	root := j.ChainRoot(i - 1)
	if root < 0 {
		return
	}
	koa := lex.IsContextName(j.bytesAt(root)) && !j.Is(root, "this")
	if koa {
		// Koa: ctx.set(…), ctx.redirect(url); ctx.res is Node's.
		if name != "redirect" && !isHeader {
			return
		}
	} else if !f.isResponse(root) {
		return
	}
	writer := j.Text(root)
	f.live(root)
	args, close := j.Args(i + 1)
	ev := facts.Event{Writer: writer, Start: int(j.Toks[root].Start), End: int(j.Tok(close).End), Api: j.CallText(root, close)}
	f.statement(&ev, root, close)
	top := f.top()
	switch {
	case isStatus:
		// res.status(401) and reply.code(401) set the status the send
		// sends; a chained send is the event (res.status(204).json(x)).
		if j.Is(close+1, ".") && j.Tok(close+2).Kind == lex.TIdent && j.Is(close+3, "(") {
			return
		}
		if len(args) != 1 {
			return
		}
		ev.Kind, ev.Pending = facts.StatusWrite, true
		ev.Code, _ = j.IntAt(args[0].From)
		if args[0].To-args[0].From != 1 {
			ev.Code = 0
		}
	case isHeader:
		ev.Kind, ev.Header, ev.Direct = facts.HeaderSet, header, true
		if header == "" && len(args) > 0 && j.Tok(args[0].From).Kind == lex.TString {
			ev.Header = lex.StringContent(j.Tok(args[0].From).Text(j.Src))
		}
		if header == "" && len(args) > 1 && j.Tok(args[1].From).Kind == lex.TString {
			ev.Value = lex.StringContent(j.Tok(args[1].From).Text(j.Src))
		}
		if header == "" && len(args) > 0 && j.isObject(args[0]) {
			// res.set({ Allow: 'GET' }): the object's keys.
			f.headerObject(ev, args[0])
			return
		}
		if name == "removeHeader" {
			ev.Deletes = true
		}
		f.header(ev)
		return
	case koa:
		// ctx.redirect(url) sets Location and 302; Koa sends later.
		f.header(facts.Event{Kind: facts.HeaderSet, Writer: writer, Header: "Location", Start: ev.Start, End: ev.End})
		return
	default:
		ev.Kind = kind
		if kind == facts.BodyWrite && len(args) == 1 && (f.emptyString(args[0].From) || args[0].To-args[0].From == 1 && (j.Is(args[0].From, "null") || j.Is(args[0].From, "undefined")) && (name == "send" || name == "end")) {
			args = nil // res.send(''), res.end(null): no body
		}
		if kind == facts.BodyWrite && len(args) == 0 {
			if name != "end" && name != "send" {
				return // response.json() reads a fetch response's body
			}
			// res.end() and res.send() send the headers and no body: with
			// a status of their own (res.status(204).end()) they send it;
			// alone they end what was sent, or send 200.
			ev.Kind = facts.StatusWrite
			if !f.chainedStatus(root, i) || f.chainedWrite(root, i) {
				// res.status(503).json(x).end(): the json sent the
				// status; the end sends nothing more.
				ev.Kind = facts.BodyWrite
				f.commit(top, ev)
				return
			}
		}
		switch name {
		case "writeHead", "sendStatus", "redirect":
			if len(args) > 0 {
				ev.Code, _ = j.IntAt(args[0].From)
			}
			if name == "redirect" {
				ev.SetsLocation = true
				for _, a := range args {
					if n, ok := j.IntAt(a.From); ok && a.To-a.From == 1 {
						ev.Code = n
					}
				}
				if ev.Code == 0 {
					ev.Code = 302
				}
			}
			if name == "writeHead" {
				// res.writeHead(401, { 'WWW-Authenticate': 'Basic' })
				for _, a := range args[min(1, len(args)):] {
					if j.isObject(a) {
						f.headerObject(facts.Event{Kind: facts.HeaderSet, Writer: writer, Start: ev.Start, End: ev.Start}, a)
					}
				}
				top = f.top()
			}
		}
		ev.SendsAll = jsSendsAll[name] && ev.Kind == facts.BodyWrite
		// res.status(201).json(…): the chain set the status it sends.
		for k := root + 2; k < i; k++ {
			if (j.Is(k, "status") || j.Is(k, "code")) && j.Is(k-1, ".") && j.Is(k+1, "(") {
				if a, _ := j.Args(k + 1); len(a) == 1 && a[0].To-a[0].From == 1 {
					ev.Code, _ = j.IntAt(a[0].From)
				}
				ev.WithStatus = ev.Kind == facts.BodyWrite
			}
		}
	}
	f.emit(top, ev)
}

// assignment reads res.statusCode = n, ctx.status = n, ctx.body = x and
// ctx.response.status = n, whose name is token i.
func (f *jsFlow) assignment(i int) {
	j := f.extractor
	name := j.Text(i)
	if name != "statusCode" && name != "status" && name != "body" {
		return
	}
	root := j.ChainRoot(i - 1)
	if root < 0 {
		return
	}
	koa := lex.IsContextName(j.bytesAt(root)) && !j.Is(root, "this")
	switch {
	case koa && (name == "status" || name == "body"):
	case name == "statusCode" && f.isResponse(root):
	default:
		return
	}
	end := i + 2
	for end < len(j.Toks) && !j.Is(end, ";") && !f.newStatement(end) && !j.Is(end, "}") && !j.Is(end, ")") {
		if j.Opens(end) {
			end = j.Closing(end)
		}
		end++
	}
	f.live(root)
	ev := facts.Event{Writer: j.Text(root), Start: int(j.Toks[root].Start), End: int(j.Tok(end - 1).End)}
	ev.Api = j.CallText(root, i) + " ="
	if name == "body" {
		if j.Is(i+2, "null") || j.Is(i+2, "undefined") || f.emptyString(i+2) && end == i+3 {
			return
		}
		ev.Kind, ev.Pending = facts.BodyWrite, true
		ev.Api = j.CallText(root, i) + " = …"
	} else {
		ev.Kind, ev.Pending = facts.StatusWrite, true
		if end == i+3 {
			ev.Code, _ = j.IntAt(i + 2)
		}
		ev.Api = j.CallText(root, min(end-1, i+2))
	}
	f.statement(&ev, root, end-1)
	f.emit(f.top(), ev)
}

// headerObject records a header set for each key of an object literal.
func (f *jsFlow) headerObject(ev facts.Event, obj lex.Span) {
	inner, _ := f.Args(obj.From)
	for _, m := range inner {
		t := f.Tok(m.From)
		if (t.Kind != lex.TIdent && t.Kind != lex.TString) || !f.Is(m.From+1, ":") {
			ev.Header = ""
		} else {
			ev.Header = lex.StringContent(t.Text(f.Src))
			if t.Kind == lex.TIdent {
				ev.Header = f.Text(m.From)
			}
		}
		f.header(ev)
	}
}

// live returns the block an event at token root is on, and when the path
// through it has ended before the statement root starts (code after a
// return), starts the dead code afresh: what it does is judged on its own.
func (f *jsFlow) live(root int) *flowBlock {
	top := f.top()
	if top.done && f.StatementStart(root) {
		top.st, top.done = nil, false
	}
	return top
}

// header records a header set: a step when late-header may judge it, and
// for the statuses set and not yet sent, a header they go out with.
func (f *jsFlow) header(ev facts.Event) {
	top := f.top()
	if ev.StmtEnd > 0 {
		ev.Block = top.id
	}
	if top.st.Wrote(ev.Writer) && ev.Direct && !notNodeResponse[ev.Writer] {
		f.steps = append(f.steps, facts.FlowStep{Ev: ev, Before: top.st})
	}
	if fn := f.function(); fn.pending != nil {
		for _, p := range fn.pending[ev.Writer] {
			f.steps[p.step].Before = facts.Push(f.steps[p.step].Before, ev)
		}
	}
	top.st = facts.Push(top.st, ev)
}

// function returns the innermost function block.
func (f *jsFlow) function() *flowBlock {
	return &f.stack[f.top().fn]
}

// emit records a status or body event as a step.
func (f *jsFlow) emit(top *flowBlock, ev facts.Event) {
	ev.Block = top.id
	if ev.StmtEnd == 0 {
		ev.Block = 0
	}
	f.steps = append(f.steps, facts.FlowStep{Ev: ev, Before: top.st})
	fn := f.function()
	switch {
	case ev.Kind == facts.StatusWrite && ev.Pending:
		if fn.pending == nil {
			fn.pending = map[string][]pendingStatus{}
		}
		// A status set again in the same block replaces the one before,
		// which is never sent: it is no longer judged.
		kept := fn.pending[ev.Writer][:0]
		for _, p := range fn.pending[ev.Writer] {
			if p.block == top.id {
				f.dropped = append(f.dropped, p.step)
			} else {
				kept = append(kept, p)
			}
		}
		// A few statuses a function sets and does not send are enough to
		// keep: more would make each header set cost as many.
		if len(kept) < 4 {
			kept = append(kept, pendingStatus{len(f.steps) - 1, top.id})
		}
		fn.pending[ev.Writer] = kept
	case ev.SureWrite() && fn.pending != nil:
		delete(fn.pending, ev.Writer)
	}
	top.st = facts.Push(top.st, ev)
}

// emptyString reports whether token i is an empty string literal.
func (f *jsFlow) emptyString(i int) bool {
	t := f.Tok(i)
	return t.Kind == lex.TString && t.End-t.Start == 2
}

// chainedStatus reports whether the chain from root to the call at i
// sets a status: res.status(204).end().
func (f *jsFlow) chainedStatus(root, i int) bool {
	for k := root + 2; k < i; k++ {
		if (f.Is(k, "status") || f.Is(k, "code")) && f.Is(k-1, ".") && f.Is(k+1, "(") {
			return true
		}
	}
	return false
}

// chainedWrite reports whether the chain from root to the call at i
// already sent: res.status(503).json(x).end().
func (f *jsFlow) chainedWrite(root, i int) bool {
	for k := root + 2; k < i; k++ {
		if _, write := jsWrites[string(f.bytesAt(k))]; write && f.Is(k-1, ".") && f.Is(k+1, "(") {
			return true
		}
	}
	return false
}

// commit records that the response was sent, without a step of its own:
// res.end() after res.writeHead(…) is how a response ends, not a second
// status; but a header after it is late.
func (f *jsFlow) commit(top *flowBlock, ev facts.Event) {
	if ev.StmtEnd > 0 {
		ev.Block = top.id
	}
	if fn := f.function(); fn.pending != nil {
		delete(fn.pending, ev.Writer)
	}
	top.st = facts.Push(top.st, ev)
}

// statement sets the statement span of an event that is a whole statement
// of its own, from token root to token last, for fixes that move it. The
// single statement of an if, else or loop written without braces is one:
// `if (!x) res.json({})` is a write in a branch of its own, which the
// path falls out of when no return follows.
func (f *jsFlow) statement(ev *facts.Event, root, last int) {
	j := f.extractor
	if !j.StatementStart(root) && !f.bracelessStatement(root) {
		return
	}
	if j.Is(last+1, ";") || j.Is(last+1, "}") || j.Tok(last+1).Kind == lex.TEOF || j.LineEndsAt(last) {
		ev.StmtStart, ev.StmtEnd = ev.Start, int(j.Tok(last).End)
		if j.Is(last+1, ";") {
			ev.StmtEnd = int(j.Tok(last + 1).End)
		}
	}
}

// bracelessStatement reports whether token i starts the statement of an
// if, else or loop written without braces, the block on top.
func (f *jsFlow) bracelessStatement(i int) bool {
	top := f.top()
	return top.braceless && (top.kind == jsThen || top.kind == jsElse || top.kind == jsLoop) && top.id == int(f.Tok(i).Start)+1
}

// jsHeaderSet is how a response sets a header, for messages.
func jsHeaderSet(writer, header string) string {
	switch writer {
	case "reply", "rep":
		return fmt.Sprintf("%s.header(%q, …)", writer, header)
	case "ctx", "context":
		return fmt.Sprintf("%s.set(%q, …)", writer, header)
	}
	return fmt.Sprintf("%s.setHeader(%q, …)", writer, header)
}
