package main

import (
	"bufio"
	"bytes"
	"os"
	"path/filepath"
	"strings"

	"github.com/go-git/go-billy/v5/osfs"
	"github.com/go-git/go-git/v5/plumbing/format/gitignore"

	"github.com/httpcodes/httpcodes/internal/readfile"
)

// ignoreTree answers, for the files and directories of one git work tree,
// whether git ignores them: the global excludes (core.excludesFile, or
// ~/.config/git/ignore), .git/info/exclude and every .gitignore from the
// top of the work tree down, read with go-git's gitignore matcher. It runs
// no git, so the answer is the same where git is missing or refuses a
// directory it does not trust ("dubious ownership" in containers).
type ignoreTree struct {
	top   string                         // the work tree's top, absolute
	byDir map[string][]gitignore.Pattern // directory → the patterns in force there
}

// newIgnoreTree finds the work tree that holds dir (the nearest directory
// above it with a .git) and reads the patterns above dir; it returns nil
// outside a work tree, where nothing is ignored.
func newIgnoreTree(dir string) *ignoreTree {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil
	}
	top := abs
	for {
		if _, err := os.Lstat(filepath.Join(top, ".git")); err == nil {
			break
		}
		parent := filepath.Dir(top)
		if parent == top {
			return nil
		}
		top = parent
	}
	t := &ignoreTree{top: top, byDir: map[string][]gitignore.Pattern{}}
	var base []gitignore.Pattern
	fs := osfs.New("/")
	if sys, err := gitignore.LoadSystemPatterns(fs); err == nil {
		base = append(base, sys...)
	}
	global, err := gitignore.LoadGlobalPatterns(fs)
	if err == nil && global == nil {
		global = readPatterns(defaultGlobalExcludes(), nil)
	}
	base = append(base, global...)
	base = append(base, readPatterns(filepath.Join(top, ".git", "info", "exclude"), nil)...)
	t.byDir[top] = append(base, readPatterns(filepath.Join(top, ".gitignore"), nil)...)
	return t
}

// defaultGlobalExcludes is where git looks for the global excludes when
// core.excludesFile is not set.
func defaultGlobalExcludes() string {
	if xdg := os.Getenv("XDG_CONFIG_HOME"); xdg != "" {
		return filepath.Join(xdg, "git", "ignore")
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return ""
	}
	return filepath.Join(home, ".config", "git", "ignore")
}

// readPatterns parses an ignore file whose patterns are relative to the
// directory domain (path elements under the work tree's top); a file that
// cannot be read has none.
func readPatterns(path string, domain []string) []gitignore.Pattern {
	if path == "" {
		return nil
	}
	src, err := readfile.Read(path, readfile.ConfigLimit)
	if err != nil {
		return nil
	}
	var ps []gitignore.Pattern
	sc := bufio.NewScanner(bytes.NewReader(src))
	for sc.Scan() {
		line := strings.TrimSuffix(sc.Text(), "\r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		ps = append(ps, gitignore.ParsePattern(line, domain))
	}
	return ps
}

// elements are the path elements of an absolute path under the top.
func (t *ignoreTree) elements(abs string) []string {
	rel, err := filepath.Rel(t.top, abs)
	if err != nil || rel == "." {
		return nil
	}
	return strings.Split(filepath.ToSlash(rel), "/")
}

// patterns returns the patterns in force in an absolute directory under
// the top: its parent's, then its own .gitignore's, which win.
func (t *ignoreTree) patterns(dir string) []gitignore.Pattern {
	if ps, ok := t.byDir[dir]; ok {
		return ps
	}
	if len(dir) <= len(t.top) {
		return t.byDir[t.top]
	}
	parent := t.patterns(filepath.Dir(dir))
	own := readPatterns(filepath.Join(dir, ".gitignore"), t.elements(dir))
	ps := parent
	if len(own) > 0 {
		ps = append(append([]gitignore.Pattern{}, parent...), own...)
	}
	t.byDir[dir] = ps
	return ps
}

// ignored reports whether git ignores an absolute path under the top.
func (t *ignoreTree) ignored(abs string, isDir bool) bool {
	if t == nil {
		return false
	}
	return gitignore.NewMatcher(t.patterns(filepath.Dir(abs))).Match(t.elements(abs), isDir)
}
