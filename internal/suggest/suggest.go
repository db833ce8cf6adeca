// Package suggest finds the names a mistyped name was probably meant to be:
// the did-you-mean of unknown commands, rules and keys.
package suggest

import (
	"slices"
	"strings"
)

// Nearest returns at most three candidates close to name, the nearest of
// them only: those at the least edit distance (insertions, deletions,
// substitutions and swaps of two neighbours), if it is at most a third of
// name's length (two at least); otherwise those that start with name, or
// contain it when name is four characters or longer. Case is ignored.
func Nearest(name string, candidates []string) []string {
	low := strings.ToLower(name)
	limit := max(2, len([]rune(low))/3)
	type scored struct {
		name string
		d    int
	}
	var found []scored
	for _, c := range candidates {
		lc := strings.ToLower(c)
		if lc == low {
			return []string{c}
		}
		d := distance(low, lc)
		switch {
		case d <= limit:
		case strings.HasPrefix(lc, low), len(low) >= 4 && strings.Contains(lc, low):
			d = limit + 1
		default:
			continue
		}
		found = append(found, scored{c, d})
	}
	slices.SortStableFunc(found, func(a, b scored) int { return a.d - b.d })
	// Only the nearest are worth naming: "srve" is serve, not site too.
	var out []string
	for i := 0; i < len(found) && i < 3 && found[i].d == found[0].d; i++ {
		out = append(out, found[i].name)
	}
	return out
}

// distance is the optimal string alignment distance of a and b.
func distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	// Three rows: the one before the previous is needed for swaps.
	prev2 := make([]int, len(rb)+1)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(rb)]
}

// Phrase is the did-you-mean clause for a name: "; did you mean
// redirect-status?" or "; did you mean a, b or c?", or "" when no
// candidate is near.
func Phrase(name string, candidates []string) string {
	s := Nearest(name, candidates)
	switch len(s) {
	case 0:
		return ""
	case 1:
		return "; did you mean " + s[0] + "?"
	}
	return "; did you mean " + strings.Join(s[:len(s)-1], ", ") + " or " + s[len(s)-1] + "?"
}
