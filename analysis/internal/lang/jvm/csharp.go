package jvm

import (
	"fmt"
	"strings"

	"github.com/httpcodes/httpcodes/analysis/internal/facts"
	"github.com/httpcodes/httpcodes/analysis/internal/lex"
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
	facts.Register(&facts.Language{Name: "csharp", Exts: []string{".cs"}, Analyze: analyzeCSharp, MayHave: csMayHave, Complete: completeCSharp, Routes: routesCSharp,
		// xUnit, NUnit and MSTest projects are named Foo.Tests (or
		// .Test, .UnitTests, .IntegrationTests) and sit beside the code, or
		// under test/ or tests/.
		Tests: facts.TestConventions{
			// testassets/ (or TestAssets/) holds the servers a .NET
			// repository's functional tests run against (YARP's
			// testassets/TestServer).
			Dirs:     []string{"*.Tests", "*.Test", "*.UnitTests", "*.IntegrationTests", "*.Specs", "test", "tests", "testassets", "TestAssets"},
			Suffixes: []string{"Tests.cs", "Test.cs"},
		},
		Editors: facts.EditorNames{Lsp: []string{"csharp"}, Vim: []string{"cs"}, Helix: []string{"c-sharp"}},
		Phrases: facts.Phrases{
			Late:        "Kestrel throws InvalidOperationException (\"Headers are read-only, response has already started\") on a header set after that",
			Bodiless:    "Kestrel refuses the write (InvalidOperationException)",
			Invalid:     "no client accepts a response line with %d",
			Again:       "comes too late",
			AgainEffect: "Kestrel throws InvalidOperationException (\"StatusCode cannot be set because the response has already started\")",
			RedirectAPI: "the redirect API",
			SetHeader: func(ev facts.Event, header string) string {
				return fmt.Sprintf("set %s.Headers[%q] = … first", ev.Writer, header)
			},
			Redirect: func(facts.Event) string {
				return "set Location first, or use Response.Redirect or Redirect(), which sets it"
			},
		}})
}

// csMayHave: every context and constant needs one of these words: a
// status name (StatusCodes, HttpStatusCode, StatusCode, Status =), the
// OpenAPI attributes, Problem with positional arguments, a
// HttpResponseMessage built from a number, or a response's .code.
func csMayHave(src []byte) bool {
	return facts.ContainsAny(src, "tatus", "ResponseType", "SwaggerResponse", "Problem", "HttpResponseMessage", ".code")
}

// csScan finds a file's occurrences; analysis and completion share it.
func csScan(src []byte) *lex.Scan {
	s := lex.NewScan("csharp", src, LexCSharp(src))
	jcPresize(s)
	w := &csWalker{s: s}
	w.walk()
	s.References()
	return s
}

func analyzeCSharp(_ string, src []byte, _ *facts.Result) *facts.FileFacts {
	s := csScan(src)
	f := s.Facts()
	f.Steps = csFlow(s)
	s.Release()
	if s.Used == codes.DotNet {
		for i := range f.Occ {
			if o := &f.Occ[i]; o.Written == facts.Number && o.ConstantText != "" {
				o.ConstantText = "(int)" + o.ConstantText
			}
		}
	}
	return f
}

type csWalker struct{ s *lex.Scan }

// status records sp, behind any cast to int or HttpStatusCode, in context c.
func (w *csWalker) status(sp lex.Span, c lex.StatusCtx) bool {
	if from := jcSkipCast(w.s, sp.From); from < sp.To {
		sp.From = from
	}
	return w.s.Status(sp, c)
}

// call returns the arguments of the call whose ( is token open, or nil.
func (w *csWalker) call(open int) ([]lex.Span, int) { return w.s.Call(open) }

