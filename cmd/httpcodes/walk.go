package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/httpcodes/httpcodes/analysis"
	"github.com/httpcodes/httpcodes/config"
	"github.com/httpcodes/httpcodes/internal/deps"
	"github.com/httpcodes/httpcodes/internal/readfile"
)

// skippedDirs are never descended into: other people's code, fixtures and
// tool state. A path named on the command line is checked all the same.
var skippedDirs = map[string]bool{"vendor": true, "testdata": true, "node_modules": true}

// collectFiles expands the paths into the files check analyses, in a stable
// order: in directories, the files of a supported and enabled language that
// neither .gitignore (inside a git work tree) nor the configuration's
// excludes leave out. A file named on the command line is always checked.
// Errors (a path that does not exist) are returned beside the files, so the
// others are still checked. The lockfiles and manifests the walk passes are
// returned too, for the library versions they pin.
func collectFiles(paths []string, cfg *config.Config) (files, manifests []string, errs []error) {
	seen, seenManifest := map[string]bool{}, map[string]bool{}
	add := func(p string) {
		if !seen[p] {
			seen[p] = true
			files = append(files, p)
		}
	}
	// Two files named in one directory share its lockfiles: each is read,
	// and reported, once.
	addManifests := func(ps ...string) {
		for _, p := range ps {
			if !seenManifest[p] {
				seenManifest[p] = true
				manifests = append(manifests, p)
			}
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
			add(root)
			addManifests(deps.Above(filepath.Dir(root))...)
			continue
		}
		tracked, trackedDirs, inGit := gitFiles(root)
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
				if skippedDirs[name] || strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_") ||
					inGit && !trackedDirs[abs] || cfg.Excluded(p) {
					return fs.SkipDir
				}
				return nil
			}
			if deps.IsManifest(d.Name()) {
				addManifests(p)
			}
			// Symlinks inside a tree are not followed. A FIFO, device or
			// socket with a source file's name is listed, so that reading
			// it reports it.
			lang := analysis.Language(p)
			if d.Type()&fs.ModeSymlink == 0 && lang != "" && cfg.LanguageEnabled(lang) && (!inGit || tracked[abs]) && !cfg.Excluded(p) {
				add(p)
			}
			return nil
		})
		if err != nil {
			errs = append(errs, pathError(root, err))
		}
	}
	return files, manifests, errs
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
