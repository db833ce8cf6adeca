package analysis

import "fmt"

var ruleSuperfluousWriteHeader = &Rule{
	Name:      "superfluous-writeheader",
	Languages: []string{"csharp", "go", "java", "javascript", "kotlin", "php", "typescript"},
	Since:     "v0.1.0",
	Severity:  Warning,
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
		for _, s := range c.facts.steps {
			ev := s.ev
			if !(ev.kind == statusWrite || ev.kind == bodyWrite && (ev.withStatus || ev.sendsAll)) || ev.informational() {
				continue
			}
			first := s.before.lastWrite(ev.writer)
			if first == nil || reported[first.start] {
				continue
			}
			reported[first.start] = true
			line := c.facts.line(first.start)
			sent := fmt.Sprintf("%s on line %d already sent the status", first.api, line)
			if first.kind == bodyWrite && !first.withStatus {
				sent = fmt.Sprintf("%s on line %d already started the body, which sends 200 OK", first.api, line)
			}
			if c.phrases().outputSendsHeaders {
				sent = fmt.Sprintf("%s on line %d already sent the status line and the headers", first.api, line)
			}
			c.report(Finding{Start: ev.start, End: ev.end, Code: ev.code, cause: first.start + 1,
				Message: fmt.Sprintf("%s %s: %s, and %s; return after line %d, or set the status before writing", ev.api, c.phrases().again, sent, c.phrases().againEffect, line)})
		}
	},
}

func init() { registerRule(ruleSuperfluousWriteHeader) }
