package javascript

import (
	"bytes"
	"slices"
	"strings"
	"sync"

	"github.com/httpcodes/httpcodes/analysis/internal/facts"
	"github.com/httpcodes/httpcodes/analysis/internal/lex"
)

// JavaScript and TypeScript share one lexer (lex.go) and one
// scanner: the contexts are the same libraries whichever of the two a file
// is written in. The scanner is one forward walk over the tokens that
// looks at names only; each name that can start a context (status,
// writeHead, redirect, expect, switch, …) hands over to the reader of that
// context (calls.go, objects.go,
// compare.go).

func init() {
	facts.Register(&facts.Language{Name: "javascript", Exts: []string{".js", ".jsx", ".mjs", ".cjs"},
		Analyze: analyzeJavaScript, MayHave: mayHaveJS, Complete: completeJS, Tests: facts.JsTests, Phrases: jsPhrases, StatusByName: true,
		Editors: facts.EditorNames{Lsp: []string{"javascript", "javascriptreact"}, Vim: []string{"javascript", "javascriptreact"}, Helix: []string{"javascript", "jsx"}}})
	facts.Register(&facts.Language{Name: "typescript", Exts: []string{".ts", ".tsx", ".mts", ".cts"},
		Analyze: analyzeTypeScript, MayHave: mayHaveJS, Complete: completeJS, Tests: facts.JsTests, Phrases: jsPhrases, StatusByName: true,
		Editors: facts.EditorNames{Lsp: []string{"typescript", "typescriptreact"}, Vim: []string{"typescript", "typescriptreact"}, Helix: []string{"typescript", "tsx"}}})
}

// jsPhrases are what Node and its frameworks do, for JavaScript and
// TypeScript alike.
var jsPhrases = facts.Phrases{
	Late:        "Node throws ERR_HTTP_HEADERS_SENT when a header is set after they were sent",
	Bodiless:    "Node, Express, Fastify and Koa drop it without a word",
	Invalid:     "Node throws RangeError [ERR_HTTP_INVALID_STATUS_CODE] on %d",
	Again:       "has no effect",
	AgainEffect: "a status is sent only once (Node throws ERR_HTTP_HEADERS_SENT, Fastify logs \"Reply was already sent\")",
	RedirectAPI: "the redirect API",
	SetHeader: func(ev facts.Event, header string) string {
		return "call " + jsHeaderSet(ev.Writer, header) + " first"
	},
	Redirect: func(ev facts.Event) string {
		return "set Location first, or use " + ev.Writer + ".redirect, which sets it"
	},
}

func analyzeJavaScript(path string, src []byte, res *facts.Result) *facts.FileFacts {
	res.Generated = lex.IsGenerated(src) || JsMinified(path, src)
	return analyzeJS("javascript", src)
}

