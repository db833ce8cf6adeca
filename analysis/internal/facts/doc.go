// Package facts is the contract between the languages and the rules: what a
// language's extractor learns about a file (occurrences of status codes,
// flow steps of a response, routes, test regions) in terms every rule
// understands, the findings rules report, and the declarations languages
// make of themselves (extensions, editor names, test conventions, the
// phrases messages need, their capabilities).
//
// Every byte offset a fact holds moves with an edit through the shifted
// method next to its type; TestShiftedMovesEveryOffset fails when a new
// offset field is not moved.
package facts
