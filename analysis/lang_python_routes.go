package analysis

import (
	"bytes"
	"strings"
)

// Python routes: FastAPI and Flask.
//
//   - decorators @x.get/post/put/delete/patch/head/options/trace(path),
//     @x.route(path, methods=[…]) (no methods: GET) and
//     @x.api_route(path, methods=[…]) on a def, whose body is the handler's;
//     x.add_url_rule(path, endpoint, view_func) and
//     x.add_api_route(path, endpoint, methods=[…]) name theirs;
//   - x = APIRouter(prefix="/p") and x = Blueprint(…, url_prefix="/p") give
//     x's routes a prefix; y.include_router(x, prefix="/q") and
//     y.register_blueprint(x, url_prefix="/q") in the same file put x's
//     routes under y's (register_blueprint's url_prefix replaces the
//     blueprint's own, include_router's goes before the router's);
//   - a route is Mounted unless its router leads, in the file, to an app
//     (x = FastAPI(…), x = Flask(…), or a receiver named app): a router or
//     blueprint of this file is included by another, which may add a prefix.

// pyRouter is what the file says of one name routes are registered on.
type pyRouter struct {
	prefix string
	app    bool
	// parent is the router this one is included in, with the prefix the
	// inclusion adds; replace says that prefix replaces the router's own.
	parent, via string
	replace     bool
	included    bool
	// unknown and viaUnknown say a prefix is not a plain literal
	// (prefix=settings.API_PREFIX): the routes may sit under anything.
	unknown, viaUnknown bool
}

// pyPrefix reads a prefix argument: a plain string literal, or unknown.
func (s *scan) pyPrefix(v span) (string, bool) {
	if v.to == v.from+1 && s.tok(v.from).kind == tString && pyPlainString(s.text(v.from)) {
		return pyLiteral(s.text(v.from)), false
	}
	return "", true
}

