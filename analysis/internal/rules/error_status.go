package rules

import (
	"fmt"

	"github.com/httpcodes/httpcodes/analysis/internal/facts"
)

var ruleErrorStatus = &Rule{
	Name:      "error-status",
	Languages: []string{"csharp", "go", "java", "javascript", "kotlin", "nginx", "php", "python", "ruby", "rust", "typescript"},
	Since:     "v0.1.0",
	YieldsTo:  []string{"deprecated-status"},
	Severity:  facts.Warning,
	Summary:   "an error API given a code that is not an error",
	Why: "http.Error, echo.NewHTTPError and fiber.NewError send an error message. With a 1xx, 2xx " +
		"or 3xx code the client is told the request worked (or is redirected nowhere) while it " +
		"reads an error: retries, caches and monitoring all take the failure for a success.",
	Bad:  "http.Error(w, \"invalid id\", http.StatusOK)",
	Good: "http.Error(w, \"invalid id\", http.StatusBadRequest)",
	check: func(c *checker) {
		for _, o := range c.facts.Occ {
			if o.API&facts.ErrorAPI == 0 || o.Role != facts.Send || o.Code < 100 || o.Code >= 400 || o.Code > 999 {
				continue
			}
			advice := "use a 4xx code when the request is at fault (400 Bad Request, 404 Not Found, …) or a 5xx code when the server is (500 Internal Server Error)"
			if o.Code/100 == 3 {
				advice = "to redirect, use " + c.phrases().RedirectAPI + ", which sets Location; to report an error, use a 4xx or 5xx code"
			}
			c.report(facts.Finding{
				Start: o.Start, End: o.End, Code: o.Code,
				Message: fmt.Sprintf("%s with %s: it sends an error message, but %d tells the client the request did not fail; %s", o.Context, c.label(o.Code), o.Code, advice),
			})
		}
	},
}

func init() { registerRule(ruleErrorStatus) }
