package analysis

import (
	"fmt"
	"runtime"
	"strings"
	"testing"
	"time"
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
	{"GoIfHeaderSet", "h.go", func(n int) string {
		return goHandler(repeat(n, func(i int) string {
			return fmt.Sprintf("\tif c {\n\t\tw.Header().Set(\"X-H%d\", \"v\")\n\t}\n", i)
		}) + "\tw.WriteHeader(http.StatusCreated)\n")
	}, 1000},
	{"GoIfSameHeader", "h.go", func(n int) string {
		return goHandler(repeat(n, func(int) string {
			return "\tif c {\n\t\tw.Header().Set(\"X-Same\", \"v\")\n\t}\n"
		}) + "\tw.WriteHeader(http.StatusCreated)\n")
	}, 1000},
	{"GoElseIfChain", "h.go", func(n int) string {
		return goHandler("\tif r.Method == \"M\" {\n\t\tw.WriteHeader(200)\n\t}" + repeat(n, func(i int) string {
			return fmt.Sprintf(" else if r.Method == \"M%d\" {\n\t\tw.Header().Set(\"X-H%d\", \"v\")\n\t\tw.WriteHeader(404)\n\t}", i, i)
		}) + "\n\tw.Header().Set(\"Late\", \"v\")\n")
	}, 1000},
	{"GoSwitchCases", "h.go", func(n int) string {
		return goHandler("\tswitch r.Method {\n" + repeat(n, func(i int) string {
			return fmt.Sprintf("\tcase \"M%d\":\n\t\tw.Header().Set(\"X-H%d\", \"v\")\n\t\tw.WriteHeader(%d)\n", i, i, 200+i%300)
		}) + "\t}\n\tw.Header().Set(\"Late\", \"v\")\n\tw.Write(nil)\n")
	}, 1000},
	{"GoErrorNoReturn", "h.go", func(n int) string {
		return goHandler(repeat(n, func(int) string {
			return "\tif err != nil {\n\t\thttp.Error(w, \"x\", 500)\n\t}\n"
		}) + "\tw.Header().Set(\"Late\", \"v\")\n\tw.Write(nil)\n")
	}, 1000},
	{"GoLoopWrites", "h.go", func(n int) string {
		return goHandler(repeat(n, func(i int) string {
			return fmt.Sprintf("\tfor range 2 {\n\t\tw.Header().Set(\"X-H%d\", \"v\")\n\t\tw.WriteHeader(204)\n\t}\n\tw.Write(nil)\n", i)
		}))
	}, 1000},
	{"GoExclusiveIfs", "h.go", func(n int) string {
		return goHandler("\tcode, done := 0, false\n" + repeat(n, func(i int) string {
			return fmt.Sprintf("\tif !done && code >= %d && code < %d {\n\t\tw.WriteHeader(code)\n\t\tdone = true\n\t}\n", i, i+1)
		}) + "\tw.Header().Set(\"Late\", \"v\")\n")
	}, 1000},
	{"GoNestedIfs", "h.go", func(n int) string {
		return goHandler("\tcode := 0\n" + repeat(n, func(i int) string {
			return fmt.Sprintf("\tif code > %d {\n\t\tw.WriteHeader(code)\n", i)
		}) + repeat(n, func(int) string { return "\t}\n" }))
	}, 1000},
	{"JSUnclosedStatus", "a.js", func(n int) string {
		return repeat(n, func(int) string { return "res.status(\n" })
	}, 8000},
	{"JSUnclosedThrow", "a.js", func(n int) string {
		return repeat(n, func(int) string { return "ctx.throw(\n" })
	}, 8000},
	{"JSLateHeaders", "a.js", func(n int) string {
		return "app.get(\"/\", (req, res) => {\n\tres.send(\"x\");\n" + repeat(n, func(i int) string {
			return fmt.Sprintf("\tres.setHeader(\"X-H%d\", \"v\");\n", i)
		}) + "});\n"
	}, 2000},
	{"PyServerNested", "s.py", func(n int) string {
		return "from http.server import BaseHTTPRequestHandler\n\nclass H(BaseHTTPRequestHandler):\n    def do_GET(self):\n" +
			repeat(n, func(i int) string {
				return strings.Repeat(" ", 8+i%40*4) + "self.send_response(204)\n" + strings.Repeat(" ", 8+i%40*4) + "if self.path:\n"
			}) + "        self.end_headers()\n        self.send_header(\"X\", \"v\")\n"
	}, 2000},
	{"PyViewReturns", "v.py", func(n int) string {
		return "from flask import Flask\napp = Flask(__name__)\n\n@app.get(\"/\")\ndef v(x):\n" + repeat(n, func(int) string {
			return "    if x:\n        return {\"a\": 1}, 204\n    if x:\n        return \"\", 401\n"
		})
	}, 2000},
	{"RubyStreamHeaders", "c.rb", func(n int) string {
		return "class C\n  def events\n    response.stream.write \"x\"\n" + repeat(n, func(i int) string {
			return fmt.Sprintf("    if a\n      response.headers[\"X-H%d\"] = \"v\"\n    end\n    response.stream.write \"y\" if b\n", i)
		}) + "  end\nend\n"
	}, 2000},
	{"RubyUnclosedStatusLabels", "c.rb", func(n int) string {
		return repeat(n, func(int) string { return "respond_x(a, status: :not_found, " })
	}, 4000},
	{"JavaAssertUnclosed", "T.java", func(n int) string {
		return "class T {\n  void t() {\n" + repeat(n, func(int) string { return "    assertEquals(404, \n" })
	}, 8000},
	{"CSharpProblemUnclosed", "C.cs", func(n int) string {
		return "class C {\n  object M() {\n" + repeat(n, func(int) string { return "    return Problem(statusCode: \n" })
	}, 8000},
}

