package jvm

import (
	"strings"

	"github.com/httpcodes/httpcodes/analysis/internal/facts"
	"github.com/httpcodes/httpcodes/analysis/internal/lex"
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

func routesCSharp(path string, src []byte) *facts.RouteFacts {
	s := &lex.Scan{Lang: "csharp", Src: src, Toks: LexCSharp(src)}
	defer s.Release()
	out := &facts.RouteFacts{}
	csMinimal(s, out)
	out.StatusArgs = s.StatusArgs(csDeclarations(s, out))
	return out
}

// csGroup is what a receiver of Map calls leads to: the prefix of the
// groups on the way, and whether it reaches the application.
type csGroup struct {
	prefix  *lex.RoutePrefix
	mounted bool
}

// csMinimal reads the minimal API registrations, in the order of the
// file, so that a group variable is known where it is used.
func csMinimal(s *lex.Scan, out *facts.RouteFacts) {
	vars := map[string]csGroup{}
	// groups remembers the group each MapGroup call (by its ")") makes,
	// so a chain of groups is walked once.
	groups := map[int]csGroup{}
	for i := 0; i < len(s.Toks); i++ {
		if s.Toks[i].Kind != lex.TIdent || !s.Is(i-1, ".") || !s.Is(i+1, "(") {
			continue
		}
		name := s.Text(i)
		switch {
		case name == "Build" && s.Is(i+2, ")"), name == "CreateBuilder", name == "Create" && s.Is(i-2, "WebApplication"):
			if v, ok := csAssigned(s, i-2); ok && name == "Build" {
				vars[v] = csGroup{}
			}
		case name == "MapGroup":
			args, end := s.Args(i + 1)
			g := csReceiver(s, i-2, vars, groups)
			if len(args) == 0 || args[0].To != args[0].From+1 || !csPlain(s, args[0].From) {
				g.mounted = true
			} else {
				g.prefix = g.prefix.Under(lex.StringContent(s.Tok(args[0].From).Text(s.Src)))
			}
			groups[end] = g
			if v, ok := csAssigned(s, i-2); ok {
				vars[v] = g
			}
		case csVerbs[name] != "" || name == "Map" || name == "MapMethods":
			args, _ := s.Args(i + 1)
			methods, h := []string{csVerbs[name]}, 1
			if name == "MapMethods" {
				if len(args) < 3 {
					continue
				}
				methods, h = s.StringList(args[1]), 2
			}
			if len(args) <= h || args[0].To != args[0].From+1 || !csPlain(s, args[0].From) {
				continue
			}
			g := csReceiver(s, i-2, vars, groups)
			lit := s.Tok(args[0].From)
			p := lex.PathUnder(g.prefix.Path(), lex.StringContent(lit.Text(s.Src)))
			if !strings.HasPrefix(p, "/") {
				p = "/" + p
			}
			r := facts.Route{Path: p, Mounted: g.mounted, Start: int(lit.Start), End: int(lit.End)}
			// The handler is the last argument; a lambda's return type
			// (async Task<Results<Ok<T>, NotFound>> (…) => …) holds commas
			// outside any bracket, so it runs from args[h] to the end.
			if !csHandler(s, lex.Span{From: args[h].From, To: args[len(args)-1].To}, &r) {
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
func csPlain(s *lex.Scan, i int) bool {
	t := s.Tok(i)
	if t.Kind != lex.TString {
		return false
	}
	lit := s.Text(i)
	return (lit[0] == '"' || strings.HasPrefix(lit, `@"`)) && strings.HasSuffix(lit, `"`) && len(strings.TrimLeft(lit, `@`)) >= 2
}

// csAssigned returns the variable that the expression whose last receiver
// token is end (app in app.MapGroup) is assigned to, when it starts one:
// var g = app.MapGroup(…), g = …, RouteGroupBuilder g = ….
func csAssigned(s *lex.Scan, end int) (string, bool) {
	k := end
	for s.Tok(k).Kind == lex.TIdent && s.Is(k-1, ".") && s.Tok(k-2).Kind == lex.TIdent {
		k -= 2
	}
	if s.Tok(k).Kind != lex.TIdent || !s.Is(k-1, "=") || s.Tok(k-2).Kind != lex.TIdent {
		return "", false
	}
	return s.Text(k - 2), true
}

// csReceiver follows the receiver whose last token is end back to a
// variable or a name: the groups of a chain (app.MapGroup("/a").MapGroup("/b")),
// other calls of the chain (WithTags, RequireAuthorization) passed through.
func csReceiver(s *lex.Scan, end int, vars map[string]csGroup, groups map[int]csGroup) csGroup {
	// Every call the walk passes leads to the same group: each is
	// remembered, so a long chain of calls is walked once.
	var passed []int
	g := csWalk(s, end, vars, groups, &passed)
	for _, c := range passed {
		groups[c] = g
	}
	return g
}

func csWalk(s *lex.Scan, end int, vars map[string]csGroup, groups map[int]csGroup, passed *[]int) csGroup {
	for {
		switch {
		case s.Is(end, ")"):
			if g, ok := groups[end]; ok {
				return g
			}
			*passed = append(*passed, end)
			open := s.OpeningParen(end)
			if open < 2 || s.Tok(open-1).Kind != lex.TIdent || !s.Is(open-2, ".") {
				return csGroup{mounted: true}
			}
			// A MapGroup call is in groups, as it comes before; any
			// other call passes its receiver's group through.
			end = open - 3
		case s.Tok(end).Kind == lex.TIdent:
			name := s.Text(end)
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
func csHandler(s *lex.Scan, a lex.Span, r *facts.Route) bool {
	for k := a.From; k < a.To; k++ {
		switch {
		case s.Is(k, "=>") || s.Is(k, "delegate"):
			b := k + 1
			if s.Is(k, "delegate") {
				b = k + 1
				if s.Is(b, "(") {
					b = s.Closing(b) + 1
				}
			}
			if b >= a.To {
				return false
			}
			last := a.To - 1
			if s.Is(b, "{") {
				last = s.Closing(b)
			}
			if last >= len(s.Toks) || last < b {
				return false
			}
			r.BodyStart, r.BodyEnd = int(s.Tok(b).Start), int(s.Tok(last).End)
			return true
		case s.Opens(k):
			k = s.Closing(k)
		}
	}
	last := a.To - 1
	for k := a.From; k <= last; k++ {
		if s.Tok(k).Kind != lex.TIdent && !s.Is(k, ".") {
			return false
		}
	}
	if s.Tok(last).Kind != lex.TIdent {
		return false
	}
	r.Handler = s.Text(last)
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
func csDeclarations(s *lex.Scan, out *facts.RouteFacts) []lex.HelperFunc {
	var helpers []lex.HelperFunc
	type class struct {
		close   int
		name    string
		routes  []routeLit
		mounted bool
		isClass bool
	}
	var classes []class
	var attrs []csAttribute
	for i := 0; i < len(s.Toks); i++ {
		for len(classes) > 0 && i >= classes[len(classes)-1].close {
			classes = classes[:len(classes)-1]
		}
		t := s.Toks[i]
		switch {
		case s.Is(i, "[") && (i == 0 || s.Is(i-1, ";") || s.Is(i-1, "{") || s.Is(i-1, "}") || s.Is(i-1, "]")):
			end := s.Closing(i)
			attrs = append(attrs, csAttributes(s, i, end)...)
			i = end
		case t.Kind == lex.TIdent && s.Is(i, "namespace"):
			k := i + 1
			for k < len(s.Toks) && !s.Is(k, "{") && !s.Is(k, ";") {
				k++
			}
			if s.Is(k, "{") {
				classes = append(classes, class{close: s.Closing(k)})
			}
			attrs = attrs[:0]
			i = k
		case t.Kind == lex.TIdent && (s.Is(i, "class") || s.Is(i, "struct") || s.Is(i, "interface") || s.Is(i, "record")) &&
			!s.Is(i-1, ".") && s.Tok(i+1).Kind == lex.TIdent:
			name := i + 1
			if s.Is(name, "class") || s.Is(name, "struct") { // record class R
				name++
			}
			body, base := csClassBody(s, name+1)
			if body < 0 {
				attrs = attrs[:0]
				continue
			}
			c := class{close: s.Closing(body), name: s.Text(name), isClass: true}
			for _, a := range attrs {
				if a.name == "Route" {
					if lit, ok := csTemplate(s, a); ok {
						c.routes = append(c.routes, lit)
					}
				}
			}
			c.mounted = len(c.routes) == 0 && base != "" && base != "Controller" && base != "ControllerBase"
			classes = append(classes, c)
			attrs = attrs[:0]
			i = body
		case t.Kind == lex.TIdent && s.Is(i+1, "(") && !csNotMethod[s.Text(i)] &&
			(s.Tok(i-1).Kind == lex.TIdent && !csNotMethod[s.Text(i-1)] || s.Is(i-1, ">") || s.Is(i-1, ">>") || s.Is(i-1, ">>>") || s.Is(i-1, "]") || s.Is(i-1, "?")):
			f, last, ok := csMethod(s, i)
			if !ok {
				continue
			}
			if f.BodyEnd > 0 {
				out.Funcs = append(out.Funcs, f)
				helpers = append(helpers, lex.HelperFunc{Name: f.Name, Params: s.ParamNames(i+1, false), From: i + 2, To: last})
			}
			if len(classes) > 0 && classes[len(classes)-1].isClass {
				c := classes[len(classes)-1]
				csActionRoutes(s, out, attrs, c.name, c.routes, c.mounted, f)
			}
			attrs = attrs[:0]
			i = last
		case s.Is(i, "{"):
			i = s.Closing(i)
			attrs = attrs[:0]
		case s.Is(i, ";") || s.Is(i, "}") || s.Is(i, "="):
			attrs = attrs[:0]
		}
	}
	return helpers
}

// csClassBody returns the "{" of the body of the class whose header
// follows its name at token i, and the first type of its base list; -1
// when it has none (record R(int X);).
func csClassBody(s *lex.Scan, i int) (int, string) {
	base := ""
	for k := i; k < len(s.Toks); k++ {
		switch {
		case s.Is(k, "{"):
			return k, base
		case s.Is(k, "(") || s.Is(k, "["):
			k = s.Closing(k)
		case s.Is(k, ":") && base == "":
			// The last name of a dotted one: Microsoft.AspNetCore.Mvc.ControllerBase.
			j := k + 1
			for s.Tok(j).Kind == lex.TIdent && s.Is(j+1, ".") {
				j += 2
			}
			base = s.Text(j)
		case s.Is(k, ";") || s.Is(k, "}") || s.Is(k, "=") || s.Is(k, "struct") || s.Is(k, "interface") ||
			s.Is(k, "class") && !s.Is(k-1, ":") && !s.Is(k-1, ","): // where T : class is a constraint
			return -1, base
		}
	}
	return -1, base
}

// csMethod reads the method declaration whose name is token name: it
// returns the method, with its body's span when it has one, and the index
// of its last token. It says false when what follows the parameters is no
// method's.
func csMethod(s *lex.Scan, name int) (facts.Func, int, bool) {
	closeParen := s.Closing(name + 1)
	k := closeParen + 1
	// Constraints and a constructor's initializer come before the body.
	if s.Is(k, "where") || s.Is(k, ":") {
		// Bounded: a name followed by a ":" is as often a label or a
		// named argument, and would otherwise walk to the file's end.
		for k < len(s.Toks) && k < closeParen+256 && !s.Is(k, "{") && !s.Is(k, "=>") && !s.Is(k, ";") {
			if s.Opens(k) {
				k = s.Closing(k)
			}
			k++
		}
	}
	f := facts.Func{Name: s.Text(name)}
	last := k
	switch {
	case s.Is(k, "{"):
		last = s.Closing(k)
		if last >= len(s.Toks) {
			return f, len(s.Toks) - 1, false
		}
	case s.Is(k, "=>"):
		last = k + 1
		for last < len(s.Toks) && !s.Is(last, ";") && !s.Is(last, "}") {
			if s.Opens(last) {
				last = s.Closing(last)
			}
			last++
		}
		last--
		if last <= k || last >= len(s.Toks) {
			return f, k, false
		}
		k++
	case s.Is(k, ";"):
		return f, k, true // an interface's or an abstract method: named, no body
	default:
		return f, name, false
	}
	f.BodyStart, f.BodyEnd = int(s.Tok(k).Start), int(s.Tok(last).End)
	return f, last, true
}

// csAttributes reads the attributes of the list between the brackets at
// open and end: [HttpGet("{id}"), Authorize].
func csAttributes(s *lex.Scan, open, end int) []csAttribute {
	var out []csAttribute
	k := open + 1
	if s.Tok(k).Kind == lex.TIdent && s.Is(k+1, ":") { // [return: …], [assembly: …]
		return nil
	}
	for k < end {
		for s.Tok(k).Kind == lex.TIdent && s.Is(k+1, ".") {
			k += 2
		}
		if s.Tok(k).Kind != lex.TIdent {
			return out
		}
		a := csAttribute{name: strings.TrimSuffix(s.Text(k), "Attribute"), at: open, tok: k, open: -1}
		k++
		if s.Is(k, "(") {
			a.open = k
			k = s.Closing(k) + 1
		}
		out = append(out, a)
		if !s.Is(k, ",") {
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
func csTemplate(s *lex.Scan, a csAttribute) (routeLit, bool) {
	implied := routeLit{start: int(s.Tok(a.tok).Start), end: int(s.Tok(a.tok).End)}
	if a.open < 0 {
		return implied, true
	}
	args, _ := s.Args(a.open)
	var v lex.Span
	switch {
	case len(args) > 0 && !s.Is(args[0].From+1, ":") && !s.Is(args[0].From+1, "="):
		v = args[0]
	default:
		var ok bool
		if v, ok = s.Keyword(args, "template", ":"); !ok {
			if v, ok = s.Keyword(args, "Route", "="); !ok {
				return implied, true
			}
		}
	}
	if v.To != v.From+1 || !csPlain(s, v.From) {
		return routeLit{}, false
	}
	t := s.Tok(v.From)
	return routeLit{text: lex.StringContent(t.Text(s.Src)), start: int(t.Start), end: int(t.End)}, true
}

// csActionRoutes adds the routes of the action f, whose attributes are
// attrs, in the class named class with the route templates prefixes.
func csActionRoutes(s *lex.Scan, out *facts.RouteFacts, attrs []csAttribute, class string, prefixes []routeLit, mounted bool, f facts.Func) {
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
			lit, ok := csTemplate(s, a)
			if !ok {
				continue
			}
			verbs = append(verbs, verb{csHTTPAttributes[a.name], lit, lit.start != int(s.Tok(a.tok).Start)})
		case a.name == "AcceptVerbs" && a.open >= 0:
			args, _ := s.Args(a.open)
			lit := routeLit{start: int(s.Tok(a.tok).Start), end: int(s.Tok(a.tok).End)}
			has := false
			if v, ok := s.Keyword(args, "Route", "="); ok {
				if v.To != v.From+1 || !csPlain(s, v.From) {
					continue
				}
				t := s.Tok(v.From)
				lit, has = routeLit{text: lex.StringContent(t.Text(s.Src)), start: int(t.Start), end: int(t.End)}, true
			}
			for _, a := range args {
				if a.To == a.From+1 && csPlain(s, a.From) {
					verbs = append(verbs, verb{strings.ToUpper(lex.StringContent(s.Tok(a.From).Text(s.Src))), lit, has})
				}
			}
		case a.name == "Route":
			if lit, ok := csTemplate(s, a); ok {
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
		start = int(s.Tok(attrs[0].at).Start)
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
				p = lex.PathUnder(c.text, t)
			}
			p = csTokens(p, controller, f.Name)
			if !strings.HasPrefix(p, "/") {
				p = "/" + p
			}
			r := facts.Route{Method: a.method, Path: p, Mounted: mounted && !absolute, Start: a.lit.start, End: a.lit.end,
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
