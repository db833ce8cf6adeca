package analysis

import (
	"sort"
	"strings"

	"github.com/httpcodes/httpcodes/codes"
)

// Java and Kotlin share a lexer (with Kotlin's differences switched on) and
// one walker: the servlet API, Spring (MVC, WebFlux, MockMvc, WebTestClient),
// Javalin and Spark, RestAssured, JUnit, AssertJ, Hamcrest and Kotest are
// read the same way from either language.
//
// Decisions, where the APIs leave room:
//   - HttpStatus.valueOf(n) and HttpStatusCode.valueOf(n) build a status from
//     a number, which throws outside the known codes: Send, strict. They get
//     no prefer-constant, whose fix would have to replace the whole call.
//   - Servlet constants are read through the class name only
//     (HttpServletResponse.SC_NOT_FOUND); response.SC_NOT_FOUND reaches a
//     static field through an instance, which compilers warn about.
//   - MockMvc's status().isNotFound() names 404 without a number: it is a
//     Compare occurrence written as a constant whose name is the method.
//     Class matchers (is4xxClientError()) name no code and are skipped.
//   - Ktor's HttpStatusCode.NotFound is no ecosystem of the data set and is
//     not read; its numeric forms (HttpStatusCode(418, "…"),
//     HttpStatusCode.fromValue(n)) are.
//   - setStatus on a receiver that is not named like a response
//     (order.setStatus(200)) is read only with a status constant.
//   - Where only an int fits (setStatus, sendError, comparisons), Spring's
//     constant is offered as HttpStatus.NOT_FOUND.value().

func init() {
	register(&language{name: "java", exts: []string{".java"}, analyze: analyzeJava, mayHave: jvmMayHave, complete: completeJava, routes: routesJava, tests: jvmTests(".java"), phrases: jvmPhrases,
		editors: editorNames{lsp: []string{"java"}, vim: []string{"java"}, helix: []string{"java"}}})
	register(&language{name: "kotlin", exts: []string{".kt", ".kts"}, analyze: analyzeKotlin, mayHave: jvmMayHave, complete: completeKotlin, routes: routesKotlin, tests: jvmTests(".kt"), phrases: jvmPhrases,
		editors: editorNames{lsp: []string{"kotlin"}, vim: []string{"kotlin"}, helix: []string{"kotlin"}}})
}

// jvmPhrases are what servlet containers, Spring and Ktor do, for Java and
// Kotlin alike.
var jvmPhrases = phrases{
	late:        "a committed servlet response ignores headers set after that, and Ktor throws",
	bodiless:    "the server drops it or cuts the connection",
	invalid:     "no client accepts a response line with %d",
	again:       "has no effect",
	againEffect: "a status is sent only once (a committed servlet response ignores setStatus and throws IllegalStateException on sendError; Ktor throws ResponseAlreadySentException)",
	redirectAPI: "the redirect API",
	setHeader: func(ev event, header string) string {
		call, _ := jvmHeaderCall(ev, header)
		return "call " + call + " first"
	},
	redirect: func(ev event) string {
		_, redirect := jvmHeaderCall(ev, "Location")
		return "set Location first, or use " + redirect + ", which sets it"
	},
}

func analyzeJava(_ string, src []byte, _ *Result) *fileFacts {
	return analyzeJVM("java", src, false)
}

func analyzeKotlin(_ string, src []byte, _ *Result) *fileFacts {
	return analyzeJVM("kotlin", src, true)
}

// jvmMayHave: every context and constant needs one of these words: a
// status name (HttpStatus, setStatus, status()), a servlet constant's
// class, a response entity, sendError, Spring's error exceptions
// (HttpClientErrorException, ErrorResponseException) or a response's .code.
func jvmMayHave(src []byte) bool {
	return containsAny(src, "tatus", "HttpServletResponse", "ResponseEntity", "sendError", "ErrorException", "ErrorResponseException", ".code", "MockResponse", "ResponseCode")
}

// Flags a number's context puts on the constant it is offered.
const (
	// jvmEnumOK: the call also takes Spring's HttpStatus, so the constant
	// is written bare rather than with .value().
	jvmEnumOK uint8 = 1 + iota
	// jvmNoConst: no constant is offered for the number.
	jvmNoConst
)

