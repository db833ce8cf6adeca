package golang

import (
	"go/ast"
	"go/token"
	"math"
	"slices"
	"sort"

	"github.com/httpcodes/httpcodes/analysis/internal/facts"
)

// Branch conditions. A handler that writes in two ifs in a row is only
// wrong when both can run: `if 200 <= s && s <= 299 {…}` then
// `if 100 <= s && s <= 199 {…}` cannot, and neither can `if … { write;
// done = true }` then `if !done { write }`. The walk keeps, for the if it
// just left, what each of its arms knows (ranges of integer variables,
// values of boolean flags) and the state each arm ended in; the next if
// enters its arms with only the states of the arms its condition does not
// contradict. The same facts say when a status variable is confined to
// 1xx, which does not end the headers.

// interval is a closed range of integers.
type interval struct{ lo, hi int64 }

// ivset is a sorted list of disjoint intervals.
type ivset []interval

func (a ivset) intersect(b ivset) ivset {
	var out ivset
	for i, j := 0, 0; i < len(a) && j < len(b); {
		lo, hi := max(a[i].lo, b[j].lo), min(a[i].hi, b[j].hi)
		if lo <= hi {
			out = append(out, interval{lo, hi})
		}
		if a[i].hi < b[j].hi {
			i++
		} else {
			j++
		}
	}
	return out
}

func (a ivset) complement() ivset {
	var out ivset
	next := int64(math.MinInt64)
	for _, iv := range a {
		if iv.lo > next {
			out = append(out, interval{next, iv.lo - 1})
		}
		if iv.hi == math.MaxInt64 {
			return out
		}
		next = iv.hi + 1
	}
	return append(out, interval{next, math.MaxInt64})
}

func (a ivset) union(b ivset) ivset {
	all := append(slices.Clone(a), b...)
	sort.Slice(all, func(i, j int) bool { return all[i].lo < all[j].lo })
	var out ivset
	for _, iv := range all {
		if n := len(out); n > 0 && (iv.lo <= out[n-1].hi || out[n-1].hi != math.MaxInt64 && iv.lo == out[n-1].hi+1) {
			out[n-1].hi = max(out[n-1].hi, iv.hi)
			continue
		}
		out = append(out, iv)
	}
	return out
}

func (a ivset) subsetOf(b ivset) bool { return slices.Equal(a.intersect(b), a) }

// condFacts is what holds on a path: the ranges some integer variables are
// in and the values of some flags, by the variable's text. A nil map knows
// nothing.
type condFacts struct {
	ranges map[string]ivset
	flags  map[string]bool
}

func (f condFacts) empty() bool { return len(f.ranges) == 0 && len(f.flags) == 0 }

// and is the conjunction of two sets of facts.
func (f condFacts) and(o condFacts) condFacts {
	if o.empty() {
		return f
	}
	if f.empty() {
		return o
	}
	out := condFacts{ranges: map[string]ivset{}, flags: map[string]bool{}}
	for k, v := range f.ranges {
		out.ranges[k] = v
	}
	for k, v := range o.ranges {
		if old, ok := out.ranges[k]; ok {
			v = old.intersect(v)
		}
		out.ranges[k] = v
	}
	for k, v := range f.flags {
		out.flags[k] = v
	}
	for k, v := range o.flags {
		out.flags[k] = v
	}
	return out
}

// size is how many variables the facts speak of.
func (f condFacts) size() int { return len(f.ranges) + len(f.flags) }

// andBounded is and, keeping f alone when the two would speak of more than
// maxFacts variables: deep nests of conditions cost no more than shallow ones.
func (f condFacts) andBounded(o condFacts) condFacts {
	if f.size()+o.size() > maxFacts {
		return f
	}
	return f.and(o)
}

const maxFacts = 16

// without drops the facts about the variables assigned in [start, end).
func (f condFacts) without(assigned func(name string) bool) condFacts {
	if f.empty() {
		return f
	}
	out := condFacts{}
	for k, v := range f.ranges {
		if !assigned(k) {
			if out.ranges == nil {
				out.ranges = map[string]ivset{}
			}
			out.ranges[k] = v
		}
	}
	for k, v := range f.flags {
		if !assigned(k) {
			if out.flags == nil {
				out.flags = map[string]bool{}
			}
			out.flags[k] = v
		}
	}
	return out
}