// routesPython reads a file's FastAPI and Flask routes and its functions.
func routesPython(path string, src []byte) *RouteFacts {
	toks := lexPython(src)
	s := &scan{lang: "python", src: src, toks: toks}
	defer s.release()
	out := &RouteFacts{}
	routers := map[string]*pyRouter{}
	router := func(name string) *pyRouter {
		r := routers[name]
		if r == nil {
			r = &pyRouter{}
			routers[name] = r
		}
		return r
	}
	// The first pass reads the routers and their inclusions, which may come
	// after the routes registered on them.
	for i := 0; i < len(toks); i++ {
		if toks[i].kind != tIdent || !s.is(i+1, "(") {
			continue
		}
		switch name := s.text(i); name {
		case "APIRouter", "FastAPI", "Blueprint", "Flask", "Quart":
			// name = APIRouter(…) or name: APIRouter = APIRouter(…)
			k := i - 1
			if s.is(k, ".") { // fastapi.APIRouter(…)
				k -= 2
			}
			if !s.is(k, "=") {
				continue
			}
			target := k - 1
			if s.is(k-2, ":") { // r: APIRouter = APIRouter()
				target = k - 3
			}
			if s.tok(target).kind != tIdent || !s.stmtLineStart(target) {
				continue
			}
			r := router(s.text(target))
			args, _ := s.args(i + 1)
			key := "prefix"
			if name == "Blueprint" {
				key = "url_prefix"
			}
			if v, ok := s.keyword(args, key, "="); ok {
				r.prefix, r.unknown = s.pyPrefix(v)
			}
			r.app = name == "FastAPI" || name == "Flask" || name == "Quart"
		case "include_router", "register_blueprint":
			if !s.is(i-1, ".") || s.tok(i-2).kind != tIdent {
				continue
			}
			args, _ := s.args(i + 1)
			if len(args) == 0 || args[0].to != args[0].from+1 || s.tok(args[0].from).kind != tIdent {
				continue
			}
			r := router(s.text(args[0].from))
			r.parent, r.included, r.replace, r.via = s.text(i-2), true, false, ""
			key := "prefix"
			if name == "register_blueprint" {
				key = "url_prefix"
			}
			if v, ok := s.keyword(args, key, "="); ok {
				r.via, r.viaUnknown = s.pyPrefix(v)
				r.replace = name == "register_blueprint"
			}
		}
	}
	// prefixOf composes the prefix of the routes registered on name, and
	// says whether they may be mounted elsewhere: unless the chain of
	// inclusions ends at an app with every prefix on the way known. Each
	// router's answer is kept, so a chain is walked once; a cycle ends the
	// walk as a router of elsewhere would.
	type resolved struct {
		prefix  *routePrefix
		mounted bool
	}
	memo := map[string]resolved{}
	own := func(r *pyRouter) string {
		if r.replace {
			return r.via
		}
		return pathUnder(r.via, r.prefix)
	}
	prefixOf := func(name string) (string, bool) {
		var chain []string
		seen := map[string]bool{}
		base := resolved{mounted: true}
		for {
			if m, ok := memo[name]; ok {
				base = m
				break
			}
			r := routers[name]
			if r == nil {
				// A receiver the file does not define: an app by its
				// name, else a router of another file.
				base.mounted = name != "app" && name != "application"
				break
			}
			if seen[name] {
				break
			}
			seen[name] = true
			chain = append(chain, name)
			if r.app || !r.included {
				break
			}
			name = r.parent
		}
		for k := len(chain) - 1; k >= 0; k-- {
			r := routers[chain[k]]
			switch {
			case r.app:
				base = resolved{mounted: false}
			case !r.included:
				base = resolved{mounted: true}
			}
			base = resolved{base.prefix.under(own(r)), base.mounted || r.viaUnknown || r.unknown && !r.replace}
			memo[chain[k]] = base
		}
		return base.prefix.path(), base.mounted
	}

	// The second pass reads the functions, with their bodies, and the
	// routes: decorators wait for the def they decorate.
	type openDef struct {
		col, fn int
		name    string
	}
	var defs []openDef
	var pending []Route
	// helpers are the defs as statusArgs reads them, one per Func.
	var helpers []helperFunc
	closeDefs := func(col, last int) {
		for len(defs) > 0 && defs[len(defs)-1].col >= col {
			d := defs[len(defs)-1]
			defs = defs[:len(defs)-1]
			if f := &out.Funcs[d.fn]; f.BodyStart > 0 && last >= 0 {
				f.BodyEnd = max(f.BodyStart, int(toks[last].end))
				helpers[d.fn].to = last
			}
		}
	}
	for i := 0; i < len(toks); i++ {
		if toks[i].kind == tNewline {
			continue
		}
		lineStart := i == 0 || toks[i-1].kind == tNewline
		if lineStart {
			col := pyColumn(src, int(toks[i].start))
			closeDefs(col, i-2)
			if !s.is(i, "@") && !s.is(i, "def") && !(s.is(i, "async") && s.is(i+1, "def")) {
				pending = pending[:0]
			}
		}
		switch {
		case lineStart && s.is(i, "@"):
			pending = s.pyDecoratorRoutes(i+1, pending, prefixOf)
		case s.is(i, "def") && s.tok(i+1).kind == tIdent && (lineStart || s.is(i-1, "async") || s.is(i-1, ";") || s.is(i-1, ":")):
			col := pyColumn(src, int(toks[i].start))
			if s.is(i-1, "async") {
				col = pyColumn(src, int(toks[i-1].start))
			}
			f := Func{Name: s.text(i + 1)}
			h := helperFunc{name: f.Name, from: len(toks), to: -1}
			if start, ok := s.pyDefBody(i + 2); ok {
				f.BodyStart = int(toks[start].start)
				f.BodyEnd = int(toks[start].end)
				h.params, h.from, h.to = s.paramNames(i+2, true), start, start
			}
			out.Funcs = append(out.Funcs, f)
			helpers = append(helpers, h)
			defs = append(defs, openDef{col: col, fn: len(out.Funcs) - 1, name: f.Name})
			for _, r := range pending {
				r.BodyEnd = -len(out.Funcs) // the def's body, resolved below
				out.Routes = append(out.Routes, r)
			}
			pending = pending[:0]
		case toks[i].kind == tIdent && (s.is(i, "add_url_rule") || s.is(i, "add_api_route")) && s.is(i-1, ".") && s.is(i+1, "("):
			out.Routes = append(out.Routes, s.pyAddRoute(i, prefixOf)...)
		}
	}
	last := len(toks) - 1
	for last >= 0 && toks[last].kind == tNewline {
		last--
	}
	closeDefs(-1, last)
	// Routes that waited for their def span from their decorator to its
	// body's end (the decorator's status_code= is the handler's), or name
	// it when the file ends before the body; a def without one is no Func.
	for k := range out.Routes {
		if r := &out.Routes[k]; r.BodyEnd < 0 {
			f := out.Funcs[-r.BodyEnd-1]
			r.BodyEnd = f.BodyEnd
			if f.BodyEnd == 0 {
				r.BodyStart, r.Handler = 0, f.Name
			}
		}
	}
	var bodies []helperFunc
	for _, h := range helpers {
		if h.to >= h.from {
			bodies = append(bodies, h)
		}
	}
	out.StatusArgs = s.statusArgs(bodies)
	funcs := out.Funcs[:0]
	for _, f := range out.Funcs {
		if f.BodyEnd > 0 {
			funcs = append(funcs, f)
		}
	}
	out.Funcs = funcs
	return out
}

// stmtLineStart reports whether token i starts a logical line.
func (s *scan) stmtLineStart(i int) bool {
	return i == 0 || i > 0 && i < len(s.toks) && (s.toks[i-1].kind == tNewline || s.is(i-1, ";"))
}

// pyColumn returns the column of the byte at off: its indentation when it
// starts a line. Only a line's blanks lie between it and the line break.
func pyColumn(src []byte, off int) int {
	return off - (bytes.LastIndexByte(src[:off], '\n') + 1)
}

