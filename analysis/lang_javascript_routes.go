package analysis

import "strings"

// JavaScript/TypeScript routes: Express (app.get, router.post, a Router
// mounted in the same file with app.use('/prefix', router),
// router.route('/p').get(h).delete(h2)), Fastify (fastify.get), NestJS
// (@Controller('orders') and @Get(':id') on a method). One pass over the
// tokens after two cheap ones for the routers the file declares and
// mounts; a function stack gives the bodies of named functions and the
// helpers that send their parameter as the status.

func init() {
	languageNamed("javascript").routes = jsRoutes
	languageNamed("typescript").routes = jsRoutes
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
	*scan
	facts   *RouteFacts
	routers map[string]*jsRouter
}

func jsRoutes(path string, src []byte) *RouteFacts {
	toks := lexJS(src, nil)
	r := &jsRoutes_{scan: newScan(Language(path), src, toks), facts: &RouteFacts{}, routers: map[string]*jsRouter{}}
	r.declarations()
	r.walk()
	return r.facts
}

// declarations reads `x = express()`, `x = express.Router()`,
// `x = Fastify()` and `app.use('/prefix', x)`.
func (r *jsRoutes_) declarations() {
	for i := 0; i+2 < len(r.toks); i++ {
		if r.toks[i].kind == tIdent && r.is(i+1, "=") {
			j := i + 2
			if r.is(j, "new") || r.is(j, "await") {
				j++
			}
			// express(), express.Router(), Router(), require('express').Router()
			for k := j; k < j+8 && k < len(r.toks) && !r.is(k, ";"); k++ {
				switch r.text(k) {
				case "express", "fastify", "Fastify", "Koa":
					if r.is(k+1, "(") && !r.is(k-1, ".") {
						r.routers[r.text(i)] = &jsRouter{app: true}
					}
				case "Router":
					if r.is(k+1, "(") {
						r.routers[r.text(i)] = &jsRouter{}
					}
				}
				if r.routers[r.text(i)] != nil {
					break
				}
			}
		}
		// x.use('/prefix', [middleware…,] router)
		if r.is(i, ".") && r.is(i+1, "use") && r.is(i+2, "(") && r.tok(i-1).kind == tIdent {
			args, _ := r.call(i + 2)
			if len(args) >= 2 {
				p, ok := r.pathAt(args[0])
				last := args[len(args)-1]
				if ok && last.to == last.from+1 && r.tok(last.from).kind == tIdent {
					name := r.text(last.from)
					if r.routers[name] == nil {
						r.routers[name] = &jsRouter{}
					}
					r.routers[name].mountOn, r.routers[name].prefix = r.text(i-1), p
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
func (r *jsRoutes_) pathAt(a span) (string, bool) {
	if a.to != a.from+1 || r.tok(a.from).kind != tString {
		return "", false
	}
	s := stringContent(r.tok(a.from).text(r.src))
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
	for i := 0; i < len(r.toks); i++ {
		for len(stack) > 0 && i > stack[len(stack)-1].close {
			stack = stack[:len(stack)-1]
		}
		if controller != nil && i > controller.close {
			controller = nil
		}
		t := r.toks[i]
		if t.kind != tIdent && !r.is(i, "@") {
			continue
		}
		switch {
		case r.is(i, "@"):
			// NestJS decorators.
			name := r.text(i + 1)
			if name == "Controller" && r.is(i+2, "(") {
				args, end := r.call(i + 2)
				p := ""
				if len(args) > 0 {
					if s, ok := r.pathAt(args[0]); ok {
						p = s
					} else if v, ok := r.keyword(args, "path", ":"); ok {
						p, _ = r.pathAt(v)
					}
				}
				// The class the decorator is on: its body.
				for k := end + 1; k < end+12 && k < len(r.toks); k++ {
					if r.is(k, "{") {
						controller = &ctrl{prefix: p, close: r.closing(k)}
						break
					}
				}
				continue
			}
			method, isMethod := nestMethods[name]
			if !isMethod || controller == nil || !r.is(i+2, "(") {
				continue
			}
			args, end := r.call(i + 2)
			p := ""
			lit := span{i + 1, i + 2}
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
			route := Route{Method: method, Path: joinPath(controller.prefix, p), Mounted: true,
				Start: int(r.tok(lit.from).start), End: int(r.tok(lit.to - 1).end),
				// The span starts at the decorator: @HttpCode(204) after it
				// sends the method's status.
				BodyStart: int(r.tok(i).start), BodyEnd: int(r.tok(close).start)}
			r.facts.Routes = append(r.facts.Routes, route)
			continue
		}
		name := r.text(i)
		// Functions: function f(…) {…}, f = (…) => {…}, f(…) {…} in a class.
		if f, body, ok := r.function(i); ok {
			r.facts.Funcs = append(r.facts.Funcs, Func{Name: f.name, BodyStart: int(r.tok(body).end), BodyEnd: int(r.tok(f.close).start)})
			stack = append(stack, f)
		}
		// A helper that sends its parameter: res.status(code).
		if (name == "status" || name == "sendStatus" || name == "code") && r.is(i-1, ".") && r.is(i+1, "(") && r.is(i+3, ")") && len(stack) > 0 {
			top := stack[len(stack)-1]
			for k, p := range top.params {
				if r.is(i+2, p) && top.name != "" {
					helpers[top.name] = k
				}
			}
		}
		// Or throws it: throw new HttpException(message, code).
		if name == "HttpException" && r.is(i-1, "new") && r.is(i+1, "(") && len(stack) > 0 {
			args, _ := r.call(i + 1)
			top := stack[len(stack)-1]
			if n := len(args); n >= 2 && args[n-1].to == args[n-1].from+1 && top.name != "" {
				for k, p := range top.params {
					if r.is(args[n-1].from, p) {
						helpers[top.name] = k
					}
				}
			}
		}
		if r.is(i+1, "(") && !r.is(i-1, ".") {
			calls = append(calls, i)
		}
		// Registrations: x.get('/p', …, h), x.route('/p').get(h).delete(h).
		if !r.is(i+1, ".") || jsClients[name] || r.is(i-1, ".") {
			continue
		}
		verb := r.text(i + 2)
		if verb == "route" && r.is(i+3, "(") {
			args, end := r.call(i + 3)
			if len(args) != 1 {
				continue
			}
			p, ok := r.pathAt(args[0])
			if !ok {
				continue
			}
			prefix, mounted := r.prefixOf(name)
			lit := r.tok(args[0].from)
			for k := end + 1; r.is(k, ".") && r.is(k+2, "("); {
				m, isVerb := jsRouteMethods[r.text(k+1)]
				margs, mend := r.call(k + 2)
				if isVerb && len(margs) > 0 {
					route := Route{Method: m, Path: prefix + p, Mounted: mounted, Start: int(lit.start), End: int(lit.end)}
					if r.handler(&route, margs[len(margs)-1], 0) {
						r.facts.Routes = append(r.facts.Routes, route)
					}
				}
				k = mend + 1
			}
			continue
		}
		m, isVerb := jsRouteMethods[verb]
		if !isVerb || !r.is(i+3, "(") {
			continue
		}
		args, _ := r.call(i + 3)
		if len(args) < 2 {
			continue
		}
		p, ok := r.pathAt(args[0])
		if !ok || !strings.HasPrefix(p, "/") && p != "" && p != "*" {
			continue
		}
		prefix, mounted := r.prefixOf(name)
		lit := r.tok(args[0].from)
		route := Route{Method: m, Path: prefix + p, Mounted: mounted, Start: int(lit.start), End: int(lit.end)}
		if r.handler(&route, args[len(args)-1], 0) {
			r.facts.Routes = append(r.facts.Routes, route)
		}
	}
	for _, i := range calls {
		k, ok := helpers[r.text(i)]
		if !ok {
			continue
		}
		args, _ := r.call(i + 1)
		if k >= len(args) || args[k].to != args[k].from+1 {
			continue
		}
		if code, ok := r.intAt(args[k].from); ok {
			t := r.tok(args[k].from)
			r.facts.StatusArgs = append(r.facts.StatusArgs, StatusArg{Start: int(t.start), End: int(t.end), Code: code})
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
	for limit := i + 64; i < limit && i < len(r.toks); {
		switch {
		case r.is(i, "@"):
			i += 2
			if r.is(i, "(") {
				i = r.closing(i) + 1
			}
		case r.is(i, "("):
			i = r.closing(i) + 1
			for k := i; k < limit && k < len(r.toks); k++ {
				if r.is(k, "{") && !r.is(k-1, ":") && !r.is(k-1, "<") {
					return k, r.closing(k)
				}
				if r.is(k, ";") || r.is(k, "}") {
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
	name := r.text(i)
	var paramsOpen int
	switch {
	case name == "function":
		j := i + 1
		if r.is(j, "*") {
			j++
		}
		if r.tok(j).kind != tIdent || !r.is(j+1, "(") {
			return jsFunc{}, 0, false
		}
		name, paramsOpen = r.text(j), j+1
	case r.is(i+1, "=") || r.is(i+1, ":") && (r.is(i+2, "function") || r.is(i+2, "async")):
		j := i + 2
		if r.is(j, "async") {
			j++
		}
		if r.is(j, "function") {
			j++
			if r.tok(j).kind == tIdent {
				j++
			}
		}
		switch {
		case r.is(j, "("):
			paramsOpen = j
		case r.tok(j).kind == tIdent && r.is(j+1, "=>"):
			if !r.is(j+2, "{") {
				return jsFunc{}, 0, false
			}
			return jsFunc{name: name, params: []string{r.text(j)}, close: r.closing(j + 2)}, j + 2, true
		default:
			return jsFunc{}, 0, false
		}
	case r.is(i+1, "(") && !jsNotFuncNames[name] && (r.is(i-1, "{") || r.is(i-1, "}") || r.is(i-1, ";") ||
		r.is(i-1, "async") || r.is(i-1, "static") || r.is(i-1, "public") || r.is(i-1, "private") || r.is(i-1, "protected")):
		paramsOpen = i + 1
	default:
		return jsFunc{}, 0, false
	}
	args, end := r.call(paramsOpen)
	k := end + 1
	if r.is(k, "=>") {
		k++
	} else if r.is(k, ":") {
		// A return type: up to the body's brace, within a few tokens.
		for limit := k + 24; k < limit && k < len(r.toks) && !r.is(k, "{") && !r.is(k, ";") && !r.is(k, "=>"); k++ {
		}
		if r.is(k, "=>") {
			k++
		}
	}
	if !r.is(k, "{") {
		return jsFunc{}, 0, false
	}
	f := jsFunc{name: name, close: r.closing(k)}
	for _, a := range args {
		if a.to > a.from && r.tok(a.from).kind == tIdent {
			f.params = append(f.params, r.text(a.from))
		}
	}
	return f, k, true
}

// handler reads a registration's handler argument: a function written in
// place, a name (h, ctrl.cancel), or either wrapped (asyncHandler(h)). It
// reports whether it found one.
func (r *jsRoutes_) handler(route *Route, a span, depth int) bool {
	if a.to <= a.from {
		return false
	}
	first := a.from
	if r.is(first, "async") {
		first++
	}
	switch {
	case r.is(first, "function") || r.is(first, "("):
		for k := first; k < a.to; k++ {
			if r.is(k, "{") {
				route.BodyStart, route.BodyEnd = int(r.tok(k).end), int(r.tok(r.closing(k)).start)
				return true
			}
			if r.is(k, "(") {
				k = r.closing(k)
			}
		}
		return false
	case r.tok(first).kind == tIdent && r.is(first+1, "=>"):
		if r.is(first+2, "{") {
			route.BodyStart, route.BodyEnd = int(r.tok(first+2).end), int(r.tok(r.closing(first+2)).start)
			return true
		}
		return false
	case r.tok(a.to-1).kind == tIdent && (a.to-1 == a.from || r.is(a.to-2, ".")):
		// h, ctrl.cancel, this.cancel
		route.Handler = r.text(a.to - 1)
		return true
	case r.is(a.to-1, ")") && depth < 3:
		open := r.openingParen(a.to - 1)
		if open > a.from {
			args, _ := r.call(open)
			if len(args) > 0 {
				return r.handler(route, args[len(args)-1], depth+1)
			}
			// A factory called without arguments (b2bOrder()): the
			// handler it returns is written in its body.
			if r.tok(open-1).kind == tIdent && (open-1 == a.from || r.is(open-2, ".")) {
				route.Handler = r.text(open - 1)
				return true
			}
		}
	}
	return false
}
