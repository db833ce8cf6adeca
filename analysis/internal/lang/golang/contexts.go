package golang

import (
	"go/ast"
	"go/token"
	"sort"
	"strconv"
	"strings"

	"github.com/httpcodes/httpcodes/analysis/internal/facts"
)

// statusArg is an expression that a context says holds a status code.
type statusArg struct {
	expr      ast.Expr
	role      facts.Role
	context   string
	framework string
	api       facts.API
	msg       ast.Expr // the message sent with the status, if any
	// strict is set where any value is sent as a status, so that a number
	// outside 100–999 is a finding rather than not-a-status.
	strict bool
}

// findOccurrences visits declarations, functions with their env, and turns
// every status context and every status constant into an occurrence.
func (g *goFile) findOccurrences(decls []ast.Decl) {
	args := map[ast.Expr]statusArg{}
	var constants []ast.Expr
	declared := map[*ast.Ident]bool{} // names in const and var declarations
	var visit func(n ast.Node, env *goEnv)
	visit = func(n ast.Node, env *goEnv) {
		ast.Inspect(n, func(n ast.Node) bool {
			switch n := n.(type) {
			case nil:
				return false
			case *ast.FuncDecl:
				if n.Body != nil {
					visit(n.Body, g.funcEnv(env, n.Recv, n.Type, n.Body))
				}
				return false
			case *ast.FuncLit:
				visit(n.Body, g.funcEnv(env, nil, n.Type, n.Body))
				return false
			case *ast.ValueSpec:
				for _, id := range n.Names {
					declared[id] = true
				}
			case *ast.SelectorExpr, *ast.Ident:
				// A status constant is one expression: nothing inside it to visit.
				if _, _, ok := g.constantValue(n.(ast.Expr)); ok && !declared[identOf(n)] {
					constants = append(constants, n.(ast.Expr))
					return false
				}
			case *ast.CallExpr:
				for _, a := range g.callContexts(n, env) {
					args[a.expr] = a
				}
			case *ast.BinaryExpr:
				g.compareContext(n, env, args)
			case *ast.AssignStmt:
				if len(n.Lhs) == len(n.Rhs) {
					for i, lhs := range n.Lhs {
						if g.isStatusValued(lhs, env) && !isIdent(lhs) {
							args[n.Rhs[i]] = statusArg{expr: n.Rhs[i], role: facts.Send, context: g.text(lhs) + " assignment"}
						}
					}
				}
			case *ast.SwitchStmt:
				g.switchContext(n, env, args)
			case *ast.CompositeLit:
				g.literalContext(n, args)
			}
			return true
		})
	}
	top := newEnv(nil)
	for _, d := range decls {
		visit(d, top)
	}

	seen := make(map[int]bool, len(args))
	g.facts.Occ = make([]facts.Occurrence, 0, len(args)+len(constants))
	for _, a := range args {
		if o, ok := g.occurrence(a); ok {
			g.facts.Occ = append(g.facts.Occ, o)
			seen[o.Start] = true
		}
	}
	// Every status constant is an occurrence, in a context or not.
	for _, e := range constants {
		if start := g.offset(e.Pos()); !seen[start] {
			code, name, _ := g.constantValue(e)
			g.facts.Occ = append(g.facts.Occ, facts.Occurrence{
				Start: start, End: g.offset(e.End()), Code: code,
				Written: facts.Constant, Name: name, Role: facts.Reference, Context: name, Framework: "net/http",
			})
		}
	}
	sort.Slice(g.facts.Occ, func(i, j int) bool { return g.facts.Occ[i].Start < g.facts.Occ[j].Start })
}

// identOf returns the identifier a node is, or nil.
func identOf(n ast.Node) *ast.Ident {
	id, _ := n.(*ast.Ident)
	return id
}

func isIdent(e ast.Expr) bool { _, ok := e.(*ast.Ident); return ok }

// occurrence turns a status argument into an occurrence when it is a number
// or a constant.
func (g *goFile) occurrence(a statusArg) (facts.Occurrence, bool) {
	o := facts.Occurrence{
		Start: g.offset(a.expr.Pos()), End: g.offset(a.expr.End()),
		Role: a.role, Context: a.context, Framework: a.framework, API: a.api,
	}
	if a.framework == "" {
		o.Framework = "net/http"
	}
	if code, name, ok := g.constantValue(a.expr); ok {
		o.Code, o.Written, o.Name = code, facts.Constant, name
	} else if n, ok := intValue(a.expr); ok {
		o.Code, o.Written = n, facts.Number
		if !a.strict && !facts.StatusLike(n, a.role, "go") {
			return o, false
		}
		if lit, ok := unparen(a.expr).(*ast.BasicLit); ok {
			o.Start, o.End = g.offset(lit.Pos()), g.offset(lit.End())
		}
		o.Constant, o.ConstantText = g.constantFor(n)
	} else {
		return o, false
	}
	if a.msg != nil {
		g.setMessage(&o, a.msg)
	}
	return o, true
}

func unparen(e ast.Expr) ast.Expr {
	for {
		p, ok := e.(*ast.ParenExpr)
		if !ok {
			return e
		}
		e = p.X
	}
}

