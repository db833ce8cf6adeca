package config

import (
	"bytes"
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"go.yaml.in/yaml/v3"

	"github.com/httpcodes/httpcodes/analysis"
)

const schemaPath = "../schema/httpcodes.schema.json"

func compileSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	c := jsonschema.NewCompiler()
	s, err := c.Compile(schemaPath)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// validateYAML validates a configuration's YAML against the schema, as an
// editor's YAML extension does.
func validateYAML(t *testing.T, s *jsonschema.Schema, src []byte) error {
	t.Helper()
	var v any
	if err := yaml.Unmarshal(src, &v); err != nil {
		t.Fatal(err)
	}
	j, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(j))
	if err != nil {
		t.Fatal(err)
	}
	return s.Validate(doc)
}

// TestSchemaAcceptsTheExamples: the README's configuration, this package's
// and every .httpcodes.yaml in the repository are valid by the schema, as
// by the parser.
func TestSchemaAcceptsTheExamples(t *testing.T) {
	s := compileSchema(t)
	readme, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile("(?s)### Configuration: `.httpcodes.yaml`\n+```yaml\n(.*?)```").FindSubmatch(readme)
	if m == nil {
		t.Fatal("README.md: no yaml block under ### Configuration")
	}
	examples := map[string][]byte{"README.md": m[1], "config_test.go good": []byte(good)}
	err = filepath.WalkDir("..", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "node_modules" || d.Name() == ".git") {
			return filepath.SkipDir
		}
		if !d.IsDir() && d.Name() == FileName {
			src, err := os.ReadFile(path)
			examples[path] = src
			return err
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(examples) < 3 {
		t.Fatalf("only %d examples", len(examples))
	}
	for name, src := range examples {
		if _, err := Parse(FileName, "/repo", src); err != nil {
			t.Errorf("%s: the parser rejects it: %v", name, err)
		}
		if err := validateYAML(t, s, src); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
}

// TestSchemaRejects: what the parser rejects, the schema does too.
func TestSchemaRejects(t *testing.T) {
	s := compileSchema(t)
	for _, src := range []string{
		"colour: red\n",
		"rules:\n  prefer-konstant: off\n",
		"rules:\n  prefer-constant: loud\n",
		"languages: [cobol]\n",
		"tests: loud\n",
		"overrides:\n  - files: [a]\n",
		"overrides:\n  - files: [a]\n    rules: {}\n    colour: red\n",
		"codes:\n  - code: 499\n",
		"report-unused-ignores: sometimes\n",
	} {
		if _, err := Parse(FileName, "/repo", []byte(src)); err == nil {
			t.Errorf("%q: the parser accepts it", src)
		}
		if err := validateYAML(t, s, []byte(src)); err == nil {
			t.Errorf("%q: the schema accepts it", src)
		}
	}
	full := "extends: base.yaml\nreport-unused-ignores: true\noverrides:\n  - files: [\"legacy/**\"]\n    rules:\n      redirect-status: off\n"
	if err := validateYAML(t, s, []byte(full)); err != nil {
		t.Errorf("extends, overrides and report-unused-ignores: %v", err)
	}
}

// TestSchemaMatchesTheDeclarations: the schema's rules and languages are
// the analysis's, its keys the parser's, and the VS Code extension ships
// the same file.
func TestSchemaMatchesTheDeclarations(t *testing.T) {
	src, err := os.ReadFile(schemaPath)
	if err != nil {
		t.Fatal(err)
	}
	var schema struct {
		ID         string                     `json:"$id"`
		Title      string                     `json:"title"`
		Properties map[string]json.RawMessage `json:"properties"`
		Defs       struct {
			Rules struct {
				PropertyNames struct {
					Enum []string `json:"enum"`
				} `json:"propertyNames"`
			} `json:"rules"`
		} `json:"$defs"`
	}
	if err := json.Unmarshal(src, &schema); err != nil {
		t.Fatal(err)
	}
	if schema.ID == "" || schema.Title == "" {
		t.Error("the schema needs $id and title for SchemaStore")
	}
	var rules []string
	for _, r := range analysis.Rules() {
		rules = append(rules, r.Name)
	}
	if got := schema.Defs.Rules.PropertyNames.Enum; !slices.Equal(got, rules) {
		t.Errorf("schema rules %v, want analysis.Rules() %v", got, rules)
	}
	var langs struct {
		Items struct {
			Enum []string `json:"enum"`
		} `json:"items"`
	}
	if err := json.Unmarshal(schema.Properties["languages"], &langs); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(langs.Items.Enum, analysis.Languages()) {
		t.Errorf("schema languages %v, want analysis.Languages() %v", langs.Items.Enum, analysis.Languages())
	}
	var keys []string
	for k := range schema.Properties {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	if want := slices.Sorted(slices.Values(topKeys)); !slices.Equal(keys, want) {
		t.Errorf("schema keys %v, parser keys %v", keys, want)
	}
	shipped, err := os.ReadFile("../editors/vscode/schemas/httpcodes.schema.json")
	if err != nil || !bytes.Equal(shipped, src) {
		t.Errorf("editors/vscode/schemas/httpcodes.schema.json differs from schema/httpcodes.schema.json (copy it): %v", err)
	}
	pkg, err := os.ReadFile("../editors/vscode/package.json")
	if err != nil {
		t.Fatal(err)
	}
	var manifest struct {
		Contributes struct {
			YAMLValidation []struct {
				FileMatch any    `json:"fileMatch"`
				URL       string `json:"url"`
			} `json:"yamlValidation"`
		} `json:"contributes"`
	}
	if err := json.Unmarshal(pkg, &manifest); err != nil {
		t.Fatal(err)
	}
	v := manifest.Contributes.YAMLValidation
	if len(v) != 1 || v[0].URL != "./schemas/httpcodes.schema.json" || !strings.Contains(strings.ReplaceAll(jsonText(v[0].FileMatch), `\u002e`, "."), FileName) {
		t.Errorf("package.json contributes.yamlValidation = %+v, want %s matched to ./schemas/httpcodes.schema.json", v, FileName)
	}
	ignore, err := os.ReadFile("../editors/vscode/.vscodeignore")
	if err != nil || !bytes.Contains(ignore, []byte("!schemas/httpcodes.schema.json")) {
		t.Errorf("editors/vscode/.vscodeignore must keep schemas/httpcodes.schema.json in the package: %v", err)
	}
}

func jsonText(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}
