package lex

import (
	"strings"
)

// stringList reads the upper-cased strings of a list, tuple or set
// literal: methods=["GET", "post"].
func (s *Scan) StringList(v Span) []string {
	var out []string
	for k := v.From; k < v.To; k++ {
		if s.Tok(k).Kind == TString {
			out = append(out, strings.ToUpper(StringContent(s.Tok(k).Text(s.Src))))
		}
	}
	return out
}

// pathUnder puts a route's path under a prefix, with one slash between
// them: Flask's and Spring's joining, and FastAPI's for the paths it
// accepts (which start with a slash). An empty path is the prefix itself.
func PathUnder(prefix, p string) string {
	switch {
	case prefix == "":
		return p
	case p == "":
		return prefix
	}
	return strings.TrimRight(prefix, "/") + "/" + strings.TrimLeft(p, "/")
}

// routePrefix is a prefix as a chain of the segments that make it, each
// under its parent: a chain of groups or routers shares its parents'
// segments rather than each holding a copy of the whole, and the path is
// built once asked for.
type RoutePrefix struct {
	parent *RoutePrefix
	seg    string
	built  string
	done   bool
}

// under returns the prefix seg under p; an empty seg adds nothing.
func (p *RoutePrefix) Under(seg string) *RoutePrefix {
	if seg == "" {
		return p
	}
	return &RoutePrefix{parent: p, seg: seg}
}

// path is the prefix written out.
func (p *RoutePrefix) Path() string {
	if p == nil {
		return ""
	}
	if p.done {
		return p.built
	}
	var segs []string
	for q := p; q != nil; q = q.parent {
		if q.done {
			segs = append(segs, q.built)
			break
		}
		segs = append(segs, q.seg)
	}
	out := ""
	for k := len(segs) - 1; k >= 0; k-- {
		out = PathUnder(out, segs[k])
	}
	p.built, p.done = out, true
	return out
}
