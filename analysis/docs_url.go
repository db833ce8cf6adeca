package analysis

import "strings"

// DefaultDocsBase is where the rule pages are published; `httpcodes site`
// generates them, and a team can serve its own copy under another base.
const DefaultDocsBase = "https://httpcodes.dev"

// RuleDocsURL returns the page of a rule under base:
// https://httpcodes.dev/rules/redirect-status/.
func RuleDocsURL(base, rule string) string {
	return strings.TrimSuffix(base, "/") + "/rules/" + rule + "/"
}
