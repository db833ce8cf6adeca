package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/httpcodes/httpcodes/analysis"
)

// writeFiles writes files (slash paths relative to root) and returns root.
func writeFiles(t *testing.T, files map[string]string) string {
	t.Helper()
	root := t.TempDir()
	for name, text := range files {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

// describe is a file's options as "rule=severity" and "rule=off", sorted,
// for the rules a test looks at.
func describe(o *analysis.Options, rules ...string) string {
	var out []string
	for _, r := range rules {
		switch {
		case o.Disabled[r]:
			out = append(out, r+"=off")
		default:
			if s, ok := o.Severity[r]; ok {
				out = append(out, r+"="+s.String())
			} else {
				out = append(out, r+"=default")
			}
		}
	}
	return strings.Join(out, " ")
}

func TestOverrides(t *testing.T) {
	root := writeFiles(t, map[string]string{FileName: `rules:
  redirect-status: error
  prefer-constant: off
overrides:
  - files: ["legacy/**"]
    rules:
      redirect-status: off
  - files: ["legacy/keep/*.go", "gen"]
    rules:
      redirect-status: warning
      prefer-constant: info
`})
	c, err := Load(filepath.Join(root, FileName))
	if err != nil {
		t.Fatal(err)
	}
	for path, want := range map[string]string{
		"main.go":              "redirect-status=error prefer-constant=off",
		"legacy/old.go":        "redirect-status=off prefer-constant=off",
		"legacy/a/b/old.py":    "redirect-status=off prefer-constant=off",
		"legacy/keep/x.go":     "redirect-status=warning prefer-constant=info",
		"legacy/keep/sub/x.go": "redirect-status=off prefer-constant=off",
		"gen/deep/api.go":      "redirect-status=warning prefer-constant=info",
		"../outside/legacy/x":  "redirect-status=error prefer-constant=off",
	} {
		got := describe(c.OptionsFor(filepath.Join(root, filepath.FromSlash(path))), "redirect-status", "prefer-constant")
		if got != want {
			t.Errorf("%s: %s, want %s", path, got, want)
		}
	}
}

func TestOverrideErrors(t *testing.T) {
	tests := []struct{ src, want string }{
		{"overrides: {files: [a]}\n", ".httpcodes.yaml:1: overrides must be a list of entries, each with files (a list of globs) and rules"},
		{"overrides:\n  - files: [a]\n", ".httpcodes.yaml:2: overrides: an entry needs rules, the severities for its files"},
		{"overrides:\n  - rules: {prefer-constant: off}\n", ".httpcodes.yaml:2: overrides: an entry needs files, the globs of the files its rules apply to"},
		{"overrides:\n  - files: legacy\n    rules: {}\n", ".httpcodes.yaml:2: overrides: files must be a list"},
		{"overrides:\n  - files: []\n    rules: {}\n", ".httpcodes.yaml:2: overrides: files: give at least one glob pattern"},
		{"overrides:\n  - files:\n      - \"a/[\"\n    rules: {}\n", ".httpcodes.yaml:3: overrides: files: \"a/[\" is not a valid glob pattern"},
		{"overrides:\n  - files: [a]\n    rules:\n      prefer-konstant: off\n", ".httpcodes.yaml:4: overrides: rules: \"prefer-konstant\" is not a rule; did you mean \"prefer-constant\"?"},
		{"overrides:\n  - files: [a]\n    rules:\n      redirect-status: loud\n", ".httpcodes.yaml:4: overrides: rules: redirect-status: \"loud\" is not a severity; use error, warning, info, hint or off"},
		{"overrides:\n  - files: [a]\n    rule: {}\n", ".httpcodes.yaml:3: overrides: unknown key \"rule\"; did you mean \"rules\"?"},
		{"overrides:\n  - files: [a]\n    colour: red\n", ".httpcodes.yaml:3: overrides: unknown key \"colour\"; an entry has files and rules"},
		{"overrides:\n  - files: [a]\n    files: [b]\n", ".httpcodes.yaml:3: overrides: \"files\" is given twice (first on line 2)"},
		{"report-unused-ignores: sometimes\n", ".httpcodes.yaml:1: report-unused-ignores: \"sometimes\": use true or false"},
		{"extends: \n", ".httpcodes.yaml:1: extends: give the path of another configuration file, relative to this one"},
	}
	for _, tt := range tests {
		_, err := Parse(FileName, t.TempDir(), []byte(tt.src))
		if err == nil || err.Error() != tt.want {
			t.Errorf("Parse(%q):\n got %v\nwant %s", tt.src, err, tt.want)
		}
	}
}

func TestExtends(t *testing.T) {
	root := writeFiles(t, map[string]string{
		"base/team.yaml": `rules:
  redirect-status: error
  prefer-constant: off
  missing-header: info
overrides:
  - files: ["legacy/**"]
    rules:
      missing-header: off
exclude: ["gen/**"]
languages: [go, python]
tests: check
report-unused-ignores: true
codes:
  - code: 430
    title: Team Code
  - code: 499
    title: Team Token Revoked
`,
		"app/" + FileName: `extends: ../base/team.yaml
rules:
  prefer-constant: warning
overrides:
  - files: ["legacy/**"]
    rules:
      redirect-status: hint
exclude: ["vendor"]
codes:
  - code: 499
    title: App Token Revoked
`,
	})
	c, err := Load(filepath.Join(root, "app", FileName))
	if err != nil {
		t.Fatal(err)
	}
	rules := []string{"redirect-status", "prefer-constant", "missing-header"}
	for path, want := range map[string]string{
		// The base's overrides match paths under the base's directory.
		"app/main.go":          "redirect-status=error prefer-constant=warning missing-header=info",
		"app/legacy/x.go":      "redirect-status=hint prefer-constant=warning missing-header=info",
		"base/legacy/x.go":     "redirect-status=error prefer-constant=warning missing-header=off",
		"base/app/legacy/x.go": "redirect-status=error prefer-constant=warning missing-header=info",
	} {
		if got := describe(c.OptionsFor(filepath.Join(root, filepath.FromSlash(path))), rules...); got != want {
			t.Errorf("%s: %s, want %s", path, got, want)
		}
	}
	for path, want := range map[string]bool{"app/vendor/x.go": true, "base/gen/x.go": true, "app/gen/x.go": false, "app/main.go": false} {
		if got := c.Excluded(filepath.Join(root, filepath.FromSlash(path))); got != want {
			t.Errorf("Excluded(%s) = %v, want %v", path, got, want)
		}
	}
	if !c.LanguageEnabled("python") || c.LanguageEnabled("java") || c.Tests != analysis.TestsCheck || !c.ReportUnusedIgnores {
		t.Errorf("languages %v, tests %v, report-unused-ignores %v: the base's were not inherited", c.Languages, c.Tests, c.ReportUnusedIgnores)
	}
	set := c.CodeSet()
	if code, _ := set.Lookup(499); code.Title != "App Token Revoked" {
		t.Errorf("499 is %q, want the extending file's", code.Title)
	}
	if code, _ := set.Lookup(430); code.Title != "Team Code" {
		t.Errorf("430 is %q, want the base's", code.Title)
	}
	// The extending file's own settings win over its base's.
	root = writeFiles(t, map[string]string{
		"base.yaml": "tests: check\nreport-unused-ignores: true\nlanguages: [go]\n",
		FileName:    "extends: base.yaml\ntests: quiet\nreport-unused-ignores: false\nlanguages: [rust]\n",
	})
	c, err = Load(filepath.Join(root, FileName))
	if err != nil {
		t.Fatal(err)
	}
	if c.Tests != analysis.TestsQuiet || c.ReportUnusedIgnores || !c.LanguageEnabled("rust") || c.LanguageEnabled("go") {
		t.Errorf("tests %v, report-unused-ignores %v, languages %v: the base's won", c.Tests, c.ReportUnusedIgnores, c.Languages)
	}
}

func TestExtendsErrors(t *testing.T) {
	root := writeFiles(t, map[string]string{
		"missing/" + FileName: "rules: {}\nextends: ../nowhere.yaml\n",
		"a.yaml":              "extends: b.yaml\n",
		"b.yaml":              "# shared\nextends: a.yaml\n",
		"self/" + FileName:    "extends: ./" + FileName + "\n",
		"bad/" + FileName:     "extends: ../broken.yaml\n",
		"broken.yaml":         "rules:\n  prefer-konstant: off\n",
	})
	tests := []struct{ file, want string }{
		{"missing/" + FileName, "missing/.httpcodes.yaml:2: extends: ../nowhere.yaml: no such file; give a path relative to this file's directory"},
		{"a.yaml", "b.yaml:2: extends: a.yaml is already read: the files extend one another in a cycle (R/a.yaml → R/b.yaml → R/a.yaml); remove one extends"},
		{"self/" + FileName, "self/.httpcodes.yaml:1: extends: ./.httpcodes.yaml is already read: the files extend one another in a cycle (self/.httpcodes.yaml → self/.httpcodes.yaml); remove one extends"},
		// An error in the base file names the base file and its line.
		{"bad/" + FileName, "broken.yaml:2: rules: \"prefer-konstant\" is not a rule; did you mean \"prefer-constant\"?"},
	}
	for _, tt := range tests {
		_, err := Load(filepath.Join(root, filepath.FromSlash(tt.file)))
		want := strings.ReplaceAll(tt.want, "R/", filepath.Base(root)+"/")
		if err == nil || !strings.HasSuffix(filepath.ToSlash(err.Error()), want) {
			t.Errorf("%s:\n got %v\nwant …%s", tt.file, err, want)
		}
	}
}
