package analysis

import (
	"strings"
	"testing"

	"github.com/httpcodes/httpcodes/analysis/internal/facts"
	"github.com/httpcodes/httpcodes/analysis/internal/lang/jvm"
	"github.com/httpcodes/httpcodes/analysis/internal/lex"
)

// lexed renders tokens as kind:text, one per token, for exact comparison.
func lexed(src string, toks []lex.Lexeme) string {
	kinds := map[lex.TokKind]string{lex.TIdent: "id", lex.TNumber: "num", lex.TString: "str", lex.TPunct: "p"}
	var out []string
	for _, t := range toks {
		out = append(out, kinds[t.Kind]+":"+src[t.Start:t.End])
	}
	return strings.Join(out, " ")
}

func TestLexJVM(t *testing.T) {
	tests := []struct {
		name   string
		kotlin bool
		src    string
		want   string
	}{
		{"java string with escaped quote", false, `f("a\"b", 404)`, `id:f p:( str:"a\"b" p:, num:404 p:)`},
		{"java text block", false, "x = \"\"\"\n  \"q\" \\\"\"\" 404\n  \"\"\"; 1", "id:x p:= str:\"\"\"\n  \"q\" \\\"\"\" 404\n  \"\"\" p:; num:1"},
		{"java chars", false, `'"' '\'' 404`, `str:'"' str:'\'' num:404`},
		{"java block comments do not nest", false, "/* /* */ 404 */", "num:404 p:* p:/"},
		{"java numbers", false, "404L 4_04 0x194 4.04e2", "num:404L num:4_04 num:0x194 num:4.04e2"},
		{"kotlin comments nest", true, "/* /* */ 404 */ 1", "num:1"},
		{"kotlin simple template stays literal", true, `"a $b 404"`, `str:"a $b 404"`},
		{"kotlin template code is code", true, `"a ${f(404)} b"`, `str:"a $ p:{ id:f p:( num:404 p:) p:} str: b"`},
		{"kotlin template holding a string", true, `"a ${"}"} b" 1`, `str:"a $ p:{ str:"}" p:} str: b" num:1`},
		{"kotlin nested templates", true, `"${"${x}"}" 1`, `str:"$ p:{ str:"$ p:{ id:x p:} str:" p:} str:" num:1`},
		{"kotlin braces inside template", true, `"${ m.map { it } }" 1`, `str:"$ p:{ id:m p:. id:map p:{ id:it p:} p:} str:" num:1`},
		{"kotlin raw string ends at the last quote", true, `"""a""""" 1`, `str:"""a""""" num:1`},
		{"kotlin raw string has no escapes", true, `"""a\""" 1`, `str:"""a\""" num:1`},
		{"kotlin backquoted name", true, "`a b` 1", "id:`a b` num:1"},
		{"unterminated string stops at the line", false, "\"abc\n404", "str:\"abc num:404"},
		{"unterminated template runs to the end", true, `"${ f(`, `str:"$ p:{ id:f p:(`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := lexed(tt.src, jvm.LexJVM([]byte(tt.src), tt.kotlin)); got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
		})
	}
}

func TestLexCSharp(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want string
	}{
		{"regular", `f("a\"b", 404)`, `id:f p:( str:"a\"b" p:, num:404 p:)`},
		{"verbatim", `@"a\""b" 1`, `str:@"a\""b" num:1`},
		{"verbatim across lines", "@\"a\n404\" 1", "str:@\"a\n404\" num:1"},
		{"empty strings", `"" @"" 1`, `str:"" str:@"" num:1`},
		{"interpolated", `$"a {f(404)} b"`, `str:$"a  p:{ id:f p:( num:404 p:) p:} str: b"`},
		{"escaped braces", `$"{{404}} {x}"`, `str:$"{{404}}  p:{ id:x p:} str:"`},
		{"format specifier", `$"{x:N0} {y,5}" 1`, `str:$" p:{ id:x p:} str:  p:{ id:y p:, num:5 p:} str:" num:1`},
		{"string in a hole", `$"{("}")}" 1`, `str:$" p:{ p:( str:"}" p:) p:} str:" num:1`},
		{"verbatim interpolated", `$@"a ""{x}"" b" @$"{y}" 1`, `str:$@"a "" p:{ id:x p:} str:"" b" str:@$" p:{ id:y p:} str:" num:1`},
		{"raw", `"""a "" b""" 1`, `str:"""a "" b""" num:1`},
		{"raw with four quotes", `"""" a """ b """" 1`, `str:"""" a """ b """" num:1`},
		{"raw interpolated", `$"""{x} y""" 1`, `str:$""" p:{ id:x p:} str: y""" num:1`},
		{"raw with two dollars", `$$"""{a} {{{b}}}""" 1`, `str:$$"""{a} { p:{ id:b p:} str:}""" num:1`},
		{"directive lines", "#region x 404\n  #if DEBUG\n1", "num:1"},
		{"hash inside a line is code", "a #b", "id:a p:# id:b"},
		{"chars", `'"' '\'' '{' 1`, `str:'"' str:'\'' str:'{' num:1`},
		{"verbatim names", "@class 404u", "id:@class num:404u"},
		{"comments", "// 404\n/* 500 */ 1", "num:1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := lexed(tt.src, jvm.LexCSharp([]byte(tt.src))); got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
		})
	}
}

