package analysis

import (
	"slices"

	"github.com/httpcodes/httpcodes/analysis/internal/facts"
)

// ApplyFixes applies the fixes of the findings to src. Fixes are taken in
// the findings' order; a fix any of whose edits overlaps an edit already
// taken (or starts where one starts), or whose own edits overlap one
// another, is skipped whole and returned, so the result never holds half a
// fix. Two insertions of one fix at one offset are written in the reverse
// of their order. The cost is O(n log n) in the edits: each is checked
// against the taken ones through two counts over the offsets the edits
// name, and the output is written in one pass.
func ApplyFixes(src []byte, findings []facts.Finding) ([]byte, []facts.Finding) {
	var fixes []facts.Finding
	for _, f := range findings {
		if f.Fix != nil && len(f.Fix.Edits) > 0 && !f.Fix.Elsewhere() {
			fixes = append(fixes, f)
		}
	}
	if len(fixes) == 0 {
		return append([]byte(nil), src...), nil
	}
	var offsets []int
	for _, f := range fixes {
		for _, e := range f.Fix.Edits {
			offsets = append(offsets, e.Start, e.End)
		}
	}
	slices.Sort(offsets)
	offsets = slices.Compact(offsets)
	at := func(off int) int { k, _ := slices.BinarySearch(offsets, off); return k }
	// cells counts, per span between two consecutive offsets, whether a
	// taken edit replaces it; points counts the taken insertions at each
	// offset. Taken edits are disjoint, so each span is counted once.
	cells, points := newCounts(len(offsets)), newCounts(len(offsets))
	type taken struct {
		facts.Edit
		seq int
	}
	var all []taken
	var skipped []facts.Finding
	var own []facts.Edit
	for _, f := range fixes {
		own = append(own[:0], f.Fix.Edits...)
		if !inBounds(own, len(src)) || !disjoint(own) || overlapsTaken(own, at, cells, points) {
			skipped = append(skipped, f)
			continue
		}
		for _, e := range f.Fix.Edits {
			if e.Start == e.End {
				points.add(at(e.Start))
			}
			for k, end := at(e.Start), at(e.End); k < end; k++ {
				cells.add(k)
			}
			all = append(all, taken{e, len(all)})
		}
	}
	// In order of offset; at one offset (insertions of one fix) the later
	// edit first, as applying them from the end backwards writes them.
	slices.SortFunc(all, func(a, b taken) int {
		if a.Start != b.Start {
			return a.Start - b.Start
		}
		return b.seq - a.seq
	})
	size := len(src)
	for _, e := range all {
		size += len(e.NewText) - (e.End - e.Start)
	}
	out := make([]byte, 0, size)
	pos := 0
	for _, e := range all {
		out = append(out, src[pos:e.Start]...)
		out = append(out, e.NewText...)
		pos = e.End
	}
	return append(out, src[pos:]...), skipped
}

// disjoint sorts one fix's edits as they are written and reports whether
// none overlaps the next: each ends before or where the next starts, and
// no edit replacing text starts where another does.
func disjoint(edits []facts.Edit) bool {
	// Stable and descending by start, then reversed: insertions at one
	// offset in the reverse of their order, as ApplyFixes writes them.
	slices.SortStableFunc(edits, func(a, b facts.Edit) int { return b.Start - a.Start })
	slices.Reverse(edits)
	for k := 1; k < len(edits); k++ {
		p, e := edits[k-1], edits[k]
		if e.Start < p.End || e.Start == p.Start && (e.End > e.Start || p.End > p.Start) {
			return false
		}
	}
	return true
}

// overlapsTaken reports whether an edit overlaps a taken one: text both
// replace, an insertion inside a replaced text or at its start, or two
// edits starting at one offset.
func overlapsTaken(edits []facts.Edit, at func(int) int, cells, points *counts) bool {
	for _, e := range edits {
		s := at(e.Start)
		if e.Start == e.End {
			if cells.sum(s, s+1) > 0 || points.sum(s, s+1) > 0 {
				return true
			}
			continue
		}
		if cells.sum(s, at(e.End)) > 0 || points.sum(s, at(e.End)) > 0 {
			return true
		}
	}
	return false
}

func inBounds(edits []facts.Edit, n int) bool {
	for _, e := range edits {
		if e.Start < 0 || e.End < e.Start || e.End > n {
			return false
		}
	}
	return true
}

// counts is a Fenwick tree: counts added at indexes, and the sum over a
// range of them, each in O(log n).
type counts struct{ tree []int32 }

func newCounts(n int) *counts { return &counts{tree: make([]int32, n+1)} }

func (c *counts) add(k int) {
	for k++; k < len(c.tree); k += k & -k {
		c.tree[k]++
	}
}

// prefix returns the sum of the counts at indexes below k.
func (c *counts) prefix(k int) int32 {
	n := int32(0)
	for ; k > 0; k -= k & -k {
		n += c.tree[k]
	}
	return n
}

// sum returns the sum of the counts at indexes from..to-1.
func (c *counts) sum(from, to int) int32 {
	return c.prefix(to) - c.prefix(from)
}
