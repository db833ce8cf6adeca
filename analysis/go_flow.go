package analysis

import (
	"go/ast"
	"go/token"
	"strconv"
	"strings"
)

// walkFunctions follows the statements of every function body in order and
// records what each does to a response writer (see flowStep). Branches are
// followed separately and merged after them: the events that may precede a
// statement are those on any path to it. A path that returns or panics ends.
func (g *goFile) walkFunctions(decls []ast.Decl) {
	top := newEnv(nil)
	var lits []*ast.FuncLit
	for _, decl := range decls {
		switch d := decl.(type) {
		case *ast.FuncDecl:
			if d.Body != nil {
				g.walkFunction(g.funcEnv(top, d.Recv, d.Type, d.Body), d.Body)
			}
		case *ast.GenDecl:
			// Function literals in package-level variables.
			lits = append(lits, funcLits(d)...)
		}
	}
	for _, lit := range lits {
		g.walkFunction(g.funcEnv(top, nil, lit.Type, lit.Body), lit.Body)
	}
}

// walkFunction walks one body, then the function literals inside it, each
// with this body's env as parent.
func (g *goFile) walkFunction(env *goEnv, body *ast.BlockStmt) {
	lits := funcLitsIfNoWriter(env, body)
	if lits == nil {
		w := &walker{g: g, env: env, consumed: map[ast.Node]bool{}}
		w.block(body.List, nil)
		lits = w.lits
	}
	for _, lit := range lits {
		g.walkFunction(g.funcEnv(env, nil, lit.Type, lit.Body), lit.Body)
	}
}

// funcLitsIfNoWriter returns the function literals of a body in which no
// response writer or framework context is in scope — nothing there can
// emit an event, so the walk is skipped — and nil when the body needs it.
func funcLitsIfNoWriter(env *goEnv, body *ast.BlockStmt) []*ast.FuncLit {
	for e := env; e != nil; e = e.parent {
		if len(e.writers) > 0 || len(e.ginCtx) > 0 || len(e.echoCtx) > 0 || len(e.fiberCtx) > 0 {
			return nil
		}
	}
	lits := funcLits(body)
	if lits == nil {
		lits = []*ast.FuncLit{}
	}
	return lits
}

// funcLits returns the outermost function literals under n.
func funcLits(n ast.Node) []*ast.FuncLit {
	var out []*ast.FuncLit
	ast.Inspect(n, func(n ast.Node) bool {
		if lit, ok := n.(*ast.FuncLit); ok {
			out = append(out, lit)
			return false
		}
		return true
	})
	return out
}

type walker struct {
	g   *goFile
	env *goEnv
	// lits are the function literals met in the body, walked after it.
	lits []*ast.FuncLit
	// consumed is reused from statement to statement (see eventsChecked).
	consumed map[ast.Node]bool
	// plain is the expression statement being walked, and blockID the
	// statement list it is in: events of a call that is the whole
	// statement record both, for fixes that move statements.
	plain   ast.Stmt
	blockID int
}

// block walks statements in order; it returns the state at the end and
// whether every path through them ends (return, panic, …).
func (w *walker) block(stmts []ast.Stmt, st state) (state, bool) {
	if len(stmts) > 0 {
		outer := w.blockID
		w.blockID = w.g.offset(stmts[0].Pos())
		defer func() { w.blockID = outer }()
	}
	for _, s := range stmts {
		var done bool
		st, done = w.stmt(s, st)
		if done {
			return st, true
		}
	}
	return st, false
}

