package facts

// incrementalAnalysis is what a language that offers incremental analysis
// keeps of a file between edits. It extracts facts; the Reanalyser judges
// them, as Analyze does.
type IncrementalAnalysis interface {
	// edit extracts the facts of next, which is the current text with the
	// bytes [start, end) replaced by n bytes, and makes it the current
	// text; it returns nil (setting res.SyntaxError) when next does not
	// parse.
	Edit(next []byte, start, end, n int, res *Result) *FileFacts
}
