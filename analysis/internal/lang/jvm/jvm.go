package jvm

import (
	"sort"
	"strings"

	"github.com/httpcodes/httpcodes/analysis/internal/facts"
	"github.com/httpcodes/httpcodes/analysis/internal/lex"
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
	facts.Register(&facts.Language{Name: "java", Exts: []string{".java"}, Analyze: analyzeJava, MayHave: jvmMayHave, Complete: completeJava, Routes: routesJava, Tests: facts.JvmTests(".java"), Phrases: jvmPhrases,
		Editors: facts.EditorNames{Lsp: []string{"java"}, Vim: []string{"java"}, Helix: []string{"java"}}})
	facts.Register(&facts.Language{Name: "kotlin", Exts: []string{".kt", ".kts"}, Analyze: analyzeKotlin, MayHave: jvmMayHave, Complete: completeKotlin, Routes: routesKotlin, Tests: facts.JvmTests(".kt"), Phrases: jvmPhrases,
		Editors: facts.EditorNames{Lsp: []string{"kotlin"}, Vim: []string{"kotlin"}, Helix: []string{"kotlin"}}})
}

// jvmPhrases are what servlet containers, Spring and Ktor do, for Java and
// Kotlin alike.
var jvmPhrases = facts.Phrases{
	Late:        "a committed servlet response ignores headers set after that, and Ktor throws",
	Bodiless:    "the server drops it or cuts the connection",
	Invalid:     "no client accepts a response line with %d",
	Again:       "has no effect",
	AgainEffect: "a status is sent only once (a committed servlet response ignores setStatus and throws IllegalStateException on sendError; Ktor throws ResponseAlreadySentException)",
	RedirectAPI: "the redirect API",
	SetHeader: func(ev facts.Event, header string) string {
		call, _ := jvmHeaderCall(ev, header)
		return "call " + call + " first"
	},
	Redirect: func(ev facts.Event) string {
		_, redirect := jvmHeaderCall(ev, "Location")
		return "set Location first, or use " + redirect + ", which sets it"
	},
}

func analyzeJava(_ string, src []byte, _ *facts.Result) *facts.FileFacts {
	return analyzeJVM("java", src, false)
}

func analyzeKotlin(_ string, src []byte, _ *facts.Result) *facts.FileFacts {
	return analyzeJVM("kotlin", src, true)
}

// jvmMayHave: every context and constant needs one of these words: a
// status name (HttpStatus, setStatus, status()), a servlet constant's
// class, a response entity, sendError, Spring's error exceptions
// (HttpClientErrorException, ErrorResponseException) or a response's .code.
func jvmMayHave(src []byte) bool {
	return facts.ContainsAny(src, "tatus", "HttpServletResponse", "ResponseEntity", "sendError", "ErrorException", "ErrorResponseException", ".code", "MockResponse", "ResponseCode")
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
	s *lex.Scan
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
	ahead map[int][]facts.Event
	// flags holds, by start offset, what a number's context allows for its
	// constant; allocated on the first flag.
	flags map[int]uint8
}

// jvmScan finds a file's occurrences; analyzeJVM and completion share it.
func jvmScan(lang string, src []byte, kotlin bool) *jvmWalker {
	w := &jvmWalker{s: lex.NewScan(lang, src, LexJVM(src, kotlin))}
	if lib := jvmLibrary(src); lib != "" {
		w.lib = lib
		w.s.Names = jvmNames(lang, lib)
		w.s.Ecosystems = append([]codes.Ecosystem{lib}, w.s.Ecosystems...)
	}
	w.ownTable = facts.ContainsAny(src, "class HttpStatusCode", "class HttpStatus ", "class HttpStatus(")
	jcPresize(w.s)
	w.walk()
	w.s.References()
	return w
}

