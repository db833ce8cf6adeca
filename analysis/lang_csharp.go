package analysis

import (
	"fmt"
	"strings"

	"github.com/httpcodes/httpcodes/codes"
)

// C#: ASP.NET Core (controllers, minimal APIs, ProblemDetails, OpenAPI
// attributes), HttpClient's HttpResponseMessage, and the test libraries
// (xUnit, NUnit, MSTest, FluentAssertions).
//
// Decisions, where the APIs leave room:
//   - [ProducesResponseType(404)] and [SwaggerResponse(404, "…")] document a
//     response the action sends: Send, not strict (a number outside 100–999
//     there is no status).
//   - Every numeric status context of C# takes an int, so the .NET enum
//     HttpStatusCode is offered as (int)HttpStatusCode.NotFound; ASP.NET's
//     StatusCodes.Status404NotFound are ints already.
//   - A StatusCode member assignment (Response.StatusCode = n, an
//     initializer's StatusCode = n) sends a status. On an object not known
//     to be a response (a DTO's { StatusCode = 0 }, result.StatusCode = 1)
//     a number below 100 is the DTO's own code, not a status.
//   - ProblemDetails' Status is read in its initializer and on receivers
//     named like a problem (problem.Status = n), not on any Status. It is
//     the body's copy of the status: below 100 it is a payload (a round-
//     trip fixture's Status = 1), not a status.

func init() {
	register(&language{name: "csharp", exts: []string{".cs"}, analyze: analyzeCSharp, mayHave: csMayHave, complete: completeCSharp, routes: routesCSharp,
		// xUnit, NUnit and MSTest projects are named Foo.Tests (or
		// .Test, .UnitTests, .IntegrationTests) and sit beside the code, or
		// under test/ or tests/.
		tests: testConventions{
			// testassets/ (or TestAssets/) holds the servers a .NET
			// repository's functional tests run against (YARP's
			// testassets/TestServer).
			dirs:     []string{"*.Tests", "*.Test", "*.UnitTests", "*.IntegrationTests", "*.Specs", "test", "tests", "testassets", "TestAssets"},
			suffixes: []string{"Tests.cs", "Test.cs"},
		},
		editors: editorNames{lsp: []string{"csharp"}, vim: []string{"cs"}, helix: []string{"c-sharp"}},
		phrases: phrases{
			late:        "Kestrel throws InvalidOperationException (\"Headers are read-only, response has already started\") on a header set after that",
			bodiless:    "Kestrel refuses the write (InvalidOperationException)",
			invalid:     "no client accepts a response line with %d",
			again:       "comes too late",
			againEffect: "Kestrel throws InvalidOperationException (\"StatusCode cannot be set because the response has already started\")",
			redirectAPI: "the redirect API",
			setHeader: func(ev event, header string) string {
				return fmt.Sprintf("set %s.Headers[%q] = … first", ev.writer, header)
			},
			redirect: func(event) string { return "set Location first, or use Response.Redirect or Redirect(), which sets it" },
		}})
}

// csMayHave: every context and constant needs one of these words: a
// status name (StatusCodes, HttpStatusCode, StatusCode, Status =), the
// OpenAPI attributes, Problem with positional arguments, a
// HttpResponseMessage built from a number, or a response's .code.
func csMayHave(src []byte) bool {
	return containsAny(src, "tatus", "ResponseType", "SwaggerResponse", "Problem", "HttpResponseMessage", ".code")
}

// csScan finds a file's occurrences; analysis and completion share it.
func csScan(src []byte) *scan {
	s := newScan("csharp", src, lexCSharp(src))
	jcPresize(s)
	w := &csWalker{s: s}
	w.walk()
	s.references()
	return s
}

func analyzeCSharp(_ string, src []byte, _ *Result) *fileFacts {
	s := csScan(src)
	f := s.facts()
	f.steps = csFlow(s)
	s.release()
	if s.used == codes.DotNet {
		for i := range f.occ {
			if o := &f.occ[i]; o.Written == Number && o.ConstantText != "" {
				o.ConstantText = "(int)" + o.ConstantText
			}
		}
	}
	return f
}

