package main

import (
	"bytes"
	"testing"

	"github.com/httpcodes/httpcodes/analysis"
)

// The expectations follow escapeData and escapeProperty in
// actions/toolkit's packages/core/src/command.ts.
func TestGithubEscaping(t *testing.T) {
	tests := []struct {
		in, data, property string
	}{
		{"plain", "plain", "plain"},
		{"100% sure", "100%25 sure", "100%25 sure"},
		{"two\nlines\r\n", "two%0Alines%0D%0A", "two%0Alines%0D%0A"},
		{"50%\r\nof:them,all", "50%25%0D%0Aof:them,all", "50%25%0D%0Aof%3Athem%2Call"},
		{"dir:a,b.go", "dir:a,b.go", "dir%3Aa%2Cb.go"},
		// An escape already in the input is escaped again, not decoded.
		{"%0A", "%250A", "%250A"},
		{"httpcodes (redirect-status)", "httpcodes (redirect-status)", "httpcodes (redirect-status)"},
	}
	for _, tt := range tests {
		if got := githubData(tt.in); got != tt.data {
			t.Errorf("githubData(%q) = %q, want %q", tt.in, got, tt.data)
		}
		if got := githubProperty(tt.in); got != tt.property {
			t.Errorf("githubProperty(%q) = %q, want %q", tt.in, got, tt.property)
		}
	}
}

func TestGithubPrinter(t *testing.T) {
	finding := func(sev analysis.Severity, rule, msg, file string) reportedFinding {
		return reportedFinding{
			Finding: analysis.Finding{Rule: rule, Severity: sev, Message: msg},
			file:    file, line: 3, col: 32, endLine: 3, endCol: 35,
		}
	}
	findings := []reportedFinding{
		finding(analysis.Error, "redirect-status", "http.Redirect with 200 OK", "api/h.go"),
		finding(analysis.Warning, "unknown-status", "299: 100% unknown\nsee the docs", "a:b,c.go"),
		finding(analysis.Info, "deprecated-status", "306 is retired", "x.go"),
		finding(analysis.Hint, "prefer-constant", "write http.StatusOK", "x.go"),
	}
	want := "" +
		"::error file=api/h.go,line=3,col=32,endLine=3,endColumn=35,title=httpcodes (redirect-status)::http.Redirect with 200 OK\n" +
		"::warning file=a%3Ab%2Cc.go,line=3,col=32,endLine=3,endColumn=35,title=httpcodes (unknown-status)::299: 100%25 unknown%0Asee the docs\n" +
		"::notice file=x.go,line=3,col=32,endLine=3,endColumn=35,title=httpcodes (deprecated-status)::306 is retired\n" +
		"::notice file=x.go,line=3,col=32,endLine=3,endColumn=35,title=httpcodes (prefer-constant)::write http.StatusOK\n"
	var buf bytes.Buffer
	if err := (githubPrinter{}).print(&buf, findings, 1); err != nil {
		t.Fatal(err)
	}
	if buf.String() != want {
		t.Errorf("got:\n%s\nwant:\n%s", buf.String(), want)
	}

	buf.Reset()
	if err := (githubPrinter{}).print(&buf, nil, 1); err != nil || buf.Len() != 0 {
		t.Errorf("no findings printed %q (%v)", buf.String(), err)
	}
}

func TestGithubGolden(t *testing.T) {
	status, stdout, stderr := runCmd(t, "check", "--format", "github", "testdata/check")
	if status != exitFindings {
		t.Errorf("exit %d, want %d: %s", status, exitFindings, stderr)
	}
	golden(t, "check.github", stdout)
}