func analyzeJVM(lang string, src []byte, kotlin bool) *facts.FileFacts {
	w := jvmScan(lang, src, kotlin)
	s := w.s
	f := s.Facts()
	optIn := w.deprecationScopes()
	f.Steps = w.flow()
	s.Release()
	for i := range f.Occ {
		o := &f.Occ[i]
		for len(optIn) > 0 && optIn[0][1] <= o.Start {
			optIn = optIn[1:]
		}
		if o.Written == facts.Constant && len(optIn) > 0 && optIn[0][0] <= o.Start {
			// The scope says it uses deprecated names on purpose: the
			// constant is read, but no library's deprecation is judged.
			o.Ecosystem = ""
		}
		if o.Written == facts.Number && w.lib != "" && s.Used == w.lib && w.flags[o.Start] != jvmNoConst {
			// Javalin's and Ktor's names, not in the data set: offered here.
			if name, ok := jvmLibConstant(w.lib, o.Code, w.flags[o.Start] == jvmEnumOK); ok {
				o.Constant, o.ConstantText = name, s.UsedPrefix+name
			}
			continue
		}
		if o.Written != facts.Number || o.Constant == "" {
			continue
		}
		switch w.flags[o.Start] {
		case jvmNoConst:
			o.Constant, o.ConstantText = "", ""
		case jvmEnumOK:
		default:
			if s.Used == codes.Spring {
				o.ConstantText += ".value()"
			}
		}
	}
	return f
}

// status records sp in context c and flags a number found there. It
// returns the occurrence added, or nil (sp is no status, or its token is
// already an occurrence).
func (w *jvmWalker) status(sp lex.Span, c lex.StatusCtx, flag uint8) *facts.Occurrence {
	s := w.s
	// HttpStatus.ACCEPTED.value(): the int of a constant is the constant.
	if n := sp.To - sp.From; n > 4 && s.Is(sp.To-4, ".") && s.Is(sp.To-3, "value") && s.Is(sp.To-2, "(") && s.Is(sp.To-1, ")") {
		sp.To -= 4
	}
	before := len(s.Occ)
	if !s.Status(sp, c) || len(s.Occ) == before {
		return nil
	}
	o := &s.Occ[len(s.Occ)-1]
	if flag != 0 && o.Written == facts.Number {
		if w.flags == nil {
			w.flags = map[int]uint8{}
		}
		w.flags[o.Start] = flag
	}
	return o
}

// call returns the arguments of the call whose ( is token open, or nil.
func (w *jvmWalker) call(open int) ([]lex.Span, int) { return w.s.Call(open) }

