package codes

import (
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
)

// Match is one code a search found, and how.
type Match struct {
	Code *Code
	// By is the best field the query matched.
	By MatchKind
	// Exact is set when the query is the whole field: the code's number, its
	// title or a former title, or one of its constant names.
	Exact bool
}

// MatchKind says which field of a code a query matched. Results rank in
// this order: number, title, constant names, tags, then the text.
type MatchKind int

const (
	// ByNumber: the query is digits the code starts with ("40" → 404).
	ByNumber MatchKind = iota + 1
	// ByTitle: every word of the query starts a word of the title or a
	// former title ("too many" → 429).
	ByTitle
	// ByConstant: the query is a constant name ("Redirect" → 302), or every
	// word of it is inside one ("keepverb" → 307 RedirectKeepVerb).
	ByConstant
	// ByTag: every word starts a word of the title, the constant names, the
	// vendor or the tags together ("nginx", "webdav", "client error").
	ByTag
	// ByText: every word starts a word of any of those or of the Meaning
	// ("rate limit" → 429).
	ByText
)

// Search finds codes by a query and ranks them: digits match the codes
// that start with them ("40" → 400–409); words match, best first, the title,
// a constant name, the tags and vendor, then the Meaning. The site's offline
// search (site/static/search.js) ranks the same way over SearchTerms; the
// cases in testdata/search.json hold both to it.
func (s *Set) Search(query string) []*Code {
	found := s.Find(query)
	out := make([]*Code, len(found))
	for i, m := range found {
		out[i] = m.Code
	}
	return out
}

// Find is Search with how each code matched, in the built-in set.
func Find(query string) []Match { return Default().Find(query) }

// Find is Search with how each code matched.
func (s *Set) Find(query string) []Match {
	query = strings.TrimSpace(query)
	if query == "" {
		return nil
	}
	var out []Match
	if isDigits(query) {
		for _, c := range s.list {
			if n := strconv.Itoa(c.Number); strings.HasPrefix(n, query) {
				out = append(out, Match{Code: c, By: ByNumber, Exact: n == query})
			}
		}
		return out
	}
	words := strings.Fields(Normalize(query))
	if len(words) == 0 {
		return nil
	}
	phrase := strings.Join(words, " ")
	lower := strings.ToLower(query)
	for _, c := range s.list {
		t := s.terms(c)
		switch {
		case hasWords(words, t.Title):
			out = append(out, Match{Code: c, By: ByTitle, Exact: slices.Contains(t.Titles, phrase)})
		case slices.Contains(t.Constants, lower):
			out = append(out, Match{Code: c, By: ByConstant, Exact: true})
		case slices.ContainsFunc(t.Names, func(n string) bool { return containsAll(n, words) }):
			out = append(out, Match{Code: c, By: ByConstant})
		case hasWords(words, t.Title, t.Tags):
			out = append(out, Match{Code: c, By: ByTag})
		case hasWords(words, t.Title, t.Tags, t.Text):
			out = append(out, Match{Code: c, By: ByText})
		}
	}
	// Within a field: exact matches first, then codes to send today before
	// vendors' codes and retired ones, then by number.
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.By != b.By {
			return a.By < b.By
		}
		if a.Exact != b.Exact {
			return a.Exact
		}
		return !a.Code.Minor() && b.Code.Minor()
	})
	return out
}

// Minor reports whether c ranks after the codes to send today in search
// results: a vendor's code, one the registry reserves unused, or a retired one.
func (c *Code) Minor() bool {
	return c.Registration == Unofficial || c.Registration == IANAUnused || c.Retired != ""
}

func containsAll(s string, words []string) bool {
	for _, w := range words {
		if !strings.Contains(s, w) {
			return false
		}
	}
	return true
}

