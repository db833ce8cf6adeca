package analysis

import (
	"runtime"
	"syscall"
	"time"
	"unsafe"
)

// threadCPU runs f locked to its thread and returns the processor time the
// thread spent (CLOCK_THREAD_CPUTIME_ID): unlike the time on the wall, it
// does not count the waits of a loaded machine.
func threadCPU(f func()) time.Duration {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	const clockThreadCPUTime = 3
	var t0, t1 syscall.Timespec
	clock := func(ts *syscall.Timespec) bool {
		_, _, errno := syscall.Syscall(syscall.SYS_CLOCK_GETTIME, clockThreadCPUTime, uintptr(unsafe.Pointer(ts)), 0)
		return errno == 0
	}
	if !clock(&t0) {
		return wallTime(f)
	}
	f()
	if !clock(&t1) {
		return wallTime(f)
	}
	return time.Duration(t1.Nano() - t0.Nano())
}
