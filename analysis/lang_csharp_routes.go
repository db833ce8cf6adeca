package analysis

import (
	"strings"
)

// C# routes: ASP.NET Core.
//
//   - minimal APIs: x.MapGet/MapPost/MapPut/MapDelete/MapPatch(path,
//     handler), x.Map(path, handler) for every method and
//     x.MapMethods(path, new[] { "GET", … }, handler); a lambda's body is
//     the handler's, a method group (GetTodo, Todos.GetTodo) names it;
//     x.MapGroup("/p") prefixes what is mapped on it, through a variable
//     (var g = app.MapGroup("/api")) or a chain, groups in groups;
//   - controllers: the class's [Route("api/[controller]")] and an action's
//     [HttpGet], [HttpDelete("{id}")], [Route("…")] or
//     [AcceptVerbs("GET", "POST")]; [controller] is the class's name less
//     Controller, [action] the method's; an action's template that starts
//     with / or ~/ ignores the class's. The action's body is the handler's.
//
// A minimal API route is Mounted unless what it is mapped on leads, in the
// file, to the application (a receiver named app, or a variable set from
// ….Build() or WebApplication.Create…): an extension method's
// IEndpointRouteBuilder parameter may be a group made elsewhere. An action
// is Mounted when its class has no [Route] and derives from a class of
// its own, whose [Route] it inherits. UsePathBase, like a Spring context
// path, is the description's servers prefix, which the matcher allows.

// csVerbs are the minimal API methods that map one HTTP method.
var csVerbs = map[string]string{"MapGet": "GET", "MapPost": "POST", "MapPut": "PUT", "MapDelete": "DELETE", "MapPatch": "PATCH"}

// csHTTPAttributes are the attributes of an action's HTTP method.
var csHTTPAttributes = map[string]string{"HttpGet": "GET", "HttpPost": "POST", "HttpPut": "PUT", "HttpDelete": "DELETE",
	"HttpPatch": "PATCH", "HttpHead": "HEAD", "HttpOptions": "OPTIONS"}

// csNotMethod are the words before or at a "(" that do not make a method
// declaration.
var csNotMethod = map[string]bool{"new": true, "return": true, "throw": true, "else": true, "case": true, "if": true,
	"while": true, "for": true, "foreach": true, "switch": true, "catch": true, "using": true, "lock": true, "fixed": true,
	"await": true, "in": true, "is": true, "as": true, "when": true, "nameof": true, "typeof": true, "sizeof": true,
	"default": true, "async": true, "base": true, "this": true, "checked": true, "unchecked": true, "var": true, "yield": true}

func routesCSharp(path string, src []byte) *RouteFacts {
	s := &scan{lang: "csharp", src: src, toks: lexCSharp(src)}
	defer s.release()
	out := &RouteFacts{}
	s.csMinimal(out)
	out.StatusArgs = s.statusArgs(s.csDeclarations(out))
	return out
}

// csGroup is what a receiver of Map calls leads to: the prefix of the
// groups on the way, and whether it reaches the application.
type csGroup struct {
	prefix  *routePrefix
	mounted bool
}

