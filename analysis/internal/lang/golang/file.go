package golang

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/parser"
	"go/scanner"
	"go/token"
	"strconv"
	"strings"

	"github.com/httpcodes/httpcodes/analysis/internal/facts"
	"github.com/httpcodes/httpcodes/analysis/internal/lex"
)

// Import paths whose presence lets a Go file hold a status context.
const (
	pathHTTP     = "net/http"
	pathHTTPTest = "net/http/httptest"
	pathGin      = "github.com/gin-gonic/gin"
	pathEcho     = "github.com/labstack/echo"
	pathFiber    = "github.com/gofiber/fiber"
	pathRender   = "github.com/go-chi/render"
)

// goMarkers are byte strings at least one of which every Go file with a
// status context contains: an import path of net/http or a framework, or the
// names of the contexts that need no import (s.w.WriteHeader, x.StatusCode).
var goMarkers = [][]byte{
	[]byte(pathHTTP), []byte("WriteHeader"), []byte("StatusCode"),
	[]byte("gin-gonic/gin"), []byte("labstack/echo"), []byte("gofiber/fiber"), []byte("go-chi/render"),
}

func goMayHaveStatus(src []byte) bool {
	for _, m := range goMarkers {
		if bytes.Contains(src, m) {
			return true
		}
	}
	return false
}

// goFile is one parsed Go file and the local names of the packages that give
// numbers a status meaning.
type goFile struct {
	src  []byte
	tok  *token.File
	file *ast.File
	// http is the local name of net/http: "http", an alias, "." for a dot
	// import, "" when the file does not import it. inHTTP is set inside
	// package net/http itself, whose own names are unqualified.
	http   string
	inHTTP bool
	// The local names of the other packages, "" when not imported.
	httptest, gin, echo, fiber, render string
	fmt, io, json, xml, log, os        string
	facts                              *facts.FileFacts
	// writerTypes are the types this file gives the methods of a response
	// writer (WriteHeader, and Header or Write): wrappers and recorders.
	writerTypes map[string]bool
	// ownWriteHeader are the types this file gives a WriteHeader method:
	// inside their methods, the receiver's WriteHeader is that method.
	ownWriteHeader map[string]bool
	// envs caches each function body's env: finding occurrences and
	// walking the flow both need it.
	envs map[*ast.BlockStmt]*goEnv
}

func init() {
	facts.Register(&facts.Language{Name: "go", Exts: []string{".go"}, Analyze: analyzeGo, MayHave: goMayHaveStatus, Complete: completeGo,
		Incremental: newGoIncremental, StatusByName: true,
		// _test.go, and the fake servers and helpers tests import
		// (testutil/, fixtures/), which probe odd codes as tests do.
		Tests:   facts.TestConventions{Suffixes: []string{"_test.go"}, Dirs: []string{"testutil", "fixtures"}},
		Editors: facts.EditorNames{Lsp: []string{"go"}, Vim: []string{"go"}, Helix: []string{"go"}},
		Phrases: facts.Phrases{
			Late:        "net/http drops a header set after that without a word",
			Bodiless:    "net/http refuses the write (http.ErrBodyNotAllowed)",
			Invalid:     "Go's WriteHeader panics on %d",
			Again:       "has no effect",
			AgainEffect: "a status is sent only once (net/http logs \"superfluous response.WriteHeader call\")",
			RedirectAPI: "http.Redirect",
			SetHeader: func(ev facts.Event, header string) string {
				return fmt.Sprintf("call %s.Header().Set(%q, …) first", ev.Writer, header)
			},
			Redirect: func(facts.Event) string { return "set Location first, or use http.Redirect, which sets it" },
		}})
}

func analyzeGo(path string, src []byte, res *facts.Result) *facts.FileFacts {
	if g := parseGo(path, src, res); g != nil {
		return g.facts
	}
	return nil
}

// parseGo parses a Go file and extracts its facts; nil on a syntax error,
// which it records in res.
func parseGo(path string, src []byte, res *facts.Result) *goFile {
	res.Generated = lex.IsGenerated(src)
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, path, src, parser.SkipObjectResolution)
	if err != nil {
		res.SyntaxError = goSyntaxError(fset, err)
		return nil
	}
	g := &goFile{src: src, tok: fset.File(file.Pos()), file: file, facts: &facts.FileFacts{Src: src}}
	g.resolveImports(path)
	g.findWriterTypes()
	g.extract()
	return g
}

func goSyntaxError(fset *token.FileSet, err error) *facts.SyntaxError {
	if list, ok := err.(scanner.ErrorList); ok && len(list) > 0 {
		return &facts.SyntaxError{Offset: list[0].Pos.Offset, Message: list[0].Msg}
	}
	return &facts.SyntaxError{Message: err.Error()}
}

