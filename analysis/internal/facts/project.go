package facts

import (
	"cmp"
	"path/filepath"
	"slices"
	"strings"
)

// Operations answers, for the code of one file, which operations of the
// project's API description it answers: the project's join of routes,
// handlers and descriptions. The workspace implements it over every file
// of the project; an analysis without one judges no operation.
type Operations interface {
	// OperationsAt returns the operations whose handler holds the offset
	// of the file: the innermost handler's, one per route registered for
	// it that matches an operation.
	OperationsAt(path string, off int) []*Operation
	// RouteAt returns the route whose path literal holds the offset, and
	// the operations it matches.
	RouteAt(path string, off int) (*Route, []*Operation)
	// StatusArgs returns the file's literal codes passed to a helper of
	// the file that sends them (RouteFacts.StatusArgs).
	StatusArgs(path string) []StatusArg
}

// Project is the join of a project's routes and its descriptions: for each
// file, the spans of handler code and the operations they answer. It is
// immutable once built.
type Project struct {
	descs  []*Description
	spans  map[string][]apiSpan
	routes map[string][]apiRoute
	args   map[string][]StatusArg
	// mounts are the prefixes the project's files mount routers under
	// (RouteFacts.MountPrefixes), as segments joined by "/".
	mounts map[string]bool
}

type apiSpan struct {
	start, end int
	ops        []*Operation
}

type apiRoute struct {
	route Route
	ops   []*Operation
}

// NewProject joins the route facts of a project's files (by path) to its
// descriptions. A route with a named handler finds the handler's Func in
// the same file first, else in the one file of the project that declares
// it; a name declared in several other files is left alone.
func NewProject(descs []*Description, files map[string]*RouteFacts) *Project {
	a := &Project{descs: descs, spans: map[string][]apiSpan{}, routes: map[string][]apiRoute{}, args: map[string][]StatusArg{}}
	if len(descs) == 0 {
		return a
	}
	type funcAt struct {
		path string
		fn   Func
	}
	funcs := map[string][]funcAt{}
	paths := make([]string, 0, len(files))
	for p := range files {
		paths = append(paths, p)
	}
	slices.Sort(paths)
	for _, p := range paths {
		for _, m := range files[p].MountPrefixes {
			if a.mounts == nil {
				a.mounts = map[string]bool{}
			}
			a.mounts[strings.Join(pathSegments(m), "/")] = true
		}
		if len(files[p].StatusArgs) > 0 {
			a.args[p] = files[p].StatusArgs
		}
		for _, fn := range files[p].Funcs {
			funcs[fn.Name] = append(funcs[fn.Name], funcAt{p, fn})
		}
	}
	for _, p := range paths {
		for _, r := range files[p].Routes {
			ops := a.match(p, r)
			a.routes[p] = append(a.routes[p], apiRoute{r, ops})
			if len(ops) == 0 {
				continue
			}
			if r.BodyEnd > r.BodyStart {
				a.spans[p] = append(a.spans[p], apiSpan{r.BodyStart, r.BodyEnd, ops})
				continue
			}
			if r.Handler == "" {
				continue
			}
			cands := funcs[r.Handler]
			var same []funcAt
			for _, c := range cands {
				if c.path == p {
					same = append(same, c)
				}
			}
			if len(same) > 0 {
				cands = same
			}
			if len(cands) != 1 {
				continue
			}
			c := cands[0]
			a.spans[c.path] = append(a.spans[c.path], apiSpan{c.fn.BodyStart, c.fn.BodyEnd, ops})
		}
	}
	for p, spans := range a.spans {
		slices.SortFunc(spans, func(x, y apiSpan) int {
			return cmp.Or(cmp.Compare(x.start, y.start), cmp.Compare(y.end, x.end))
		})
		a.spans[p] = spans
	}
	return a
}

// Descriptions returns the descriptions the project joins.
func (a *Project) Descriptions() []*Description { return a.descs }

// OperationsAt implements Operations: the operations of the innermost
// handler span holding off, merged over the routes that share the span.
func (a *Project) OperationsAt(path string, off int) []*Operation {
	if a == nil {
		return nil
	}
	var best []*Operation
	bestLen := -1
	for _, s := range a.spans[path] {
		if s.start > off {
			break
		}
		if off >= s.end {
			continue
		}
		switch l := s.end - s.start; {
		case bestLen < 0 || l < bestLen:
			best, bestLen = append([]*Operation(nil), s.ops...), l
		case l == bestLen:
			for _, op := range s.ops {
				if !slices.Contains(best, op) {
					best = append(best, op)
				}
			}
		}
	}
	return best
}

// StatusArgs implements Operations.
func (a *Project) StatusArgs(path string) []StatusArg {
	if a == nil {
		return nil
	}
	return a.args[path]
}

// RouteAt implements Operations.
func (a *Project) RouteAt(path string, off int) (*Route, []*Operation) {
	if a == nil {
		return nil, nil
	}
	for i := range a.routes[path] {
		r := &a.routes[path][i]
		if r.route.Start <= off && off < r.route.End {
			return &r.route, r.ops
		}
	}
	return nil, nil
}

