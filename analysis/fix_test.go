package analysis

import (
	"math/rand/v2"
	"slices"
	"sort"
	"testing"

	"github.com/httpcodes/httpcodes/analysis/internal/facts"
)

// applyOneByOne is how fixes were applied before ApplyFixes was written
// in one pass: each fix checked against every edit taken, each edit
// spliced into the output from the end backwards. It is kept as the
// reference the one-pass version must agree with.
func applyOneByOne(src []byte, findings []facts.Finding) ([]byte, []facts.Finding) {
	var taken []facts.Edit
	var skipped []facts.Finding
	for _, f := range findings {
		if f.Fix == nil || len(f.Fix.Edits) == 0 {
			continue
		}
		overlaps := false
		for _, e := range f.Fix.Edits {
			for _, t := range taken {
				if e.Start < t.End && t.Start < e.End || e.Start == t.Start {
					overlaps = true
				}
			}
		}
		if overlaps || !inBounds(f.Fix.Edits, len(src)) {
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

// TestApplyFixesMatchesOneByOne applies random sets of fixes (overlapping,
// touching, inserting at one offset, out of bounds) both ways.
func TestApplyFixesMatchesOneByOne(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	src := []byte("abcdefghijklmnopqrstuvwxyz0123456789")
	texts := []string{"", "X", "YY", "ZZZ"}
	for round := range 3000 {
		var findings []facts.Finding
		for k := range 1 + r.IntN(12) {
			var edits []facts.Edit
			for range 1 + r.IntN(3) {
				s := r.IntN(len(src) + 2)
				e := s + r.IntN(4)
				if r.IntN(3) == 0 {
					e = s // an insertion
				}
				edits = append(edits, facts.Edit{Start: s, End: e, NewText: texts[r.IntN(len(texts))]})
			}
			if !disjoint(slices.Clone(edits)) {
				continue // one-by-one spliced a fix over itself
			}
			f := facts.Finding{Rule: "r", Message: string(rune('A' + k)), Fix: &facts.Fix{Edits: edits}}
			if r.IntN(8) == 0 {
				f.Fix = nil
			}
			findings = append(findings, f)
		}
		want, wantSkipped := applyOneByOne(src, findings)
		got, gotSkipped := ApplyFixes(src, findings)
		if string(got) != string(want) || len(gotSkipped) != len(wantSkipped) {
			t.Fatalf("round %d: fixes %+v:\ngot  %q, %d skipped\nwant %q, %d skipped", round, findings, got, len(gotSkipped), want, len(wantSkipped))
		}
		for k := range gotSkipped {
			if gotSkipped[k].Message != wantSkipped[k].Message {
				t.Fatalf("round %d: skipped %q, want %q", round, gotSkipped[k].Message, wantSkipped[k].Message)
			}
		}
	}
}

// TestApplyFixesSelfOverlap skips a fix whose own edits overlap: no order
// of applying them writes what its author meant.
func TestApplyFixesSelfOverlap(t *testing.T) {
	src := []byte("0123456789")
	findings := []facts.Finding{
		{Message: "a", Fix: &facts.Fix{Edits: []facts.Edit{{Start: 1, End: 4, NewText: "x"}, {Start: 3, End: 6, NewText: "y"}}}},
		{Message: "b", Fix: &facts.Fix{Edits: []facts.Edit{{Start: 7, End: 7, NewText: "i"}, {Start: 7, End: 9, NewText: "r"}}}},
		{Message: "c", Fix: &facts.Fix{Edits: []facts.Edit{{Start: 0, End: 0, NewText: "p"}, {Start: 0, End: 0, NewText: "q"}}}},
	}
	got, skipped := ApplyFixes(src, findings)
	if string(got) != "qp0123456789" || len(skipped) != 2 || skipped[0].Message != "a" || skipped[1].Message != "b" {
		t.Errorf("got %q with %d skipped, want \"qp0123456789\" with a and b skipped", got, len(skipped))
	}
}
