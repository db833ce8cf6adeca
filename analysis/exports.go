package analysis

// The API of the analysis lives in its internal packages; these names keep
// it where the rest of httpcodes has always found it, so that the command
// line, the server, the site and the go/analysis driver depend on this
// package alone.

import (
	"github.com/httpcodes/httpcodes/analysis/internal/facts"
	"github.com/httpcodes/httpcodes/analysis/internal/rules"
	"github.com/httpcodes/httpcodes/codes"
)

// API flags describe the call a status is passed to.
type API = facts.API

// BodyAPI is a call that sends a body along with the status (c.JSON).
const BodyAPI = facts.BodyAPI

// Compare is a status the program compares, switches or asserts on:
// resp.StatusCode == n, case n:, assert.Equal(t, n, rec.Code).
const Compare = facts.Compare

// Completion is what an editor may offer at a position: items that replace
// the bytes [Start, End) (what has been typed of the code or name so far).
type Completion = facts.Completion

// CompletionItem is one code offered, as a number or as a constant.
type CompletionItem = facts.CompletionItem

// Constant is a named constant: http.StatusNotFound.
const Constant = facts.Constant

// Description is the operations of one OpenAPI 3.x or Swagger 2.0 file, as
// undocumented-status holds the handlers to them.
type Description = facts.Description

// Edit replaces the bytes [Start, End) with NewText.
type Edit = facts.Edit

const Error = facts.Error

// ErrorAPI is a call that sends an error (http.Error, echo.NewHTTPError).
const ErrorAPI = facts.ErrorAPI

// Example is a rule's case in one language, taken from the annotated
// testdata (the test that generates examples_gen.go keeps them in
// step): a line the rule flags and, where the rule has a fix, the line as
// the fix writes it.
type Example = rules.Example

// Finding is one judgement of a rule.
type Finding = facts.Finding

// Fix is a set of edits that together resolve a finding.
type Fix = facts.Fix

// FixNone: the rule offers no fix.
const FixNone = rules.FixNone

// FixSafe: the fix writes the same program another way (a constant for
// its number), and `check --fix` applies it.
const FixSafe = rules.FixSafe

// FixSafety says whether a rule's fix keeps the program's behaviour, as
// ruff marks its fixes.
type FixSafety = rules.FixSafety

// FixUnsafe: the fix changes what runs (a statement moved above
// another) and is right in the common case; review it.
const FixUnsafe = rules.FixUnsafe

// Func is a named function or method a file declares, with the span of its
// body, so that a route registered in one file by name finds its code.
type Func = facts.Func

const Hint = facts.Hint

const Info = facts.Info

// IsTestPath reports whether a file is test code by its path, in the
// conventions of its language's ecosystems (_test.go; *.test.js and
// __tests__/; test_*.py and conftest.py; *_spec.rb; src/test/ and
// *Test.java; *.Tests projects; Rust's tests/). Rust's #[cfg(test)]
// modules and #[test] functions are test code inside any file: Analyze
// finds those.
func IsTestPath(p string) bool { return facts.IsTestPath(p) }

// Language returns the language the analysis gives a path, or "" when it
// does not analyse such files. It looks at the path only: a YAML file is
// "openapi" here, and Analyze finds nothing in one that is not an API
// description.
func Language(path string) string { return facts.LanguageOf(path) }

// LanguageInfo is what the analysis says of one language: the names files
// and editors give it, and how its test code is told.
type LanguageInfo = facts.LanguageInfo

// LanguageInfos describes every language, sorted by name. Editor manifests
// and the server's reading of untitled buffers derive from it.
func LanguageInfos() []LanguageInfo { return facts.LanguageInfos() }

// Languages lists the languages the analysis supports, sorted.
func Languages() []string { return facts.Languages() }

// LocationAPI is a status sent with a Location header the code sets
// by hand (.header(LOCATION, url), withHeader('Location', …),
// ResponseEntity.status(…).location(uri)): unlike a redirect helper's
// code, the status is the author's choice, and Location is defined
// beside 201 and 3xx and commonly sent with 202 (a status monitor).
const LocationAPI = facts.LocationAPI

// MayHaveStatus reports, cheaply and without parsing, whether a file of the
// given language could hold a status code the analysis finds. check uses it
// to skip most files of a large tree unparsed; it never says false for a
// file in which Analyze would find something.
func MayHaveStatus(path string, src []byte) bool { return facts.MayHaveStatus(path, src) }

func NewProject(descs []*Description, files map[string]*RouteFacts) *Project {
	return facts.NewProject(descs, files)
}