// csMinimal reads the minimal API registrations, in the order of the
// file, so that a group variable is known where it is used.
func (s *scan) csMinimal(out *RouteFacts) {
	vars := map[string]csGroup{}
	// groups remembers the group each MapGroup call (by its ")") makes,
	// so a chain of groups is walked once.
	groups := map[int]csGroup{}
	for i := 0; i < len(s.toks); i++ {
		if s.toks[i].kind != tIdent || !s.is(i-1, ".") || !s.is(i+1, "(") {
			continue
		}
		name := s.text(i)
		switch {
		case name == "Build" && s.is(i+2, ")"), name == "CreateBuilder", name == "Create" && s.is(i-2, "WebApplication"):
			if v, ok := s.csAssigned(i - 2); ok && name == "Build" {
				vars[v] = csGroup{}
			}
		case name == "MapGroup":
			args, end := s.args(i + 1)
			g := s.csReceiver(i-2, vars, groups)
			if len(args) == 0 || args[0].to != args[0].from+1 || !s.csPlain(args[0].from) {
				g.mounted = true
			} else {
				g.prefix = g.prefix.under(stringContent(s.tok(args[0].from).text(s.src)))
			}
			groups[end] = g
			if v, ok := s.csAssigned(i - 2); ok {
				vars[v] = g
			}
		case csVerbs[name] != "" || name == "Map" || name == "MapMethods":
			args, _ := s.args(i + 1)
			methods, h := []string{csVerbs[name]}, 1
			if name == "MapMethods" {
				if len(args) < 3 {
					continue
				}
				methods, h = s.stringList(args[1]), 2
			}
			if len(args) <= h || args[0].to != args[0].from+1 || !s.csPlain(args[0].from) {
				continue
			}
			g := s.csReceiver(i-2, vars, groups)
			lit := s.tok(args[0].from)
			p := pathUnder(g.prefix.path(), stringContent(lit.text(s.src)))
			if !strings.HasPrefix(p, "/") {
				p = "/" + p
			}
			r := Route{Path: p, Mounted: g.mounted, Start: int(lit.start), End: int(lit.end)}
			// The handler is the last argument; a lambda's return type
			// (async Task<Results<Ok<T>, NotFound>> (…) => …) holds commas
			// outside any bracket, so it runs from args[h] to the end.
			if !s.csHandler(span{args[h].from, args[len(args)-1].to}, &r) {
				continue
			}
			for _, m := range methods {
				r.Method = m
				out.Routes = append(out.Routes, r)
			}
		}
	}
}

// csPlain reports whether token i is a string literal without holes: not
// interpolated, not a piece of one.
func (s *scan) csPlain(i int) bool {
	t := s.tok(i)
	if t.kind != tString {
		return false
	}
	lit := s.text(i)
	return (lit[0] == '"' || strings.HasPrefix(lit, `@"`)) && strings.HasSuffix(lit, `"`) && len(strings.TrimLeft(lit, `@`)) >= 2
}

// csAssigned returns the variable that the expression whose last receiver
// token is end (app in app.MapGroup) is assigned to, when it starts one:
// var g = app.MapGroup(…), g = …, RouteGroupBuilder g = ….
func (s *scan) csAssigned(end int) (string, bool) {
	k := end
	for s.tok(k).kind == tIdent && s.is(k-1, ".") && s.tok(k-2).kind == tIdent {
		k -= 2
	}
	if s.tok(k).kind != tIdent || !s.is(k-1, "=") || s.tok(k-2).kind != tIdent {
		return "", false
	}
	return s.text(k - 2), true
}

// csReceiver follows the receiver whose last token is end back to a
// variable or a name: the groups of a chain (app.MapGroup("/a").MapGroup("/b")),
// other calls of the chain (WithTags, RequireAuthorization) passed through.
func (s *scan) csReceiver(end int, vars map[string]csGroup, groups map[int]csGroup) csGroup {
	// Every call the walk passes leads to the same group: each is
	// remembered, so a long chain of calls is walked once.
	var passed []int
	g := s.csWalk(end, vars, groups, &passed)
	for _, c := range passed {
		groups[c] = g
	}
	return g
}

func (s *scan) csWalk(end int, vars map[string]csGroup, groups map[int]csGroup, passed *[]int) csGroup {
	for {
		switch {
		case s.is(end, ")"):
			if g, ok := groups[end]; ok {
				return g
			}
			*passed = append(*passed, end)
			open := s.openingParen(end)
			if open < 2 || s.tok(open-1).kind != tIdent || !s.is(open-2, ".") {
				return csGroup{mounted: true}
			}
			// A MapGroup call is in groups, as it comes before; any
			// other call passes its receiver's group through.
			end = open - 3
		case s.tok(end).kind == tIdent:
			name := s.text(end)
			if g, ok := vars[name]; ok {
				return g
			}
			return csGroup{mounted: name != "app"}
		default:
			return csGroup{mounted: true}
		}
	}
}

// csHandler reads a handler argument into r: a lambda's or anonymous
// method's body, or the method a method group names. It says false for
// anything else.
func (s *scan) csHandler(a span, r *Route) bool {
	for k := a.from; k < a.to; k++ {
		switch {
		case s.is(k, "=>") || s.is(k, "delegate"):
			b := k + 1
			if s.is(k, "delegate") {
				b = k + 1
				if s.is(b, "(") {
					b = s.closing(b) + 1
				}
			}
			if b >= a.to {
				return false
			}
			last := a.to - 1
			if s.is(b, "{") {
				last = s.closing(b)
			}
			if last >= len(s.toks) || last < b {
				return false
			}
			r.BodyStart, r.BodyEnd = int(s.tok(b).start), int(s.tok(last).end)
			return true
		case s.opens(k):
			k = s.closing(k)
		}
	}
	last := a.to - 1
	for k := a.from; k <= last; k++ {
		if s.tok(k).kind != tIdent && !s.is(k, ".") {
			return false
		}
	}
	if s.tok(last).kind != tIdent {
		return false
	}
	r.Handler = s.text(last)
	return true
}