// pyDefBody returns the first token of the body of the def whose
// parameters open at token open: after the header's ":", on its line or
// the next.
func (s *scan) pyDefBody(open int) (int, bool) {
	if !s.is(open, "(") {
		return 0, false
	}
	for i := s.closing(open) + 1; i < len(s.toks); i++ {
		switch {
		case s.toks[i].kind == tNewline || s.is(i, "def"):
			return 0, false
		case s.opens(i):
			i = s.closing(i)
		case s.is(i, ":"):
			if s.tok(i+1).kind == tNewline {
				i++
			}
			if i+1 < len(s.toks) {
				return i + 1, true
			}
			return 0, false
		}
	}
	return 0, false
}

// pyDecoratorRoutes reads the decorator whose dotted name starts at token
// i and appends the routes it registers.
func (s *scan) pyDecoratorRoutes(i int, pending []Route, prefixOf func(string) (string, bool)) []Route {
	j := i
	for s.tok(j).kind == tIdent && s.is(j+1, ".") {
		j += 2
	}
	if j == i || s.tok(j).kind != tIdent || !s.is(j+1, "(") {
		return pending
	}
	routes := s.pyRegistration(i, j, prefixOf, false)
	for k := range routes {
		routes[k].BodyStart = int(s.tok(i - 1).start)
	}
	return append(pending, routes...)
}

// pyAddRoute reads x.add_url_rule(…) or x.add_api_route(…) whose name is
// token i.
func (s *scan) pyAddRoute(i int, prefixOf func(string) (string, bool)) []Route {
	k := i - 1
	for k >= 1 && s.is(k, ".") && s.tok(k-1).kind == tIdent {
		k -= 2
	}
	return s.pyRegistration(k+1, i, prefixOf, true)
}

// pyRegistration reads the call whose receiver runs from token recv to
// the method name at token name: the path, the methods, and for
// add_url_rule and add_api_route the handler named.
func (s *scan) pyRegistration(recv, name int, prefixOf func(string) (string, bool), named bool) []Route {
	method := s.text(name)
	var methods []string
	switch method {
	case "get", "post", "put", "delete", "patch", "head", "options", "trace":
		methods = []string{strings.ToUpper(method)}
	case "route", "api_route", "add_url_rule", "add_api_route":
		methods = []string{"GET"}
	default:
		return nil
	}
	args, _ := s.args(name + 1)
	var path span
	if len(args) > 0 && !s.is(args[0].from+1, "=") {
		path = args[0]
	} else if v, ok := s.keyword(args, "path", "="); ok {
		path = v
	} else if v, ok := s.keyword(args, "rule", "="); ok {
		path = v
	}
	if path.to != path.from+1 || s.tok(path.from).kind != tString || !pyPlainString(s.text(path.from)) {
		return nil
	}
	if v, ok := s.keyword(args, "methods", "="); ok {
		methods = s.stringList(v)
	}
	handler := ""
	if named {
		var h span
		switch {
		case method == "add_url_rule" && len(args) > 2 && !s.is(args[2].from+1, "="):
			h = args[2]
		case method == "add_api_route" && len(args) > 1 && !s.is(args[1].from+1, "="):
			h = args[1]
		default:
			key := "view_func"
			if method == "add_api_route" {
				key = "endpoint"
			}
			h, _ = s.keyword(args, key, "=")
		}
		if h.to == h.from || s.tok(h.to-1).kind != tIdent {
			return nil
		}
		handler = s.text(h.to - 1)
	}
	prefix, mounted := prefixOf(s.spanText(recv, name-1))
	p := pathUnder(prefix, pyLiteral(s.text(path.from)))
	t := s.tok(path.from)
	var out []Route
	for _, m := range methods {
		r := Route{Method: m, Path: p, Mounted: mounted, Start: int(t.start), End: int(t.end), Handler: handler}
		out = append(out, r)
	}
	return out
}

// stringList reads the upper-cased strings of a list, tuple or set
// literal: methods=["GET", "post"].
func (s *scan) stringList(v span) []string {
	var out []string
	for k := v.from; k < v.to; k++ {
		if s.tok(k).kind == tString {
			out = append(out, strings.ToUpper(stringContent(s.tok(k).text(s.src))))
		}
	}
	return out
}

// pyPlainString reports whether a string literal is one without
// replacement fields: not an f-string, not bytes.
func pyPlainString(lit string) bool {
	for _, c := range []byte(lit) {
		switch c | 0x20 {
		case 'f', 't', 'b':
			return false
		case '"' | 0x20, '\'' | 0x20:
			return true
		}
	}
	return true
}

// pyLiteral is a plain string literal's text.
func pyLiteral(lit string) string {
	return stringContent([]byte(lit))
}

// pathUnder puts a route's path under a prefix, with one slash between
// them: Flask's and Spring's joining, and FastAPI's for the paths it
// accepts (which start with a slash). An empty path is the prefix itself.
func pathUnder(prefix, p string) string {
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
type routePrefix struct {
	parent *routePrefix
	seg    string
	built  string
	done   bool
}

// under returns the prefix seg under p; an empty seg adds nothing.
func (p *routePrefix) under(seg string) *routePrefix {
	if seg == "" {
		return p
	}
	return &routePrefix{parent: p, seg: seg}
}

// path is the prefix written out.
func (p *routePrefix) path() string {
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
		out = pathUnder(out, segs[k])
	}
	p.built, p.done = out, true
	return out
}
