//go:build !race

package analysis

import "testing"

// skipUnderRace skips a long sweep under the race detector (race_test.go);
// without it, the sweep runs.
func skipUnderRace(*testing.T) {}
