package analysis

import (
	"fmt"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/httpcodes/httpcodes/analysis/internal/facts"
)

// A shape is a file that grows by repeating one construct n times, each a
// construct that once made some part of the analysis rescan what came
// before it (issue 14): the cost of analysing it must grow linearly in n.
type shape struct {
	name string
	path string
	gen  func(n int) string
	// n is the size the doubling test starts at: large enough that a
	// quadratic cost shows far above the noise.
	n int
	// run is what is measured, when not Analyze alone.
	run func(path string, src []byte)
}

// analyzeAndFix analyses a file and applies every fix found, as check
// --fix does.
func analyzeAndFix(path string, src []byte) {
	ApplyFixes(src, Analyze(path, src, nil).Findings)
}

// measure runs what shape sh measures on src.
func (sh shape) measure(src []byte) {
	if sh.run != nil {
		sh.run(sh.path, src)
		return
	}
	Analyze(sh.path, src, nil)
}

// goHandler wraps statements in a handler with a writer, a request, a
// condition and an error in scope.
func goHandler(body string) string {
	return "package p\n\nimport \"net/http\"\n\nfunc h(w http.ResponseWriter, r *http.Request) {\n" +
		"\tc := r.URL.Path != \"\"\n\tvar err error\n\t_, _ = c, err\n" + body + "}\n"
}

func repeat(n int, f func(i int) string) string {
	var b strings.Builder
	for i := range n {
		b.WriteString(f(i))
	}
	return b.String()
}

