package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/httpcodes/httpcodes/analysis"
)

// skippedDirs are never descended into: other people's code, fixtures and
// tool state. A path named on the command line is checked all the same.
var skippedDirs = map[string]bool{"vendor": true, "testdata": true, "node_modules": true}

// collectFiles expands the paths into the files check analyses, in a stable
// order. Errors (a path that does not exist) are returned beside the files,
// so the others are still checked.
func collectFiles(paths []string) ([]string, []error) {
	var files []string
	var errs []error
	seen := map[string]bool{}
	add := func(p string) {
		if !seen[p] {
			seen[p] = true
			files = append(files, p)
		}
	}
	for _, root := range paths {
		info, err := os.Stat(root)
		if err != nil {
			errs = append(errs, pathError(root, err))
			continue
		}
		if !info.IsDir() {
			add(root)
			continue
		}
		err = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				errs = append(errs, pathError(p, err))
				if d != nil && d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if d.IsDir() {
				name := d.Name()
				if p != root && (skippedDirs[name] || strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_")) {
					return fs.SkipDir
				}
				return nil
			}
			if d.Type().IsRegular() && analysis.Language(p) != "" {
				add(p)
			}
			return nil
		})
		if err != nil {
			errs = append(errs, pathError(root, err))
		}
	}
	return files, errs
}

func pathError(p string, err error) error {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return fmt.Errorf("%s: no such file or directory", p)
	case errors.Is(err, fs.ErrPermission):
		return fmt.Errorf("%s: permission denied", p)
	}
	return err
}
