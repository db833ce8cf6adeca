package javascript

import (
	"strings"

	"github.com/httpcodes/httpcodes/analysis/internal/facts"
	"github.com/httpcodes/httpcodes/analysis/internal/lex"
)

// JavaScript/TypeScript routes: Express (app.get, router.post, a Router
// mounted in the same file with app.use('/prefix', router),
// router.route('/p').get(h).delete(h2)), Fastify (fastify.get), NestJS
// (@Controller('orders') and @Get(':id') on a method). One pass over the
// tokens after two cheap ones for the routers the file declares and
// mounts; a function stack gives the bodies of named functions and the
// helpers that send their parameter as the status.

func init() {
	facts.LanguageNamed("javascript").Routes = jsRoutes
	facts.LanguageNamed("typescript").Routes = jsRoutes
}

// jsRouteMethods are the registration methods of Express and Fastify.
var jsRouteMethods = map[string]string{
	"get": "GET", "post": "POST", "put": "PUT", "patch": "PATCH", "delete": "DELETE", "del": "DELETE",
	"head": "HEAD", "options": "OPTIONS", "all": "",
}

// nestMethods are NestJS's method decorators.
var nestMethods = map[string]string{
	"Get": "GET", "Post": "POST", "Put": "PUT", "Patch": "PATCH", "Delete": "DELETE", "Head": "HEAD", "Options": "OPTIONS", "All": "",
}

// jsClients are receivers whose get/post send requests rather than
// register routes.
var jsClients = map[string]bool{
	"axios": true, "request": true, "superagent": true, "got": true, "ky": true, "http": true, "https": true,
	"client": true, "$http": true, "fetchMock": true, "nock": true, "cy": true, "agent": true, "api": true,
	"supertest": true, "chai": true, "this": true, "cache": true, "map": true, "params": true, "headers": true,
	"searchParams": true, "query": true, "store": true, "localStorage": true, "config": true,
}

// jsNotFuncNames are keywords that a method shorthand's name cannot be.
var jsNotFuncNames = map[string]bool{
	"if": true, "for": true, "while": true, "switch": true, "catch": true, "function": true, "return": true,
	"with": true, "constructor": false, "super": true, "new": true, "typeof": true, "await": true,
}

type jsRouter struct {
	app     bool   // express() or fastify(): the root of the routes
	mountOn string // the router it is mounted on with use(prefix, it)
	prefix  string
}

type jsRoutes_ struct {
	*lex.Scan
	facts   *facts.RouteFacts
	routers map[string]*jsRouter
}

func jsRoutes(path string, src []byte) *facts.RouteFacts {
	toks := LexJS(src, nil)
	r := &jsRoutes_{Scan: lex.NewScan(facts.LanguageOf(path), src, toks), facts: &facts.RouteFacts{}, routers: map[string]*jsRouter{}}
	r.declarations()
	r.walk()
	return r.facts
}

// declarations reads `x = express()`, `x = express.Router()`,
// `x = Fastify()` and `app.use('/prefix', x)`.
func (r *jsRoutes_) declarations() {
	for i := 0; i+2 < len(r.Toks); i++ {
		if r.Toks[i].Kind == lex.TIdent && r.Is(i+1, "=") {
			j := i + 2
			if r.Is(j, "new") || r.Is(j, "await") {
				j++
			}
			// express(), express.Router(), Router(), require('express').Router()
			for k := j; k < j+8 && k < len(r.Toks) && !r.Is(k, ";"); k++ {
				switch r.Text(k) {
				case "express", "fastify", "Fastify", "Koa":
					if r.Is(k+1, "(") && !r.Is(k-1, ".") {
						r.routers[r.Text(i)] = &jsRouter{app: true}
					}
				case "Router":
					if r.Is(k+1, "(") {
						r.routers[r.Text(i)] = &jsRouter{}
					}
				}
				if r.routers[r.Text(i)] != nil {
					break
				}
			}
		}
		// x.use('/prefix', [middleware…,] router)
		if r.Is(i, ".") && r.Is(i+1, "use") && r.Is(i+2, "(") && r.Tok(i-1).Kind == lex.TIdent {
			args, _ := r.Call(i + 2)
			if len(args) >= 2 {
				p, ok := r.pathAt(args[0])
				last := args[len(args)-1]
				if ok && last.To == last.From+1 && r.Tok(last.From).Kind == lex.TIdent {
					name := r.Text(last.From)
					if r.routers[name] == nil {
						r.routers[name] = &jsRouter{}
					}
					r.routers[name].mountOn, r.routers[name].prefix = r.Text(i-1), p
				}
			}
		}
	}
}

