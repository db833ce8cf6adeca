package golang

import (
	"bytes"
	"go/ast"
	"go/token"
	"strings"
)

// goEnv is what the analysis knows about the names in one function: which
// are response writers, recorders, framework contexts or hold a status. A
// function literal's env has its enclosing function's as parent, since a
// closure sees the same variables.
type goEnv struct {
	parent     *goEnv
	writers    map[string]bool // response writers, by their text ("w", "s.w")
	recorders  map[string]bool // *httptest.ResponseRecorder values
	ginCtx     map[string]bool
	echoCtx    map[string]bool
	fiberCtx   map[string]bool
	statusVars map[string]bool // variables assigned a status: code := resp.StatusCode
	// literals are variables assigned an integer literal exactly once, so
	// that in `got, want := rec.Code, 404; got != want` the 404 is a status.
	literals map[string]ast.Expr
	// others are parameters declared with a type that is not a response
	// writer (tar.Writer, io.Writer): a WriteHeader on them is not HTTP.
	others map[string]bool
}

// newEnv makes an empty env; its sets are made on first use (most functions
// need none of them), through mark.
func newEnv(parent *goEnv) *goEnv { return &goEnv{parent: parent} }

// mark adds name to a set, making the set if needed.
func mark(set *map[string]bool, name string) {
	if *set == nil {
		*set = map[string]bool{}
	}
	(*set)[name] = true
}

// has looks a name up in one of the env's sets, then in its parents'.
func (e *goEnv) has(set func(*goEnv) map[string]bool, name string) bool {
	for ; e != nil; e = e.parent {
		if set(e)[name] {
			return true
		}
		// A name declared in an inner scope as something else hides the outer one.
		if e.others[name] {
			return false
		}
	}
	return false
}

func (e *goEnv) isWriter(name string) bool {
	return e.has(func(e *goEnv) map[string]bool { return e.writers }, name)
}
func (e *goEnv) isRecorder(name string) bool {
	return e.has(func(e *goEnv) map[string]bool { return e.recorders }, name)
}
func (e *goEnv) isGin(name string) bool {
	return e.has(func(e *goEnv) map[string]bool { return e.ginCtx }, name)
}
func (e *goEnv) isEcho(name string) bool {
	return e.has(func(e *goEnv) map[string]bool { return e.echoCtx }, name)
}
func (e *goEnv) isFiber(name string) bool {
	return e.has(func(e *goEnv) map[string]bool { return e.fiberCtx }, name)
}
func (e *goEnv) isStatusVar(name string) bool {
	return e.has(func(e *goEnv) map[string]bool { return e.statusVars }, name)
}

// funcEnv builds the env of a function from its parameters and a scan of its
// body (not of the function literals inside it, which get their own).
func (g *goFile) funcEnv(parent *goEnv, recv *ast.FieldList, typ *ast.FuncType, body *ast.BlockStmt) *goEnv {
	if env, ok := g.envs[body]; ok && body != nil {
		return env
	}
	env := newEnv(parent)
	if body != nil {
		if g.envs == nil {
			g.envs = map[*ast.BlockStmt]*goEnv{}
		}
		g.envs[body] = env
	}
	for _, list := range []*ast.FieldList{recv, typ.Params} {
		if list == nil {
			continue
		}
		for _, field := range list.List {
			for _, name := range field.Names {
				g.declare(env, name.Name, field.Type)
			}
		}
	}
	if body == nil || !g.mayBind(body) {
		return env
	}
	// One pass in source order: a recorder is declared before its Code is read.
	{
		inspectShallow(body, func(n ast.Node) {
			switch n := n.(type) {
			case *ast.AssignStmt:
				if len(n.Lhs) != len(n.Rhs) {
					return
				}
				for i, lhs := range n.Lhs {
					if id, ok := lhs.(*ast.Ident); ok {
						g.bind(env, id.Name, n.Rhs[i])
					}
				}
			case *ast.ValueSpec:
				for i, id := range n.Names {
					if n.Type != nil {
						g.declare(env, id.Name, n.Type)
					}
					if i < len(n.Values) {
						g.bind(env, id.Name, n.Values[i])
					}
				}
			case *ast.CallExpr:
				// Whatever WriteHeader(n) is called on is a response writer,
				// unless its declared type says otherwise.
				if sel, ok := n.Fun.(*ast.SelectorExpr); ok && sel.Sel.Name == "WriteHeader" && len(n.Args) == 1 && g.statusLike(n.Args[0], env) {
					if name := g.text(sel.X); !env.others[name] {
						mark(&env.writers, name)
					}
				}
			}
		})
	}
	return env
}

// statusLike reports whether a WriteHeader argument looks like a status: a
// number, a status constant, a response's status, or a name that says it
// holds one (code, status, statusCode). tar.Writer's WriteHeader(hdr) does not.
func (g *goFile) statusLike(e ast.Expr, env *goEnv) bool {
	if _, ok := intValue(e); ok {
		return true
	}
	if _, _, ok := g.constantValue(e); ok {
		return true
	}
	if g.isStatusValued(e, env) {
		return true
	}
	var name string
	switch e := unparen(e).(type) {
	case *ast.Ident:
		name = e.Name
	case *ast.SelectorExpr:
		name = e.Sel.Name
	default:
		return false
	}
	name = strings.ToLower(name)
	return strings.Contains(name, "code") || strings.Contains(name, "status")
}

