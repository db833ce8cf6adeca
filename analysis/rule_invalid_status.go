package analysis

import (
	"fmt"
	"strconv"
	"strings"
)

var ruleInvalidStatus = &Rule{
	Name:     "invalid-status",
	Since:    "v0.1.0",
	Severity: Error,
	Summary:  "a status outside 100–999",
	Why: "A status code has exactly three digits. Go's ResponseWriter.WriteHeader panics on any " +
		"other value, and clients reject the response line.",
	Bad:  "w.WriteHeader(2000)",
	Good: "w.WriteHeader(http.StatusOK)",
	check: func(c *checker) {
		for _, o := range c.facts.occ {
			if o.Role == Compare && neverAStatus(o.Code) {
				c.report(Finding{
					Start: o.Start, End: o.End, Code: o.Code,
					Message: fmt.Sprintf("%s with %d can never be true: a status code has three digits, 100 to 999", o.Context, o.Code),
				})
				continue
			}
			if o.Role != Send || (o.Code >= 100 && o.Code <= 999) {
				continue
			}
			c.report(Finding{
				Start: o.Start, End: o.End, Code: o.Code,
				Message: fmt.Sprintf("%s with %d: a status code has three digits, 100 to 999; %s", o.Context, o.Code, strings.ReplaceAll(c.phrases().invalid, "%d", strconv.Itoa(o.Code))),
			})
		}
	},
}

// neverAStatus reports whether a number compared with a status can never
// equal one: four digits and more, or one or two. 0 and negative numbers
// are left alone, as code compares them on purpose (a recorder that was
// never written, a browser's status 0 for a network error, -1 as "none").
func neverAStatus(code int) bool {
	return code >= 1000 || code >= 1 && code <= 99
}

// statusLike reports whether a number in a context that is not strict is
// taken as a status: three digits; and, compared with a status, four
// (expect(res.status).toBe(2020) is a typo that makes a test impossible to
// pass, and invalid-status says so). Four digits count only in the
// languages that declare statusByName.
func statusLike(n int, role Role, lang string) bool {
	if n >= 100 && n <= 999 {
		return true
	}
	// 1223 is what Internet Explorer's XMLHttpRequest reported for a 204:
	// libraries compare with it on purpose (xhr.status === 1223 ? 204 : …).
	if role != Compare || n < 1000 || n > 9999 || n == ieNoContent {
		return false
	}
	l := languageNamed(lang)
	return l != nil && l.statusByName
}

// ieNoContent is Internet Explorer's XMLHttpRequest status for a 204.
const ieNoContent = 1223

func init() { registerRule(ruleInvalidStatus) }