type jvmWalker struct {
	s *scan
	// lib is the library the file's imports name for HttpStatus or
	// HttpStatusCode (Javalin, Ktor), or "".
	lib codes.Ecosystem
	// ownTable is set in a file that declares a status class
	// (class HttpStatusCode): its constructor calls are the library's own
	// table of its codes, not responses.
	ownTable bool
	// decl maps a name to the type it is declared with in the file
	// (HttpServletResponse response, response: TableStatusResponse,
	// val response = UserResponse()); built on first use.
	decl map[string][]jvmDecl
	// ahead lists, by a function body's end, its header sets (flow).
	ahead map[int][]event
	// flags holds, by start offset, what a number's context allows for its
	// constant; allocated on the first flag.
	flags map[int]uint8
}

// jvmScan finds a file's occurrences; analyzeJVM and completion share it.
func jvmScan(lang string, src []byte, kotlin bool) *jvmWalker {
	w := &jvmWalker{s: newScan(lang, src, lexJVM(src, kotlin))}
	if lib := jvmLibrary(src); lib != "" {
		w.lib = lib
		w.s.names = jvmNames(lang, lib)
		w.s.ecosystems = append([]codes.Ecosystem{lib}, w.s.ecosystems...)
	}
	w.ownTable = containsAny(src, "class HttpStatusCode", "class HttpStatus ", "class HttpStatus(")
	jcPresize(w.s)
	w.walk()
	w.s.references()
	return w
}

func analyzeJVM(lang string, src []byte, kotlin bool) *fileFacts {
	w := jvmScan(lang, src, kotlin)
	s := w.s
	f := s.facts()
	optIn := w.deprecationScopes()
	f.steps = w.flow()
	s.release()
	for i := range f.occ {
		o := &f.occ[i]
		for len(optIn) > 0 && optIn[0][1] <= o.Start {
			optIn = optIn[1:]
		}
		if o.Written == Constant && len(optIn) > 0 && optIn[0][0] <= o.Start {
			// The scope says it uses deprecated names on purpose: the
			// constant is read, but no library's deprecation is judged.
			o.Ecosystem = ""
		}
		if o.Written == Number && w.lib != "" && s.used == w.lib && w.flags[o.Start] != jvmNoConst {
			// Javalin's and Ktor's names, not in the data set: offered here.
			if name, ok := jvmLibConstant(w.lib, o.Code, w.flags[o.Start] == jvmEnumOK); ok {
				o.Constant, o.ConstantText = name, s.usedPrefix+name
			}
			continue
		}
		if o.Written != Number || o.Constant == "" {
			continue
		}
		switch w.flags[o.Start] {
		case jvmNoConst:
			o.Constant, o.ConstantText = "", ""
		case jvmEnumOK:
		default:
			if s.used == codes.Spring {
				o.ConstantText += ".value()"
			}
		}
	}
	return f
}

// status records sp in context c and flags a number found there. It
// returns the occurrence added, or nil (sp is no status, or its token is
// already an occurrence).
func (w *jvmWalker) status(sp span, c statusCtx, flag uint8) *Occurrence {
	s := w.s
	// HttpStatus.ACCEPTED.value(): the int of a constant is the constant.
	if n := sp.to - sp.from; n > 4 && s.is(sp.to-4, ".") && s.is(sp.to-3, "value") && s.is(sp.to-2, "(") && s.is(sp.to-1, ")") {
		sp.to -= 4
	}
	before := len(s.occ)
	if !s.status(sp, c) || len(s.occ) == before {
		return nil
	}
	o := &s.occ[len(s.occ)-1]
	if flag != 0 && o.Written == Number {
		if w.flags == nil {
			w.flags = map[int]uint8{}
		}
		w.flags[o.Start] = flag
	}
	return o
}

// call returns the arguments of the call whose ( is token open, or nil.
func (w *jvmWalker) call(open int) ([]span, int) { return w.s.call(open) }