// envMarkers are the byte strings without which a body binds nothing: a
// recorder (NewRecorder), a status variable (StatusCode, Code, Status()),
// a writer found through its WriteHeader.
var envMarkers = [][]byte{[]byte("WriteHeader"), []byte("NewRecorder"), []byte("Code"), []byte("Status()")}

// mayBind reports, by a byte search of the body's text, whether scanning it
// can add to its env; most bodies of a large file are ruled out unparsed.
func (g *goFile) mayBind(body *ast.BlockStmt) bool {
	text := g.src[g.offset(body.Pos()):g.offset(body.End())]
	for _, m := range envMarkers {
		if bytes.Contains(text, m) {
			return true
		}
	}
	return false
}

// declare records a name declared with a type.
func (g *goFile) declare(env *goEnv, name string, typ ast.Expr) {
	star := false
	if s, ok := typ.(*ast.StarExpr); ok {
		typ, star = s.X, true
	}
	var pkg, sel string
	switch t := typ.(type) {
	case *ast.SelectorExpr:
		if id, ok := t.X.(*ast.Ident); ok {
			pkg, sel = id.Name, t.Sel.Name
		}
	case *ast.Ident:
		sel = t.Name
		if g.http == "." || g.inHTTP {
			pkg = g.http
		}
	}
	switch {
	case pkg == g.http && pkg != "" && sel == "ResponseWriter" && !star, g.inHTTP && pkg == "" && sel == "ResponseWriter":
		mark(&env.writers, name)
	case pkg == g.httptest && pkg != "" && sel == "ResponseRecorder":
		mark(&env.writers, name)
		mark(&env.recorders, name)
	case pkg == g.gin && pkg != "" && sel == "Context":
		mark(&env.ginCtx, name)
	case pkg == g.echo && pkg != "" && sel == "Context":
		mark(&env.echoCtx, name)
	case pkg == g.fiber && pkg != "" && sel == "Ctx":
		mark(&env.fiberCtx, name)
	case pkg == "" && g.writerTypes[sel], writerTypeName(sel):
		mark(&env.writers, name)
	default:
		mark(&env.others, name)
	}
}

// bind records what an assignment tells about a variable.
func (g *goFile) bind(env *goEnv, name string, value ast.Expr) {
	if call, ok := value.(*ast.CallExpr); ok {
		if fn, ok := pkgFunc(call.Fun, g.httptest); ok && fn == "NewRecorder" {
			mark(&env.writers, name)
			mark(&env.recorders, name)
			return
		}
	}
	if g.isStatusValued(value, env) {
		mark(&env.statusVars, name)
	}
	if _, ok := intValue(value); ok {
		if env.literals == nil {
			env.literals = map[string]ast.Expr{}
		}
		if _, twice := env.literals[name]; twice {
			env.literals[name] = nil
		} else {
			env.literals[name] = value
		}
	}
}

// literalOf returns the integer literal a variable was assigned, if it was
// assigned exactly one.
func (e *goEnv) literalOf(name string) ast.Expr {
	for ; e != nil; e = e.parent {
		if v, ok := e.literals[name]; ok {
			return v
		}
		if e.others[name] || e.statusVars[name] {
			return nil
		}
	}
	return nil
}

// isStatusValued reports whether an expression holds a response's status:
// x.StatusCode, x.StatusCode(), rec.Code on a recorder, gin's
// c.Writer.Status(), or a variable assigned one of those.
func (g *goFile) isStatusValued(e ast.Expr, env *goEnv) bool {
	switch e := e.(type) {
	case *ast.ParenExpr:
		return g.isStatusValued(e.X, env)
	case *ast.Ident:
		return env.isStatusVar(e.Name)
	case *ast.SelectorExpr:
		switch e.Sel.Name {
		case "StatusCode":
			return true
		case "Code":
			if id, ok := e.X.(*ast.Ident); ok {
				return env.isRecorder(id.Name)
			}
		}
	case *ast.CallExpr:
		sel, ok := e.Fun.(*ast.SelectorExpr)
		if !ok || len(e.Args) != 0 {
			return false
		}
		if sel.Sel.Name == "StatusCode" {
			return true
		}
		// gin: c.Writer.Status()
		if inner, ok := sel.X.(*ast.SelectorExpr); ok && sel.Sel.Name == "Status" && inner.Sel.Name == "Writer" {
			if id, ok := inner.X.(*ast.Ident); ok && env.isGin(id.Name) {
				return true
			}
		}
	}
	return false
}

// inspectShallow visits the nodes under n without entering function literals.
func inspectShallow(n ast.Node, visit func(ast.Node)) {
	ast.Inspect(n, func(n ast.Node) bool {
		if n == nil {
			return false
		}
		if _, ok := n.(*ast.FuncLit); ok {
			return false
		}
		visit(n)
		return true
	})
}

// intValue reads an integer literal, allowing a leading minus.
func intValue(e ast.Expr) (int, bool) {
	switch e := e.(type) {
	case *ast.ParenExpr:
		return intValue(e.X)
	case *ast.BasicLit:
		if e.Kind != token.INT {
			return 0, false
		}
		return parseGoInt(e.Value)
	case *ast.UnaryExpr:
		if e.Op == token.SUB {
			if n, ok := intValue(e.X); ok {
				return -n, true
			}
		}
	}
	return 0, false
}
