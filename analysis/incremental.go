package analysis

import (
	"go/ast"
	"go/parser"
	"go/token"
)

// Incremental analyses a file once and then its edits: an edit inside one
// function body of a Go file re-extracts that function alone, while the
// facts of every other declaration are kept (moved by the edit's length)
// and the rules run again over all of them, so messages and line numbers
// always come from the new text. Any other edit is a full analysis. The
// result is the same as Analyze's on the new text (TestIncrementalMatchesFull).
//
// The language server keeps one per open document: it brings diagnostics
// after a keystroke in a large file well under a full analysis.
type Incremental struct {
	path string
	opts *Options
	src  []byte
	res  *Result
	// g holds the file-level facts (import names, writer types); nil when
	// the file is not Go or did not parse, so every edit is a full analysis.
	g     *goFile
	decls []declFacts
	// headerEnd is where the package clause and imports end; edits come
	// after it, so it does not move.
	headerEnd int
}

// declFacts are one top-level declaration's span and facts.
type declFacts struct {
	start, end int // the declaration
	// bodyStart and bodyEnd are the offsets just inside a function's braces;
	// both are 0 for other declarations.
	bodyStart, bodyEnd int
	occ                []Occurrence
	steps              []flowStep
}

// NewIncremental analyses src in full.
func NewIncremental(path string, src []byte, opts *Options) *Incremental {
	inc := &Incremental{path: path, opts: opts}
	inc.full(src)
	return inc
}

// Result is the analysis of the current text.
func (inc *Incremental) Result() *Result { return inc.res }

// Text is the current text.
func (inc *Incremental) Text() []byte { return inc.src }

// Edit replaces the bytes [start, end) of the current text with text and
// returns the analysis of the result.
func (inc *Incremental) Edit(start, end int, text string) *Result {
	if start < 0 || end < start || end > len(inc.src) {
		start, end = max(0, min(start, len(inc.src))), max(0, min(end, len(inc.src)))
		end = max(start, end)
	}
	next := make([]byte, 0, len(inc.src)-(end-start)+len(text))
	next = append(append(append(next, inc.src[:start]...), text...), inc.src[end:]...)
	if k := inc.bodyHolding(start, end); k >= 0 && inc.redoDecl(k, next, start, end, len(text)) {
		return inc.res
	}
	inc.full(next)
	return inc.res
}

// bodyHolding returns the declaration whose function body strictly holds
// [start, end), or -1.
func (inc *Incremental) bodyHolding(start, end int) int {
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

func (inc *Incremental) full(src []byte) {
	inc.src = src
	inc.res = &Result{Language: Language(inc.path), TestCode: IsTestPath(inc.path)}
	inc.g, inc.decls = nil, nil
	if inc.res.Language != "go" {
		inc.res = Analyze(inc.path, src, inc.opts)
		return
	}
	g := parseGo(inc.path, src, inc.res)
	if g == nil {
		return
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
	g.facts.path = inc.path
	judge(g.facts, inc.res, inc.opts)
	// Keep the file-level facts only: the syntax tree, the token file and
	// the facts (now in decls and res) would double the memory an open
	// document costs, and redoDecl parses what it needs.
	g.file, g.tok, g.facts, g.envs = nil, nil, nil, nil
}

// partition splits a file's facts by top-level declaration.
func partition(g *goFile, decls []ast.Decl, f *fileFacts) []declFacts {
	out := make([]declFacts, len(decls))
	for i, d := range decls {
		out[i] = declFacts{start: g.offset(d.Pos()), end: g.offset(d.End())}
		if fd, ok := d.(*ast.FuncDecl); ok && fd.Body != nil {
			out[i].bodyStart, out[i].bodyEnd = g.offset(fd.Body.Lbrace)+1, g.offset(fd.Body.Rbrace)
		}
	}
	k := 0
	for _, o := range f.occ {
		for k < len(out)-1 && o.Start >= out[k].end {
			k++
		}
		out[k].occ = append(out[k].occ, o)
	}
	k = 0
	for _, s := range f.steps {
		for k < len(out)-1 && s.ev.start >= out[k].end {
			k++
		}
		for k > 0 && s.ev.start < out[k].start {
			k--
		}
		out[k].steps = append(out[k].steps, s)
	}
	return out
}

// redoDecl re-extracts declaration k of the edited text next, where the
// edit replaced [start, end) with n bytes. It reports false when the
// declaration no longer parses alone, and the caller falls back.
func (inc *Incremental) redoDecl(k int, next []byte, start, end, n int) bool {
	delta := n - (end - start)
	d := inc.decls[k]
	declEnd := d.end + delta
	headerEnd := inc.headerEnd
	if headerEnd > d.start {
		return false
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
		return false
	}
	var decl *ast.FuncDecl
	for _, dd := range file.Decls {
		if fd, ok := dd.(*ast.FuncDecl); ok {
			if decl != nil {
				return false
			}
			decl = fd
		}
	}
	if decl == nil || decl.Body == nil {
		return false
	}
	g := *inc.g
	g.src, g.tok, g.file, g.envs = next, fset.File(file.Pos()), file, nil
	g.facts = &fileFacts{src: next}
	one := []ast.Decl{decl}
	g.findOccurrences(one)
	g.walkFunctions(one)
	if g.offset(decl.Pos()) != d.start || g.offset(decl.End()) != declEnd {
		return false
	}

	decls := make([]declFacts, len(inc.decls))
	copy(decls, inc.decls)
	decls[k] = declFacts{start: d.start, end: declEnd,
		bodyStart: g.offset(decl.Body.Lbrace) + 1, bodyEnd: g.offset(decl.Body.Rbrace),
		occ: g.facts.occ, steps: g.facts.steps}
	for i := k + 1; i < len(decls); i++ {
		decls[i] = decls[i].shifted(delta)
	}
	facts := &fileFacts{path: inc.path, src: next, occ: []Occurrence{}}
	for _, dd := range decls {
		facts.occ = append(facts.occ, dd.occ...)
		facts.steps = append(facts.steps, dd.steps...)
	}
	res := &Result{Language: "go", Generated: isGenerated(next), TestCode: IsTestPath(inc.path)}
	judge(facts, res, inc.opts)
	// The file-level facts (import names, writer types) are unchanged by an
	// edit inside a body; only the text moves on.
	inc.src, inc.res, inc.decls = next, res, decls
	return true
}

// shifted moves a declaration's span and facts by delta bytes. Each type
// of fact moves its own offsets (Occurrence.shifted, event.shifted), so a
// field added to one is moved where it is declared;
// TestShiftedMovesEveryOffset fails until it is.
func (d declFacts) shifted(delta int) declFacts {
	if delta == 0 {
		return d
	}
	out := declFacts{start: d.start + delta, end: d.end + delta}
	if d.bodyEnd > 0 {
		out.bodyStart, out.bodyEnd = d.bodyStart+delta, d.bodyEnd+delta
	}
	out.occ = make([]Occurrence, len(d.occ))
	for i, o := range d.occ {
		out.occ[i] = o.shifted(delta)
	}
	// The steps of a function share their states; move each node once.
	moved := map[any]any{}
	out.steps = make([]flowStep, len(d.steps))
	for i, s := range d.steps {
		out.steps[i] = flowStep{ev: s.ev.shifted(delta), before: s.before.shifted(delta, moved)}
	}
	return out
}
