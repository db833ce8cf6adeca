package main

import (
	"encoding/json"
	"encoding/xml"
	"path/filepath"
	"strings"
	"testing"
)

// TestGitLabFingerprintsStable checks that a finding keeps its fingerprint
// when lines are added above it, and that two findings on lines of the
// same text get different ones.
func TestGitLabFingerprintsStable(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "login.go")
	body := "func a(w http.ResponseWriter, r *http.Request) {\n\thttp.Redirect(w, r, \"/\", http.StatusOK)\n}\n"
	fingerprints := func(src string) []string {
		writeFile(t, path, src)
		_, stdout, stderr := runCmd(t, "check", "--format", "gitlab", path)
		var issues []gitlabIssue
		if err := json.Unmarshal([]byte(stdout), &issues); err != nil {
			t.Fatalf("%v: %s%s", err, stdout, stderr)
		}
		var out []string
		for _, is := range issues {
			if is.CheckName != "redirect-status" || is.Severity != "critical" || len(is.Fingerprint) != 32 {
				t.Errorf("issue %+v", is)
			}
			out = append(out, is.Fingerprint)
		}
		return out
	}
	head := "package api\n\nimport \"net/http\"\n\n"
	before := fingerprints(head + body + body)
	after := fingerprints(head + "// a comment\n// and another\n\n" + body + body)
	if len(before) != 2 || strings.Join(before, " ") != strings.Join(after, " ") || before[0] == before[1] {
		t.Errorf("fingerprints before %q, after lines moved %q: want two, distinct, unchanged", before, after)
	}
}

func TestXMLFormatsParse(t *testing.T) {
	_, stdout, _ := runCmd(t, "check", "--format", "junit", "testdata/check")
	var suites junitSuites
	if err := xml.Unmarshal([]byte(stdout), &suites); err != nil || suites.Tests != 6 || suites.Failures != 6 || len(suites.Suites) != 2 {
		t.Errorf("junit: %v, %d tests, %d failures, %d suites", err, suites.Tests, suites.Failures, len(suites.Suites))
	}
	_, stdout, _ = runCmd(t, "check", "--format", "checkstyle", "testdata/check")
	var report checkstyleReport
	if err := xml.Unmarshal([]byte(stdout), &report); err != nil || len(report.Files) != 2 || len(report.Files[0].Errors)+len(report.Files[1].Errors) != 6 {
		t.Errorf("checkstyle: %v, %+v", err, report)
	}
	// A clean check is an empty report, still well formed.
	for format, want := range map[string]string{
		"gitlab":     "[]\n",
		"junit":      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"httpcodes\" tests=\"0\" failures=\"0\"></testsuites>\n",
		"checkstyle": "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<checkstyle version=\"4.3\"></checkstyle>\n",
	} {
		if status, stdout, _ := runCmd(t, "check", "--format", format, "testdata/check/clean"); status != 0 || stdout != want {
			t.Errorf("--format %s of a clean tree: exit %d, %q", format, status, stdout)
		}
	}
}