var shapes = []shape{
	{"GoExclusiveIfs", "h.go", func(n int) string {
		return goHandler("\tcode, done := 0, false\n" + repeat(n, func(i int) string {
			return fmt.Sprintf("\tif !done && code >= %d && code < %d {\n\t\tw.WriteHeader(code)\n\t\tdone = true\n\t}\n", i, i+1)
		}) + "\tw.Header().Set(\"Late\", \"v\")\n")
	}, 1000, nil},
	{"GoNestedIfs", "h.go", func(n int) string {
		return goHandler("\tcode := 0\n" + repeat(n, func(i int) string {
			return fmt.Sprintf("\tif code > %d {\n\t\tw.WriteHeader(code)\n", i)
		}) + repeat(n, func(int) string { return "\t}\n" }))
	}, 1000, nil},
	{"PyServerNested", "s.py", func(n int) string {
		return "from http.server import BaseHTTPRequestHandler\n\nclass H(BaseHTTPRequestHandler):\n    def do_GET(self):\n" +
			repeat(n, func(i int) string {
				return strings.Repeat(" ", 8+i%40*4) + "self.send_response(204)\n" + strings.Repeat(" ", 8+i%40*4) + "if self.path:\n"
			}) + "        self.end_headers()\n        self.send_header(\"X\", \"v\")\n"
	}, 2000, nil},
	{"PyViewReturns", "v.py", func(n int) string {
		return "from flask import Flask\napp = Flask(__name__)\n\n@app.get(\"/\")\ndef v(x):\n" + repeat(n, func(int) string {
			return "    if x:\n        return {\"a\": 1}, 204\n    if x:\n        return \"\", 401\n"
		})
	}, 2000, nil},
	// Django REST framework views: class bases read once per class, and
	// classes nested ever deeper (the scope stack), or left unclosed.
	{"PyDRFClasses", "d.py", func(n int) string {
		return "from rest_framework import generics\n" + repeat(n, func(i int) string {
			return strings.Repeat(" ", i%40*4) + "class V(Mixin, generics.ListAPIView):\n" +
				strings.Repeat(" ", i%40*4+4) + "def get(self):\n" +
				strings.Repeat(" ", i%40*4+8) + "return HttpResponse(status=405)\n"
		})
	}, 2000, nil},
	{"PyDRFClassesUnclosed", "d.py", func(n int) string {
		return "from rest_framework import generics\n" + repeat(n, func(int) string {
			return "class V(Mixin, generics.ListAPIView,\n    return Response(status=405)\n"
		})
	}, 2000, nil},
	{"RubyStreamHeaders", "c.rb", func(n int) string {
		return "class C\n  def events\n    response.stream.write \"x\"\n" + repeat(n, func(i int) string {
			return fmt.Sprintf("    if a\n      response.headers[\"X-H%d\"] = \"v\"\n    end\n    response.stream.write \"y\" if b\n", i)
		}) + "  end\nend\n"
	}, 2000, nil},
	{"RubyUnclosedStatusLabels", "c.rb", func(n int) string {
		return repeat(n, func(int) string { return "respond_x(a, status: :not_found, " })
	}, 4000, nil},
	{"CSharpStatusesAndHeaders", "C.cs", func(n int) string {
		return "class C {\n  async Task M(HttpContext context) {\n" + repeat(n, func(i int) string {
			return fmt.Sprintf("    context.Response.StatusCode = 401;\n    context.Response.Headers[\"X-H%d\"] = \"v\";\n    if (c) Next(context);\n", i)
		}) + "    await context.Response.WriteAsync(\"x\");\n" + repeat(n, func(i int) string {
			return fmt.Sprintf("    context.Response.Headers[\"Y-H%d\"] = \"v\";\n", i)
		}) + "  }\n}\n"
	}, 1000, nil},
	{"RustResponses", "r.rs", func(n int) string {
		return "fn f() {\n" + repeat(n, func(int) string {
			return "    let a = (StatusCode::UNAUTHORIZED, [(header::X, \"v\"), (\"Y\", \"w\")], Json(x));\n" +
				"    let b = Response::builder().status(StatusCode::NO_CONTENT).header(\"A\", \"b\").body(\"x\").unwrap();\n" +
				"    let c = HttpResponse::Unauthorized().insert_header((\"A\", \"b\")).json(x);\n"
		}) + "}\n"
	}, 1000, nil},
	{"PHPStatusesAndHeaders", "a.php", func(n int) string {
		return "<?php\nfunction h() {\n" + repeat(n, func(i int) string {
			return fmt.Sprintf("\theader('X-H%d: v');\n\thttp_response_code(301);\n\tif ($a) { flush(); }\n", i)
		}) + "}\n"
	}, 2000, nil},
	{"GoIfHeaderSet", "h.go", func(n int) string {
		return goHandler(repeat(n, func(i int) string {
			return fmt.Sprintf("\tif c {\n\t\tw.Header().Set(\"X-H%d\", \"v\")\n\t}\n", i)
		}) + "\tw.WriteHeader(http.StatusCreated)\n")
	}, 1000, nil},
	{"GoIfSameHeader", "h.go", func(n int) string {
		return goHandler(repeat(n, func(int) string {
			return "\tif c {\n\t\tw.Header().Set(\"X-Same\", \"v\")\n\t}\n"
		}) + "\tw.WriteHeader(http.StatusCreated)\n")
	}, 1000, nil},
	{"GoElseIfChain", "h.go", func(n int) string {
		return goHandler("\tif r.Method == \"M\" {\n\t\tw.WriteHeader(200)\n\t}" + repeat(n, func(i int) string {
			return fmt.Sprintf(" else if r.Method == \"M%d\" {\n\t\tw.Header().Set(\"X-H%d\", \"v\")\n\t\tw.WriteHeader(404)\n\t}", i, i)
		}) + "\n\tw.Header().Set(\"Late\", \"v\")\n")
	}, 1000, nil},
	{"GoSwitchCases", "h.go", func(n int) string {
		return goHandler("\tswitch r.Method {\n" + repeat(n, func(i int) string {
			return fmt.Sprintf("\tcase \"M%d\":\n\t\tw.Header().Set(\"X-H%d\", \"v\")\n\t\tw.WriteHeader(%d)\n", i, i, 200+i%300)
		}) + "\t}\n\tw.Header().Set(\"Late\", \"v\")\n\tw.Write(nil)\n")
	}, 1000, nil},
	{"GoErrorNoReturn", "h.go", func(n int) string {
		return goHandler(repeat(n, func(int) string {
			return "\tif err != nil {\n\t\thttp.Error(w, \"x\", 500)\n\t}\n"
		}) + "\tw.Header().Set(\"Late\", \"v\")\n\tw.Write(nil)\n")
	}, 1000, nil},
	{"GoLoopWrites", "h.go", func(n int) string {
		return goHandler(repeat(n, func(i int) string {
			return fmt.Sprintf("\tfor range 2 {\n\t\tw.Header().Set(\"X-H%d\", \"v\")\n\t\tw.WriteHeader(204)\n\t}\n\tw.Write(nil)\n", i)
		}))
	}, 1000, nil},
	{"JSUnclosedStatus", "a.js", func(n int) string {
		return repeat(n, func(int) string { return "res.status(\n" })
	}, 8000, nil},
	{"JSUnclosedThrow", "a.js", func(n int) string {
		return repeat(n, func(int) string { return "ctx.throw(\n" })
	}, 8000, nil},
	{"JSLateHeaders", "a.js", func(n int) string {
		return "app.get(\"/\", (req, res) => {\n\tres.send(\"x\");\n" + repeat(n, func(i int) string {
			return fmt.Sprintf("\tres.setHeader(\"X-H%d\", \"v\");\n", i)
		}) + "});\n"
	}, 2000, nil},
	{"JavaAssertUnclosed", "T.java", func(n int) string {
		return "class T {\n  void t() {\n" + repeat(n, func(int) string { return "    assertEquals(404, \n" })
	}, 8000, nil},
	// Long member chains: every member of one once walked back to its
	// start (the JS chain start, whether a name of it is a response,
	// its root for late-header, the last .status( of it; Python's dotted
	// name and the operand left of it).
	{"JSStatusChain", "a.js", func(n int) string {
		return "app.get(\"/\", (req, res) => {\n\tres" + repeat(n, func(int) string { return ".status(404)" }) + ".end();\n});\n"
	}, 8000, nil},
	{"JSHeaderChain", "a.js", func(n int) string {
		return "app.get(\"/\", (req, res) => {\n\tres.send(\"x\");\n\tres" + repeat(n, func(i int) string {
			return fmt.Sprintf(".set(\"X-H%d\", \"v\")", i)
		}) + ";\n});\n"
	}, 2000, nil},
	{"JSBodyChain", "a.js", func(n int) string {
		return "app.get(\"/\", (req, res) => {\n\tres.status(201)" + repeat(n, func(int) string { return ".json(1)" }) +
			";\n\tres.set(\"X\", \"v\");\n});\n"
	}, 8000, nil},
	// Conditional arms and short circuits, nested and in a row: each
	// opens one block and closes it once.
	{"JSConditionalArms", "a.js", func(n int) string {
		return "app.get(\"/\", (req, res) => {\n\treturn " + repeat(n, func(int) string { return "a ? res.json(1) : " }) +
			"res.end();\n\tok" + repeat(n, func(int) string { return " && res.set('X', 1) || x ?? y" }) + ";\n\tres.status(500).end();\n});\n"
	}, 4000, nil},
	{"PythonStatusCodeChain", "t.py", func(n int) string {
		return "def t(r):\n    assert r" + repeat(n, func(int) string { return ".status_code" }) + " == 404\n"
	}, 16000, nil},
	{"PythonStatusCodeChainLeft", "t.py", func(n int) string {
		return "def t(r):\n    assert 404 == r" + repeat(n, func(int) string { return ".status_code" }) + "\n"
	}, 8000, nil},
	// A file of prefer-constant fixes, 20,000 at 4n: each was checked
	// against every fix taken, and spliced into a copy of the whole file.
	{"GoPreferConstantFixes", "h.go", func(n int) string {
		return "package p\n\nimport \"net/http\"\n\n" + repeat(n, func(i int) string {
			return fmt.Sprintf("func h%d(w http.ResponseWriter) { w.WriteHeader(404) }\n", i)
		})
	}, 5000, analyzeAndFix},
	// The scanners nobody had held to the bound (issue 14): their chains,
	// strings, heredocs and comments, unclosed calls and blocks. Two were
	// quadratic: Ruby's x.status walked back over its chain from each
	// member, and a JS operand left of a comparison read a constant from
	// each name of its chain.
	{"RubyStatusChain", "a_spec.rb", func(n int) string {
		return "it 'x' do\n  expect(r" + repeat(n, func(int) string { return ".status" }) + " == 404)\nend\n"
	}, 16000, nil},
	{"RubyStatusChainLeft", "a_spec.rb", func(n int) string {
		return "it 'x' do\n  expect(404 == r" + repeat(n, func(int) string { return ".status" }) + ")\nend\n"
	}, 16000, nil},
	{"RubyHeredocs", "a.rb", func(n int) string {
		return repeat(n, func(int) string { return "render status: 404, body: <<~EOS\n  x\nEOS\n" })
	}, 4000, nil},
	{"RubyUnclosedCalls", "a.rb", func(n int) string {
		return repeat(n, func(int) string { return "head(\n" })
	}, 16000, nil},
	{"PHPStatusChain", "a.php", func(n int) string {
		return "<?php\n$r = $response" + repeat(n, func(int) string { return "->withStatus(404)" }) + ";\n"
	}, 4000, nil},
	{"PHPHeaderChain", "a.php", func(n int) string {
		return "<?php\n$r = $response" + repeat(n, func(int) string { return "->withHeader('Location', 'x')->withStatus(302)" }) + ";\n"
	}, 4000, nil},
	{"PHPUnclosed", "a.php", func(n int) string {
		return "<?php\n" + repeat(n, func(int) string { return "http_response_code(\n" })
	}, 8000, nil},
	{"PHPHeredocs", "a.php", func(n int) string {
		return "<?php\n" + repeat(n, func(int) string { return "$x = <<<EOT\nabc\nEOT;\nhttp_response_code(404);\n" })
	}, 4000, nil},
	{"RustChain", "a.rs", func(n int) string {
		return "fn f() { Response::builder()" + repeat(n, func(int) string { return ".status(404)" }) + "; }\n"
	}, 16000, nil},
	{"RustUnclosed", "a.rs", func(n int) string {
		return "fn f() {\n" + repeat(n, func(int) string { return "assert_eq!(res.status(), \n" })
	}, 4000, nil},
	{"RustComments", "a.rs", func(n int) string {
		return repeat(n, func(int) string { return "/* a /* b */ StatusCode::OK\n" })
	}, 8000, nil},
	{"RustRawStrings", "a.rs", func(n int) string {
		return repeat(n, func(int) string { return "let s = r#\"x\"#; StatusCode::from_u16(404);\n" })
	}, 4000, nil},
	{"OpenAPIResponses", "openapi.yaml", func(n int) string {
		return "openapi: 3.0.0\npaths:\n  /a:\n    get:\n      responses:\n" + repeat(n, func(i int) string { return fmt.Sprintf("        '%d':\n          description: x\n", 200+i%300) })
	}, 8000, nil},
	{"OpenAPIFlow", "openapi.yaml", func(n int) string {
		return "openapi: 3.0.0\npaths:\n  /a:\n    get:\n      responses: {" + repeat(n, func(i int) string { return fmt.Sprintf("'%d': {description: x}, ", 200+i%300) }) + "}\n"
	}, 8000, nil},
	{"OpenAPIUnclosedFlow", "openapi.yaml", func(n int) string {
		return "openapi: 3.0.0\npaths:\n" + repeat(n, func(i int) string { return "  x: {a: [\n" })
	}, 16000, nil},
	{"OpenAPIJSON", "openapi.json", func(n int) string {
		return "{\"openapi\": \"3.0.0\", \"paths\": {\"/a\": {\"get\": {\"responses\": {" + repeat(n, func(i int) string { return fmt.Sprintf("\"%d\": {\"description\": \"x\"}, ", 200+i%300) }) + "\"200\": {}}}}}}\n"
	}, 4000, nil},
	{"OpenAPIDeepIndent", "openapi.yaml", func(n int) string {
		return "openapi: 3.0.0\npaths:\n" + repeat(n, func(i int) string { return "  a:\n    b:\n      responses:\n        '404':\n" })
	}, 16000, nil},
	{"NginxReturns", "nginx.conf", func(n int) string {
		return "server {\n" + repeat(n, func(int) string { return "  location /a { return 301 https://x; }\n" }) + "}\n"
	}, 4000, nil},
	{"NginxUnclosed", "nginx.conf", func(n int) string {
		return repeat(n, func(int) string { return "location /a {\n return 301 \"x\n" })
	}, 16000, nil},
	{"NginxIfs", "nginx.conf", func(n int) string {
		return "server {\n" + repeat(n, func(int) string { return "  if ($a) { return 404; }\n  error_page 404 /x;\n" }) + "}\n"
	}, 4000, nil},
	{"JavaChain", "A.java", func(n int) string {
		return "class A { void f() { ResponseEntity.status(404)" + repeat(n, func(int) string { return ".header(\"a\", \"b\")" }) + ".build(); } }\n"
	}, 8000, nil},
	{"JavaStatusChain", "A.java", func(n int) string {
		return "class A { void f() { assertEquals(404, r" + repeat(n, func(int) string { return ".getStatus()" }) + "); } }\n"
	}, 8000, nil},
	{"JavaCompareChain", "A.java", func(n int) string {
		return "class A { void f() { if (r" + repeat(n, func(int) string { return ".status" }) + " == 404) {} } }\n"
	}, 16000, nil},
	{"CSharpChain", "A.cs", func(n int) string {
		return "class A { void F() { Assert.Equal(404, (int)r" + repeat(n, func(int) string { return ".StatusCode" }) + "); } }\n"
	}, 16000, nil},
	{"CSharpStrings", "A.cs", func(n int) string {
		return "class A { void F() {\n" + repeat(n, func(int) string { return "var s = $@\"x{a}\"; return StatusCode(404);\n" }) + "} }\n"
	}, 4000, nil},
	{"KotlinChain", "A.kt", func(n int) string {
		return "fun f() { call.respond(HttpStatusCode.NotFound" + repeat(n, func(int) string { return ".x" }) + ") }\n"
	}, 32000, nil},
	{"JSCompareLeftChain", "a.js", func(n int) string {
		return "if (a" + repeat(n, func(int) string { return ".b" }) + " === res.status) {}\n"
	}, 32000, nil},
	{"JSTemplates", "a.js", func(n int) string {
		return repeat(n, func(int) string { return "res.status(404).send(`${a}`);\n" })
	}, 4000, nil},
	{"PythonStrings", "a.py", func(n int) string {
		return repeat(n, func(int) string { return "x = f'''{a}'''\nabort(404)\n" })
	}, 4000, nil},
	// Many tokens on one line whose column is asked (def …; def …): the
	// column was found by walking back to the line's start for each.
	{"PythonDefsOneLine", "a.py", func(n int) string {
		return repeat(n, func(int) string { return "def f(): return abort(404); " }) + "\n"
	}, 4000, nil},
	// Strings, heredocs, comments and brackets left open, or nested.
	{"PHPHeredocUnterminated", "a.php", func(n int) string {
		return "<?php\n" + repeat(n, func(int) string { return "$x = <<<EOT\nhttp_response_code(404);\n" })
	}, 32000, nil},
	{"RubyHeredocUnterminated", "a.rb", func(n int) string {
		return repeat(n, func(int) string { return "x = <<~EOS\nhead 404\n" })
	}, 48000, nil},
	{"RustRawUnterminated", "a.rs", func(n int) string {
		return repeat(n, func(int) string { return "let s = r##\"x\"#; StatusCode::from_u16(404);\n" })
	}, 48000, nil},
	{"PythonTripleUnterminated", "a.py", func(n int) string {
		return repeat(n, func(int) string { return "x = '''a\nabort(404)\n" })
	}, 4000, nil},
	{"CSharpRawUnterminated", "A.cs", func(n int) string {
		return "class A { void F() {\n" + repeat(n, func(int) string { return "var s = \"\"\"x\"\"; return StatusCode(404);\n" })
	}, 4000, nil},
	{"JSTemplateNested", "a.js", func(n int) string {
		return repeat(n, func(int) string { return "`${" }) + "res.status(404)" + repeat(n, func(int) string { return "}`" }) + "\n"
	}, 48000, nil},
	{"JSRegexOrDivide", "a.js", func(n int) string {
		return repeat(n, func(int) string { return "a = b / c; res.status(404); /x/.test(d);\n" })
	}, 4000, nil},
	{"JavaTextBlockUnterminated", "A.java", func(n int) string {
		return "class A { void f() {\n" + repeat(n, func(int) string { return "String s = \"\"\"\nresponse.setStatus(404);\n" })
	}, 4000, nil},
	{"KotlinStringTemplates", "A.kt", func(n int) string {
		return repeat(n, func(int) string { return "val s = \"${\"" }) + "\n"
	}, 32000, nil},
	{"NginxQuotesUnterminated", "nginx.conf", func(n int) string {
		return "server {\n" + repeat(n, func(int) string { return "  return 301 'x;\n" })
	}, 32000, nil},
	{"OpenAPIQuotedKeys", "openapi.yaml", func(n int) string {
		return "openapi: 3.0.0\npaths:\n  /a:\n    get:\n      responses:\n" + repeat(n, func(int) string { return "        '404\n" })
	}, 48000, nil},
	{"OpenAPIBlockScalars", "openapi.yaml", func(n int) string {
		return "openapi: 3.0.0\npaths:\n  /a:\n    get:\n      responses:\n" + repeat(n, func(int) string { return "        '404':\n          description: |\n            x\n" })
	}, 8000, nil},
	{"JSLongLineStatements", "a.js", func(n int) string {
		return "app.get('/', (req, res) => { res.send('x'); " + repeat(n, func(int) string { return "res.set('a', 'b') " }) + "});\n"
	}, 2000, nil},
	// Expected objects in a long array: each object's call was found by
	// walking back over the objects before it, up to 4,096 tokens (and
	// past that not found at all: TestObjectsPastTheOldBound). 4n objects
	// stay under that bound, where the walks were quadratic.
	{"JSExpectedObjects", "a.test.js", func(n int) string {
		return "expect(res.json()).toEqual([" + repeat(n, func(int) string { return "{ statusCode: 500 }, " }) + "]);\n"
	}, 160, nil},
	{"JSOpensFunction", "a.js", func(n int) string {
		return repeat(n, func(int) string { return "f(" }) + repeat(n, func(int) string { return ") {}" }) + "\n" + "res.set('a','b');\n"
	}, 16000, nil},
	{"CSharpProblemUnclosed", "C.cs", func(n int) string {
		return "class C {\n  object M() {\n" + repeat(n, func(int) string { return "    return Problem(statusCode: \n" })
	}, 8000, nil},
	// The route extractors of undocumented-status: nested groups and
	// closures, chains of .route().get(), nested functions with a helper
	// at each level, a method decorator whose method never comes.
	{"GoRoutesNestedRoute", "r.go", func(n int) string {
		return "package p\n\nfunc f(r chi.Router) {\n" + repeat(n, func(i int) string {
			// Group adds no prefix: a nested Route's path grows with
			// its depth, which is output, not work.
			return fmt.Sprintf("r.Group(func(r chi.Router) {\nr.Route(\"/a%d\", func(r chi.Router) { r.Get(\"/x\", h) })\ng := r.Group(\"/g\")\ng.GET(\"/y\", h)\n", i)
		}) + repeat(n, func(int) string { return "})\n" }) + "}\n"
	}, 1000, routesOnly},
	{"GoRoutesHelpers", "r.go", func(n int) string {
		return "package p\n\n" + repeat(n, func(i int) string {
			return fmt.Sprintf("func f%d(w http.ResponseWriter, code int) { w.WriteHeader(code); f%d(w, 404) }\n", i, i)
		})
	}, 2000, routesOnly},
	{"JSRoutesChains", "a.js", func(n int) string {
		return "const r = express.Router();\napp.use('/p', r);\n" + repeat(n, func(i int) string {
			return fmt.Sprintf("r.route('/a%d').get(h).post((req, res) => { res.status(404) }).delete(x(y(h)));\n", i)
		})
	}, 4000, routesOnly},
	{"JSRoutesNestedHelpers", "a.js", func(n int) string {
		return repeat(n, func(i int) string {
			return fmt.Sprintf("function f%d(res, code) { res.status(code); f%d(res, 409);\n", i, i)
		}) + repeat(n, func(int) string { return "}\n" })
	}, 2000, routesOnly},
	{"TSNestDecoratorsUnclosed", "c.ts", func(n int) string {
		return "@Controller('x')\nclass C {\n" + repeat(n, func(int) string { return "@Get(':id') @HttpCode(204) @Get(\n" })
	}, 4000, routesOnly},
}

