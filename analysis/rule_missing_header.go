package analysis

import (
	"fmt"
	"strings"

	"github.com/httpcodes/httpcodes/codes"
)

var ruleMissingHeader = &Rule{
	Name:      "missing-header",
	Languages: []string{"go", "javascript", "typescript"},
	Since:     "v0.1.0",
	Severity:  Warning,
	Summary:   "401 without WWW-Authenticate, 405 without Allow, a redirect without Location",
	Why: "Some codes are only half an answer without their header: a 401 must say how to " +
		"authenticate (WWW-Authenticate), a 405 which methods work (Allow), a 301, 302, 303, 307 " +
		"or 308 where to go (Location), a 407 how to authenticate to the proxy, a 426 which " +
		"protocol to switch to (Upgrade). Clients cannot act on the response without it.",
	Bad:    "w.WriteHeader(http.StatusMethodNotAllowed)",
	Good:   "w.Header().Set(\"Allow\", \"GET, HEAD\")\nw.WriteHeader(http.StatusMethodNotAllowed)",
	Checks: func(c *codes.Code) bool { return len(c.RequiredHeaders) > 0 },
	check: func(c *checker) {
		for _, s := range c.facts.steps {
			ev := s.ev
			if ev.kind != statusWrite && !(ev.kind == bodyWrite && ev.withStatus) {
				continue
			}
			code := c.lookup(ev.code)
			if code == nil {
				continue
			}
			for _, h := range code.RequiredHeaders {
				if strings.EqualFold(h, "Location") && ev.setsLocation || s.before.headerMaySet(ev.writer, h) {
					continue
				}
				c.report(Finding{Start: ev.start, End: ev.end, Code: ev.code,
					Message: fmt.Sprintf("%s sends %s without %s %s header: %s", ev.api, code, article(h), h, headerAdvice(c.facts.lang, ev, code.Number, h))})
			}
		}
	},
}

func headerAdvice(lang string, ev event, code int, header string) string {
	set := fmt.Sprintf("%s.Header().Set(%q, …)", ev.writer, header)
	redirect := "http.Redirect"
	if lang == "javascript" || lang == "typescript" {
		set, redirect = jsHeaderSet(ev.writer, header), ev.writer+".redirect"
	}
	switch header {
	case "WWW-Authenticate":
		return "a 401 must tell the client how to authenticate (RFC 9110, Section 11.6.1); call " + set + " first (\"Bearer\", \"Basic realm=…\"), or send 403 Forbidden if credentials would not help"
	case "Allow":
		return "a 405 must list the methods the resource supports (RFC 9110, Section 15.5.6); call " + set + " first, e.g. \"GET, HEAD\""
	case "Location":
		return fmt.Sprintf("a %d redirects nowhere without it; set Location first, or use %s, which sets it", code, redirect)
	case "Proxy-Authenticate":
		return "a 407 must tell the client how to authenticate to the proxy; call " + set + " first"
	case "Upgrade":
		return fmt.Sprintf("a %d must name the protocol to switch to; call %s first", code, set)
	}
	return "call " + set + " first"
}

// article is "an" before a vowel sound ("an Allow header"), else "a".
func article(word string) string {
	if word != "" && strings.ContainsRune("AEIOUaeiou", rune(word[0])) {
		return "an"
	}
	return "a"
}

func init() { registerRule(ruleMissingHeader) }
