package main

import (
	"bytes"
	"os/exec"
	"path/filepath"
)

// gitFiles lists the files git does not ignore under root (tracked, and
// untracked but not ignored), as absolute paths, with every directory that
// holds one. ok is false when root is not in a git work tree or git is
// missing: then nothing is filtered.
func gitFiles(root string) (files, dirs map[string]bool, ok bool) {
	abs, err := filepath.Abs(root)
	if err != nil {
		return nil, nil, false
	}
	cmd := exec.Command("git", "-C", abs, "ls-files", "-z", "--cached", "--others", "--exclude-standard")
	out, err := cmd.Output()
	if err != nil {
		return nil, nil, false
	}
	files, dirs = map[string]bool{}, map[string]bool{abs: true}
	for _, name := range bytes.Split(out, []byte{0}) {
		if len(name) == 0 {
			continue
		}
		p := filepath.Join(abs, filepath.FromSlash(string(name)))
		files[p] = true
		for d := filepath.Dir(p); len(d) > len(abs) && !dirs[d]; d = filepath.Dir(d) {
			dirs[d] = true
		}
	}
	return files, dirs, true
}
