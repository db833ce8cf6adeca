package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/httpcodes/httpcodes/analysis"
	"github.com/httpcodes/httpcodes/codes"
)

const good = `# a team's configuration
rules:
  prefer-constant: off
  missing-header: error
  nonstandard-status: false
exclude:
  - "gen/**"
  - "**/*_mock.go"
  - legacy
languages: [go]
codes:
  - code: 499
    title: Token Revoked
    meaning: The access token was revoked by an administrator.
    whenToUse: A token that was valid has been revoked.
    example: "GET /v1/me with a revoked token"
    whenNotToUse: Use 401 Unauthorized for tokens that expired.
    source: Acme API guide
    sourceURL: https://acme.example/errors#499
  - code: 430
    title: Would Block
`

func TestParseGood(t *testing.T) {
	c, err := Parse(FileName, "/repo", []byte(good))
	if err != nil {
		t.Fatal(err)
	}
	if !c.Disabled["prefer-constant"] || !c.Disabled["nonstandard-status"] || c.Severity["missing-header"] != analysis.Error {
		t.Errorf("rules: disabled %v, severity %v", c.Disabled, c.Severity)
	}
	if len(c.Codes) != 2 || c.Codes[0].Number != 499 || c.Codes[0].Title != "Token Revoked" || c.Codes[0].Registration != codes.Custom {
		t.Fatalf("codes: %+v", c.Codes)
	}
	if got := c.CodeSet(); got == codes.Default() {
		t.Error("custom codes were not added to the set")
	} else if code, _ := got.Lookup(430); code.Title != "Would Block" {
		t.Errorf("430 is %v", code)
	}
	for path, want := range map[string]bool{
		"/repo/gen/api.go": true, "/repo/gen/sub/x.go": true, "/repo/a/b_mock.go": true,
		"/repo/legacy/old.go": true, "/repo/main.go": false, "/other/gen/x.go": false,
	} {
		if got := c.Excluded(path); got != want {
			t.Errorf("Excluded(%s) = %v, want %v", path, got, want)
		}
	}
	if !c.LanguageEnabled("go") || c.LanguageEnabled("python") {
		t.Error("languages: [go] should enable Go only")
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		src, want string
	}{
		{"rules:\n  prefer-konstant: off\n", ".httpcodes.yaml:2: rules: \"prefer-konstant\" is not a rule; the rules are invalid-status, "},
		{"rules:\n  missing-header: loud\n", ".httpcodes.yaml:2: rules: missing-header: \"loud\" is not a severity; use error, warning, info, hint or off"},
		{"rules: [a]\n", ".httpcodes.yaml:1: rules must map rule names to a severity"},
		{"colour: red\n", ".httpcodes.yaml:1: unknown key \"colour\"; the keys are rules, exclude, languages, codes and tests"},
		{"exclude: gen\n", ".httpcodes.yaml:1: exclude must be a list"},
		{"exclude:\n  - \"gen/[\"\n", ".httpcodes.yaml:2: exclude: \"gen/[\" is not a valid glob pattern"},
		{"languages: [go, cobol]\n", ".httpcodes.yaml:1: languages: \"cobol\" is not a language httpcodes checks; use csharp, go, java, javascript, kotlin, nginx, openapi, php, python, ruby, rust, typescript"},
		{"codes:\n  - code: 499\n", ".httpcodes.yaml:2: codes: a code needs \"title\""},
		{"codes:\n  - code: 2000\n    title: Big\n", ".httpcodes.yaml:2: codes: \"2000\" is not a status code from 100 to 999"},
		{"codes:\n  - code: 499\n    title: A\n    colour: red\n", ".httpcodes.yaml:4: codes: unknown key \"colour\""},
		{"codes:\n  - code: 499\n    title: A\n  - code: 499\n    title: B\n", ".httpcodes.yaml:4: codes: 499 is given twice"},
		{"rules:\n  prefer-constant: off\n bad indent: x\n", ".httpcodes.yaml:2: did not find expected key"},
		{"- just\n- a list\n", ".httpcodes.yaml:1: the file must be a mapping"},
		{"tests: loud\n", ".httpcodes.yaml:1: tests: \"loud\": use quiet (warnings and errors off in test code, the default) or check"},
		{"tests: [check]\n", ".httpcodes.yaml:1: tests: \"\": use quiet"},
	}
	for _, tt := range tests {
		_, err := Parse(FileName, "/repo", []byte(tt.src))
		if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
			t.Errorf("Parse(%q):\n got %v\nwant %q…", tt.src, err, tt.want)
		}
	}
	if c, err := Parse(FileName, "/repo", nil); err != nil || len(c.Disabled) != 0 {
		t.Errorf("an empty file: %v, %v", c, err)
	}
}

func TestTestsPolicy(t *testing.T) {
	for src, want := range map[string]analysis.TestPolicy{"": analysis.TestsQuiet, "tests: quiet\n": analysis.TestsQuiet, "tests: check\n": analysis.TestsCheck} {
		c, err := Parse(FileName, "/repo", []byte(src))
		if err != nil {
			t.Fatalf("%q: %v", src, err)
		}
		if c.Tests != want || c.Options().Tests != want {
			t.Errorf("%q: Tests %v, options %v; want %v", src, c.Tests, c.Options().Tests, want)
		}
	}
}

func TestFindAndLoad(t *testing.T) {
	root := t.TempDir()
	sub := filepath.Join(root, "a", "b")
	if err := os.MkdirAll(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	if Find(sub) != "" {
		t.Fatal("found a config where there is none")
	}
	path := filepath.Join(root, FileName)
	if err := os.WriteFile(path, []byte(good), 0o644); err != nil {
		t.Fatal(err)
	}
	if got := Find(sub); got != path {
		t.Errorf("Find(%s) = %q, want %q", sub, got, path)
	}
	if got := Find(filepath.Join(sub, "file.go")); got != path {
		t.Errorf("Find from a file path = %q", got)
	}
	c, err := Load(path)
	if err != nil || c.Dir != root {
		t.Fatalf("Load: %v, dir %q", err, c.Dir)
	}
	if _, err := Load(filepath.Join(root, "missing.yaml")); err == nil || !strings.Contains(err.Error(), "missing.yaml: no such file") {
		t.Errorf("Load of a missing file: %v", err)
	}
}