func (w *jvmWalker) walk() {
	s := w.s
	for i := 0; i < len(s.toks); i++ {
		t := s.toks[i]
		if t.kind == tPunct {
			switch s.src[t.start] {
			case '=', '!', '<', '>':
				switch string(s.src[t.start:t.end]) {
				case "==", "!=", "===", "!==", "<", ">", "<=", ">=":
					jcCompare(s, i, false, "status comparison")
				}
			}
			continue
		}
		if t.kind != tIdent {
			continue
		}
		switch string(s.src[t.start:t.end]) {
		case "import":
			// An import names a constant without using it, and must not
			// decide how the file writes constants.
			// The file may end at the import, or at its static.
			j := i + 1
			if s.is(j, "static") {
				j++
			}
			if j < len(s.taken) {
				s.taken[j] = true
			}
		case "setStatus", "setStatusCode":
			w.setStatus(i)
		case "sendError":
			if args, _ := w.call(i + 1); len(args) > 0 {
				o := w.status(args[0], statusCtx{role: Send, context: jcMember(jcReceiver(s, i), "sendError"),
					framework: "servlet", api: ErrorAPI, strict: true, msg: jcMsgArg(s, args, 1)}, 0)
				// Tomcat sends sendError(103) as 103 Early Hints and goes
				// on: a 1xx here is no error page.
				if o != nil && o.Code >= 100 && o.Code < 200 {
					o.API &^= ErrorAPI
				}
			}
		case "status", "expectStatus":
			w.statusCall(i)
		case "statusCode":
			// RestAssured: then().statusCode(404), statusCode(equalTo(404))
			if s.is(i-1, ".") {
				if args, _ := w.call(i + 1); len(args) == 1 {
					w.status(jcUnwrap(s, args[0], "is", "equalTo"), statusCtx{role: Compare, context: "statusCode", framework: "restassured", msg: -1}, 0)
				}
			}
		case "hasStatus":
			// AssertJ and MockMvcTester: assertThat(result).hasStatus(404)
			if args, _ := w.call(i + 1); len(args) == 1 && s.is(i-1, ".") {
				w.status(args[0], statusCtx{role: Compare, context: "hasStatus", framework: "assertj", msg: -1}, jvmEnumOK)
			}
		case "valueOf":
			if r := jcReceiver(s, i); r == "HttpStatus" || r == "HttpStatusCode" {
				if args, _ := w.call(i + 1); len(args) == 1 {
					w.status(args[0], statusCtx{role: Send, context: r + ".valueOf", framework: "spring", strict: true, msg: -1}, jvmNoConst)
				}
			}
		case "fromValue":
			if jcReceiver(s, i) == "HttpStatusCode" {
				if args, _ := w.call(i + 1); len(args) == 1 {
					w.status(args[0], statusCtx{role: Send, context: "HttpStatusCode.fromValue", framework: "ktor", msg: -1}, jvmNoConst)
				}
			}
		case "HttpStatusCode":
			// Ktor: HttpStatusCode(418, "I'm a teapot")
			if !s.is(i-1, ".") && !w.ownTable {
				if args, _ := w.call(i + 1); len(args) == 2 {
					w.status(args[0], statusCtx{role: Send, context: "HttpStatusCode", framework: "ktor", strict: true, msg: jcMsgArg(s, args, 1), reason: true}, jvmNoConst)
				}
			}
		case "respond", "respondText", "respondBytes", "respondNullable":
			w.ktorRespond(i)
		case "MockResponse":
			// OkHttp's mockwebserver3: MockResponse(code = 404, body = "…")
			if args, _ := w.call(i + 1); len(args) > 0 {
				if v, ok := s.keyword(args, "code", "="); ok {
					w.status(v, statusCtx{role: Send, context: "MockResponse", framework: "okhttp", strict: true, msg: -1}, 0)
				}
			}
		case "setResponseCode":
			// OkHttp's mockwebserver: MockResponse().setResponseCode(404)
			if args, _ := w.call(i + 1); len(args) == 1 && s.is(i-1, ".") {
				w.status(args[0], statusCtx{role: Send, context: "setResponseCode", framework: "okhttp", msg: -1}, 0)
			}
		case "ResponseEntity":
			w.responseEntity(i)
		case "ResponseStatus":
			if s.is(i-1, "@") {
				w.responseStatus(i)
			}
		case "ResponseStatusException", "ErrorResponseException", "HttpClientErrorException", "HttpServerErrorException":
			// An error API, ResponseStatusException included, though it
			// takes any status: it is an ErrorResponse, which Spring
			// answers with an RFC 9457 problem detail (or Boot's error
			// attributes) and records as a failed exchange. With a 2xx
			// the client reads a problem document under a success, which
			// is what error-status is about; a deliberate one
			// (ResponseStatusException(HttpStatus.OK, …) as a way out of
			// a protocol's "nothing yet") is an ignore comment's case.
			if args, _ := w.call(i + 1); len(args) > 0 {
				w.status(args[0], statusCtx{role: Send, context: s.text(i), framework: "spring", api: ErrorAPI, strict: true, msg: jcMsgArg(s, args, 1)}, jvmEnumOK)
			}
		case "forStatus", "forStatusAndDetail":
			if jcReceiver(s, i) == "ProblemDetail" {
				if args, _ := w.call(i + 1); len(args) > 0 {
					w.status(args[0], statusCtx{role: Send, context: "ProblemDetail." + s.text(i), framework: "spring", api: ErrorAPI, strict: true, msg: -1}, jvmEnumOK)
				}
			}
		case "assertEquals", "assertNotEquals":
			if args, _ := w.call(i + 1); len(args) >= 2 {
				jcArgStatus(s, args, false, statusCtx{role: Compare, context: s.text(i), framework: "junit", msg: -1})
			}
		case "assertThat":
			w.assertThat(i)
		case "shouldBe", "shouldNotBe":
			w.kotest(i)
		case "in":
			w.inRange(i)
		case "switch", "when":
			if args, end := w.call(i + 1); len(args) == 1 && s.is(end+1, "{") && jcStatusish(s, args[0].from, args[0].to) {
				jcCaseLabels(s, end+1, false, "case")
			}
		}
	}
}

