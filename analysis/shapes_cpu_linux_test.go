package analysis

import (
	"runtime"
	"syscall"
	"time"
)

// threadCPU runs f locked to its thread and returns the processor time the
// thread spent: unlike the time on the wall, it does not count the waits
// of a loaded machine.
func threadCPU(f func()) time.Duration {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	const rusageThread = 1 // RUSAGE_THREAD
	var r0, r1 syscall.Rusage
	if syscall.Getrusage(rusageThread, &r0) != nil {
		return wallTime(f)
	}
	f()
	if syscall.Getrusage(rusageThread, &r1) != nil {
		return wallTime(f)
	}
	used := func(r *syscall.Rusage) time.Duration {
		return time.Duration(r.Utime.Nano() + r.Stime.Nano())
	}
	return used(&r1) - used(&r0)
}
