// Package goanalyzer offers httpcodes's rules for Go files as a
// golang.org/x/tools/go/analysis Analyzer, for go vet -vettool
// (cmd/httpcodes-vet), golangci-lint (goanalyzer/golangci) and any other
// driver of analyzers.
//
// Each Go file of a package is judged by analysis.Analyze, the same analysis
// `httpcodes check` and the language server run, so every front end reports
// the same findings; a finding becomes a diagnostic whose category is the
// rule, with the rule's fix as a suggested fix.
//
// Bad (redirect-status):
//
//	http.Redirect(w, r, "/login", http.StatusOK)
//
// Good:
//
//	http.Redirect(w, r, "/login", http.StatusSeeOther)
package goanalyzer

import (
	"flag"
	"fmt"
	"go/token"
	"strings"

	"golang.org/x/tools/go/analysis"

	hc "github.com/httpcodes/httpcodes/analysis"
)

// Analyzer reports findings at warning severity or above, as `httpcodes
// check` fails on by default; its severity flag (-httpcodes.severity under go vet) changes the threshold.
var Analyzer = New(hc.Warning)

// New returns an analyzer that reports the findings at least as severe as
// min (hc.Hint reports every finding).
func New(min hc.Severity) *analysis.Analyzer {
	r := &runner{min: min}
	a := &analysis.Analyzer{
		Name: "httpcodes",
		Doc: "report misused HTTP status codes\n\n" +
			"httpcodes flags what no compiler catches: a redirect sent with 200, an error sent with " +
			"2xx, a body after 204, a second status write after a missing return, a header set after " +
			"the status went out. Rule documentation: httpcodes rules, or https://httpcodes.dev/rules/.",
		URL:   "https://httpcodes.dev/rules/",
		Flags: flag.FlagSet{},
		Run:   r.run,
	}
	a.Flags.Var(r, "severity", "report findings at least this severe: error, warning, info or hint")
	return a
}

type runner struct{ min hc.Severity }

func (r *runner) String() string { return r.min.String() }

func (r *runner) Set(s string) error {
	sev, ok := hc.ParseSeverity(s)
	if !ok {
		return fmt.Errorf("unknown severity %q: use error, warning, info or hint", s)
	}
	r.min = sev
	return nil
}

func (r *runner) run(pass *analysis.Pass) (any, error) {
	for _, f := range pass.Files {
		tf := pass.Fset.File(f.FileStart)
		if tf == nil || !strings.HasSuffix(tf.Name(), ".go") {
			continue // cgo's generated files have other names
		}
		src, err := pass.ReadFile(tf.Name())
		if err != nil || len(src) != tf.Size() {
			continue // not the file that was parsed (cgo, a //line'd build)
		}
		res := hc.Analyze(tf.Name(), src, nil)
		if res.Generated {
			continue // as `httpcodes check` skips generated files
		}
		for _, fd := range res.Findings {
			if fd.Severity > r.min {
				continue
			}
			pass.Report(diagnostic(tf, fd))
		}
	}
	return nil, nil
}

func diagnostic(tf *token.File, fd hc.Finding) analysis.Diagnostic {
	d := analysis.Diagnostic{
		Pos:      tf.Pos(fd.Start),
		End:      tf.Pos(fd.End),
		Category: fd.Rule,
		Message:  fmt.Sprintf("%s [%s]", fd.Message, fd.Rule),
		URL:      hc.RuleDocsURL(hc.DefaultDocsBase, fd.Rule),
	}
	if fd.Fix != nil {
		fix := analysis.SuggestedFix{Message: fd.Fix.Title}
		for _, e := range fd.Fix.Edits {
			fix.TextEdits = append(fix.TextEdits, analysis.TextEdit{Pos: tf.Pos(e.Start), End: tf.Pos(e.End), NewText: []byte(e.NewText)})
		}
		d.SuggestedFixes = []analysis.SuggestedFix{fix}
	}
	return d
}
