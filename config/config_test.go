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
		{"rules:\n  prefer-konstant: off\n", ".httpcodes.yaml:2: rules: \"prefer-konstant\" is not a rule; did you mean \"prefer-constant\"?"},
		{"rules:\n  zzzzzzzz: off\n", ".httpcodes.yaml:2: rules: \"zzzzzzzz\" is not a rule; the rules are invalid-status, "},
		{"rules:\n  missing-header: loud\n", ".httpcodes.yaml:2: rules: missing-header: \"loud\" is not a severity; use error, warning, info, hint or off"},
		{"rules: [a]\n", ".httpcodes.yaml:1: rules must map rule names to a severity"},
		{"colour: red\n", ".httpcodes.yaml:1: unknown key \"colour\"; the keys are extends, rules, overrides, exclude, languages, codes, tests, report-unused-ignores and openapi"},
		{"overides: []\n", ".httpcodes.yaml:1: unknown key \"overides\"; did you mean \"overrides\"?"},
		{"exclude: gen\n", ".httpcodes.yaml:1: exclude must be a list"},
		{"exclude:\n  - \"gen/[\"\n", ".httpcodes.yaml:2: exclude: \"gen/[\" is not a valid glob pattern"},
		{"languages: [go, cobol]\n", ".httpcodes.yaml:1: languages: \"cobol\" is not a language httpcodes checks; use csharp, go, java, javascript, kotlin, nginx, openapi, php, python, ruby, rust, typescript"},
		{"codes:\n  - code: 499\n", ".httpcodes.yaml:2: codes: a code needs \"title\""},
		{"codes:\n  - code: 2000\n    title: Big\n", ".httpcodes.yaml:2: codes: \"2000\" is not a status code from 100 to 999"},
		{"codes:\n  - code: 499\n    title: A\n    colour: red\n", ".httpcodes.yaml:4: codes: unknown key \"colour\""},
		{"codes:\n  - code: 499\n    title: A\n  - code: 499\n    title: B\n", ".httpcodes.yaml:4: codes: 499 is given twice"},
		{"rules:\n  prefer-constant: off\n bad indent: x\n", ".httpcodes.yaml:3: did not find expected key"},
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