// Match returns the operations a route answers:
//   - the paths match segment by segment, whatever the parameters' syntax
//     and names ({id}, {id:int}, :id, <int:id>, *), a trailing slash
//     aside, with the description's server or basePath prefix on the
//     route or not;
//   - a Mounted route (its router is mounted under a prefix the file does
//     not show) matches the one documented path that ends with its own at
//     a segment boundary, and nothing when several do; neither this nor
//     the exact match holds when the project mounts its routers under
//     literal prefixes none of which is the description's server path
//     (see mountedElsewhere);
//   - the methods are equal; a route for every method (Method "") matches
//     only a path that documents a single method, since which one the
//     handler answers cannot be told.
func (a *Project) Match(r Route) []*Operation { return a.match("", r) }

// within reports whether the file at path lies under the directory dir.
func within(path, dir string) bool {
	return strings.HasPrefix(filepath.ToSlash(path), strings.TrimSuffix(filepath.ToSlash(dir), "/")+"/")
}

// match is Match for a route of the file at path: only the descriptions
// whose scope holds the file are read ("" reads them all).
func (a *Project) match(path string, r Route) []*Operation {
	segs := pathSegments(r.Path)
	var exact, mounted []*Operation
	mountedPaths := map[string]bool{}
	for _, d := range a.descs {
		if path != "" && slices.ContainsFunc(d.Others, func(dir string) bool { return within(path, dir) }) {
			continue
		}
		elsewhere := r.Mounted && a.mountedElsewhere(d)
		for _, op := range d.Operations {
			os := pathSegments(op.Path)
			if samePath(segs, os) && !elsewhere || prefixed(segs, os, d.Prefixes) {
				exact = append(exact, op)
				continue
			}
			if r.Mounted && !elsewhere && len(segs) > 0 && len(os) > len(segs) && slices.Equal(os[len(os)-len(segs):], segs) {
				mounted = append(mounted, op)
				mountedPaths[d.Path+"\x00"+strings.Join(os, "/")] = true
			}
		}
	}
	cands := exact
	if len(cands) == 0 && len(mountedPaths) == 1 {
		cands = mounted
	}
	if r.Method != "" {
		var out []*Operation
		for _, op := range cands {
			if op.Method == r.Method {
				out = append(out, op)
			}
		}
		return out
	}
	if len(cands) == 1 {
		return cands
	}
	return nil
}

// mountedElsewhere reports whether a Mounted route cannot be served under
// the description's server or basePath prefix: the description has one,
// and the project mounts its routers under literal prefixes none of which
// is that one (changedetection.io's RSS blueprint, url_prefix="/rss", is
// not its API at /api/v1). A project that shows no mount prefix keeps the
// route's match: its prefix may be added where it is deployed.
func (a *Project) mountedElsewhere(d *Description) bool {
	if len(a.mounts) == 0 || len(d.Prefixes) == 0 {
		return false
	}
	for _, p := range d.Prefixes {
		if a.mounts[strings.Join(pathSegments(p), "/")] {
			return false
		}
	}
	return true
}

func samePath(a, b []string) bool { return slices.Equal(a, b) }

// prefixed reports whether route segments are a prefix's followed by an
// operation's.
func prefixed(route, op []string, prefixes []string) bool {
	for _, p := range prefixes {
		ps := pathSegments(p)
		if len(route) == len(ps)+len(op) && slices.Equal(route[:len(ps)], ps) && slices.Equal(route[len(ps):], op) {
			return true
		}
	}
	return false
}

// pathSegments splits a path into its segments, each parameter written
// "{}" whatever its syntax; empty segments (a trailing or doubled slash)
// are dropped.
func pathSegments(p string) []string {
	var out []string
	for _, s := range strings.Split(p, "/") {
		if s == "" {
			continue
		}
		out = append(out, segmentShape(s))
	}
	return out
}

// segmentShape writes a segment's parameters as "{}": :id, *, *path,
// {id}, {id:int}, {*rest}, <int:id>, and parameters inside a segment
// ("{name}.json", "file.:ext").
func segmentShape(s string) string {
	if s[0] == ':' || s[0] == '*' {
		// Express's :name stops at the first character not of a name
		// (":name.json"); a catch-all takes the rest.
		i := 1
		for i < len(s) && (s[i] == '_' || 'a' <= s[i]|0x20 && s[i]|0x20 <= 'z' || '0' <= s[i] && s[i] <= '9') {
			i++
		}
		if s[0] == '*' || i == len(s) || s[i] == '(' || s[i] == '?' {
			return "{}"
		}
		return "{}" + segmentShape(s[i:])
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '{', '<':
			closer := byte('}')
			if c == '<' {
				closer = '>'
			}
			depth, j := 0, i
			for ; j < len(s); j++ {
				if s[j] == c {
					depth++
				} else if s[j] == closer {
					depth--
					if depth == 0 {
						break
					}
				}
			}
			b.WriteString("{}")
			i = j
		case ':':
			// "file.:ext": a parameter to the end of the segment.
			b.WriteString("{}")
			return b.String()
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}
