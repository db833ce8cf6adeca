package workspace

import "github.com/httpcodes/httpcodes/internal/textpos"

// Lines is the one positions type, which the printers of `check` and the
// language server's mapper share. It lives in internal/textpos so that the
// analysis, which cannot import workspace, counts the lines its messages
// name ("sent on line 12") by the same rule.
type Lines = textpos.Lines

// NewLines indexes the line starts of text.
func NewLines(text []byte) *Lines { return textpos.NewLines(text) }
