package facts

import (
	"strings"

	"github.com/httpcodes/httpcodes/codes"
)

// Written says how a status code appears in the source.
type Written int

const (
	// Number is a numeric literal: 404.
	Number Written = iota
	// Constant is a named constant: http.StatusNotFound.
	Constant
)

// Role is what the code does where it appears.
type Role int

const (
	// Reference is a named constant with no status context around it.
	Reference Role = iota
	// Send is a status the program sends or builds a response with:
	// WriteHeader(n), http.Error(w, msg, n), c.JSON(n, v), StatusCode: n.
	Send
	// Compare is a status the program compares, switches or asserts on:
	// resp.StatusCode == n, case n:, assert.Equal(t, n, rec.Code).
	Compare
	// RangeBound is a bound of a class check (resp.StatusCode >= 400): it
	// stands for a class of codes, not one code.
	RangeBound
)

// API flags describe the call a status is passed to.
type API int

const (
	// RedirectAPI is a call that sends a redirect (http.Redirect, c.Redirect).
	RedirectAPI API = 1 << iota
	// ErrorAPI is a call that sends an error (http.Error, echo.NewHTTPError).
	ErrorAPI
	// BodyAPI is a call that sends a body along with the status (c.JSON).
	BodyAPI
	// LocationAPI is a status sent with a Location header the code sets
	// by hand (.header(LOCATION, url), withHeader('Location', …),
	// ResponseEntity.status(…).location(uri)): unlike a redirect helper's
	// code, the status is the author's choice, and Location is defined
	// beside 201 and 3xx and commonly sent with 202 (a status monitor).
	LocationAPI
)

// Occurrence is one status code found in a file.
type Occurrence struct {
	Start, End int // byte offsets of the literal or the constant
	Code       int
	Written    Written
	// Name is the constant as written ("http.StatusOK"); empty for numbers.
	Name string
	Role Role
	// Context names the call or construct: "w.WriteHeader", "http.Error",
	// "gin c.JSON", "StatusCode comparison", "case".
	Context string
	// Framework is the library the context belongs to: "net/http", "gin", …
	Framework string
	API       API
	// Message is the literal text sent with the status (http.Error's message,
	// c.String's body); MessageCode is set when the message is
	// http.StatusText(n). Both locate the argument with MessageStart/End.
	Message                  string
	MessageCode              int
	MessageStart, MessageEnd int
	// ownReason is set when Message is the reason phrase the code gives
	// its status line: a code defined on purpose, with its own name.
	OwnReason bool
	// ownPage is set when the file gives the code its own error page
	// (nginx's error_page 550 @fetch550): a code it defines on purpose.
	OwnPage bool
	// Guessed is set when the code is read as a status by the name of a
	// field alone, on an object not known to be a response
	// (connection.status = 500): the analysis judges the value, but cannot
	// say the handler sends it (undocumented-status leaves it alone).
	Guessed bool
	// Constant is the ecosystem's name for a number's code
	// ("http.StatusNotFound"), empty when it has none; ConstantText is how
	// this file writes it (its own import name), empty when the file would
	// need a new import first.
	Constant     string
	ConstantText string
	// Ecosystem is the library whose constant Name is ("spring", "rack"),
	// when the scanner knows it.
	Ecosystem string
	// fixStart and fixEnd span the text ConstantText replaces when it is
	// more than the number (Rust's StatusCode::from_u16(404).unwrap());
	// both are 0 otherwise.
	FixStart, FixEnd int
}

// shifted returns the occurrence moved by delta bytes, as an edit before
// it moves it: every offset field, and only those
// (TestShiftedMovesEveryOffset).
func (o Occurrence) Shifted(delta int) Occurrence {
	o.Start += delta
	o.End += delta
	if o.MessageEnd > 0 {
		o.MessageStart += delta
		o.MessageEnd += delta
	}
	if o.FixEnd > 0 {
		o.FixStart += delta
		o.FixEnd += delta
	}
	return o
}

