package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// writeFiles writes name → content under dir.
func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

const results = `{"findings": [
 {"file": "mux.go", "line": 671, "rule": "missing-header", "severity": "warning", "status": 405, "message": "405 without Allow"},
 {"file": "api/auth.go", "line": 30, "rule": "missing-header", "severity": "warning", "status": 401, "message": "401 without WWW-Authenticate"},
 {"file": "api/auth.go", "line": 31, "rule": "prefer-constant", "severity": "hint", "status": 401, "message": "a hint is not scored"},
 {"file": "spec.yaml", "line": 9, "rule": "reason-mismatch", "severity": "warning", "status": 204, "message": "204 described as OK"},
 {"file": "spec.yaml", "line": 20, "rule": "reason-mismatch", "severity": "warning", "status": 201, "message": "201 described as OK"},
 {"file": "web/app.js", "line": 4, "rule": "late-header", "severity": "error", "status": 200, "message": "unreviewed"}
], "filesChecked": 12}`

func TestPrecision(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"results/acme+api.json": results,
		"verdicts.tsv": "# project\tfile\tline\trule\tverdict\tnote\n" +
			"acme/api\tmux.go\t671\tmissing-header\ttrue\tno Allow\n" +
			"acme/api\tapi/auth.go\t30\tmissing-header\tfalse\ttoken API\n" +
			"acme/api\tspec.yaml\t9\treason-mismatch\ttrue\t\n" +
			"acme/api\tspec.yaml\t20\treason-mismatch\tunsure\t\n" +
			"acme/api\tgone.go\t1\tlate-header\ttrue\tfixed since\n" +
			"other/proj\tx.go\t1\tlate-header\ttrue\tnot run: not stale\n",
	})
	var out, errOut bytes.Buffer
	code := run([]string{"precision", "-results", filepath.Join(dir, "results"), "-verdicts", filepath.Join(dir, "verdicts.tsv")}, nil, &out, &errOut)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	got := out.String()
	for _, want := range []string{
		"unreviewed findings (1), as verdict lines to complete:\nacme/api\tweb/app.js\t4\tlate-header\t\terror: unreviewed\n",
		"verdicts no finding matches any more (1): fixed, or moved\n  acme/api gone.go:1 late-header (true)\n",
		"go          2                1     1      0          0       0           0.50\n",
		"javascript  1                0     0      0          0       1           —\n",
		"openapi     2                1     0      0          1       0           1.00\n",
		"overall     5                2     1      0          1       1           0.67\n",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("output lacks %q; got:\n%s", want, got)
		}
	}
	if strings.Contains(got, "other/proj") {
		t.Errorf("a verdict of a project not run is reported stale:\n%s", got)
	}
}

func TestTable(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"acme+api.json": results})
	var out, errOut bytes.Buffer
	in := strings.NewReader("acme/api 0123456789abcdef0123456789abcdef01234567 go,openapi\n")
	if code := run([]string{"table", "-results", dir, "-markdown"}, in, &out, &errOut); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	want := "| project | commit | languages | files checked | errors | warnings | info | hints |\n" +
		"| --- | --- | --- | --- | --- | --- | --- | --- |\n" +
		"| acme/api | 0123456789ab | go,openapi | 12 | 1 | 4 | 0 | 1 |\n" +
		"| total |  |  | 12 | 1 | 4 | 0 | 1 |\n"
	if out.String() != want {
		t.Errorf("got:\n%s\nwant:\n%s", out.String(), want)
	}
}

func TestBadVerdict(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"results/acme+api.json": results,
		"verdicts.tsv":          "acme/api\tmux.go\t671\tmissing-header\tmaybe\tnote\n",
	})
	var out, errOut bytes.Buffer
	code := run([]string{"precision", "-results", filepath.Join(dir, "results"), "-verdicts", filepath.Join(dir, "verdicts.tsv")}, nil, &out, &errOut)
	if code != 1 || !strings.Contains(errOut.String(), `verdicts.tsv:1: verdict "maybe" is not true, false, test-only or unsure`) {
		t.Errorf("exit %d, stderr %q", code, errOut.String())
	}
}

// corpusSets reads the project lists of bench/corpus.sh: set name → projects.
func corpusSets(t *testing.T) map[string][]string {
	t.Helper()
	data, err := os.ReadFile("../corpus.sh")
	if err != nil {
		t.Fatal(err)
	}
	sets := map[string][]string{}
	name := ""
	for _, line := range strings.Split(string(data), "\n") {
		switch {
		case strings.HasSuffix(line, "=$(cat <<'EOF'"):
			name = strings.TrimSuffix(line, "=$(cat <<'EOF'")
		case line == "EOF":
			name = ""
		case name != "" && strings.TrimSpace(line) != "":
			f := strings.Fields(line)
			if len(f) < 3 || len(f[1]) != 40 {
				t.Errorf("corpus.sh, set %s: %q is not `owner/name commit languages`", name, line)
				continue
			}
			sets[name] = append(sets[name], f[0])
		}
	}
	return sets
}

// TestVerdictFiles checks the three verdict files parse, that no project is
// in two sets (a holdout shares nothing with the sets the analysis was tuned
// on), and that each file judges only the projects of its own set.
func TestVerdictFiles(t *testing.T) {
	sets := corpusSets(t)
	names := []string{"tuning", "holdout", "holdout2"}
	in := map[string]map[string]bool{}
	for _, name := range names {
		if len(sets[name]) == 0 {
			t.Fatalf("corpus.sh: want the %s list, got %v", name, sets)
		}
		in[name] = map[string]bool{}
		for _, p := range sets[name] {
			if in[name][p] {
				t.Errorf("%s is twice in the %s set", p, name)
			}
			in[name][p] = true
		}
	}
	for i, a := range names {
		for _, b := range names[i+1:] {
			for p := range in[a] {
				if in[b][p] {
					t.Errorf("%s is in both the %s and the %s set", p, a, b)
				}
			}
		}
	}
	for file, set := range map[string]string{"verdicts.tsv": "tuning", "holdout-verdicts.tsv": "holdout", "holdout2-verdicts.tsv": "holdout2"} {
		_, all, err := readVerdicts(file)
		if err != nil {
			t.Fatal(err)
		}
		if len(all) == 0 {
			t.Errorf("%s: no verdicts", file)
		}
		for _, v := range all {
			if !in[set][v.project] {
				t.Errorf("%s: a verdict on %s, which is not in the %s set", file, v.project, set)
			}
		}
	}
}
