package facts

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// EventKind is what a statement does to a response.
type EventKind int

const (
	// statusWrite sends the status line (w.WriteHeader(n), http.Error, c.JSON).
	StatusWrite EventKind = iota
	// bodyWrite sends content, and with it an implicit 200 if no status was sent.
	BodyWrite
	// headerSet sets a header field; header is "" when the name is not known.
	HeaderSet
	// opaque hands the writer (or its header map) to code the analysis does
	// not see, which may set headers or write.
	Opaque
)

// event is one thing a function does to a response writer.
type Event struct {
	Kind   EventKind
	Writer string // the writer as written: "w", "s.w", "c"
	Code   int    // the status sent; 0 when not a literal or constant
	// api is the call as a person reads it: "w.WriteHeader(201)", "http.Error".
	Api    string
	Header string
	// value is the literal value of a header set ("X-Checksum" for
	// Set("Trailer", "X-Checksum")), "" when not a literal.
	Value string
	// direct is set on a header set the code spells out (Set, Add, Del, an
	// index assignment, SetCookie), as opposed to the header map handed on.
	Direct bool
	// deletes is set on Header().Del: it names a header but sets nothing.
	Deletes bool
	// stmtStart and stmtEnd span the statement when the call is a whole
	// statement of its own, and block identifies the statement list it is
	// in (the offset where that list starts); all are 0 otherwise. A fix may
	// move such a statement within its block.
	StmtStart, StmtEnd, Block int
	// withStatus is set on a body write that also sends its own status (c.JSON(204, v)).
	WithStatus bool
	// setsLocation is set on a status write that sets Location itself (http.Redirect).
	SetsLocation bool
	// checked is set on a body write whose error the code looks at
	// (err := tmpl.Execute(w, v)): when it fails it may have sent nothing,
	// and an http.Error in its error branch is the usual, working idiom.
	Checked bool
	// inLoop is set on a write inside a loop seen after the loop: the loop
	// may have run no iteration, so the write may not have happened.
	InLoop bool
	// pending is set on a status set that the send goes out with later
	// (Express's res.status(401), Koa's ctx.status = 401), and on a body
	// kept until then (ctx.body = x): neither starts the response.
	Pending bool
	// sendsAll is set on a body write that sends the whole response, the
	// status and headers with it (Express's res.json(x)): a second send
	// fails like a second status.
	SendsAll bool
	// interim is set on a status write whose status, a variable, the
	// conditions around it confine to 1xx.
	Interim bool
	// refreshes is set on a response built whole whose body is an HTML
	// page that redirects itself (<meta http-equiv="refresh" …>): a 3xx
	// without Location that still takes the browser somewhere.
	Refreshes  bool
	Start, End int
}

// shifted returns the event moved by delta bytes, as an edit before it
// moves it: every offset field, and only those
// (TestShiftedMovesEveryOffset).
func (e Event) Shifted(delta int) Event {
	e.Start += delta
	e.End += delta
	if e.StmtEnd > 0 {
		e.StmtStart += delta
		e.StmtEnd += delta
		e.Block += delta
	}
	return e
}

// sureWrite reports whether the event certainly started the response on the
// paths it is on: a status write, or a body write whose failure is not handled.
func (e Event) SureWrite() bool {
	if e.Pending {
		return false
	}
	switch e.Kind {
	case StatusWrite:
		return !e.Informational() && !e.InLoop
	case BodyWrite:
		return !e.Checked && !e.InLoop
	}
	return false
}

// informational reports whether the event writes a 1xx status, which is sent
// before the final status and does not end the headers.
func (e Event) Informational() bool {
	return e.Kind == StatusWrite && (e.Interim || e.Code >= 100 && e.Code < 200)
}

// flowStep is one event with what may have happened before it on the
// paths to it through the same function body.
type FlowStep struct {
	Ev     Event
	Before State
}

// state is what may have happened to the responses on the paths so far,
// kept as the answers the flow rules ask for rather than as the events
// themselves: which headers may have been set on a writer, whether it was
// handed on, which Trailer names were announced, and its earliest and
// latest certain writes. Both parts are persistent maps that share their
// unchanged nodes, so recording the state before each event and merging
// the states of paths at a join cost a few nodes, not a copy: the walk of
// a body is linear in its statements however its branches nest or repeat.
type State = *FlowState

type FlowState struct {
	// seen holds keys whose presence is the answer (see seenKey).
	seen *pnode
	// sure holds, per writer, the earliest and the latest write certain to
	// have happened on every path to here, and the latest such status
	// write of each code.
	Sure *pnode
}

// The keys of a state: a kind byte, the writer, and a name.
const (
	keyWrote     = 'w' // a status, body or opaque event on the writer
	keyOpaque    = 'o' // the writer handed to unseen code
	KeyHeader    = 'h' // a header set (not a Del), by folded name; "" unknown
	keyTrailer   = 'T' // any set of the Trailer header
	keyAnnounced = 't' // a name listed in a Trailer value, folded
	keyFirst     = '<' // the earliest certain write
	keyLast      = '>' // the latest certain write
	KeyCode      = 'c' // the latest certain status write of a code
)

