package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

// Every finding in the JSON output carries "status", 0 when the status is
// not known (a WriteHeader of a variable).
func TestJSONStatusAlwaysPresent(t *testing.T) {
	dir := t.TempDir()
	src := "package p\n\nimport \"net/http\"\n\nfunc h(w http.ResponseWriter, code int) {\n\tw.WriteHeader(http.StatusOK)\n\tw.WriteHeader(code)\n}\n"
	if err := os.WriteFile(filepath.Join(dir, "h.go"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	_, stdout, stderr := runCmd(t, "check", "--format", "json", dir)
	var report struct {
		Findings []map[string]any `json:"findings"`
	}
	if err := json.Unmarshal([]byte(stdout), &report); err != nil {
		t.Fatalf("%v; stderr: %s", err, stderr)
	}
	if len(report.Findings) != 1 {
		t.Fatalf("want one finding, got %v", report.Findings)
	}
	status, ok := report.Findings[0]["status"]
	if !ok || status != float64(0) {
		t.Errorf("status = %v (present %v), want 0: %v", status, ok, report.Findings[0])
	}
}