// csAttribute is one attribute: its name less any Attribute suffix, its
// name token and the "(" of its arguments or -1.
type csAttribute struct {
	name          string
	at, tok, open int
}

// csDeclarations reads the classes and their methods: the file's
// functions, and the routes of attribute-routed controllers. It returns
// the methods with bodies, for statusArgs.
func (s *scan) csDeclarations(out *RouteFacts) []helperFunc {
	var helpers []helperFunc
	type class struct {
		close   int
		name    string
		routes  []routeLit
		mounted bool
		isClass bool
	}
	var classes []class
	var attrs []csAttribute
	for i := 0; i < len(s.toks); i++ {
		for len(classes) > 0 && i >= classes[len(classes)-1].close {
			classes = classes[:len(classes)-1]
		}
		t := s.toks[i]
		switch {
		case s.is(i, "[") && (i == 0 || s.is(i-1, ";") || s.is(i-1, "{") || s.is(i-1, "}") || s.is(i-1, "]")):
			end := s.closing(i)
			attrs = append(attrs, s.csAttributes(i, end)...)
			i = end
		case t.kind == tIdent && s.is(i, "namespace"):
			k := i + 1
			for k < len(s.toks) && !s.is(k, "{") && !s.is(k, ";") {
				k++
			}
			if s.is(k, "{") {
				classes = append(classes, class{close: s.closing(k)})
			}
			attrs = attrs[:0]
			i = k
		case t.kind == tIdent && (s.is(i, "class") || s.is(i, "struct") || s.is(i, "interface") || s.is(i, "record")) &&
			!s.is(i-1, ".") && s.tok(i+1).kind == tIdent:
			name := i + 1
			if s.is(name, "class") || s.is(name, "struct") { // record class R
				name++
			}
			body, base := s.csClassBody(name + 1)
			if body < 0 {
				attrs = attrs[:0]
				continue
			}
			c := class{close: s.closing(body), name: s.text(name), isClass: true}
			for _, a := range attrs {
				if a.name == "Route" {
					if lit, ok := s.csTemplate(a); ok {
						c.routes = append(c.routes, lit)
					}
				}
			}
			c.mounted = len(c.routes) == 0 && base != "" && base != "Controller" && base != "ControllerBase"
			classes = append(classes, c)
			attrs = attrs[:0]
			i = body
		case t.kind == tIdent && s.is(i+1, "(") && !csNotMethod[s.text(i)] &&
			(s.tok(i-1).kind == tIdent && !csNotMethod[s.text(i-1)] || s.is(i-1, ">") || s.is(i-1, ">>") || s.is(i-1, ">>>") || s.is(i-1, "]") || s.is(i-1, "?")):
			f, last, ok := s.csMethod(i)
			if !ok {
				continue
			}
			if f.BodyEnd > 0 {
				out.Funcs = append(out.Funcs, f)
				helpers = append(helpers, helperFunc{name: f.Name, params: s.paramNames(i+1, false), from: i + 2, to: last})
			}
			if len(classes) > 0 && classes[len(classes)-1].isClass {
				c := classes[len(classes)-1]
				s.csActionRoutes(out, attrs, c.name, c.routes, c.mounted, f)
			}
			attrs = attrs[:0]
			i = last
		case s.is(i, "{"):
			i = s.closing(i)
			attrs = attrs[:0]
		case s.is(i, ";") || s.is(i, "}") || s.is(i, "="):
			attrs = attrs[:0]
		}
	}
	return helpers
}

