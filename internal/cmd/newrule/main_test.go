package main

import (
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestNewRule(t *testing.T) {
	root := t.TempDir()
	for _, d := range []string{"analysis/testdata/go", "analysis/internal/rules", "editors/vscode/schemas", "schema"} {
		if err := os.MkdirAll(filepath.Join(root, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	// The three lists of rule names, in the two layouts the repository has.
	manifest := "{\n  \"rules\": {\n    \"enum\": [\n      \"invalid-status\",\n      \"unused-ignore\"\n    ]\n  },\n  \"severity\": [\"error\"]\n}\n"
	schema := "{\"enum\": [\"invalid-status\", \"prefer-constant\"], \"x\": [1]}\n"
	for p, text := range map[string]string{"editors/vscode/package.json": manifest, "schema/httpcodes.schema.json": schema, "editors/vscode/schemas/httpcodes.schema.json": schema} {
		if err := os.WriteFile(filepath.Join(root, p), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var out, errs strings.Builder
	if code := run([]string{"-summary", "a 201 without Location", "created-location"}, root, &out, &errs); code != 0 {
		t.Fatalf("exit %d: %s", code, errs.String())
	}
	src, err := os.ReadFile(filepath.Join(root, "analysis", "internal", "rules", "created_location.go"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`var ruleCreatedLocation = &Rule{`, `package rules`, `Name:     "created-location",`, `Summary:  "a 201 without Location",`, `Languages: []string{"go"},`, `func init() { registerRule(ruleCreatedLocation) }`} {
		if !strings.Contains(string(src), want) {
			t.Errorf("the rule file lacks %q:\n%s", want, src)
		}
	}
	if _, err := parser.ParseFile(token.NewFileSet(), "rule.go", src, 0); err != nil {
		t.Errorf("the rule file does not parse: %v", err)
	}
	if _, err := os.Stat(filepath.Join(root, "analysis", "testdata", "go", "created_location.go")); err != nil {
		t.Error(err)
	}
	wantLists := map[string]string{
		"editors/vscode/package.json":                  "{\n  \"rules\": {\n    \"enum\": [\n      \"invalid-status\",\n      \"unused-ignore\",\n      \"created-location\"\n    ]\n  },\n  \"severity\": [\"error\"]\n}\n",
		"schema/httpcodes.schema.json":                 "{\"enum\": [\"invalid-status\", \"prefer-constant\",\n\"created-location\"], \"x\": [1]}\n",
		"editors/vscode/schemas/httpcodes.schema.json": "{\"enum\": [\"invalid-status\", \"prefer-constant\",\n\"created-location\"], \"x\": [1]}\n",
	}
	for p, want := range wantLists {
		got, err := os.ReadFile(filepath.Join(root, p))
		if err != nil {
			t.Fatal(err)
		}
		if string(got) != want {
			t.Errorf("%s:\n%s\nwant\n%s", p, got, want)
		}
	}
	if !strings.Contains(out.String(), "editors/vscode/package.json") {
		t.Errorf("the report does not name the manifest:\n%s", out.String())
	}
	// A second run refuses to overwrite.
	if code := run([]string{"-summary", "x", "created-location"}, root, &out, &errs); code != 1 {
		t.Errorf("a second run exits %d, want 1", code)
	}
	for _, bad := range [][]string{{"created-location"}, {"-summary", "x", "Bad_Name"}, {"-summary", "x", "-severity", "Loud", "x-y"}} {
		if code := run(bad, root, &out, &errs); code != 2 {
			t.Errorf("%v: exit %d, want 2", bad, code)
		}
	}
}
