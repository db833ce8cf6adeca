package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime/debug"
	"syscall"

	"github.com/aymanbagabas/go-udiff"

	"github.com/httpcodes/httpcodes/analysis"
	"github.com/httpcodes/httpcodes/internal/readfile"
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
//
// A panic in the analysis of the fixed text leaves the file unchanged and is
// reported as an internal error, as in checkFile.
func fixFile(r fileReport, ws *workspace.Workspace, write bool, diffOut io.Writer) (res fixResult) {
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
	out, err := ws.Fix(r.absPath, r.src, fixable)
	if err != nil {
		res.err = err
		return res
	}
	fixed := out.Text
	res.skipped = out.Left
	if bytes.Equal(fixed, r.src) && out.Left == 0 {
		// Only fixes of other files (fixOtherFiles makes them): this one
		// is left as it is, its time stamp too.
		return res
	}
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

// replaceFile writes content to the file at path, which held old when it
// was read, keeping what the file is beside its content: a symlink named on
// the command line stays a link and its target is fixed; the owner, group
// and every mode bit (setuid, setgid, sticky) are kept, or the file is left
// alone with a message saying why; a file with several hard links is
// written in place, so every name sees the fix. Otherwise the file is
// replaced through a temporary file beside it, so a crash leaves either the
// old file or the new one. It refuses when the file no longer holds old:
// someone edited it since it was read.
func replaceFile(path string, old, content []byte) error {
	target, err := filepath.EvalSymlinks(path)
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	info, err := os.Stat(target)
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	if !info.Mode().IsRegular() {
		return fmt.Errorf("%s: not a regular file any more; not fixed", path)
	}
	if linkCount(info) > 1 {
		return writeInPlace(target, old, content, info)
	}
	tmp, err := writeTemp(target, content, info)
	if err != nil {
		return err
	}
	defer temps.discard(tmp) // a no-op once it is renamed or kept
	cur, err := openUnchanged(target, old)
	if err != nil {
		return err
	}
	defer cur.Close()
	beforeSwap(target)
	return swapIn(tmp, target, cur, old)
}

// errNoExchange: the system cannot swap two files atomically.
var errNoExchange = errors.New("cannot exchange files")

// exchange is exchangeFiles; tests replace it to take the path of systems
// without it.
var exchange = exchangeFiles

// beforeSwap is called when the fixed file is written beside the original
// and the original was found unchanged, just before the one replaces the
// other: tests use it to edit the file in that window, or to stop there.
var beforeSwap = func(path string) {}

// writeTemp writes content to a new file beside target with target's owner,
// group and mode, synced to disk.
func writeTemp(target string, content []byte, info fs.FileInfo) (string, error) {
	tmp, err := os.CreateTemp(filepath.Dir(target), "."+filepath.Base(target)+".httpcodes-*")
	if err != nil {
		return "", fmt.Errorf("%s: cannot write a temporary file beside it: %w", target, err)
	}
	name := tmp.Name()
	temps.add(name)
	fail := func(err error) (string, error) {
		tmp.Close()
		temps.discard(name)
		return "", err
	}
	if _, err := tmp.Write(content); err != nil {
		return fail(fmt.Errorf("%s: %w", target, err))
	}
	// The owner first: changing it clears setuid and setgid.
	if err := keepOwner(tmp, info); err != nil || tmp.Chmod(info.Mode()&keptMode) != nil {
		return fail(ownerError(target, info))
	}
	if got, err := tmp.Stat(); err != nil || got.Mode() != info.Mode() || !sameOwner(got, info) {
		// Some systems drop setgid quietly for a group the user is not in.
		return fail(ownerError(target, info))
	}
	if err := tmp.Sync(); err != nil {
		return fail(fmt.Errorf("%s: %w", target, err))
	}
	if err := tmp.Close(); err != nil {
		return fail(fmt.Errorf("%s: %w", target, err))
	}
	return name, nil
}

// keptMode are the mode bits a fixed file keeps.
const keptMode = fs.ModePerm | fs.ModeSetuid | fs.ModeSetgid | fs.ModeSticky

func ownerError(path string, info fs.FileInfo) error {
	return fmt.Errorf("%s: not fixed: a new file cannot be given its owner%s and mode %v; run check --fix as its owner", path, ownerString(info), info.Mode())
}

// openUnchanged opens path and checks that it still holds old.
func openUnchanged(path string, old []byte) (*os.File, error) {
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if !holds(f, old) {
		f.Close()
		return nil, changedError(path)
	}
	return f, nil
}

// holds reports whether f is a regular file holding exactly old.
func holds(f *os.File, old []byte) bool {
	info, err := f.Stat()
	if err != nil || !info.Mode().IsRegular() || info.Size() != int64(len(old)) {
		return false
	}
	now, err := io.ReadAll(io.NewSectionReader(f, 0, int64(len(old))+1))
	return err == nil && bytes.Equal(now, old)
}

func changedError(path string) error {
	return fmt.Errorf("%s: changed since it was read; not fixed (run check --fix again)", path)
}

// swapIn puts the file tmp in target's place. cur is the file at target,
// found to hold old just before.
//
// An edit can land between that check and the swap. A plain rename would
// then throw it away: the edit is in the file the rename unlinks, or is the
// file it unlinks. So the two files are exchanged atomically instead
// (renameat2 RENAME_EXCHANGE): afterwards tmp's name holds exactly what was
// at target at the instant of the swap, which is then checked: the very
// file that was compared, still holding old. If not, an edit came in the
// window, and the files are swapped back; nothing is deleted that was not
// checked. An edit written later through a descriptor opened before the
// swap (or by an open(2) under way as it happens) goes to the old file, as
// it would with any editor's atomic save: no program can guard a file
// against writers that hold it open.
//
// Where the system cannot exchange files, the rename is checked after the
// fact: an edit written into the old file in the window is put back. A
// different file renamed over target in the window cannot be seen there.
func swapIn(tmp, target string, cur *os.File, old []byte) error {
	temps.swapping.Lock()
	defer temps.swapping.Unlock()
	curInfo, err := cur.Stat()
	if err != nil {
		return fmt.Errorf("%s: %w", target, err)
	}
	ours, err := os.Lstat(tmp)
	if err != nil {
		return fmt.Errorf("%s: %w", target, err)
	}
	if err := exchange(tmp, target); err != nil {
		if !errors.Is(err, errNoExchange) {
			return fmt.Errorf("%s: %w", target, err)
		}
		return renameAndCheck(tmp, target, cur, old)
	}
	// tmp now names what was at target: removed only if it is the file
	// compared, still holding old.
	if displaced, err := os.Lstat(tmp); err == nil && os.SameFile(displaced, curInfo) && holds(cur, old) {
		temps.discard(tmp)
		return nil
	}
	if err := exchange(tmp, target); err != nil {
		temps.keep(tmp)
		return fmt.Errorf("%s: changed while it was being fixed, and the other version could not be put back (%v): it is %s", target, err, tmp)
	}
	if back, err := os.Lstat(tmp); err == nil && os.SameFile(back, ours) {
		return changedError(target) // the deferred discard removes the fixed file
	}
	temps.keep(tmp)
	return fmt.Errorf("%s: changed twice while it was being fixed; not fixed, and the version before the last change is kept as %s", target, tmp)
}

// renameAndCheck renames tmp over target and puts back an edit written into
// the replaced file, cur, since it was compared with old.
func renameAndCheck(tmp, target string, cur *os.File, old []byte) error {
	if err := os.Rename(tmp, target); err != nil {
		return fmt.Errorf("%s: %w", target, err)
	}
	temps.keep(tmp)
	if holds(cur, old) {
		return nil
	}
	lost := func(err error) error {
		return fmt.Errorf("%s: changed while it was being fixed, and the other version could not be put back: %w", target, err)
	}
	info, err := cur.Stat()
	if err != nil {
		return lost(err)
	}
	edited, err := io.ReadAll(io.NewSectionReader(cur, 0, info.Size()))
	if err != nil {
		return lost(err)
	}
	back, err := writeTemp(target, edited, info)
	if err != nil {
		return lost(err)
	}
	if err := os.Rename(back, target); err != nil {
		temps.discard(back)
		return lost(err)
	}
	temps.keep(back)
	return changedError(target)
}

// writeInPlace writes content into the file at path, for a file with
// several hard links: a new file would leave the other names on the old
// content. It cannot be atomic; the comparison with old is made just before
// the write, and a signal waits for the write to end.
func writeInPlace(path string, old, content []byte, info fs.FileInfo) error {
	f, err := os.OpenFile(path, os.O_RDWR|syscall.O_NONBLOCK, 0)
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	defer f.Close()
	temps.swapping.Lock()
	defer temps.swapping.Unlock()
	if !holds(f, old) {
		return changedError(path)
	}
	if _, err := f.WriteAt(content, 0); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	if err := f.Truncate(int64(len(content))); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	// Writing clears setuid and setgid unless the writer may set them.
	if now, err := f.Stat(); err == nil && now.Mode() != info.Mode() {
		if err := f.Chmod(info.Mode() & keptMode); err != nil {
			return fmt.Errorf("%s: fixed, but its mode %v could not be restored: %w", path, info.Mode(), err)
		}
	}
	if err := f.Sync(); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}

// fixOtherFiles applies the fixes that edit another file than their
// finding's — undocumented-status adds the response to the API
// description — through the workspace's FixElsewhere, and returns the
// findings left. With write it replaces each file; otherwise it writes
// the diffs.
func fixOtherFiles(findings []reportedFinding, ws *workspace.Workspace, write bool, out, stderr io.Writer, status *int) []reportedFinding {
	var elsewhere []analysis.Finding
	for _, f := range findings {
		if f.Fix != nil && f.Fix.Elsewhere() {
			elsewhere = append(elsewhere, f.Finding)
		}
	}
	if len(elsewhere) == 0 {
		return findings
	}
	files, err := ws.FixElsewhere(elsewhere, func(path string) ([]byte, error) { return readfile.Read(path, readfile.SourceLimit) })
	if err != nil {
		fmt.Fprintf(stderr, "httpcodes: %v\n", err)
		*status = exitError
	}
	cwd, _ := os.Getwd()
	type key struct {
		msg        string
		start, end int
	}
	done := map[key]bool{}
	for _, f := range files {
		rel := displayPath(f.Path, cwd)
		if !write {
			if _, err := io.WriteString(out, udiff.Unified("a/"+filepath.ToSlash(rel), "b/"+filepath.ToSlash(rel), string(f.Old), string(f.Text))); err != nil {
				*status = exitError
			}
		} else if err := replaceFile(f.Path, f.Old, f.Text); err != nil {
			fmt.Fprintf(stderr, "httpcodes: %v\n", err)
			*status = exitError
			continue
		} else {
			fmt.Fprintf(stderr, "httpcodes: %s: fixed %s of other files\n", rel, plural(len(f.Applied), "finding"))
		}
		for _, a := range f.Applied {
			done[key{a.Message, a.Start, a.End}] = true
		}
	}
	var left []reportedFinding
	for _, f := range findings {
		if !(f.Fix != nil && f.Fix.Elsewhere() && done[key{f.Message, f.Start, f.End}]) {
			left = append(left, f)
		}
	}
	return left
}
