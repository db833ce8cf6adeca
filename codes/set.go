package codes

import (
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"
	"sync"
)

//go:generate go run ./internal/gendata

// Set is a collection of codes with its lookup indexes. The built-in set is
// Default(); a project's configuration adds custom codes with With.
type Set struct {
	list     []*Code
	byNumber map[int]*Code
	// byName maps every constant name, as written and by its last segment, to
	// its code; a last segment that two codes share maps to nil (ambiguous).
	byName    map[string]*Code
	namesOnce sync.Once
	// byNameLower is the same index lower-cased, built on the first lookup
	// that needs it: most lookups spell a constant as its library does.
	lowerOnce   sync.Once
	byNameLower map[string]*Code
	// searchTerms are each code's SearchTerms, made on the first search.
	termsOnce   sync.Once
	searchTerms map[*Code]*SearchTerms
}

var (
	defaultOnce sync.Once
	defaultSet  *Set
)

// Default returns the built-in data set: the pages of data/, compiled into
// Go tables by `go generate ./codes` so that a process pays nothing to parse
// them (the tests check the tables against the pages).
func Default() *Set {
	defaultOnce.Do(func() { defaultSet = newSet(append([]*Code(nil), builtin...)) })
	return defaultSet
}

// Load parses every NNN.md page and constants.csv in dir of fsys.
func Load(fsys fs.FS, dir string) (*Set, error) {
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return nil, err
	}
	var list []*Code
	for _, e := range entries {
		name := e.Name()
		if !strings.HasSuffix(name, ".md") || name == "README.md" {
			continue
		}
		src, err := fs.ReadFile(fsys, path.Join(dir, name))
		if err != nil {
			return nil, err
		}
		c, err := ParsePage(name, src)
		if err != nil {
			return nil, err
		}
		list = append(list, c)
	}
	src, err := fs.ReadFile(fsys, path.Join(dir, "constants.csv"))
	if err != nil {
		return nil, err
	}
	constants, err := parseConstants("constants.csv", src)
	if err != nil {
		return nil, err
	}
	numbers := map[int]bool{}
	for _, c := range list {
		numbers[c.Number] = true
		c.Constants = constants[c.Number]
	}
	for n := range constants {
		if !numbers[n] {
			return nil, fmt.Errorf("constants.csv: code %d has constants but no page %d.md", n, n)
		}
	}
	return newSet(list), nil
}

func newSet(list []*Code) *Set {
	sort.Slice(list, func(i, j int) bool { return list[i].Number < list[j].Number })
	s := &Set{list: list, byNumber: make(map[int]*Code, len(list))}
	for _, c := range list {
		s.byNumber[c.Number] = c
	}
	return s
}

// nameIndex maps every constant name, as written and by its last segment,
// to its code; it is built on the first lookup by name.
func (s *Set) nameIndex() map[string]*Code {
	s.namesOnce.Do(func() {
		names := 0
		for _, c := range s.list {
			names += 2 * len(c.Constants)
		}
		s.byName = make(map[string]*Code, names)
		for _, c := range s.list {
			for _, k := range c.Constants {
				addUnique(s.byName, k.Name, c)
				addUnique(s.byName, lastSegment(k.Name), c)
			}
		}
	})
	return s.byName
}

func (s *Set) lowerIndex() map[string]*Code {
	s.lowerOnce.Do(func() {
		s.byNameLower = make(map[string]*Code, len(s.byName))
		for _, c := range s.list {
			for _, k := range c.Constants {
				addUnique(s.byNameLower, strings.ToLower(k.Name), c)
				addUnique(s.byNameLower, strings.ToLower(lastSegment(k.Name)), c)
			}
		}
	})
	return s.byNameLower
}

// addUnique maps key to c, or to nil when another code already has the key.
func addUnique(m map[string]*Code, key string, c *Code) {
	if old, ok := m[key]; ok && old != c {
		m[key] = nil
		return
	}
	m[key] = c
}

// lastSegment strips a constant's qualifier: "http.StatusOK" → "StatusOK",
// "StatusCode::OK" → "OK", ":ok" → "ok".
func lastSegment(name string) string {
	if i := strings.LastIndex(name, "::"); i >= 0 {
		return name[i+2:]
	}
	if i := strings.LastIndex(name, "."); i >= 0 {
		return name[i+1:]
	}
	return strings.TrimPrefix(name, ":")
}

// With returns a new set holding s's codes and extra ones; an extra code with
// the number of an existing one replaces it.
func (s *Set) With(extra ...*Code) *Set {
	merged := map[int]*Code{}
	for _, c := range s.list {
		merged[c.Number] = c
	}
	for _, c := range extra {
		merged[c.Number] = c
	}
	list := make([]*Code, 0, len(merged))
	for _, c := range merged {
		list = append(list, c)
	}
	return newSet(list)
}

// Lookup returns the page for code n.
func (s *Set) Lookup(n int) (*Code, bool) {
	c, ok := s.byNumber[n]
	return c, ok
}

// All returns every code in ascending order. The slice is shared: do not modify it.
func (s *Set) All() []*Code { return s.list }

// ByName finds a code by a constant name of any ecosystem, written as in code
// ("http.StatusTeapot", "HTTPStatus.IM_A_TEAPOT", "StatusCode::IM_A_TEAPOT",
// ":not_found") or without its qualifier ("StatusTeapot", "HTTP_404_NOT_FOUND").
// An import name other than "http" is accepted ("nethttp.StatusTeapot").
func (s *Set) ByName(name string) (*Code, bool) {
	name = strings.TrimSpace(name)
	for _, key := range []string{name, lastSegment(name)} {
		if c := s.nameIndex()[key]; c != nil {
			return c, true
		}
	}
	for _, key := range []string{strings.ToLower(name), strings.ToLower(lastSegment(name))} {
		if c := s.lowerIndex()[key]; c != nil {
			return c, true
		}
	}
	return nil, false
}
