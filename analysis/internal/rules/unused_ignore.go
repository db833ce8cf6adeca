package rules

import (
	"cmp"
	"fmt"
	"maps"
	"slices"

	"github.com/httpcodes/httpcodes/analysis/internal/facts"
)

var RuleUnusedIgnore = &Rule{
	Name:     "unused-ignore",
	Since:    "v0.2.0",
	Severity: facts.Warning,
	Summary:  "an ignore comment that silences nothing (with --report-unused-ignores or report-unused-ignores: true)",
	Why: "An ignore comment outlives the finding it was written for: the code is fixed or moved, and " +
		"the comment stays to silence, unseen, the next real problem on its line. Reported only when " +
		"asked for, as ruff's RUF100 and eslint's --report-unused-disable-directives do.",
	Bad:  "w.WriteHeader(http.StatusOK) //httpcodes:ignore unknown-status",
	Good: "w.WriteHeader(http.StatusOK)",
	// Its findings depend on every other rule's: judge makes them, after
	// the rules have run (unusedIgnores).
	check: func(*checker) {},
}

// unusedIgnores reports the ignore comments, and the names in them, that
// silenced no finding. A name of a rule that did not run on the file (off
// in the configuration, or not for its language) is not judged: the
// comment may be for settings where it runs; nor is unused-ignore itself,
// which silences the findings of this very judgement.
func unusedIgnores(f *facts.FileFacts, ig ignores, opts *facts.Options) []facts.Finding {
	sev := RuleUnusedIgnore.Severity
	if s, ok := opts.Severity[RuleUnusedIgnore.Name]; ok {
		sev = s
	}
	var out []facts.Finding
	for _, line := range slices.Sorted(maps.Keys(ig)) {
		ic := ig[line]
		if !ic.marked {
			continue
		}
		if len(ic.names) == 0 {
			if !ic.used {
				out = append(out, facts.Finding{Rule: RuleUnusedIgnore.Name, Severity: sev, Start: ic.start, End: ic.end,
					Message: "this ignore comment silences nothing on its line or the next; remove it"})
			}
			continue
		}
		for _, n := range ic.names {
			r, ok := RuleByName(n.name)
			if n.used || !ok || r == RuleUnusedIgnore || opts.Disabled[r.Name] || !r.Supports(f.Lang) {
				continue
			}
			out = append(out, facts.Finding{Rule: RuleUnusedIgnore.Name, Severity: sev, Start: n.start, End: n.end,
				Message: fmt.Sprintf("this ignore of %s silences nothing on its line or the next; remove it", n.name)})
		}
	}
	slices.SortFunc(out, func(a, b facts.Finding) int { return cmp.Compare(a.Start, b.Start) })
	return out
}

func init() { registerRule(RuleUnusedIgnore) }
