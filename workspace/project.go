package workspace

import (
	"bytes"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/httpcodes/httpcodes/analysis"
	"github.com/httpcodes/httpcodes/internal/readfile"
)

// This file holds the project join that undocumented-status reads: for a
// root (check's path arguments, the editor's folder), its API descriptions
// — the file its configuration names as `openapi:`, or every OpenAPI and
// Swagger file under it — and the routes and functions of every file under
// it that the configuration includes, joined by analysis.NewProject. It is
// built on the first analysis that asks, once per root, and the server
// updates it as documents change (Update), so check and the editor judge a
// file against the same join.

// projects are the joins of a workspace's roots, shared by the workspaces
// WithSettings derives.
type projects struct {
	mu    sync.Mutex
	roots map[string]*projectIndex // absolute root → its join
}

// projectIndex is the join of one root.
type projectIndex struct {
	root string
	once sync.Once

	mu      sync.Mutex
	named   string                           // the description the configuration names, absolute; "" for none
	descs   map[string]*analysis.Description // absolute path → description
	facts   map[string]*analysis.RouteFacts  // absolute path → routes and functions
	overlay map[string][]byte                // the editor's open documents
	join    *analysis.Project
}

// projectSkips are the directories a project's walk does not enter:
// dependencies and builds.
var projectSkips = map[string]bool{"node_modules": true, "vendor": true, "dist": true, "build": true, "target": true, "__pycache__": true, "venv": true}

// project returns the join of the root that holds path (the innermost),
// building it on first use; nil when no root holds it.
func (w *Workspace) project(path string) *projectIndex {
	abs, err := filepath.Abs(path)
	if err != nil || len(w.settings.Roots) == 0 {
		return nil
	}
	best := ""
	for _, r := range w.settings.Roots {
		ra, err := filepath.Abs(r)
		if err != nil {
			continue
		}
		if within(abs, ra) && len(ra) > len(best) {
			best = ra
		}
	}
	if best == "" {
		return nil
	}
	w.projects.mu.Lock()
	ix, ok := w.projects.roots[best]
	if !ok {
		ix = &projectIndex{root: best, descs: map[string]*analysis.Description{}, facts: map[string]*analysis.RouteFacts{}, overlay: map[string][]byte{}}
		w.projects.roots[best] = ix
	}
	w.projects.mu.Unlock()
	ix.once.Do(func() { w.build(ix) })
	return ix
}

// within reports whether path is dir or under it.
func within(path, dir string) bool {
	return path == dir || strings.HasPrefix(path, strings.TrimSuffix(dir, string(filepath.Separator))+string(filepath.Separator))
}

// build walks a root: its descriptions first and, when it has any, the
// routes of its included files.
func (w *Workspace) build(ix *projectIndex) {
	cfg, _ := w.configInDir(ix.root)
	ix.named = cfg.OpenAPIPath()
	var candidates, sources []string
	_ = filepath.WalkDir(ix.root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		name := d.Name()
		if d.IsDir() {
			if path != ix.root && (strings.HasPrefix(name, ".") || projectSkips[name]) {
				return filepath.SkipDir
			}
			if excluded, _ := w.ExcludedDir(path); excluded && path != ix.root {
				return filepath.SkipDir
			}
			return nil
		}
		if !d.Type().IsRegular() {
			return nil
		}
		switch lang := analysis.Language(path); {
		case lang == "openapi":
			if c, _ := w.Config(path); !c.Excluded(path) {
				candidates = append(candidates, path)
			}
		case lang != "":
			if inc, err := w.Includes(path); err == nil && inc.Included {
				sources = append(sources, path)
			}
		}
		return nil
	})
	if ix.named != "" {
		candidates = []string{ix.named}
	}
	for _, path := range candidates {
		if d := w.readDescription(ix, path, nil); d != nil {
			ix.descs[path] = d
		}
	}
	if len(ix.descs) == 0 {
		ix.join = analysis.NewProject(nil, nil)
		return
	}
	for path, rf := range routesOf(sources, ix.descs, nil) {
		ix.facts[path] = rf
	}
	ix.rejoin()
}

