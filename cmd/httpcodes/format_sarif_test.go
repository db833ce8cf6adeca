package main

import (
	"bytes"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/httpcodes/httpcodes/analysis"
)

const schemaFile = "testdata/sarif-schema-2.1.0.json"

// The project ships the official schema beside the tests; it must be the
// same file as the verified copy in ../shared/data.
func TestSARIFSchemaIsTheOfficialOne(t *testing.T) {
	ours, err := os.ReadFile(schemaFile)
	if err != nil {
		t.Fatal(err)
	}
	official, err := os.ReadFile("../../../shared/data/sarif-schema-2.1.0.json")
	if err != nil {
		t.Fatalf("the reference copy: %v", err)
	}
	if !bytes.Equal(ours, official) {
		t.Error(schemaFile + " differs from ../shared/data/sarif-schema-2.1.0.json")
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

func validate(t *testing.T, s *jsonschema.Schema, out string) error {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(strings.NewReader(out))
	if err != nil {
		t.Fatalf("not JSON: %v", err)
	}
	return s.Validate(doc)
}

func TestSARIF(t *testing.T) {
	status, out, stderr := runCmd(t, "check", "--format", "sarif", "testdata/check", "testdata/fix")
	if status != exitFindings {
		t.Fatalf("exit %d: %s", status, stderr)
	}
	schema := sarifSchema(t)
	if err := validate(t, schema, out); err != nil {
		t.Fatalf("the output does not validate against SARIF 2.1.0:\n%v", err)
	}
	// The validation must be able to fail: a level SARIF does not have.
	broken := strings.Replace(out, `"level": "warning"`, `"level": "fatal"`, 1)
	if err := validate(t, schema, broken); err == nil {
		t.Error("a result with level \"fatal\" validated: the schema check cannot fail")
	}

	var log struct {
		Runs []struct {
			Tool struct {
				Driver struct {
					Name  string
					Rules []struct {
						ID                   string
						HelpURI              string
						DefaultConfiguration struct{ Level string }
					}
				}
			}
			Results []struct {
				RuleID    string
				RuleIndex int
				Level     string
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct{ URI string }
						Region           struct{ StartLine, StartColumn, EndLine, EndColumn, ByteOffset, ByteLength int }
					}
				}
				Fixes []struct {
					ArtifactChanges []struct {
						Replacements []struct {
							DeletedRegion   struct{ ByteOffset, ByteLength int }
							InsertedContent struct{ Text string }
						}
					}
				}
			}
		}
	}
	if err := json.Unmarshal([]byte(out), &log); err != nil {
		t.Fatal(err)
	}
	if len(log.Runs) != 1 {
		t.Fatalf("%d runs", len(log.Runs))
	}
	run := log.Runs[0]
	if run.Tool.Driver.Name != "httpcodes" || len(run.Tool.Driver.Rules) != len(analysis.Rules()) {
		t.Errorf("driver %q with %d rules", run.Tool.Driver.Name, len(run.Tool.Driver.Rules))
	}
	for i, r := range analysis.Rules() {
		got := run.Tool.Driver.Rules[i]
		if got.ID != r.Name || got.HelpURI != "https://httpcodes.dev/rules/"+r.Name+"/" || got.DefaultConfiguration.Level != sarifLevels[r.Severity] {
			t.Errorf("rule %d: %+v", i, got)
		}
	}
	fixes := 0
	for _, res := range run.Results {
		if run.Tool.Driver.Rules[res.RuleIndex].ID != res.RuleID {
			t.Errorf("result %s points at rule %d", res.RuleID, res.RuleIndex)
		}
		reg := res.Locations[0].PhysicalLocation.Region
		if reg.StartLine < 1 || reg.StartColumn < 1 || reg.EndLine < reg.StartLine || strings.HasPrefix(res.Locations[0].PhysicalLocation.ArtifactLocation.URI, "/") {
			t.Errorf("result %s location %+v", res.RuleID, res.Locations[0])
		}
		for _, f := range res.Fixes {
			fixes++
			rep := f.ArtifactChanges[0].Replacements[0]
			if rep.DeletedRegion.ByteOffset != reg.ByteOffset || rep.DeletedRegion.ByteLength != reg.ByteLength || !strings.Contains(rep.InsertedContent.Text, "Status") {
				t.Errorf("fix of %s: %+v, region %+v", res.RuleID, rep, reg)
			}
		}
	}
	if fixes == 0 {
		t.Error("no result carries a fix")
	}
	golden(t, "check.sarif", out)

	_, out, _ = runCmd(t, "check", "--format", "sarif", "--docs-url", "https://docs.example.com/httpcodes/", "testdata/check")
	if !strings.Contains(out, `"helpUri": "https://docs.example.com/httpcodes/rules/redirect-status/"`) {
		t.Error("--docs-url does not change the rules' helpUri")
	}
}