func analyzeTypeScript(path string, src []byte, res *facts.Result) *facts.FileFacts {
	res.Generated = lex.IsGenerated(src) || JsMinified(path, src)
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
func JsMinified(path string, src []byte) bool {
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
	return facts.ContainsAny(src, "tatus", "code", "HttpCode", "writeHead", "edirect", "throw", "assert",
		"Exception", "rror", "expect", "eader", "ookie", ".set(", ".append(", ".type(", ".location(",
		".links(", ".attachment(", ".vary(")
}

// jsScan is the scan of one JS/TS file.
type extractor struct {
	*lex.Scan
	// httpStatus is the name the file binds the http-status package to
	// (const httpStatus = require('http-status')), or "".
	httpStatus string
	// starts remembers chainStart's answers for long chains, plus one (0
	// is not known); memberCounts are chainHas's counts per predicate.
	starts       []int32
	memberCounts [len(chainPreds)][]int32
}

func analyzeJS(lang string, src []byte) *facts.FileFacts {
	buf := jsTokens.Get().(*[]lex.Lexeme)
	j := &extractor{Scan: lex.NewScan(lang, src, LexJS(src, *buf))}
	if bytes.Contains(src, []byte("http-status")) {
		j.httpStatus = j.httpStatusBinding()
	}
	j.Occ = make([]facts.Occurrence, 0, j.expectedOccurrences())
	j.walk()
	walked := len(j.Occ)
	if j.mayReference() {
		j.References()
	}
	j.httpStatusReferences()
	j.Occ = InOrder(j.Occ, walked)
	facts := j.Facts()
	if mayFlow(src) {
		facts.Steps = j.expressFlow()
	}
	// The facts keep no token: the list goes back for the next file.
	*buf = j.Toks[:0]
	jsTokens.Put(buf)
	return facts
}

// expectedOccurrences guesses how many occurrences the file holds, so
// that the list is allocated once: as many as three-digit numbers, but
// not more than one per 64 bytes, which a file of data would reach.
func (j *extractor) expectedOccurrences() int {
	n := 0
	for _, t := range j.Toks {
		if t.Kind == lex.TNumber && t.End-t.Start == 3 {
			n++
		}
	}
	return min(n, len(j.Src)/64) + 16
}

// mayReference reports whether the file names a qualifier of the
// ecosystems' constants (StatusCodes, HttpStatus): the references pass
// looks up every dotted name, which most files need not pay for.
func (j *extractor) mayReference() bool {
	for _, q := range JsQualifiers() {
		if bytes.Contains(j.Src, []byte(q)) {
			return true
		}
	}
	return false
}

// jsQualifiers are the qualifiers of the JS ecosystems' constant names,
// with their dot: "StatusCodes.", "HttpStatus.". JavaScript and TypeScript
// read the same ecosystems.
var JsQualifiers = sync.OnceValue(func() []string {
	var out []string
	for name := range lex.ConstantNames("javascript") {
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
func (j *extractor) walk() {
	for i := range j.Toks {
		if j.Toks[i].Kind != lex.TIdent {
			continue
		}
		switch string(j.Toks[i].Text(j.Src)) {
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
func (j *extractor) isMember(i int) bool {
	return j.Is(i-1, ".") || j.Is(i-1, "?.")
}

// receiver returns the name the member at i is read from (res in
// res.status), or nil when that is not a plain name (a call's result).
// Names are read as bytes of the source: most are only compared.
func (j *extractor) receiver(i int) []byte {
	if j.isMember(i) && j.Tok(i-2).Kind == lex.TIdent {
		return j.bytesAt(i - 2)
	}
	return nil
}

// bytesAt returns token i's text without copying it.
func (j *extractor) bytesAt(i int) []byte {
	return j.Tok(i).Text(j.Src)
}

// chainStart returns the first token of the member chain that ends with
// the name at i, skipping the calls and index expressions on the way:
// request for request(app).get('/').expect, res for res.set(h).status.
// Every member of a chain asks for the same start: a walk longer than
// memoAfter steps remembers the start of each member it passed, so that
// a long chain (res.status(404).status(404)…) is walked once, not once
// per member.
func (j *extractor) chainStart(i int) int {
	k, steps := i, 0
	for j.isMember(k) {
		if j.starts != nil && j.starts[k] != 0 {
			k = int(j.starts[k]) - 1
			break
		}
		p := k - 2
		for j.Is(p, ")") || j.Is(p, "]") {
			open := j.opening(p)
			if open < 0 {
				p = -1
				break
			}
			p = open - 1
		}
		if p < 0 || j.Tok(p).Kind != lex.TIdent {
			break
		}
		k, steps = p, steps+1
	}
	if steps > lex.MemoAfter || j.starts != nil && steps > 0 {
		j.rememberStarts(i, k)
	}
	return k
}

// rememberStarts records start as the chain start of the members from i
// back to start.
func (j *extractor) rememberStarts(i, start int) {
	if j.starts == nil {
		j.starts = make([]int32, len(j.Toks))
	}
	for k := i; k > start && j.starts[k] == 0; {
		j.starts[k] = int32(start) + 1
		p := k - 2
		for j.Is(p, ")") || j.Is(p, "]") {
			p = j.opening(p) - 1
		}
		k = p
	}
}

// chainHas reports whether a name of the chain from start to the member
// at i satisfies ok: start itself, or a member name between them (one
// inside a call's arguments counts too). A long range is answered from a
// count of such members per token, built once per predicate.
func (j *extractor) chainHas(start, i int, ok chainPred) bool {
	if i < start {
		return false
	}
	if j.Toks[start].Kind == lex.TIdent && chainPreds[ok](j.bytesAt(start)) {
		return true
	}
	if i-start <= 4*lex.MemoAfter {
		for k := start + 1; k <= i; k++ {
			if j.Toks[k].Kind == lex.TIdent && j.isMember(k) && chainPreds[ok](j.bytesAt(k)) {
				return true
			}
		}
		return false
	}
	count := j.memberCounts[ok]
	if count == nil {
		count = make([]int32, len(j.Toks))
		n := int32(0)
		for k := range j.Toks {
			if j.Toks[k].Kind == lex.TIdent && j.isMember(k) && chainPreds[ok](j.bytesAt(k)) {
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
func (j *extractor) opening(close int) int {
	return j.OpenOf(close)
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

// jsContinues reports whether token i continues an expression, so that a
// value before it is only part of one (404 + n, 200 .toString()).
func (j *extractor) jsContinues(i int) bool {
	t := j.Tok(i)
	if t.Kind == lex.TString {
		return j.Src[t.Start] == '`' // a tagged template
	}
	if t.Kind != lex.TPunct {
		return false
	}
	switch string(t.Text(j.Src)) {
	case ".", "?.", "(", "[", "+", "-", "*", "/", "%", "**", "??", "<<", ">>", ">>>", "&", "|", "^":
		return true
	}
	return false
}

// operand returns the value that starts at token from when it is one a
// status can be: a number, a status constant or a parenthesised value,
// not followed by more of an expression.
func (j *extractor) operand(from int) (lex.Span, bool) {
	end := from + 1
	switch t := j.Tok(from); t.Kind {
	case lex.TNumber:
	case lex.TIdent:
		if _, e, ok := j.ConstantAt(from); ok {
			end = e
		} else if _, ok := j.httpStatusAt(from); ok {
			end = from + 3
		} else {
			return lex.Span{}, false
		}
	case lex.TPunct:
		if !j.Is(from, "(") {
			return lex.Span{}, false
		}
		end = j.Closing(from) + 1
	default:
		return lex.Span{}, false
	}
	if end > len(j.Toks) || j.jsContinues(end) {
		return lex.Span{}, false
	}
	return lex.Span{From: from, To: end}, true
}

// operandBefore returns the value that ends just before token end, as
// operand does for the value after it: the 404 in 404 === res.status.
func (j *extractor) operandBefore(end int) (lex.Span, bool) {
	last := end - 1
	from := last
	switch t := j.Tok(last); t.Kind {
	case lex.TNumber:
	case lex.TIdent:
		for j.Is(from-1, ".") && j.Tok(from-2).Kind == lex.TIdent {
			from -= 2
		}
		// A constant that ends at end is read whole from the chain's
		// first name, with the file's path to it (a.StatusCodes.OK): a
		// later start names the same last three tokens, so it is tried
		// once, not from every name of a long chain. An http-status
		// constant is a name and a member.
		switch {
		case from == last:
			return lex.Span{}, false
		case func() bool { _, e, ok := j.ConstantAt(from); return ok && e == end }():
		case func() bool { _, ok := j.httpStatusAt(last - 2); return ok && last-2 >= from }():
			from = last - 2
		default:
			return lex.Span{}, false
		}
	case lex.TPunct:
		if !j.Is(last, ")") {
			return lex.Span{}, false
		}
		if from = j.opening(last); from < 0 {
			return lex.Span{}, false
		}
	default:
		return lex.Span{}, false
	}
	if p := j.Tok(from - 1); p.Kind == lex.TPunct && j.jsContinues(from-1) && !j.Is(from-1, "(") {
		return lex.Span{}, false
	}
	return lex.Span{From: from, To: end}, true
}

// status reads a status argument as scan.status does, and also an
// http-status constant and the two branches of a conditional
// (ok ? 200 : 500), each of which is a status sent.
func (j *extractor) status(sp lex.Span, c lex.StatusCtx) bool {
	if len(j.Occ) == cap(j.Occ) {
		// Tests and fixtures hold a status on nearly every line: doubling
		// copies the occurrences once, where append's gentler growth of
		// large slices copies them several times.
		j.Occ = append(make([]facts.Occurrence, 0, 2*cap(j.Occ)+16), j.Occ...)
	}
	if sp.To-sp.From == 3 {
		if code, ok := j.httpStatusAt(sp.From); ok {
			j.Add(sp.From, sp.From+2, facts.Occurrence{Code: code, Written: facts.Constant, Name: j.SpanText(sp.From, sp.To)}, c)
			return true
		}
	}
	if q, colon := j.conditional(sp); q >= 0 {
		a := j.status(lex.Span{From: q + 1, To: colon}, c)
		b := j.status(lex.Span{From: colon + 1, To: sp.To}, c)
		return a || b
	}
	return j.Scan.Status(sp, c)
}

// conditional returns the "?" and ":" of a conditional expression at the
// top level of sp, or -1, -1.
func (j *extractor) conditional(sp lex.Span) (int, int) {
	q, depth := -1, 0
	pair := j.Pairs()
	for k := sp.From; k < sp.To; k++ {
		t := j.Toks[k]
		if t.Kind != lex.TPunct || t.End-t.Start != 1 {
			continue
		}
		switch j.Src[t.Start] {
		case '(', '[', '{':
			if depth == 0 {
				// Nothing inside the brackets is at the top level: skip
				// to the closing one, and past the span when there is none.
				k = pair.CloseOf(k)
				if k >= sp.To {
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
func (j *extractor) single(sp lex.Span) int {
	if sp.To-sp.From == 1 && j.Tok(sp.From).Kind == lex.TString {
		return sp.From
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
func InOrder(occ []facts.Occurrence, walked int) []facts.Occurrence {
	nearlySort(occ[:walked])
	nearlySort(occ[walked:])
	if walked == 0 || walked == len(occ) || occ[walked-1].Start < occ[walked].Start {
		return occ
	}
	// Merge run by run: the references are sparse among the walk's
	// occurrences, and copying whole runs is far cheaper than moving one
	// occurrence at a time.
	out := make([]facts.Occurrence, len(occ))
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
func runBefore(occ []facts.Occurrence, off int) int {
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
func nearlySort(occ []facts.Occurrence) {
	moves := 0
	for i := 1; i < len(occ); i++ {
		for k := i; k > 0 && occ[k].Start < occ[k-1].Start; k-- {
			occ[k], occ[k-1] = occ[k-1], occ[k]
			if moves++; moves > 4*len(occ) {
				slices.SortFunc(occ, func(a, b facts.Occurrence) int { return a.Start - b.Start })
				return
			}
		}
	}
}
