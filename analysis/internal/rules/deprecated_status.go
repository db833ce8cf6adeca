package rules

import (
	"fmt"

	"github.com/httpcodes/httpcodes/analysis/internal/facts"
	"github.com/httpcodes/httpcodes/codes"
)

var ruleDeprecatedStatus = &Rule{
	Name:     "deprecated-status",
	Since:    "v0.1.0",
	Severity: facts.Info,
	Summary:  "305, 306, 418 and other codes the RFCs retire",
	Why: "Some codes are kept in the registry only so they are not reused: 305 Use Proxy was " +
		"deprecated for security reasons, 306 and 418 are reserved as unused, 102 Processing was " +
		"dropped by WebDAV and 510 Not Extended belongs to a Historic RFC. Clients may not handle " +
		"them as their old definition said.",
	Bad:    "w.WriteHeader(http.StatusTeapot)",
	Good:   "w.WriteHeader(http.StatusServiceUnavailable)",
	Tag:    "deprecated",
	Checks: (*codes.Code).Deprecated,
	check: func(c *checker) {
		for _, o := range c.facts.Occ {
			code := c.lookup(o.Code)
			if o.Role != facts.Send || code == nil || !code.Deprecated() {
				continue
			}
			c.report(facts.Finding{Start: o.Start, End: o.End, Code: o.Code,
				Message: fmt.Sprintf("%s with %s, a retired code: %s", o.Context, code, code.Retired)})
		}
	},
}

func init() { registerRule(ruleDeprecatedStatus) }
