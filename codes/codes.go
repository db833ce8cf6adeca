// Package codes is the httpcodes data set: one explainer page per HTTP status
// code, with the facts the analysis rules need (registration, retired codes,
// body and header requirements) and each ecosystem's named constants.
//
// The pages are Markdown files in data/, compiled into Go tables by
// `go generate ./codes` (data_gen.go), so no process pays to parse them;
// the tests parse them again and compare. The package-level functions read
// the built-in set; a Set with a project's own codes is Default().With(…).
package codes

import (
	"fmt"
	"strconv"
	"strings"
)

// Registration says who defines a code.
type Registration string

const (
	// IANA codes are in the IANA HTTP Status Code Registry.
	IANA Registration = "iana"
	// IANAUnused codes are registered as "(Unused)": 306 and 418.
	IANAUnused Registration = "iana-unused"
	// Unofficial codes are defined by a vendor (nginx, Cloudflare, …), not a registry.
	Unofficial Registration = "unofficial"
	// Custom codes are added by a project's configuration.
	Custom Registration = "custom"
)

// Code is one status code's page and facts.
type Code struct {
	Number       int
	Title        string
	Registration Registration
	// Vendor names whose code an unofficial code is ("nginx").
	Vendor string
	// FormerTitles are earlier reason phrases ("Payload Too Large" for 413).
	FormerTitles []string
	// FormerTitleSources name, one for each former title, the document
	// that gave it ("RFC 7231"); empty when the page does not say.
	FormerTitleSources []string
	// Summary says in one line what the code means, for lists and search
	// results: "The server cannot find the requested resource."
	Summary string
	// Retired explains why the code should no longer be sent; empty when it is current.
	Retired string
	WebDAV  bool
	// NoBody is set when a response with this code must not carry content.
	NoBody bool
	// RequiredHeaders are the header fields a response with this code must carry.
	RequiredHeaders []string
	// SuggestedHeaders are the header fields the RFC recommends.
	SuggestedHeaders []string

	// ClientSupport notes where clients (browsers, libraries) behave
	// differently from what the RFC says; empty when they agree.
	ClientSupport string
	// EarlierSpecs are the documents that defined the code before its
	// Source, newest first (RFC 7231, then RFC 2616, for most of RFC 9110's).
	EarlierSpecs []Spec

	// The page, as Markdown.
	Meaning      string
	WhenToUse    string
	Example      string
	WhenNotToUse string
	Source       string
	SourceURL    string

	// Constants lists each ecosystem's names for the code, current name first.
	Constants []Constant

	// File is the page's file name inside the data set, for error messages.
	File string
}

// Spec is a section of an RFC: RFC 7231, Section 6.5.1.
type Spec struct {
	RFC     int
	Section string
}

// String returns "RFC 7231, Section 6.5.1".
func (s Spec) String() string { return fmt.Sprintf("RFC %d, Section %s", s.RFC, s.Section) }

// URL links the section on the RFC Editor's site.
func (s Spec) URL() string {
	return fmt.Sprintf("https://www.rfc-editor.org/rfc/rfc%d#section-%s", s.RFC, s.Section)
}

// parseSpec reads "RFC 7231, Section 6.5.1".
func parseSpec(s string) (Spec, error) {
	var spec Spec
	s = strings.TrimSpace(s)
	rfc, section, ok := strings.Cut(s, ", Section ")
	n, err := strconv.Atoi(strings.TrimPrefix(rfc, "RFC "))
	if !ok || !strings.HasPrefix(rfc, "RFC ") || err != nil || n <= 0 || !validSection(section) {
		return spec, fmt.Errorf("%q is not \"RFC NNNN, Section N.N\"", s)
	}
	return Spec{RFC: n, Section: section}, nil
}

func validSection(s string) bool {
	for _, part := range strings.Split(s, ".") {
		if _, err := strconv.Atoi(part); err != nil || part == "" {
			return false
		}
	}
	return s != ""
}

// Class is the code's class, 1 to 5 (the hundreds digit).
func (c *Code) Class() int { return c.Number / 100 }

// Deprecated reports whether the code is retired.
func (c *Code) Deprecated() bool { return c.Retired != "" }

// String returns "207 Multi-Status".
func (c *Code) String() string { return strconv.Itoa(c.Number) + " " + c.Title }

// ConstantsFor returns the names ecosystem eco gives the code, current name first.
func (c *Code) ConstantsFor(eco Ecosystem) []Constant {
	var out []Constant
	for _, k := range c.Constants {
		if k.Ecosystem == eco {
			out = append(out, k)
		}
	}
	return out
}

// Constant returns the current (first, not deprecated) name ecosystem eco gives
// the code, and whether there is one.
func (c *Code) Constant(eco Ecosystem) (string, bool) {
	for _, k := range c.Constants {
		if k.Ecosystem == eco && !k.Deprecated {
			return k.Name, true
		}
	}
	return "", false
}

// Tags describe a code in a few words, in the order pages show them:
// "2xx Successful", who defines it, "formerly …", "WebDAV", "retired".
func (c *Code) Tags() []string {
	tags := []string{fmt.Sprintf("%dxx %s", c.Class(), ClassName(c.Class()))}
	switch c.Registration {
	case IANA:
		tags = append(tags, "IANA registered")
	case IANAUnused:
		tags = append(tags, "IANA: reserved, unused")
	case Unofficial:
		tags = append(tags, "unofficial: "+c.Vendor)
	case Custom:
		tags = append(tags, "this project's own code")
	}
	if len(c.FormerTitles) > 0 {
		tags = append(tags, "formerly "+strings.Join(c.FormerTitles, ", "))
	}
	if c.WebDAV {
		tags = append(tags, "WebDAV")
	}
	if c.Retired != "" {
		tags = append(tags, "retired")
	}
	return tags
}

// ShortName strips a constant's qualifier: "http.StatusOK" → "StatusOK",
// "StatusCode::OK" → "OK", ":ok" → "ok".
func ShortName(name string) string { return lastSegment(name) }

// ClassName is the name RFC 9110 gives a class of codes.
func ClassName(class int) string {
	switch class {
	case 1:
		return "Informational"
	case 2:
		return "Successful"
	case 3:
		return "Redirection"
	case 4:
		return "Client Error"
	case 5:
		return "Server Error"
	}
	return "Unknown"
}

// Lookup returns the built-in page for code n.
func Lookup(n int) (*Code, bool) { return Default().Lookup(n) }

// All returns every built-in code in ascending order.
func All() []*Code { return Default().All() }

// ByName finds a code by any ecosystem's constant name; see Set.ByName.
func ByName(name string) (*Code, bool) { return Default().ByName(name) }

// Search finds codes by number prefix or title words; see Set.Search.
func Search(query string) []*Code { return Default().Search(query) }
