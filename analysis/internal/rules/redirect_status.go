package rules

import (
	"fmt"

	"github.com/httpcodes/httpcodes/analysis/internal/facts"
)

var ruleRedirectStatus = &Rule{
	Name:      "redirect-status",
	Languages: []string{"go", "java", "javascript", "kotlin", "nginx", "php", "python", "ruby", "rust", "typescript"},
	Since:     "v0.1.0",
	YieldsTo:  []string{"deprecated-status"},
	Severity:  facts.Error,
	Summary:   "a redirect API given a code that is not a redirect",
	Why: "Browsers and HTTP clients follow Location only on 301, 302, 303, 307 and 308. A redirect " +
		"sent with 200 shows the small \"<a href>\" page the API writes instead of going anywhere; " +
		"with 4xx or 5xx the redirect is reported as an error.",
	Bad:  "http.Redirect(w, r, \"/login\", http.StatusOK)",
	Good: "http.Redirect(w, r, \"/login\", http.StatusSeeOther)",
	check: func(c *checker) {
		for _, o := range c.facts.Occ {
			if o.API&(facts.RedirectAPI|facts.LocationAPI) == 0 || o.Role != facts.Send || o.Code < 100 || o.Code > 999 {
				continue
			}
			if o.API&facts.RedirectAPI == 0 && o.Code/100 != 3 {
				// A Location set by hand beside a status the code chose
				// is not a redirect gone wrong: RFC 9110 defines Location
				// for 201 and 3xx, 202 commonly points at a status
				// monitor with it, and an API may answer 2xx/4xx with a
				// Location its own client reads (to keep a browser's
				// fetch from following it). Only a redirect helper's code
				// means a redirect whatever it is; by hand, a 3xx does.
				continue
			}
			var why string
			switch {
			case o.Code == 201 && o.Framework != "nginx":
				// A Location with 201 Created names the resource the
				// request made (RFC 9110, Section 10.2.2 and 15.3.2): a
				// well-formed answer, not a failed redirect. Symfony's
				// RedirectResponse accepts 201 on purpose (isRedirect
				// includes it); PSR-7's withStatus(201)->withHeader('Location',
				// …), Express's and Fastify's redirect(…, 201) send the same
				// response. nginx is the exception: its return 201 URL sends
				// the URL as the body, with no Location.
				continue
			case o.Code == 304:
				why = "304 Not Modified answers a conditional request and carries no Location; it is not a redirect"
			case o.Code == 300 || o.Code == 305 || o.Code == 306:
				why = fmt.Sprintf("clients do not follow %s automatically", c.label(o.Code))
			case o.Code/100 == 3:
				continue
			default:
				why = "a redirect needs a 3xx code"
			}
			c.report(facts.Finding{
				Start: o.Start, End: o.End, Code: o.Code,
				Message: fmt.Sprintf("%s with %s: %s; use 303 See Other after a POST, 302 Found or 307 Temporary Redirect otherwise, 301 Moved Permanently or 308 Permanent Redirect for a permanent move", o.Context, c.label(o.Code), why),
			})
		}
	},
}

func init() { registerRule(ruleRedirectStatus) }