func (g *goFile) resolveImports(path string) {
	for _, spec := range g.file.Imports {
		p, err := strconv.Unquote(spec.Path.Value)
		if err != nil {
			continue
		}
		name := p[strings.LastIndex(p, "/")+1:]
		if spec.Name != nil {
			name = spec.Name.Name
		}
		switch {
		case p == pathHTTP:
			g.http = name
		case p == pathHTTPTest:
			g.httptest = name
		case p == pathGin:
			g.gin = name
		case p == pathEcho || strings.HasPrefix(p, pathEcho+"/v"):
			if spec.Name == nil {
				name = "echo"
			}
			g.echo = name
		case p == pathFiber || strings.HasPrefix(p, pathFiber+"/v"):
			if spec.Name == nil {
				name = "fiber"
			}
			g.fiber = name
		case p == pathRender:
			g.render = name
		case p == "fmt":
			g.fmt = name
		case p == "io":
			g.io = name
		case p == "encoding/json":
			g.json = name
		case p == "encoding/xml":
			g.xml = name
		case p == "log":
			g.log = name
		case p == "os":
			g.os = name
		}
	}
	// Inside net/http itself the constants and functions are unqualified.
	if g.http == "" && g.file.Name.Name == "http" && strings.Contains(strings.ReplaceAll(path, "\\", "/"), "net/http/") {
		g.inHTTP = true
	}
}

func (g *goFile) offset(p token.Pos) int { return g.tok.Offset(p) }

// text returns the source of a node.
func (g *goFile) text(n ast.Node) string {
	return string(g.src[g.offset(n.Pos()):g.offset(n.End())])
}

// isPkg reports whether e is the package name local (an identifier).
func isPkg(e ast.Expr, local string) bool {
	id, ok := e.(*ast.Ident)
	return ok && local != "" && local != "." && local != "_" && id.Name == local
}

// httpFunc returns the name of a net/http package-level function or
// constant that e refers to, whatever the import name (dot imports and the
// package's own files included).
func (g *goFile) httpName(e ast.Expr) (string, bool) {
	switch e := e.(type) {
	case *ast.SelectorExpr:
		if isPkg(e.X, g.http) {
			return e.Sel.Name, true
		}
	case *ast.Ident:
		if g.http == "." || g.inHTTP {
			return e.Name, true
		}
	}
	return "", false
}

// pkgFunc returns the name of a function of the package imported as local
// that e refers to.
func pkgFunc(e ast.Expr, local string) (string, bool) {
	if sel, ok := e.(*ast.SelectorExpr); ok && isPkg(sel.X, local) {
		return sel.Sel.Name, true
	}
	return "", false
}

// constantPrefix is what this file writes before a Go constant name to refer
// to net/http ("http."), or ok=false when it cannot without a new import.
func (g *goFile) constantPrefix() (string, bool) {
	switch {
	case g.inHTTP || g.http == ".":
		return "", true
	case g.http != "" && g.http != "_":
		return g.http + ".", true
	case g.fiber != "" && g.fiber != "." && g.fiber != "_":
		// fiber defines the same Status names as net/http.
		return g.fiber + ".", true
	}
	return "", false
}

// parseGoInt reads a Go integer literal in any base, with underscores.
func parseGoInt(lit string) (int, bool) {
	n, err := strconv.ParseInt(lit, 0, 32)
	if err != nil {
		return 0, false
	}
	return int(n), true
}

// findWriterTypes records the types whose methods make them response writers.
func (g *goFile) findWriterTypes() {
	methods := map[string]map[string]bool{}
	for _, decl := range g.file.Decls {
		fd, ok := decl.(*ast.FuncDecl)
		if !ok || fd.Recv == nil || len(fd.Recv.List) != 1 {
			continue
		}
		typ := fd.Recv.List[0].Type
		if star, ok := typ.(*ast.StarExpr); ok {
			typ = star.X
		}
		if id, ok := typ.(*ast.Ident); ok {
			if methods[id.Name] == nil {
				methods[id.Name] = map[string]bool{}
			}
			methods[id.Name][fd.Name.Name] = true
		}
	}
	g.writerTypes = map[string]bool{}
	g.ownWriteHeader = map[string]bool{}
	for name, m := range methods {
		if m["WriteHeader"] && (m["Header"] || m["Write"]) {
			g.writerTypes[name] = true
		}
		if m["WriteHeader"] {
			g.ownWriteHeader[name] = true
		}
	}
}

// writerTypeName reports whether a type's name says it is a response
// writer or recorder (gin.ResponseWriter, *responseRecorder, statusRecorder).
func writerTypeName(name string) bool {
	lower := strings.ToLower(name)
	return strings.Contains(lower, "response") || strings.Contains(lower, "recorder")
}
