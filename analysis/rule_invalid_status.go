package analysis

import "fmt"

var ruleInvalidStatus = &Rule{
	Name:     "invalid-status",
	Severity: Error,
	Summary:  "a status outside 100–999",
	Why: "A status code has exactly three digits. Go's ResponseWriter.WriteHeader panics on any " +
		"other value, and clients reject the response line.",
	Bad:  "w.WriteHeader(2000)",
	Good: "w.WriteHeader(http.StatusOK)",
	check: func(c *checker) {
		for _, o := range c.facts.occ {
			if o.Role != Send || (o.Code >= 100 && o.Code <= 999) {
				continue
			}
			c.report(Finding{
				Start: o.Start, End: o.End, Code: o.Code,
				Message: fmt.Sprintf("%s with %d: a status code has three digits, 100 to 999; Go's WriteHeader panics on %d", o.Context, o.Code, o.Code),
			})
		}
	},
}
