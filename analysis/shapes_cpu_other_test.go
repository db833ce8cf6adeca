//go:build !linux

package analysis

import "time"

// threadCPU runs f and returns the time it took on the wall.
func threadCPU(f func()) time.Duration { return wallTime(f) }
