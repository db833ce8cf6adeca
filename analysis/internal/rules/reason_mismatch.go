package rules

import (
	"fmt"
	"slices"
	"strings"

	"github.com/httpcodes/httpcodes/analysis/internal/facts"
	"github.com/httpcodes/httpcodes/codes"
)

var ruleReasonMismatch = &Rule{
	Name:     "reason-mismatch",
	Since:    "v0.1.0",
	Severity: facts.Warning,
	Summary:  "text that names another code's reason (http.Error(w, \"Not Found\", 500))",
	Why: "When the message names one code and the status says another, one of them is wrong: " +
		"usually a copied line whose status was not updated. Clients act on the status; people " +
		"debugging read the message. In code, \"OK\" under another success code (201, 202) is " +
		"a generic acknowledgement and is not reported; an OpenAPI description that says \"OK\" " +
		"under 201 or 204 is, since it documents that one code. A description of several words " +
		"is read as a reason phrase when it is written as one (\"No Content\", \"NOT FOUND\"); " +
		"in sentence case (\"No content\") it describes the response.",
	Bad:  "http.Error(w, \"Not Found\", http.StatusInternalServerError)",
	Good: "http.Error(w, \"Not Found\", http.StatusNotFound)",
	check: func(c *checker) {
		for _, o := range c.facts.Occ {
			if o.Role != facts.Send || (o.Message == "" && o.MessageCode == 0) {
				continue
			}
			status := c.lookup(o.Code)
			if o.MessageCode != 0 {
				if o.MessageCode != o.Code {
					c.report(facts.Finding{Start: o.MessageStart, End: o.MessageEnd, Code: o.Code,
						Message: fmt.Sprintf("%s sends %s with the text of %s (http.StatusText(%d)); make the two agree", o.Context, c.label(o.Code), c.label(o.MessageCode), o.MessageCode)})
				}
				continue
			}
			named := codeNamedBy(c.set, o.Message)
			if named == nil || named.Number == o.Code || status != nil && namesCode(status, o.Message) {
				continue
			}
			// "OK" in code is a generic acknowledgement under any success
			// code; an OpenAPI description is documentation of the one code.
			if named.Number == 200 && o.Code/100 == 2 && c.facts.Lang != "openapi" {
				continue
			}
			// An OpenAPI description is prose about the response as often
			// as it is a phrase: "No content" under a 200 says the body is
			// empty. Words are read as a reason phrase when they are
			// written as one (No Content, NO CONTENT); one word (OK, Ok,
			// unauthorized) is a phrase in any case.
			if c.facts.Lang == "openapi" && !writtenAsPhrase(named, o.Message) {
				continue
			}
			c.report(facts.Finding{Start: o.MessageStart, End: o.MessageEnd, Code: o.Code,
				Message: fmt.Sprintf("%s sends %s with the message %q, which is the reason phrase of %s; make the two agree", o.Context, c.label(o.Code), o.Message, named)})
		}
	},
}

// codeNamedBy returns the code whose title (or former title) a message is,
// ignoring case and a trailing period; nil when it names none.
func codeNamedBy(set *codes.Set, msg string) *codes.Code {
	for _, c := range set.All() {
		if namesCode(c, msg) {
			return c
		}
	}
	return nil
}

func namesCode(c *codes.Code, msg string) bool {
	msg = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(msg), "."))
	if strings.EqualFold(msg, c.Title) {
		return true
	}
	for _, t := range c.FormerTitles {
		if strings.EqualFold(msg, t) {
			return true
		}
	}
	return false
}

// writtenAsPhrase reports whether a message that names a code is written
// as its reason phrase: a single word in any case, else the phrase's own
// capitals (a title or former title) or all capitals, a trailing period
// aside.
func writtenAsPhrase(c *codes.Code, msg string) bool {
	msg = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(msg), "."))
	if !strings.ContainsAny(msg, " -") || msg == strings.ToUpper(msg) {
		return true
	}
	return msg == c.Title || slices.Contains(c.FormerTitles, msg)
}

func init() { registerRule(ruleReasonMismatch) }