// setStatus reads response.setStatus(n) (servlet), setStatusCode(…)
// (WebFlux, Vert.x) and redirectView.setStatusCode(…), a redirect.
func (w *jvmWalker) setStatus(i int) {
	s := w.s
	args, _ := w.call(i + 1)
	if len(args) == 0 {
		return
	}
	recv := jcReceiver(s, i)
	c := statusCtx{role: Send, context: jcMember(recv, s.text(i)), framework: "servlet", msg: jcMsgArg(s, args, 1)}
	if s.is(i, "setStatusCode") {
		c.framework = "spring"
	}
	switch {
	case jcResponseLike([]byte(recv)):
		// Only a receiver known to be a response takes any number as its
		// status: UserResponse's setStatus(1) is an application's own.
		c.strict = w.knownResponse(recv, i)
	case containsAny([]byte(recv), "edirect"):
		c.api, c.strict = RedirectAPI, true
	case s.tok(args[0].from).kind != tIdent:
		return // order.setStatus(200): only a status constant says it is one
	}
	w.status(args[0], c, 0)
}

// statusCall reads the calls named status: ResponseEntity.status(n) and
// ServerResponse.status(n) (Spring), ctx.status(n) (Javalin),
// response.status(n) (Spark), Kotlin's response.status = n, and MockMvc's
// status().isNotFound() / status().is(404) and WebTestClient's
// expectStatus().isEqualTo(404).
func (w *jvmWalker) statusCall(i int) {
	s := w.s
	if s.is(i+1, "(") && s.is(i+2, ")") && s.is(i+3, ".") && s.tok(i+4).kind == tIdent && s.is(i+5, "(") {
		w.matcher(i + 4)
		return
	}
	if s.is(i, "expectStatus") {
		return
	}
	// MockMvc's Kotlin DSL: andExpect { status { isNotFound() } }
	if s.is(i+1, "{") && s.tok(i+2).kind == tIdent && s.is(i+3, "(") {
		if _, end := w.call(i + 3); s.is(end+1, "}") {
			w.matcher(i + 2)
		}
		return
	}
	recv := jcReceiver(s, i)
	if recv == "" {
		return
	}
	if s.is(i+1, "=") {
		// Kotlin property syntax for setStatus
		if sp, next, ok := jcOperand(s, i+2, false); ok && jcEnds(s, next) && jcResponseLike([]byte(recv)) {
			w.status(sp, statusCtx{role: Send, context: recv + ".status", framework: "servlet", strict: w.knownResponse(recv, i), msg: -1}, 0)
		}
		return
	}
	args, end := w.call(i + 1)
	if len(args) == 0 {
		return
	}
	c := statusCtx{role: Send, context: recv + ".status", strict: true, msg: -1}
	flag := jvmEnumOK
	switch {
	case recv == "ResponseEntity" || recv == "ServerResponse":
		c.framework = "spring"
	case recv == "ctx" || recv == "context":
		c.framework = "javalin"
	case jcResponseLike([]byte(recv)):
		c.framework, flag, c.strict = "spark", 0, w.knownResponse(recv, i)
	default:
		return
	}
	o := w.status(args[0], c, flag)
	// ResponseEntity.status(…).location(uri) sets Location by hand beside
	// the status the code chose (redirect-status judges only a 3xx).
	if o != nil && s.is(end+1, ".") && s.is(end+2, "location") && s.is(end+3, "(") {
		o.API |= LocationAPI
		o.Context = recv + ".status(…).location"
	}
}

