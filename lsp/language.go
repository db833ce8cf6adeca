package lsp

import "github.com/httpcodes/httpcodes/analysis"

// languageOf names the language of a document as the analysis does.
func languageOf(path string) string { return analysis.Language(path) }
