package golang

import (
	"go/ast"
	"go/parser"
	"go/token"
	"strconv"
	"strings"

	"github.com/httpcodes/httpcodes/analysis/internal/facts"
	"github.com/httpcodes/httpcodes/codes"
)

// Go routes: net/http's ServeMux (Go 1.22 "METHOD /path" patterns), chi
// (Get…, Method, Route, Group, With, Mount), gin and echo (GET…, Group,
// Any, Handle), gorilla/mux (HandleFunc(…).Methods(…), PathPrefix(…)
// .Subrouter()). Routes are read from the syntax alone: a registration is
// a call of one of those methods with a string literal path and a
// handler; the prefixes of groups, sub-routers and Route closures are
// followed through the variables that hold them, in one walk of the file.

func init() {
	facts.LanguageNamed("go").Routes = goRoutes
}

// goRouteMethods maps the registration methods that name their method to
// it: chi's Get, gin's and echo's GET.
var goRouteMethods = map[string]string{
	"Get": "GET", "Post": "POST", "Put": "PUT", "Patch": "PATCH", "Delete": "DELETE", "Head": "HEAD", "Options": "OPTIONS",
	"GET": "GET", "POST": "POST", "PUT": "PUT", "PATCH": "PATCH", "DELETE": "DELETE", "HEAD": "HEAD", "OPTIONS": "OPTIONS",
	"Connect": "CONNECT", "Trace": "TRACE", "CONNECT": "CONNECT", "TRACE": "TRACE",
}

// goStatusParam says which argument of a call sends a status: WriteHeader's
// first, http.Error's third, c.JSON's first…
var goStatusParam = map[string]int{
	"WriteHeader": 0, "JSON": 0, "String": 0, "Status": 0, "AbortWithStatus": 0, "AbortWithStatusJSON": 0,
	"NoContent": 0, "IndentedJSON": 0, "XML": 0, "Data": 0, "HTML": 0, "Blob": 0, "JSONPretty": 0,
	"NewHTTPError": 0, "SendStatus": 0, "PureJSON": 0, "SecureJSON": 0, "YAML": 0, "ProtoBuf": 0, "Stream": 0,
}

type goRouteWalker struct {
	fset     *token.FileSet
	tok      *token.File
	facts    *facts.RouteFacts
	prefix   map[string]string // router variable → its prefix
	mounted  map[string]bool   // router variable → mounted outside the file
	mounts   map[string]string // router variable → the path Mount gives it
	consumed map[*ast.CallExpr]bool
	echo     bool // the file imports echo: the handler follows the path
}

func goRoutes(path string, src []byte) *facts.RouteFacts {
	fset := token.NewFileSet()
	file, _ := parser.ParseFile(fset, path, src, parser.SkipObjectResolution)
	if file == nil {
		return nil
	}
	w := &goRouteWalker{fset: fset, tok: fset.File(file.Pos()), facts: &facts.RouteFacts{},
		prefix: map[string]string{}, mounted: map[string]bool{}, mounts: map[string]string{}, consumed: map[*ast.CallExpr]bool{}}
	if w.tok == nil {
		return nil
	}
	for _, imp := range file.Imports {
		if strings.Contains(imp.Path.Value, "labstack/echo") {
			w.echo = true
		}
	}
	// First the mounts, which may follow the routes of what they mount.
	ast.Inspect(file, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok {
			if sel, ok := call.Fun.(*ast.SelectorExpr); ok && sel.Sel.Name == "Mount" && len(call.Args) == 2 {
				if p, ok := goStringLit(call.Args[0]); ok {
					if id, ok := call.Args[1].(*ast.Ident); ok {
						w.mounts[id.Name] = p
					}
				}
			}
		}
		return true
	})
	helpers := map[string]int{}
	for _, d := range file.Decls {
		fd, ok := d.(*ast.FuncDecl)
		if !ok || fd.Body == nil {
			continue
		}
		start, end := w.body(fd.Body)
		w.facts.Funcs = append(w.facts.Funcs, facts.Func{Name: fd.Name.Name, BodyStart: start, BodyEnd: end})
		if i, ok := goSendsParam(fd); ok {
			helpers[fd.Name.Name] = i
		}
	}
	for _, d := range file.Decls {
		fd, ok := d.(*ast.FuncDecl)
		if !ok || fd.Body == nil {
			continue
		}
		// A router given as a parameter is mounted by the caller, under
		// a prefix this file does not show.
		var params []string
		for _, f := range fd.Type.Params.List {
			if goRouterType(f.Type) {
				for _, n := range f.Names {
					params = append(params, n.Name)
					w.mounted[n.Name] = true
				}
			}
		}
		w.walk(fd.Body)
		for _, p := range params {
			delete(w.mounted, p)
		}
		clear(w.prefix)
	}
	if len(helpers) > 0 {
		ast.Inspect(file, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			name := ""
			switch f := call.Fun.(type) {
			case *ast.Ident:
				name = f.Name
			case *ast.SelectorExpr:
				name = f.Sel.Name
			}
			i, ok := helpers[name]
			if !ok || i >= len(call.Args) {
				return true
			}
			if code, start, end, ok := w.statusValue(call.Args[i]); ok {
				w.facts.StatusArgs = append(w.facts.StatusArgs, facts.StatusArg{Start: start, End: end, Code: code})
			}
			return true
		})
	}
	return w.facts
}