// hasWords reports whether every word starts some word of the lists.
func hasWords(words []string, lists ...[]string) bool {
	for _, w := range words {
		found := false
		for _, list := range lists {
			for _, h := range list {
				if strings.HasPrefix(h, w) {
					found = true
					break
				}
			}
			if found {
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// SearchTerms are what Search matches in a code, normalized (see
// Normalize); a word in one field is not repeated in a later one.
type SearchTerms struct {
	// Titles are the title and the former titles, each normalized whole.
	Titles []string `json:"titles"`
	// Title holds the words of Titles.
	Title []string `json:"title"`
	// Constants are the constant names, whole and without their qualifier,
	// lower-cased: a query equal to one is an exact match.
	Constants []string `json:"constants"`
	// Names are the constant names, lower-cased, letters and digits only
	// ("http.StatusTeapot" → "httpstatusteapot").
	Names []string `json:"names"`
	// Tags holds the words of the constant names, the vendor and the tags.
	Tags []string `json:"tags"`
	// Text holds the words of the Meaning.
	Text []string `json:"text"`
}

func (s *Set) terms(c *Code) *SearchTerms {
	s.termsOnce.Do(func() {
		s.searchTerms = make(map[*Code]*SearchTerms, len(s.list))
		for _, c := range s.list {
			t := c.SearchTerms()
			s.searchTerms[c] = &t
		}
	})
	return s.searchTerms[c]
}

// SearchTerms returns the words Search matches in c.
func (c *Code) SearchTerms() SearchTerms {
	seen := map[string]bool{}
	add := func(list []string, texts ...string) []string {
		for _, text := range texts {
			for _, w := range strings.Fields(Normalize(text)) {
				if !seen[w] {
					seen[w] = true
					list = append(list, w)
				}
			}
		}
		return list
	}
	t := SearchTerms{Title: []string{}, Names: []string{}, Tags: []string{}, Text: []string{}}
	for _, title := range append([]string{c.Title}, c.FormerTitles...) {
		t.Titles = appendNew(t.Titles, Normalize(title))
	}
	t.Title = add(t.Title, t.Titles...)
	for _, k := range c.Constants {
		t.Constants = appendNew(t.Constants, strings.ToLower(k.Name))
		t.Constants = appendNew(t.Constants, strings.ToLower(lastSegment(k.Name)))
		t.Names = appendNew(t.Names, strings.ReplaceAll(Normalize(k.Name), " ", ""))
		t.Tags = add(t.Tags, k.Name)
	}
	if t.Constants == nil {
		t.Constants = []string{}
	}
	t.Tags = add(t.Tags, c.Vendor)
	t.Tags = add(t.Tags, c.Tags()...)
	t.Text = add(t.Text, PlainText(c.Meaning))
	return t
}

func appendNew(list []string, s string) []string {
	if slices.Contains(list, s) {
		return list
	}
	return append(list, s)
}

// FirstSentence is the first sentence of c's Meaning as plain text: the
// line under a code in a list of results when it has no Summary (a
// project's own code).
func (c *Code) FirstSentence() string {
	text := strings.Join(strings.Fields(PlainText(c.Meaning)), " ")
	if i := strings.Index(text, ". "); i > 0 {
		text = text[:i+1]
	}
	return text
}

// mdLink matches a Markdown link, whose text is kept: [text](url).
var mdLink = regexp.MustCompile(`\[([^\]]*)\]\([^)]*\)`)

// PlainText drops the Markdown marks of the data set's text: code spans,
// emphasis and link targets.
func PlainText(md string) string {
	md = mdLink.ReplaceAllString(md, "$1")
	return strings.NewReplacer("`", "", "**", "", "*", "").Replace(md)
}

// Normalize lower-cases s, drops apostrophes and turns every run of other
// characters that are not ASCII letters or digits into one space, so that
// "I'm a teapot" and "im a teapot" meet. The site's search script does the
// same.
func Normalize(s string) string {
	var b strings.Builder
	space := false
	for _, r := range strings.ToLower(s) {
		switch {
		case r == '\'' || r == '’':
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(r)
		default:
			space = true
		}
	}
	return b.String()
}

// searchText is what Nearest compares a word with: the titles and the
// constant names without qualifiers, underscores as spaces.
func (c *Code) searchText() string {
	parts := append([]string{c.Title}, c.FormerTitles...)
	for _, k := range c.Constants {
		parts = append(parts, strings.ReplaceAll(lastSegment(k.Name), "_", " "))
	}
	return strings.Join(parts, " ")
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
		q := strings.Join(strings.Fields(Normalize(query)), " ")
		for _, c := range s.list {
			best := editDistance(q, Normalize(c.Title))
			for _, word := range strings.Fields(Normalize(c.searchText())) {
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