// routesOnly measures a file's route extraction.
func routesOnly(path string, src []byte) { facts.Routes(path, src) }

func wallTime(f func()) time.Duration {
	t := time.Now()
	f()
	return time.Since(t)
}

// shapeCost analyses src reps times and returns the least processor time
// and the least bytes allocated of one analysis.
func shapeCost(sh shape, src string, reps int) (time.Duration, uint64) {
	// A large Go file is analysed on several cores, whose work the time
	// of this thread would not count: the shapes are analysed on one.
	saved := facts.ParallelFrom
	facts.ParallelFrom = 1 << 62
	defer func() { facts.ParallelFrom = saved }()
	b := []byte(src)
	best, bytes := time.Duration(1<<62), uint64(1<<63)
	var m0, m1 runtime.MemStats
	for range reps {
		runtime.ReadMemStats(&m0)
		d := threadCPU(func() { sh.measure(b) })
		runtime.ReadMemStats(&m1)
		best, bytes = min(best, d), min(bytes, m1.TotalAlloc-m0.TotalAlloc)
	}
	return best, bytes
}

// TestShapesLinear analyses each shape at n and 4n and bounds the growth: a
// linear cost grows about 4 times, a quadratic one 16 times. The bound is 8
// on the least of several timings (processor time of the thread, not time
// on the wall, which a loaded machine stretches), and 8 on the bytes
// allocated. A time over the bound is measured again, twice, before it
// fails: on a busy machine the larger file's cache misses and collections
// can stretch one measure, while a quadratic cost stays at 16 every time.
func TestShapesLinear(t *testing.T) {
	// The race detector's bookkeeping distorts both measures; go test
	// without -race holds the bound.
	skipUnderRace(t)
	for _, sh := range shapes {
		t.Run(sh.name, func(t *testing.T) {
			small, big := sh.gen(sh.n), sh.gen(4*sh.n)
			shapeCost(sh, small, 1) // warm up
			var ts, tb time.Duration
			var bs, bb uint64
			var tr, br float64
			for attempt := 0; attempt < 3 && (attempt == 0 || tr > 8); attempt++ {
				ts, bs = shapeCost(sh, small, 5)
				tb, bb = shapeCost(sh, big, 5)
				tr, br = float64(tb)/float64(max(ts, time.Microsecond)), float64(bb)/float64(max(bs, 1))
				t.Logf("n=%d: %v, %d KB; 4n: %v, %d KB (×%.1f time, ×%.1f bytes)", sh.n, ts, bs>>10, tb, bb>>10, tr, br)
			}
			if tr > 8 {
				t.Errorf("time grew %.1f× from n=%d to 4n (%v to %v): not linear", tr, sh.n, ts, tb)
			}
			if br > 8 {
				t.Errorf("allocation grew %.1f× from n=%d to 4n (%d to %d bytes): not linear", br, sh.n, bs, bb)
			}
		})
	}
}

// BenchmarkShape analyses each shape at two sizes, a size and its double;
// the figures of a linear analysis double with the size.
func BenchmarkShape(b *testing.B) {
	for _, sh := range shapes {
		for _, n := range []int{2 * sh.n, 4 * sh.n} {
			src := []byte(sh.gen(n))
			b.Run(fmt.Sprintf("%s/n=%d", sh.name, n), func(b *testing.B) {
				b.SetBytes(int64(len(src)))
				b.ReportAllocs()
				for b.Loop() {
					sh.measure(src)
				}
			})
		}
	}
}
