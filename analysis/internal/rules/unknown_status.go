package rules

import (
	"fmt"

	"github.com/httpcodes/httpcodes/analysis/internal/facts"
	"github.com/httpcodes/httpcodes/codes"
)

var ruleUnknownStatus = &Rule{
	Name:  "unknown-status",
	Since: "v0.1.0",
	// abort(299) with a message: error-status says both that a 2xx sends
	// no error and what to send instead; the unknown code is the same
	// problem (one problem, one finding).
	YieldsTo: []string{"error-status"},
	Severity: facts.Warning,
	Summary:  "a well-formed code that no registry or known vendor defines (299, 430)",
	Why: "A client that does not know a code treats it as the first code of its class (RFC 9110, " +
		"Section 15): 299 reads as 200 OK, 430 as 400 Bad Request. An undefined code is usually a " +
		"typo, and when it is not, its meaning is lost on every client.",
	Bad:  "w.WriteHeader(430)",
	Good: "w.WriteHeader(http.StatusTooManyRequests) // 429",
	check: func(c *checker) {
		// A file repeats its unknown codes; each is worked out once.
		said := map[int]string{}
		for _, o := range c.facts.Occ {
			if o.Role == facts.RangeBound || o.Role == facts.Reference || o.Code < 100 || o.Code > 999 {
				continue
			}
			if _, ok := c.set.Lookup(o.Code); ok {
				continue
			}
			if o.OwnReason && o.Code < 600 {
				// HttpStatusCode(477, "Come Back Later"): a code given its
				// own reason phrase is defined on purpose, for a client
				// of the application's own that knows it, as vendors do
				// theirs (htmx's 286, nonstandard-status). No typo: at
				// most worth knowing.
				c.reportAt(facts.Finding{Start: o.Start, End: o.End, Code: o.Code,
					Message: fmt.Sprintf("%s with %d %q: a private code of this application, which no registry or known vendor defines; clients other than its own treat it as %s", o.Context, o.Code, o.Message, c.label(o.Code/100*100))}, facts.Info)
				continue
			}
			if o.OwnPage && o.Code < 600 {
				// error_page 550 @fetch550: the configuration catches the
				// code and answers it with its own page, so it is a code
				// it defines (a catch-all server's "not hosted here").
				c.reportAt(facts.Finding{Start: o.Start, End: o.End, Code: o.Code,
					Message: fmt.Sprintf("%s with %d: a private code of this configuration, which gives it its own error_page; no registry or known vendor defines it, so clients treat it as %s", o.Context, o.Code, c.label(o.Code/100*100))}, facts.Info)
				continue
			}
			if tail, ok := said[o.Code]; ok {
				c.report(facts.Finding{Start: o.Start, End: o.End, Code: o.Code, Message: o.Context + tail})
				continue
			}
			var msg string
			if o.Code >= 600 {
				msg = fmt.Sprintf("%s with %d: HTTP defines no %dxx class; clients cannot tell what it means. Use a 4xx code for client errors or a 5xx code for server errors", o.Context, o.Code, o.Code/100)
			} else {
				base := o.Code / 100 * 100
				msg = fmt.Sprintf("%s with %d: no registry or known vendor defines %d, so clients treat it as %s", o.Context, o.Code, o.Code, c.label(base))
				if near := nearestRegistered(c.set, o.Code); near != nil {
					msg += fmt.Sprintf("; did you mean %s?", near)
				}
			}
			said[o.Code] = msg[len(o.Context):]
			c.report(facts.Finding{Start: o.Start, End: o.End, Code: o.Code, Message: msg})
		}
	},
}

// nearestRegistered is the registered code of the same class closest to n,
// at most 10 away (the lower on a tie), nil when there is none: a likely
// slip, not any code of the class. A vendor's code is never offered: 555
// is not a typo of AWS's 561, nor 443 of nginx's 444.
func nearestRegistered(set *codes.Set, n int) *codes.Code {
	var best *codes.Code
	for _, c := range set.All() {
		if c.Class() != n/100 || c.Registration != codes.IANA && c.Registration != codes.Custom {
			continue
		}
		if abs(c.Number-n) <= 10 && (best == nil || abs(c.Number-n) < abs(best.Number-n)) {
			best = c
		}
	}
	return best
}

func init() { registerRule(ruleUnknownStatus) }

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
