package rules

import (
	"fmt"

	"github.com/httpcodes/httpcodes/analysis/internal/facts"
	"github.com/httpcodes/httpcodes/codes"
)

var ruleBodilessStatus = &Rule{
	Name:      "bodiless-status",
	Languages: []string{"csharp", "go", "java", "javascript", "kotlin", "php", "python", "ruby", "rust", "typescript"},
	Since:     "v0.1.0",
	Severity:  facts.Warning,
	Summary:   "a body written after 1xx, 204, 205 or 304",
	Why: "Responses with 204 No Content, 205 Reset Content and 304 Not Modified end at the header " +
		"section (RFC 9110, Section 15). Go's net/http refuses the write with " +
		"http.ErrBodyNotAllowed, frameworks drop the body silently, and a proxy may read the bytes " +
		"as the start of the next response.",
	Bad: "w.WriteHeader(http.StatusNoContent)\njson.NewEncoder(w).Encode(user)",
	Good: "w.Header().Set(\"Content-Type\", \"application/json\")\nw.WriteHeader(http.StatusOK)\n" +
		"json.NewEncoder(w).Encode(user)",
	Checks: func(c *codes.Code) bool { return c.NoBody },
	check: func(c *checker) {
		var noBody []int
		for _, s := range c.facts.Steps {
			ev := s.Ev
			if ev.Kind != facts.BodyWrite {
				continue
			}
			if ev.WithStatus {
				if code := c.lookup(ev.Code); code != nil && code.NoBody && !ev.Informational() {
					c.report(facts.Finding{Start: ev.Start, End: ev.End, Code: ev.Code,
						Message: fmt.Sprintf("%s with %s sends a body, but a %d response has none: the body is dropped or the write fails; send no body, or use 200 OK", ev.Api, code, ev.Code)})
				}
				continue
			}
			// The latest certain status write of a code without a body.
			var p *facts.Event
			if noBody == nil {
				noBody = bodilessCodes(c)
			}
			for _, n := range noBody {
				if w := s.Before.StatusWrite(ev.Writer, n); w != nil && (p == nil || w.Start > p.Start) {
					p = w
				}
			}
			if p == nil {
				continue
			}
			code := c.lookup(p.Code)
			c.report(facts.Finding{Start: ev.Start, End: ev.End, Code: p.Code,
				Message: fmt.Sprintf("%s writes a body after %s on line %d sent %s, which has no body: %s; drop the body or send 200 OK", ev.Api, p.Api, c.facts.Line(p.Start), code, c.phrases().Bodiless)})
		}
	},
}

// bodilessCodes lists the codes of the checker's set whose responses have
// no body, leaving out the informational ones, which do not end the
// headers.
func bodilessCodes(c *checker) []int {
	out := []int{}
	for _, code := range c.set.All() {
		if code.NoBody && (code.Number < 100 || code.Number >= 200) {
			out = append(out, code.Number)
		}
	}
	return out
}

func init() { registerRule(ruleBodilessStatus) }
