package analysis

import (
	"sort"
)

// ApplyFixes applies the fixes of the findings to src. Edits are applied
// from the end of the file backwards; a fix any of whose edits overlaps an
// edit already taken is skipped whole and returned, so the result never
// holds half a fix.
func ApplyFixes(src []byte, findings []Finding) ([]byte, []Finding) {
	var fixes []Finding
	for _, f := range findings {
		if f.Fix != nil && len(f.Fix.Edits) > 0 {
			fixes = append(fixes, f)
		}
	}
	var taken []Edit
	var skipped []Finding
	for _, f := range fixes {
		if overlapsAny(f.Fix.Edits, taken) || !inBounds(f.Fix.Edits, len(src)) {
			skipped = append(skipped, f)
			continue
		}
		taken = append(taken, f.Fix.Edits...)
	}
	sort.SliceStable(taken, func(i, j int) bool { return taken[i].Start > taken[j].Start })
	out := append([]byte(nil), src...)
	for _, e := range taken {
		out = append(out[:e.Start], append([]byte(e.NewText), out[e.End:]...)...)
	}
	return out, skipped
}

func overlapsAny(edits, taken []Edit) bool {
	for _, e := range edits {
		for _, t := range taken {
			if e.Start < t.End && t.Start < e.End || e.Start == t.Start {
				return true
			}
		}
	}
	return false
}

func inBounds(edits []Edit, n int) bool {
	for _, e := range edits {
		if e.Start < 0 || e.End < e.Start || e.End > n {
			return false
		}
	}
	return true
}
