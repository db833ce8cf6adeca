package workspace

import (
	"github.com/httpcodes/httpcodes/analysis"
)

// File is what the workspace reports for one file.
type File struct {
	// Skipped is why the file is not checked; "" when it is.
	Skipped string
	// Result is the analysis (occurrences for hover and completion, the
	// syntax error); nil when the file is skipped.
	Result *analysis.Result
	// Findings are what is reported: the analysis's findings, none for a
	// generated file.
	Findings []analysis.Finding
	// QuietTests is set for a test file checked under the default test
	// policy: its warnings and errors are off.
	QuietTests bool
}

// Check decides whether a file is checked and, if so, analyses its content
// with its options and returns what is reported. It is the whole of what
// `check` does to a file and what the server does to a document, I/O apart.
func (w *Workspace) Check(path string, src []byte) (*File, error) {
	inc, err := w.Includes(path)
	if err != nil {
		return nil, err
	}
	if !inc.Included {
		return &File{Skipped: inc.Reason}, nil
	}
	return w.Analyze(path, src)
}

// Analyze analyses a file that is checked whatever Includes says (a file
// named on the command line) and returns what is reported.
func (w *Workspace) Analyze(path string, src []byte) (*File, error) {
	opts, err := w.Options(path)
	if err != nil {
		return nil, err
	}
	var res *analysis.Result
	if analysis.MayHaveStatus(path, src) {
		res = w.settings.Analyze(path, src, opts)
	} else {
		// The cheap byte test rules the file out: the analysis would find
		// nothing, so it is not run.
		res = &analysis.Result{Language: analysis.Language(path), TestCode: analysis.IsTestPath(path)}
	}
	return &File{Result: res, Findings: Reported(res), QuietTests: res.TestCode && opts.Tests == analysis.TestsQuiet}, nil
}

// Reported returns the findings of an analysis that are reported: none for
// a generated file ("Code generated … DO NOT EDIT."), which nobody edits by
// hand, and none for a file with a syntax error, which is reported instead.
// The server applies it to the results of its incremental analysis too.
func Reported(res *analysis.Result) []analysis.Finding {
	if res == nil || res.Generated || res.SyntaxError != nil {
		return nil
	}
	return res.Findings
}
