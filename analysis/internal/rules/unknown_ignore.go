package rules

import (
	"fmt"
	"strings"

	"github.com/httpcodes/httpcodes/analysis/internal/facts"
	"github.com/httpcodes/httpcodes/internal/suggest"
)

var RuleUnknownIgnore = &Rule{
	Name:     "unknown-ignore",
	Since:    "v0.2.0",
	Severity: facts.Warning,
	Summary:  "an ignore comment naming a rule that does not exist",
	Why: "An ignore comment silences the rules it names; a misspelt name silences nothing, so the " +
		"finding it was written for comes back, or, worse, a later one is reported where the comment " +
		"says it was looked at. The name is checked against the rules, with the one it was probably meant to be.",
	Bad:  "w.WriteHeader(299) //httpcodes:ignore unknown-staus",
	Good: "w.WriteHeader(299) //httpcodes:ignore unknown-status",
	check: func(c *checker) {
		lines := make([]int, 0, len(c.ignores))
		for line := range c.ignores {
			lines = append(lines, line)
		}
		for _, line := range lines {
			ic := c.ignores[line]
			if !ic.marked {
				continue
			}
			for _, n := range ic.names {
				if _, ok := RuleByName(n.name); ok {
					continue
				}
				c.report(facts.Finding{Start: n.start, End: n.end, Message: UnknownRuleMessage(n.name)})
			}
		}
	},
}

// unknownRuleMessage says that a name in an ignore comment is not a rule,
// and which rule it was probably meant to be.
func UnknownRuleMessage(name string) string {
	var names []string
	for _, r := range Rules() {
		names = append(names, r.Name)
	}
	near := suggest.Nearest(name, names)
	for i, n := range near {
		near[i] = fmt.Sprintf("%q", n)
	}
	msg := fmt.Sprintf("%q is not a rule, so this ignore comment silences nothing", name)
	switch len(near) {
	case 0:
		return msg + "; httpcodes rules lists the rules"
	case 1:
		return msg + "; did you mean " + near[0] + "?"
	}
	return msg + "; did you mean " + strings.Join(near[:len(near)-1], ", ") + " or " + near[len(near)-1] + "?"
}

func init() { registerRule(RuleUnknownIgnore) }