// matcher reads MockMvc's status().isX() and status().is(n) and
// WebTestClient's expectStatus().isEqualTo(n); m is the method's index.
func (w *jvmWalker) matcher(m int) {
	s := w.s
	name := s.text(m)
	if name == "is" || name == "isEqualTo" {
		if args, _ := w.call(m + 1); len(args) == 1 {
			w.status(args[0], statusCtx{role: Compare, context: "status()." + name, framework: "spring-test", msg: -1}, 0)
		}
		return
	}
	if !s.is(m+2, ")") {
		return
	}
	code, ok := jvmMatchers()[name]
	if !ok || s.taken[m] {
		return
	}
	s.add(m, m, Occurrence{Code: code, Written: Constant, Name: name},
		statusCtx{role: Compare, context: "status()." + name, framework: "spring-test", msg: -1})
}

// responseEntity reads new ResponseEntity<>(body, HttpStatus.X) and
// Kotlin's ResponseEntity(body, HttpStatus.X): the status is the last
// argument.
func (w *jvmWalker) responseEntity(i int) {
	s := w.s
	open := jcGeneric(s, i+1)
	args, _ := w.call(open)
	if len(args) == 0 {
		return
	}
	w.status(args[len(args)-1], statusCtx{role: Send, context: "ResponseEntity", framework: "spring", strict: true, msg: -1}, 0)
}

// responseStatus reads @ResponseStatus(HttpStatus.X), (code = …),
// (value = …) with its reason = "…".
func (w *jvmWalker) responseStatus(i int) {
	s := w.s
	args, _ := w.call(i + 1)
	if len(args) == 0 {
		return
	}
	msg := -1
	if r, ok := s.keyword(args, "reason", "="); ok && r.to-r.from == 1 && s.tok(r.from).kind == tString {
		msg = r.from
	}
	c := statusCtx{role: Send, context: "@ResponseStatus", framework: "spring", msg: msg}
	if !s.is(args[0].from+1, "=") {
		w.status(args[0], c, jvmEnumOK)
		return
	}
	for _, key := range []string{"code", "value"} {
		if v, ok := s.keyword(args, key, "="); ok {
			w.status(v, c, jvmEnumOK)
		}
	}
}

// assertThat reads AssertJ's assertThat(response.getStatus()).isEqualTo(404)
// and Hamcrest's assertThat(response.getStatus(), is(404)).
func (w *jvmWalker) assertThat(i int) {
	s := w.s
	args, end := w.call(i + 1)
	c := statusCtx{role: Compare, context: "assertThat", framework: "assertj", msg: -1}
	switch {
	case len(args) == 1 && s.is(end+1, "."):
		switch s.text(end + 2) {
		case "isEqualTo", "isNotEqualTo", "isSameAs":
		default:
			return
		}
		if m, _ := w.call(end + 3); len(m) == 1 && jcStatusish(s, args[0].from, args[0].to) {
			w.status(m[0], c, 0)
		}
	case len(args) == 2 && jcStatusish(s, args[0].from, args[0].to):
		c.framework = "hamcrest"
		w.status(jcUnwrap(s, args[1], "is", "equalTo"), c, 0)
	}
}

// kotest reads response.status shouldBe 404 and
// response.status.shouldBe(404).
func (w *jvmWalker) kotest(i int) {
	s := w.s
	c := statusCtx{role: Compare, context: s.text(i), framework: "kotest", msg: -1}
	if s.is(i-1, ".") {
		if args, _ := w.call(i + 1); len(args) == 1 {
			if from := jcChainBefore(s, i-2); from <= i-2 && jcStatusish(s, from, i-1) {
				w.status(args[0], c, 0)
			}
		}
		return
	}
	from := jcChainBefore(s, i-1)
	if from > i-1 || !jcStatusish(s, from, i) {
		return
	}
	if sp, next, ok := jcOperand(s, i+1, false); ok && jcEnds(s, next) {
		w.status(sp, c, 0)
	}
}