// TestParseMistakes covers the mistakes the YAML library lets through or
// reports without the line: each is an error naming the line, exactly.
func TestParseMistakes(t *testing.T) {
	deep := strings.Repeat("[", 10001) + strings.Repeat("]", 10001)
	tests := []struct {
		name, src, want string
	}{
		{"duplicate rule", "rules:\n  prefer-constant: off\n  prefer-constant: error\n",
			`.httpcodes.yaml:3: rules: "prefer-constant" is given twice (first on line 2)`},
		{"duplicate top-level key", "rules:\n  prefer-constant: off\nexclude: [gen]\nrules:\n  missing-header: error\n",
			`.httpcodes.yaml:4: "rules" is given twice (first on line 1)`},
		{"duplicate key spelt differently", "exclude: [a]\n\"exclude\": [b]\n",
			`.httpcodes.yaml:2: "exclude" is given twice (first on line 1)`},
		{"duplicate key in a code", "codes:\n  - code: 430\n    title: A\n    title: B\n",
			`.httpcodes.yaml:4: codes: "title" is given twice (first on line 3)`},
		{"second document", "rules:\n  prefer-constant: off\n---\nrules:\n  prefer-constant: error\n",
			".httpcodes.yaml:3: a second YAML document starts here; only one document is read: remove the --- and put its settings in the first"},
		{"empty second document", "exclude: [gen]\n# more\n---\n",
			".httpcodes.yaml:3: a second YAML document starts here; only one document is read: remove the --- and put its settings in the first"},
		{"syntax error in a second document", "exclude: [gen]\n---\nrules: [\n",
			".httpcodes.yaml:3: did not find expected node content"},
		{"openapi without a path", "openapi:\n",
			".httpcodes.yaml:1: openapi: give the path of the project's OpenAPI or Swagger description, relative to this file"},
		{"openapi as a list", "openapi: [a.yaml]\n",
			".httpcodes.yaml:1: openapi: give the path of the project's OpenAPI or Swagger description, relative to this file"},
		{"undefined anchor", "exclude:\n  - gen\n  - *generated\n",
			".httpcodes.yaml:3: the alias *generated names no anchor; define &generated before it, or write the value out"},
		{"anchor defined after its alias", "exclude: [*g]\nlanguages: [&g go]\n",
			".httpcodes.yaml:1: the alias *g names no anchor; define &g before it, or write the value out"},
		{"control character", "exclude:\n  - gen\n  - \"a\x01b\"\n",
			".httpcodes.yaml:3: control character U+0001 is not allowed; remove it"},
		{"NUL", "rules:\n  prefer-constant: off\x00\n",
			".httpcodes.yaml:2: control character U+0000 is not allowed; remove it"},
		{"a noncharacter", "exclude: [\"\xef\xbf\xbe\"]\n",
			".httpcodes.yaml:1: character U+FFFE is not allowed; remove it"},
		{"invalid UTF-8", "exclude:\n\n  - caf\xe9/**\n",
			".httpcodes.yaml:3: invalid UTF-8 (byte 0xE9); save the file as UTF-8"},
		{"UTF-8 surrogate", "exclude:\n  - \xed\xa0\x80\n",
			".httpcodes.yaml:2: invalid UTF-8 (byte 0xED); save the file as UTF-8"},
		{"lines after CR LF", "exclude:\r\n  - gen\r\n  - \"\x7f\"\r\n",
			".httpcodes.yaml:3: control character U+007F is not allowed; remove it"},
		{"UTF-16 lone surrogate", "\xff\xfea\x00:\x00\n\x00\x00\xdc\n\x00",
			".httpcodes.yaml:2: invalid UTF-16 (a lone surrogate 0xDC00); save the file as UTF-8"},
		{"UTF-16 odd length", "\xfe\xff\x00a\x00:\x00\n\x00",
			".httpcodes.yaml:2: invalid UTF-16 (an odd number of bytes); save the file as UTF-8"},
		{"nesting past the library's limit", "rules:\n  prefer-constant: off\nexclude: " + deep + "\n",
			".httpcodes.yaml:3: nested more than 10000 levels deep; a configuration is at most three levels deep"},
		{"a bad pattern further down a list", "exclude:\n  - gen/**\n  - \"legacy/[\"\n",
			`.httpcodes.yaml:3: exclude: "legacy/[" is not a valid glob pattern`},
		{"an unknown language further down a list", "languages:\n  - go\n  - cobol\n",
			`.httpcodes.yaml:3: languages: "cobol" is not a language httpcodes checks; use csharp, go, java, javascript, kotlin, nginx, openapi, php, python, ruby, rust, typescript`},
		{"nesting the schema refuses", "exclude:\n  - [[[[[[[[[[[[[[a]]]]]]]]]]]]]]\n",
			".httpcodes.yaml:2: exclude: each item must be a non-empty string"},
		{"a registered code", "codes:\n  - code: 430\n    title: Would Block\n  - title: Gone Fishing\n    code: 404\n",
			".httpcodes.yaml:5: codes: 404 Not Found is already defined by the IANA registry; a project's own code must use a number the registry has not assigned"},
		{"a reserved code", "codes:\n  - code: 418\n    title: Brewing\n",
			".httpcodes.yaml:2: codes: 418 I'm a teapot is reserved, unused, by the IANA registry; a project's own code must use a number the registry has not assigned"},
		// The library counts its parser's lines from 0; these are the lines
		// of the mistakes.
		{"bad indent in a nested mapping", "rules:\n  prefer-constant: off\n  missing-header: error\n bad: x\n",
			".httpcodes.yaml:4: did not find expected key"},
		{"a key in a list", "exclude:\n  - gen\n  legacy: x\n",
			".httpcodes.yaml:3: did not find expected '-' indicator"},
		{"an unclosed flow list", "exclude: [gen,\n  legacy\nlanguages: [go]\n",
			".httpcodes.yaml:2: did not find expected ',' or ']'"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse(FileName, "/repo", []byte(tt.src))
			if err == nil || err.Error() != tt.want {
				t.Errorf("Parse(%q):\n got %v\nwant %s", tt.src, err, tt.want)
			}
		})
	}
}

