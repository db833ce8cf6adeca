package golang

import (
	"go/ast"
	"go/token"
	"strconv"
	"strings"

	"github.com/httpcodes/httpcodes/analysis/internal/facts"
	"github.com/httpcodes/httpcodes/analysis/internal/lex"
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
				g.walkFunction(g.funcEnv(top, d.Recv, d.Type, d.Body), d.Body, g.ownWriteHeaderRecv(d), false)
			}
		case *ast.GenDecl:
			// Function literals in package-level variables.
			lits = append(lits, funcLits(d)...)
		}
	}
	for _, lit := range lits {
		g.walkFunction(g.funcEnv(top, nil, lit.Type, lit.Body), lit.Body, "", false)
	}
}

// noMethodLits returns the function literals a body hands to gin's
// NoMethod: gin sets Allow before it runs them.
func (g *goFile) noMethodLits(body *ast.BlockStmt) map[*ast.FuncLit]bool {
	var out map[*ast.FuncLit]bool
	inspectShallow(body, func(n ast.Node) {
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return
		}
		if sel, ok := call.Fun.(*ast.SelectorExpr); !ok || sel.Sel.Name != "NoMethod" {
			return
		}
		for _, a := range call.Args {
			if lit, ok := a.(*ast.FuncLit); ok {
				if out == nil {
					out = map[*ast.FuncLit]bool{}
				}
				out[lit] = true
			}
		}
	})
	return out
}

// ownWriteHeaderRecv returns the receiver of a method whose type declares
// its own WriteHeader in this file, "" otherwise.
func (g *goFile) ownWriteHeaderRecv(d *ast.FuncDecl) string {
	if d.Recv == nil || len(d.Recv.List) != 1 || len(d.Recv.List[0].Names) != 1 {
		return ""
	}
	typ := d.Recv.List[0].Type
	if star, ok := typ.(*ast.StarExpr); ok {
		typ = star.X
	}
	if id, ok := typ.(*ast.Ident); ok && g.ownWriteHeader[id.Name] {
		return d.Recv.List[0].Names[0].Name
	}
	return ""
}

