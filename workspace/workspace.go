package workspace

import (
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"github.com/httpcodes/httpcodes/analysis"
	"github.com/httpcodes/httpcodes/config"
	"github.com/httpcodes/httpcodes/internal/deps"
	"github.com/httpcodes/httpcodes/internal/readfile"
)

// Settings are what a front end adds to the project's own configuration:
// the command line's --config, the editor's rule severities.
type Settings struct {
	// ConfigFile, when set, is the configuration for every file; otherwise
	// each file takes the .httpcodes.yaml nearest above it.
	ConfigFile string
	// Rules maps a rule to a severity or "off"; it wins over the
	// configuration file (the editor's settings, command-line selections).
	Rules map[string]string
	// Tests, when set, is how test code is checked, over the
	// configuration's `tests:` (the editor's "tests" setting).
	Tests *analysis.TestPolicy
	// UnsafeFixes lets Fix apply the fixes their rules mark unsafe
	// (check --unsafe-fixes); a quick fix for one finding is offered
	// either way, as the person applying it sees what it does.
	UnsafeFixes bool
	// ReportUnusedIgnores reports the ignore comments that silence nothing
	// for every file (check --report-unused-ignores); without it, the
	// configuration's report-unused-ignores decides.
	ReportUnusedIgnores bool
	// Roots are the directories whose files make up the projects that
	// undocumented-status joins to their API descriptions: check's path
	// arguments, the editor's workspace folder. A file under no root is
	// judged against no description.
	Roots []string
	// Analyze, when set, stands in for analysis.Analyze: a seam for tests
	// that make one file's analysis fail, to see the front ends recover.
	Analyze func(path string, src []byte, opts *analysis.Options) *analysis.Result
}

// Workspace answers for every file of a session: one `check` run or one
// language server. It caches what it reads from disk per directory, so a
// tree of thousands of files reads each configuration and lockfile once.
// It is safe for concurrent use.
type Workspace struct {
	settings Settings

	mu       sync.Mutex
	configs  map[string]configEntry   // configuration file path → parsed
	nearest  map[string]string        // directory → its nearest configuration file, "" for none
	pins     map[string]deps.Versions // directory → the pins above it
	problems map[string]error         // lockfiles that cannot be read
	refs     map[string]refEntry      // files $ref'd from OpenAPI descriptions
	projects *projects
	explicit *configEntry
}

type refEntry struct {
	src []byte
	err error
}

// refLimit caps a file read because another refers to it (an OpenAPI
// response $ref'd from a description): a response file is small.
const refLimit = 4 << 20

// readRef reads a file an analysed file refers to, once per workspace,
// only if it is a regular file under the cap: a hostile $ref to /dev/zero
// or a FIFO is an error, which leaves the reference unjudged.
func (w *Workspace) readRef(path string) ([]byte, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, err
	}
	w.mu.Lock()
	e, ok := w.refs[abs]
	w.mu.Unlock()
	if !ok {
		e.src, e.err = readfile.Read(abs, refLimit)
		w.mu.Lock()
		w.refs[abs] = e
		w.mu.Unlock()
	}
	return e.src, e.err
}

type configEntry struct {
	cfg *config.Config
	err error
}

// New starts a workspace with the given settings. A named configuration
// file that cannot be read is an error here, before any file is checked.
func New(s Settings) (*Workspace, error) {
	w := &Workspace{
		settings: s,
		configs:  map[string]configEntry{},
		nearest:  map[string]string{},
		pins:     map[string]deps.Versions{},
		problems: map[string]error{},
		refs:     map[string]refEntry{},
		projects: &projects{roots: map[string]*projectIndex{}},
	}
	if s.Analyze == nil {
		w.settings.Analyze = analysis.Analyze
	}
	if s.ConfigFile != "" {
		cfg, err := config.Load(s.ConfigFile)
		if err != nil {
			return nil, err
		}
		w.explicit = &configEntry{cfg: cfg}
	}
	return w, nil
}

// WithSettings returns a workspace that shares this one's caches but
// applies other rule and test settings (the editor's settings changed); the
// configuration file stays.
func (w *Workspace) WithSettings(rules map[string]string, tests *analysis.TestPolicy) *Workspace {
	w.mu.Lock()
	defer w.mu.Unlock()
	next := &Workspace{settings: w.settings, configs: w.configs, nearest: w.nearest, pins: w.pins, problems: w.problems, refs: w.refs, projects: w.projects, explicit: w.explicit}
	next.settings.Rules, next.settings.Tests = rules, tests
	return next
}

// Config returns the configuration that governs a file, nil when there is
// none, and the error of a configuration file that cannot be read or
// parsed (reported once per file that it governs, by the caller).
func (w *Workspace) Config(path string) (*config.Config, error) {
	return w.configInDir(dirOf(path))
}

// configInDir returns the configuration that governs the files of an
// absolute directory.
func (w *Workspace) configInDir(dir string) (*config.Config, error) {
	if w.explicit != nil {
		return w.explicit.cfg, nil
	}
	w.mu.Lock()
	file, ok := w.nearest[dir]
	w.mu.Unlock()
	if !ok {
		file = config.Find(dir)
		w.mu.Lock()
		w.nearest[dir] = file
		w.mu.Unlock()
	}
	if file == "" {
		return nil, nil
	}
	w.mu.Lock()
	e, ok := w.configs[file]
	w.mu.Unlock()
	if !ok {
		cfg, err := config.Load(file)
		e = configEntry{cfg: cfg, err: err}
		w.mu.Lock()
		w.configs[file] = e
		w.mu.Unlock()
	}
	return e.cfg, e.err
}

