package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/httpcodes/httpcodes/codes"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// runCmd runs the command in-process and returns its exit status and output.
func runCmd(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := run(args, strings.NewReader(""), &stdout, &stderr)
	return code, stdout.String(), stderr.String()
}

// goldenDir is absolute, so tests that change directory still find it.
var goldenDir, _ = filepath.Abs(filepath.Join("testdata", "golden"))

// golden compares got with testdata/golden/name, or rewrites it with -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join(goldenDir, name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./cmd/httpcodes -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("output differs from %s (run go test ./cmd/httpcodes -update and diff):\n%s", path, firstDiff(string(want), got))
	}
}

func firstDiff(want, got string) string {
	wl, gl := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(wl) || i < len(gl); i++ {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g {
			return "line " + itoa(i+1) + ":\nwant: " + w + "\n got: " + g
		}
	}
	return ""
}

func itoa(n int) string { return jsonNumber(n) }

func jsonNumber(n int) string { b, _ := json.Marshal(n); return string(b) }

func TestGoldenOutputs(t *testing.T) {
	tests := []struct {
		golden string
		args   []string
		status int
	}{
		{"explain-207.txt", []string{"explain", "207"}, 0},
		{"explain-207.json", []string{"explain", "--json", "207"}, 0},
		{"explain-422.txt", []string{"explain", "422"}, 0},
		{"list.txt", []string{"list"}, 0},
		{"rules.txt", []string{"rules"}, 0},
		{"rules-redirect-status.txt", []string{"rules", "redirect-status"}, 0},
		{"rules-late-header.txt", []string{"rules", "late-header"}, 0},
		{"rules.json", []string{"rules", "--json"}, 0},
		{"rules-matrix.md", []string{"rules", "--matrix"}, 0},
		{"languages.txt", []string{"languages"}, 0},
		{"languages.json", []string{"languages", "--json"}, 0},
		{"check.txt", []string{"check", "testdata/check"}, 1},
		{"check.json", []string{"check", "--format", "json", "testdata/check"}, 1},
		{"check-clean.json", []string{"check", "--format", "json", "testdata/check/clean"}, 0},
		{"check-gitlab.json", []string{"check", "--format", "gitlab", "testdata/check"}, 1},
		{"check-junit.xml", []string{"check", "--format", "junit", "testdata/check"}, 1},
		{"check-checkstyle.xml", []string{"check", "--format", "checkstyle", "testdata/check"}, 1},
		{"check-clean.json", []string{"check", "--format", "json", "./testdata/check/clean/..."}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.golden, func(t *testing.T) {
			status, stdout, stderr := runCmd(t, tt.args...)
			if status != tt.status {
				t.Errorf("exit status %d, want %d; stderr:\n%s", status, tt.status, stderr)
			}
			golden(t, tt.golden, stdout)
		})
	}
}

// TestExplainNames checks that every way of naming a code gives its page.
func TestExplainNames(t *testing.T) {
	tests := []struct {
		query string
		want  int
	}{
		{"207", 207}, {"StatusMultiStatus", 207}, {"http.StatusMultiStatus", 207},
		{"http.StatusTeapot", 418}, {"teapot", 418}, {"HTTP_404_NOT_FOUND", 404},
		{"HttpStatus.NOT_FOUND", 404}, {"StatusCodes.Status207MultiStatus", 207},
		{"StatusCode::MULTI_STATUS", 207}, {":unprocessable_entity", 422}, {"too many", 429},
		// The one code matched in the best way: 302's title is "Found" (404's
		// only holds the word); 499 is nginx's and its title has "closed".
		{"found", 302}, {"nginx client closed", 499}, {"HttpStatusCode.Redirect", 302},
	}
	for _, tt := range tests {
		status, stdout, stderr := runCmd(t, "explain", "--json", tt.query)
		if status != 0 {
			t.Errorf("explain %q: exit %d: %s", tt.query, status, stderr)
			continue
		}
		var page codeJSON
		if err := json.Unmarshal([]byte(stdout), &page); err != nil || page.Code != tt.want {
			t.Errorf("explain %q: code %d (%v), want %d", tt.query, page.Code, err, tt.want)
		}
	}
}