// walkFunction walks one body, then the function literals inside it, each
// with this body's env as parent.
// ownRecv is the receiver whose WriteHeader is its type's own (see
// walker.ownRecv); noMethod is set on a handler gin runs for a method the
// route does not allow, after setting Allow itself.
func (g *goFile) walkFunction(env *goEnv, body *ast.BlockStmt, ownRecv string, noMethod bool) {
	lits := funcLitsIfNoWriter(env, body)
	var noMethodLits map[*ast.FuncLit]bool
	if lits == nil {
		w := &walker{g: g, env: env, consumed: map[ast.Node]bool{}, body: body, ownRecv: ownRecv}
		var st facts.State
		if noMethod {
			for name := range env.ginCtx {
				st = facts.Push(st, facts.Event{Kind: facts.HeaderSet, Writer: name, Header: "Allow"})
			}
		}
		w.block(body.List, st)
		lits = w.lits
	}
	if g.gin != "" {
		noMethodLits = g.noMethodLits(body)
	}
	for _, lit := range lits {
		g.walkFunction(g.funcEnv(env, nil, lit.Type, lit.Body), lit.Body, ownRecv, noMethodLits[lit])
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
	// chain is the if statement just walked, when the statement being
	// walked follows it directly (see ifJoin); facts is what the
	// conditions of the enclosing arms say on the current path; assigns
	// indexes the body's assignments, made on first use.
	chain   *ifJoin
	facts   condFacts
	assigns assignments
	body    *ast.BlockStmt
	// ownRecv is the receiver of a method of a type that declares its own
	// WriteHeader: recv.WriteHeader calls that method, not net/http's.
	ownRecv string
}

// ifStmt walks an if. Its arms start from the states of the arms of the if
// just before it that its condition does not contradict (see enter), and
// with the facts the condition gives; what it leaves is kept in w.chain
// for the statement after it.
func (w *walker) ifStmt(s *ast.IfStmt, st facts.State) (facts.State, bool) {
	g := w.g
	in := w.chain
	w.chain = nil
	if s.Init != nil {
		st, _ = w.stmt(s.Init, st)
		in = nil
	}
	pure := !hasCallOrLit(s.Cond)
	thenIn, elseIn := st, st
	// lead is the pure leading conjuncts of a condition that calls
	// something (`!done && isSSE(h.Get(…))`): the then arm runs only when
	// they hold, whatever the calls after them do.
	var lead ast.Expr
	if pure && in != nil && in.out == st {
		thenIn, elseIn = g.enter(in, s.Cond, true, 0), g.enter(in, s.Cond, false, 0)
	} else {
		before := st
		st = w.events(s.Cond, st)
		thenIn, elseIn = st, st
		if lead = pureLead(s.Cond); lead != nil && in != nil && in.out == before && st == before {
			// The condition's calls did nothing to the response, so the
			// then arm starts from the arms before that lead does not
			// contradict; the else arm may follow any of them.
			thenIn = g.enter(in, lead, true, 0)
		} else {
			in, lead = nil, nil
		}
	}
	outer := w.facts
	var thenFacts, elseFacts condFacts
	if pure {
		thenFacts, elseFacts = g.factsIf(s.Cond, true), g.factsIf(s.Cond, false)
	} else if lead != nil {
		thenFacts = g.factsIf(lead, true)
	}
	w.facts = outer.andBounded(w.armEntry(thenFacts, s.Body))
	thenSt, thenDone := w.block(s.Body.List, thenIn)
	thenArm := arm{facts: w.armEnd(thenFacts, s.Body.List, s.Body), st: thenSt}
	elseSt, elseDone := elseIn, false
	elseArm := arm{facts: elseFacts, st: elseIn, prior: in}
	if s.Else != nil {
		w.facts = outer.andBounded(w.armEntry(elseFacts, s.Else))
		w.chain = nil
		elseSt, elseDone = w.stmt(s.Else, elseIn)
		var stmts []ast.Stmt
		if b, ok := s.Else.(*ast.BlockStmt); ok {
			stmts = b.List
		}
		elseArm = arm{facts: w.armEnd(elseFacts, stmts, s.Else), st: elseSt}
	}
	w.facts = outer
	out, done := lex.MergeBranches([]facts.State{thenSt, elseSt}, []bool{thenDone, elseDone})
	var arms []arm
	if !thenDone {
		arms = append(arms, thenArm)
	}
	if !elseDone {
		arms = append(arms, elseArm)
	}
	w.chain = &ifJoin{arms: arms, out: out}
	return out, done
}

// armEntry is what a condition's facts still say inside an arm: the facts
// about variables the arm does not assign.
func (w *walker) armEntry(f condFacts, n ast.Node) condFacts {
	if f.empty() {
		return f
	}
	start, end := w.g.offset(n.Pos()), w.g.offset(n.End())
	as := w.assignments()
	return f.without(func(name string) bool { return as.in(name, start, end) })
}

// armEnd is what holds at the end of an arm (see armFacts).
func (w *walker) armEnd(f condFacts, stmts []ast.Stmt, n ast.Node) condFacts {
	if f.empty() && !setsFlag(stmts) {
		return f
	}
	return w.g.armFacts(f, stmts, w.g.offset(n.Pos()), w.g.offset(n.End()), w.assignments())
}

func (w *walker) assignments() assignments {
	if w.assigns == nil {
		w.assigns = w.g.indexAssignments(w.body)
	}
	return w.assigns
}

// setsFlag reports whether a statement list assigns true or false.
func setsFlag(stmts []ast.Stmt) bool {
	for _, s := range stmts {
		if a, ok := s.(*ast.AssignStmt); ok && len(a.Rhs) == 1 {
			if id, ok := unparen(a.Rhs[0]).(*ast.Ident); ok && (id.Name == "true" || id.Name == "false") {
				return true
			}
		}
	}
	return false
}

// pureLead is the longest run of leading conjuncts of cond that call
// nothing (`a && b` of `a && b && f()`), or nil.
func pureLead(cond ast.Expr) ast.Expr {
	for {
		b, ok := unparen(cond).(*ast.BinaryExpr)
		if !ok || b.Op != token.LAND {
			return nil
		}
		if !hasCallOrLit(b.X) {
			return b.X
		}
		cond = b.X
	}
}

// hasCallOrLit reports whether an expression calls anything or holds a
// function literal: a condition that may do something to a response.
func hasCallOrLit(e ast.Expr) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		switch n.(type) {
		case *ast.CallExpr, *ast.FuncLit:
			found = true
		}
		return !found
	})
	return found
}

