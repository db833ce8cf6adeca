package analysis

import (
	"fmt"
	"strings"
	"testing"

	"github.com/httpcodes/httpcodes/analysis/internal/facts"
	"github.com/httpcodes/httpcodes/analysis/internal/rules"
)

// TestIgnoreFindings: which ignore comments unknown-ignore and
// unused-ignore report, as rule@line.
func TestIgnoreFindings(t *testing.T) {
	const head = "package p\n\nimport \"net/http\"\n\n"
	tests := []struct {
		name, path, body string
		opts             *facts.Options
		want             string
	}{
		{"prose and strings are not comments", "p.go",
			"// Write httpcodes:ignore to silence a rule.\nvar s = \"httpcodes:ignore nothing\"\n", &facts.Options{ReportUnusedIgnores: true}, ""},
		{"used, named", "p.go",
			"func a(w http.ResponseWriter) { w.WriteHeader(430) } //httpcodes:ignore unknown-status\n", &facts.Options{ReportUnusedIgnores: true}, ""},
		{"used, bare, from the line above", "p.go",
			"//httpcodes:ignore\nfunc a(w http.ResponseWriter) { w.WriteHeader(430) }\n", &facts.Options{ReportUnusedIgnores: true}, ""},
		{"unused only when asked", "p.go",
			"//httpcodes:ignore unknown-status\nvar x = 1\n", nil, ""},
		{"unused, one name of two", "p.go",
			"func a(w http.ResponseWriter) { w.WriteHeader(430) } //httpcodes:ignore unknown-status,redirect-status\n", &facts.Options{ReportUnusedIgnores: true}, "unused-ignore@5"},
		{"a rule that is off is not judged", "p.go",
			"//httpcodes:ignore unknown-status\nvar x = 1\n", &facts.Options{ReportUnusedIgnores: true, Disabled: map[string]bool{"unknown-status": true}}, ""},
		{"a rule for other languages is not judged", "p.go",
			"//httpcodes:ignore deprecated-constant\nvar x = 1\n", &facts.Options{ReportUnusedIgnores: true}, ""},
		{"a finding test code quiets still uses the ignore", "p_test.go",
			"func a(w http.ResponseWriter) { w.WriteHeader(430) } //httpcodes:ignore unknown-status\n", &facts.Options{ReportUnusedIgnores: true}, ""},
		{"unknown in test code too", "p_test.go",
			"//httpcodes:ignore nosuch-rule\nvar x = 1\n", nil, "unknown-ignore@5"},
		{"an ignore of unused-ignore above silences it", "p.go",
			"//httpcodes:ignore unused-ignore\n//httpcodes:ignore\nvar x = 1\n", &facts.Options{ReportUnusedIgnores: true}, ""},
		{"unknown and unused are told apart", "p.go",
			"//httpcodes:ignore unknown-statsu\nvar x = 1\n", &facts.Options{ReportUnusedIgnores: true}, "unknown-ignore@5"},
	}
	for _, tt := range tests {
		res := Analyze(tt.path, []byte(head+tt.body), tt.opts)
		var got []string
		for _, f := range res.Findings {
			if f.Rule == rules.RuleUnknownIgnore.Name || f.Rule == rules.RuleUnusedIgnore.Name {
				got = append(got, fmt.Sprintf("%s@%d", f.Rule, facts.LineOf([]byte(head+tt.body), f.Start)))
			}
		}
		if strings.Join(got, " ") != tt.want {
			t.Errorf("%s: %v, want %q", tt.name, got, tt.want)
		}
	}
	if got := rules.UnknownRuleMessage("zzzzzzzz"); got != `"zzzzzzzz" is not a rule, so this ignore comment silences nothing; httpcodes rules lists the rules` {
		t.Errorf("no near rule: %s", got)
	}
}
