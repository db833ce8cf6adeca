// Package golang reads Go, parsed with go/parser: net/http and the common
// frameworks (gin, echo, fiber, chi), their constants, test assertions, and
// the flow of a response through a handler. It also offers incremental
// analysis: an edit inside one function re-extracts that function alone.
//
// It registers itself (facts.Register) when loaded.
package golang
