package analysis

import (
	"github.com/httpcodes/httpcodes/analysis/internal/facts"
)

// Reanalyser keeps one file's analysis as the file is edited, as the
// language server does for an open document. Whether an edit costs less
// than a full analysis is a capability of the file's language
// (language.incremental), which Incremental reports: Go re-extracts the one
// function an edit falls inside; for every other language each Edit is a
// full Analyze of the new text. Either way the result is the same as
// Analyze's on the new text (TestIncrementalMatchesFull).
type Reanalyser struct {
	// inc is the language's incremental extraction; nil when the language
	// offers none.
	inc  facts.IncrementalAnalysis
	path string
	opts *facts.Options
	src  []byte
	res  *facts.Result
}

// NewReanalyser analyses src in full.
func NewReanalyser(path string, src []byte, opts *facts.Options) *Reanalyser {
	r := &Reanalyser{path: path, opts: opts, src: src}
	l, res := newResult(path)
	if l == nil || l.Incremental == nil {
		r.res = Analyze(path, src, opts)
		return r
	}
	var file *facts.FileFacts
	r.inc, file = l.Incremental(path, src, res)
	r.res = finish(path, file, res, opts)
	return r
}

// Incremental reports whether the file's language re-analyses an edit in
// part. When it does not, Edit is a full analysis, and a caller that has
// the new text already may as well call Analyze.
func (r *Reanalyser) Incremental() bool { return r.inc != nil }

// Result is the analysis of the current text.
func (r *Reanalyser) Result() *facts.Result { return r.res }

// Text is the current text.
func (r *Reanalyser) Text() []byte { return r.src }

// Edit replaces the bytes [start, end) of the current text with text (a
// range outside the text is clamped into it) and returns the analysis of
// the result.
func (r *Reanalyser) Edit(start, end int, text string) *facts.Result {
	src := r.Text()
	if start < 0 || end < start || end > len(src) {
		start, end = max(0, min(start, len(src))), max(0, min(end, len(src)))
		end = max(start, end)
	}
	next := make([]byte, 0, len(src)-(end-start)+len(text))
	next = append(append(append(next, src[:start]...), text...), src[end:]...)
	if r.inc != nil {
		_, res := newResult(r.path)
		r.src, r.res = next, finish(r.path, r.inc.Edit(next, start, end, len(text), res), res, r.opts)
		return r.res
	}
	r.src, r.res = next, Analyze(r.path, next, r.opts)
	return r.res
}