func (w *walker) stmt(s ast.Stmt, st state) (state, bool) {
	switch s := s.(type) {
	case *ast.BlockStmt:
		return w.block(s.List, st)
	case *ast.LabeledStmt:
		return w.stmt(s.Stmt, st)
	case *ast.ExprStmt:
		w.plain = s
		st = w.eventsChecked(s, st, false)
		w.plain = nil
		return st, w.terminates(s.X)
	case *ast.ReturnStmt:
		return w.events(s, st), true
	case *ast.BranchStmt:
		// break, continue, goto and fallthrough leave this path; following
		// them would add paths that may not exist.
		return st, true
	case *ast.GoStmt, *ast.DeferStmt:
		w.lits = append(w.lits, funcLits(s)...)
		return st, false
	case *ast.IfStmt:
		if s.Init != nil {
			st, _ = w.stmt(s.Init, st)
		}
		st = w.events(s.Cond, st)
		thenSt, thenDone := w.block(s.Body.List, st)
		elseSt, elseDone := st, false
		if s.Else != nil {
			elseSt, elseDone = w.stmt(s.Else, st)
		}
		return mergeBranches([]state{thenSt, elseSt}, []bool{thenDone, elseDone})
	case *ast.ForStmt:
		if s.Init != nil {
			st, _ = w.stmt(s.Init, st)
		}
		if s.Cond != nil {
			st = w.events(s.Cond, st)
		}
		body, _ := w.block(s.Body.List, st)
		return afterLoop(st, body), false
	case *ast.RangeStmt:
		st = w.events(s.X, st)
		body, _ := w.block(s.Body.List, st)
		return afterLoop(st, body), false
	case *ast.SwitchStmt:
		if s.Init != nil {
			st, _ = w.stmt(s.Init, st)
		}
		if s.Tag != nil {
			st = w.events(s.Tag, st)
		}
		return w.clauses(s.Body, st, false)
	case *ast.TypeSwitchStmt:
		if s.Init != nil {
			st, _ = w.stmt(s.Init, st)
		}
		return w.clauses(s.Body, st, false)
	case *ast.SelectStmt:
		return w.clauses(s.Body, st, true)
	case *ast.AssignStmt:
		w.plain = s
		st = w.events(s, st)
		w.plain = nil
		return st, false
	default:
		return w.events(s, st), false
	}
}

// isWholeStmt reports whether n is all the statement being walked does: a
// call statement's call, or the one target of a plain assignment
// (w.Header()["X"] = v).
func (w *walker) isWholeStmt(n ast.Node) bool {
	switch s := w.plain.(type) {
	case *ast.ExprStmt:
		return unparen(s.X) == n
	case *ast.AssignStmt:
		return len(s.Lhs) == 1 && s.Lhs[0] == n && s.Tok == token.ASSIGN
	}
	return false
}

// clauses walks the cases of a switch or select. Without a default, a switch
// may run none of them; a select always runs one.
func (w *walker) clauses(body *ast.BlockStmt, st state, isSelect bool) (state, bool) {
	var outs []state
	var done []bool
	hasDefault := isSelect
	for _, c := range body.List {
		var stmts []ast.Stmt
		switch c := c.(type) {
		case *ast.CaseClause:
			stmts = c.Body
			if c.List == nil {
				hasDefault = true
			}
		case *ast.CommClause:
			stmts = c.Body
		}
		out, d := w.block(stmts, st)
		outs, done = append(outs, out), append(done, d)
	}
	if !hasDefault {
		outs, done = append(outs, st), append(done, false)
	}
	return mergeBranches(outs, done)
}

func mergeBranches(outs []state, done []bool) (state, bool) {
	var live []state
	for i, o := range outs {
		if !done[i] {
			live = append(live, o)
		}
	}
	if len(live) == 0 {
		return nil, true
	}
	return union(live...), false
}

// terminates reports whether an expression statement ends the path: panic,
// os.Exit, log.Fatal, t.Fatal and the like.
func (w *walker) terminates(e ast.Expr) bool {
	call, ok := e.(*ast.CallExpr)
	if !ok {
		return false
	}
	switch fun := call.Fun.(type) {
	case *ast.Ident:
		return fun.Name == "panic"
	case *ast.SelectorExpr:
		name := fun.Sel.Name
		if isPkg(fun.X, w.g.os) && name == "Exit" || isPkg(fun.X, w.g.log) && (strings.HasPrefix(name, "Fatal") || strings.HasPrefix(name, "Panic")) {
			return true
		}
		switch name {
		case "Fatal", "Fatalf", "FailNow", "Skip", "Skipf", "SkipNow":
			return true
		}
	}
	return false
}

