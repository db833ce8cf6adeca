package site

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
)

// Write writes a built site's files under dir, creating dir and the
// directories inside it as needed.
//
// It never follows a symbolic link inside dir: a link where a directory of
// the site goes is replaced by a directory, and every file is written to a
// temporary name and renamed over its path, which replaces a link (or a hard
// link) there instead of writing through it. So a link left in an output
// directory, by accident or by someone else, cannot make the build
// overwrite a file outside it. All access goes through an os.Root, which
// refuses any path that leaves dir. Dir itself may be a link.
func Write(dir string, files map[string][]byte) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("create %s: %w", dir, err)
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		return fmt.Errorf("open %s: %w", dir, err)
	}
	defer root.Close()
	made := map[string]bool{}
	for _, name := range Paths(files) {
		if err := mkdirs(root, dir, path.Dir(name), made); err != nil {
			return err
		}
		if err := writeFile(root, dir, name, files[name]); err != nil {
			return err
		}
	}
	return nil
}

// mkdirs makes each directory of rel inside root, replacing a symbolic link
// found in its place.
func mkdirs(root *os.Root, dir, rel string, made map[string]bool) error {
	if rel == "." || made[rel] {
		return nil
	}
	if err := mkdirs(root, dir, path.Dir(rel), made); err != nil {
		return err
	}
	shown := path.Join(dir, rel)
	fi, err := root.Lstat(rel)
	switch {
	case errors.Is(err, fs.ErrNotExist):
	case err != nil:
		return fmt.Errorf("inspect %s: %w", shown, err)
	case fi.Mode()&fs.ModeSymlink != 0:
		if err := root.Remove(rel); err != nil {
			return fmt.Errorf("replace the symbolic link %s with a directory: %w", shown, err)
		}
	case fi.IsDir():
		made[rel] = true
		return nil
	default:
		return fmt.Errorf("%s is a file where the site has a directory: remove it, or write the site to an empty directory", shown)
	}
	if err := root.Mkdir(rel, 0o755); err != nil {
		return fmt.Errorf("create %s: %w", shown, err)
	}
	made[rel] = true
	return nil
}

// writeFile writes data to a new file beside name and renames it to name.
func writeFile(root *os.Root, dir, name string, data []byte) error {
	shown := path.Join(dir, name)
	if fi, err := root.Lstat(name); err == nil && fi.IsDir() {
		return fmt.Errorf("%s is a directory where the site has a file: remove it, or write the site to an empty directory", shown)
	}
	tmp := path.Join(path.Dir(name), ".httpcodes-"+path.Base(name)+".tmp")
	f, err := root.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		// Left by a build that was stopped; it is ours to replace.
		if err := root.Remove(tmp); err != nil {
			return fmt.Errorf("remove %s: %w", path.Join(dir, tmp), err)
		}
		f, err = root.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	}
	if err != nil {
		return fmt.Errorf("write %s: %w", shown, err)
	}
	_, werr := f.Write(data)
	if cerr := f.Close(); werr == nil {
		werr = cerr
	}
	if werr == nil {
		werr = root.Rename(tmp, name)
	}
	if werr != nil {
		root.Remove(tmp)
		return fmt.Errorf("write %s: %w", shown, werr)
	}
	return nil
}
