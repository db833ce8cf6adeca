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
				Message: fmt.Sprintf("%s with %d: a status code has three digits, 100 to 999; %s", o.Context, o.Code, invalidEffect(c.facts.lang, o.Code)),
			})
		}
	},
}

// invalidEffect says what the language's runtime does with a status
// outside 100–999.
func invalidEffect(lang string, code int) string {
	switch lang {
	case "go":
		return fmt.Sprintf("Go's WriteHeader panics on %d", code)
	case "javascript", "typescript":
		return fmt.Sprintf("Node throws RangeError [ERR_HTTP_INVALID_STATUS_CODE] on %d", code)
	case "openapi":
		return "an OpenAPI response key must be a status code, a range such as 4XX, or default"
	case "nginx":
		return "nginx refuses the configuration"
	}
	return fmt.Sprintf("no client accepts a response line with %d", code)
}