func (w *goRouteWalker) off(p token.Pos) int { return w.tok.Offset(p) }

// body spans a block's code between its braces; a block the file ends in
// (a truncated file) runs to the end.
func (w *goRouteWalker) body(b *ast.BlockStmt) (start, end int) {
	start, end = w.off(b.Lbrace)+1, w.tok.Size()
	if b.Rbrace.IsValid() {
		end = w.off(b.Rbrace)
	}
	return min(start, end), end
}

// statusValue reads a literal status: 409 or http.StatusConflict.
func (w *goRouteWalker) statusValue(e ast.Expr) (code, start, end int, ok bool) {
	switch v := e.(type) {
	case *ast.BasicLit:
		if v.Kind == token.INT {
			if n, err := strconv.Atoi(v.Value); err == nil {
				return n, w.off(v.Pos()), w.off(v.End()), true
			}
		}
	case *ast.SelectorExpr:
		if strings.HasPrefix(v.Sel.Name, "Status") {
			if c, found := codes.ByName("http." + v.Sel.Name); found {
				return c.Number, w.off(v.Pos()), w.off(v.End()), true
			}
		}
	}
	return 0, 0, 0, false
}

// goSendsParam reports which parameter of a function it sends as a status
// (writeError(w, code) calling w.WriteHeader(code)).
func goSendsParam(fd *ast.FuncDecl) (int, bool) {
	names := map[string]int{}
	i := 0
	for _, f := range fd.Type.Params.List {
		if len(f.Names) == 0 {
			i++
			continue
		}
		for _, n := range f.Names {
			if id, ok := f.Type.(*ast.Ident); ok && id.Name == "int" {
				names[n.Name] = i
			}
			i++
		}
	}
	if len(names) == 0 {
		return 0, false
	}
	found, at := false, 0
	ast.Inspect(fd.Body, func(n ast.Node) bool {
		call, ok := n.(*ast.CallExpr)
		if !ok || found {
			return !found
		}
		sel, ok := call.Fun.(*ast.SelectorExpr)
		if !ok {
			return true
		}
		arg, ok := goStatusParam[sel.Sel.Name]
		if x, isIdent := sel.X.(*ast.Ident); isIdent && x.Name == "http" && sel.Sel.Name == "Error" {
			arg, ok = 2, true
		}
		if x, isIdent := sel.X.(*ast.Ident); isIdent && x.Name == "render" && sel.Sel.Name == "Status" {
			arg, ok = 1, true
		}
		if !ok || arg >= len(call.Args) {
			return true
		}
		if id, isIdent := call.Args[arg].(*ast.Ident); isIdent {
			if k, isParam := names[id.Name]; isParam {
				found, at = true, k
			}
		}
		return true
	})
	return at, found
}

// goRouterType reports whether a parameter's type is a router: chi.Router,
// *gin.RouterGroup, *echo.Group, *mux.Router, *http.ServeMux…
func goRouterType(t ast.Expr) bool {
	if s, ok := t.(*ast.StarExpr); ok {
		t = s.X
	}
	sel, ok := t.(*ast.SelectorExpr)
	if !ok {
		return false
	}
	switch sel.Sel.Name {
	case "Router", "RouterGroup", "Group", "Echo", "Engine", "ServeMux", "Mux", "IRouter", "IRoutes":
		return true
	}
	return false
}

// walk visits the statements of a body in order, registering routes and
// following the prefixes of groups; a Route or Group closure is walked
// with its parameter holding the prefix, which is restored after.
func (w *goRouteWalker) walk(n ast.Node) {
	ast.Inspect(n, func(n ast.Node) bool {
		switch v := n.(type) {
		case *ast.AssignStmt:
			if len(v.Lhs) == 1 && len(v.Rhs) == 1 {
				if id, ok := v.Lhs[0].(*ast.Ident); ok {
					if p, mounted, ok := w.routerExpr(v.Rhs[0]); ok {
						w.prefix[id.Name], w.mounted[id.Name] = p, mounted
					}
				}
			}
		case *ast.CallExpr:
			return w.call(v)
		}
		return true
	})
}

