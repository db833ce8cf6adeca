package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/aymanbagabas/go-udiff"

	"github.com/httpcodes/httpcodes/analysis"
	"github.com/httpcodes/httpcodes/workspace"
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

// fixFile applies the fixes of a file's findings, through the workspace's
// one Fix (the same as the editor's source.fixAll). With write set it
// replaces the file atomically; otherwise it writes a unified diff to
// diffOut.
func fixFile(r fileReport, ws *workspace.Workspace, write bool, diffOut io.Writer) fixResult {
	res := fixResult{path: r.path}
	var fixable []analysis.Finding
	for _, f := range r.findings {
		if f.Fix != nil {
			fixable = append(fixable, f.Finding)
		}
	}
	if len(fixable) == 0 {
		return res
	}
	out, err := ws.Fix(r.absPath, r.src, fixable)
	if err != nil {
		res.err = err
		return res
	}
	fixed := out.Text
	res.skipped = out.Left
	applied := map[[2]int]bool{}
	for _, f := range out.Applied {
		applied[[2]int{f.Start, f.End}] = true
	}
	for _, f := range r.findings {
		if f.Fix != nil && applied[[2]int{f.Start, f.End}] {
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
