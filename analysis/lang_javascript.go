package analysis

import (
	"bytes"
	"slices"
	"strings"
	"sync"
)

// JavaScript and TypeScript share one lexer (lang_javascript_lex.go) and one
// scanner: the contexts are the same libraries whichever of the two a file
// is written in. The scanner is one forward walk over the tokens that
// looks at names only; each name that can start a context (status,
// writeHead, redirect, expect, switch, …) hands over to the reader of that
// context (lang_javascript_calls.go, lang_javascript_objects.go,
// lang_javascript_compare.go).

func init() {
	register(&language{name: "javascript", exts: []string{".js", ".jsx", ".mjs", ".cjs"},
		analyze: analyzeJavaScript, mayHave: mayHaveJS, complete: completeJS, tests: jsTests, phrases: jsPhrases, statusByName: true,
		editors: editorNames{lsp: []string{"javascript", "javascriptreact"}, vim: []string{"javascript", "javascriptreact"}, helix: []string{"javascript", "jsx"}}})
	register(&language{name: "typescript", exts: []string{".ts", ".tsx", ".mts", ".cts"},
		analyze: analyzeTypeScript, mayHave: mayHaveJS, complete: completeJS, tests: jsTests, phrases: jsPhrases, statusByName: true,
		editors: editorNames{lsp: []string{"typescript", "typescriptreact"}, vim: []string{"typescript", "typescriptreact"}, helix: []string{"typescript", "tsx"}}})
}

// jsPhrases are what Node and its frameworks do, for JavaScript and
// TypeScript alike.
var jsPhrases = phrases{
	late:        "Node throws ERR_HTTP_HEADERS_SENT when a header is set after they were sent",
	bodiless:    "Node, Express, Fastify and Koa drop it without a word",
	invalid:     "Node throws RangeError [ERR_HTTP_INVALID_STATUS_CODE] on %d",
	again:       "has no effect",
	againEffect: "a status is sent only once (Node throws ERR_HTTP_HEADERS_SENT, Fastify logs \"Reply was already sent\")",
	redirectAPI: "the redirect API",
	setHeader: func(ev event, header string) string {
		return "call " + jsHeaderSet(ev.writer, header) + " first"
	},
	redirect: func(ev event) string { return "set Location first, or use " + ev.writer + ".redirect, which sets it" },
}

func analyzeJavaScript(path string, src []byte, res *Result) *fileFacts {
	res.Generated = isGenerated(src) || jsMinified(path, src)
	return analyzeJS("javascript", src)
}

func analyzeTypeScript(path string, src []byte, res *Result) *fileFacts {
	res.Generated = isGenerated(src) || jsMinified(path, src)
	return analyzeJS("typescript", src)
}

// Minified bundles: what jsMinified reads.
const (
	minifiedHead  = 64 << 10 // bytes read from the file's start
	minifiedLine  = 1000     // a line longer than this is long
	minifiedMark  = 50       // long lines hold a ; or ( at least every this many bytes
	minifiedBrace = 1000     // and a } at least every this many
)

