package analysis

import (
	"path/filepath"

	"github.com/httpcodes/httpcodes/analysis/internal/facts"
	"github.com/httpcodes/httpcodes/analysis/internal/lang/openapi"
	"github.com/httpcodes/httpcodes/analysis/internal/rules"
)

// Analyze finds the status codes in a file and judges them.
func Analyze(path string, src []byte, opts *facts.Options) *facts.Result {
	l, res := newResult(path)
	var file *facts.FileFacts
	if l != nil {
		file = l.Analyze(path, src, res)
	}
	return finish(path, file, res, opts)
}

// newResult starts the result of analysing path: its language (nil when
// the analysis reads no such files) and whether it is test code.
func newResult(path string) (*facts.Language, *facts.Result) {
	res := &facts.Result{Language: facts.LanguageOf(path)}
	l := facts.LanguageNamed(res.Language)
	if l != nil {
		res.TestCode = l.Tests.Matches(filepath.ToSlash(path))
	}
	return l, res
}

// finish judges the facts a language extracted from path (none when file
// is nil) into res.
func finish(path string, file *facts.FileFacts, res *facts.Result, opts *facts.Options) *facts.Result {
	if file != nil {
		file.Path = path
		if opts != nil && opts.ReadFile != nil && len(file.FileRefs) > 0 {
			openapi.ResolveFileRefs(path, file, opts.ReadFile)
		}
		rules.Judge(file, res, opts)
	}
	return res
}
