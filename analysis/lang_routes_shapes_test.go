package analysis

import (
	"fmt"
	"strings"
	"testing"

	"github.com/httpcodes/httpcodes/analysis/internal/facts"
)

// routeShapes are the worst cases of the Python, JVM and C# route
// readers, measured by TestShapesLinear with the rest.
func init() {
	routes := func(path string, src []byte) { facts.Routes(path, src) }
	shapes = append(shapes,
		shape{"PyRoutesStackedDecorators", "r.py", func(n int) string {
			return "app = FastAPI()\n" + repeat(n, func(i int) string { return fmt.Sprintf("@app.get(\"/x%d\")\n", i) }) + "def f():\n    pass\n"
		}, 4000, routes},
		shape{"PyRoutesNestedDefs", "r.py", func(n int) string {
			return repeat(n, func(i int) string { return strings.Repeat(" ", i%200) + "def f():\n" }) + "x = 1\n"
		}, 4000, routes},
		shape{"PyRoutesIncludeChain", "r.py", func(n int) string {
			return "app = FastAPI()\n" + repeat(n, func(i int) string {
				// Each router is under the next: its chain is followed once.
				return fmt.Sprintf("r%d = APIRouter()\nr%d.include_router(r%d)\n@r%d.get(\"/x\")\ndef f%d():\n    pass\n", i, i+1, i, i, i)
			})
		}, 500, routes},
		shape{"PyRoutesUnclosedDecorators", "r.py", func(n int) string {
			return repeat(n, func(int) string { return "@app.route(\"/x\", methods=[\n" })
		}, 4000, routes},
		shape{"JavaRoutesAnnotations", "C.java", func(n int) string {
			return "@RequestMapping(\"/a\")\nclass C {\n" + repeat(n, func(i int) string {
				return fmt.Sprintf("    @GetMapping(\"/x%d\") @PostMapping\n    public Map<String, List<X>> m%d(@PathVariable Long id) throws E { return null; }\n", i, i)
			}) + "}\n"
		}, 2000, routes},
		shape{"JavaRoutesUnclosedClasses", "C.java", func(n int) string {
			return repeat(n, func(int) string { return "@RequestMapping(\"/a\") class C { @GetMapping(\"/b\") void f( " })
		}, 2000, routes},
		shape{"KotlinRoutesExpressionBodies", "C.kt", func(n int) string {
			return "@RequestMapping(\"/a\")\nclass C {\n" + repeat(n, func(i int) string {
				return fmt.Sprintf("    @GetMapping(\"/x%d\")\n    fun m%d() = svc.get(a, b).map { it }\n", i, i)
			}) + "}\n"
		}, 2000, routes},
		shape{"KotlinRoutesFunsWithoutParens", "C.kt", func(n int) string {
			return "class C {\n" + repeat(n, func(int) string { return "fun x " })
		}, 8000, routes},
		shape{"CSharpRoutesGroupChain", "Program.cs", func(n int) string {
			// Each group of the chain is read once: its receiver's group
			// is remembered, not walked again.
			return "var g = app" + repeat(n, func(int) string { return ".MapGroup(\"/g\")" }) + ";\ng.MapGet(\"/x\", X);\n" +
				repeat(n, func(i int) string { return "app.MapGet(\"/y\", () => 1);\n" })
		}, 2000, routes},
		shape{"CSharpRoutesLongChainMaps", "Program.cs", func(n int) string {
			return repeat(n, func(int) string { return "app.A().B().C().D().MapGet(\"/x\", X);\n" })
		}, 2000, routes},
		shape{"CSharpRoutesControllers", "C.cs", func(n int) string {
			return "[Route(\"api/[controller]\")]\npublic class ThingsController : ControllerBase {\n" + repeat(n, func(i int) string {
				return fmt.Sprintf("    [HttpGet(\"{id}/[action]\"), Authorize]\n    [Route(\"r\")]\n    public Task<ActionResult<List<X>>> A%d(int id) => Ok(id);\n", i)
			}) + "}\n"
		}, 2000, routes},
		shape{"CSharpRoutesUnclosedAttributes", "C.cs", func(n int) string {
			return repeat(n, func(int) string { return "class C : B { [HttpGet(\"x\" " })
		}, 4000, routes},
	)
}