// jsMinified reports whether a JS/TS file is a minified bundle: generated
// code (a committed htmx.min.js, a dist/app.js), whose findings nobody
// would fix there. By name: *.min.js, *.min.mjs, *.min.cjs. By content: in
// the first 64 KB, more than half the bytes sit on lines over 1,000
// characters, and those lines read as code: a ; or ( at least every 50
// bytes and a } at least every 1,000. Minifiers put whole modules on a
// line, dense with calls, statements and the braces that close every
// function and block (a ( or ; every 5 to 30 bytes, a } every 20 to 250
// in the bundles of a 51-project corpus); hand-written source keeps lines
// short. The two conditions keep real source with a long line apart: a big
// inline literal is one line among many, and even a file that starts with
// one is not taken for a bundle: data (a base64 image, a table of numbers,
// a JSON fixture) is nearly free of ; and (, and markup with inline CSS
// (a test's pasted-HTML fixture) of }. One pass over at most 64 KB: linear
// and cheap.
func jsMinified(path string, src []byte) bool {
	base := strings.ToLower(path[strings.LastIndexAny(path, `/\`)+1:])
	for _, ext := range []string{".min.js", ".min.mjs", ".min.cjs"} {
		if strings.HasSuffix(base, ext) {
			return true
		}
	}
	head := src[:min(len(src), minifiedHead)]
	long, marks, braces := 0, 0, 0
	for rest := head; len(rest) > 0; {
		line := rest
		if end := bytes.IndexByte(rest, '\n'); end >= 0 {
			line, rest = rest[:end], rest[end+1:]
		} else {
			rest = nil
		}
		if len(line) > minifiedLine {
			long += len(line)
			marks += bytes.Count(line, []byte(";")) + bytes.Count(line, []byte("("))
			braces += bytes.Count(line, []byte("}"))
		}
	}
	return long > 0 && 2*long > len(head) && marks*minifiedMark >= long && braces*minifiedBrace >= long
}

// mayHaveJS holds a word of every context: "tatus" covers status,
// statusCode, sendStatus, StatusCodes, HttpStatus and the http-status
// package; the others name the calls whose status argument needs no such
// word (ctx.throw(404), reply.code(404), .expect(404), @HttpCode(204), …);
// the last ones are the header calls late-header reads.
func mayHaveJS(src []byte) bool {
	return containsAny(src, "tatus", "code", "HttpCode", "writeHead", "edirect", "throw", "assert",
		"Exception", "rror", "expect", "eader", "ookie", ".set(", ".append(", ".type(", ".location(",
		".links(", ".attachment(", ".vary(")
}

// jsScan is the scan of one JS/TS file.
type jsScan struct {
	*scan
	// httpStatus is the name the file binds the http-status package to
	// (const httpStatus = require('http-status')), or "".
	httpStatus string
	// starts remembers chainStart's answers for long chains, plus one (0
	// is not known); memberCounts are chainHas's counts per predicate.
	starts       []int32
	memberCounts [len(chainPreds)][]int32
}

func analyzeJS(lang string, src []byte) *fileFacts {
	buf := jsTokens.Get().(*[]lexeme)
	j := &jsScan{scan: newScan(lang, src, lexJS(src, *buf))}
	if bytes.Contains(src, []byte("http-status")) {
		j.httpStatus = j.httpStatusBinding()
	}
	j.occ = make([]Occurrence, 0, j.expectedOccurrences())
	j.walk()
	walked := len(j.occ)
	if j.mayReference() {
		j.references()
	}
	j.httpStatusReferences()
	j.occ = inOrder(j.occ, walked)
	facts := j.facts()
	if mayFlow(src) {
		facts.steps = j.expressFlow()
	}
	// The facts keep no token: the list goes back for the next file.
	*buf = j.toks[:0]
	jsTokens.Put(buf)
	return facts
}

// expectedOccurrences guesses how many occurrences the file holds, so
// that the list is allocated once: as many as three-digit numbers, but
// not more than one per 64 bytes, which a file of data would reach.
func (j *jsScan) expectedOccurrences() int {
	n := 0
	for _, t := range j.toks {
		if t.kind == tNumber && t.end-t.start == 3 {
			n++
		}
	}
	return min(n, len(j.src)/64) + 16
}

// mayReference reports whether the file names a qualifier of the
// ecosystems' constants (StatusCodes, HttpStatus): the references pass
// looks up every dotted name, which most files need not pay for.
func (j *jsScan) mayReference() bool {
	for _, q := range jsQualifiers() {
		if bytes.Contains(j.src, []byte(q)) {
			return true
		}
	}
	return false
}

// jsQualifiers are the qualifiers of the JS ecosystems' constant names,
// with their dot: "StatusCodes.", "HttpStatus.". JavaScript and TypeScript
// read the same ecosystems.
var jsQualifiers = sync.OnceValue(func() []string {
	var out []string
	for name := range constantNames("javascript") {
		if dot := strings.IndexByte(name, '.'); dot > 0 && !slices.Contains(out, name[:dot+1]) {
			out = append(out, name[:dot+1])
		}
	}
	return out
})

// walk reads every context, in token order; a context that a larger one
// already read (the status of new Response(…, { status })) is not read
// again, as scan.add keeps the first reading of a token. Readers look
// around the name they are given and never advance the walk, so a check
// that needs the order of calls within a function body (a header set after
// the body was sent) can follow the same walk, with closing() giving the
// body's extent.
func (j *jsScan) walk() {
	for i := range j.toks {
		if j.toks[i].kind != tIdent {
			continue
		}
		switch string(j.toks[i].text(j.src)) {
		case "status", "statusCode":
			j.statusName(i)
		case "sendStatus", "code", "writeHead", "throw", "assert":
			j.responseCall(i)
		case "redirect":
			j.redirectCall(i)
		case "Response", "NextResponse":
			j.responseBuilder(i)
		case "HttpException", "createError", "createHttpError", "httpErrors":
			j.errorCall(i)
		case "error", "json":
			j.helperCall(i)
		case "HttpCode", "Redirect", "ApiResponse":
			j.decorator(i)
		case "switch":
			j.switchOn(i)
		case "expect":
			j.expectCall(i)
		case "equal", "strictEqual", "deepEqual", "deepStrictEqual", "notEqual",
			"notStrictEqual", "equals", "is":
			j.assertEqual(i)
		}
	}
}

// isMember reports whether name i is accessed as a member: x.name or
// x?.name.
func (j *jsScan) isMember(i int) bool {
	return j.is(i-1, ".") || j.is(i-1, "?.")
}

// receiver returns the name the member at i is read from (res in
// res.status), or nil when that is not a plain name (a call's result).
// Names are read as bytes of the source: most are only compared.
func (j *jsScan) receiver(i int) []byte {
	if j.isMember(i) && j.tok(i-2).kind == tIdent {
		return j.bytesAt(i - 2)
	}
	return nil
}

// bytesAt returns token i's text without copying it.
func (j *jsScan) bytesAt(i int) []byte {
	return j.tok(i).text(j.src)
}

// chainStart returns the first token of the member chain that ends with
// the name at i, skipping the calls and index expressions on the way:
// request for request(app).get('/').expect, res for res.set(h).status.
// Every member of a chain asks for the same start: a walk longer than
// memoAfter steps remembers the start of each member it passed, so that
// a long chain (res.status(404).status(404)…) is walked once, not once
// per member.
func (j *jsScan) chainStart(i int) int {
	k, steps := i, 0
	for j.isMember(k) {
		if j.starts != nil && j.starts[k] != 0 {
			k = int(j.starts[k]) - 1
			break
		}
		p := k - 2
		for j.is(p, ")") || j.is(p, "]") {
			open := j.opening(p)
			if open < 0 {
				p = -1
				break
			}
			p = open - 1
		}
		if p < 0 || j.tok(p).kind != tIdent {
			break
		}
		k, steps = p, steps+1
	}
	if steps > memoAfter || j.starts != nil && steps > 0 {
		j.rememberStarts(i, k)
	}
	return k
}

// memoAfter is how many steps back a chain or name is walked before its
// walk is remembered: most are short, and need no table.
const memoAfter = 16

// rememberStarts records start as the chain start of the members from i
// back to start.
func (j *jsScan) rememberStarts(i, start int) {
	if j.starts == nil {
		j.starts = make([]int32, len(j.toks))
	}
	for k := i; k > start && j.starts[k] == 0; {
		j.starts[k] = int32(start) + 1
		p := k - 2
		for j.is(p, ")") || j.is(p, "]") {
			p = j.opening(p) - 1
		}
		k = p
	}
}

// chainHas reports whether a name of the chain from start to the member
// at i satisfies ok: start itself, or a member name between them (one
// inside a call's arguments counts too). A long range is answered from a
// count of such members per token, built once per predicate.
func (j *jsScan) chainHas(start, i int, ok chainPred) bool {
	if i < start {
		return false
	}
	if j.toks[start].kind == tIdent && chainPreds[ok](j.bytesAt(start)) {
		return true
	}
	if i-start <= 4*memoAfter {
		for k := start + 1; k <= i; k++ {
			if j.toks[k].kind == tIdent && j.isMember(k) && chainPreds[ok](j.bytesAt(k)) {
				return true
			}
		}
		return false
	}
	count := j.memberCounts[ok]
	if count == nil {
		count = make([]int32, len(j.toks))
		n := int32(0)
		for k := range j.toks {
			if j.toks[k].kind == tIdent && j.isMember(k) && chainPreds[ok](j.bytesAt(k)) {
				n++
			}
			count[k] = n
		}
		j.memberCounts[ok] = count
	}
	return count[i] > count[start]
}

// chainPred names a predicate chainHas tests the names of a chain with.
type chainPred int

const (
	responseName  chainPred = iota // isResponseName
	requestMethod                  // isRequestMethod
)

var chainPreds = [...]func([]byte) bool{responseName: isResponseName, requestMethod: isRequestMethod}

// opening returns the index of the bracket that the one at close closes,
// or -1 when it closes none.
func (j *jsScan) opening(close int) int {
	return j.openOf(close)
}

// isResponseName reports whether a name is, by convention, a response
// object: res, resp, response, reply (Fastify), rep, or a name ending in
// Res, Response or Reply (mockRes, serverResponse).
func isResponseName(name []byte) bool {
	switch string(name) {
	case "res", "resp", "response", "reply", "rep", "Response", "NextResponse":
		return true
	}
	for _, suffix := range []string{"Res", "Response", "Reply", "response", "reply"} {
		if bytes.HasSuffix(name, []byte(suffix)) {
			return true
		}
	}
	return false
}

// isContextName reports whether a name is a Koa context: ctx, context, or
// this in Koa 1's generator middleware.
func isContextName(name []byte) bool {
	switch string(name) {
	case "ctx", "context", "this":
		return true
	}
	return false
}

// jsContinues reports whether token i continues an expression, so that a
// value before it is only part of one (404 + n, 200 .toString()).
func (j *jsScan) jsContinues(i int) bool {
	t := j.tok(i)
	if t.kind == tString {
		return j.src[t.start] == '`' // a tagged template
	}
	if t.kind != tPunct {
		return false
	}
	switch string(t.text(j.src)) {
	case ".", "?.", "(", "[", "+", "-", "*", "/", "%", "**", "??", "<<", ">>", ">>>", "&", "|", "^":
		return true
	}
	return false
}

// operand returns the value that starts at token from when it is one a
// status can be: a number, a status constant or a parenthesised value,
// not followed by more of an expression.
func (j *jsScan) operand(from int) (span, bool) {
	end := from + 1
	switch t := j.tok(from); t.kind {
	case tNumber:
	case tIdent:
		if _, e, ok := j.constantAt(from); ok {
			end = e
		} else if _, ok := j.httpStatusAt(from); ok {
			end = from + 3
		} else {
			return span{}, false
		}
	case tPunct:
		if !j.is(from, "(") {
			return span{}, false
		}
		end = j.closing(from) + 1
	default:
		return span{}, false
	}
	if end > len(j.toks) || j.jsContinues(end) {
		return span{}, false
	}
	return span{from, end}, true
}

// operandBefore returns the value that ends just before token end, as
// operand does for the value after it: the 404 in 404 === res.status.
func (j *jsScan) operandBefore(end int) (span, bool) {
	last := end - 1
	from := last
	switch t := j.tok(last); t.kind {
	case tNumber:
	case tIdent:
		for j.is(from-1, ".") && j.tok(from-2).kind == tIdent {
			from -= 2
		}
		// A constant that ends at end is read whole from the chain's
		// first name, with the file's path to it (a.StatusCodes.OK): a
		// later start names the same last three tokens, so it is tried
		// once, not from every name of a long chain. An http-status
		// constant is a name and a member.
		switch {
		case from == last:
			return span{}, false
		case func() bool { _, e, ok := j.constantAt(from); return ok && e == end }():
		case func() bool { _, ok := j.httpStatusAt(last - 2); return ok && last-2 >= from }():
			from = last - 2
		default:
			return span{}, false
		}
	case tPunct:
		if !j.is(last, ")") {
			return span{}, false
		}
		if from = j.opening(last); from < 0 {
			return span{}, false
		}
	default:
		return span{}, false
	}
	if p := j.tok(from - 1); p.kind == tPunct && j.jsContinues(from-1) && !j.is(from-1, "(") {
		return span{}, false
	}
	return span{from, end}, true
}

// status reads a status argument as scan.status does, and also an
// http-status constant and the two branches of a conditional
// (ok ? 200 : 500), each of which is a status sent.
func (j *jsScan) status(sp span, c statusCtx) bool {
	if len(j.occ) == cap(j.occ) {
		// Tests and fixtures hold a status on nearly every line: doubling
		// copies the occurrences once, where append's gentler growth of
		// large slices copies them several times.
		j.occ = append(make([]Occurrence, 0, 2*cap(j.occ)+16), j.occ...)
	}
	if sp.to-sp.from == 3 {
		if code, ok := j.httpStatusAt(sp.from); ok {
			j.add(sp.from, sp.from+2, Occurrence{Code: code, Written: Constant, Name: j.spanText(sp.from, sp.to)}, c)
			return true
		}
	}
	if q, colon := j.conditional(sp); q >= 0 {
		a := j.status(span{q + 1, colon}, c)
		b := j.status(span{colon + 1, sp.to}, c)
		return a || b
	}
	return j.scan.status(sp, c)
}

// conditional returns the "?" and ":" of a conditional expression at the
// top level of sp, or -1, -1.
func (j *jsScan) conditional(sp span) (int, int) {
	q, depth := -1, 0
	pair := j.pairs()
	for k := sp.from; k < sp.to; k++ {
		t := j.toks[k]
		if t.kind != tPunct || t.end-t.start != 1 {
			continue
		}
		switch j.src[t.start] {
		case '(', '[', '{':
			if depth == 0 {
				// Nothing inside the brackets is at the top level: skip
				// to the closing one, and past the span when there is none.
				k = pair.closeOf(k)
				if k >= sp.to {
					return -1, -1
				}
				continue
			}
			depth++
		case ')', ']', '}':
			depth--
		case '?':
			if depth == 0 && q < 0 {
				q = k
			}
		case ':':
			if depth == 0 && q >= 0 {
				return q, k
			}
		}
	}
	return -1, -1
}

// single returns the token of sp when sp is one string literal, or -1: a
// message must be a literal to be compared with reason phrases.
func (j *jsScan) single(sp span) int {
	if sp.to-sp.from == 1 && j.tok(sp.from).kind == tString {
		return sp.from
	}
	return -1
}

// inOrder sorts the occurrences by offset, knowing how they were found:
// the walk's nearly in token order (but for the 404 of 404 === res.status
// and the cases a switch reads ahead), then the references, in order but
// for the http-status ones after them. A general sort of the whole moves
// every occurrence many times; an insertion sort moves only the few out
// of place (and gives way to a general sort if they are many), and the
// merge of the two parts moves each once. No two occurrences start at one
// offset.
func inOrder(occ []Occurrence, walked int) []Occurrence {
	nearlySort(occ[:walked])
	nearlySort(occ[walked:])
	if walked == 0 || walked == len(occ) || occ[walked-1].Start < occ[walked].Start {
		return occ
	}
	// Merge run by run: the references are sparse among the walk's
	// occurrences, and copying whole runs is far cheaper than moving one
	// occurrence at a time.
	out := make([]Occurrence, len(occ))
	a, b := occ[:walked], occ[walked:]
	n := 0
	for len(a) > 0 && len(b) > 0 {
		if b[0].Start < a[0].Start {
			k := runBefore(b, a[0].Start)
			n += copy(out[n:], b[:k])
			b = b[k:]
		} else {
			k := runBefore(a, b[0].Start)
			n += copy(out[n:], a[:k])
			a = a[k:]
		}
	}
	n += copy(out[n:], a)
	copy(out[n:], b)
	return out
}

// runBefore returns how many of the sorted occurrences start before off.
func runBefore(occ []Occurrence, off int) int {
	lo, hi := 0, len(occ)
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		if occ[mid].Start < off {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	return lo
}

// nearlySort sorts occurrences that are almost in order by offset.
func nearlySort(occ []Occurrence) {
	moves := 0
	for i := 1; i < len(occ); i++ {
		for k := i; k > 0 && occ[k].Start < occ[k-1].Start; k-- {
			occ[k], occ[k-1] = occ[k-1], occ[k]
			if moves++; moves > 4*len(occ) {
				slices.SortFunc(occ, func(a, b Occurrence) int { return a.Start - b.Start })
				return
			}
		}
	}
}