// prefixOf returns the prefix the file gives a router, and whether it is
// mounted under one the file does not show (imported, exported, a
// plugin's parameter).
func (r *jsRoutes_) prefixOf(name string) (string, bool) {
	p := ""
	for range 8 {
		rt := r.routers[name]
		switch {
		case rt == nil:
			return p, true
		case rt.app:
			return p, false
		case rt.mountOn == "":
			return p, true
		}
		p = rt.prefix + p
		name = rt.mountOn
	}
	return p, true
}

// pathAt reads a string literal argument that is a path.
func (r *jsRoutes_) pathAt(a lex.Span) (string, bool) {
	if a.To != a.From+1 || r.Tok(a.From).Kind != lex.TString {
		return "", false
	}
	s := lex.StringContent(r.Tok(a.From).Text(r.Src))
	if strings.Contains(s, "${") {
		return "", false
	}
	return s, true
}

type jsFunc struct {
	name   string
	params []string
	close  int // the token closing its body
}

func (r *jsRoutes_) walk() {
	var stack []jsFunc
	helpers := map[string]int{}
	type ctrl struct {
		prefix string
		close  int
	}
	var controller *ctrl
	var calls []int // indexes of identifiers followed by (, for helper calls
	for i := 0; i < len(r.Toks); i++ {
		for len(stack) > 0 && i > stack[len(stack)-1].close {
			stack = stack[:len(stack)-1]
		}
		if controller != nil && i > controller.close {
			controller = nil
		}
		t := r.Toks[i]
		if t.Kind != lex.TIdent && !r.Is(i, "@") {
			continue
		}
		switch {
		case r.Is(i, "@"):
			// NestJS decorators.
			name := r.Text(i + 1)
			if name == "Controller" && r.Is(i+2, "(") {
				args, end := r.Call(i + 2)
				p := ""
				if len(args) > 0 {
					if s, ok := r.pathAt(args[0]); ok {
						p = s
					} else if v, ok := r.Keyword(args, "path", ":"); ok {
						p, _ = r.pathAt(v)
					}
				}
				// The class the decorator is on: its body.
				for k := end + 1; k < end+12 && k < len(r.Toks); k++ {
					if r.Is(k, "{") {
						controller = &ctrl{prefix: p, close: r.Closing(k)}
						break
					}
				}
				continue
			}
			method, isMethod := nestMethods[name]
			if !isMethod || controller == nil || !r.Is(i+2, "(") {
				continue
			}
			args, end := r.Call(i + 2)
			p := ""
			lit := lex.Span{From: i + 1, To: i + 2}
			if len(args) > 0 {
				s, ok := r.pathAt(args[0])
				if !ok {
					continue
				}
				p, lit = s, args[0]
			}
			_, close := r.methodBody(end + 1)
			if close < 0 {
				continue
			}
			route := facts.Route{Method: method, Path: joinPath(controller.prefix, p), Mounted: true,
				Start: int(r.Tok(lit.From).Start), End: int(r.Tok(lit.To - 1).End),
				// The span starts at the decorator: @HttpCode(204) after it
				// sends the method's status.
				BodyStart: int(r.Tok(i).Start), BodyEnd: int(r.Tok(close).Start)}
			r.facts.Routes = append(r.facts.Routes, route)
			continue
		}
		name := r.Text(i)
		// Functions: function f(…) {…}, f = (…) => {…}, f(…) {…} in a class.
		if f, body, ok := r.function(i); ok {
			r.facts.Funcs = append(r.facts.Funcs, facts.Func{Name: f.name, BodyStart: int(r.Tok(body).End), BodyEnd: int(r.Tok(f.close).Start)})
			stack = append(stack, f)
		}
		// A helper that sends its parameter: res.status(code).
		if (name == "status" || name == "sendStatus" || name == "code") && r.Is(i-1, ".") && r.Is(i+1, "(") && r.Is(i+3, ")") && len(stack) > 0 {
			top := stack[len(stack)-1]
			for k, p := range top.params {
				if r.Is(i+2, p) && top.name != "" {
					helpers[top.name] = k
				}
			}
		}
		// Or throws it: throw new HttpException(message, code).
		if name == "HttpException" && r.Is(i-1, "new") && r.Is(i+1, "(") && len(stack) > 0 {
			args, _ := r.Call(i + 1)
			top := stack[len(stack)-1]
			if n := len(args); n >= 2 && args[n-1].To == args[n-1].From+1 && top.name != "" {
				for k, p := range top.params {
					if r.Is(args[n-1].From, p) {
						helpers[top.name] = k
					}
				}
			}
		}
		if r.Is(i+1, "(") && !r.Is(i-1, ".") {
			calls = append(calls, i)
		}
		// Registrations: x.get('/p', …, h), x.route('/p').get(h).delete(h).
		if !r.Is(i+1, ".") || jsClients[name] || r.Is(i-1, ".") {
			continue
		}
		verb := r.Text(i + 2)
		if verb == "route" && r.Is(i+3, "(") {
			args, end := r.Call(i + 3)
			if len(args) != 1 {
				continue
			}
			p, ok := r.pathAt(args[0])
			if !ok {
				continue
			}
			prefix, mounted := r.prefixOf(name)
			lit := r.Tok(args[0].From)
			for k := end + 1; r.Is(k, ".") && r.Is(k+2, "("); {
				m, isVerb := jsRouteMethods[r.Text(k+1)]
				margs, mend := r.Call(k + 2)
				if isVerb && len(margs) > 0 {
					route := facts.Route{Method: m, Path: prefix + p, Mounted: mounted, Start: int(lit.Start), End: int(lit.End)}
					if r.handler(&route, margs[len(margs)-1], 0) {
						r.facts.Routes = append(r.facts.Routes, route)
					}
				}
				k = mend + 1
			}
			continue
		}
		m, isVerb := jsRouteMethods[verb]
		if !isVerb || !r.Is(i+3, "(") {
			continue
		}
		args, _ := r.Call(i + 3)
		if len(args) < 2 {
			continue
		}
		p, ok := r.pathAt(args[0])
		if !ok || !strings.HasPrefix(p, "/") && p != "" && p != "*" {
			continue
		}
		prefix, mounted := r.prefixOf(name)
		lit := r.Tok(args[0].From)
		route := facts.Route{Method: m, Path: prefix + p, Mounted: mounted, Start: int(lit.Start), End: int(lit.End)}
		if r.handler(&route, args[len(args)-1], 0) {
			r.facts.Routes = append(r.facts.Routes, route)
		}
	}
	for _, i := range calls {
		k, ok := helpers[r.Text(i)]
		if !ok {
			continue
		}
		args, _ := r.Call(i + 1)
		if k >= len(args) || args[k].To != args[k].From+1 {
			continue
		}
		if code, ok := r.IntAt(args[k].From); ok {
			t := r.Tok(args[k].From)
			r.facts.StatusArgs = append(r.facts.StatusArgs, facts.StatusArg{Start: int(t.Start), End: int(t.End), Code: code})
		}
	}
}

