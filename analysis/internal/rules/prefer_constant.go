package rules

import (
	"fmt"

	"github.com/httpcodes/httpcodes/analysis/internal/facts"
)

var rulePreferConstant = &Rule{
	Name:      "prefer-constant",
	Languages: []string{"csharp", "go", "java", "javascript", "kotlin", "php", "python", "ruby", "rust", "typescript"},
	Since:     "v0.1.0",
	FixSafety: FixSafe,
	Severity:  facts.Hint,
	Summary:   "a number where the ecosystem has a named constant",
	Why: "http.StatusUnprocessableEntity says what 422 means to a reader who does not know the " +
		"table by heart, and a typo in a name fails to compile while a typo in a number ships. " +
		"Bounds of class checks (resp.StatusCode >= 400) are left alone: they stand for a class, " +
		"not a code.",
	Bad:  "w.WriteHeader(422)",
	Good: "w.WriteHeader(http.StatusUnprocessableEntity)",
	check: func(c *checker) {
		for _, o := range c.facts.Occ {
			if o.Written != facts.Number || o.Constant == "" || o.Role == facts.RangeBound || o.Role == facts.Reference {
				continue
			}
			f := facts.Finding{Start: o.Start, End: o.End, Code: o.Code}
			if o.ConstantText == "" {
				f.Message = fmt.Sprintf("%d is %s; write %s (this file does not import its package yet)", o.Code, c.label(o.Code), o.Constant)
			} else {
				f.Message = fmt.Sprintf("%d is %s; write %s", o.Code, c.label(o.Code), o.ConstantText)
				edit := facts.Edit{Start: o.Start, End: o.End, NewText: o.ConstantText}
				if o.FixEnd > 0 {
					edit.Start, edit.End = o.FixStart, o.FixEnd
				}
				f.Fix = &facts.Fix{Title: fmt.Sprintf("Replace %d with %s", o.Code, o.ConstantText), Edits: []facts.Edit{edit}}
			}
			c.report(f)
		}
	},
}

func init() { registerRule(rulePreferConstant) }
