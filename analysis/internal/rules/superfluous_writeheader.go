package rules

import (
	"fmt"

	"github.com/httpcodes/httpcodes/analysis/internal/facts"
)

var ruleSuperfluousWriteHeader = &Rule{
	Name:      "superfluous-writeheader",
	Languages: []string{"csharp", "go", "java", "javascript", "kotlin", "php", "typescript"},
	Since:     "v0.1.0",
	Severity:  facts.Warning,
	Summary:   "a second status write on the same path (WriteHeader then http.Error)",
	Why: "The status line is sent once. A second WriteHeader, or a WriteHeader after the body has " +
		"started, is ignored: net/http logs \"superfluous response.WriteHeader call\" and the " +
		"client gets the first status. The usual cause is a missing return after http.Error.",
	Bad:  "if err != nil {\n\thttp.Error(w, err.Error(), http.StatusInternalServerError)\n}\nw.WriteHeader(http.StatusCreated)",
	Good: "if err != nil {\n\thttp.Error(w, err.Error(), http.StatusInternalServerError)\n\treturn\n}\nw.WriteHeader(http.StatusCreated)",
	check: func(c *checker) {
		// One earlier write is reported once, at the first write after it:
		// a missing return is one bug however many writes follow.
		reported := map[int]bool{}
		for _, s := range c.facts.Steps {
			ev := s.Ev
			if !(ev.Kind == facts.StatusWrite || ev.Kind == facts.BodyWrite && (ev.WithStatus || ev.SendsAll)) || ev.Informational() {
				continue
			}
			first := s.Before.LastWrite(ev.Writer)
			if first == nil || reported[first.Start] {
				continue
			}
			reported[first.Start] = true
			line := c.facts.Line(first.Start)
			sent := fmt.Sprintf("%s on line %d already sent the status", first.Api, line)
			if first.Kind == facts.BodyWrite && !first.WithStatus {
				sent = fmt.Sprintf("%s on line %d already started the body, which sends 200 OK", first.Api, line)
			}
			if c.phrases().OutputSendsHeaders {
				sent = fmt.Sprintf("%s on line %d already sent the status line and the headers", first.Api, line)
			}
			c.report(facts.Finding{Start: ev.Start, End: ev.End, Code: ev.Code, Cause: first.Start + 1,
				Message: fmt.Sprintf("%s %s: %s, and %s; return after line %d, or set the status before writing", ev.Api, c.phrases().Again, sent, c.phrases().AgainEffect, line)})
		}
	},
}

func init() { registerRule(ruleSuperfluousWriteHeader) }
