package analysis

import (
	"fmt"
	"strings"
	"testing"
)

// bigGoFile makes a Go file of about n lines: handlers with status writes,
// header sets, comparisons and plain code between them.
func bigGoFile(n int) []byte {
	var b strings.Builder
	b.WriteString("package big\n\nimport (\n\t\"encoding/json\"\n\t\"net/http\"\n\t\"time\"\n)\n\n")
	for i := 0; strings.Count(b.String(), "\n") < n; i++ {
		fmt.Fprintf(&b, `func handler%d(w http.ResponseWriter, r *http.Request) {
	time.Sleep(200 * time.Millisecond)
	if r.Method != http.MethodGet {
		w.Header().Set("Allow", "GET")
		http.Error(w, "method not allowed", 405)
		return
	}
	resp, err := http.Get("http://example.com/%d")
	if err != nil || resp.StatusCode >= 500 {
		w.WriteHeader(http.StatusBadGateway)
		return
	}
	switch resp.StatusCode {
	case 200, 204:
	case http.StatusNotFound:
		http.NotFound(w, r)
		return
	}
	w.WriteHeader(201)
	json.NewEncoder(w).Encode(map[string]int{"n": %d})
}

`, i, i, i)
	}
	return []byte(b.String())
}

// BenchmarkAnalyzeGo10kLines measures the diagnostics of a 10,000-line Go
// file, which the language server recomputes after each edit.
func BenchmarkAnalyzeGo10kLines(b *testing.B) {
	src := bigGoFile(10000)
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	var findings int
	for b.Loop() {
		findings = len(Analyze("big.go", src, nil).Findings)
	}
	b.ReportMetric(float64(findings), "findings")
}
