//go:build race

package analysis

import "testing"

// skipUnderRace skips a long sweep under the race detector, where it runs
// ten times slower and finds nothing more: it analyses one file at a time,
// on one goroutine. go test without -race runs it.
func skipUnderRace(t *testing.T) {
	t.Skip("a sweep on one goroutine; go test without -race runs it")
}
