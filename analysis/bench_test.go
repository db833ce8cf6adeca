package analysis

import (
	"testing"

	"github.com/httpcodes/httpcodes/internal/benchgen"
)

// bigGoFile makes a Go file of about n lines dense with handlers.
func bigGoFile(n int) []byte { return []byte(benchgen.Handlers(n, 0)) }

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