func wallTime(f func()) time.Duration {
	t := time.Now()
	f()
	return time.Since(t)
}

// chainShapes are the long member chains, res.status(404).status(404)… and
// r.status_code.status_code…: finding where a chain starts still walks back
// over it from each of its members, so their cost grows with the square of
// the chain's length. They are benchmarked, not yet held to the bound.
var chainShapes = []shape{
	{"JSStatusChain", "a.js", func(n int) string {
		return "app.get(\"/\", (req, res) => {\n\tres" + repeat(n, func(int) string { return ".status(404)" }) + ".end();\n});\n"
	}, 8000},
	{"PHPStatusesAndHeaders", "a.php", func(n int) string {
		return "<?php\nfunction h() {\n" + repeat(n, func(i int) string {
			return fmt.Sprintf("\theader('X-H%d: v');\n\thttp_response_code(301);\n\tif ($a) { flush(); }\n", i)
		}) + "}\n"
	}, 2000},
	{"PythonStatusCodeChain", "t.py", func(n int) string {
		return "def t(r):\n    assert r" + repeat(n, func(int) string { return ".status_code" }) + " == 404\n"
	}, 8000},
}

// shapeCost analyses src reps times and returns the least processor time
// and the least bytes allocated of one analysis.
func shapeCost(path, src string, reps int) (time.Duration, uint64) {
	b := []byte(src)
	best, bytes := time.Duration(1<<62), uint64(1<<63)
	var m0, m1 runtime.MemStats
	for range reps {
		runtime.ReadMemStats(&m0)
		d := threadCPU(func() { Analyze(path, b, nil) })
		runtime.ReadMemStats(&m1)
		best, bytes = min(best, d), min(bytes, m1.TotalAlloc-m0.TotalAlloc)
	}
	return best, bytes
}

// TestShapesLinear analyses each shape at n and 4n and bounds the growth: a
// linear cost grows about 4 times, a quadratic one 16 times. The bound is 8
// on the least of several timings (processor time of the thread, not time
// on the wall, which a loaded machine stretches), and 8 on the bytes
// allocated.
func TestShapesLinear(t *testing.T) {
	for _, sh := range shapes {
		t.Run(sh.name, func(t *testing.T) {
			small, big := sh.gen(sh.n), sh.gen(4*sh.n)
			shapeCost(sh.path, small, 1) // warm up
			ts, bs := shapeCost(sh.path, small, 5)
			tb, bb := shapeCost(sh.path, big, 5)
			tr, br := float64(tb)/float64(max(ts, time.Microsecond)), float64(bb)/float64(max(bs, 1))
			t.Logf("n=%d: %v, %d KB; 4n: %v, %d KB (×%.1f time, ×%.1f bytes)", sh.n, ts, bs>>10, tb, bb>>10, tr, br)
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
	for _, sh := range append(shapes, chainShapes...) {
		for _, n := range []int{2 * sh.n, 4 * sh.n} {
			src := []byte(sh.gen(n))
			b.Run(fmt.Sprintf("%s/n=%d", sh.name, n), func(b *testing.B) {
				b.SetBytes(int64(len(src)))
				b.ReportAllocs()
				for b.Loop() {
					Analyze(sh.path, src, nil)
				}
			})
		}
	}
}
