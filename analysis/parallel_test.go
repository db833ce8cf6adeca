package analysis

import (
	"reflect"
	"testing"

	"github.com/httpcodes/httpcodes/analysis/internal/facts"
)

// TestParallelMatchesSequential: a large file analysed on several cores
// gives exactly what one core gives.
func TestParallelMatchesSequential(t *testing.T) {
	src := bigGoFile(10000)
	if len(src) < facts.ParallelFrom {
		t.Fatalf("the test file (%d bytes) is below the parallel threshold", len(src))
	}
	parallel := Analyze("big.go", src, nil)
	saved := facts.ParallelFrom
	facts.ParallelFrom = len(src) + 1
	sequential := Analyze("big.go", src, nil)
	facts.ParallelFrom = saved
	if len(sequential.Findings) < 1000 {
		t.Fatalf("only %d findings", len(sequential.Findings))
	}
	if !reflect.DeepEqual(parallel.Occurrences, sequential.Occurrences) {
		t.Error("occurrences differ between the parallel and the sequential analysis")
	}
	if !reflect.DeepEqual(parallel.Findings, sequential.Findings) {
		t.Error("findings differ between the parallel and the sequential analysis")
	}
}
