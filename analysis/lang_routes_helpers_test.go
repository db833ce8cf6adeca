package analysis

import (
	"fmt"
	"strings"
	"testing"

	"github.com/httpcodes/httpcodes/analysis/internal/facts"
)

// routeCase is a small source and the routes and functions read from it,
// each written as spanDump writes it.
type routeCase struct {
	name, src    string
	routes, funs []string
}

// spanDump writes a route as "METHOD PATH at LITERAL body BODY" (or
// "handler NAME"), with "mounted" when it is, and a function as
// "NAME BODY": the spans as the text they cover, so an expectation says
// exactly where each starts and ends.
func spanDump(src string, f *facts.RouteFacts) (routes, funs []string) {
	for _, r := range f.Routes {
		var b strings.Builder
		method := r.Method
		if method == "" {
			method = "ANY"
		}
		fmt.Fprintf(&b, "%s %s", method, r.Path)
		if r.Mounted {
			b.WriteString(" mounted")
		}
		fmt.Fprintf(&b, " at %s", src[r.Start:r.End])
		if r.BodyEnd > 0 {
			fmt.Fprintf(&b, " body %s", src[r.BodyStart:r.BodyEnd])
		}
		if r.Handler != "" {
			fmt.Fprintf(&b, " handler %s", r.Handler)
		}
		routes = append(routes, b.String())
	}
	for _, fn := range f.Funcs {
		funs = append(funs, fn.Name+" "+src[fn.BodyStart:fn.BodyEnd])
	}
	return routes, funs
}

// runRouteCases reads each case's source as path and compares.
func runRouteCases(t *testing.T, path string, cases []routeCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f := facts.Routes(path, []byte(tc.src))
			if f == nil {
				t.Fatalf("Routes(%s) = nil", path)
			}
			routes, funs := spanDump(tc.src, f)
			if got, want := strings.Join(routes, "\n"), strings.Join(tc.routes, "\n"); got != want {
				t.Errorf("routes:\n%s\nwant:\n%s", got, want)
			}
			if tc.funs != nil {
				if got, want := strings.Join(funs, "\n"), strings.Join(tc.funs, "\n"); got != want {
					t.Errorf("funcs:\n%s\nwant:\n%s", got, want)
				}
			}
		})
	}
}