// TestParseAccepts covers files that look unusual and are fine.
func TestParseAccepts(t *testing.T) {
	utf16le := func(s string) string {
		out := "\xff\xfe"
		for _, r := range s {
			out += string([]byte{byte(r), byte(r >> 8)})
		}
		return out
	}
	tests := []struct {
		name, src string
		disabled  bool // prefer-constant is off
	}{
		{"a lone document marker", "---\n", false},
		{"only comments", "# nothing to configure yet\n", false},
		{"a marker before the one document", "---\nrules:\n  prefer-constant: off\n", true},
		{"a document end marker", "rules:\n  prefer-constant: off\n...\n", true},
		{"a UTF-8 byte order mark", "\xef\xbb\xbfrules:\n  prefer-constant: off\n", true},
		{"UTF-16 with its byte order mark", utf16le("rules:\r\n  prefer-constant: off\r\n"), true},
		{"tabs and non-ASCII text", "codes:\n  - code: 430\n    title: \"Would\tBlock — bloqué\"\nrules:\n  prefer-constant: off\n", true},
		{"an anchor and its alias", "languages: [&g go]\nexclude: [*g]\nrules:\n  nonstandard-status: &off off\n  prefer-constant: *off\n", true},
		{"a vendor's code given the project's meaning", "codes:\n  - code: 499\n    title: Token Revoked\nrules:\n  prefer-constant: off\n", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := Parse(FileName, "/repo", []byte(tt.src))
			if err != nil {
				t.Fatal(err)
			}
			if c.Disabled["prefer-constant"] != tt.disabled {
				t.Errorf("prefer-constant disabled = %v, want %v", c.Disabled["prefer-constant"], tt.disabled)
			}
		})
	}
}

func TestOpenAPIPath(t *testing.T) {
	c, err := Parse(FileName, "/repo", []byte("openapi: api/openapi.yaml\n"))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := c.OpenAPIPath(), filepath.Join("/repo", "api", "openapi.yaml"); got != want {
		t.Errorf("OpenAPIPath() = %q, want %q", got, want)
	}
	none, _ := Parse(FileName, "/repo", []byte("tests: check\n"))
	if got := none.OpenAPIPath(); got != "" {
		t.Errorf("without openapi: OpenAPIPath() = %q, want \"\"", got)
	}
}

func TestExcludeEverything(t *testing.T) {
	c, err := Parse(FileName, "/repo", []byte("exclude: [\"**\"]\n"))
	if err != nil {
		t.Fatal(err)
	}
	for path, want := range map[string]bool{
		"/repo/main.go": true, "/repo/..x.go": true, "/repo/.x.go": true, "/repo/...go": true,
		"/repo/..d/x.go": true, "/repo/a/..b.go": true,
		"/repo/../x.go": false, "/other/x.go": false, "/repo2/x.go": false, "/": false,
	} {
		if got := c.Excluded(path); got != want {
			t.Errorf("Excluded(%s) = %v, want %v", path, got, want)
		}
	}
}

func TestLineAt(t *testing.T) {
	src := []byte("a\r\nb\rc\nd\u2028e\u0085f")
	for _, tt := range []struct {
		at   string
		want int
	}{{"a", 1}, {"b", 2}, {"c", 3}, {"d", 4}, {"e", 5}, {"f", 6}} {
		if got := lineAt(src, strings.Index(string(src), tt.at)); got != tt.want {
			t.Errorf("line of %s = %d, want %d", tt.at, got, tt.want)
		}
	}
	if ends := lineEnds(src); len(ends) != 6 || ends[0] != 3 || ends[5] != len(src) {
		t.Errorf("lineEnds = %v", ends)
	}
}
