package analysis

import (
	"math/rand"
	"os"
	"reflect"
	"strings"
	"testing"
)

// TestIncrementalMatchesFull applies random edits inside and outside
// function bodies, one after another, and checks after each that the
// incremental analysis equals a full analysis of the same text.
func TestIncrementalMatchesFull(t *testing.T) {
	sources := map[string][]byte{"big.go": bigGoFile(3000)}
	for _, name := range []string{"testdata/go/rules.go", "testdata/go/contexts.go", "testdata/go/frameworks.go"} {
		src, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		sources[name] = src
	}
	inserts := []string{" ", "1", "0", "\n", "x", "w.WriteHeader(204)\n", "return\n", "}", "{", "\"", "http.StatusTeapot", "//httpcodes:ignore\n"}
	rng := rand.New(rand.NewSource(1))
	incremental := 0
	for name, src := range sources {
		inc := NewIncremental(name, src, nil)
		for i := 0; i < 400; i++ {
			text := inc.Text()
			start := rng.Intn(len(text))
			end := start
			if rng.Intn(3) == 0 {
				end = min(len(text), start+rng.Intn(4))
			}
			ins := inserts[rng.Intn(len(inserts))]
			if rng.Intn(4) == 0 {
				// Change a status code where there is one.
				if j := strings.Index(string(text[start:]), "20"); j >= 0 {
					start, end, ins = start+j, start+j+2, "30"
				}
			}
			before := inc.bodyHolding(start, end) >= 0
			got := inc.Edit(start, end, ins)
			want := Analyze(name, inc.Text(), nil)
			if before && got.SyntaxError == nil {
				incremental++
			}
			if !reflect.DeepEqual(got.SyntaxError, want.SyntaxError) || !reflect.DeepEqual(got.Occurrences, want.Occurrences) ||
				!reflect.DeepEqual(got.Findings, want.Findings) || got.Generated != want.Generated {
				t.Fatalf("%s, edit %d ([%d,%d) → %q): incremental and full analyses differ\nsyntax %v / %v\n%d/%d occurrences, %d/%d findings",
					name, i, start, end, ins, got.SyntaxError, want.SyntaxError, len(got.Occurrences), len(want.Occurrences), len(got.Findings), len(want.Findings))
			}
			if got.SyntaxError != nil && rng.Intn(2) == 0 {
				inc = NewIncremental(name, src, nil) // start again from text that parses
			}
		}
	}
	if incremental < 100 {
		t.Errorf("only %d edits took the incremental path", incremental)
	}
}

// BenchmarkIncrementalEdit10kLines measures an edit inside one function of a
// 10,000-line file, as the language server analyses it.
func BenchmarkIncrementalEdit10kLines(b *testing.B) {
	src := bigGoFile(10000)
	inc := NewIncremental("big.go", src, nil)
	at := strings.Index(string(src), "w.WriteHeader(201)") + len("w.WriteHeader(20")
	digits := []string{"2", "1"}
	i := 0
	for b.Loop() {
		i++
		inc.Edit(at, at+1, digits[i%2])
	}
	b.ReportMetric(float64(len(inc.Result().Findings)), "findings")
}
