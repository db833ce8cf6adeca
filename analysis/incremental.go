package analysis

// Reanalyser keeps one file's analysis as the file is edited, as the
// language server does for an open document. Whether an edit costs less
// than a full analysis is a capability of the file's language
// (language.incremental), which Incremental reports: Go re-extracts the one
// function an edit falls inside; for every other language each Edit is a
// full Analyze of the new text. Either way the result is the same as
// Analyze's on the new text (TestIncrementalMatchesFull).
type Reanalyser struct {
	// inc is the language's incremental analysis; nil when the language
	// offers none, and src and res are then kept here.
	inc  incrementalAnalysis
	path string
	opts *Options
	src  []byte
	res  *Result
}

// incrementalAnalysis is what a language that offers incremental analysis
// keeps of a file between edits.
type incrementalAnalysis interface {
	// result is the analysis of the current text, and text that text.
	result() *Result
	text() []byte
	// edit analyses next, which is the current text with the bytes
	// [start, end) replaced by n bytes, and makes it the current text.
	edit(next []byte, start, end, n int) *Result
}

// NewReanalyser analyses src in full.
func NewReanalyser(path string, src []byte, opts *Options) *Reanalyser {
	r := &Reanalyser{path: path, opts: opts}
	if l := languageNamed(Language(path)); l != nil && l.incremental != nil {
		r.inc = l.incremental(path, src, opts)
		return r
	}
	r.src, r.res = src, Analyze(path, src, opts)
	return r
}

// Incremental reports whether the file's language re-analyses an edit in
// part. When it does not, Edit is a full analysis, and a caller that has
// the new text already may as well call Analyze.
func (r *Reanalyser) Incremental() bool { return r.inc != nil }

// Result is the analysis of the current text.
func (r *Reanalyser) Result() *Result {
	if r.inc != nil {
		return r.inc.result()
	}
	return r.res
}

// Text is the current text.
func (r *Reanalyser) Text() []byte {
	if r.inc != nil {
		return r.inc.text()
	}
	return r.src
}

// Edit replaces the bytes [start, end) of the current text with text (a
// range outside the text is clamped into it) and returns the analysis of
// the result.
func (r *Reanalyser) Edit(start, end int, text string) *Result {
	src := r.Text()
	if start < 0 || end < start || end > len(src) {
		start, end = max(0, min(start, len(src))), max(0, min(end, len(src)))
		end = max(start, end)
	}
	next := make([]byte, 0, len(src)-(end-start)+len(text))
	next = append(append(append(next, src[:start]...), text...), src[end:]...)
	if r.inc != nil {
		return r.inc.edit(next, start, end, len(text))
	}
	r.src, r.res = next, Analyze(r.path, next, r.opts)
	return r.res
}