// condVar is the text of a variable a condition may speak of: a name or a
// field (s, w.status, w.wrote); "" for anything else.
func (g *goFile) condVar(e ast.Expr) string {
	switch e := unparen(e).(type) {
	case *ast.Ident:
		if e.Name == "true" || e.Name == "false" || e.Name == "nil" {
			return ""
		}
		return e.Name
	case *ast.SelectorExpr:
		if g.condVar(e.X) != "" {
			return g.text(e)
		}
	}
	return ""
}

// condInt reads an integer a comparison is made with: a literal or a
// status constant.
func (g *goFile) condInt(e ast.Expr) (int64, bool) {
	if n, ok := intValue(e); ok {
		return int64(n), true
	}
	if code, _, ok := g.constantValue(e); ok {
		return int64(code), true
	}
	return 0, false
}

// rangeAtom reads `x OP n` or `n OP x` as the set of values of x that make
// it true.
func (g *goFile) rangeAtom(b *ast.BinaryExpr) (string, ivset, bool) {
	op := b.Op
	name, n, ok := g.condVar(b.X), int64(0), false
	if name != "" {
		n, ok = g.condInt(b.Y)
	} else if name = g.condVar(b.Y); name != "" {
		n, ok = g.condInt(b.X)
		// n OP x is x OP' n.
		switch op {
		case token.LSS:
			op = token.GTR
		case token.LEQ:
			op = token.GEQ
		case token.GTR:
			op = token.LSS
		case token.GEQ:
			op = token.LEQ
		}
	}
	if !ok || n == math.MinInt64 || n == math.MaxInt64 {
		return "", nil, false
	}
	switch op {
	case token.EQL:
		return name, ivset{{n, n}}, true
	case token.NEQ:
		return name, ivset{{n, n}}.complement(), true
	case token.LSS:
		return name, ivset{{math.MinInt64, n - 1}}, true
	case token.LEQ:
		return name, ivset{{math.MinInt64, n}}, true
	case token.GTR:
		return name, ivset{{n + 1, math.MaxInt64}}, true
	case token.GEQ:
		return name, ivset{{n, math.MaxInt64}}, true
	}
	return "", nil, false
}

// factsIf is what holds when cond is true (truth) or false (!truth);
// conditions it cannot read give no facts.
func (g *goFile) factsIf(cond ast.Expr, truth bool) condFacts {
	switch e := unparen(cond).(type) {
	case *ast.UnaryExpr:
		if e.Op == token.NOT {
			return g.factsIf(e.X, !truth)
		}
	case *ast.BinaryExpr:
		switch {
		case e.Op == token.LAND && truth, e.Op == token.LOR && !truth:
			return g.factsIf(e.X, truth).and(g.factsIf(e.Y, truth))
		case e.Op == token.LAND, e.Op == token.LOR:
			// One of two holds: known only when both speak of one variable.
			a, b := g.factsIf(e.X, truth), g.factsIf(e.Y, truth)
			if len(a.flags) == 0 && len(b.flags) == 0 && len(a.ranges) == 1 && len(b.ranges) == 1 {
				for k, va := range a.ranges {
					if vb, ok := b.ranges[k]; ok {
						return condFacts{ranges: map[string]ivset{k: va.union(vb)}}
					}
				}
			}
			return condFacts{}
		}
		if name, set, ok := g.rangeAtom(e); ok {
			if !truth {
				set = set.complement()
			}
			return condFacts{ranges: map[string]ivset{name: set}}
		}
	case *ast.Ident, *ast.SelectorExpr:
		if name := g.condVar(e); name != "" {
			return condFacts{flags: map[string]bool{name: truth}}
		}
	}
	return condFacts{}
}

// truthOf evaluates cond under the facts: 1 true, -1 false, 0 unknown.
func (g *goFile) truthOf(cond ast.Expr, f condFacts) int {
	switch e := unparen(cond).(type) {
	case *ast.UnaryExpr:
		if e.Op == token.NOT {
			return -g.truthOf(e.X, f)
		}
	case *ast.BinaryExpr:
		switch e.Op {
		case token.LAND:
			a, b := g.truthOf(e.X, f), g.truthOf(e.Y, f)
			switch {
			case a < 0 || b < 0:
				return -1
			case a > 0 && b > 0:
				return 1
			}
			return 0
		case token.LOR:
			a, b := g.truthOf(e.X, f), g.truthOf(e.Y, f)
			switch {
			case a > 0 || b > 0:
				return 1
			case a < 0 && b < 0:
				return -1
			}
			return 0
		}
		if name, set, ok := g.rangeAtom(e); ok {
			known, ok := f.ranges[name]
			switch {
			case !ok:
				return 0
			case len(known.intersect(set)) == 0:
				return -1
			case known.subsetOf(set):
				return 1
			}
		}
	case *ast.Ident, *ast.SelectorExpr:
		if v, ok := f.flags[g.condVar(e)]; ok {
			if v {
				return 1
			}
			return -1
		}
	}
	return 0
}

