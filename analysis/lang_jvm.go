package analysis

import "github.com/httpcodes/httpcodes/codes"

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
	register(&language{name: "java", exts: []string{".java"}, analyze: analyzeJava, mayHave: jvmMayHave, complete: completeJava, tests: jvmTests(".java"),
		editors: editorNames{lsp: []string{"java"}, vim: []string{"java"}, helix: []string{"java"}}})
	register(&language{name: "kotlin", exts: []string{".kt", ".kts"}, analyze: analyzeKotlin, mayHave: jvmMayHave, complete: completeKotlin, tests: jvmTests(".kt"),
		editors: editorNames{lsp: []string{"kotlin"}, vim: []string{"kotlin"}, helix: []string{"kotlin"}}})
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
	return containsAny(src, "tatus", "HttpServletResponse", "ResponseEntity", "sendError", "ErrorException", "ErrorResponseException", ".code")
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
	// flags holds, by start offset, what a number's context allows for its
	// constant; allocated on the first flag.
	flags map[int]uint8
}

// jvmScan finds a file's occurrences; analyzeJVM and completion share it.
func jvmScan(lang string, src []byte, kotlin bool) *jvmWalker {
	w := &jvmWalker{s: newScan(lang, src, lexJVM(src, kotlin))}
	jcPresize(w.s)
	w.walk()
	w.s.references()
	return w
}

func analyzeJVM(lang string, src []byte, kotlin bool) *fileFacts {
	w := jvmScan(lang, src, kotlin)
	s := w.s
	f := s.facts()
	s.release()
	for i := range f.occ {
		o := &f.occ[i]
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
			j := i + 1
			if s.is(j, "static") {
				j++
			}
			s.taken[j] = true
		case "setStatus", "setStatusCode":
			w.setStatus(i)
		case "sendError":
			if args, _ := w.call(i + 1); len(args) > 0 {
				w.status(args[0], statusCtx{role: Send, context: jcMember(jcReceiver(s, i), "sendError"),
					framework: "servlet", api: ErrorAPI, strict: true, msg: jcMsgArg(s, args, 1)}, 0)
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
			if !s.is(i-1, ".") {
				if args, _ := w.call(i + 1); len(args) == 2 {
					w.status(args[0], statusCtx{role: Send, context: "HttpStatusCode", framework: "ktor", strict: true, msg: jcMsgArg(s, args, 1)}, jvmNoConst)
				}
			}
		case "ResponseEntity":
			w.responseEntity(i)
		case "ResponseStatus":
			if s.is(i-1, "@") {
				w.responseStatus(i)
			}
		case "ResponseStatusException", "ErrorResponseException", "HttpClientErrorException", "HttpServerErrorException":
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
		c.strict = true
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
	recv := jcReceiver(s, i)
	if recv == "" {
		return
	}
	if s.is(i+1, "=") {
		// Kotlin property syntax for setStatus
		if sp, next, ok := jcOperand(s, i+2, false); ok && jcEnds(s, next) && jcResponseLike([]byte(recv)) {
			w.status(sp, statusCtx{role: Send, context: recv + ".status", framework: "servlet", strict: true, msg: -1}, 0)
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
		c.framework, flag = "spark", 0
	default:
		return
	}
	o := w.status(args[0], c, flag)
	// ResponseEntity.status(HttpStatus.OK).location(uri) sends a Location
	// with a code no client follows; 201 and 202 point at what they made.
	if o != nil && s.is(end+1, ".") && s.is(end+2, "location") && s.is(end+3, "(") && o.Code != 201 && o.Code != 202 {
		o.API |= RedirectAPI
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

// inRange reads Kotlin's response.status in 200..299 (or !in, or until):
// both ends are bounds of a class check.
func (w *jvmWalker) inRange(i int) {
	s := w.s
	if s.tok(i+1).kind != tNumber || !(s.is(i+2, "..") || s.is(i+2, "until")) || s.tok(i+3).kind != tNumber {
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
	s.status(span{i + 3, i + 4}, c)
}