// routesOf extracts the routes and functions of a root's sources, on
// every core, parsing only the files that can matter: those that write a
// literal segment of a documented path in a string ("/orders", 'orders'),
// where a route to it may be registered, and then those that name a
// handler those routes name. Most files of a large project are neither,
// and parsing them would cost more than the rest of the check. overlay,
// when set, gives the editor's text of open files.
func routesOf(sources []string, descs map[string]*analysis.Description, overlay func(string) ([]byte, bool)) map[string]*analysis.RouteFacts {
	segs := map[string]bool{}
	for _, d := range descs {
		for _, op := range d.Operations {
			for _, seg := range strings.Split(op.Path, "/") {
				if seg != "" && !strings.ContainsAny(seg, "{}") {
					segs[seg] = true
				}
			}
		}
		// A route may start with the server's prefix, or with its method
		// (ServeMux's "GET /orders/{id}").
		for _, op := range d.Operations {
			segs[op.Method] = true
		}
		// A route may start with the server's prefix.
		for _, p := range d.Prefixes {
			for _, seg := range strings.Split(p, "/") {
				if seg != "" {
					segs[seg] = true
				}
			}
		}
	}
	srcs := make([][]byte, len(sources))
	facts := make([]*analysis.RouteFacts, len(sources))
	parallel(len(sources), func(i int) {
		src, open := []byte(nil), false
		if overlay != nil {
			src, open = overlay(sources[i])
		}
		if !open {
			var err error
			if src, err = readfile.Read(sources[i], readfile.SourceLimit); err != nil {
				return
			}
		}
		srcs[i] = src
		if writesSegment(src, segs) {
			facts[i] = analysis.Routes(sources[i], src)
		}
	})
	var names [][]byte
	named := map[string]bool{}
	for _, rf := range facts {
		if rf == nil {
			continue
		}
		for _, r := range rf.Routes {
			if r.Handler != "" && !named[r.Handler] {
				named[r.Handler] = true
				names = append(names, []byte(r.Handler+"("))
			}
		}
	}
	parallel(len(sources), func(i int) {
		if facts[i] != nil || srcs[i] == nil {
			return
		}
		for _, n := range names {
			if bytes.Contains(srcs[i], n) {
				facts[i] = analysis.Routes(sources[i], srcs[i])
				return
			}
		}
	})
	out := map[string]*analysis.RouteFacts{}
	for i, rf := range facts {
		if rf != nil {
			out[sources[i]] = rf
		}
	}
	return out
}

// writesSegment reports, in one pass, whether src starts a string literal
// with one of segs: "/orders…", 'orders…', `/orders…`. An import path
// ("example.com/orders") does not count: a route's path starts with its
// first segment.
func writesSegment(src []byte, segs map[string]bool) bool {
	for i := 0; i < len(src); i++ {
		switch src[i] {
		case '\'', '"', '`':
			j := i + 1
			if j < len(src) && src[j] == '/' {
				j++
			}
			k := j
			for k < len(src) && (src[k] == '_' || src[k] == '-' || src[k] == '.' || 'a' <= src[k]|0x20 && src[k]|0x20 <= 'z' || '0' <= src[k] && src[k] <= '9') {
				k++
			}
			if k > j && segs[string(src[j:k])] {
				return true
			}
		}
	}
	return false
}

// parallel runs f(0…n-1) on every core.
func parallel(n int, f func(i int)) {
	jobs := make(chan int)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				f(i)
			}
		}()
	}
	for i := range n {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
}

