package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestGitignoreWithoutGit checks that .gitignore files (nested, with a
// negation), .git/info/exclude and the global excludes leave files out
// with no git to run: PATH is empty, and .git is a bare directory that git
// itself would not take for a repository.
func TestGitignoreWithoutGit(t *testing.T) {
	dir := t.TempDir()
	home := t.TempDir()
	t.Setenv("HOME", home)
	t.Setenv("XDG_CONFIG_HOME", "")
	t.Setenv("PATH", "")
	writeFile(t, filepath.Join(home, ".config", "git", "ignore"), "*.local.go\n")
	writeFile(t, filepath.Join(dir, ".git", "info", "exclude"), "scratch/\n")
	writeFile(t, filepath.Join(dir, ".gitignore"), "# generated\ngen/\n*.pb.go\n")
	writeFile(t, filepath.Join(dir, "api", ".gitignore"), "old_*.go\n!old_kept.go\n")
	for _, name := range []string{"kept.go", "gen/a.go", "api/x.pb.go", "api/old_one.go", "api/old_kept.go", "scratch/s.go", "mine.local.go", "sub/deep/kept.go"} {
		writeFile(t, filepath.Join(dir, name), redirectBug)
	}
	t.Chdir(dir)
	_, stdout, stderr := runCmd(t, "check", "--format", "json", ".")
	var files []string
	for _, line := range strings.Split(stdout, "\n") {
		if f, ok := strings.CutPrefix(strings.TrimSpace(line), "\"file\": \""); ok {
			files = append(files, strings.TrimSuffix(f, "\","))
		}
	}
	if got, want := strings.Join(files, " "), "api/old_kept.go kept.go sub/deep/kept.go"; got != want {
		t.Errorf("checked %q, want %q\n%s", got, want, stderr)
	}
	// Outside a work tree nothing is ignored.
	if tree := newIgnoreTree(t.TempDir()); tree != nil {
		t.Errorf("a directory in no work tree has one at %s", tree.top)
	}
}
