package analysis

import (
	"bytes"
	"fmt"
	"slices"
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
var jsWrites = map[string]eventKind{
	"writeHead": statusWrite, "sendStatus": statusWrite, "redirect": statusWrite,
	"send": bodyWrite, "json": bodyWrite, "jsonp": bodyWrite, "end": bodyWrite, "write": bodyWrite,
	"sendFile": bodyWrite, "download": bodyWrite, "render": bodyWrite,
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
	return containsAny(src, ".send", ".json", ".end(", ".write", ".status", ".code(", "eader",
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
	st state
	// id is the offset of the block's opening brace, plus one so that the
	// file's top level (0) differs from a block at offset 0.
	id   int
	kind jsBlockKind
	// done is set when the path through the block has ended (return,
	// throw, break, continue).
	done bool
	// entry is the state the block was entered in: a loop may not run, a
	// catch starts from it, a switch case too.
	entry state
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
	entry state
	arms  []jsArm
}

type jsArm struct {
	st   state
	done bool
}

// merge is the state after exclusive arms, and whether all of them ended.
func mergeArms(arms []jsArm) (state, bool) {
	outs := make([]state, len(arms))
	done := make([]bool, len(arms))
	for k, a := range arms {
		outs[k], done[k] = a.st, a.done
	}
	return mergeBranches(outs, done)
}

// jsFlow is the walk's state.
type jsFlow struct {
	*jsScan
	steps []flowStep
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
func (j *jsScan) expressFlow() []flowStep {
	f := &jsFlow{jsScan: j, stack: []flowBlock{{kind: jsFunction}}, closedAt: -1, typed: j.typedResponses()}
	for i := 0; i < len(j.toks); i++ {
		f.endBraceless(i)
		t := j.toks[i]
		if t.kind == tPunct {
			f.punct(i)
			continue
		}
		if t.kind != tIdent {
			continue
		}
		switch string(t.text(j.src)) {
		case "return", "throw", "break", "continue":
			if !j.is(i-1, ".") {
				f.live(i).done = true
			}
			continue
		case "case", "default":
			if b := f.top(); b.kind == jsSwitch && !j.is(i-1, ".") && (j.is(i+1, ":") || !j.is(i, "default")) {
				f.nextCase(b, j.is(i, "default"))
			}
			continue
		case "else":
			if !j.is(i+1, "{") && !j.is(i+1, "if") {
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
		if !j.is(i-1, ".") || i+1 >= len(j.toks) {
			continue
		}
		switch {
		case j.is(i+1, "("):
			f.call(i)
		case j.is(i+1, "="):
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
	j := f.jsScan
	t := j.toks[i]
	if t.end-t.start == 2 && j.is(i, "=>") && !j.is(i+1, "{") {
		f.open(jsFunction, i+1, true)
		return
	}
	if j.is(i, "&&") || j.is(i, "||") || j.is(i, "??") {
		f.open(jsShort, i+1, true)
		return
	}
	if t.end-t.start != 1 {
		return
	}
	switch j.src[t.start] {
	case '?':
		// c ? a : b, but not TypeScript's optional name?: T or f(x?).
		if !j.is(i+1, ":") && !j.is(i+1, ",") && !j.is(i+1, ")") && !j.is(i+1, "=") && !j.is(i+1, ";") {
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
		if j.src[t.start] == '(' {
			switch j.text(i - 1) {
			case "if", "for", "while", "switch", "catch":
				if !j.is(i-2, ".") {
					kw = j.text(i - 1)
				}
			}
		}
		f.parens = append(f.parens, kw)
	case ')', ']':
		if n := len(f.parens); n > 0 {
			f.closedAt, f.closedBy = i, f.parens[n-1]
			f.parens = f.parens[:n-1]
		}
		if f.closedAt == i && !j.is(i+1, "{") {
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
	j := f.jsScan
	switch {
	case j.is(i-1, "=>"):
		return jsFunction
	case j.is(i-1, "else"):
		return jsElse
	case j.is(i-1, "try"):
		return jsTry
	case j.is(i-1, "do"):
		return jsLoop
	case j.is(i-1, "catch"):
		return jsCatch
	case j.is(i-1, ")") && f.closedAt == i-1:
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
	if j.opensFunction(i) {
		return jsFunction
	}
	return jsPlain
}

// open starts a block at token i.
func (f *jsFlow) open(kind jsBlockKind, i int, braceless bool) {
	parent := f.top()
	b := flowBlock{kind: kind, braceless: braceless, depth: len(f.parens), id: int(f.tok(i).start) + 1, fn: parent.fn}
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
		if b.chain == nil || !f.is(i-1, ")") || f.elseIf(i) < 0 {
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
	if open < 2 || !f.is(open-1, "if") || !f.is(open-2, "else") {
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
		if b.kind == jsThen && f.is(next, "else") {
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
		parent.st = afterLoop(b.entry, b.st)
	case jsTry:
		if f.is(next, "catch") {
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
	j := f.jsScan
	for len(f.stack) > 1 {
		b := f.top()
		if !b.braceless {
			return
		}
		depth := len(f.parens)
		start := b.id - 1
		ends := false
		switch {
		case int(j.toks[i].start) <= start:
		case j.is(i, ")") || j.is(i, "]"):
			ends = depth <= b.depth
		case j.is(i, "}"):
			ends = true
		case depth != b.depth:
		case j.is(i, "else"):
			ends = b.kind == jsThen || b.exprArm()
		case j.is(i, ","):
			ends = b.kind == jsFunction || b.exprArm()
		case j.is(i, ":"):
			// The end of a conditional's first arm, or of a case label:
			// what is inside it ends.
			ends = b.kind == jsCondElse || b.kind == jsShort
		case j.is(i, "?") || j.is(i, "&&") || j.is(i, "||") || j.is(i, "??"):
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
	j := f.jsScan
	if i == 0 || !bytes.ContainsRune(j.src[j.toks[i-1].end:j.toks[i].start], '\n') {
		return false
	}
	switch p := j.toks[i-1]; p.kind {
	case tIdent:
		switch j.text(i - 1) {
		case "return", "throw", "new", "typeof", "await", "yield", "else", "in", "of", "instanceof", "void", "delete":
			return false
		}
	case tNumber, tString:
	case tPunct:
		if !j.is(i-1, ")") && !j.is(i-1, "]") && !j.is(i-1, "}") {
			return false
		}
	default:
		return false
	}
	switch j.toks[i].kind {
	case tIdent, tNumber, tString:
		return true
	}
	return false
}

// typedResponses returns the names the file declares with a response type:
// (r: Response), reply: FastifyReply, res: express.Response,
// res: http.ServerResponse.
func (j *jsScan) typedResponses() map[string]bool {
	var out map[string]bool
	for i := 0; i+2 < len(j.toks); i++ {
		if j.toks[i].kind != tIdent || !j.is(i+1, ":") {
			continue
		}
		k := i + 2
		for j.tok(k).kind == tIdent && j.is(k+1, ".") {
			k += 2
		}
		switch j.text(k) {
		case "Response", "ServerResponse", "FastifyReply", "OutgoingMessage":
			if !j.is(k+1, ".") {
				if out == nil {
					out = map[string]bool{}
				}
				out[j.text(i)] = true
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
	j := f.jsScan
	name := string(j.bytesAt(i))
	kind, write := jsWrites[name]
	header, isHeader := jsHeaders[name]
	isStatus := name == "status" || name == "code"
	if !write && !isHeader && !isStatus {
		return
	}
	root := j.chainRoot(i - 1)
	if root < 0 {
		return
	}
	koa := isContextName(j.bytesAt(root)) && !j.is(root, "this")
	if koa {
		// Koa: ctx.set(…), ctx.redirect(url); ctx.res is Node's.
		if name != "redirect" && !isHeader {
			return
		}
	} else if !f.isResponse(root) {
		return
	}
	writer := j.text(root)
	f.live(root)
	args, close := j.args(i + 1)
	ev := event{writer: writer, start: int(j.toks[root].start), end: int(j.tok(close).end), api: j.callText(root, close)}
	f.statement(&ev, root, close)
	top := f.top()
	switch {
	case isStatus:
		// res.status(401) and reply.code(401) set the status the send
		// sends; a chained send is the event (res.status(204).json(x)).
		if j.is(close+1, ".") && j.tok(close+2).kind == tIdent && j.is(close+3, "(") {
			return
		}
		if len(args) != 1 {
			return
		}
		ev.kind, ev.pending = statusWrite, true
		ev.code, _ = j.intAt(args[0].from)
		if args[0].to-args[0].from != 1 {
			ev.code = 0
		}
	case isHeader:
		ev.kind, ev.header, ev.direct = headerSet, header, true
		if header == "" && len(args) > 0 && j.tok(args[0].from).kind == tString {
			ev.header = stringContent(j.tok(args[0].from).text(j.src))
		}
		if header == "" && len(args) > 1 && j.tok(args[1].from).kind == tString {
			ev.value = stringContent(j.tok(args[1].from).text(j.src))
		}
		if header == "" && len(args) > 0 && j.isObject(args[0]) {
			// res.set({ Allow: 'GET' }): the object's keys.
			f.headerObject(ev, args[0])
			return
		}
		if name == "removeHeader" {
			ev.deletes = true
		}
		f.header(ev)
		return
	case koa:
		// ctx.redirect(url) sets Location and 302; Koa sends later.
		f.header(event{kind: headerSet, writer: writer, header: "Location", start: ev.start, end: ev.end})
		return
	default:
		ev.kind = kind
		if kind == bodyWrite && len(args) == 1 && (f.emptyString(args[0].from) || args[0].to-args[0].from == 1 && (j.is(args[0].from, "null") || j.is(args[0].from, "undefined")) && (name == "send" || name == "end")) {
			args = nil // res.send(''), res.end(null): no body
		}
		if kind == bodyWrite && len(args) == 0 {
			if name != "end" && name != "send" {
				return // response.json() reads a fetch response's body
			}
			// res.end() and res.send() send the headers and no body: with
			// a status of their own (res.status(204).end()) they send it;
			// alone they end what was sent, or send 200.
			ev.kind = statusWrite
			if !f.chainedStatus(root, i) || f.chainedWrite(root, i) {
				// res.status(503).json(x).end(): the json sent the
				// status; the end sends nothing more.
				ev.kind = bodyWrite
				f.commit(top, ev)
				return
			}
		}
		switch name {
		case "writeHead", "sendStatus", "redirect":
			if len(args) > 0 {
				ev.code, _ = j.intAt(args[0].from)
			}
			if name == "redirect" {
				ev.setsLocation = true
				for _, a := range args {
					if n, ok := j.intAt(a.from); ok && a.to-a.from == 1 {
						ev.code = n
					}
				}
				if ev.code == 0 {
					ev.code = 302
				}
			}
			if name == "writeHead" {
				// res.writeHead(401, { 'WWW-Authenticate': 'Basic' })
				for _, a := range args[min(1, len(args)):] {
					if j.isObject(a) {
						f.headerObject(event{kind: headerSet, writer: writer, start: ev.start, end: ev.start}, a)
					}
				}
				top = f.top()
			}
		}
		ev.sendsAll = jsSendsAll[name] && ev.kind == bodyWrite
		// res.status(201).json(…): the chain set the status it sends.
		for k := root + 2; k < i; k++ {
			if (j.is(k, "status") || j.is(k, "code")) && j.is(k-1, ".") && j.is(k+1, "(") {
				if a, _ := j.args(k + 1); len(a) == 1 && a[0].to-a[0].from == 1 {
					ev.code, _ = j.intAt(a[0].from)
				}
				ev.withStatus = ev.kind == bodyWrite
			}
		}
	}
	f.emit(top, ev)
}

// assignment reads res.statusCode = n, ctx.status = n, ctx.body = x and
// ctx.response.status = n, whose name is token i.
func (f *jsFlow) assignment(i int) {
	j := f.jsScan
	name := j.text(i)
	if name != "statusCode" && name != "status" && name != "body" {
		return
	}
	root := j.chainRoot(i - 1)
	if root < 0 {
		return
	}
	koa := isContextName(j.bytesAt(root)) && !j.is(root, "this")
	switch {
	case koa && (name == "status" || name == "body"):
	case name == "statusCode" && f.isResponse(root):
	default:
		return
	}
	end := i + 2
	for end < len(j.toks) && !j.is(end, ";") && !f.newStatement(end) && !j.is(end, "}") && !j.is(end, ")") {
		if j.opens(end) {
			end = j.closing(end)
		}
		end++
	}
	f.live(root)
	ev := event{writer: j.text(root), start: int(j.toks[root].start), end: int(j.tok(end - 1).end)}
	ev.api = j.callText(root, i) + " ="
	if name == "body" {
		if j.is(i+2, "null") || j.is(i+2, "undefined") || f.emptyString(i+2) && end == i+3 {
			return
		}
		ev.kind, ev.pending = bodyWrite, true
		ev.api = j.callText(root, i) + " = …"
	} else {
		ev.kind, ev.pending = statusWrite, true
		if end == i+3 {
			ev.code, _ = j.intAt(i + 2)
		}
		ev.api = j.callText(root, min(end-1, i+2))
	}
	f.statement(&ev, root, end-1)
	f.emit(f.top(), ev)
}

// headerObject records a header set for each key of an object literal.
func (f *jsFlow) headerObject(ev event, obj span) {
	inner, _ := f.args(obj.from)
	for _, m := range inner {
		t := f.tok(m.from)
		if (t.kind != tIdent && t.kind != tString) || !f.is(m.from+1, ":") {
			ev.header = ""
		} else {
			ev.header = stringContent(t.text(f.src))
			if t.kind == tIdent {
				ev.header = f.text(m.from)
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
	if top.done && f.statementStart(root) {
		top.st, top.done = nil, false
	}
	return top
}

// header records a header set: a step when late-header may judge it, and
// for the statuses set and not yet sent, a header they go out with.
func (f *jsFlow) header(ev event) {
	top := f.top()
	if ev.stmtEnd > 0 {
		ev.block = top.id
	}
	if top.st.wrote(ev.writer) && ev.direct && !notNodeResponse[ev.writer] {
		f.steps = append(f.steps, flowStep{ev: ev, before: top.st})
	}
	if fn := f.function(); fn.pending != nil {
		for _, p := range fn.pending[ev.writer] {
			f.steps[p.step].before = push(f.steps[p.step].before, ev)
		}
	}
	top.st = push(top.st, ev)
}

// function returns the innermost function block.
func (f *jsFlow) function() *flowBlock {
	return &f.stack[f.top().fn]
}

// emit records a status or body event as a step.
func (f *jsFlow) emit(top *flowBlock, ev event) {
	ev.block = top.id
	if ev.stmtEnd == 0 {
		ev.block = 0
	}
	f.steps = append(f.steps, flowStep{ev: ev, before: top.st})
	fn := f.function()
	switch {
	case ev.kind == statusWrite && ev.pending:
		if fn.pending == nil {
			fn.pending = map[string][]pendingStatus{}
		}
		// A status set again in the same block replaces the one before,
		// which is never sent: it is no longer judged.
		kept := fn.pending[ev.writer][:0]
		for _, p := range fn.pending[ev.writer] {
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
		fn.pending[ev.writer] = kept
	case ev.sureWrite() && fn.pending != nil:
		delete(fn.pending, ev.writer)
	}
	top.st = push(top.st, ev)
}

// emptyString reports whether token i is an empty string literal.
func (f *jsFlow) emptyString(i int) bool {
	t := f.tok(i)
	return t.kind == tString && t.end-t.start == 2
}

// chainedStatus reports whether the chain from root to the call at i
// sets a status: res.status(204).end().
func (f *jsFlow) chainedStatus(root, i int) bool {
	for k := root + 2; k < i; k++ {
		if (f.is(k, "status") || f.is(k, "code")) && f.is(k-1, ".") && f.is(k+1, "(") {
			return true
		}
	}
	return false
}

// chainedWrite reports whether the chain from root to the call at i
// already sent: res.status(503).json(x).end().
func (f *jsFlow) chainedWrite(root, i int) bool {
	for k := root + 2; k < i; k++ {
		if _, write := jsWrites[string(f.bytesAt(k))]; write && f.is(k-1, ".") && f.is(k+1, "(") {
			return true
		}
	}
	return false
}

// commit records that the response was sent, without a step of its own:
// res.end() after res.writeHead(…) is how a response ends, not a second
// status; but a header after it is late.
func (f *jsFlow) commit(top *flowBlock, ev event) {
	if ev.stmtEnd > 0 {
		ev.block = top.id
	}
	if fn := f.function(); fn.pending != nil {
		delete(fn.pending, ev.writer)
	}
	top.st = push(top.st, ev)
}

// statement sets the statement span of an event that is a whole statement
// of its own, from token root to token last, for fixes that move it. The
// single statement of an if, else or loop written without braces is one:
// `if (!x) res.json({})` is a write in a branch of its own, which the
// path falls out of when no return follows.
func (f *jsFlow) statement(ev *event, root, last int) {
	j := f.jsScan
	if !j.statementStart(root) && !f.bracelessStatement(root) {
		return
	}
	if j.is(last+1, ";") || j.is(last+1, "}") || j.tok(last+1).kind == tEOF || j.lineEndsAt(last) {
		ev.stmtStart, ev.stmtEnd = ev.start, int(j.tok(last).end)
		if j.is(last+1, ";") {
			ev.stmtEnd = int(j.tok(last + 1).end)
		}
	}
}

// bracelessStatement reports whether token i starts the statement of an
// if, else or loop written without braces, the block on top.
func (f *jsFlow) bracelessStatement(i int) bool {
	top := f.top()
	return top.braceless && (top.kind == jsThen || top.kind == jsElse || top.kind == jsLoop) && top.id == int(f.tok(i).start)+1
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
	open := s.pairedOpen(j)
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

// pairedOpen returns the index of the "(" that the ")" at close closes,
// or -1, from the file's bracket pairs.
func (s *scan) pairedOpen(close int) int {
	p := s.pairs()
	lo, hi := 0, len(p.opens)
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		if int(p.opens[mid]) < close {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	// Walk back over the pairs nested inside, which close before it.
	for k := lo - 1; k >= 0 && lo-k < 256; k-- {
		switch c := int(p.closes[k]); {
		case c == close:
			return int(p.opens[k])
		case c > close:
			return -1
		}
	}
	return -1
}

// chainRoot walks back from the "." at dot through a call chain
// (res.status(404).json) to the response it starts at, and returns that
// identifier's index, or -1 when the chain does not start at a name.
func (s *scan) chainRoot(dot int) int {
	i := dot - 1
	for steps := 0; steps < 64; steps++ {
		if s.is(i, ")") {
			open := s.pairedOpen(i)
			if open <= 1 || s.tok(open-1).kind != tIdent || !s.is(open-2, ".") {
				return -1
			}
			i = open - 3
			continue
		}
		if s.tok(i).kind != tIdent {
			return -1
		}
		if s.is(i-1, ".") && s.tok(i-2).kind == tIdent && !s.is(i-3, ".") {
			// this.res.send(), ctx.res.end(): the writer is res; but
			// ctx.response.status is Koa's ctx.
			if s.is(i, "response") && isContextName(s.tok(i-2).text(s.src)) && !s.is(i-2, "this") {
				return i - 2
			}
			return i
		}
		if s.is(i-1, ".") {
			i -= 2
			continue
		}
		return i
	}
	return -1
}

// callText names a call for messages: its text when short and on one line.
func (s *scan) callText(from, close int) string {
	// The length is looked at first: an unclosed call runs to the end of
	// the file, which is not copied for every call in it.
	start, end := s.toks[from].start, s.tok(close).end
	if end-start <= 50 && bytes.IndexByte(s.src[start:end], '\n') < 0 {
		return string(s.src[start:end])
	}
	// res.writeHead(…): the call with its arguments left out.
	if close >= len(s.toks) {
		return s.text(from) + "…"
	}
	if open := s.pairedOpen(close); open > from {
		return string(s.src[s.toks[from].start:s.toks[open].end]) + "…)"
	}
	return s.text(from) + "…"
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