// readDescription reads a description, from src when given, and names it
// relative to the root.
func (w *Workspace) readDescription(ix *projectIndex, path string, src []byte) *analysis.Description {
	if src == nil {
		var err error
		if src, err = readfile.Read(path, refLimit); err != nil {
			return nil
		}
	}
	d := analysis.ReadDescription(path, src, func(p string) ([]byte, error) {
		if b, ok := ix.overlay[p]; ok {
			return b, nil
		}
		return w.readRef(p)
	})
	if d == nil {
		return nil
	}
	if rel, err := filepath.Rel(ix.root, path); err == nil {
		d.Name = filepath.ToSlash(rel)
	}
	return d
}

// manifests are the files that make a directory a service of its own, in
// a repository of several (overleaf's services/*/package.json). Maven,
// Gradle and .NET are left out: they split one service into modules (an
// API project with the description, another with the controllers, as
// Sonarr and Radarr do), so a module is not a service.
var manifests = []string{"go.mod", "package.json", "pyproject.toml", "setup.py", "requirements.txt",
	"Cargo.toml", "composer.json", "Gemfile"}

// serviceDir is the nearest directory from dir up to root that holds a
// service's manifest, or "" when that is root itself or there is none: the
// scope of a description kept in dir.
func serviceDir(root, dir string) string {
	for d := dir; ; d = filepath.Dir(d) {
		if d == root || !strings.HasPrefix(d, root+string(filepath.Separator)) {
			return ""
		}
		for _, m := range manifests {
			if _, err := os.Stat(filepath.Join(d, m)); err == nil {
				return d
			}
		}
	}
}

// rejoin joins the routes to the descriptions again; ix.mu is held or the
// index is not shared yet.
func (ix *projectIndex) rejoin() {
	paths := make([]string, 0, len(ix.descs))
	for p := range ix.descs {
		paths = append(paths, p)
	}
	slices.Sort(paths)
	descs := make([]*analysis.Description, 0, len(paths))
	for _, p := range paths {
		descs = append(descs, ix.descs[p])
	}
	// The services whose files register routes: a description kept in one
	// service never judges another's, even when its own registers none
	// (overleaf's chat service serves chat.yaml through a router built
	// from the description itself).
	var services []string
	seen := map[string]bool{}
	for p, rf := range ix.facts {
		if len(rf.Routes) == 0 {
			continue
		}
		if s := serviceDir(ix.root, filepath.Dir(p)); s != "" && !seen[s] {
			seen[s] = true
			services = append(services, s)
		}
	}
	slices.Sort(services)
	for _, d := range descs {
		// A description in the project's own files (no service of its
		// own) judges every route; one kept in a service, only its own
		// service's and those in no service.
		own := serviceDir(ix.root, filepath.Dir(d.Path))
		d.Others = nil
		if own == "" {
			continue
		}
		for _, s := range services {
			if s != own {
				d.Others = append(d.Others, s)
			}
		}
	}
	ix.join = analysis.NewProject(descs, ix.facts)
}

// current returns the join as it stands.
func (ix *projectIndex) current() *analysis.Project {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	return ix.join
}

// operations is analysis.Operations over a root's join: by absolute path,
// always the latest join.
type operations struct{ ix *projectIndex }

func absPath(path string) string {
	if abs, err := filepath.Abs(path); err == nil {
		return abs
	}
	return path
}

func (o operations) OperationsAt(path string, off int) []*analysis.Operation {
	return o.ix.current().OperationsAt(absPath(path), off)
}

func (o operations) RouteAt(path string, off int) (*analysis.Route, []*analysis.Operation) {
	return o.ix.current().RouteAt(absPath(path), off)
}

func (o operations) StatusArgs(path string) []analysis.StatusArg {
	return o.ix.current().StatusArgs(absPath(path))
}

