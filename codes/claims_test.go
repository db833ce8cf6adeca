package codes

import (
	"regexp"
	"strings"
	"testing"
)

// wrongClaims are statements that read plausibly but that the current RFCs
// (or another page of the data set) contradict: rules of the RFCs that RFC
// 9110–9112 replaced, sentences credited to the wrong RFC, advice one page
// gives and another refutes. Each is matched sentence by sentence, over
// every part of every page, so a new page cannot bring one back.
var wrongClaims = []struct {
	// all must match the sentence, none must not.
	all  []*regexp.Regexp
	none *regexp.Regexp
	why  string
}{
	{
		all: []*regexp.Regexp{regexp.MustCompile(`no-transform`), regexp.MustCompile(`(?i)\b(required|must|obliged)\b.*\bhonou?r|\bhonou?r.*\b(required|must)\b`)},
		why: "a client's Cache-Control: no-transform only asks (RFC 9111, Section 5.2.1.6); the MUST is on a response's no-transform (RFC 9110, Section 7.7)",
	},
	{
		all: []*regexp.Regexp{regexp.MustCompile(`RFC 9112`), regexp.MustCompile(`(?i)refuse|major version`)},
		why: "a server's right to refuse a client's major version is RFC 9110, Section 2.5, not RFC 9112",
	},
	{
		all:  []*regexp.Regexp{regexp.MustCompile("`426 Upgrade Required`"), regexp.MustCompile(`(?i)https|\bTLS\b`)},
		none: regexp.MustCompile(`(?i)\b(not|never|no)\b`),
		why:  "browsers never implemented the in-connection TLS upgrade, so 426 cannot move a client to HTTPS (the 426 and 497 pages say so)",
	},
	{
		all: []*regexp.Regexp{regexp.MustCompile(`(?i)reserve|unused`), regexp.MustCompile(`(?i)must not be given|never be (given|assigned)|can never`)},
		why: "RFC 9110 reserves 306 and 418 but lets them be reassigned if the range runs out (Sections 15.4.7, 15.5.19)",
	},
	{
		all: []*regexp.Regexp{regexp.MustCompile("(?i)`?Content-Range`?"), regexp.MustCompile(`(?i)\b416\b|Range Not Satisfiable`), regexp.MustCompile(`(?i)\bmust\b`)},
		why: "a 416 SHOULD carry Content-Range (RFC 9110, Section 15.5.17), it is not a MUST",
	},
}

func TestNoWrongClaims(t *testing.T) {
	for _, c := range All() {
		for _, text := range []string{c.Retired, c.Summary, c.ClientSupport, c.Meaning, c.WhenToUse, c.WhenNotToUse} {
			for _, s := range claimSentences(text) {
				for _, w := range wrongClaims {
					if matchesAll(s, w.all) && (w.none == nil || !w.none.MatchString(s)) {
						t.Errorf("%s: %q: %s", c.File, s, w.why)
					}
				}
			}
		}
	}
}

func matchesAll(s string, res []*regexp.Regexp) bool {
	for _, re := range res {
		if !re.MatchString(s) {
			return false
		}
	}
	return true
}

// claimSentences splits prose into sentences and list items, on one line each.
func claimSentences(text string) []string {
	var out []string
	for _, s := range regexp.MustCompile(`[.!?]\s+|\n- `).Split(text, -1) {
		if s = strings.Join(strings.Fields(s), " "); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// TestWrongClaimsMatch keeps the patterns honest: each catches the sentence
// that once stood in the data set.
func TestWrongClaimsMatch(t *testing.T) {
	old := []string{
		"Clients that must have the original bytes can prevent the transformation by sending `Cache-Control: no-transform`, which proxies are required to honour",
		"RFC 9112 lets a server refuse a client's major version for any reason, so an endpoint that only speaks HTTP/2 may answer an HTTP/1.1 request with 505",
		"A plain-HTTP request for a page that must be secure gets `301 Moved Permanently` or `308 Permanent Redirect` to the `https` URL, or `426 Upgrade Required` where a redirect cannot be used",
		"An April Fools' code from RFC 2324 that RFC 9110 reserves as unused, so it has no meaning in HTTP and must not be given one",
		"A 416 Range Not Satisfiable must carry `Content-Range`",
	}
	for i, s := range old {
		w := wrongClaims[i]
		if !matchesAll(s, w.all) || w.none != nil && w.none.MatchString(s) {
			t.Errorf("pattern %d (%s) misses %q", i, w.why, s)
		}
	}
}
