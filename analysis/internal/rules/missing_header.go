package rules

import (
	"fmt"
	"strings"

	"github.com/httpcodes/httpcodes/analysis/internal/facts"
	"github.com/httpcodes/httpcodes/codes"
)

var ruleMissingHeader = &Rule{
	Name:      "missing-header",
	Languages: []string{"csharp", "go", "java", "javascript", "kotlin", "php", "python", "ruby", "rust", "typescript"},
	Since:     "v0.1.0",
	// http.Error(w, msg, 301) lacks Location because it should be http.Redirect.
	YieldsTo: []string{"error-status"},
	Severity: facts.Warning,
	Summary:  "401 without WWW-Authenticate, 405 without Allow, a redirect without Location",
	Why: "Some codes are only half an answer without their header: a 401 must say how to " +
		"authenticate (WWW-Authenticate), a 405 which methods work (Allow), a 301, 302, 303, 307 " +
		"or 308 where to go (Location), a 407 how to authenticate to the proxy, a 426 which " +
		"protocol to switch to (Upgrade). Clients cannot act on the response without it. A 401 " +
		"without a challenge is reported as info, not a warning: APIs called from a browser " +
		"often leave it out on purpose, because a Basic challenge makes the browser pop its " +
		"login dialog. The challenge is still required (RFC 9110, Section 11.6.1), and a token " +
		"API can send it without that effect: WWW-Authenticate: Bearer (RFC 6750, Section 3), " +
		"or its own scheme, which browsers do not prompt for. 405 without Allow and a redirect " +
		"without Location stay warnings.",
	Bad:    "w.WriteHeader(http.StatusMethodNotAllowed)",
	Good:   "w.Header().Set(\"Allow\", \"GET, HEAD\")\nw.WriteHeader(http.StatusMethodNotAllowed)",
	Checks: func(c *codes.Code) bool { return len(c.RequiredHeaders) > 0 },
	check: func(c *checker) {
		for _, s := range c.facts.Steps {
			ev := s.Ev
			if ev.Kind != facts.StatusWrite && !(ev.Kind == facts.BodyWrite && ev.WithStatus) {
				continue
			}
			code := c.lookup(ev.Code)
			if code == nil {
				continue
			}
			for _, h := range code.RequiredHeaders {
				if strings.EqualFold(h, "Location") && (ev.SetsLocation || ev.Refreshes) || s.Before.HeaderMaySet(ev.Writer, h) {
					continue
				}
				f := facts.Finding{Start: ev.Start, End: ev.End, Code: ev.Code,
					Message: fmt.Sprintf("%s sends %s without %s %s header: %s", ev.Api, code, article(h), h, headerAdvice(c, ev, code.Number, h))}
				if strings.EqualFold(h, "WWW-Authenticate") {
					// Token APIs called from a browser leave the challenge
					// out on purpose; see Why.
					c.reportAt(f, facts.Info)
					continue
				}
				c.report(f)
			}
		}
	},
}

// headerAdvice says why a response needs the header and how to send it,
// in the words of the file's language.
func headerAdvice(c *checker, ev facts.Event, code int, header string) string {
	set := c.phrases().SetHeader(ev, header)
	switch header {
	case "WWW-Authenticate":
		return "a 401 must tell the client how to authenticate (RFC 9110, Section 11.6.1); " + set + ": a token API sends \"Bearer\" (RFC 6750, Section 3), which browsers do not answer with a login dialog (only Basic does); or send 403 Forbidden if credentials would not help"
	case "Allow":
		return "a 405 must list the methods the resource supports (RFC 9110, Section 15.5.6); " + set + ", e.g. \"GET, HEAD\""
	case "Location":
		return fmt.Sprintf("a %d redirects nowhere without it; %s", code, c.phrases().Redirect(ev))
	case "Proxy-Authenticate":
		return "a 407 must tell the client how to authenticate to the proxy; " + set
	case "Upgrade":
		return fmt.Sprintf("a %d must name the protocol to switch to; %s", code, set)
	}
	return set
}

// article is "an" before a vowel sound ("an Allow header"), else "a".
func article(word string) string {
	if word != "" && strings.ContainsRune("AEIOUaeiou", rune(word[0])) {
		return "an"
	}
	return "a"
}

func init() { registerRule(ruleMissingHeader) }