// TestCompleteJVMCSharp: the text before | is typed; want is the insertion
// offered for 404 (numbers) or NOT_FOUND-like names (constants), or "" when
// nothing is offered.
func TestCompleteJVMCSharp(t *testing.T) {
	tests := []struct {
		path, src string
		constant  string // the label of the constant item to look for; "" for the number 404
		want      string
	}{
		{"A.java", "response.setStatus(|", "", "404"},
		{"A.java", "response.setStatus(4|", "", "404"},
		{"A.java", "response.sendError( |", "", "404"},
		{"A.java", "x(HttpStatus.OK); response.setStatus(|", "", "HttpStatus.NOT_FOUND.value()"},
		{"A.java", "x(HttpStatus.OK); ResponseEntity.status(|", "", "HttpStatus.NOT_FOUND"},
		{"A.java", "x(HttpServletResponse.SC_OK); response.setStatus(|", "", "HttpServletResponse.SC_NOT_FOUND"},
		{"A.java", "mvc.andExpect(status().is(|", "", "404"},
		{"A.java", "then().statusCode(|", "", "404"},
		{"A.java", "HttpStatus.|", "NOT_FOUND", "NOT_FOUND"},
		{"A.java", "HttpStatus.NOT_|", "NOT_FOUND", "NOT_FOUND"},
		{"A.java", "HttpServletResponse.SC_|", "SC_NOT_FOUND", "SC_NOT_FOUND"},
		{"A.java", "response.setStatus( // |", "", ""},
		{"A.java", `s = "response.setStatus(|`, "", ""},
		{"A.java", "foo(|", "", ""},
		{"A.java", "MyHttpStatus.|", "NOT_FOUND", ""},
		{"A.kt", "response.status = |", "", "404"},
		{"A.kt", "order.status = |", "", ""},
		{"A.kt", "val s = \"${response.setStatus(|", "", "404"},
		{"A.cs", "return StatusCode(|", "", "404"},
		{"A.cs", "Response.StatusCode = |", "", "404"},
		{"A.cs", "Problem(statusCode: |", "", "404"},
		{"A.cs", "[ProducesResponseType(|", "", "404"},
		{"A.cs", "x(StatusCodes.Status200OK); return StatusCode(|", "", "StatusCodes.Status404NotFound"},
		{"A.cs", "x(HttpStatusCode.OK); return StatusCode(|", "", "(int)HttpStatusCode.NotFound"},
		{"A.cs", "StatusCodes.|", "Status404NotFound", "Status404NotFound"},
		{"A.cs", "HttpStatusCode.Not|", "NotFound", "NotFound"},
		{"A.cs", "/* StatusCode( */ |", "", ""},
		{"A.cs", "var x = 4|", "", ""},
	}
	for _, tt := range tests {
		off := strings.Index(tt.src, "|")
		src := []byte(tt.src[:off] + tt.src[off+1:])
		comp := Complete(tt.path, src, off, nil, true)
		got := ""
		if comp != nil {
			for _, it := range comp.Items {
				if tt.constant == "" && it.Label == "404" || tt.constant != "" && it.Label == tt.constant {
					got = it.Insert
				}
			}
			typed := lex.TypedBefore(src, off, lex.IsNameByte)
			if comp.Start != typed || comp.End != off {
				t.Errorf("%s %q: replaces [%d,%d), want [%d,%d)", tt.path, tt.src, comp.Start, comp.End, typed, off)
			}
		}
		if got != tt.want {
			t.Errorf("%s %q: offers %q, want %q", tt.path, tt.src, got, tt.want)
		}
	}
}

// TestPrefilterWithoutStatusWord: contexts whose text holds no "status"
// still pass the prefilter, and are found.
func TestPrefilterWithoutStatusWord(t *testing.T) {
	tests := []struct{ path, src string }{
		{"A.java", "int x = HttpServletResponse.SC_OK;"},
		{"A.java", "response.sendError(404);"},
		{"A.java", "return new ResponseEntity<>(body, 404);"},
		{"A.java", "throw new ErrorResponseException(404);"},
		{"A.java", "throw new HttpClientErrorException(404);"},
		{"A.java", "if (response.code() == 404) {}"},
		{"A.kt", "if (response.code == 404) {}"},
		{"A.cs", "return Problem(\"d\", null, 404);"},
		{"A.cs", "return new HttpResponseMessage(404);"},
		{"A.cs", "[ProducesResponseType(404)] void F() {}"},
		{"A.cs", "[SwaggerResponse(404)] void F() {}"},
	}
	for _, tt := range tests {
		src := []byte(tt.src)
		if n := len(Analyze(tt.path, src, nil).Occurrences); n != 1 {
			t.Errorf("%s %q: %d occurrences, want 1", tt.path, tt.src, n)
		}
		if !facts.MayHaveStatus(tt.path, src) {
			t.Errorf("%s %q: the prefilter rules it out", tt.path, tt.src)
		}
	}
}
