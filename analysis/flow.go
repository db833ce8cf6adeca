package analysis

import "iter"

// EventKind is what a statement does to a response.
type eventKind int

const (
	// statusWrite sends the status line (w.WriteHeader(n), http.Error, c.JSON).
	statusWrite eventKind = iota
	// bodyWrite sends content, and with it an implicit 200 if no status was sent.
	bodyWrite
	// headerSet sets a header field; header is "" when the name is not known.
	headerSet
	// opaque hands the writer (or its header map) to code the analysis does
	// not see, which may set headers or write.
	opaque
)

// event is one thing a function does to a response writer.
type event struct {
	kind   eventKind
	writer string // the writer as written: "w", "s.w", "c"
	code   int    // the status sent; 0 when not a literal or constant
	// api is the call as a person reads it: "w.WriteHeader(201)", "http.Error".
	api    string
	header string
	// value is the literal value of a header set ("X-Checksum" for
	// Set("Trailer", "X-Checksum")), "" when not a literal.
	value string
	// direct is set on a header set the code spells out (Set, Add, Del, an
	// index assignment, SetCookie), as opposed to the header map handed on.
	direct bool
	// deletes is set on Header().Del: it names a header but sets nothing.
	deletes bool
	// stmtStart and stmtEnd span the statement when the call is a whole
	// statement of its own, and block identifies the statement list it is
	// in (the offset where that list starts); all are 0 otherwise. A fix may
	// move such a statement within its block.
	stmtStart, stmtEnd, block int
	// withStatus is set on a body write that also sends its own status (c.JSON(204, v)).
	withStatus bool
	// setsLocation is set on a status write that sets Location itself (http.Redirect).
	setsLocation bool
	// checked is set on a body write whose error the code looks at
	// (err := tmpl.Execute(w, v)): when it fails it may have sent nothing,
	// and an http.Error in its error branch is the usual, working idiom.
	checked bool
	// inLoop is set on a write inside a loop seen after the loop: the loop
	// may have run no iteration, so the write may not have happened.
	inLoop     bool
	start, end int
}

// shifted returns the event moved by delta bytes, as an edit before it
// moves it: every offset field, and only those
// (TestShiftedMovesEveryOffset).
func (e event) shifted(delta int) event {
	e.start += delta
	e.end += delta
	if e.stmtEnd > 0 {
		e.stmtStart += delta
		e.stmtEnd += delta
		e.block += delta
	}
	return e
}

// sureWrite reports whether the event certainly started the response on the
// paths it is on: a status write, or a body write whose failure is not handled.
func (e event) sureWrite() bool {
	switch e.kind {
	case statusWrite:
		return !e.informational() && !e.inLoop
	case bodyWrite:
		return !e.checked && !e.inLoop
	}
	return false
}

// informational reports whether the event writes a 1xx status, which is sent
// before the final status and does not end the headers.
func (e event) informational() bool {
	return e.kind == statusWrite && e.code >= 100 && e.code < 200
}

// flowStep is one event with the events that may come before it on some
// path through the same function body.
type flowStep struct {
	ev     event
	before state
}

// prior yields the events before the step that concern the same writer.
func (s flowStep) prior() iter.Seq[*event] {
	return func(yield func(*event) bool) {
		for n := s.before; n != nil; n = n.next {
			if n.ev.writer == s.ev.writer && !(n.ev.start == s.ev.start && n.ev.kind == s.ev.kind) && !yield(&n.ev) {
				return
			}
		}
	}
}

// state is the set of events that may have happened on the paths so far, as
// a list shared between paths: a new event is a new head, so recording
// the state before each event costs nothing.
type state = *stateNode

type stateNode struct {
	ev   event
	next *stateNode
}

func push(st state, ev event) state { return &stateNode{ev: ev, next: st} }

// union merges the states of several paths, each event once.
func union(states ...state) state {
	if len(states) == 1 {
		return states[0]
	}
	var out state
	seen := map[[2]int]bool{}
	for _, s := range states {
		for n := s; n != nil; n = n.next {
			k := [2]int{n.ev.start, int(n.ev.kind)}
			if !seen[k] {
				seen[k] = true
				out = push(out, n.ev)
			}
		}
	}
	return out
}
