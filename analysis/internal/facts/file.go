package facts

import (
	"github.com/httpcodes/httpcodes/internal/textpos"
)

// FileFacts is what a language's extractor learns about a file, in terms the
// rules understand whatever the language.
type FileFacts struct {
	// lang is the language, for messages that name its runtime.
	Lang string
	// path is the file's path, as the analysis was given it: the project
	// join (Options.Operations) answers by path.
	Path string
	// ecosystem is the library whose constants the file writes, "" when
	// none or not known.
	Ecosystem string
	Src       []byte
	Occ       []Occurrence
	Steps     []FlowStep
	lines     *textpos.Lines // built on first use
	// testFile is set when the file is test code by its path; testRegions
	// are the byte ranges of test code inside it (Rust's #[cfg(test)]
	// modules and #[test] functions).
	TestFile    bool
	TestRegions [][2]int
	// fileRefs are OpenAPI responses given by a $ref into another file,
	// resolved by Analyze when the options let it read files.
	FileRefs []FileRef
}

// line returns the 1-based line of a byte offset, counting lines as the
// printers and the editor do ("\n", "\r\n" or a lone "\r").
func (f *FileFacts) Line(off int) int {
	if f.lines == nil {
		f.lines = textpos.NewLines(f.Src)
	}
	return f.lines.Line(off) + 1
}

// lineOf returns the 1-based line of a byte offset in src.
func LineOf(src []byte, off int) int {
	return (&FileFacts{Src: src}).Line(off)
}
