package python

import (
	"bytes"
	"strings"

	"github.com/httpcodes/httpcodes/analysis/internal/facts"
	"github.com/httpcodes/httpcodes/analysis/internal/lex"
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
func pyPrefix(s *lex.Scan, v lex.Span) (string, bool) {
	if v.To == v.From+1 && s.Tok(v.From).Kind == lex.TString && pyPlainString(s.Text(v.From)) {
		return pyLiteral(s.Text(v.From)), false
	}
	return "", true
}

// routesPython reads a file's FastAPI and Flask routes and its functions.
func routesPython(path string, src []byte) *facts.RouteFacts {
	toks := LexPython(src)
	s := &lex.Scan{Lang: "python", Src: src, Toks: toks}
	defer s.Release()
	out := &facts.RouteFacts{}
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
		if toks[i].Kind != lex.TIdent || !s.Is(i+1, "(") {
			continue
		}
		switch name := s.Text(i); name {
		case "APIRouter", "FastAPI", "Blueprint", "Flask", "Quart":
			// name = APIRouter(…) or name: APIRouter = APIRouter(…)
			k := i - 1
			if s.Is(k, ".") { // fastapi.APIRouter(…)
				k -= 2
			}
			if !s.Is(k, "=") {
				continue
			}
			target := k - 1
			if s.Is(k-2, ":") { // r: APIRouter = APIRouter()
				target = k - 3
			}
			if s.Tok(target).Kind != lex.TIdent || !stmtLineStart(s, target) {
				continue
			}
			r := router(s.Text(target))
			args, _ := s.Args(i + 1)
			key := "prefix"
			if name == "Blueprint" {
				key = "url_prefix"
			}
			if v, ok := s.Keyword(args, key, "="); ok {
				r.prefix, r.unknown = pyPrefix(s, v)
			}
			r.app = name == "FastAPI" || name == "Flask" || name == "Quart"
		case "include_router", "register_blueprint":
			if !s.Is(i-1, ".") || s.Tok(i-2).Kind != lex.TIdent {
				continue
			}
			args, _ := s.Args(i + 1)
			key := "prefix"
			if name == "register_blueprint" {
				key = "url_prefix"
			}
			v, hasPrefix := s.Keyword(args, key, "=")
			if hasPrefix {
				// Whatever is mounted (a name, or a call that builds it),
				// the project serves routes under this prefix.
				if via, unknown := pyPrefix(s, v); !unknown && strings.Trim(via, "/") != "" {
					out.MountPrefixes = append(out.MountPrefixes, via)
				}
			}
			if len(args) == 0 || args[0].To != args[0].From+1 || s.Tok(args[0].From).Kind != lex.TIdent {
				continue
			}
			r := router(s.Text(args[0].From))
			r.parent, r.included, r.replace, r.via = s.Text(i-2), true, false, ""
			if hasPrefix {
				r.via, r.viaUnknown = pyPrefix(s, v)
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
		prefix  *lex.RoutePrefix
		mounted bool
	}
	memo := map[string]resolved{}
	own := func(r *pyRouter) string {
		if r.replace {
			return r.via
		}
		return lex.PathUnder(r.via, r.prefix)
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
			base = resolved{base.prefix.Under(own(r)), base.mounted || r.viaUnknown || r.unknown && !r.replace}
			memo[chain[k]] = base
		}
		return base.prefix.Path(), base.mounted
	}

	// The second pass reads the functions, with their bodies, and the
	// routes: decorators wait for the def they decorate.
	type openDef struct {
		col, fn int
		name    string
	}
	var defs []openDef
	var pending []facts.Route
	// helpers are the defs as statusArgs reads them, one per Func.
	var helpers []lex.HelperFunc
	closeDefs := func(col, last int) {
		for len(defs) > 0 && defs[len(defs)-1].col >= col {
			d := defs[len(defs)-1]
			defs = defs[:len(defs)-1]
			if f := &out.Funcs[d.fn]; f.BodyStart > 0 && last >= 0 {
				f.BodyEnd = max(f.BodyStart, int(toks[last].End))
				helpers[d.fn].To = last
			}
		}
	}
	for i := 0; i < len(toks); i++ {
		if toks[i].Kind == lex.TNewline {
			continue
		}
		lineStart := i == 0 || toks[i-1].Kind == lex.TNewline
		if lineStart {
			col := pyColumn(src, int(toks[i].Start))
			closeDefs(col, i-2)
			if !s.Is(i, "@") && !s.Is(i, "def") && !(s.Is(i, "async") && s.Is(i+1, "def")) {
				pending = pending[:0]
			}
		}
		switch {
		case lineStart && s.Is(i, "@"):
			pending = pyDecoratorRoutes(s, i+1, pending, prefixOf)
		case s.Is(i, "def") && s.Tok(i+1).Kind == lex.TIdent && (lineStart || s.Is(i-1, "async") || s.Is(i-1, ";") || s.Is(i-1, ":")):
			col := pyColumn(src, int(toks[i].Start))
			if s.Is(i-1, "async") {
				col = pyColumn(src, int(toks[i-1].Start))
			}
			f := facts.Func{Name: s.Text(i + 1)}
			h := lex.HelperFunc{Name: f.Name, From: len(toks), To: -1}
			if start, ok := pyDefBody(s, i+2); ok {
				f.BodyStart = int(toks[start].Start)
				f.BodyEnd = int(toks[start].End)
				h.Params, h.From, h.To = s.ParamNames(i+2, true), start, start
			}
			out.Funcs = append(out.Funcs, f)
			helpers = append(helpers, h)
			defs = append(defs, openDef{col: col, fn: len(out.Funcs) - 1, name: f.Name})
			for _, r := range pending {
				r.BodyEnd = -len(out.Funcs) // the def's body, resolved below
				out.Routes = append(out.Routes, r)
			}
			pending = pending[:0]
		case toks[i].Kind == lex.TIdent && (s.Is(i, "add_url_rule") || s.Is(i, "add_api_route")) && s.Is(i-1, ".") && s.Is(i+1, "("):
			out.Routes = append(out.Routes, pyAddRoute(s, i, prefixOf)...)
		}
	}
	last := len(toks) - 1
	for last >= 0 && toks[last].Kind == lex.TNewline {
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
	var bodies []lex.HelperFunc
	for _, h := range helpers {
		if h.To >= h.From {
			bodies = append(bodies, h)
		}
	}
	out.StatusArgs = s.StatusArgs(bodies)
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
func stmtLineStart(s *lex.Scan, i int) bool {
	return i == 0 || i > 0 && i < len(s.Toks) && (s.Toks[i-1].Kind == lex.TNewline || s.Is(i-1, ";"))
}

// pyColumn returns the column of the byte at off: its indentation when it
// starts a line. Only a line's blanks lie between it and the line break.
func pyColumn(src []byte, off int) int {
	return off - (bytes.LastIndexByte(src[:off], '\n') + 1)
}

// pyDefBody returns the first token of the body of the def whose
// parameters open at token open: after the header's ":", on its line or
// the next.
func pyDefBody(s *lex.Scan, open int) (int, bool) {
	if !s.Is(open, "(") {
		return 0, false
	}
	for i := s.Closing(open) + 1; i < len(s.Toks); i++ {
		switch {
		case s.Toks[i].Kind == lex.TNewline || s.Is(i, "def"):
			return 0, false
		case s.Opens(i):
			i = s.Closing(i)
		case s.Is(i, ":"):
			if s.Tok(i+1).Kind == lex.TNewline {
				i++
			}
			if i+1 < len(s.Toks) {
				return i + 1, true
			}
			return 0, false
		}
	}
	return 0, false
}

// pyDecoratorRoutes reads the decorator whose dotted name starts at token
// i and appends the routes it registers.
func pyDecoratorRoutes(s *lex.Scan, i int, pending []facts.Route, prefixOf func(string) (string, bool)) []facts.Route {
	j := i
	for s.Tok(j).Kind == lex.TIdent && s.Is(j+1, ".") {
		j += 2
	}
	if j == i || s.Tok(j).Kind != lex.TIdent || !s.Is(j+1, "(") {
		return pending
	}
	routes := pyRegistration(s, i, j, prefixOf, false)
	for k := range routes {
		routes[k].BodyStart = int(s.Tok(i - 1).Start)
	}
	return append(pending, routes...)
}

// pyAddRoute reads x.add_url_rule(…) or x.add_api_route(…) whose name is
// token i.
func pyAddRoute(s *lex.Scan, i int, prefixOf func(string) (string, bool)) []facts.Route {
	k := i - 1
	for k >= 1 && s.Is(k, ".") && s.Tok(k-1).Kind == lex.TIdent {
		k -= 2
	}
	return pyRegistration(s, k+1, i, prefixOf, true)
}

// pyRegistration reads the call whose receiver runs from token recv to
// the method name at token name: the path, the methods, and for
// add_url_rule and add_api_route the handler named.
func pyRegistration(s *lex.Scan, recv, name int, prefixOf func(string) (string, bool), named bool) []facts.Route {
	method := s.Text(name)
	var methods []string
	switch method {
	case "get", "post", "put", "delete", "patch", "head", "options", "trace":
		methods = []string{strings.ToUpper(method)}
	case "route", "api_route", "add_url_rule", "add_api_route":
		methods = []string{"GET"}
	default:
		return nil
	}
	args, _ := s.Args(name + 1)
	var path lex.Span
	if len(args) > 0 && !s.Is(args[0].From+1, "=") {
		path = args[0]
	} else if v, ok := s.Keyword(args, "path", "="); ok {
		path = v
	} else if v, ok := s.Keyword(args, "rule", "="); ok {
		path = v
	}
	if path.To != path.From+1 || s.Tok(path.From).Kind != lex.TString || !pyPlainString(s.Text(path.From)) {
		return nil
	}
	if v, ok := s.Keyword(args, "methods", "="); ok {
		methods = s.StringList(v)
	}
	handler := ""
	if named {
		var h lex.Span
		switch {
		case method == "add_url_rule" && len(args) > 2 && !s.Is(args[2].From+1, "="):
			h = args[2]
		case method == "add_api_route" && len(args) > 1 && !s.Is(args[1].From+1, "="):
			h = args[1]
		default:
			key := "view_func"
			if method == "add_api_route" {
				key = "endpoint"
			}
			h, _ = s.Keyword(args, key, "=")
		}
		if h.To == h.From || s.Tok(h.To-1).Kind != lex.TIdent {
			return nil
		}
		handler = s.Text(h.To - 1)
	}
	prefix, mounted := prefixOf(s.SpanText(recv, name-1))
	p := lex.PathUnder(prefix, pyLiteral(s.Text(path.From)))
	t := s.Tok(path.From)
	var out []facts.Route
	for _, m := range methods {
		r := facts.Route{Method: m, Path: p, Mounted: mounted, Start: int(t.Start), End: int(t.End), Handler: handler}
		out = append(out, r)
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
	return lex.StringContent([]byte(lit))
}
