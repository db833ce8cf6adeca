package main

import (
	"fmt"
	"io"
	"os"
	"sync"
	"sync/atomic"
	"time"
)

// progress prints "checked N/M files" on stderr while a long check runs,
// only when stderr is a terminal: CI logs and pipes get nothing extra.
type progress struct {
	total   int
	checked atomic.Int64
	quit    chan struct{}
	wg      sync.WaitGroup
	w       io.Writer
	shown   bool
}

// progressDelay is how long a check runs before the line appears.
const progressDelay = 500 * time.Millisecond

func startProgress(w io.Writer, total int) *progress {
	p := &progress{total: total, quit: make(chan struct{}), w: w}
	if !isTerminal(w) || total == 0 {
		return p
	}
	p.wg.Add(1)
	go func() {
		defer p.wg.Done()
		timer := time.NewTimer(progressDelay)
		defer timer.Stop()
		select {
		case <-p.quit:
			return
		case <-timer.C:
		}
		tick := time.NewTicker(100 * time.Millisecond)
		defer tick.Stop()
		for {
			p.shown = true
			fmt.Fprintf(p.w, "\rhttpcodes: checked %d/%d files", p.checked.Load(), p.total)
			select {
			case <-p.quit:
				return
			case <-tick.C:
			}
		}
	}()
	return p
}

func (p *progress) done() { p.checked.Add(1) }

// stop ends the line, clearing it so the summary starts on a clean line.
func (p *progress) stop() {
	close(p.quit)
	p.wg.Wait()
	if p.shown {
		fmt.Fprint(p.w, "\r\033[K")
	}
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}