func TestExplainErrors(t *testing.T) {
	tests := []struct {
		args   []string
		stderr string
	}{
		{[]string{"explain", "299"}, "httpcodes: 299 is not defined by the IANA registry or any vendor httpcodes knows\nnearest: 286 Stop Polling, 226 IM Used, 210 Content Different\nrun \"httpcodes list\" to see every code\n"},
		{[]string{"explain", "42"}, "httpcodes: 42 is not an HTTP status code: codes are three digits, 100 to 999\n"},
		{[]string{"explain", "teapt"}, "httpcodes: no status code is named \"teapt\"\nnearest: 418 I'm a teapot"},
		{[]string{"explain", "not"}, "httpcodes: \"not\" matches"},
		{[]string{"explain", "permanent"}, "httpcodes: \"permanent\" matches 2 codes: 301 Moved Permanently, 308 Permanent Redirect\nname one of them by number\n"},
		{[]string{"explain"}, "httpcodes: explain: name a code: a number (207), a constant (StatusMultiStatus) or words of its title (teapot)\nRun \"httpcodes explain --help\" for usage.\n"},
		{[]string{"list", "extra"}, "list takes no arguments"},
		{[]string{"rules", "no-such-rule"}, "no rule is named \"no-such-rule\""},
		{[]string{"frobnicate"}, "unknown command \"frobnicate\""},
	}
	for _, tt := range tests {
		status, _, stderr := runCmd(t, tt.args...)
		if status != exitError || !strings.HasPrefix(stderr, tt.stderr) && !strings.Contains(stderr, tt.stderr) {
			t.Errorf("%v: exit %d, stderr %q; want exit 2 and %q", tt.args, status, stderr, tt.stderr)
		}
	}
}

func TestListJSONFields(t *testing.T) {
	_, stdout, _ := runCmd(t, "list", "--json")
	var pages []map[string]any
	if err := json.Unmarshal([]byte(stdout), &pages); err != nil {
		t.Fatal(err)
	}
	if len(pages) != len(codes.All()) || len(pages) < 88 {
		t.Fatalf("list --json gave %d codes; the data set has %d", len(pages), len(codes.All()))
	}
	for _, p := range pages {
		for _, field := range []string{"code", "title", "class", "meaning", "whenToUse", "example", "whenNotToUse", "source", "sourceURL", "status", "constants"} {
			if _, ok := p[field]; !ok {
				t.Errorf("code %v lacks %q", p["code"], field)
			}
		}
		switch p["status"] {
		case "iana", "iana-unused", "unofficial":
		default:
			t.Errorf("code %v: status %v", p["code"], p["status"])
		}
	}
}

func TestCheckExitStatus(t *testing.T) {
	dir := t.TempDir()
	write := func(name, src string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	warn := write("warn.go", "package p\nimport \"net/http\"\nfunc h(w http.ResponseWriter) { w.WriteHeader(299) }\n")
	hint := write("hint.go", "package p\nimport \"net/http\"\nfunc h(w http.ResponseWriter) { w.WriteHeader(200) }\n")
	// A syntax error is reported for files that could hold a status; the
	// others are never parsed.
	broken := write("broken.go", "package p\nimport \"net/http\"\nfunc (\n")
	loop := filepath.Join(dir, "loop.go")
	if err := os.Symlink(loop, loop); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		args   []string
		status int
		stderr string
	}{
		{[]string{"check", warn}, 1, "1 finding (1 warning)"},
		{[]string{"check", "--fail-on", "error", warn}, 0, ""},
		{[]string{"check", hint}, 0, "1 finding (1 hint)"},
		{[]string{"check", "--fail-on", "hint", hint}, 1, ""},
		{[]string{"check", broken, warn}, 2, "broken.go:4:1: syntax error: expected ')', found 'EOF'"},
		{[]string{"check", filepath.Join(dir, "missing.go"), warn}, 2, "missing.go: no such file or directory"},
		{[]string{"check", loop, hint}, 2, "loop.go"},
		{[]string{"check", "--format", "yaml", hint}, 2, "--format \"yaml\": use one of checkstyle, github, gitlab, json, junit, sarif, text\n"},
		{[]string{"check", "--fail-on", "fatal", hint}, 2, "--fail-on \"fatal\""},
		{[]string{"check", "--no-such-flag"}, 2, "httpcodes: check: unknown flag: --no-such-flag\nRun \"httpcodes check --help\" for usage.\n"},
	}
	for _, tt := range tests {
		status, _, stderr := runCmd(t, tt.args...)
		if status != tt.status || !strings.Contains(stderr, tt.stderr) {
			t.Errorf("%v: exit %d, stderr %q; want exit %d and %q", tt.args[1:], status, stderr, tt.status, tt.stderr)
		}
	}
	// Files after a bad one are still checked.
	_, stdout, _ := runCmd(t, "check", broken, warn)
	if !strings.Contains(stdout, "unknown-status") {
		t.Errorf("a syntax error stopped the check of the next file:\n%s", stdout)
	}
}

func TestCheckFileReadError(t *testing.T) {
	dir := t.TempDir()
	r := checkFile(dir, dir, nil, false) // a directory cannot be read as a file
	if r.err == nil || !strings.Contains(r.err.Error(), "httpcodes: ") {
		t.Errorf("reading a directory as a file: %v", r.err)
	}
}

func TestVersion(t *testing.T) {
	status, stdout, _ := runCmd(t, "version")
	if status != 0 || !strings.HasPrefix(stdout, "httpcodes v") {
		t.Errorf("version: %d %q", status, stdout)
	}
}
