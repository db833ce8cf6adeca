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
	// inc carries the analysis from version to version: an edit inside a
	// function re-analyses that function alone. It moves to the next version
	// of the document; nil until the first analysis.
	inc *analysis.Incremental
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
// that range, one without replaces the whole text.
func (d *documents) change(uri string, version int32, changes []contentChange, enc encoding) error {
	d.mu.Lock()
	defer d.mu.Unlock()
	doc, ok := d.docs[uri]
	if !ok {
		return fmt.Errorf("%s is not open", uri)
	}
	if len(changes) == 1 && changes[0].Range != nil && doc.inc != nil {
		c := changes[0]
		m := doc.mapper
		if m == nil || m.enc != enc {
			m = newMapper(doc.text, enc)
		}
		start, end := m.offset(c.Range.Start), m.offset(c.Range.End)
		if end < start {
			return fmt.Errorf("change range ends before it starts (%v)", *c.Range)
		}
		inc := doc.inc
		doc.inc = nil
		res := inc.Edit(start, end, c.Text)
		d.docs[uri] = &document{uri: uri, path: doc.path, version: version, text: inc.Text(), result: res, inc: inc}
		return nil
	}
	text := doc.text
	for _, c := range changes {
		if c.Range == nil {
			text = []byte(c.Text)
			continue
		}
		m := newMapper(text, enc)
		start, end := m.offset(c.Range.Start), m.offset(c.Range.End)
		if end < start {
			return fmt.Errorf("change range ends before it starts (%v)", *c.Range)
		}
		next := make([]byte, 0, len(text)-(end-start)+len(c.Text))
		next = append(append(append(next, text[:start]...), c.Text...), text[end:]...)
		text = next
	}
	// A new document value, so snapshots held by running requests stay valid.
	d.docs[uri] = &document{uri: uri, path: doc.path, version: version, text: text}
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
	var inc *analysis.Incremental
	if doc.oversized() || !analysis.MayHaveStatus(doc.path, doc.text) {
		// check's pre-filter: most files hold no status at all, and
		// parsing them to find none would cost as much as the rest.
		res = &analysis.Result{Language: analysis.Language(doc.path)}
	} else {
		inc = analysis.NewIncremental(doc.path, doc.text, opts)
		res = inc.Result()
	}
	d.mu.Lock()
	doc.result, doc.inc = res, inc
	d.mu.Unlock()
	return res
}

// invalidate drops every cached analysis, after the settings changed.
func (d *documents) invalidate() {
	d.mu.Lock()
	defer d.mu.Unlock()
	for _, doc := range d.docs {
		doc.result, doc.inc = nil, nil
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