type csWalker struct{ s *scan }

// status records sp, behind any cast to int or HttpStatusCode, in context c.
func (w *csWalker) status(sp span, c statusCtx) bool {
	if from := jcSkipCast(w.s, sp.from); from < sp.to {
		sp.from = from
	}
	return w.s.status(sp, c)
}

// call returns the arguments of the call whose ( is token open, or nil.
func (w *csWalker) call(open int) ([]span, int) { return w.s.call(open) }

func (w *csWalker) walk() {
	s := w.s
	for i := 0; i < len(s.toks); i++ {
		t := s.toks[i]
		if t.kind == tPunct {
			switch s.src[t.start] {
			case '=', '!', '<', '>':
				switch string(s.src[t.start:t.end]) {
				case "==", "!=", "<", ">", "<=", ">=":
					jcCompare(s, i, true, "status comparison")
				}
			}
			continue
		}
		if t.kind != tIdent {
			continue
		}
		switch string(s.src[t.start:t.end]) {
		case "StatusCode":
			w.statusCode(i)
		case "Status":
			// problem.Status = 404
			if r := jcReceiver(s, i); s.is(i+1, "=") && containsAny([]byte(r), "roblem") && !w.smallNumber(i+2, jcValueEnd(s, i+2)) {
				w.status(span{i + 2, jcValueEnd(s, i+2)}, statusCtx{role: Send, context: r + ".Status", framework: "aspnet", api: ErrorAPI, strict: true, msg: -1})
			}
		case "Results", "TypedResults":
			w.results(i)
		case "Problem", "ValidationProblem":
			if r := jcReceiver(s, i); r == "" && !s.is(i-1, ".") || r == "this" || r == "base" {
				if args, _ := w.call(i + 1); args != nil {
					w.problem(args, s.text(i))
				}
			}
		case "statusCode":
			// Any call's named argument statusCode: 404 names a status.
			if s.is(i+1, ":") && (s.is(i-1, "(") || s.is(i-1, ",")) {
				w.status(span{i + 2, jcValueEnd(s, i+2)}, statusCtx{role: Send, context: "statusCode:", framework: "aspnet", msg: -1})
			}
		case "ProducesResponseType", "ProducesResponseTypeAttribute", "SwaggerResponse", "SwaggerResponseAttribute":
			if s.is(i-1, "[") || s.is(i-1, ",") {
				w.attribute(i)
			}
		case "StatusCodeResult", "HttpResponseMessage":
			if s.is(i-1, "new") {
				if args, _ := w.call(i + 1); len(args) > 0 {
					w.status(args[0], statusCtx{role: Send, context: "new " + s.text(i), framework: "aspnet", strict: true, msg: -1})
				}
			}
		case "ProblemDetails", "ValidationProblemDetails", "HttpValidationProblemDetails":
			if s.is(i-1, "new") {
				w.problemDetails(i)
			}
		case "Equal", "NotEqual", "AreEqual", "AreNotEqual", "That":
			w.assert(i)
		case "Be", "NotBe":
			// FluentAssertions: response.StatusCode.Should().Be(HttpStatusCode.OK)
			if s.is(i-1, ".") && s.is(i-2, ")") && s.is(i-3, "(") && s.is(i-4, "Should") && s.is(i-5, ".") {
				if from := jcChainBefore(s, i-6); from <= i-6 && jcStatusish(s, from, i-5) {
					if args, _ := w.call(i + 1); len(args) > 0 {
						w.status(args[0], statusCtx{role: Compare, context: "Should()." + s.text(i), framework: "fluentassertions", msg: -1})
					}
				}
			}
		case "HaveStatusCode", "NotHaveStatusCode", "HaveHttpStatusCode":
			if args, _ := w.call(i + 1); len(args) > 0 && s.is(i-1, ".") {
				w.status(args[0], statusCtx{role: Compare, context: s.text(i), framework: "fluentassertions", msg: -1})
			}
		case "switch":
			w.switchOn(i)
		}
	}
}

