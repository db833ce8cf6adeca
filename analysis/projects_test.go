package analysis

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/httpcodes/httpcodes/analysis/internal/facts"
	"github.com/httpcodes/httpcodes/analysis/internal/rules"
	"go.yaml.in/yaml/v3"
)

// The annotated projects of testdata/projects (see its README): each
// directory is a project whose handler files are judged against its API
// description, and whose description, fixed, is the .fixed golden.

var (
	projectsMu sync.Mutex
	projects   = map[string]*facts.Project{}
)

// projectDir returns the project directory of a testdata file under
// testdata/projects.
func projectDir(path string) (string, bool) {
	rel, ok := strings.CutPrefix(filepath.ToSlash(path), "testdata/projects/")
	if !ok {
		return "", false
	}
	name, _, ok := strings.Cut(rel, "/")
	return filepath.Join("testdata", "projects", name), ok
}

var openapiKey = regexp.MustCompile(`(?m)^openapi:\s*(\S+)`)

// projectDescriptions returns the description files of a project: the one
// its .httpcodes.yaml names, or every description in it.
func projectDescriptions(dir string) []string {
	if cfg, err := os.ReadFile(filepath.Join(dir, ".httpcodes.yaml")); err == nil {
		if m := openapiKey.FindSubmatch(cfg); m != nil {
			return []string{filepath.Join(dir, string(m[1]))}
		}
	}
	var out []string
	_ = filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && facts.LanguageOf(path) == "openapi" {
			if src, err := os.ReadFile(path); err == nil && facts.ReadDescription(path, src, os.ReadFile) != nil {
				out = append(out, path)
			}
		}
		return err
	})
	return out
}

// isProjectDescription reports whether a testdata file is the description
// of a project (or a file one $refs): the fix golden covers it, not
// annotations.
func isProjectDescription(path string) bool {
	if _, ok := projectDir(path); !ok {
		return false
	}
	return facts.LanguageOf(path) == "openapi"
}

// loadProject joins a project's routes to its descriptions, once.
func loadProject(dir string) *facts.Project {
	projectsMu.Lock()
	defer projectsMu.Unlock()
	if p, ok := projects[dir]; ok {
		return p
	}
	p := buildProject(dir, os.ReadFile)
	projects[dir] = p
	return p
}

// buildProject joins a project's routes to its descriptions, reading its
// files with read.
func buildProject(dir string, read func(string) ([]byte, error)) *facts.Project {
	var descs []*facts.Description
	for _, path := range projectDescriptions(dir) {
		src, _ := read(path)
		if d := facts.ReadDescription(path, src, read); d != nil {
			d.Name, _ = filepath.Rel(dir, path)
			d.Name = filepath.ToSlash(d.Name)
			descs = append(descs, d)
		}
	}
	files := map[string]*facts.RouteFacts{}
	_ = filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && facts.LanguageOf(path) != "" && facts.LanguageOf(path) != "openapi" {
			src, _ := read(path)
			if rf := facts.Routes(path, src); rf != nil {
				files[path] = rf
			}
		}
		return err
	})
	return facts.NewProject(descs, files)
}

func projectDirs(t *testing.T) []string {
	dirs, err := filepath.Glob(filepath.Join("testdata", "projects", "*"))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, d := range dirs {
		if st, err := os.Stat(d); err == nil && st.IsDir() {
			out = append(out, d)
		}
	}
	return out
}

// TestProjects applies every undocumented-status fix of each project to
// its description and compares the result with the description's .fixed
// golden; the fixed description must read as a description with the same
// operations, and the project must then analyse clean of the rule.
func TestProjects(t *testing.T) {
	dirs := projectDirs(t)
	if len(dirs) == 0 {
		t.Fatal("no annotated projects")
	}
	for _, dir := range dirs {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			proj := loadProject(dir)
			if len(proj.Descriptions()) == 0 {
				t.Fatal("the project has no description")
			}
			edits := map[string][]facts.Edit{}
			findings := 0
			_ = filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
				if err != nil || d.IsDir() || facts.LanguageOf(path) == "" || isProjectDescription(path) {
					return err
				}
				src, _ := os.ReadFile(path)
				for _, f := range Analyze(path, src, annotatedOptions(path, src)).Findings {
					if f.Rule != rules.RuleUndocumentedStatus.Name {
						continue
					}
					findings++
					if f.Fix == nil {
						t.Errorf("%s: %s: no fix", path, f.Message)
						continue
					}
					for _, e := range f.Fix.Edits {
						if !slices.Contains(edits[e.File], e) {
							edits[e.File] = append(edits[e.File], e)
						}
					}
				}
				return nil
			})
			if findings == 0 {
				t.Fatal("the project has no undocumented-status finding")
			}
			fixedText := map[string][]byte{}
			for file, es := range edits {
				src, err := os.ReadFile(file)
				if err != nil {
					t.Fatal(err)
				}
				slices.SortFunc(es, func(a, b facts.Edit) int {
					if a.Start != b.Start {
						return b.Start - a.Start
					}
					return strings.Compare(b.NewText, a.NewText)
				})
				fixed := append([]byte(nil), src...)
				for _, e := range es {
					fixed = slices.Concat(fixed[:e.Start], []byte(e.NewText), fixed[e.End:])
				}
				fixedText[file] = fixed
				if before := facts.ReadDescription(file, src, nil); before != nil {
					if after := facts.ReadDescription(file, fixed, nil); after == nil || len(after.Operations) != len(before.Operations) {
						t.Errorf("%s: the fixed description no longer reads as the same description:\n%s", file, fixed)
					}
				} else if !yamlParses(fixed) {
					t.Errorf("%s: the fixed file no longer parses:\n%s", file, fixed)
				}
				if matchGolden(t, file+".fixed", fixed, "go test ./analysis -run TestProjects -update") {
					continue
				}
			}
			// With every fix made, the project is clean of the rule.
			read := func(path string) ([]byte, error) {
				if b, ok := fixedText[path]; ok {
					return b, nil
				}
				return os.ReadFile(path)
			}
			fixedProject := buildProject(dir, read)
			_ = filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
				if err != nil || d.IsDir() || facts.LanguageOf(path) == "" || isProjectDescription(path) {
					return err
				}
				src, _ := os.ReadFile(path)
				for _, f := range Analyze(path, src, &facts.Options{Operations: fixedProject}).Findings {
					if f.Rule == rules.RuleUndocumentedStatus.Name {
						t.Errorf("%s: after the fixes: %s", path, f.Message)
					}
				}
				return nil
			})
		})
	}
}

func yamlParses(src []byte) bool {
	var n yaml.Node
	return yaml.Unmarshal(src, &n) == nil
}