// routerExpr reads an expression that yields a router with a prefix:
// r.Group("/v1"), r.PathPrefix("/api").Subrouter(), r.With(mw), a router
// variable.
func (w *goRouteWalker) routerExpr(e ast.Expr) (prefix string, mounted, ok bool) {
	switch v := e.(type) {
	case *ast.Ident:
		p, known := w.prefix[v.Name]
		if m, isMounted := w.mounts[v.Name]; isMounted && !known {
			return m, false, true
		}
		return p, w.mounted[v.Name], true
	case *ast.SelectorExpr:
		// s.router: a field; its prefix is not followed.
		return "", false, true
	case *ast.CallExpr:
		sel, isSel := v.Fun.(*ast.SelectorExpr)
		if !isSel {
			return "", false, false
		}
		switch sel.Sel.Name {
		case "Group":
			if len(v.Args) >= 1 {
				if p, isLit := goStringLit(v.Args[0]); isLit {
					base, m, ok := w.routerExpr(sel.X)
					return base + p, m, ok
				}
			}
		case "With", "Use", "Subrouter", "Host", "Schemes":
			return w.routerExpr(sel.X)
		case "PathPrefix":
			if len(v.Args) == 1 {
				if p, isLit := goStringLit(v.Args[0]); isLit {
					base, m, ok := w.routerExpr(sel.X)
					return base + p, m, ok
				}
			}
		}
	}
	return "", false, false
}

// call reads one call: a registration, a Route/Group closure, or a
// gorilla .Methods chain. It returns whether Inspect goes into the call.
func (w *goRouteWalker) call(c *ast.CallExpr) bool {
	sel, ok := c.Fun.(*ast.SelectorExpr)
	if !ok || w.consumed[c] {
		return true
	}
	name := sel.Sel.Name
	switch name {
	case "Methods":
		// gorilla: r.HandleFunc(p, h).Methods("GET", "POST")
		inner, ok := sel.X.(*ast.CallExpr)
		if !ok {
			return true
		}
		var methods []string
		for _, a := range c.Args {
			if m, ok := goStringLit(a); ok {
				methods = append(methods, strings.ToUpper(m))
			}
		}
		if len(methods) == 0 {
			return true
		}
		for _, m := range methods {
			w.register(inner, m)
		}
		w.consumed[inner] = true
		return true
	case "Route", "Group":
		// chi: r.Route("/orders", func(r chi.Router) {…}), r.Group(func(r chi.Router) {…})
		var lit *ast.FuncLit
		p := ""
		switch {
		case name == "Route" && len(c.Args) == 2:
			s, isLit := goStringLit(c.Args[0])
			fl, isFunc := c.Args[1].(*ast.FuncLit)
			if !isLit || !isFunc {
				return true
			}
			p, lit = s, fl
		case name == "Group" && len(c.Args) == 1:
			fl, isFunc := c.Args[0].(*ast.FuncLit)
			if !isFunc {
				return true
			}
			lit = fl
		default:
			return true
		}
		base, m, ok := w.routerExpr(sel.X)
		if !ok || len(lit.Type.Params.List) != 1 || len(lit.Type.Params.List[0].Names) != 1 {
			return true
		}
		param := lit.Type.Params.List[0].Names[0].Name
		oldP, hadP := w.prefix[param]
		oldM := w.mounted[param]
		w.prefix[param], w.mounted[param] = base+p, m
		w.walk(lit.Body)
		if hadP {
			w.prefix[param] = oldP
		} else {
			delete(w.prefix, param)
		}
		w.mounted[param] = oldM
		return false
	}
	w.register(c, "")
	return true
}