// csClassBody returns the "{" of the body of the class whose header
// follows its name at token i, and the first type of its base list; -1
// when it has none (record R(int X);).
func (s *scan) csClassBody(i int) (int, string) {
	base := ""
	for k := i; k < len(s.toks); k++ {
		switch {
		case s.is(k, "{"):
			return k, base
		case s.is(k, "(") || s.is(k, "["):
			k = s.closing(k)
		case s.is(k, ":") && base == "":
			// The last name of a dotted one: Microsoft.AspNetCore.Mvc.ControllerBase.
			j := k + 1
			for s.tok(j).kind == tIdent && s.is(j+1, ".") {
				j += 2
			}
			base = s.text(j)
		case s.is(k, ";") || s.is(k, "}") || s.is(k, "=") || s.is(k, "struct") || s.is(k, "interface") ||
			s.is(k, "class") && !s.is(k-1, ":") && !s.is(k-1, ","): // where T : class is a constraint
			return -1, base
		}
	}
	return -1, base
}

// csMethod reads the method declaration whose name is token name: it
// returns the method, with its body's span when it has one, and the index
// of its last token. It says false when what follows the parameters is no
// method's.
func (s *scan) csMethod(name int) (Func, int, bool) {
	closeParen := s.closing(name + 1)
	k := closeParen + 1
	// Constraints and a constructor's initializer come before the body.
	if s.is(k, "where") || s.is(k, ":") {
		// Bounded: a name followed by a ":" is as often a label or a
		// named argument, and would otherwise walk to the file's end.
		for k < len(s.toks) && k < closeParen+256 && !s.is(k, "{") && !s.is(k, "=>") && !s.is(k, ";") {
			if s.opens(k) {
				k = s.closing(k)
			}
			k++
		}
	}
	f := Func{Name: s.text(name)}
	last := k
	switch {
	case s.is(k, "{"):
		last = s.closing(k)
		if last >= len(s.toks) {
			return f, len(s.toks) - 1, false
		}
	case s.is(k, "=>"):
		last = k + 1
		for last < len(s.toks) && !s.is(last, ";") && !s.is(last, "}") {
			if s.opens(last) {
				last = s.closing(last)
			}
			last++
		}
		last--
		if last <= k || last >= len(s.toks) {
			return f, k, false
		}
		k++
	case s.is(k, ";"):
		return f, k, true // an interface's or an abstract method: named, no body
	default:
		return f, name, false
	}
	f.BodyStart, f.BodyEnd = int(s.tok(k).start), int(s.tok(last).end)
	return f, last, true
}

// csAttributes reads the attributes of the list between the brackets at
// open and end: [HttpGet("{id}"), Authorize].
func (s *scan) csAttributes(open, end int) []csAttribute {
	var out []csAttribute
	k := open + 1
	if s.tok(k).kind == tIdent && s.is(k+1, ":") { // [return: …], [assembly: …]
		return nil
	}
	for k < end {
		for s.tok(k).kind == tIdent && s.is(k+1, ".") {
			k += 2
		}
		if s.tok(k).kind != tIdent {
			return out
		}
		a := csAttribute{name: strings.TrimSuffix(s.text(k), "Attribute"), at: open, tok: k, open: -1}
		k++
		if s.is(k, "(") {
			a.open = k
			k = s.closing(k) + 1
		}
		out = append(out, a)
		if !s.is(k, ",") {
			return out
		}
		k++
	}
	return out
}

// csTemplate reads an attribute's route template: its first argument
// when not named, or its template: (or Template =) argument. Without one
// the template is implied and spans the attribute's name; false when the
// template is not a plain literal.
func (s *scan) csTemplate(a csAttribute) (routeLit, bool) {
	implied := routeLit{start: int(s.tok(a.tok).start), end: int(s.tok(a.tok).end)}
	if a.open < 0 {
		return implied, true
	}
	args, _ := s.args(a.open)
	var v span
	switch {
	case len(args) > 0 && !s.is(args[0].from+1, ":") && !s.is(args[0].from+1, "="):
		v = args[0]
	default:
		var ok bool
		if v, ok = s.keyword(args, "template", ":"); !ok {
			if v, ok = s.keyword(args, "Route", "="); !ok {
				return implied, true
			}
		}
	}
	if v.to != v.from+1 || !s.csPlain(v.from) {
		return routeLit{}, false
	}
	t := s.tok(v.from)
	return routeLit{text: stringContent(t.text(s.src)), start: int(t.start), end: int(t.end)}, true
}

