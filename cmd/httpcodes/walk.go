package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/httpcodes/httpcodes/analysis"
	"github.com/httpcodes/httpcodes/config"
	"github.com/httpcodes/httpcodes/internal/readfile"
	"github.com/httpcodes/httpcodes/workspace"
)

// skippedDirs are never descended into: other people's code, fixtures and
// tool state. A path named on the command line is checked all the same.
var skippedDirs = map[string]bool{"vendor": true, "testdata": true, "node_modules": true}

// collectFiles expands the paths into the files check analyses, in a stable
// order: in directories, the files the workspace includes (a language it
// reads and the configuration enables, no exclude pattern) that .gitignore
// (.git/info/exclude and the global excludes, inside a git work tree, read
// without running git) does not leave out. A file named on the command
// line is checked whatever the configuration says, unless forceExclude is
// set (pre-commit names files): then the configuration's exclude and
// languages apply to it too. One in no language the analysis reads is
// skipped with a note on stderr and not counted. Errors (a
// path that does not exist, a broken configuration) are returned beside the
// files, so the others are still checked.
func collectFiles(paths []string, ws *workspace.Workspace, forceExclude bool, notes io.Writer) (files []string, errs []error) {
	seen := map[string]bool{}
	add := func(p string) {
		if !seen[p] {
			seen[p] = true
			files = append(files, p)
		}
	}
	for _, root := range paths {
		// Go's "./..." pattern means the directory and everything under it,
		// which is what a directory means here.
		if root == "..." {
			root = "."
		} else if strings.HasSuffix(root, "/...") {
			root = strings.TrimSuffix(root, "/...")
		}
		info, err := os.Stat(root)
		if err != nil {
			errs = append(errs, pathError(root, err))
			continue
		}
		if !info.IsDir() {
			// A named FIFO or device is listed, so that reading it reports
			// it as no regular file, whatever its name.
			if info.Mode().IsRegular() && analysis.Language(root) == "" {
				fmt.Fprintf(notes, "httpcodes: %s: skipped: not a language httpcodes reads\n", root)
				continue
			}
			if forceExclude {
				inc, err := ws.Includes(root)
				if err != nil {
					errs = append(errs, err)
					continue
				}
				if !inc.Included {
					fmt.Fprintf(notes, "httpcodes: %s: skipped: %s (--force-exclude)\n", root, inc.Reason)
					continue
				}
			}
			add(root)
			continue
		}
		ignores := newIgnoreTree(root)
		// Walk from the absolute root, so every path is absolute without a
		// filepath.Abs (two stat calls) per entry; output paths are made
		// relative to the working directory when printed.
		if abs, err := filepath.Abs(root); err == nil {
			root = abs
		}
		// WalkDir does not follow a root that is a symlink to a directory;
		// with a trailing separator the system resolves the link first.
		if link, err := os.Lstat(root); err == nil && link.Mode()&fs.ModeSymlink != 0 {
			root += string(filepath.Separator)
		}
		err = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				errs = append(errs, pathError(p, err))
				if d != nil && d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if p == root {
				return nil
			}
			abs := p
			if d.IsDir() {
				name := d.Name()
				if skippedDirs[name] || strings.HasPrefix(name, ".") || ignores.ignored(abs, true) {
					return fs.SkipDir
				}
				if excluded, err := ws.ExcludedDir(p); err != nil {
					errs = append(errs, err)
					return fs.SkipDir
				} else if excluded {
					return fs.SkipDir
				}
				return nil
			}
			// Symlinks inside a tree are not followed. A FIFO, device or
			// socket with a source file's name is listed, so that reading
			// it reports it.
			if d.Type()&fs.ModeSymlink != 0 || analysis.Language(p) == "" || d.Name() == config.FileName || ignores.ignored(abs, false) {
				return nil
			}
			inc, err := ws.Includes(p)
			if err != nil {
				errs = append(errs, err)
				return fs.SkipDir // the directory's configuration is broken: its files wait for a fix
			}
			if inc.Included {
				add(p)
			}
			return nil
		})
		if err != nil {
			errs = append(errs, pathError(root, err))
		}
	}
	return files, dedupe(errs)
}

// dedupe drops repeated errors: a broken configuration is reported once,
// not once per directory it governs.
func dedupe(errs []error) []error {
	seen := map[string]bool{}
	var out []error
	for _, err := range errs {
		if !seen[err.Error()] {
			seen[err.Error()] = true
			out = append(out, err)
		}
	}
	return out
}

// pathError says what went wrong with the file at p, named as the user
// sees it.
func pathError(p string, err error) error {
	var pe *fs.PathError
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return fmt.Errorf("%s: no such file or directory", p)
	case errors.Is(err, fs.ErrPermission):
		return fmt.Errorf("%s: permission denied", p)
	case errors.Is(err, readfile.ErrNotRegular) || errors.Is(err, readfile.ErrTooLarge):
		errors.As(err, &pe)
		return fmt.Errorf("%s: skipped: %v", p, pe.Err)
	case errors.As(err, &pe):
		return fmt.Errorf("%s: %v", p, pe.Err)
	}
	return err
}

// lockfileError is an error reading a lockfile, with the file named as
// check names paths.
func lockfileError(err error) error {
	var pe *fs.PathError
	if !errors.As(err, &pe) {
		return err
	}
	cwd, _ := os.Getwd()
	return pathError(displayPath(pe.Path, cwd), err)
}