// Pins returns the library versions that the lockfiles and manifests in a
// file's directory and the directories above it (up to the repository's
// root, the first holding .git) pin. Each directory is read once per
// workspace, and each lockfile parsed once, however many files share it.
// A lockfile that cannot be read is left out and kept for Problems.
func (w *Workspace) Pins(path string) deps.Versions {
	return w.pinsIn(dirOf(path))
}

func (w *Workspace) pinsIn(dir string) deps.Versions {
	w.mu.Lock()
	v, ok := w.pins[dir]
	w.mu.Unlock()
	if ok {
		return v
	}
	entries, _ := os.ReadDir(dir)
	var own []string
	root := false
	for _, e := range entries {
		if deps.IsManifest(e.Name()) && !e.IsDir() {
			own = append(own, filepath.Join(dir, e.Name()))
		}
		root = root || e.Name() == ".git"
	}
	v = deps.Versions{}
	if parent := filepath.Dir(dir); !root && parent != dir {
		for eco, ver := range w.pinsIn(parent) {
			v.Add(eco, ver)
		}
	}
	pins, errs := deps.Read(own)
	for eco, ver := range pins {
		v.Add(eco, ver)
	}
	w.mu.Lock()
	w.pins[dir] = v
	for _, err := range errs {
		w.problems[err.Error()] = err
	}
	w.mu.Unlock()
	return v
}

// Problems returns, once each and sorted, the errors of the lockfiles and
// manifests that could not be read (a symlink to /dev/zero, a FIFO, one
// over the size cap): their pins are left out, and check exits 2.
func (w *Workspace) Problems() []error {
	w.mu.Lock()
	defer w.mu.Unlock()
	keys := slices.Sorted(maps.Keys(w.problems))
	out := make([]error, 0, len(keys))
	for _, k := range keys {
		out = append(out, w.problems[k])
	}
	return out
}

// Options returns the analysis options for a file: its configuration's
// severities and codes (with the overrides whose globs match the file),
// its project's pins, and the settings over them.
func (w *Workspace) Options(path string) (*analysis.Options, error) {
	cfg, err := w.Config(path)
	if err != nil {
		return nil, err
	}
	opts := &analysis.Options{Severity: map[string]analysis.Severity{}, Disabled: map[string]bool{}, ReadFile: w.readRef}
	if base := cfg.OptionsFor(path); base != nil {
		opts.Codes, opts.Tests, opts.ReportUnusedIgnores = base.Codes, base.Tests, base.ReportUnusedIgnores
		for k, v := range base.Severity {
			opts.Severity[k] = v
		}
		for k, v := range base.Disabled {
			opts.Disabled[k] = v
		}
	}
	if ix := w.project(path); ix != nil && len(ix.current().Descriptions()) > 0 {
		opts.Operations = operations{ix}
	}
	if pins := w.Pins(path); len(pins) > 0 {
		opts.Pinned = pins
	}
	if w.settings.Tests != nil {
		opts.Tests = *w.settings.Tests
	}
	opts.ReportUnusedIgnores = opts.ReportUnusedIgnores || w.settings.ReportUnusedIgnores
	for rule, sev := range w.settings.Rules {
		if sev == "off" {
			opts.Disabled[rule] = true
			continue
		}
		s, ok := analysis.ParseSeverity(sev)
		if !ok {
			return nil, fmt.Errorf("rules: %s: %q is not a severity (error, warning, info, hint, off)", rule, sev)
		}
		delete(opts.Disabled, rule)
		opts.Severity[rule] = s
	}
	return opts, nil
}

// dirOf is the absolute directory of a file path; a path that cannot be
// made absolute (an untitled buffer's) is taken as it is.
func dirOf(path string) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		return filepath.Dir(path)
	}
	return filepath.Dir(abs)
}

// Warm reads, ahead of the first file, the configuration of root and the
// lockfiles of root and of the directories under it, depth levels down
// (dependencies, builds and hidden directories left out), so that an editor
// can show their problems when it starts rather than at the first file
// they govern. It returns the error of root's configuration, if any;
// lockfile problems join Problems.
func (w *Workspace) Warm(root string, depth int) error {
	abs, err := filepath.Abs(root)
	if err != nil {
		return nil
	}
	_, cfgErr := w.configInDir(abs)
	var walk func(dir string, left int)
	walk = func(dir string, left int) {
		w.pinsIn(dir)
		if left == 0 {
			return
		}
		entries, _ := os.ReadDir(dir)
		for _, e := range entries {
			name := e.Name()
			if e.IsDir() && !strings.HasPrefix(name, ".") && !warmSkips[name] {
				walk(filepath.Join(dir, name), left-1)
			}
		}
	}
	walk(abs, depth)
	return cfgErr
}

// warmSkips are directories Warm does not look into: dependencies and
// builds hold other projects' lockfiles.
var warmSkips = map[string]bool{
	"node_modules": true, "vendor": true, "target": true, "build": true, "dist": true,
	"venv": true, "__pycache__": true, "testdata": true,
}