// events records, in source order, the response events of the calls in a
// node (not inside function literals), each with the state before it. The
// results of calls outside an expression statement are taken as checked.
func (w *walker) events(n ast.Node, st state) state { return w.eventsChecked(n, st, true) }

func (w *walker) eventsChecked(n ast.Node, st state, checked bool) state {
	if n == nil {
		return st
	}
	// consumed is made on first use: most statements consume nothing.
	consumed := w.consumed
	clear(consumed)
	ast.Inspect(n, func(n ast.Node) bool {
		switch n := n.(type) {
		case nil:
			return false
		case *ast.FuncLit:
			w.lits = append(w.lits, n)
			return false
		case *ast.AssignStmt:
			// w.Header()["Allow"] = …
			for _, lhs := range n.Lhs {
				if ix, ok := lhs.(*ast.IndexExpr); ok {
					if writer, ok := w.headerOf(ix.X); ok {
						st = w.emit(st, event{kind: headerSet, writer: writer, header: w.g.headerName(ix.Index), direct: true, api: w.g.text(lhs)}, lhs)
						consumed[ix.X] = true
					}
				}
			}
		case *ast.CallExpr:
			if consumed[n] {
				return true
			}
			for _, ev := range w.callEvents(n, consumed) {
				ev.checked = checked && ev.kind == bodyWrite
				ev.api = w.g.apiText(n)
				st = w.emit(st, ev, n)
			}
		}
		return true
	})
	return st
}

func (w *walker) emit(st state, ev event, n ast.Node) state {
	ev.start, ev.end = w.g.offset(n.Pos()), w.g.offset(n.End())
	if w.isWholeStmt(n) {
		ev.stmtStart, ev.stmtEnd, ev.block = w.g.offset(w.plain.Pos()), w.g.offset(w.plain.End()), w.blockID
	}
	w.g.facts.steps = append(w.g.facts.steps, flowStep{ev: ev, before: st})
	return push(st, ev)
}

// writerName returns the normalised text of a response writer expression, and
// whether it is one: a ResponseWriter, a recorder, a receiver of WriteHeader,
// or a framework context (gin's c.Writer and echo's c.Response() are c).
func (w *walker) writerName(e ast.Expr) (string, bool) {
	e = unparen(e)
	switch e := e.(type) {
	case *ast.Ident:
		return e.Name, w.env.isWriter(e.Name)
	case *ast.SelectorExpr, *ast.CallExpr:
	default:
		return "", false
	}
	if sel, ok := e.(*ast.SelectorExpr); ok && sel.Sel.Name == "Writer" {
		if id, ok := sel.X.(*ast.Ident); ok && w.env.isGin(id.Name) {
			return id.Name, true
		}
	}
	if call, ok := e.(*ast.CallExpr); ok && len(call.Args) == 0 {
		if sel, ok := call.Fun.(*ast.SelectorExpr); ok && sel.Sel.Name == "Response" {
			if id, ok := sel.X.(*ast.Ident); ok && w.env.isEcho(id.Name) {
				return id.Name, true
			}
		}
	}
	name := w.g.text(e)
	if w.env.isWriter(name) {
		return name, true
	}
	return "", false
}

// headerOf recognises W.Header() and returns W.
func (w *walker) headerOf(e ast.Expr) (string, bool) {
	call, ok := unparen(e).(*ast.CallExpr)
	if !ok || len(call.Args) != 0 {
		return "", false
	}
	sel, ok := call.Fun.(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != "Header" {
		return "", false
	}
	return w.writerName(sel.X)
}

func stringLit(e ast.Expr) string {
	if lit, ok := unparen(e).(*ast.BasicLit); ok && lit.Kind == token.STRING {
		if s, err := strconv.Unquote(lit.Value); err == nil {
			return s
		}
	}
	return ""
}
