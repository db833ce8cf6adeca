package goanalyzer_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	hc "github.com/httpcodes/httpcodes/analysis"
	"github.com/httpcodes/httpcodes/goanalyzer"
)

// TestAnalyzer runs the analyzer on testdata/src/api, whose `// want`
// comments are the expected diagnostics: the hints stay below the default
// threshold.
func TestAnalyzer(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), goanalyzer.Analyzer, "api")
}

// TestHintsAndFixes checks the threshold and the suggested fixes: at hint
// severity the WriteHeader(201) that only wants a constant is reported, and
// its fix gives hints.go.golden.
func TestHintsAndFixes(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), goanalyzer.New(hc.Hint), "hints")
}
