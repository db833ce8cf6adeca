package golang

import (
	"go/ast"
	"runtime"
	"sync"

	"github.com/httpcodes/httpcodes/analysis/internal/facts"
)

// extract finds the occurrences and flow steps of every declaration. A large
// file is cut into contiguous runs of declarations, one per core, each
// analysed with its own facts and env cache; declarations share nothing but
// the file-level facts (imports, writer types), which are only read. Runs
// are in source order, so joining their results keeps everything sorted.
func (g *goFile) extract() {
	decls := g.file.Decls
	workers := runtime.GOMAXPROCS(0)
	if len(g.src) < facts.ParallelFrom || workers < 2 || len(decls) < 2*workers {
		g.findOccurrences(decls)
		g.walkFunctions(decls)
		return
	}
	runs := splitDecls(g, decls, workers)
	parts := make([]*goFile, len(runs))
	var wg sync.WaitGroup
	for i, run := range runs {
		part := *g
		part.facts = &facts.FileFacts{Src: g.src}
		part.envs = nil
		parts[i] = &part
		wg.Add(1)
		go func() {
			defer wg.Done()
			parts[i].findOccurrences(run)
			parts[i].walkFunctions(run)
		}()
	}
	wg.Wait()
	for _, p := range parts {
		g.facts.Occ = append(g.facts.Occ, p.facts.Occ...)
		g.facts.Steps = append(g.facts.Steps, p.facts.Steps...)
	}
}

// splitDecls cuts decls into n contiguous runs of about the same size in
// bytes.
func splitDecls(g *goFile, decls []ast.Decl, n int) [][]ast.Decl {
	total := g.offset(decls[len(decls)-1].End()) - g.offset(decls[0].Pos())
	var runs [][]ast.Decl
	start, size := 0, 0
	for i, d := range decls {
		size += g.offset(d.End()) - g.offset(d.Pos())
		if len(runs) < n-1 && size >= total/n {
			runs = append(runs, decls[start:i+1])
			start, size = i+1, 0
		}
	}
	return append(runs, decls[start:])
}
