package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// check --fix adds the responses undocumented-status finds missing to the
// description of each annotated project, as the analysis's golden says,
// leaves the handler files as they are, and a second check is clean;
// --diff shows the same change without writing it.
func TestFixWritesTheDescription(t *testing.T) {
	for _, project := range []string{"go-chi", "js-fastify", "ts-nestjs"} {
		t.Run(project, func(t *testing.T) {
			src := filepath.Join("..", "..", "analysis", "testdata", "projects", project)
			dir := t.TempDir()
			goldens := map[string]string{}
			err := filepath.WalkDir(src, func(path string, d os.DirEntry, err error) error {
				if err != nil || d.IsDir() {
					return err
				}
				rel, _ := filepath.Rel(src, path)
				b, err := os.ReadFile(path)
				if err != nil {
					return err
				}
				if name, ok := strings.CutSuffix(rel, ".fixed"); ok {
					goldens[name] = string(b)
					return nil
				}
				writeFiles(t, dir, map[string]string{filepath.ToSlash(rel): string(b)})
				return nil
			})
			if err != nil || len(goldens) == 0 {
				t.Fatalf("reading %s: %v, %d goldens", src, err, len(goldens))
			}
			t.Chdir(dir)
			code, diff, _ := runCmd(t, "check", "--select", "undocumented-status", "--diff", ".")
			if code != 0 || !strings.Contains(diff, "+++ b/"+filepath.ToSlash(firstKey(goldens))) {
				t.Errorf("check --diff: exit %d, diff:\n%s", code, diff)
			}
			code, _, stderr := runCmd(t, "check", "--select", "undocumented-status", "--fix", ".")
			if code != 0 {
				t.Errorf("check --fix: exit %d\n%s", code, stderr)
			}
			for name, want := range goldens {
				got, _ := os.ReadFile(name)
				if string(got) != want {
					t.Errorf("%s after check --fix:\n%s\nwant (the analysis's golden):\n%s", name, got, want)
				}
			}
			if code, out, _ := runCmd(t, "check", "--select", "undocumented-status", "."); code != 0 {
				t.Errorf("check after --fix: exit %d\n%s", code, out)
			}
		})
	}
}

func firstKey(m map[string]string) string {
	for k := range m {
		return k
	}
	return ""
}
