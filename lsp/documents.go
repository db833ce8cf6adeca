package lsp

import (
	"fmt"
	"net/url"
	"path/filepath"
	"strings"
	"sync"

	"github.com/httpcodes/httpcodes/analysis"
)

// document is an open text document: its text, version and, once computed,
// its analysis.
type document struct {
	uri     string
	path    string // the file path the analysis sees, for its language and rules
	version int32
	text    []byte
	// result caches the analysis of text; nil until first needed.
	result *analysis.Result
	// mapper caches the position mapper of text, for the encoding it was
	// made for: building one scans the whole text.
	mapper *mapper
	// inc carries the analysis from version to version where the
	// document's language re-analyses an edit in part (Go: an edit inside a
	// function re-analyses that function alone). It moves to the next
	// version of the document; nil until the first analysis, and for a
	// language without the capability, whose every version is analysed
	// afresh.
	inc *analysis.Reanalyser
	// pending is the one edit that turns the text inc last analysed into
	// this version's text: the analysis of this version gives inc that edit
	// alone. nil when inc is nil or has this version's text already.
	pending *textEdit
	// stale is the newest earlier analysis, with the edits made since. A
	// hover that comes before this version's analysis answers from it,
	// mapped through the edits, instead of waiting: edits only apply text,
	// and the analysis runs later, off the keystroke.
	stale *staleAnalysis
	// analyzing serialises the analysis of this version (the debounced
	// diagnostics and a request may ask at once; inc is not safe to share).
	analyzing sync.Mutex
}

// textEdit replaces the bytes [start, end) of a text with text.
type textEdit struct {
	start, end int
	text       string
}

// staleAnalysis is an analysis of an earlier text and the edits that turn
// that text into the current one.
type staleAnalysis struct {
	res   *analysis.Result
	edits []textEdit
}

// toOld maps an offset of the current text to the earlier one, or reports
// false when the offset lies in text an edit wrote.
func (st *staleAnalysis) toOld(off int) (int, bool) {
	for i := len(st.edits) - 1; i >= 0; i-- {
		e := st.edits[i]
		newEnd := e.start + len(e.text)
		switch {
		case off >= newEnd:
			off -= len(e.text) - (e.end - e.start)
		case off >= e.start:
			return 0, false
		}
	}
	return off, true
}

// toNew maps a range [start, end) of the earlier text to the current one,
// or reports false when an edit touched it (replaced part of it, or wrote
// inside it).
func (st *staleAnalysis) toNew(start, end int) (int, int, bool) {
	for _, e := range st.edits {
		if e.start < end && start < e.end || start < e.start && e.start < end {
			return 0, 0, false
		}
		if e.end <= start {
			delta := len(e.text) - (e.end - e.start)
			start, end = start+delta, end+delta
		}
	}
	return start, end, true
}

// maxDocumentSize is the largest document the server analyses, in bytes.
// Hand-written source files stay far below it; generated ones and data
// above it cost more to analyse than they are worth (a 50 MB Go file took
// 3.6 GB). Over it the server keeps the text, so that edits stay in step
// with the editor, but answers nothing about it: no diagnostics, hovers,
// completions, code actions or hints. It tells the user once, when the
// document goes over (Server.checkSize).
const maxDocumentSize = 10 << 20

// oversized reports whether a document is over maxDocumentSize.
func (doc *document) oversized() bool { return len(doc.text) > maxDocumentSize }

// documents holds the open documents; the server keeps nothing else.
type documents struct {
	mu   sync.Mutex
	docs map[string]*document
}

func newDocuments() *documents { return &documents{docs: map[string]*document{}} }

func (d *documents) open(uri, languageID string, version int32, text string) {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.docs[uri] = &document{uri: uri, path: analysisPath(uriPath(uri), languageID), version: version, text: []byte(text)}
}

// analysisPath is the path the analysis sees: the document's own when the
// analysis knows its language, else one named after the editor's language
// id, as the languages declare them (an untitled TypeScript React buffer is
// read as .tsx, an nginx configuration as .nginx).
func analysisPath(path, languageID string) string {
	return analysis.PathForEditorID(path, languageID)
}

func (d *documents) close(uri string) {
	d.mu.Lock()
	defer d.mu.Unlock()
	delete(d.docs, uri)
}

// get returns a snapshot of an open document: the caller may read it while
// later edits replace the document in the store.
func (d *documents) get(uri string) (*document, bool) {
	d.mu.Lock()
	defer d.mu.Unlock()
	doc, ok := d.docs[uri]
	return doc, ok
}

