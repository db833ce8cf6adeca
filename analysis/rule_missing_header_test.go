package analysis

import (
	"testing"

	"github.com/httpcodes/httpcodes/analysis/internal/facts"
)

// A 401 without a challenge is info; 405 without Allow and a redirect
// without Location stay warnings; a severity configured for the rule
// applies to all its findings.
func TestMissingHeaderSeverity(t *testing.T) {
	src := []byte(`package p

import "net/http"

func a(w http.ResponseWriter) { w.WriteHeader(http.StatusUnauthorized) }
func b(w http.ResponseWriter) { w.WriteHeader(http.StatusMethodNotAllowed) }
func c(w http.ResponseWriter) { w.WriteHeader(http.StatusFound) }
`)
	bySeverity := func(opts *facts.Options) map[int]facts.Severity {
		out := map[int]facts.Severity{}
		for _, f := range Analyze("p.go", src, opts).Findings {
			if f.Rule == "missing-header" {
				out[f.Code] = f.Severity
			}
		}
		return out
	}
	got := bySeverity(nil)
	want := map[int]facts.Severity{401: facts.Info, 405: facts.Warning, 302: facts.Warning}
	for code, s := range want {
		if got[code] != s {
			t.Errorf("default: %d reported as %v, want %v (all: %v)", code, got[code], s, got)
		}
	}
	if len(got) != len(want) {
		t.Errorf("default: findings %v, want %v", got, want)
	}
	got = bySeverity(&facts.Options{Severity: map[string]facts.Severity{"missing-header": facts.Error}})
	for _, code := range []int{401, 405, 302} {
		if got[code] != facts.Error {
			t.Errorf("configured error: %d reported as %v", code, got[code])
		}
	}
}
