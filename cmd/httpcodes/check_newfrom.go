package main

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
)

// changedLines are the lines a change added or modified, by absolute path:
// what --new-from-rev, --new-from-merge-base and --new-from-patch keep
// findings on, as golangci-lint's options of the same names do. A file the
// change adds counts whole.
type changedLines map[string]*fileChange

type fileChange struct {
	whole bool
	lines map[int]bool
}

// keep returns the findings whose first line the change touched.
func (c changedLines) keep(absPath string, findings []reportedFinding) []reportedFinding {
	fc := c[absPath]
	if fc == nil {
		return nil
	}
	if fc.whole {
		return findings
	}
	var out []reportedFinding
	for _, f := range findings {
		if fc.lines[f.line] {
			out = append(out, f)
		}
	}
	return out
}

// newFrom reads the change one of the three flags names: the working tree
// against a revision (rev), against the merge base of HEAD and a revision
// (mergeBase), or a patch file. Files that git does not track yet are new,
// and count whole.
func newFrom(rev, mergeBase, patch string) (changedLines, error) {
	if patch != "" {
		src, err := os.ReadFile(patch)
		if err != nil {
			return nil, fmt.Errorf("--new-from-patch: %w", err)
		}
		cwd, err := os.Getwd()
		if err != nil {
			return nil, err
		}
		return parsePatch(src, cwd)
	}
	flag := "--new-from-rev"
	if mergeBase != "" {
		flag = "--new-from-merge-base"
		base, err := git(".", "merge-base", "HEAD", mergeBase)
		if err != nil {
			return nil, fmt.Errorf("%s %s: %w (in CI, fetch the base first: git fetch origin main, or a checkout with fetch-depth: 0)", flag, mergeBase, err)
		}
		rev = strings.TrimSpace(string(base))
	}
	top, err := git(".", "rev-parse", "--show-toplevel")
	if err != nil {
		return nil, fmt.Errorf("%s: %w", flag, err)
	}
	root := strings.TrimSpace(string(top))
	out, err := git(root, "diff", "--no-color", "--no-ext-diff", "--relative", "-U0", rev, "--")
	if err != nil {
		return nil, fmt.Errorf("%s %s: %w", flag, rev, err)
	}
	changed, err := parsePatch(out, root)
	if err != nil {
		return nil, fmt.Errorf("%s %s: %w", flag, rev, err)
	}
	untracked, err := git(root, "ls-files", "-z", "--others", "--exclude-standard")
	if err != nil {
		return nil, fmt.Errorf("%s: %w", flag, err)
	}
	for _, name := range bytes.Split(untracked, []byte{0}) {
		if len(name) > 0 {
			changed[filepath.Join(root, filepath.FromSlash(string(name)))] = &fileChange{whole: true}
		}
	}
	return changed, nil
}

// git runs git in dir and returns its output; its error says what git said.
func git(dir string, args ...string) ([]byte, error) {
	cmd := exec.Command("git", append([]string{"-C", dir}, args...)...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		if msg := strings.TrimSpace(stderr.String()); msg != "" {
			return nil, fmt.Errorf("git %s: %s", args[0], msg)
		}
		return nil, fmt.Errorf("git %s: %w", args[0], err)
	}
	return out, nil
}

// parsePatch reads a unified diff: for each file it changes, the lines of
// the new version its hunks add, with paths made absolute under root. A
// file created by the patch counts whole; a deleted one is left out.
func parsePatch(src []byte, root string) (changedLines, error) {
	changed := changedLines{}
	var cur *fileChange
	created := false
	sc := bufio.NewScanner(bytes.NewReader(src))
	sc.Buffer(make([]byte, 64*1024), 64<<20)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "--- "):
			created = strings.TrimSpace(strings.TrimPrefix(line, "--- ")) == "/dev/null"
			cur = nil
		case strings.HasPrefix(line, "+++ "):
			name := strings.TrimSpace(strings.TrimPrefix(line, "+++ "))
			if i := strings.IndexByte(name, '\t'); i >= 0 {
				name = name[:i] // a timestamp follows in diff -u's headers
			}
			if name == "/dev/null" {
				cur = nil
				continue
			}
			name = strings.TrimPrefix(name, "b/")
			abs := filepath.Join(root, filepath.FromSlash(name))
			cur = &fileChange{whole: created, lines: map[int]bool{}}
			changed[abs] = cur
		case strings.HasPrefix(line, "@@ "):
			if cur == nil {
				return nil, fmt.Errorf("patch line %d: a hunk before any +++ file header", n)
			}
			start, count, err := hunkNew(line)
			if err != nil {
				return nil, fmt.Errorf("patch line %d: %w", n, err)
			}
			for l := start; l < start+count; l++ {
				cur.lines[l] = true
			}
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	return changed, nil
}

// hunkNew reads the new side of a hunk header, "@@ -a,b +c,d @@": the lines
// c to c+d-1 (d is 1 when left out). Added lines are all the new side's
// lines under -U0; with context lines the whole hunk counts, a few lines
// more than the change, as golangci-lint counts them.
func hunkNew(header string) (start, count int, err error) {
	fields := strings.Fields(header)
	if len(fields) < 3 || !strings.HasPrefix(fields[2], "+") {
		return 0, 0, fmt.Errorf("%q is not a hunk header", header)
	}
	spec := strings.TrimPrefix(fields[2], "+")
	count = 1
	if i := strings.IndexByte(spec, ','); i >= 0 {
		if count, err = strconv.Atoi(spec[i+1:]); err != nil {
			return 0, 0, fmt.Errorf("%q is not a hunk header", header)
		}
		spec = spec[:i]
	}
	if start, err = strconv.Atoi(spec); err != nil {
		return 0, 0, fmt.Errorf("%q is not a hunk header", header)
	}
	return start, count, nil
}