// arm is one arm of an if the walk has just left: what holds at its end,
// the state it ended in, and, for an arm that only passed the if by, the
// arms of the if before it.
type arm struct {
	facts condFacts
	st    facts.State
	prior *ifJoin
}

// ifJoin is the if the walk has just left: its live arms and their union,
// the state after it.
type ifJoin struct {
	arms []arm
	out  facts.State
}

// maxJoinDepth bounds how many ifs back a condition is checked against,
// which keeps the walk linear.
const maxJoinDepth = 8

// enter returns the state in which an arm whose condition is cond (cond
// true when truth, false otherwise) starts: the union of the states of
// the arms of the ifs before that cond does not contradict.
func (g *goFile) enter(j *ifJoin, cond ast.Expr, truth bool, depth int) facts.State {
	var live []facts.State
	for _, a := range j.arms {
		t := g.truthOf(cond, a.facts)
		if !truth {
			t = -t
		}
		switch {
		case t < 0:
			continue
		case a.prior != nil && depth < maxJoinDepth:
			live = append(live, g.enter(a.prior, cond, truth, depth+1))
		default:
			live = append(live, a.st)
		}
	}
	if len(live) == 0 {
		// No arm can lead here: the code is dead by our reading, which
		// may be wrong; keep every path rather than none.
		return j.out
	}
	return facts.Union(live...)
}

// assignments indexes the assignments of a function body by the text of
// the variable assigned, so that an arm's facts about a variable can be
// dropped when the arm assigns it.
type assignments map[string][]int

func (g *goFile) indexAssignments(body *ast.BlockStmt) assignments {
	out := assignments{}
	add := func(e ast.Expr) {
		if name := g.condVar(e); name != "" {
			out[name] = append(out[name], g.offset(e.Pos()))
		}
	}
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			for _, l := range n.Lhs {
				add(l)
			}
		case *ast.IncDecStmt:
			add(n.X)
		case *ast.UnaryExpr:
			if n.Op == token.AND {
				add(n.X)
			}
		case *ast.RangeStmt:
			if n.Key != nil {
				add(n.Key)
			}
			if n.Value != nil {
				add(n.Value)
			}
		}
		return true
	})
	return out
}

// in reports whether the variable is assigned in [start, end).
func (a assignments) in(name string, start, end int) bool {
	offs := a[name]
	i := sort.SearchInts(offs, start)
	return i < len(offs) && offs[i] < end
}

// armFacts is what holds at the end of an arm entered with entry facts: the
// entry facts about variables the arm does not assign, and the flags its
// own statements set to a literal true or false (once).
func (g *goFile) armFacts(entry condFacts, stmts []ast.Stmt, start, end int, as assignments) condFacts {
	out := entry.without(func(name string) bool { return as.in(name, start, end) })
	for _, s := range stmts {
		a, ok := s.(*ast.AssignStmt)
		if !ok || len(a.Lhs) != 1 || len(a.Rhs) != 1 || a.Tok != token.ASSIGN && a.Tok != token.DEFINE {
			continue
		}
		name := g.condVar(a.Lhs[0])
		id, ok := unparen(a.Rhs[0]).(*ast.Ident)
		if name == "" || !ok || id.Name != "true" && id.Name != "false" || countIn(as[name], start, end) != 1 {
			continue
		}
		out = out.and(condFacts{flags: map[string]bool{name: id.Name == "true"}})
	}
	return out
}

func countIn(offs []int, start, end int) int {
	i, j := sort.SearchInts(offs, start), sort.SearchInts(offs, end)
	return j - i
}

// interimVar reports whether the facts on the current path confine the
// status variable e to 1xx.
func (w *walker) interimVar(e ast.Expr) bool {
	name := w.g.condVar(e)
	if name == "" {
		return false
	}
	set, ok := w.facts.ranges[name]
	return ok && len(set) > 0 && set.subsetOf(ivset{{100, 199}})
}