// change applies content changes in order: a change with a range replaces
// that range, one without replaces the whole text. It only applies text:
// the analysis of the new version runs later, outside the store's lock
// (debounced diagnostics, or the first request that needs it), so a
// keystroke never waits on it.
func (d *documents) change(uri string, version int32, changes []contentChange, enc encoding) error {
	d.mu.Lock()
	defer d.mu.Unlock()
	doc, ok := d.docs[uri]
	if !ok {
		return fmt.Errorf("%s is not open", uri)
	}
	next := &document{uri: uri, path: doc.path, version: version}
	switch {
	case doc.result != nil:
		next.stale = &staleAnalysis{res: doc.result}
	case doc.stale != nil:
		next.stale = &staleAnalysis{res: doc.stale.res, edits: append([]textEdit(nil), doc.stale.edits...)}
	}
	text := doc.text
	var applied []textEdit
	// The mapper follows the edits (moved, not rebuilt), and the new
	// version keeps it: a keystroke in a large file costs its lines.
	m := doc.mapper
	if m == nil || m.enc != enc {
		m = nil
	}
	for _, c := range changes {
		if c.Range == nil {
			text = []byte(c.Text)
			next.stale = nil // a new text, not an edit of the old one
			applied, m = nil, nil
			continue
		}
		if m == nil {
			m = newMapper(text, enc)
		}
		start, end := m.offset(c.Range.Start), m.offset(c.Range.End)
		if end < start {
			return fmt.Errorf("change range ends before it starts (%v)", *c.Range)
		}
		e := textEdit{start: start, end: end, text: c.Text}
		applied = append(applied, e)
		if next.stale != nil {
			next.stale.edits = append(next.stale.edits, e)
		}
		grown := make([]byte, 0, len(text)-(end-start)+len(c.Text))
		grown = append(append(append(grown, text[:start]...), c.Text...), text[end:]...)
		m = m.edited(grown, start, end, c.Text)
		text = grown
	}
	next.text, next.mapper = text, m
	// One edit of a version whose analysis inc holds: the next analysis
	// hands inc that edit (an edit inside a Go function re-analyses the
	// function alone). inc moves to the new version.
	if len(changes) == 1 && len(applied) == 1 && doc.inc != nil && doc.result != nil && doc.pending == nil {
		next.inc, next.pending = doc.inc, &applied[0]
		doc.inc = nil
	}
	// A new document value, so snapshots held by running requests stay valid.
	d.docs[uri] = next
	return nil
}

// analyze returns the document's analysis, computing it once per version.
// A document over maxDocumentSize, or one that cannot hold a status code,
// gets an empty one.
func (d *documents) analyze(doc *document, opts *analysis.Options) *analysis.Result {
	d.mu.Lock()
	res := doc.result
	d.mu.Unlock()
	if res != nil {
		return res
	}
	doc.analyzing.Lock()
	defer doc.analyzing.Unlock()
	d.mu.Lock()
	res, inc, pending := doc.result, doc.inc, doc.pending
	d.mu.Unlock()
	if res != nil {
		return res // computed while this one waited
	}
	switch {
	case doc.oversized() || !analysis.MayHaveStatus(doc.path, doc.text):
		// check's pre-filter: most files hold no status at all, and
		// parsing them to find none would cost as much as the rest.
		res, inc = &analysis.Result{Language: analysis.Language(doc.path)}, nil
	case inc != nil && pending != nil:
		res = inc.Edit(pending.start, pending.end, pending.text)
	default:
		inc = analysis.NewReanalyser(doc.path, doc.text, opts)
		res = inc.Result()
		if !inc.Incremental() {
			inc = nil // the next version gains nothing from it
		}
	}
	d.mu.Lock()
	doc.result, doc.inc, doc.pending, doc.stale = res, inc, nil, nil
	d.mu.Unlock()
	return res
}

// ready returns the analysis a request can use at once: this version's if
// it is done, else the stale one, with offset off mapped to that analysis's
// text and a function mapping its offsets back. It returns nil when there
// is none, or when off lies in text written since.
func (d *documents) ready(doc *document, off int) (res *analysis.Result, at int, toNew func(start, end int) (int, int, bool)) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if doc.result != nil {
		return doc.result, off, func(start, end int) (int, int, bool) { return start, end, true }
	}
	if doc.stale == nil {
		return nil, 0, nil
	}
	st := doc.stale
	old, ok := st.toOld(off)
	if !ok {
		return nil, 0, nil
	}
	return st.res, old, st.toNew
}

// invalidate drops every cached analysis, after the settings changed.
func (d *documents) invalidate() {
	d.mu.Lock()
	defer d.mu.Unlock()
	for _, doc := range d.docs {
		doc.result, doc.inc, doc.pending = nil, nil, nil
	}
}

// uriPath turns a file URI into a path; other URIs (untitled:, …) keep
// their path part, which still carries the extension the analysis needs.
func uriPath(uri string) string {
	u, err := url.Parse(uri)
	if err != nil {
		return uri
	}
	if u.Scheme == "file" {
		p := u.Path
		if len(p) >= 3 && p[0] == '/' && p[2] == ':' { // file:///C:/x on Windows
			p = p[1:]
		}
		return filepath.FromSlash(p)
	}
	if u.Path != "" {
		return u.Path
	}
	return strings.TrimPrefix(uri, u.Scheme+":")
}

// mapperFor returns the document's position mapper in an encoding, made
// once per version.
func (d *documents) mapperFor(doc *document, enc encoding) *mapper {
	d.mu.Lock()
	m := doc.mapper
	d.mu.Unlock()
	if m != nil && m.enc == enc {
		return m
	}
	m = newMapper(doc.text, enc)
	d.mu.Lock()
	doc.mapper = m
	d.mu.Unlock()
	return m
}
