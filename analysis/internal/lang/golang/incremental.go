package golang

import (
	"go/ast"
	"go/parser"
	"go/token"

	"github.com/httpcodes/httpcodes/analysis/internal/facts"
	"github.com/httpcodes/httpcodes/analysis/internal/lex"
)

// goIncremental is Go's incremental extraction (see Reanalyser): an edit
// inside one function body re-extracts that function alone, while the facts
// of every other declaration are kept (moved by the edit's length); the
// Reanalyser then runs the rules again over all of them, so messages and
// line numbers always come from the new text. Any other edit is a full
// extraction.
type GoIncremental struct {
	path string
	// g holds the file-level facts (import names, writer types); nil when
	// the file did not parse, so every edit is a full analysis.
	g     *goFile
	decls []DeclFacts
	// headerEnd is where the package clause and imports end; edits come
	// after it, so it does not move.
	headerEnd int
}

// declFacts are one top-level declaration's span and facts.
type DeclFacts struct {
	start, end int // the declaration
	// bodyStart and bodyEnd are the offsets just inside a function's braces;
	// both are 0 for other declarations.
	bodyStart, bodyEnd int
	occ                []facts.Occurrence
	steps              []facts.FlowStep
}

// newGoIncremental analyses src in full; it is the Go language's
// incremental capability.
func newGoIncremental(path string, src []byte, res *facts.Result) (facts.IncrementalAnalysis, *facts.FileFacts) {
	inc := &GoIncremental{path: path}
	return inc, inc.full(src, res)
}

// edit extracts the facts of next, the current text with [start, end)
// replaced by n bytes: of that function alone when the edit falls inside
// one body and the function still parses alone, else of the whole file.
func (inc *GoIncremental) Edit(next []byte, start, end, n int, res *facts.Result) *facts.FileFacts {
	if k := inc.BodyHolding(start, end); k >= 0 {
		if f := inc.redoDecl(k, next, start, end, n, res); f != nil {
			return f
		}
	}
	return inc.full(next, res)
}

// bodyHolding returns the declaration whose function body strictly holds
// [start, end), or -1.
func (inc *GoIncremental) BodyHolding(start, end int) int {
	if inc.g == nil {
		return -1
	}
	for i, d := range inc.decls {
		if d.bodyEnd > 0 && d.bodyStart <= start && end <= d.bodyEnd {
			return i
		}
	}
	return -1
}

// full extracts the facts of the whole of src, or returns nil (setting
// res.SyntaxError) when it does not parse.
func (inc *GoIncremental) full(src []byte, res *facts.Result) *facts.FileFacts {
	inc.g, inc.decls = nil, nil
	g := parseGo(inc.path, src, res)
	if g == nil {
		return nil
	}
	inc.g = g
	inc.decls = partition(g, g.file.Decls, g.facts)
	inc.headerEnd = g.offset(g.file.Name.End())
	for _, decl := range g.file.Decls {
		gd, ok := decl.(*ast.GenDecl)
		if !ok || gd.Tok != token.IMPORT {
			break
		}
		inc.headerEnd = g.offset(gd.End())
	}
	all := g.facts
	// Keep the file-level facts only: the syntax tree, the token file and
	// the facts (now in decls and with the caller) would double the memory
	// an open document costs, and redoDecl parses what it needs.
	g.file, g.tok, g.facts, g.envs = nil, nil, nil, nil
	return all
}

// partition splits a file's facts by top-level declaration.
func partition(g *goFile, decls []ast.Decl, f *facts.FileFacts) []DeclFacts {
	out := make([]DeclFacts, len(decls))
	for i, d := range decls {
		out[i] = DeclFacts{start: g.offset(d.Pos()), end: g.offset(d.End())}
		if fd, ok := d.(*ast.FuncDecl); ok && fd.Body != nil {
			out[i].bodyStart, out[i].bodyEnd = g.offset(fd.Body.Lbrace)+1, g.offset(fd.Body.Rbrace)
		}
	}
	k := 0
	for _, o := range f.Occ {
		for k < len(out)-1 && o.Start >= out[k].end {
			k++
		}
		out[k].occ = append(out[k].occ, o)
	}
	k = 0
	for _, s := range f.Steps {
		for k < len(out)-1 && s.Ev.Start >= out[k].end {
			k++
		}
		for k > 0 && s.Ev.Start < out[k].start {
			k--
		}
		out[k].steps = append(out[k].steps, s)
	}
	return out
}