// inRange reads Kotlin's response.status in 200..299 (or !in, or until,
// or ..<): both ends are bounds of a class check.
func (w *jvmWalker) inRange(i int) {
	s := w.s
	op := jcRangeOp(s, i+2)
	if s.tok(i+1).kind != tNumber || op == 0 || s.tok(i+2+op).kind != tNumber {
		return
	}
	end := i - 1
	if s.is(end, "!") {
		end--
	}
	if from := jcChainBefore(s, end); from > end || !jcStatusish(s, from, end+1) {
		return
	}
	c := statusCtx{role: RangeBound, context: "range check", msg: -1}
	s.status(span{i + 1, i + 2}, c)
	s.status(span{i + 2 + op, i + 3 + op}, c)
}

// jcRangeOp returns the number of tokens of the Kotlin range operator at
// token k: 1 for .. (inclusive) and until, 2 for ..< (whose < the lexer
// gives apart), 0 when there is none. until and ..< exclude their upper
// bound (in 500 until 600 is 500..599), and either way the upper end is
// a bound of the class check, never a status compared.
func jcRangeOp(s *scan, k int) int {
	switch {
	case s.is(k, "..") && s.is(k+1, "<") && s.tok(k+1).start == s.tok(k).end:
		return 2
	case s.is(k, "..") || s.is(k, "until"):
		return 1
	}
	return 0
}

// jvmDecl is one declaration of a name: the token it is at, and whether
// its type is a response's.
type jvmDecl struct {
	at       int
	response bool
}

// knownResponse reports whether the declaration of name nearest before
// token i gives it a response type (HttpServletResponse response,
// res: Response, val resp = ServerHttpResponse(…)).
func (w *jvmWalker) knownResponse(name string, i int) bool {
	if w.decl == nil {
		w.decl = w.declarations()
	}
	ds := w.decl[name]
	k := sort.Search(len(ds), func(k int) bool { return ds[k].at >= i })
	return k > 0 && ds[k-1].response
}

// declarations lists, per name and in order, the file's declarations:
// Java's Type name followed by =, ",", ), ; or : (and Type name = new
// Other(…)), Kotlin's name: Type and val name = Type(…).
func (w *jvmWalker) declarations() map[string][]jvmDecl {
	s := w.s
	out := map[string][]jvmDecl{}
	note := func(name string, at, typ int) {
		// A dotted type is read by its last part: jakarta.servlet.http.HttpServletResponse.
		for s.is(typ+1, ".") && s.tok(typ+2).kind == tIdent {
			typ += 2
		}
		out[name] = append(out[name], jvmDecl{at: at, response: jvmResponseType(s.text(typ))})
	}
	for i := 0; i+1 < len(s.toks); i++ {
		if s.toks[i].kind != tIdent {
			continue
		}
		switch {
		case s.is(i+1, ":") && s.tok(i+2).kind == tIdent && !s.is(i-1, "?"):
			// Kotlin: response: HttpServletResponse
			note(s.text(i), i, i+2)
		case s.is(i+1, "=") && (s.is(i-1, "val") || s.is(i-1, "var")) && s.tok(i+2).kind == tIdent && s.is(i+3, "("):
			// Kotlin: val response = UserResponse()
			note(s.text(i), i, i+2)
		case s.is(i, "var") && s.tok(i+1).kind == tIdent && s.is(i+2, "=") && s.is(i+3, "new") && s.tok(i+4).kind == tIdent:
			// Java: var response = new UserResponse()
			note(s.text(i+1), i+1, i+4)
		case s.tok(i+1).kind == tIdent && !s.is(i, "return") && !s.is(i, "new") && !s.is(i, "val") && !s.is(i, "var"):
			switch s.text(i + 2) {
			case "=", ",", ")", ";", ":":
				note(s.text(i+1), i+1, i)
			}
		}
	}
	return out
}

// jvmResponseType reports whether a type name is an HTTP response of the
// servlet API, Spring, Vert.x, Spark, Ktor or the JDK.
func jvmResponseType(t string) bool {
	if t == "Response" {
		return true
	}
	for _, suffix := range []string{"ServletResponse", "HttpResponse", "ServerResponse", "ServletResponseWrapper", "ApplicationResponse"} {
		if strings.HasSuffix(t, suffix) {
			return true
		}
	}
	return false
}

