package main

import (
	"cmp"
	"fmt"
	"io"
	"slices"
)

// writeStatistics prints, for --statistics, how many findings each rule
// reported, most first, as ruff does: the count, the rule, its severity.
func writeStatistics(w io.Writer, findings []reportedFinding) error {
	type row struct {
		rule, severity string
		n              int
	}
	counts := map[string]*row{}
	var rows []*row
	for _, f := range findings {
		r := counts[f.Rule]
		if r == nil {
			r = &row{rule: f.Rule, severity: f.Severity.String()}
			counts[f.Rule] = r
			rows = append(rows, r)
		}
		r.n++
	}
	slices.SortFunc(rows, func(a, b *row) int {
		return cmp.Or(cmp.Compare(b.n, a.n), cmp.Compare(a.rule, b.rule))
	})
	for _, r := range rows {
		if _, err := fmt.Fprintf(w, "%5d  %-24s %s\n", r.n, r.rule, r.severity); err != nil {
			return err
		}
	}
	return nil
}
