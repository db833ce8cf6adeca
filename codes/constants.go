package codes

import (
	"encoding/csv"
	"fmt"
	"strconv"
	"strings"
)

const deprecatedMark = " (deprecated)"

// parseConstants reads data/constants.csv: a header naming the ecosystems,
// then one row per code. A cell may hold several names joined with "|",
// current name first; a name the library deprecates ends in " (deprecated)".
func parseConstants(name string, src []byte) (map[int][]Constant, error) {
	r := csv.NewReader(strings.NewReader(string(src)))
	rows, err := r.ReadAll()
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if len(rows) == 0 || rows[0][0] != "code" {
		return nil, fmt.Errorf("%s: the first row must be the header, starting with \"code\"", name)
	}
	if len(rows[0]) != len(Ecosystems)+1 {
		return nil, fmt.Errorf("%s: the header has %d columns; the columns must be code,%s", name, len(rows[0]), joinEcosystems())
	}
	var ecos []Ecosystem
	for i, h := range rows[0][1:] {
		eco := Ecosystem(h)
		if i >= len(Ecosystems) || eco != Ecosystems[i] {
			return nil, fmt.Errorf("%s: column %d is %q; the columns must be code,%s", name, i+2, h, joinEcosystems())
		}
		ecos = append(ecos, eco)
	}
	out := map[int][]Constant{}
	for i, row := range rows[1:] {
		line := i + 2
		n, err := strconv.Atoi(row[0])
		if err != nil {
			return nil, fmt.Errorf("%s:%d: %q is not a status code", name, line, row[0])
		}
		if _, dup := out[n]; dup {
			return nil, fmt.Errorf("%s:%d: code %d has a second row", name, line, n)
		}
		out[n] = []Constant{}
		for j, cell := range row[1:] {
			out[n] = append(out[n], parseCell(ecos[j], cell)...)
		}
	}
	return out, nil
}

func parseCell(eco Ecosystem, cell string) []Constant {
	if cell == "" {
		return nil
	}
	var out []Constant
	current := ""
	for _, name := range strings.Split(cell, "|") {
		k := Constant{Ecosystem: eco, Name: strings.TrimSuffix(name, deprecatedMark)}
		k.Deprecated = k.Name != name
		if !k.Deprecated && current == "" {
			current = k.Name
		}
		out = append(out, k)
	}
	for i := range out {
		if out[i].Deprecated {
			out[i].Replacement = current
		}
	}
	return out
}

func joinEcosystems() string {
	s := make([]string, len(Ecosystems))
	for i, e := range Ecosystems {
		s[i] = string(e)
	}
	return strings.Join(s, ",")
}
