package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/httpcodes/httpcodes/analysis"
	"github.com/httpcodes/httpcodes/workspace"
)

const schemaFile = "testdata/sarif-schema-2.1.0.json"

// officialSchemaSHA256 is the SHA-256 of the official SARIF 2.1.0 schema
// (OASIS, errata01, JSON Schema draft-04), as published in the
// oasis-tcs/sarif-spec repository at sarif-2.1/schema/sarif-schema-2.1.0.json.
const officialSchemaSHA256 = "c3b4bb2d6093897483348925aaa73af03b3e3f4bd4ca38cef26dcb4212a2682e"

// The project ships the official schema beside the tests; it must be the
// published file, byte for byte.
func TestSARIFSchemaIsTheOfficialOne(t *testing.T) {
	ours, err := os.ReadFile(schemaFile)
	if err != nil {
		t.Fatal(err)
	}
	if got := fmt.Sprintf("%x", sha256.Sum256(ours)); got != officialSchemaSHA256 {
		t.Errorf("%s has SHA-256 %s, not the official schema's %s", schemaFile, got, officialSchemaSHA256)
	}
}

func sarifSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	f, err := os.Open(schemaFile)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft4)
	if err := c.AddResource("sarif-schema-2.1.0.json", doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile("sarif-schema-2.1.0.json")
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func validateSARIF(t *testing.T, s *jsonschema.Schema, out string) error {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(strings.NewReader(out))
	if err != nil {
		t.Fatalf("not JSON: %v", err)
	}
	return s.Validate(doc)
}

// sarifLog is the part of a SARIF log the tests look at.
type sarifLog struct {
	Runs []struct {
		ColumnKind string
		Tool       struct {
			Driver struct {
				Name           string
				InformationURI string
				Version        string
				Rules          []struct {
					ID               string
					ShortDescription struct{ Text string }
					FullDescription  struct{ Text string }
					Help             struct{ Text, Markdown string }
					HelpURI          string
					// Level is a pointer so that a missing level is told
					// apart from an empty one.
					DefaultConfiguration struct{ Level *string }
				}
			}
		}
		Results []struct {
			RuleID    string
			RuleIndex *int
			Level     string
			Message   struct{ Text string }
			Locations []struct {
				PhysicalLocation struct {
					ArtifactLocation struct{ URI, URIBaseID string }
					Region           struct {
						StartLine, StartColumn, EndLine, EndColumn, ByteOffset, ByteLength int
						CharOffset, CharLength                                             *int
					}
				}
			}
			Fixes []struct {
				Description     struct{ Text string }
				ArtifactChanges []struct {
					ArtifactLocation struct{ URI, URIBaseID string }
					Replacements     []struct {
						DeletedRegion   struct{ ByteOffset, ByteLength *int }
						InsertedContent struct{ Text string }
					}
				}
			}
		}
	}
}

// checkSARIF validates out against the schema, checks what GitHub code
// scanning relies on, and returns the decoded log.
func checkSARIF(t *testing.T, out string) sarifLog {
	t.Helper()
	if err := validateSARIF(t, sarifSchema(t), out); err != nil {
		t.Fatalf("the output does not validate against SARIF 2.1.0:\n%v", err)
	}
	var log sarifLog
	if err := json.Unmarshal([]byte(out), &log); err != nil {
		t.Fatal(err)
	}
	if len(log.Runs) != 1 {
		t.Fatalf("%d runs, want 1", len(log.Runs))
	}
	run := log.Runs[0]
	if run.ColumnKind != "unicodeCodePoints" {
		t.Errorf("columnKind %q, want unicodeCodePoints", run.ColumnKind)
	}
	d := run.Tool.Driver
	if d.Name != "httpcodes" || d.InformationURI != "https://github.com/httpcodes/httpcodes" || d.Version != strings.Fields(buildVersion())[0] {
		t.Errorf("driver %q, informationUri %q, version %q", d.Name, d.InformationURI, d.Version)
	}

	// Every rule has its entry, in the order of analysis.Rules(), whether or
	// not it has results: code scanning shows the rule's help from here.
	index := map[string]int{}
	for i, r := range d.Rules {
		index[r.ID] = i
	}
	levels := map[analysis.Severity]string{analysis.Error: "error", analysis.Warning: "warning", analysis.Info: "note", analysis.Hint: "note"}
	for _, r := range analysis.Rules() {
		i, ok := index[r.Name]
		if !ok {
			t.Errorf("rule %s has no entry in tool.driver.rules", r.Name)
			continue
		}
		got := d.Rules[i]
		url := "https://httpcodes.dev/rules/" + r.Name + "/"
		if got.ShortDescription.Text != r.Summary || got.FullDescription.Text != r.Why || got.HelpURI != url {
			t.Errorf("rule %s: shortDescription %q, fullDescription %q, helpUri %q", r.Name, got.ShortDescription.Text, got.FullDescription.Text, got.HelpURI)
		}
		if got.DefaultConfiguration.Level == nil || *got.DefaultConfiguration.Level != levels[r.Severity] {
			t.Errorf("rule %s (%s): defaultConfiguration.level %v, want %s", r.Name, r.Severity, got.DefaultConfiguration.Level, levels[r.Severity])
		}
		for _, help := range []string{got.Help.Text, got.Help.Markdown} {
			for _, part := range []string{r.Why, r.Bad, r.Good, url} {
				if !strings.Contains(help, part) {
					t.Errorf("rule %s: help lacks %q:\n%s", r.Name, part, help)
				}
			}
		}
	}
	if len(d.Rules) != len(analysis.Rules()) {
		t.Errorf("%d rule entries for %d rules", len(d.Rules), len(analysis.Rules()))
	}

	for _, res := range run.Results {
		if res.RuleIndex == nil || *res.RuleIndex < 0 || *res.RuleIndex >= len(d.Rules) || d.Rules[*res.RuleIndex].ID != res.RuleID {
			t.Errorf("result %s: ruleIndex %v does not point at its rule", res.RuleID, res.RuleIndex)
		}
		if r, ok := analysis.RuleByName(res.RuleID); !ok || res.Level != levels[r.Severity] {
			t.Errorf("result %s: level %q", res.RuleID, res.Level)
		}
		if res.Message.Text == "" {
			t.Errorf("result %s has no message", res.RuleID)
		}
		if len(res.Locations) != 1 {
			t.Errorf("result %s: %d locations, want 1", res.RuleID, len(res.Locations))
			continue
		}
		loc := res.Locations[0].PhysicalLocation
		if uri := loc.ArtifactLocation.URI; uri == "" || strings.HasPrefix(uri, "/") || strings.Contains(uri, `\`) || loc.ArtifactLocation.URIBaseID != "%SRCROOT%" {
			t.Errorf("result %s: artifactLocation %+v; want a relative path with forward slashes under %%SRCROOT%%", res.RuleID, loc.ArtifactLocation)
		}
		// Lines and columns are 1-based; the end column is exclusive.
		reg := loc.Region
		if reg.StartLine < 1 || reg.StartColumn < 1 || reg.EndLine < reg.StartLine || reg.EndColumn < 1 ||
			reg.EndLine == reg.StartLine && reg.EndColumn < reg.StartColumn {
			t.Errorf("result %s: region %+v", res.RuleID, reg)
		}
		if len(res.Fixes) > 1 {
			t.Errorf("result %s: %d fixes, want at most 1", res.RuleID, len(res.Fixes))
		}
		for _, f := range res.Fixes {
			if f.Description.Text == "" || len(f.ArtifactChanges) != 1 {
				t.Errorf("result %s: fix %+v", res.RuleID, f)
				continue
			}
			ch := f.ArtifactChanges[0]
			if ch.ArtifactLocation != loc.ArtifactLocation || len(ch.Replacements) == 0 {
				t.Errorf("result %s: fix changes %+v", res.RuleID, ch)
			}
			for _, rep := range ch.Replacements {
				if rep.DeletedRegion.ByteOffset == nil || rep.DeletedRegion.ByteLength == nil {
					t.Errorf("result %s: deletedRegion without byteOffset and byteLength", res.RuleID)
				}
			}
		}
	}
	return log
}

func TestSARIFGolden(t *testing.T) {
	status, out, stderr := runCmd(t, "check", "--format", "sarif", "testdata/check")
	if status != exitFindings {
		t.Fatalf("exit %d, want %d: %s", status, exitFindings, stderr)
	}
	log := checkSARIF(t, out)
	if len(log.Runs[0].Results) == 0 {
		t.Error("no results for testdata/check")
	}
	golden(t, "check.sarif", out)

	// The same input gives the same bytes.
	if _, again, _ := runCmd(t, "check", "--format", "sarif", "testdata/check"); again != out {
		t.Error("two runs over testdata/check printed different SARIF")
	}
}

// TestSARIFFixes checks the fixes of testdata/fix, where prefer-constant
// replaces each number with its constant (nethttp.StatusGone: the fixture
// renames the import).
func TestSARIFFixes(t *testing.T) {
	status, out, stderr := runCmd(t, "check", "--format", "sarif", "--fail-on", "hint", "testdata/fix")
	if status != exitFindings {
		t.Fatalf("exit %d, want %d: %s", status, exitFindings, stderr)
	}
	log := checkSARIF(t, out)
	src, err := os.ReadFile("testdata/fix/handler.go")
	if err != nil {
		t.Fatal(err)
	}
	fixes := 0
	for _, res := range log.Runs[0].Results {
		for _, f := range res.Fixes {
			fixes++
			reg := res.Locations[0].PhysicalLocation.Region
			rep := f.ArtifactChanges[0].Replacements[0]
			off, n := *rep.DeletedRegion.ByteOffset, *rep.DeletedRegion.ByteLength
			if off != reg.ByteOffset || n != reg.ByteLength || off+n > len(src) {
				t.Errorf("fix of %s deletes [%d, +%d), the finding is at [%d, +%d)", res.RuleID, off, n, reg.ByteOffset, reg.ByteLength)
				continue
			}
			if old, text := string(src[off:off+n]), rep.InsertedContent.Text; !strings.Contains(text, ".Status") || old == "" || strings.Trim(old, "0123456789") != "" {
				t.Errorf("fix of %s replaces %q with %q", res.RuleID, old, text)
			}
		}
	}
	if fixes == 0 {
		t.Error("no result carries a fix")
	}
}

// The schema check must be able to fail, or a passing test proves nothing:
// a result with a level SARIF does not have is rejected.
func TestSARIFValidationRejectsABrokenLog(t *testing.T) {
	_, out, _ := runCmd(t, "check", "--format", "sarif", "testdata/check")
	schema := sarifSchema(t)
	if err := validateSARIF(t, schema, out); err != nil {
		t.Fatalf("the unbroken output does not validate: %v", err)
	}
	var doc map[string]any
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	result := doc["runs"].([]any)[0].(map[string]any)["results"].([]any)[0].(map[string]any)
	result["level"] = "fatal"
	broken, err := json.Marshal(doc)
	if err != nil {
		t.Fatal(err)
	}
	err = validateSARIF(t, schema, string(broken))
	if err == nil {
		t.Fatal(`a result with "level": "fatal" validated: the schema check cannot fail`)
	}
	if !strings.Contains(err.Error(), "/runs/0/results/0/level") {
		t.Errorf("the error does not name the broken level:\n%v", err)
	}
}

// TestSARIFRegionColumns checks that regions count code points, as
// run.columnKind says, while fixes delete bytes.
func TestSARIFRegionColumns(t *testing.T) {
	// On the line `	msg := "héllo"; w.WriteHeader(200)`, the 200 starts at
	// byte column 33 but code-point column 32; the six lines before it hold
	// 68 bytes, 66 code points (a "€" is three bytes).
	src := "// €\n" + strings.Repeat("// 34567890\n", 4) + "// 345678901\n" + "\tmsg := \"héllo\"; w.WriteHeader(200)\n"
	if src[100:103] != "200" {
		t.Fatalf("the fixture's 200 is not at byte 100: %q", src[100:103])
	}
	f := reportedFinding{
		Finding: analysis.Finding{
			Rule: "prefer-constant", Severity: analysis.Hint, Message: "200 is 200 OK; write http.StatusOK",
			Start: 100, End: 103, Code: 200,
			Fix: &analysis.Fix{Title: "Write http.StatusOK", Edits: []analysis.Edit{{Start: 100, End: 103, NewText: "http.StatusOK"}}},
		},
		file: "api/h.go", line: 7, col: 33, endLine: 7, endCol: 36, lines: workspace.NewLines([]byte(src)),
	}
	f.edits = []reportedEdit{{Edit: f.Fix.Edits[0], line: 7, col: 33, endLine: 7, endCol: 36}}
	var buf bytes.Buffer
	if err := (sarifPrinter{}).print(&buf, []reportedFinding{f}, 1); err != nil {
		t.Fatal(err)
	}
	log := checkSARIF(t, buf.String())
	res := log.Runs[0].Results[0]
	reg := res.Locations[0].PhysicalLocation.Region
	if reg.StartLine != 7 || reg.StartColumn != 32 || reg.EndLine != 7 || reg.EndColumn != 35 || reg.ByteOffset != 100 || reg.ByteLength != 3 ||
		reg.CharOffset == nil || *reg.CharOffset != 97 || reg.CharLength == nil || *reg.CharLength != 3 {
		t.Errorf("region %+v, want line 7, columns 32–35, bytes 100+3, characters 97+3", reg)
	}
	if res.RuleID != "prefer-constant" || res.Level != "note" || res.Message.Text != f.Message || res.Locations[0].PhysicalLocation.ArtifactLocation.URI != "api/h.go" {
		t.Errorf("result %+v", res)
	}
	fix := res.Fixes[0]
	rep := fix.ArtifactChanges[0].Replacements[0]
	if fix.Description.Text != "Write http.StatusOK" || *rep.DeletedRegion.ByteOffset != 100 || *rep.DeletedRegion.ByteLength != 3 || rep.InsertedContent.Text != "http.StatusOK" {
		t.Errorf("fix %+v", fix)
	}
}

func TestSARIFNoFindings(t *testing.T) {
	var buf bytes.Buffer
	if err := (sarifPrinter{}).print(&buf, nil, 3); err != nil {
		t.Fatal(err)
	}
	// Code scanning rejects a run without a results array.
	if !strings.Contains(buf.String(), `"results": []`) {
		t.Errorf("no findings should print an empty results array:\n%s", buf.String())
	}
	checkSARIF(t, buf.String())
}

func TestSARIFDocsURL(t *testing.T) {
	_, out, _ := runCmd(t, "check", "--format", "sarif", "--docs-url", "https://docs.example.com/httpcodes/", "testdata/check")
	if !strings.Contains(out, `"helpUri": "https://docs.example.com/httpcodes/rules/redirect-status/"`) {
		t.Error("--docs-url does not change the rules' helpUri")
	}
}

func TestSARIFRuleDocsURL(t *testing.T) {
	tests := []struct{ base, want string }{
		{analysis.DefaultDocsBase, "https://httpcodes.dev/rules/redirect-status/"},
		{"https://httpcodes.dev/", "https://httpcodes.dev/rules/redirect-status/"},
		{"https://example.com/docs", "https://example.com/docs/rules/redirect-status/"},
	}
	for _, tt := range tests {
		if got := analysis.RuleDocsURL(tt.base, "redirect-status"); got != tt.want {
			t.Errorf("RuleDocsURL(%q) = %q, want %q", tt.base, got, tt.want)
		}
	}
}