// joinPath joins a NestJS controller's path and a method's.
func joinPath(a, b string) string {
	a, b = strings.Trim(a, "/"), strings.Trim(b, "/")
	switch {
	case a == "" && b == "":
		return "/"
	case a == "":
		return "/" + b
	case b == "":
		return "/" + a
	}
	return "/" + a + "/" + b
}

// methodBody finds, after a method decorator, the body of the method it
// decorates: other decorators and modifiers, the name, the parameters, a
// return type, then {. It returns the braces' indexes, or -1.
func (r *jsRoutes_) methodBody(i int) (open, close int) {
	for limit := i + 64; i < limit && i < len(r.Toks); {
		switch {
		case r.Is(i, "@"):
			i += 2
			if r.Is(i, "(") {
				i = r.Closing(i) + 1
			}
		case r.Is(i, "("):
			i = r.Closing(i) + 1
			for k := i; k < limit && k < len(r.Toks); k++ {
				if r.Is(k, "{") && !r.Is(k-1, ":") && !r.Is(k-1, "<") {
					return k, r.Closing(k)
				}
				if r.Is(k, ";") || r.Is(k, "}") {
					return -1, -1
				}
			}
			return -1, -1
		default:
			i++
		}
	}
	return -1, -1
}

// function reads a function that starts at token i: `function f(…) {`,
// `f = (…) => {`, `f = async x => {`, `f = function(…) {`, or a method
// `f(…) {` / `async f(…): T {`.
func (r *jsRoutes_) function(i int) (jsFunc, int, bool) {
	name := r.Text(i)
	var paramsOpen int
	switch {
	case name == "function":
		j := i + 1
		if r.Is(j, "*") {
			j++
		}
		if r.Tok(j).Kind != lex.TIdent || !r.Is(j+1, "(") {
			return jsFunc{}, 0, false
		}
		name, paramsOpen = r.Text(j), j+1
	case r.Is(i+1, "=") || r.Is(i+1, ":") && (r.Is(i+2, "function") || r.Is(i+2, "async")):
		j := i + 2
		if r.Is(j, "async") {
			j++
		}
		if r.Is(j, "function") {
			j++
			if r.Tok(j).Kind == lex.TIdent {
				j++
			}
		}
		switch {
		case r.Is(j, "("):
			paramsOpen = j
		case r.Tok(j).Kind == lex.TIdent && r.Is(j+1, "=>"):
			if !r.Is(j+2, "{") {
				return jsFunc{}, 0, false
			}
			return jsFunc{name: name, params: []string{r.Text(j)}, close: r.Closing(j + 2)}, j + 2, true
		default:
			return jsFunc{}, 0, false
		}
	case r.Is(i+1, "(") && !jsNotFuncNames[name] && (r.Is(i-1, "{") || r.Is(i-1, "}") || r.Is(i-1, ";") ||
		r.Is(i-1, "async") || r.Is(i-1, "static") || r.Is(i-1, "public") || r.Is(i-1, "private") || r.Is(i-1, "protected")):
		paramsOpen = i + 1
	default:
		return jsFunc{}, 0, false
	}
	args, end := r.Call(paramsOpen)
	k := end + 1
	if r.Is(k, "=>") {
		k++
	} else if r.Is(k, ":") {
		// A return type: up to the body's brace, within a few tokens.
		for limit := k + 24; k < limit && k < len(r.Toks) && !r.Is(k, "{") && !r.Is(k, ";") && !r.Is(k, "=>"); k++ {
		}
		if r.Is(k, "=>") {
			k++
		}
	}
	if !r.Is(k, "{") {
		return jsFunc{}, 0, false
	}
	f := jsFunc{name: name, close: r.Closing(k)}
	for _, a := range args {
		if a.To > a.From && r.Tok(a.From).Kind == lex.TIdent {
			f.params = append(f.params, r.Text(a.From))
		}
	}
	return f, k, true
}

