package rules

import (
	"fmt"
	"strings"

	"github.com/httpcodes/httpcodes/analysis/internal/facts"
	"github.com/httpcodes/httpcodes/codes"
)

var ruleNonstandardStatus = &Rule{
	Name:     "nonstandard-status",
	Since:    "v0.1.0",
	Severity: facts.Info,
	Summary:  "vendor codes (nginx 499, Cloudflare 52x), naming whose they are",
	Why: "Codes such as 499 (nginx) or 520–527 (Cloudflare) are not registered: a vendor's proxy " +
		"sends them about its own connections. An application that sends one borrows a meaning " +
		"that clients, libraries and dashboards outside that vendor do not know.",
	Bad:    "w.WriteHeader(499)",
	Good:   "w.WriteHeader(http.StatusRequestTimeout) // or log the closed request and write nothing",
	Checks: func(c *codes.Code) bool { return c.Registration == codes.Unofficial },
	check: func(c *checker) {
		for _, o := range c.facts.Occ {
			code := c.lookup(o.Code)
			if o.Role != facts.Send || code == nil || code.Registration != codes.Unofficial {
				continue
			}
			// nginx's return 444 sends no status at all: it closes the
			// connection, which is the documented way to drop a request.
			if o.Framework == "nginx" && o.Code == 444 {
				continue
			}
			c.report(facts.Finding{Start: o.Start, End: o.End, Code: o.Code,
				Message: fmt.Sprintf("%s with %s: not a registered code but %s; clients that do not know it treat it as %s", o.Context, code, ownerPhrase(code.Vendor), c.label(o.Code/100*100))})
		}
	},
}

// ownerPhrase says whose a nonstandard code is: "nginx's own", or, for a
// code no vendor defines, the convention it comes from ("an informal
// convention of some HTTP proxies (…)").
func ownerPhrase(vendor string) string {
	if rest, ok := strings.CutPrefix(vendor, "informal convention"); ok {
		return "an informal convention" + strings.Replace(rest, "; used", " used", 1)
	}
	return vendor + "'s own"
}

func init() { registerRule(ruleNonstandardStatus) }