// TestRouteTruncations reads every file of testdata, cut after each of its
// tokens (every 61 bytes for another language's file), as Python, Java,
// Kotlin and C#: no panic, and every span inside the text and in order.
func TestRouteTruncations(t *testing.T) {
	skipUnderRace(t)
	files := allTestdata(t)
	for _, lang := range []string{"python", "java", "kotlin", "csharp"} {
		t.Run(lang, func(t *testing.T) {
			t.Parallel()
			path := pathFor(lang)
			reported := 0
			for _, f := range files {
				for _, cut := range truncationCuts(f.src, f.lang == lang && !strings.HasSuffix(f.path, ".fixed"), 61) {
					src := f.src[:cut:cut]
					if msg := routesNoPanic(path, src); msg != "" && reported < 5 {
						reported++
						t.Errorf("%s as %s cut to %d bytes (ending %q): %s", f.path, lang, cut, src[max(0, cut-40):], msg)
					}
				}
			}
		})
	}
}

// routesNoPanic reads a file's routes and says what went wrong, if
// anything.
func routesNoPanic(path string, src []byte) (msg string) {
	defer func() {
		if v := recover(); v != nil {
			msg = fmt.Sprintf("panic: %v", v)
		}
	}()
	f := facts.Routes(path, src)
	if f == nil {
		return "no route facts"
	}
	in := func(a, b int) bool { return 0 <= a && a <= b && b <= len(src) }
	for _, r := range f.Routes {
		if !in(r.Start, r.End) || r.Start == r.End || !in(r.BodyStart, r.BodyEnd) {
			return fmt.Sprintf("route %+v outside a %d-byte file", r, len(src))
		}
		if (r.BodyEnd == 0) == (r.Handler == "") {
			return fmt.Sprintf("route %+v has both a body and a handler, or neither", r)
		}
	}
	for _, fn := range f.Funcs {
		if !in(fn.BodyStart, fn.BodyEnd) || fn.BodyStart == fn.BodyEnd || fn.Name == "" {
			return fmt.Sprintf("func %+v outside a %d-byte file", fn, len(src))
		}
	}
	return ""
}

func init() {
	routes := func(path string, src []byte) { facts.Routes(path, src) }
	shapes = append(shapes,
		shape{"PyRoutesDefsOnOneLine", "r.py", func(n int) string {
			return repeat(n, func(int) string { return "def f() x " }) + "\n"
		}, 4000, routes},
		shape{"JavaRoutesCallsWithoutBodies", "C.java", func(n int) string {
			return "class C {\n" + repeat(n, func(int) string { return "a b() c " })
		}, 4000, routes},
		shape{"CSharpRoutesColonsWithoutBodies", "C.cs", func(n int) string {
			return "class C {\n" + repeat(n, func(int) string { return "a b() : c " })
		}, 4000, routes},
		shape{"CSharpRoutesMapChain", "Program.cs", func(n int) string {
			return "x" + repeat(n, func(int) string { return ".A()" }) + repeat(n, func(int) string { return ".MapGet(\"/x\", H)" }) + ";\n"
		}, 2000, routes},
	)
}

func init() {
	routes := func(path string, src []byte) { facts.Routes(path, src) }
	shapes = append(shapes,
		shape{"PyRoutesStatusHelpers", "r.py", func(n int) string {
			return "def fail(code):\n    abort(code)\n\n" + repeat(n, func(i int) string {
				return fmt.Sprintf("def h%d(a, b, c):\n    if a:\n        fail(%d)\n    return fail(409)\n", i, 400+i%100)
			})
		}, 2000, routes},
		shape{"PyRoutesManyParameters", "r.py", func(n int) string {
			params := repeat(n, func(i int) string { return fmt.Sprintf("p%d, ", i) })
			return "def f(" + params + "):\n    g(" + params + ")\n"
		}, 4000, routes},
		shape{"CSharpRoutesNestedCalls", "A.cs", func(n int) string {
			return "class A {\n  void F(int code) { StatusCode(code); }\n  void G() { " + repeat(n, func(int) string { return "F(" }) + "409" + repeat(n, func(int) string { return ")" }) + "; }\n}\n"
		}, 8000, routes},
	)
}
