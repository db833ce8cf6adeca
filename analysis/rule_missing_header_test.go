package analysis

import "testing"

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
	bySeverity := func(opts *Options) map[int]Severity {
		out := map[int]Severity{}
		for _, f := range Analyze("p.go", src, opts).Findings {
			if f.Rule == "missing-header" {
				out[f.Code] = f.Severity
			}
		}
		return out
	}
	got := bySeverity(nil)
	want := map[int]Severity{401: Info, 405: Warning, 302: Warning}
	for code, s := range want {
		if got[code] != s {
			t.Errorf("default: %d reported as %v, want %v (all: %v)", code, got[code], s, got)
		}
	}
	if len(got) != len(want) {
		t.Errorf("default: findings %v, want %v", got, want)
	}
	got = bySeverity(&Options{Severity: map[string]Severity{"missing-header": Error}})
	for _, code := range []int{401, 405, 302} {
		if got[code] != Error {
			t.Errorf("configured error: %d reported as %v", code, got[code])
		}
	}
}
