package analysis

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
	inLoop bool
	start, end   int
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
// path through the same function body, on the same writer.
type flowStep struct {
	ev    event
	prior []event
}