func (w *jvmWalker) walk() {
	s := w.s
	for i := 0; i < len(s.Toks); i++ {
		t := s.Toks[i]
		if t.Kind == lex.TPunct {
			switch s.Src[t.Start] {
			case '=', '!', '<', '>':
				switch string(s.Src[t.Start:t.End]) {
				case "==", "!=", "===", "!==", "<", ">", "<=", ">=":
					jcCompare(s, i, false, "status comparison")
				}
			}
			continue
		}
		if t.Kind != lex.TIdent {
			continue
		}
		switch string(s.Src[t.Start:t.End]) {
		case "import":
			// An import names a constant without using it, and must not
			// decide how the file writes constants.
			// The file may end at the import, or at its static.
			j := i + 1
			if s.Is(j, "static") {
				j++
			}
			if j < len(s.Taken) {
				s.Taken[j] = true
			}
		case "setStatus", "setStatusCode":
			w.setStatus(i)
		case "sendError":
			if args, _ := w.call(i + 1); len(args) > 0 {
				o := w.status(args[0], lex.StatusCtx{Role: facts.Send, Context: jcMember(jcReceiver(s, i), "sendError"),
					Framework: "servlet", Api: facts.ErrorAPI, Strict: true, Msg: jcMsgArg(s, args, 1)}, 0)
				// Tomcat sends sendError(103) as 103 Early Hints and goes
				// on: a 1xx here is no error page.
				if o != nil && o.Code >= 100 && o.Code < 200 {
					o.API &^= facts.ErrorAPI
				}
			}
		case "status", "expectStatus":
			w.statusCall(i)
		case "statusCode":
			// RestAssured: then().statusCode(404), statusCode(equalTo(404))
			if s.Is(i-1, ".") {
				if args, _ := w.call(i + 1); len(args) == 1 {
					w.status(jcUnwrap(s, args[0], "is", "equalTo"), lex.StatusCtx{Role: facts.Compare, Context: "statusCode", Framework: "restassured", Msg: -1}, 0)
				}
			}
		case "hasStatus":
			// AssertJ and MockMvcTester: assertThat(result).hasStatus(404)
			if args, _ := w.call(i + 1); len(args) == 1 && s.Is(i-1, ".") {
				w.status(args[0], lex.StatusCtx{Role: facts.Compare, Context: "hasStatus", Framework: "assertj", Msg: -1}, jvmEnumOK)
			}
		case "valueOf":
			if r := jcReceiver(s, i); r == "HttpStatus" || r == "HttpStatusCode" {
				if args, _ := w.call(i + 1); len(args) == 1 {
					w.status(args[0], lex.StatusCtx{Role: facts.Send, Context: r + ".valueOf", Framework: "spring", Strict: true, Msg: -1}, jvmNoConst)
				}
			}
		case "fromValue":
			if jcReceiver(s, i) == "HttpStatusCode" {
				if args, _ := w.call(i + 1); len(args) == 1 {
					w.status(args[0], lex.StatusCtx{Role: facts.Send, Context: "HttpStatusCode.fromValue", Framework: "ktor", Msg: -1}, jvmNoConst)
				}
			}
		case "HttpStatusCode":
			// Ktor: HttpStatusCode(418, "I'm a teapot")
			if !s.Is(i-1, ".") && !w.ownTable {
				if args, _ := w.call(i + 1); len(args) == 2 {
					w.status(args[0], lex.StatusCtx{Role: facts.Send, Context: "HttpStatusCode", Framework: "ktor", Strict: true, Msg: jcMsgArg(s, args, 1), Reason: true}, jvmNoConst)
				}
			}
		case "respond", "respondText", "respondBytes", "respondNullable":
			w.ktorRespond(i)
		case "MockResponse":
			// OkHttp's mockwebserver3: MockResponse(code = 404, body = "…")
			if args, _ := w.call(i + 1); len(args) > 0 {
				if v, ok := s.Keyword(args, "code", "="); ok {
					w.status(v, lex.StatusCtx{Role: facts.Send, Context: "MockResponse", Framework: "okhttp", Strict: true, Msg: -1}, 0)
				}
			}
		case "setResponseCode":
			// OkHttp's mockwebserver: MockResponse().setResponseCode(404)
			if args, _ := w.call(i + 1); len(args) == 1 && s.Is(i-1, ".") {
				w.status(args[0], lex.StatusCtx{Role: facts.Send, Context: "setResponseCode", Framework: "okhttp", Msg: -1}, 0)
			}
		case "ResponseEntity":
			w.responseEntity(i)
		case "ResponseStatus":
			if s.Is(i-1, "@") {
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
				o := w.status(args[0], lex.StatusCtx{Role: facts.Send, Context: s.Text(i), Framework: "spring", Api: facts.ErrorAPI, Strict: true, Msg: jcMsgArg(s, args, 1)}, jvmEnumOK)
				if o != nil && s.Text(i) == "ResponseStatusException" && (o.Code == 204 || o.Code == 304) &&
					(len(args) == 1 || args[1].To-args[1].From == 1 && s.Is(args[1].From, "null")) {
					// ResponseStatusException(HttpStatus.NO_CONTENT) with no
					// reason is a deliberate empty answer: Boot's error
					// handling answers a 204 with no body at all (and no
					// server sends one with a 204 or 304), so no error
					// message reaches the client and the call is no error
					// API here. With a reason, the reason is the mistake.
					o.API &^= facts.ErrorAPI
				}
			}
		case "forStatus", "forStatusAndDetail":
			if jcReceiver(s, i) == "ProblemDetail" {
				if args, _ := w.call(i + 1); len(args) > 0 {
					w.status(args[0], lex.StatusCtx{Role: facts.Send, Context: "ProblemDetail." + s.Text(i), Framework: "spring", Api: facts.ErrorAPI, Strict: true, Msg: -1}, jvmEnumOK)
				}
			}
		case "assertEquals", "assertNotEquals":
			if args, _ := w.call(i + 1); len(args) >= 2 {
				jcArgStatus(s, args, false, lex.StatusCtx{Role: facts.Compare, Context: s.Text(i), Framework: "junit", Msg: -1})
			}
		case "assertThat":
			w.assertThat(i)
		case "shouldBe", "shouldNotBe":
			w.kotest(i)
		case "in":
			w.inRange(i)
		case "switch", "when":
			if args, end := w.call(i + 1); len(args) == 1 && s.Is(end+1, "{") && jcStatusish(s, args[0].From, args[0].To) {
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
	c := lex.StatusCtx{Role: facts.Send, Context: jcMember(recv, s.Text(i)), Framework: "servlet", Msg: jcMsgArg(s, args, 1)}
	if s.Is(i, "setStatusCode") {
		c.Framework = "spring"
	}
	switch {
	case jcResponseLike([]byte(recv)):
		// Only a receiver known to be a response takes any number as its
		// status: UserResponse's setStatus(1) is an application's own.
		c.Strict = w.knownResponse(recv, i)
	case facts.ContainsAny([]byte(recv), "edirect"):
		c.Api, c.Strict = facts.RedirectAPI, true
	case s.Tok(args[0].From).Kind != lex.TIdent:
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
	if s.Is(i+1, "(") && s.Is(i+2, ")") && s.Is(i+3, ".") && s.Tok(i+4).Kind == lex.TIdent && s.Is(i+5, "(") {
		w.matcher(i + 4)
		return
	}
	if s.Is(i, "expectStatus") {
		return
	}
	// MockMvc's Kotlin DSL: andExpect { status { isNotFound() } }
	if s.Is(i+1, "{") && s.Tok(i+2).Kind == lex.TIdent && s.Is(i+3, "(") {
		if _, end := w.call(i + 3); s.Is(end+1, "}") {
			w.matcher(i + 2)
		}
		return
	}
	recv := jcReceiver(s, i)
	if recv == "" {
		return
	}
	if s.Is(i+1, "=") {
		// Kotlin property syntax for setStatus
		if sp, next, ok := jcOperand(s, i+2, false); ok && jcEnds(s, next) && jcResponseLike([]byte(recv)) {
			w.status(sp, lex.StatusCtx{Role: facts.Send, Context: recv + ".status", Framework: "servlet", Strict: w.knownResponse(recv, i), Msg: -1}, 0)
		}
		return
	}
	args, end := w.call(i + 1)
	if len(args) == 0 {
		return
	}
	c := lex.StatusCtx{Role: facts.Send, Context: recv + ".status", Strict: true, Msg: -1}
	flag := jvmEnumOK
	switch {
	case recv == "ResponseEntity" || recv == "ServerResponse":
		c.Framework = "spring"
	case recv == "ctx" || recv == "context":
		c.Framework = "javalin"
	case jcResponseLike([]byte(recv)):
		c.Framework, flag, c.Strict = "spark", 0, w.knownResponse(recv, i)
	default:
		return
	}
	o := w.status(args[0], c, flag)
	// ResponseEntity.status(…).location(uri) sets Location by hand beside
	// the status the code chose (redirect-status judges only a 3xx).
	if o != nil && s.Is(end+1, ".") && s.Is(end+2, "location") && s.Is(end+3, "(") {
		o.API |= facts.LocationAPI
		o.Context = recv + ".status(…).location"
	}
}

// matcher reads MockMvc's status().isX() and status().is(n) and
// WebTestClient's expectStatus().isEqualTo(n); m is the method's index.
func (w *jvmWalker) matcher(m int) {
	s := w.s
	name := s.Text(m)
	if name == "is" || name == "isEqualTo" {
		if args, _ := w.call(m + 1); len(args) == 1 {
			w.status(args[0], lex.StatusCtx{Role: facts.Compare, Context: "status()." + name, Framework: "spring-test", Msg: -1}, 0)
		}
		return
	}
	if !s.Is(m+2, ")") {
		return
	}
	code, ok := jvmMatchers()[name]
	if !ok || s.Taken[m] {
		return
	}
	s.Add(m, m, facts.Occurrence{Code: code, Written: facts.Constant, Name: name},
		lex.StatusCtx{Role: facts.Compare, Context: "status()." + name, Framework: "spring-test", Msg: -1})
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
	w.status(args[len(args)-1], lex.StatusCtx{Role: facts.Send, Context: "ResponseEntity", Framework: "spring", Strict: true, Msg: -1}, 0)
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
	if r, ok := s.Keyword(args, "reason", "="); ok && r.To-r.From == 1 && s.Tok(r.From).Kind == lex.TString {
		msg = r.From
	}
	c := lex.StatusCtx{Role: facts.Send, Context: "@ResponseStatus", Framework: "spring", Msg: msg}
	if !s.Is(args[0].From+1, "=") {
		w.status(args[0], c, jvmEnumOK)
		return
	}
	for _, key := range []string{"code", "value"} {
		if v, ok := s.Keyword(args, key, "="); ok {
			w.status(v, c, jvmEnumOK)
		}
	}
}

// assertThat reads AssertJ's assertThat(response.getStatus()).isEqualTo(404)
// and Hamcrest's assertThat(response.getStatus(), is(404)).
func (w *jvmWalker) assertThat(i int) {
	s := w.s
	args, end := w.call(i + 1)
	c := lex.StatusCtx{Role: facts.Compare, Context: "assertThat", Framework: "assertj", Msg: -1}
	switch {
	case len(args) == 1 && s.Is(end+1, "."):
		switch s.Text(end + 2) {
		case "isEqualTo", "isNotEqualTo", "isSameAs":
		default:
			return
		}
		if m, _ := w.call(end + 3); len(m) == 1 && jcStatusish(s, args[0].From, args[0].To) {
			w.status(m[0], c, 0)
		}
	case len(args) == 2 && jcStatusish(s, args[0].From, args[0].To):
		c.Framework = "hamcrest"
		w.status(jcUnwrap(s, args[1], "is", "equalTo"), c, 0)
	}
}

// kotest reads response.status shouldBe 404 and
// response.status.shouldBe(404).
func (w *jvmWalker) kotest(i int) {
	s := w.s
	c := lex.StatusCtx{Role: facts.Compare, Context: s.Text(i), Framework: "kotest", Msg: -1}
	if s.Is(i-1, ".") {
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
	if s.Tok(i+1).Kind != lex.TNumber || op == 0 || s.Tok(i+2+op).Kind != lex.TNumber {
		return
	}
	end := i - 1
	if s.Is(end, "!") {
		end--
	}
	if from := jcChainBefore(s, end); from > end || !jcStatusish(s, from, end+1) {
		return
	}
	c := lex.StatusCtx{Role: facts.RangeBound, Context: "range check", Msg: -1}
	s.Status(lex.Span{From: i + 1, To: i + 2}, c)
	s.Status(lex.Span{From: i + 2 + op, To: i + 3 + op}, c)
}

// jcRangeOp returns the number of tokens of the Kotlin range operator at
// token k: 1 for .. (inclusive) and until, 2 for ..< (whose < the lexer
// gives apart), 0 when there is none. until and ..< exclude their upper
// bound (in 500 until 600 is 500..599), and either way the upper end is
// a bound of the class check, never a status compared.
func jcRangeOp(s *lex.Scan, k int) int {
	switch {
	case s.Is(k, "..") && s.Is(k+1, "<") && s.Tok(k+1).Start == s.Tok(k).End:
		return 2
	case s.Is(k, "..") || s.Is(k, "until"):
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
		for s.Is(typ+1, ".") && s.Tok(typ+2).Kind == lex.TIdent {
			typ += 2
		}
		out[name] = append(out[name], jvmDecl{at: at, response: jvmResponseType(s.Text(typ))})
	}
	for i := 0; i+1 < len(s.Toks); i++ {
		if s.Toks[i].Kind != lex.TIdent {
			continue
		}
		switch {
		case s.Is(i+1, ":") && s.Tok(i+2).Kind == lex.TIdent && !s.Is(i-1, "?"):
			// Kotlin: response: HttpServletResponse
			note(s.Text(i), i, i+2)
		case s.Is(i+1, "=") && (s.Is(i-1, "val") || s.Is(i-1, "var")) && s.Tok(i+2).Kind == lex.TIdent && s.Is(i+3, "("):
			// Kotlin: val response = UserResponse()
			note(s.Text(i), i, i+2)
		case s.Is(i, "var") && s.Tok(i+1).Kind == lex.TIdent && s.Is(i+2, "=") && s.Is(i+3, "new") && s.Tok(i+4).Kind == lex.TIdent:
			// Java: var response = new UserResponse()
			note(s.Text(i+1), i+1, i+4)
		case s.Tok(i+1).Kind == lex.TIdent && !s.Is(i, "return") && !s.Is(i, "new") && !s.Is(i, "val") && !s.Is(i, "var"):
			switch s.Text(i + 2) {
			case "=", ",", ")", ";", ":":
				note(s.Text(i+1), i+1, i)
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
	for i := 0; i+1 < len(s.Toks); i++ {
		if !s.Is(i, "@") {
			continue
		}
		j := i + 1
		file := false
		if s.Is(j, "file") && s.Is(j+1, ":") {
			file, j = true, j+2
		}
		// A qualified name: @java.lang.Deprecated, @kotlin.Suppress.
		for s.Tok(j).Kind == lex.TIdent && s.Is(j+1, ".") {
			j += 2
		}
		after := j + 1
		switch s.Text(j) {
		case "Deprecated":
		case "SuppressWarnings", "Suppress":
			args, end := s.Call(j + 1)
			if !jvmSuppressesDeprecation(s, args) {
				continue
			}
			after = end + 1
		default:
			continue
		}
		if s.Is(after, "(") {
			after = s.Closing(after) + 1
		}
		if file {
			return [][2]int{{0, len(s.Src)}}
		}
		end := w.declarationEnd(after)
		if end <= after {
			continue
		}
		r := [2]int{int(s.Toks[i].Start), int(s.Tok(end).End)}
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
func jvmSuppressesDeprecation(s *lex.Scan, args []lex.Span) bool {
	for _, a := range args {
		for k := a.From; k < a.To; k++ {
			if s.Tok(k).Kind == lex.TString && strings.EqualFold(lex.StringContent([]byte(s.Text(k))), "deprecation") {
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
	for j := i; j < len(s.Toks) && j-i < jvmScopeLimit; j++ {
		if eq >= 0 && s.Toks[j].Start > s.Toks[eq].Start && lineBreakBetween(s.Src, int(s.Toks[eq].End), int(s.Toks[j].Start)) && !s.Is(j, ".") {
			return j - 1
		}
		switch s.Text(j) {
		case "{":
			return s.Closing(j)
		case ";":
			return j
		case "(", "[":
			j = s.Closing(j)
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
	if !s.Is(i-1, ".") || w.lib != ecoKtor {
		return
	}
	args, _ := w.call(i + 1)
	if len(args) == 0 {
		return
	}
	c := lex.StatusCtx{Role: facts.Send, Context: jcMember(jcReceiver(s, i), s.Text(i)), Framework: "ktor", Msg: -1}
	if v, ok := s.Keyword(args, "status", "="); ok {
		w.status(v, c, jvmEnumOK)
		return
	}
	if s.Is(i, "respond") || s.Is(i, "respondNullable") {
		w.status(args[0], c, jvmEnumOK)
	}
}
