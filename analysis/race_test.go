//go:build race

package analysis

// raceBuild says the tests run under the race detector, where the long
// sweeps shrink to samples.
const raceBuild = true
