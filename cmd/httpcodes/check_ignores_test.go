package main

import (
	"fmt"
	"testing"
)

// ignoresCode has an ignore comment that silences a finding, one that
// silences nothing and one that names no rule.
const ignoresCode = `package p

import "net/http"

func a(w http.ResponseWriter) { w.WriteHeader(430) } //httpcodes:ignore unknown-status

func b(w http.ResponseWriter) { w.WriteHeader(http.StatusOK) } //httpcodes:ignore unknown-status

//httpcodes:ignore unknown-staus
func c(w http.ResponseWriter) { w.WriteHeader(http.StatusOK) }
`

// TestCheckIgnoreComments: a misspelt rule in an ignore comment is always
// a finding; an ignore that silences nothing is one with
// --report-unused-ignores or report-unused-ignores: true.
func TestCheckIgnoreComments(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"plain/h.go":               ignoresCode,
		"strict/h.go":              ignoresCode,
		"strict/.httpcodes.yaml":   "report-unused-ignores: true\n",
		"severity/h.go":            ignoresCode,
		"severity/.httpcodes.yaml": "report-unused-ignores: true\nrules:\n  unused-ignore: error\n  unknown-ignore: off\n",
	})
	t.Chdir(dir)
	const unknown = "%s/h.go:9:20: warning: \"unknown-staus\" is not a rule, so this ignore comment silences nothing; did you mean \"unknown-status\"? [unknown-ignore]\n"
	const unused = "%s/h.go:7:83: %s: this ignore of unknown-status silences nothing on its line or the next; remove it [unused-ignore]\n"
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"check", "plain"}, fmt.Sprintf(unknown, "plain")},
		{[]string{"check", "--report-unused-ignores", "plain"}, fmt.Sprintf(unused, "plain", "warning") + fmt.Sprintf(unknown, "plain")},
		{[]string{"check", "strict"}, fmt.Sprintf(unused, "strict", "warning") + fmt.Sprintf(unknown, "strict")},
		{[]string{"check", "severity"}, fmt.Sprintf(unused, "severity", "error")},
		{[]string{"check", "--ignore", "unused-ignore", "strict"}, fmt.Sprintf(unknown, "strict")},
	}
	for _, tt := range tests {
		status, stdout, stderr := runCmd(t, tt.args...)
		if status != exitFindings || stdout != tt.want {
			t.Errorf("%v: exit %d\n got %s\nwant %s\nstderr %s", tt.args, status, stdout, tt.want, stderr)
		}
	}
}