// csActionRoutes adds the routes of the action f, whose attributes are
// attrs, in the class named class with the route templates prefixes.
func (s *scan) csActionRoutes(out *RouteFacts, attrs []csAttribute, class string, prefixes []routeLit, mounted bool, f Func) {
	type verb struct {
		method string
		lit    routeLit
		has    bool // a template of its own
	}
	var verbs []verb
	var templates []routeLit
	for _, a := range attrs {
		switch {
		case a.name == "NonAction":
			return
		case csHTTPAttributes[a.name] != "":
			lit, ok := s.csTemplate(a)
			if !ok {
				continue
			}
			verbs = append(verbs, verb{csHTTPAttributes[a.name], lit, lit.start != int(s.tok(a.tok).start)})
		case a.name == "AcceptVerbs" && a.open >= 0:
			args, _ := s.args(a.open)
			lit := routeLit{start: int(s.tok(a.tok).start), end: int(s.tok(a.tok).end)}
			has := false
			if v, ok := s.keyword(args, "Route", "="); ok {
				if v.to != v.from+1 || !s.csPlain(v.from) {
					continue
				}
				t := s.tok(v.from)
				lit, has = routeLit{text: stringContent(t.text(s.src)), start: int(t.start), end: int(t.end)}, true
			}
			for _, a := range args {
				if a.to == a.from+1 && s.csPlain(a.from) {
					verbs = append(verbs, verb{strings.ToUpper(stringContent(s.tok(a.from).text(s.src))), lit, has})
				}
			}
		case a.name == "Route":
			if lit, ok := s.csTemplate(a); ok {
				templates = append(templates, lit)
			}
		}
	}
	type action struct {
		method string
		lit    routeLit
		given  bool // the action writes a template
	}
	var actions []action
	for _, v := range verbs {
		switch {
		case v.has:
			actions = append(actions, action{v.method, v.lit, true})
		case len(templates) > 0:
			for _, t := range templates {
				actions = append(actions, action{v.method, t, true})
			}
		default:
			actions = append(actions, action{v.method, v.lit, false})
		}
	}
	if len(verbs) == 0 {
		for _, t := range templates {
			actions = append(actions, action{"", t, true})
		}
	}
	routed := len(prefixes) > 0
	if !routed {
		prefixes = []routeLit{{}}
	}
	controller := strings.TrimSuffix(class, "Controller")
	// A route's code starts at the action's first attribute: a
	// [ProducesResponseType] or a filter beside the verb is the action's.
	start := f.BodyStart
	if len(attrs) > 0 && f.BodyEnd > 0 {
		start = int(s.tok(attrs[0].at).start)
	}
	for _, a := range actions {
		t := a.lit.text
		absolute := strings.HasPrefix(t, "/") || strings.HasPrefix(t, "~/")
		for _, c := range prefixes {
			if len(prefixes) > 1 && absolute && c != prefixes[0] {
				break // one route for an absolute template
			}
			p := strings.TrimPrefix(t, "~")
			if !absolute {
				if !routed && !a.given {
					// Neither the class nor the action gives a template:
					// conventional routing, whose paths are elsewhere.
					continue
				}
				p = pathUnder(c.text, t)
			}
			p = csTokens(p, controller, f.Name)
			if !strings.HasPrefix(p, "/") {
				p = "/" + p
			}
			r := Route{Method: a.method, Path: p, Mounted: mounted && !absolute, Start: a.lit.start, End: a.lit.end,
				BodyStart: start, BodyEnd: f.BodyEnd}
			if f.BodyEnd == 0 {
				r.Handler = f.Name
			}
			out.Routes = append(out.Routes, r)
		}
	}
}

// csTokens replaces the route tokens [controller] and [action] (in any
// case) of an attribute route's template.
func csTokens(p, controller, action string) string {
	if !strings.Contains(p, "[") {
		return p
	}
	var b strings.Builder
	for {
		open := strings.IndexByte(p, '[')
		if open < 0 {
			break
		}
		end := strings.IndexByte(p[open:], ']')
		if end < 0 {
			break
		}
		b.WriteString(p[:open])
		switch tok := p[open+1 : open+end]; {
		case strings.EqualFold(tok, "controller"):
			b.WriteString(controller)
		case strings.EqualFold(tok, "action"):
			b.WriteString(action)
		default:
			b.WriteString(p[open : open+end+1])
		}
		p = p[open+end+1:]
	}
	b.WriteString(p)
	return b.String()
}