func StateKey(kind byte, writer, name string) string {
	return string(kind) + writer + "\x00" + name
}

// push returns the state after ev.
func Push(st State, ev Event) State {
	var out FlowState
	if st != nil {
		out = *st
	}
	w := ev.Writer
	if ev.Kind != HeaderSet {
		out.seen = out.seen.Insert(StateKey(keyWrote, w, ""), nil)
	}
	switch ev.Kind {
	case Opaque:
		out.seen = out.seen.Insert(StateKey(keyOpaque, w, ""), nil)
	case HeaderSet:
		if !ev.Deletes {
			out.seen = out.seen.Insert(StateKey(KeyHeader, w, FoldName(ev.Header)), nil)
		}
		if strings.EqualFold(ev.Header, "Trailer") {
			out.seen = out.seen.Insert(StateKey(keyTrailer, w, ""), nil)
			for name := range strings.SplitSeq(ev.Value, ",") {
				if name = strings.TrimSpace(name); name != "" {
					out.seen = out.seen.Insert(StateKey(keyAnnounced, w, FoldName(name)), nil)
				}
			}
		}
	}
	if ev.SureWrite() {
		p := &ev
		out.Sure = out.Sure.Insert(StateKey(keyFirst, w, ""), p)
		out.Sure = out.Sure.Insert(StateKey(keyLast, w, ""), p)
		if ev.Kind == StatusWrite {
			out.Sure = out.Sure.Insert(StateKey(KeyCode, w, strconv.Itoa(ev.Code)), p)
		}
	} else if ev.Pending && ev.Kind == StatusWrite && !ev.InLoop {
		// The status the send will go out with.
		out.Sure = out.Sure.Insert(StateKey(KeyCode, w, strconv.Itoa(ev.Code)), &ev)
	}
	return &out
}

// union merges the states of several paths.
func Union(states ...State) State {
	var out State
	for _, s := range states {
		switch {
		case s == nil || s == out:
		case out == nil:
			out = s
		default:
			out = &FlowState{seen: out.seen.union(s.seen, 0), Sure: out.Sure.union(s.Sure, 0)}
		}
	}
	return out
}

// afterLoop is the state after a loop that was entered in st and whose
// body ended in body: what the body did may have happened, but none of
// its writes is certain, as the loop may have run no iteration.
func AfterLoop(st, body State) State {
	if body == nil {
		return st
	}
	out := FlowState{seen: body.seen}
	if st != nil {
		out.seen, out.Sure = st.seen.union(body.seen, 0), st.Sure
	}
	return &out
}

func (st State) Has(kind byte, writer, name string) bool {
	if st == nil {
		return false
	}
	_, ok := st.seen.get(StateKey(kind, writer, name))
	return ok
}

func (st State) sureEvent(kind byte, writer, name string) *Event {
	if st == nil {
		return nil
	}
	ev, _ := st.Sure.get(StateKey(kind, writer, name))
	return ev
}

// wrote reports whether a status, body or opaque event on the writer may
// have happened.
func (st State) Wrote(writer string) bool { return st.Has(keyWrote, writer, "") }

// firstWrite is the earliest write on the writer certain to have happened
// on every path to here, nil if none.
func (st State) FirstWrite(writer string) *Event { return st.sureEvent(keyFirst, writer, "") }

// lastWrite is the latest such write.
func (st State) LastWrite(writer string) *Event { return st.sureEvent(keyLast, writer, "") }

// statusWrite is the latest status write of the code certain to have happened.
func (st State) StatusWrite(writer string, code int) *Event {
	return st.sureEvent(KeyCode, writer, strconv.Itoa(code))
}

// headerMaySet reports whether the named header may have been set on the
// writer: set by name, set under a name not known, or the writer handed on.
func (st State) HeaderMaySet(writer, name string) bool {
	return st.Has(keyOpaque, writer, "") || st.Has(KeyHeader, writer, "") || st.Has(KeyHeader, writer, FoldName(name))
}

// announced reports whether a Trailer header set on the writer lists the
// named header; any Trailer set counts when the name is not known.
func (st State) Announced(writer, name string) bool {
	if name == "" {
		return st.Has(keyTrailer, writer, "")
	}
	return st.Has(keyAnnounced, writer, FoldName(name))
}

// foldName maps a header name to one spelling per strings.EqualFold class.
func FoldName(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return strings.ToLower(s)
	}
	var b strings.Builder
	for _, r := range s {
		m := r
		for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
			m = min(m, f)
		}
		b.WriteRune(m)
	}
	return b.String()
}