// jvmScopeLimit bounds how far a deprecation annotation is followed to the
// body of what it annotates: a declaration's header is short.
const jvmScopeLimit = 64

// deprecationScopes returns, as disjoint byte ranges in order, the
// declarations that opt in to deprecated names: annotated @Deprecated,
// @SuppressWarnings("deprecation") or Kotlin's @Suppress("DEPRECATION"),
// and the whole file under @file:Suppress("DEPRECATION").
func (w *jvmWalker) deprecationScopes() [][2]int {
	s := w.s
	var out [][2]int
	for i := 0; i+1 < len(s.toks); i++ {
		if !s.is(i, "@") {
			continue
		}
		j := i + 1
		file := false
		if s.is(j, "file") && s.is(j+1, ":") {
			file, j = true, j+2
		}
		// A qualified name: @java.lang.Deprecated, @kotlin.Suppress.
		for s.tok(j).kind == tIdent && s.is(j+1, ".") {
			j += 2
		}
		after := j + 1
		switch s.text(j) {
		case "Deprecated":
		case "SuppressWarnings", "Suppress":
			args, end := s.call(j + 1)
			if !jvmSuppressesDeprecation(s, args) {
				continue
			}
			after = end + 1
		default:
			continue
		}
		if s.is(after, "(") {
			after = s.closing(after) + 1
		}
		if file {
			return [][2]int{{0, len(s.src)}}
		}
		end := w.declarationEnd(after)
		if end <= after {
			continue
		}
		r := [2]int{int(s.toks[i].start), int(s.tok(end).end)}
		if n := len(out); n > 0 && r[0] <= out[n-1][1] {
			out[n-1][1] = max(out[n-1][1], r[1])
			continue
		}
		out = append(out, r)
	}
	return out
}

// jvmSuppressesDeprecation reports whether a suppression's arguments name
// deprecation ("deprecation", {"deprecation", "unchecked"}, "DEPRECATION").
func jvmSuppressesDeprecation(s *scan, args []span) bool {
	for _, a := range args {
		for k := a.from; k < a.to; k++ {
			if s.tok(k).kind == tString && strings.EqualFold(stringContent([]byte(s.text(k))), "deprecation") {
				return true
			}
		}
	}
	return false
}

// declarationEnd returns the last token of the declaration that starts at
// token i: the } closing its body, its ;, or in Kotlin the end of the line
// of an = body; i when none is found close by.
func (w *jvmWalker) declarationEnd(i int) int {
	s := w.s
	eq := -1
	for j := i; j < len(s.toks) && j-i < jvmScopeLimit; j++ {
		if eq >= 0 && s.toks[j].start > s.toks[eq].start && lineBreakBetween(s.src, int(s.toks[eq].end), int(s.toks[j].start)) && !s.is(j, ".") {
			return j - 1
		}
		switch s.text(j) {
		case "{":
			return s.closing(j)
		case ";":
			return j
		case "(", "[":
			j = s.closing(j)
		case "=":
			if eq < 0 {
				eq = j
			}
		case "@":
			return i // another annotation's own scope starts here
		}
	}
	return i
}

// lineBreakBetween reports whether src[from:to] holds a newline.
func lineBreakBetween(src []byte, from, to int) bool {
	for k := from; k < to && k < len(src); k++ {
		if src[k] == '\n' {
			return true
		}
	}
	return false
}

// ktorRespond reads Ktor's call.respond(HttpStatusCode.X[, body]) and the
// status = … argument of call.respondText(…) and its kin.
func (w *jvmWalker) ktorRespond(i int) {
	s := w.s
	if !s.is(i-1, ".") || w.lib != ecoKtor {
		return
	}
	args, _ := w.call(i + 1)
	if len(args) == 0 {
		return
	}
	c := statusCtx{role: Send, context: jcMember(jcReceiver(s, i), s.text(i)), framework: "ktor", msg: -1}
	if v, ok := s.keyword(args, "status", "="); ok {
		w.status(v, c, jvmEnumOK)
		return
	}
	if s.is(i, "respond") || s.is(i, "respondNullable") {
		w.status(args[0], c, jvmEnumOK)
	}
}