// statusCode reads StatusCode(404) in a controller, Response.StatusCode =
// 404 and an initializer's { StatusCode = 404 }.
func (w *csWalker) statusCode(i int) {
	s := w.s
	recv := jcReceiver(s, i)
	switch {
	case s.is(i+1, "(") && (recv == "" && !s.is(i-1, ".") || recv == "this" || recv == "base"):
		if args, _ := w.call(i + 1); len(args) > 0 {
			w.status(args[0], statusCtx{role: Send, context: "StatusCode", framework: "aspnet", strict: true, msg: jcMsgArg(s, args, 1)})
		}
	case s.is(i+1, "=") && (s.is(i-1, ".") || s.is(i-1, "{") || s.is(i-1, ",")):
		end := jcValueEnd(s, i+2)
		known := csResultType(recv)
		if !s.is(i-1, ".") {
			known = csResultType(csInitializerType(s, i))
		}
		if !known && w.smallNumber(i+2, end) {
			return
		}
		w.status(span{i + 2, end}, statusCtx{role: Send, context: jcMember(recv, "StatusCode"), framework: "aspnet", strict: true, msg: -1})
	}
}

// smallNumber reports whether the value [from, to) is a number below 100
// (behind any cast): on an object not known to be a response, a code of
// its own rather than a status.
func (w *csWalker) smallNumber(from, to int) bool {
	from = jcSkipCast(w.s, from)
	n, ok := w.s.intAt(from)
	return ok && to == from+1 && n < 100
}

// csResultType reports whether a type or receiver name is one of
// ASP.NET's and HttpClient's objects whose StatusCode is the response's:
// a response (Response, rsp, httpResponse, HttpResponseMessage) or an
// action result (ObjectResult, ContentResult, JsonResult, result). A DTO
// named like one (UserResponse, StatusDto) is not.
func csResultType(name string) bool {
	if strings.HasSuffix(name, "Result") || strings.HasSuffix(name, "result") {
		return true
	}
	switch strings.ToLower(name) {
	case "response", "resp", "rsp", "res", "httpresponse", "httpresponsemessage", "responsemessage", "message":
		return true
	}
	return false
}

// csInitializerType returns the type of the object initializer holding
// the member at token i (new ObjectResult(x) { StatusCode = 500 }), or ""
// when the braces do not follow new T or new T(…).
func csInitializerType(s *scan, i int) string {
	depth := 0
	for j := i - 1; j >= 0 && i-j < jcChainLimit*4; j-- {
		switch {
		case s.is(j, "}") || s.is(j, ")") || s.is(j, "]"):
			depth++
		case s.is(j, "(") || s.is(j, "["):
			depth--
		case s.is(j, "{"):
			if depth > 0 {
				depth--
				continue
			}
			k := j - 1
			if s.is(k, ")") {
				k = s.openingParen(k) - 1
			}
			k = csGenericStart(s, k)
			if s.tok(k).kind == tIdent && s.is(k-1, "new") {
				return s.text(k)
			}
			for s.tok(k).kind == tIdent && s.is(k-1, ".") && s.tok(k-2).kind == tIdent {
				if s.is(k-3, "new") {
					return s.text(k)
				}
				k -= 2
			}
			return ""
		}
	}
	return ""
}

// csGenericStart steps back over the type arguments closing at k
// (ObjectResult<T>), returning the index of the type's name.
func csGenericStart(s *scan, k int) int {
	if !s.is(k, ">") {
		return k
	}
	for j := k - 1; j >= 0 && k-j < jcChainLimit; j-- {
		if s.is(j, "<") {
			return j - 1
		}
	}
	return k
}

// results reads minimal APIs' Results.StatusCode(404), Results.Problem(…)
// and any Results.X(…, statusCode: 404).
func (w *csWalker) results(i int) {
	s := w.s
	if !s.is(i+1, ".") || s.tok(i+2).kind != tIdent {
		return
	}
	m := s.text(i + 2)
	args, _ := w.call(i + 3)
	if args == nil {
		return
	}
	ctx := s.text(i) + "." + m
	switch m {
	case "StatusCode":
		if len(args) > 0 {
			w.status(args[0], statusCtx{role: Send, context: ctx, framework: "aspnet", strict: true, msg: -1})
		}
	case "Problem", "ValidationProblem":
		w.problem(args, ctx)
	default:
		if v, ok := s.keyword(args, "statusCode", ":"); ok {
			w.status(v, statusCtx{role: Send, context: ctx, framework: "aspnet", strict: true, msg: -1})
		}
	}
}