// Update tells the workspace the editor's text of a file (src), or that
// the editor closed it (src nil: the disk holds it again). It reports
// whether the change reaches other files' findings: a description's
// responses or operations, or a route or function another file's routes
// or handlers may join to. The file's own findings always see the change.
func (w *Workspace) Update(path string, src []byte) bool {
	ix := w.project(path)
	if ix == nil {
		return false
	}
	abs := absPath(path)
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if src == nil {
		delete(ix.overlay, abs)
		var err error
		if src, err = os.ReadFile(abs); err != nil {
			src = []byte{}
		}
	} else {
		ix.overlay[abs] = src
	}
	if analysis.Language(abs) == "openapi" {
		isCandidate := ix.named == "" || ix.named == abs
		_, was := ix.descs[abs]
		var d *analysis.Description
		if isCandidate {
			d = w.readDescription(ix, abs, src)
		}
		if d == nil && !was {
			// A file a description $refs (a path item) changes the
			// descriptions that refer to it.
			if !w.refersTo(ix, abs) {
				return false
			}
		} else if d == nil {
			delete(ix.descs, abs)
		} else {
			ix.descs[abs] = d
		}
		w.rereadDescriptions(ix, abs)
		if len(ix.facts) == 0 && len(ix.descs) > 0 {
			ix.mu.Unlock()
			w.readSources(ix)
			ix.mu.Lock()
		}
		ix.rejoin()
		return true
	}
	rf := analysis.Routes(abs, src)
	old := ix.facts[abs]
	if rf == nil && old == nil {
		return false
	}
	if rf == nil {
		delete(ix.facts, abs)
	} else {
		ix.facts[abs] = rf
	}
	if len(ix.descs) == 0 {
		return false
	}
	ix.rejoin()
	return signature(old) != signature(rf)
}

// refersTo reports whether a description of the index reads a file (a
// path item $ref'd into it).
func (w *Workspace) refersTo(ix *projectIndex, file string) bool {
	for _, d := range ix.descs {
		for _, op := range d.Operations {
			if op.File() == file {
				return true
			}
		}
	}
	return false
}

// rereadDescriptions reads again the descriptions that read file through
// a $ref, from the editor's text where it has it.
func (w *Workspace) rereadDescriptions(ix *projectIndex, file string) {
	for p, d := range ix.descs {
		if p == file {
			continue
		}
		for _, op := range d.Operations {
			if op.File() == file {
				src := ix.overlay[p]
				if nd := w.readDescription(ix, p, src); nd != nil {
					ix.descs[p] = nd
				}
				break
			}
		}
	}
}

// readSources reads the routes of a root's files once a description shows
// up in a root that had none.
func (w *Workspace) readSources(ix *projectIndex) {
	var sources []string
	_ = filepath.WalkDir(ix.root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if d.IsDir() {
			if path != ix.root && (strings.HasPrefix(d.Name(), ".") || projectSkips[d.Name()]) {
				return filepath.SkipDir
			}
			return nil
		}
		if lang := analysis.Language(path); lang != "" && lang != "openapi" && d.Type().IsRegular() {
			if inc, err := w.Includes(path); err == nil && inc.Included {
				sources = append(sources, path)
			}
		}
		return nil
	})
	ix.mu.Lock()
	descs := maps.Clone(ix.descs)
	overlay := maps.Clone(ix.overlay)
	ix.mu.Unlock()
	facts := routesOf(sources, descs, func(p string) ([]byte, bool) {
		b, ok := overlay[p]
		return b, ok
	})
	ix.mu.Lock()
	for p, rf := range facts {
		ix.facts[p] = rf
	}
	ix.mu.Unlock()
}

// signature is what other files see of a file's routes: the routes and
// function names without their offsets.
func signature(rf *analysis.RouteFacts) string {
	if rf == nil {
		return ""
	}
	var b strings.Builder
	for _, r := range rf.Routes {
		b.WriteString(r.Method + " " + r.Path + " " + r.Handler)
		if r.Mounted {
			b.WriteString(" mounted")
		}
		b.WriteByte('\n')
	}
	for _, f := range rf.Funcs {
		b.WriteString(f.Name + "()\n")
	}
	return b.String()
}

// Descriptions returns the descriptions of the root that holds path.
func (w *Workspace) Descriptions(path string) []*analysis.Description {
	ix := w.project(path)
	if ix == nil {
		return nil
	}
	return ix.current().Descriptions()
}