func (w *csWalker) walk() {
	s := w.s
	for i := 0; i < len(s.Toks); i++ {
		t := s.Toks[i]
		if t.Kind == lex.TPunct {
			switch s.Src[t.Start] {
			case '=', '!', '<', '>':
				switch string(s.Src[t.Start:t.End]) {
				case "==", "!=", "<", ">", "<=", ">=":
					jcCompare(s, i, true, "status comparison")
				}
			}
			continue
		}
		if t.Kind != lex.TIdent {
			continue
		}
		switch string(s.Src[t.Start:t.End]) {
		case "StatusCode":
			w.statusCode(i)
		case "Status":
			// problem.Status = 404
			if r := jcReceiver(s, i); s.Is(i+1, "=") && facts.ContainsAny([]byte(r), "roblem") && !w.smallNumber(i+2, jcValueEnd(s, i+2)) {
				w.status(lex.Span{From: i + 2, To: jcValueEnd(s, i+2)}, lex.StatusCtx{Role: facts.Send, Context: r + ".Status", Framework: "aspnet", Api: facts.ErrorAPI, Strict: true, Msg: -1})
			}
		case "Results", "TypedResults":
			w.results(i)
		case "Problem", "ValidationProblem":
			if r := jcReceiver(s, i); r == "" && !s.Is(i-1, ".") || r == "this" || r == "base" {
				if args, _ := w.call(i + 1); args != nil {
					w.problem(args, s.Text(i))
				}
			}
		case "statusCode":
			// Any call's named argument statusCode: 404 names a status.
			if s.Is(i+1, ":") && (s.Is(i-1, "(") || s.Is(i-1, ",")) {
				w.status(lex.Span{From: i + 2, To: jcValueEnd(s, i+2)}, lex.StatusCtx{Role: facts.Send, Context: "statusCode:", Framework: "aspnet", Msg: -1})
			}
		case "ProducesResponseType", "ProducesResponseTypeAttribute", "SwaggerResponse", "SwaggerResponseAttribute":
			if s.Is(i-1, "[") || s.Is(i-1, ",") {
				w.attribute(i)
			}
		case "StatusCodeResult", "HttpResponseMessage":
			if s.Is(i-1, "new") {
				if args, _ := w.call(i + 1); len(args) > 0 {
					w.status(args[0], lex.StatusCtx{Role: facts.Send, Context: "new " + s.Text(i), Framework: "aspnet", Strict: true, Msg: -1})
				}
			}
		case "ProblemDetails", "ValidationProblemDetails", "HttpValidationProblemDetails":
			if s.Is(i-1, "new") {
				w.problemDetails(i)
			}
		case "Equal", "NotEqual", "AreEqual", "AreNotEqual", "That":
			w.assert(i)
		case "Be", "NotBe":
			// FluentAssertions: response.StatusCode.Should().Be(HttpStatusCode.OK)
			if s.Is(i-1, ".") && s.Is(i-2, ")") && s.Is(i-3, "(") && s.Is(i-4, "Should") && s.Is(i-5, ".") {
				if from := jcChainBefore(s, i-6); from <= i-6 && jcStatusish(s, from, i-5) {
					if args, _ := w.call(i + 1); len(args) > 0 {
						w.status(args[0], lex.StatusCtx{Role: facts.Compare, Context: "Should()." + s.Text(i), Framework: "fluentassertions", Msg: -1})
					}
				}
			}
		case "HaveStatusCode", "NotHaveStatusCode", "HaveHttpStatusCode":
			if args, _ := w.call(i + 1); len(args) > 0 && s.Is(i-1, ".") {
				w.status(args[0], lex.StatusCtx{Role: facts.Compare, Context: s.Text(i), Framework: "fluentassertions", Msg: -1})
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
	case s.Is(i+1, "(") && (recv == "" && !s.Is(i-1, ".") || recv == "this" || recv == "base"):
		if args, _ := w.call(i + 1); len(args) > 0 {
			w.status(args[0], lex.StatusCtx{Role: facts.Send, Context: "StatusCode", Framework: "aspnet", Strict: true, Msg: jcMsgArg(s, args, 1)})
		}
	case s.Is(i+1, "=") && (s.Is(i-1, ".") || s.Is(i-1, "{") || s.Is(i-1, ",")):
		end := jcValueEnd(s, i+2)
		known := csResultType(recv)
		if !s.Is(i-1, ".") {
			known = csResultType(csInitializerType(s, i))
		}
		if !known && w.smallNumber(i+2, end) {
			return
		}
		w.status(lex.Span{From: i + 2, To: end}, lex.StatusCtx{Role: facts.Send, Context: jcMember(recv, "StatusCode"), Framework: "aspnet", Strict: true, Msg: -1})
	}
}

// smallNumber reports whether the value [from, to) is a number below 100
// (behind any cast): on an object not known to be a response, a code of
// its own rather than a status.
func (w *csWalker) smallNumber(from, to int) bool {
	from = jcSkipCast(w.s, from)
	n, ok := w.s.IntAt(from)
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
func csInitializerType(s *lex.Scan, i int) string {
	depth := 0
	for j := i - 1; j >= 0 && i-j < jcChainLimit*4; j-- {
		switch {
		case s.Is(j, "}") || s.Is(j, ")") || s.Is(j, "]"):
			depth++
		case s.Is(j, "(") || s.Is(j, "["):
			depth--
		case s.Is(j, "{"):
			if depth > 0 {
				depth--
				continue
			}
			k := j - 1
			if s.Is(k, ")") {
				k = s.OpeningParen(k) - 1
			}
			k = csGenericStart(s, k)
			if s.Tok(k).Kind == lex.TIdent && s.Is(k-1, "new") {
				return s.Text(k)
			}
			for s.Tok(k).Kind == lex.TIdent && s.Is(k-1, ".") && s.Tok(k-2).Kind == lex.TIdent {
				if s.Is(k-3, "new") {
					return s.Text(k)
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
func csGenericStart(s *lex.Scan, k int) int {
	if !s.Is(k, ">") {
		return k
	}
	for j := k - 1; j >= 0 && k-j < jcChainLimit; j-- {
		if s.Is(j, "<") {
			return j - 1
		}
	}
	return k
}

// results reads minimal APIs' Results.StatusCode(404), Results.Problem(…)
// and any Results.X(…, statusCode: 404).
func (w *csWalker) results(i int) {
	s := w.s
	if !s.Is(i+1, ".") || s.Tok(i+2).Kind != lex.TIdent {
		return
	}
	m := s.Text(i + 2)
	args, _ := w.call(i + 3)
	if args == nil {
		return
	}
	ctx := s.Text(i) + "." + m
	switch m {
	case "StatusCode":
		if len(args) > 0 {
			w.status(args[0], lex.StatusCtx{Role: facts.Send, Context: ctx, Framework: "aspnet", Strict: true, Msg: -1})
		}
	case "Problem", "ValidationProblem":
		w.problem(args, ctx)
	default:
		if v, ok := s.Keyword(args, "statusCode", ":"); ok {
			w.status(v, lex.StatusCtx{Role: facts.Send, Context: ctx, Framework: "aspnet", Strict: true, Msg: -1})
		}
	}
}

// problem reads Problem(detail, instance, statusCode, title) with named or
// positional arguments: an error API whose title is the message.
func (w *csWalker) problem(args []lex.Span, context string) {
	s := w.s
	c := lex.StatusCtx{Role: facts.Send, Context: context, Framework: "aspnet", Api: facts.ErrorAPI, Strict: true, Msg: -1}
	if t, ok := s.Keyword(args, "title", ":"); ok && t.To-t.From == 1 && s.Tok(t.From).Kind == lex.TString {
		c.Msg = t.From
	}
	if v, ok := s.Keyword(args, "statusCode", ":"); ok {
		w.status(v, c)
		return
	}
	if len(args) >= 3 && !s.Is(args[2].From+1, ":") {
		c.Msg = jcMsgArg(s, args, 3)
		w.status(args[2], c)
	}
}

// problemDetails reads new ProblemDetails { Status = 404, Title = "…" }.
func (w *csWalker) problemDetails(i int) {
	s := w.s
	j := i + 1
	if s.Is(j, "(") {
		j = s.Closing(j) + 1
	}
	if !s.Is(j, "{") {
		return
	}
	args, _ := s.Args(j)
	v, ok := s.Keyword(args, "Status", "=")
	if !ok || w.smallNumber(v.From, v.To) {
		return
	}
	c := lex.StatusCtx{Role: facts.Send, Context: "ProblemDetails", Framework: "aspnet", Api: facts.ErrorAPI, Strict: true, Msg: -1}
	if t, ok := s.Keyword(args, "Title", "="); ok && t.To-t.From == 1 && s.Tok(t.From).Kind == lex.TString {
		c.Msg = t.From
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
	name := s.Text(i)
	for k, a := range args {
		if s.Is(a.From, "typeof") || s.Is(a.From+1, "=") {
			continue
		}
		c := lex.StatusCtx{Role: facts.Send, Context: "[" + name + "]", Framework: "aspnet", Msg: -1}
		if name == "SwaggerResponse" || name == "SwaggerResponseAttribute" {
			c.Msg = jcMsgArg(s, args, k+1)
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
	c := lex.StatusCtx{Role: facts.Compare, Context: "Assert." + s.Text(i), Msg: -1}
	if s.Is(i, "That") {
		if jcStatusish(s, args[0].From, args[0].To) {
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
		if len(args) == 1 && s.Is(end+1, "{") && jcStatusish(s, args[0].From, args[0].To) {
			jcCaseLabels(s, end+1, true, "case")
		}
		return
	}
	if from := jcChainBefore(s, i-1); from <= i-1 && s.Is(i+1, "{") && jcStatusish(s, from, i) {
		jcCaseLabels(s, i+1, true, "switch arm")
	}
}
