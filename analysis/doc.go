// Package analysis finds HTTP status codes in source files and judges them.
//
// It works on bytes and byte offsets only: (path, content) in, occurrences and
// findings out. It knows nothing of the Language Server Protocol and does no
// I/O, so the language server and `httpcodes check` share one analysis and
// always agree.
//
// The work is layered in internal packages (TestLayers holds the layers):
// internal/facts is the contract — occurrences, flow events, the facts of a
// file, findings, the declarations of languages and rules; internal/lex is
// the scanning framework the languages share; internal/lang/<family> reads
// one family of languages into facts; internal/rules judges facts, whatever
// the language. A rule never reaches into a language, nor a language into
// the rules or another language. This package ties them together and is
// the API the rest of httpcodes uses.
package analysis