// Number is a numeric literal: 404.
const Number = facts.Number

// Occurrence is one status code found in a file.
type Occurrence = facts.Occurrence

// Operation is one method on one path of a description.
type Operation = facts.Operation

// Operations answers, for the code of one file, which operations of the
// project's API description it answers: the project's join of routes,
// handlers and descriptions. The workspace implements it over every file
// of the project; an analysis without one judges no operation.
type Operations = facts.Operations

// Options tune an analysis. The zero value uses the built-in data set and
// every rule at its default severity.
type Options = facts.Options

// ParseSeverity reads "error", "warning", "info" or "hint".
func ParseSeverity(s string) (Severity, bool) { return facts.ParseSeverity(s) }

// ParseTestPolicy reads "quiet" or "check".
func ParseTestPolicy(s string) (TestPolicy, bool) { return facts.ParseTestPolicy(s) }

// PathForEditorID returns the path the analysis should see for a buffer
// whose own path does not say its language (an untitled buffer): path with
// the extension of the language the editor's id names — the extension
// named like the id ("yaml" → .yaml), else the one at the id's place in
// the language's list ("typescriptreact" → .tsx), else its first. A path
// the analysis already reads, or an id no language claims, stays as it is.
func PathForEditorID(path string, id string) string { return facts.PathForEditorID(path, id) }

// Project is the join of a project's routes and its descriptions: for each
// file, the spans of handler code and the operations they answer. It is
// immutable once built.
type Project = facts.Project

// RangeBound is a bound of a class check (resp.StatusCode >= 400): it
// stands for a class of codes, not one code.
const RangeBound = facts.RangeBound

func ReadDescription(path string, src []byte, read func(string) ([]byte, error)) *Description {
	return facts.ReadDescription(path, src, read)
}

// RedirectAPI is a call that sends a redirect (http.Redirect, c.Redirect).
const RedirectAPI = facts.RedirectAPI

// Reference is a named constant with no status context around it.
const Reference = facts.Reference

// Result is everything the analysis says about one file.
type Result = facts.Result

// Role is what the code does where it appears.
type Role = facts.Role

// Route is one handler registration found in a file: the method and path a
// framework dispatches to the handler, composed from the prefixes the file
// itself shows (groups, routers, class-level mappings). undocumented-status
// joins routes to the operations of the project's API description.
type Route = facts.Route

// RouteFacts is what one file says about where its code answers.
type RouteFacts = facts.RouteFacts

// Routes extracts a file's route registrations and named functions, or
// returns nil for a language that offers none.
func Routes(path string, src []byte) *RouteFacts { return facts.Routes(path, src) }

// Rule is one check with its documentation. Each rule lives in its own file,
// rule_<name>.go, beside its doc and examples, and registers itself from
// that file's init: adding a rule touches nothing else in the package.
type Rule = rules.Rule

// RuleByName returns the rule with the given id.
func RuleByName(name string) (*Rule, bool) { return rules.RuleByName(name) }

// Rules returns every rule, by default severity and then name. The slice
// is shared: do not modify it.
func Rules() []*Rule { return rules.Rules() }

// RulesFor returns the rules that check code c by its own facts, in the
// order of Rules.
func RulesFor(c *codes.Code) []*Rule { return rules.RulesFor(c) }

// Send is a status the program sends or builds a response with:
// WriteHeader(n), http.Error(w, msg, n), c.JSON(n, v), StatusCode: n.
const Send = facts.Send

// Severity orders findings; the zero value is an error.
type Severity = facts.Severity

// StatusArg is a status literal passed to a helper of the same file that
// sends its parameter as the status: the 409 of writeError(w, 409) when
// writeError calls w.WriteHeader(code). undocumented-status judges it as it
// judges a send.
type StatusArg = facts.StatusArg

// SyntaxError locates the first parse error of a file.
type SyntaxError = facts.SyntaxError

// TestPolicy says how findings in test code are reported.
type TestPolicy = facts.TestPolicy

// TestsCheck checks test code like any other.
const TestsCheck = facts.TestsCheck

// TestsQuiet, the default, turns warnings and errors off in test code:
// tests send odd codes on purpose, to see a framework cope. Info and
// hints stay, and so does invalid-status on a comparison that can never
// be true (expect(res.status).toBe(2020): the test can never pass).
const TestsQuiet = facts.TestsQuiet

const Warning = facts.Warning

// Written says how a status code appears in the source.
type Written = facts.Written