// handler reads a registration's handler argument: a function written in
// place, a name (h, ctrl.cancel), or either wrapped (asyncHandler(h)). It
// reports whether it found one.
func (r *jsRoutes_) handler(route *facts.Route, a lex.Span, depth int) bool {
	if a.To <= a.From {
		return false
	}
	first := a.From
	if r.Is(first, "async") {
		first++
	}
	switch {
	case r.Is(first, "function") || r.Is(first, "("):
		for k := first; k < a.To; k++ {
			if r.Is(k, "{") {
				route.BodyStart, route.BodyEnd = int(r.Tok(k).End), int(r.Tok(r.Closing(k)).Start)
				return true
			}
			if r.Is(k, "(") {
				k = r.Closing(k)
			}
		}
		return false
	case r.Tok(first).Kind == lex.TIdent && r.Is(first+1, "=>"):
		if r.Is(first+2, "{") {
			route.BodyStart, route.BodyEnd = int(r.Tok(first+2).End), int(r.Tok(r.Closing(first+2)).Start)
			return true
		}
		return false
	case r.Tok(a.To-1).Kind == lex.TIdent && (a.To-1 == a.From || r.Is(a.To-2, ".")):
		// h, ctrl.cancel, this.cancel
		route.Handler = r.Text(a.To - 1)
		return true
	case r.Is(a.To-1, ")") && depth < 3:
		open := r.OpeningParen(a.To - 1)
		if open > a.From {
			args, _ := r.Call(open)
			if len(args) > 0 {
				return r.handler(route, args[len(args)-1], depth+1)
			}
			// A factory called without arguments (b2bOrder()): the
			// handler it returns is written in its body.
			if r.Tok(open-1).Kind == lex.TIdent && (open-1 == a.From || r.Is(open-2, ".")) {
				route.Handler = r.Text(open - 1)
				return true
			}
		}
	}
	return false
}
