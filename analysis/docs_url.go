package analysis

import "strings"

// DefaultDocsBase is where the rule pages are published: the httpcodes site
// serves them there, and `httpcodes site` builds the same pages for a team
// to serve its own copy under another base.
const DefaultDocsBase = "https://httpcodes.dev"

// RuleDocsURL returns the page of a rule under base, as the httpcodes site
// serves it: https://httpcodes.dev/rules/redirect-status/. A trailing slash
// on base is ignored.
func RuleDocsURL(base, rule string) string {
	return strings.TrimSuffix(base, "/") + "/rules/" + rule + "/"
}