// pnode is a node of a persistent hash trie from string keys to events: a
// leaf holds the entries of one hash, a branch sixteen children by the
// next four bits of it. An insert copies the path to its leaf; a union
// skips the subtries both sides share, so merging two states that grew
// from one costs in proportion to what they added.
type pnode struct {
	hash    uint64
	entries []pentry
	kids    *[16]*pnode
}

type pentry struct {
	key string
	ev  *Event
}

func keyHash(key string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(key); i++ {
		h ^= uint64(key[i])
		h *= 1099511628211
	}
	return h
}

// pick chooses between two values of one key: the earliest event for
// keyFirst, the latest for the others; a present key without an event
// stays as it is.
func pick(key string, old, ev *Event) *Event {
	if old == nil || ev == nil || old == ev {
		return old
	}
	if key[0] == keyFirst {
		if ev.Start < old.Start {
			return ev
		}
		return old
	}
	if ev.Start > old.Start {
		return ev
	}
	return old
}

func (n *pnode) get(key string) (*Event, bool) {
	h := keyHash(key)
	for depth := 0; n != nil; depth++ {
		if n.kids == nil {
			for _, e := range n.entries {
				if e.key == key {
					return e.ev, true
				}
			}
			return nil, false
		}
		n = n.kids[(h>>(4*depth))&15]
	}
	return nil, false
}

func (n *pnode) Insert(key string, ev *Event) *pnode {
	return n.put(keyHash(key), key, ev, 0)
}

func (n *pnode) put(h uint64, key string, ev *Event, depth int) *pnode {
	if n == nil {
		return &pnode{hash: h, entries: []pentry{{key, ev}}}
	}
	if n.kids == nil {
		if n.hash == h || depth >= 16 {
			for i, e := range n.entries {
				if e.key == key {
					v := pick(key, e.ev, ev)
					if v == e.ev {
						return n
					}
					out := &pnode{hash: h, entries: append([]pentry(nil), n.entries...)}
					out.entries[i].ev = v
					return out
				}
			}
			return &pnode{hash: h, entries: append(append([]pentry(nil), n.entries...), pentry{key, ev})}
		}
		// Two hashes: a branch that holds the old leaf, then the new key.
		b := &pnode{kids: new([16]*pnode)}
		b.kids[(n.hash>>(4*depth))&15] = n
		return b.put(h, key, ev, depth)
	}
	i := (h >> (4 * depth)) & 15
	kid := n.kids[i].put(h, key, ev, depth+1)
	if kid == n.kids[i] {
		return n
	}
	kids := *n.kids
	kids[i] = kid
	return &pnode{kids: &kids}
}

// union returns a trie with the keys of both, their values picked.
func (n *pnode) union(o *pnode, depth int) *pnode {
	switch {
	case n == o || o == nil:
		return n
	case n == nil:
		return o
	case n.kids == nil:
		return o.putAll(n, depth)
	case o.kids == nil:
		return n.putAll(o, depth)
	}
	var kids [16]*pnode
	sameN, sameO := true, true
	for i := range kids {
		kids[i] = n.kids[i].union(o.kids[i], depth+1)
		sameN = sameN && kids[i] == n.kids[i]
		sameO = sameO && kids[i] == o.kids[i]
	}
	switch {
	case sameN:
		return n
	case sameO:
		return o
	}
	return &pnode{kids: &kids}
}

// putAll inserts the entries of a leaf.
func (n *pnode) putAll(leaf *pnode, depth int) *pnode {
	for _, e := range leaf.entries {
		n = n.put(leaf.hash, e.key, e.ev, depth)
	}
	return n
}

// shifted returns the state with the offsets of its events moved by delta;
// moved maps the nodes and events already moved, which steps share.
func (st State) Shifted(delta int, moved map[any]any) State {
	if st == nil {
		return nil
	}
	if m, ok := moved[st]; ok {
		return m.(State)
	}
	out := &FlowState{seen: st.seen, Sure: st.Sure.shifted(delta, moved)}
	moved[st] = out
	return out
}

func (n *pnode) shifted(delta int, moved map[any]any) *pnode {
	if n == nil {
		return nil
	}
	if m, ok := moved[n]; ok {
		return m.(*pnode)
	}
	out := &pnode{hash: n.hash}
	if n.kids != nil {
		out.kids = new([16]*pnode)
		for i, k := range n.kids {
			out.kids[i] = k.shifted(delta, moved)
		}
	} else {
		out.entries = make([]pentry, len(n.entries))
		for i, e := range n.entries {
			out.entries[i] = pentry{e.key, e.ev.movedOnce(delta, moved)}
		}
	}
	moved[n] = out
	return out
}

// movedOnce returns the event shifted by delta, the same copy for every
// state that shares it.
func (ev *Event) movedOnce(delta int, moved map[any]any) *Event {
	if ev == nil {
		return nil
	}
	if m, ok := moved[ev]; ok {
		return m.(*Event)
	}
	out := ev.Shifted(delta)
	moved[ev] = &out
	return &out
}
