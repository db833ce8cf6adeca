package main

import (
	"bytes"
	"fmt"
	"go/format"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"

	"github.com/aymanbagabas/go-udiff"

	"github.com/httpcodes/httpcodes/analysis"
)

// fixResult is what --fix or --diff did to one file.
type fixResult struct {
	path    string
	fixed   []reportedFinding // findings whose fixes were applied
	skipped int               // fixes left out because they overlap others
	err     error
}

// beforeWrite is called between fixing a file and replacing it; tests use
// it to change the file underneath, which must then be left alone.
var beforeWrite = func(path string) {}

// maxFixRounds bounds how often fixFile analyses its own output again to
// apply the fixes that overlapped others (two headers moved above the same
// write).
const maxFixRounds = 5

// fixFile applies the fixes of a file's findings. With write set it replaces
// the file atomically; otherwise it writes a unified diff to diffOut.
//
// A panic in the analysis of the fixed text leaves the file unchanged and is
// reported as an internal error, as in checkFile.
func fixFile(r fileReport, opts *analysis.Options, write bool, diffOut io.Writer) (res fixResult) {
	res = fixResult{path: r.path}
	defer func() {
		if v := recover(); v != nil {
			res = fixResult{path: r.path, err: internalError(r.path, v, debug.Stack(), "The file was left unchanged; the other files were fixed.")}
		}
	}()
	var fixable []analysis.Finding
	for _, f := range r.findings {
		if f.Fix != nil {
			fixable = append(fixable, f.Finding)
		}
	}
	if len(fixable) == 0 {
		return res
	}
	fixed, skipped := analysis.ApplyFixes(r.src, fixable)
	skippedAt := map[int]bool{}
	for _, f := range skipped {
		skippedAt[f.Start] = true
	}
	// Fixes that overlapped others are applied to the fixed text, analysed
	// again, until none is left.
	for round := 1; len(skipped) > 0 && round < maxFixRounds; round++ {
		again := analyze(r.absPath, fixed, opts)
		fixed, skipped = analysis.ApplyFixes(fixed, again.Findings)
		if len(skipped) == 0 {
			clear(skippedAt)
		}
	}
	res.skipped = len(skipped)
	if analysis.Language(r.absPath) == "go" {
		// Keep a gofmt-clean file gofmt-clean: a longer name can change the
		// alignment of the lines around it.
		if formatted, err := format.Source(r.src); err == nil && bytes.Equal(formatted, r.src) {
			out, err := format.Source(fixed)
			if err != nil {
				res.err = fmt.Errorf("%s: the fixed file does not parse (%v); left unchanged", r.path, err)
				return res
			}
			fixed = out
		}
	}
	for _, f := range r.findings {
		if f.Fix != nil && !skippedAt[f.Start] {
			res.fixed = append(res.fixed, f)
		}
	}
	if !write {
		diff := udiff.Unified("a/"+r.path, "b/"+r.path, string(r.src), string(fixed))
		_, res.err = io.WriteString(diffOut, diff)
		return res
	}
	beforeWrite(r.absPath)
	res.err = replaceFile(r.absPath, r.src, fixed)
	if res.err != nil {
		res.fixed = nil
	}
	return res
}

// replaceFile writes content to path through a temporary file in the same
// directory and a rename, keeping the file's mode, so a crash leaves either
// the old file or the new one. It refuses when the file no longer holds
// old: someone edited it since it was read.
func replaceFile(path string, old, content []byte) error {
	info, err := os.Stat(path)
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".httpcodes-*")
	if err != nil {
		return fmt.Errorf("%s: cannot write a temporary file beside it: %w", path, err)
	}
	defer os.Remove(tmp.Name()) // a no-op once renamed
	if _, err := tmp.Write(content); err != nil {
		tmp.Close()
		return fmt.Errorf("%s: %w", path, err)
	}
	if err := tmp.Chmod(info.Mode().Perm()); err != nil {
		tmp.Close()
		return fmt.Errorf("%s: %w", path, err)
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return fmt.Errorf("%s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	now, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	if !bytes.Equal(now, old) {
		return fmt.Errorf("%s: changed since it was read; not fixed (run check --fix again)", path)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}