// register records a registration call: mux.HandleFunc("GET /x", h),
// r.Get("/x", h), r.GET("/x", h), r.Handle("GET", "/x", h),
// r.Method("GET", "/x", h); method is the one a .Methods chain gives.
func (w *goRouteWalker) register(c *ast.CallExpr, method string) {
	sel, ok := c.Fun.(*ast.SelectorExpr)
	if !ok || len(c.Args) < 2 {
		return
	}
	name := sel.Sel.Name
	args := c.Args
	switch {
	case goRouteMethods[name] != "":
		if method == "" {
			method = goRouteMethods[name]
		}
	case name == "Handle" || name == "HandleFunc" || name == "Any" || name == "NotFound":
		if name == "NotFound" {
			return
		}
		// gin's Handle("GET", "/x", h) and chi's Method("GET", "/x", h)
		// name the method first.
		if m, ok := goStringLit(args[0]); ok && len(args) >= 3 && goIsMethod(m) {
			if _, isPath := goStringLit(args[1]); isPath {
				method, args = strings.ToUpper(m), args[1:]
			}
		}
	case name == "Match" && method == "":
		// gin: r.Match([]string{"GET", "HEAD"}, "/health", h)
		if cl, ok := args[0].(*ast.CompositeLit); ok && len(args) >= 3 {
			for _, e := range cl.Elts {
				if m, ok := goStringLit(e); ok && goIsMethod(strings.ToUpper(m)) {
					any := &ast.SelectorExpr{X: sel.X, Sel: &ast.Ident{Name: "Any", NamePos: sel.Sel.NamePos}}
					w.register(&ast.CallExpr{Fun: any, Args: args[1:], Lparen: c.Lparen, Rparen: c.Rparen}, strings.ToUpper(m))
				}
			}
		}
		return
	case name == "Method" || name == "MethodFunc":
		m, ok := goStringLit(args[0])
		if !ok || len(args) < 3 {
			return
		}
		method, args = strings.ToUpper(m), args[1:]
	default:
		return
	}
	lit, ok := args[0].(*ast.BasicLit)
	if !ok || lit.Kind != token.STRING {
		return
	}
	p, _ := strconv.Unquote(lit.Value)
	// Go 1.22 patterns: "POST /orders/{id}", "example.com/x", "/x/{$}".
	if m, rest, cut := strings.Cut(p, " "); cut && goIsMethod(m) {
		if method == "" {
			method = m
		}
		p = strings.TrimSpace(rest)
	}
	switch {
	case strings.HasPrefix(p, "/"):
	case name == "Handle" || name == "HandleFunc":
		// ServeMux's host patterns: "example.com/x".
		i := strings.IndexByte(p, '/')
		if i <= 0 {
			return
		}
		p = p[i:]
	case p == "":
		// gin's and echo's group root: app.GET("", h).
	default:
		p = "/" + p // gin joins a relative path to its group's
	}
	p = strings.TrimSuffix(p, "{$}")
	base, mounted, ok := w.routerExpr(sel.X)
	if !ok {
		return
	}
	r := facts.Route{Method: method, Path: base + p, Mounted: mounted, Start: w.off(lit.Pos()), End: w.off(lit.End())}
	// The handler: echo's follows the path (middleware after it); gin's
	// is the last of the handlers; net/http, chi and gorilla take one.
	h := args[len(args)-1]
	if w.echo && len(args) >= 2 {
		h = args[1]
	}
	w.handler(&r, h, 0)
	if r.Handler == "" && r.BodyEnd == 0 {
		return
	}
	w.facts.Routes = append(w.facts.Routes, r)
}

// handler reads the handler expression: a closure, a function or method
// named, or either wrapped (http.HandlerFunc(h), auth(h.cancel)).
func (w *goRouteWalker) handler(r *facts.Route, e ast.Expr, depth int) {
	switch v := e.(type) {
	case *ast.FuncLit:
		r.BodyStart, r.BodyEnd = w.body(v.Body)
	case *ast.Ident:
		r.Handler = v.Name
	case *ast.SelectorExpr:
		r.Handler = v.Sel.Name
	case *ast.CallExpr:
		// The wrapped handler is the last argument, a variadic list of
		// middleware after it aside: wrap(deps, h.list, mw...).
		args := v.Args
		if v.Ellipsis.IsValid() && len(args) > 0 {
			args = args[:len(args)-1]
		}
		if depth < 3 && len(args) > 0 {
			w.handler(r, args[len(args)-1], depth+1)
			return
		}
		// A factory called without arguments (h.LoginHandler()): the
		// handler it returns is written in its body.
		if len(v.Args) == 0 {
			switch f := v.Fun.(type) {
			case *ast.Ident:
				r.Handler = f.Name
			case *ast.SelectorExpr:
				r.Handler = f.Sel.Name
			}
		}
	}
}

func goIsMethod(m string) bool {
	switch strings.ToUpper(m) {
	case "GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "CONNECT", "TRACE":
		return m == strings.ToUpper(m)
	}
	return false
}

// goStringLit returns the value of a string literal, and whether it is one.
func goStringLit(e ast.Expr) (string, bool) {
	lit, ok := e.(*ast.BasicLit)
	if !ok || lit.Kind != token.STRING {
		return "", false
	}
	s, err := strconv.Unquote(lit.Value)
	return s, err == nil
}