// problem reads Problem(detail, instance, statusCode, title) with named or
// positional arguments: an error API whose title is the message.
func (w *csWalker) problem(args []span, context string) {
	s := w.s
	c := statusCtx{role: Send, context: context, framework: "aspnet", api: ErrorAPI, strict: true, msg: -1}
	if t, ok := s.keyword(args, "title", ":"); ok && t.to-t.from == 1 && s.tok(t.from).kind == tString {
		c.msg = t.from
	}
	if v, ok := s.keyword(args, "statusCode", ":"); ok {
		w.status(v, c)
		return
	}
	if len(args) >= 3 && !s.is(args[2].from+1, ":") {
		c.msg = jcMsgArg(s, args, 3)
		w.status(args[2], c)
	}
}

// problemDetails reads new ProblemDetails { Status = 404, Title = "…" }.
func (w *csWalker) problemDetails(i int) {
	s := w.s
	j := i + 1
	if s.is(j, "(") {
		j = s.closing(j) + 1
	}
	if !s.is(j, "{") {
		return
	}
	args, _ := s.args(j)
	v, ok := s.keyword(args, "Status", "=")
	if !ok || w.smallNumber(v.from, v.to) {
		return
	}
	c := statusCtx{role: Send, context: "ProblemDetails", framework: "aspnet", api: ErrorAPI, strict: true, msg: -1}
	if t, ok := s.keyword(args, "Title", "="); ok && t.to-t.from == 1 && s.tok(t.from).kind == tString {
		c.msg = t.from
	}
	w.status(v, c)
}

// attribute reads [ProducesResponseType(typeof(T), 404)],
// [ProducesResponseType<T>(StatusCodes.Status200OK)] and
// [SwaggerResponse(404, "description")]: the first positional argument
// that is not a type.
func (w *csWalker) attribute(i int) {
	s := w.s
	args, _ := w.call(jcGeneric(s, i+1))
	name := s.text(i)
	for k, a := range args {
		if s.is(a.from, "typeof") || s.is(a.from+1, "=") {
			continue
		}
		c := statusCtx{role: Send, context: "[" + name + "]", framework: "aspnet", msg: -1}
		if name == "SwaggerResponse" || name == "SwaggerResponseAttribute" {
			c.msg = jcMsgArg(s, args, k+1)
		}
		w.status(a, c)
		return
	}
}

// assert reads xUnit's Assert.Equal(expected, actual), NUnit's and
// MSTest's Assert.AreEqual, and NUnit's Assert.That(actual,
// Is.EqualTo(expected)).
func (w *csWalker) assert(i int) {
	s := w.s
	if r := jcReceiver(s, i); r != "Assert" && r != "ClassicAssert" {
		return
	}
	args, _ := w.call(i + 1)
	if len(args) < 2 {
		return
	}
	c := statusCtx{role: Compare, context: "Assert." + s.text(i), msg: -1}
	if s.is(i, "That") {
		if jcStatusish(s, args[0].from, args[0].to) {
			w.status(jcUnwrap(s, args[1], "EqualTo"), c)
		}
		return
	}
	jcArgStatus(s, args, true, c)
}

// switchOn reads the labels of switch (response.StatusCode) { case …: }
// and the arms of response.StatusCode switch { HttpStatusCode.OK => … }.
func (w *csWalker) switchOn(i int) {
	s := w.s
	if args, end := w.call(i + 1); args != nil {
		if len(args) == 1 && s.is(end+1, "{") && jcStatusish(s, args[0].from, args[0].to) {
			jcCaseLabels(s, end+1, true, "case")
		}
		return
	}
	if from := jcChainBefore(s, i-1); from <= i-1 && s.is(i+1, "{") && jcStatusish(s, from, i) {
		jcCaseLabels(s, i+1, true, "switch arm")
	}
}