// block walks statements in order; it returns the state at the end and
// whether every path through them ends (return, panic, …).
func (w *walker) block(stmts []ast.Stmt, st facts.State) (facts.State, bool) {
	if len(stmts) > 0 {
		outer := w.blockID
		w.blockID = w.g.offset(stmts[0].Pos())
		defer func() { w.blockID = outer }()
	}
	w.chain = nil
	for _, s := range stmts {
		var done bool
		// Only an if right after an if reads what the first one's arms knew.
		if _, ok := s.(*ast.IfStmt); !ok {
			w.chain = nil
		}
		st, done = w.stmt(s, st)
		if _, ok := s.(*ast.IfStmt); !ok {
			w.chain = nil
		}
		if done {
			return st, true
		}
	}
	return st, false
}

func (w *walker) stmt(s ast.Stmt, st facts.State) (facts.State, bool) {
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
		return w.ifStmt(s, st)
	case *ast.ForStmt:
		if s.Init != nil {
			st, _ = w.stmt(s.Init, st)
		}
		if s.Cond != nil {
			st = w.events(s.Cond, st)
		}
		body, _ := w.block(s.Body.List, st)
		return facts.AfterLoop(st, body), false
	case *ast.RangeStmt:
		st = w.events(s.X, st)
		body, _ := w.block(s.Body.List, st)
		return facts.AfterLoop(st, body), false
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
func (w *walker) clauses(body *ast.BlockStmt, st facts.State, isSelect bool) (facts.State, bool) {
	var outs []facts.State
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
	return lex.MergeBranches(outs, done)
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
func (w *walker) events(n ast.Node, st facts.State) facts.State { return w.eventsChecked(n, st, true) }

func (w *walker) eventsChecked(n ast.Node, st facts.State, checked bool) facts.State {
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
						st = w.emit(st, facts.Event{Kind: facts.HeaderSet, Writer: writer, Header: w.g.headerName(ix.Index), Direct: true, Api: w.g.text(lhs)}, lhs)
						consumed[ix.X] = true
					}
				}
			}
		case *ast.CallExpr:
			if consumed[n] {
				return true
			}
			for _, ev := range w.callEvents(n, consumed) {
				ev.Checked = checked && ev.Kind == facts.BodyWrite
				ev.Api = w.g.apiText(n)
				st = w.emit(st, ev, n)
			}
		}
		return true
	})
	return st
}

func (w *walker) emit(st facts.State, ev facts.Event, n ast.Node) facts.State {
	ev.Start, ev.End = w.g.offset(n.Pos()), w.g.offset(n.End())
	if w.isWholeStmt(n) {
		ev.StmtStart, ev.StmtEnd, ev.Block = w.g.offset(w.plain.Pos()), w.g.offset(w.plain.End()), w.blockID
	}
	w.g.facts.Steps = append(w.g.facts.Steps, facts.FlowStep{Ev: ev, Before: st})
	return facts.Push(st, ev)
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
