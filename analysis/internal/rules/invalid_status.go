package rules

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/httpcodes/httpcodes/analysis/internal/facts"
)

var ruleInvalidStatus = &Rule{
	Name:     "invalid-status",
	Since:    "v0.1.0",
	Severity: facts.Error,
	Summary:  "a status outside 100–999",
	Why: "A status code has exactly three digits. Go's ResponseWriter.WriteHeader panics on any " +
		"other value, and clients reject the response line.",
	Bad:  "w.WriteHeader(2000)",
	Good: "w.WriteHeader(http.StatusOK)",
	check: func(c *checker) {
		for _, o := range c.facts.Occ {
			if o.Role == facts.Compare && neverAStatus(o.Code) {
				c.report(facts.Finding{
					Start: o.Start, End: o.End, Code: o.Code,
					Message: fmt.Sprintf("%s with %d can never be true: a status code has three digits, 100 to 999", o.Context, o.Code),
				})
				continue
			}
			if o.Role != facts.Send || (o.Code >= 100 && o.Code <= 999) {
				continue
			}
			c.report(facts.Finding{
				Start: o.Start, End: o.End, Code: o.Code,
				Message: fmt.Sprintf("%s with %d: a status code has three digits, 100 to 999; %s", o.Context, o.Code, strings.ReplaceAll(c.phrases().Invalid, "%d", strconv.Itoa(o.Code))),
			})
		}
	},
}

// neverAStatus reports whether a number compared with a status can never
// equal one: four digits and more, or one or two. 0 and negative numbers
// are left alone, as code compares them on purpose (a recorder that was
// never written, a browser's status 0 for a network error, -1 as "none").
func neverAStatus(code int) bool {
	return code >= 1000 || code >= 1 && code <= 99
}

func init() { registerRule(ruleInvalidStatus) }