// redoDecl re-extracts declaration k of the edited text next, where the
// edit replaced [start, end) with n bytes, and returns the file's facts. It
// returns nil when the declaration no longer parses alone, and the caller
// falls back.
func (inc *GoIncremental) redoDecl(k int, next []byte, start, end, n int, res *facts.Result) *facts.FileFacts {
	delta := n - (end - start)
	d := inc.decls[k]
	declEnd := d.end + delta
	headerEnd := inc.headerEnd
	if headerEnd > d.start {
		return nil
	}
	// The new text with everything but the header and this declaration
	// blanked, so that positions in it are those of the real text.
	blank := make([]byte, len(next))
	for i, b := range next {
		switch {
		case i < headerEnd || i >= d.start && i < declEnd:
			blank[i] = b
		case b == '\n':
			blank[i] = '\n'
		default:
			blank[i] = ' '
		}
	}
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, inc.path, blank, parser.SkipObjectResolution)
	if err != nil {
		return nil
	}
	var decl *ast.FuncDecl
	for _, dd := range file.Decls {
		if fd, ok := dd.(*ast.FuncDecl); ok {
			if decl != nil {
				return nil
			}
			decl = fd
		}
	}
	if decl == nil || decl.Body == nil {
		return nil
	}
	g := *inc.g
	g.src, g.tok, g.file, g.envs = next, fset.File(file.Pos()), file, nil
	g.facts = &facts.FileFacts{Src: next}
	one := []ast.Decl{decl}
	g.findOccurrences(one)
	g.walkFunctions(one)
	if g.offset(decl.Pos()) != d.start || g.offset(decl.End()) != declEnd {
		return nil
	}

	decls := make([]DeclFacts, len(inc.decls))
	copy(decls, inc.decls)
	decls[k] = DeclFacts{start: d.start, end: declEnd,
		bodyStart: g.offset(decl.Body.Lbrace) + 1, bodyEnd: g.offset(decl.Body.Rbrace),
		occ: g.facts.Occ, steps: g.facts.Steps}
	for i := k + 1; i < len(decls); i++ {
		decls[i] = decls[i].Shifted(delta)
	}
	all := &facts.FileFacts{Src: next, Occ: []facts.Occurrence{}}
	for _, dd := range decls {
		all.Occ = append(all.Occ, dd.occ...)
		all.Steps = append(all.Steps, dd.steps...)
	}
	res.Generated = lex.IsGenerated(next)
	// The file-level facts (import names, writer types) are unchanged by an
	// edit inside a body; only the text moves on.
	inc.decls = decls
	return all
}

// shifted moves a declaration's span and facts by delta bytes. Each type
// of fact moves its own offsets (Occurrence.shifted, event.shifted), so a
// field added to one is moved where it is declared;
// TestShiftedMovesEveryOffset fails until it is.
func (d DeclFacts) Shifted(delta int) DeclFacts {
	if delta == 0 {
		return d
	}
	out := DeclFacts{start: d.start + delta, end: d.end + delta}
	if d.bodyEnd > 0 {
		out.bodyStart, out.bodyEnd = d.bodyStart+delta, d.bodyEnd+delta
	}
	out.occ = make([]facts.Occurrence, len(d.occ))
	for i, o := range d.occ {
		out.occ[i] = o.Shifted(delta)
	}
	// The steps of a function share their states; move each node once.
	moved := map[any]any{}
	out.steps = make([]facts.FlowStep, len(d.steps))
	for i, s := range d.steps {
		out.steps[i] = facts.FlowStep{Ev: s.Ev.Shifted(delta), Before: s.Before.Shifted(delta, moved)}
	}
	return out
}
