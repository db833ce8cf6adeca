package main

import (
	"os"
	"strings"
	"testing"
)

// The README's rule × language table is the one `rules --matrix` prints
// from the rules' declarations.
func TestREADMERuleMatrix(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	const start, end = "<!-- rules-matrix:start -->\n", "<!-- rules-matrix:end -->"
	s := string(readme)
	i, j := strings.Index(s, start), strings.Index(s, end)
	if i < 0 || j < i {
		t.Fatalf("README.md has no %q … %q section", start, end)
	}
	if got, want := s[i+len(start):j], ruleMatrix(); got != want {
		t.Errorf("README.md's rule table differs from httpcodes rules --matrix; paste:\n%s", want)
	}
}
