package codes

import (
	"sort"
	"strconv"
	"strings"
	"unicode"
)

// Search finds codes by a query: digits match codes that start with them
// ("40" → 400–409), words match titles, former titles and constant names
// that contain every word ("too many", "teapot", "StatusTeapot").
func (s *Set) Search(query string) []*Code {
	query = strings.TrimSpace(query)
	if query == "" {
		return nil
	}
	if isDigits(query) {
		var out []*Code
		for _, c := range s.list {
			if strings.HasPrefix(strconv.Itoa(c.Number), query) {
				out = append(out, c)
			}
		}
		return out
	}
	if c, ok := s.ByName(query); ok {
		return []*Code{c}
	}
	words := strings.Fields(normalize(query))
	var out []*Code
	for _, c := range s.list {
		hay := normalize(c.searchText())
		all := true
		for _, w := range words {
			if !strings.Contains(hay, w) {
				all = false
				break
			}
		}
		if all {
			out = append(out, c)
		}
	}
	return out
}

func (c *Code) searchText() string {
	parts := append([]string{c.Title}, c.FormerTitles...)
	for _, k := range c.Constants {
		parts = append(parts, strings.ReplaceAll(lastSegment(k.Name), "_", " "))
	}
	return strings.Join(parts, " ")
}

// normalize lower-cases s and turns punctuation into spaces, so that "I'm a
// teapot" and "im a teapot" meet.
func normalize(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\'' || r == '’':
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(unicode.ToLower(r))
		default:
			b.WriteByte(' ')
		}
	}
	return b.String()
}

func isDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

// Nearest suggests up to max codes for a query that found nothing: for a
// number, the defined codes closest to it in the same class; for a word, the
// titles and constant names closest by edit distance.
func (s *Set) Nearest(query string, max int) []*Code {
	query = strings.TrimSpace(query)
	type scored struct {
		c     *Code
		score int
	}
	var all []scored
	if n, err := strconv.Atoi(query); err == nil {
		for _, c := range s.list {
			d := abs(c.Number - n)
			if c.Class() != n/100 {
				d += 1000
			}
			all = append(all, scored{c, d})
		}
	} else {
		// Score each code by its closest word, so that a misspelt word
		// ("teapt") finds the title that holds it ("I'm a teapot").
		q := strings.Join(strings.Fields(normalize(query)), " ")
		for _, c := range s.list {
			best := editDistance(q, normalize(c.Title))
			for _, word := range strings.Fields(normalize(c.searchText())) {
				best = min(best, editDistance(q, word))
			}
			all = append(all, scored{c, best})
		}
	}
	sort.SliceStable(all, func(i, j int) bool { return all[i].score < all[j].score })
	var out []*Code
	for _, sc := range all[:min(max, len(all))] {
		out = append(out, sc.c)
	}
	return out
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// editDistance is the Levenshtein distance between a and b, in bytes.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
