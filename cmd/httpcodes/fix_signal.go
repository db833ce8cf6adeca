package main

import (
	"os"
	"os/signal"
	"sync"
	"syscall"
)

// temps are the temporary files --fix has written beside the files it
// fixes and not yet renamed or removed.
var temps = tempFiles{names: map[string]bool{}}

type tempFiles struct {
	// swapping is held while a file is being replaced: a signal waits for
	// the replacement to end, so it never stops one half done.
	swapping sync.Mutex
	mu       sync.Mutex
	names    map[string]bool
}

func (t *tempFiles) add(name string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.names[name] = true
}

// keep forgets a file that is no longer temporary: renamed into place, or
// kept on purpose.
func (t *tempFiles) keep(name string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	delete(t.names, name)
}

// discard removes a temporary file, unless it was kept.
func (t *tempFiles) discard(name string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.names[name] {
		os.Remove(name)
		delete(t.names, name)
	}
}

// removeOnSignal removes the temporary files when SIGINT or SIGTERM
// arrives, after any replacement under way, and ends the process with the
// status a shell gives a process the signal killed (130, 143). stop ends
// the watch.
func removeOnSignal() (stop func()) {
	signals := make(chan os.Signal, 1)
	signal.Notify(signals, os.Interrupt, syscall.SIGTERM)
	done := make(chan struct{})
	go func() {
		select {
		case sig := <-signals:
			temps.swapping.Lock() // never unlocked: the process ends
			temps.mu.Lock()
			for name := range temps.names {
				os.Remove(name)
			}
			status := 128 + 2
			if s, ok := sig.(syscall.Signal); ok {
				status = 128 + int(s)
			}
			os.Exit(status)
		case <-done:
		}
	}()
	return func() {
		signal.Stop(signals)
		close(done)
	}
}