// constantFor returns net/http's name for code n ("http.StatusNotFound") and
// how this file writes it; both are "" when net/http has no name for it, and
// the second when the file would need a new import.
func (g *goFile) constantFor(n int) (name, text string) {
	code, ok := facts.LookupDefault(n)
	if !ok {
		return "", ""
	}
	name, ok = code.Constant("go")
	if !ok {
		return "", ""
	}
	prefix, ok := g.constantPrefix()
	if !ok {
		return name, ""
	}
	return name, prefix + strings.TrimPrefix(name, "http.")
}

// constantValue reads a net/http (or fiber) status constant.
func (g *goFile) constantValue(e ast.Expr) (int, string, bool) {
	e = unparen(e)
	name, ok := g.httpName(e)
	if !ok {
		name, ok = pkgFunc(e, g.fiber)
	}
	if !ok || !strings.HasPrefix(name, "Status") {
		return 0, "", false
	}
	code, ok := facts.ByNameDefault("http." + name)
	if !ok {
		return 0, "", false
	}
	return code.Number, g.text(e), true
}

// setMessage records the message argument: a string literal, or
// http.StatusText(n).
func (g *goFile) setMessage(o *facts.Occurrence, msg ast.Expr) {
	msg = unparen(msg)
	o.MessageStart, o.MessageEnd = g.offset(msg.Pos()), g.offset(msg.End())
	switch m := msg.(type) {
	case *ast.BasicLit:
		if m.Kind == token.STRING {
			if s, err := strconv.Unquote(m.Value); err == nil {
				o.Message = s
			}
		}
	case *ast.CallExpr:
		if name, ok := g.httpName(m.Fun); ok && name == "StatusText" && len(m.Args) == 1 {
			if code, _, ok := g.constantValue(m.Args[0]); ok {
				o.MessageCode = code
			} else if n, ok := intValue(m.Args[0]); ok {
				o.MessageCode = n
			}
		}
	}
}

// compareContext handles resp.StatusCode == 404, 404 != rec.Code and the
// range checks resp.StatusCode >= 400.
func (g *goFile) compareContext(b *ast.BinaryExpr, env *goEnv, args map[ast.Expr]statusArg) {
	var role facts.Role
	switch b.Op {
	case token.EQL, token.NEQ:
		role = facts.Compare
	case token.LSS, token.LEQ, token.GTR, token.GEQ:
		role = facts.RangeBound
	default:
		return
	}
	for _, pair := range [][2]ast.Expr{{b.X, b.Y}, {b.Y, b.X}} {
		if g.isStatusValued(pair[0], env) {
			ctx := g.text(pair[0]) + " comparison"
			if role == facts.RangeBound {
				ctx = g.text(pair[0]) + " range check"
			}
			value := pair[1]
			if id, ok := value.(*ast.Ident); ok {
				if lit := env.literalOf(id.Name); lit != nil {
					value = lit
				}
			}
			args[value] = statusArg{expr: value, role: role, context: ctx}
		}
	}
}

// switchContext handles switch resp.StatusCode { case 200: } and
// switch c := resp.StatusCode; c { … }.
func (g *goFile) switchContext(s *ast.SwitchStmt, env *goEnv, args map[ast.Expr]statusArg) {
	if s.Tag == nil {
		return
	}
	status := g.isStatusValued(s.Tag, env)
	if !status && s.Init != nil {
		if as, ok := s.Init.(*ast.AssignStmt); ok && len(as.Lhs) == 1 && len(as.Rhs) == 1 {
			if id, ok := as.Lhs[0].(*ast.Ident); ok && g.isStatusValued(as.Rhs[0], env) {
				if tag, ok := s.Tag.(*ast.Ident); ok && tag.Name == id.Name {
					status = true
				}
			}
		}
	}
	if !status {
		return
	}
	for _, st := range s.Body.List {
		if cc, ok := st.(*ast.CaseClause); ok {
			for _, e := range cc.List {
				args[e] = statusArg{expr: e, role: facts.Compare, context: "switch on " + g.text(s.Tag)}
			}
		}
	}
}

// statusKeys are composite literal keys that hold a status in tables of
// test cases; StatusCode (http.Response{StatusCode: n}) builds a response.
var statusKeys = map[string]bool{
	"status": true, "statuscode": true, "httpstatus": true, "wantstatus": true, "wantstatuscode": true,
	"wantcode": true, "expectedstatus": true, "expectedstatuscode": true, "expectedcode": true,
	"expectstatus": true, "expstatus": true, "wantedstatus": true, "wanthttpstatus": true,
}

func (g *goFile) literalContext(lit *ast.CompositeLit, args map[ast.Expr]statusArg) {
	recorder := false
	if sel, ok := lit.Type.(*ast.SelectorExpr); ok && isPkg(sel.X, g.httptest) && sel.Sel.Name == "ResponseRecorder" {
		recorder = true
	}
	testFile := strings.HasSuffix(g.tok.Name(), "_test.go")
	for _, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			continue
		}
		key, ok := kv.Key.(*ast.Ident)
		if !ok {
			continue
		}
		switch {
		case key.Name == "StatusCode" || recorder && key.Name == "Code":
			args[kv.Value] = statusArg{expr: kv.Value, role: facts.Send, context: key.Name + " field"}
		case testFile && statusKeys[strings.ToLower(key.Name)]:
			// A table of cases: a number is a status only in the range of codes.
			if n, ok := intValue(kv.Value); ok && (n < 100 || n > 599) {
				continue
			}
			args[kv.Value] = statusArg{expr: kv.Value, role: facts.Compare, context: key.Name + " field"}
		}
	}
}