// Severity orders findings; the zero value is an error.
type Severity int

const (
	Error Severity = iota
	Warning
	Info
	Hint
)

var severityNames = []string{"error", "warning", "info", "hint"}

func (s Severity) String() string {
	if s < 0 || int(s) >= len(severityNames) {
		return "unknown"
	}
	return severityNames[s]
}

// ParseSeverity reads "error", "warning", "info" or "hint".
func ParseSeverity(s string) (Severity, bool) {
	for i, n := range severityNames {
		if strings.EqualFold(s, n) {
			return Severity(i), true
		}
	}
	return 0, false
}

// Edit replaces the bytes [Start, End) with NewText.
type Edit struct {
	Start, End int
	NewText    string
	// File is the file the edit applies to when it is not the file of
	// the finding (undocumented-status edits the API description); ""
	// means the finding's own file.
	File string
}

// Fix is a set of edits that together resolve a finding.
type Fix struct {
	Title string
	Edits []Edit
}

// Finding is one judgement of a rule.
type Finding struct {
	Rule     string
	Severity Severity
	Message  string
	Start    int
	End      int
	Code     int // the status code judged, 0 when none
	Fix      *Fix
	// Cause is 1 + the offset of the earlier write a flow finding follows
	// from (the write a second status or a late header comes after), 0
	// when none. oneFindingPerProblem reads it; judge clears it.
	Cause int
}

// Result is everything the analysis says about one file.
type Result struct {
	Language string
	// Ecosystem is the library whose status constants the file writes
	// ("starlette", "spring"), "" when it writes none or the language has
	// one library only.
	Ecosystem   string
	Occurrences []Occurrence
	Findings    []Finding
	// SyntaxError is set when the file could not be parsed; Occurrences and
	// Findings are then empty.
	SyntaxError *SyntaxError
	// Generated is set for files that say "Code generated … DO NOT EDIT.",
	// and for minified JavaScript/TypeScript bundles (jsMinified).
	Generated bool
	// TestCode is set for files that are test code by their path
	// (IsTestPath): under TestsQuiet their warnings and errors are off.
	TestCode bool
}

// SyntaxError locates the first parse error of a file.
type SyntaxError struct {
	Offset  int
	Message string
}

func (e *SyntaxError) Error() string { return e.Message }

// Options tune an analysis. The zero value uses the built-in data set and
// every rule at its default severity.
type Options struct {
	// Codes is the data set to judge against; nil means codes.Default().
	Codes *codes.Set
	// Severity overrides a rule's default severity.
	Severity map[string]Severity
	// Disabled turns rules off.
	Disabled map[string]bool
	// Pinned holds the version of each status-code library that the
	// project's lockfiles or manifests pin (Spring "6.2.1", Rack "3.0.9"):
	// a name its library renamed later is not flagged where the project is
	// on a version without the new name.
	Pinned map[codes.Ecosystem]string
	// Tests says how findings in test code are reported; the zero value is
	// TestsQuiet.
	Tests TestPolicy
	// ReadFile, when set, reads a file an analysed file refers to (an
	// OpenAPI response $ref'd from another file), so the analysis can judge
	// the pair; the front end decides what may be read, and caches. nil
	// leaves such references alone: the analysis itself does no I/O.
	ReadFile func(path string) ([]byte, error)
	// Operations, when set, is the project's join of routes and API
	// descriptions (undocumented-status, hover on routes); nil judges no
	// operation. The workspace builds it over every file of the project.
	Operations Operations
	// ReportUnusedIgnores reports, as unused-ignore findings, the ignore
	// comments that silence nothing.
	ReportUnusedIgnores bool
}

// CodeSet is the data set the options judge against: the project's, or the
// built-in one.
func (o *Options) CodeSet() *codes.Set {
	if o == nil || o.Codes == nil {
		return codes.Default()
	}
	return o.Codes
}
