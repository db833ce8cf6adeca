package analysis

import (
	"fmt"
	"strings"
	"testing"

	"github.com/httpcodes/httpcodes/analysis/internal/facts"
)

// TestStatusArgs: a literal passed to a same-file helper that sends its
// parameter as a status, written as the code and the text of its line
// up to the literal.
func TestStatusArgs(t *testing.T) {
	for _, tc := range []struct {
		name, path, src string
		want            []string
	}{
		{"python abort", "a.py", "def error(code, message):\n    abort(code, description=message)\n\ndef v():\n    error(404, 'x')\n    error('a', 409)\n    other(409)\n",
			[]string{"404 error("}},
		{"python keyword, method with self", "a.py", "class A:\n    def fail(self, detail, code=400):\n        raise HTTPException(status_code=code, detail=detail)\n    def v(self):\n        self.fail('x', 409)\n        self.fail(409, 'x')\n",
			[]string{"409 self.fail('x', "}},
		{"python parameter not sent", "a.py", "def log(code):\n    print(code)\n\nlog(500)\n",
			nil},
		{"java status(code)", "A.java", "class A {\n  ResponseEntity<String> fail(int code, String m) { return ResponseEntity.status(code).body(m); }\n  ResponseEntity<String> v() { return fail(422, \"x\"); }\n}\n",
			[]string{"422 ResponseEntity<String> v() { return fail("}},
		{"java valueOf, new ResponseEntity", "A.java", "class A {\n  Object a(int c) { return ResponseEntity.status(HttpStatus.valueOf(c)).build(); }\n  Object b(String m, int c) { return new ResponseEntity<>(m, HttpStatus.valueOf(c)); }\n  void v() { a(409); b(\"m\", 410); b(411, \"m\"); }\n}\n",
			[]string{"409 void v() { a(", "410 void v() { a(409); b(\"m\", "}},
		{"kotlin", "A.kt", "class A {\n    fun fail(code: Int, msg: String) = ResponseEntity.status(code).body(msg)\n    fun v() = fail(409, \"x\")\n}\n",
			[]string{"409 fun v() = fail("}},
		{"csharp named argument", "A.cs", "static IResult Fail(int code, string message) => Results.Problem(message, statusCode: code);\nstatic IResult C() { return Fail(404, \"x\"); }\n",
			[]string{"404 static IResult C() { return Fail("}},
		{"csharp property", "A.cs", "class A {\n  void Set(HttpContext c, int status = 500) { c.Response.StatusCode = status; }\n  void V(HttpContext c) { Set(c, 503); Set(c); }\n}\n",
			[]string{"503 void V(HttpContext c) { Set(c, "}},
		{"csharp message not a status", "A.cs", "class A {\n  IActionResult F(string detail) { return Problem(detail); }\n  void V() { F(\"409\"); }\n}\n",
			nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, a := range facts.Routes(tc.path, []byte(tc.src)).StatusArgs {
				line := tc.src[strings.LastIndexByte(tc.src[:a.Start], '\n')+1 : a.Start]
				if tc.src[a.Start:a.End] != fmt.Sprint(a.Code) {
					t.Errorf("StatusArg %+v spans %q", a, tc.src[a.Start:a.End])
				}
				got = append(got, fmt.Sprintf("%d %s", a.Code, strings.TrimLeft(line, " ")))
			}
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
		})
	}
}
