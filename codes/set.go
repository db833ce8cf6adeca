package codes

import (
	"embed"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"
	"sync"
)

//go:embed data/*.md data/constants.csv
var dataFS embed.FS

// Set is a collection of codes with its lookup indexes. The built-in set is
// Default(); a project's configuration adds custom codes with With.
type Set struct {
	list     []*Code
	byNumber map[int]*Code
	// byName maps every constant name, as written and by its last segment, to
	// its code; a last segment that two codes share maps to nil (ambiguous).
	byName      map[string]*Code
	byNameLower map[string]*Code
}

var (
	defaultOnce sync.Once
	defaultSet  *Set
	defaultErr  error
)

// Default returns the built-in data set. It is parsed on first use; the data
// is embedded and checked by the package's tests, so a failure here is a
// build defect and panics with the file at fault.
func Default() *Set {
	defaultOnce.Do(func() { defaultSet, defaultErr = Load(dataFS, "data") })
	if defaultErr != nil {
		panic("httpcodes data set: " + defaultErr.Error())
	}
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
	s := &Set{list: list, byNumber: map[int]*Code{}, byName: map[string]*Code{}, byNameLower: map[string]*Code{}}
	for _, c := range list {
		s.byNumber[c.Number] = c
	}
	for _, c := range list {
		for _, k := range c.Constants {
			s.addName(k.Name, c)
			s.addName(lastSegment(k.Name), c)
		}
	}
	return s
}

func (s *Set) addName(name string, c *Code) {
	addUnique(s.byName, name, c)
	addUnique(s.byNameLower, strings.ToLower(name), c)
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
		if c := s.byName[key]; c != nil {
			return c, true
		}
	}
	for _, key := range []string{strings.ToLower(name), strings.ToLower(lastSegment(name))} {
		if c := s.byNameLower[key]; c != nil {
			return c, true
		}
	}
	return nil, false
}
