package main

import (
	"fmt"
	"testing"
)

const finding430 = ":3:47: %s: w.WriteHeader with 430: no registry or known vendor defines 430, so clients treat it as 400 Bad Request; did you mean 429 Too Many Requests? [unknown-status]\n"

// TestCheckOverridesAndExtends: overrides and extends apply to the files
// check walks and to the files it is given by name alike.
func TestCheckOverridesAndExtends(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"team.yaml": "rules:\n  unknown-status: error\noverrides:\n  - files: [\"app/gen/**\"]\n    rules:\n      unknown-status: info\n",
		"app/.httpcodes.yaml": "extends: ../team.yaml\noverrides:\n  - files: [legacy]\n    rules:\n      unknown-status: off\n" +
			"  - files: [\"legacy/keep.go\"]\n    rules:\n      unknown-status: hint\n",
		"app/main.go":        unknownCode,
		"app/legacy/old.go":  unknownCode,
		"app/legacy/keep.go": unknownCode,
		"app/gen/api.go":     unknownCode,
	})
	t.Chdir(dir)
	status, stdout, stderr := runCmd(t, "check", "--fail-on", "hint", "app")
	want := fmt.Sprintf("app/gen/api.go"+finding430, "info") +
		fmt.Sprintf("app/legacy/keep.go"+finding430, "hint") +
		fmt.Sprintf("app/main.go"+finding430, "error")
	if status != exitFindings || stdout != want {
		t.Errorf("walked: exit %d\n got %s\nwant %s\nstderr %s", status, stdout, want, stderr)
	}
	for file, want := range map[string]string{
		"app/legacy/old.go":  "",
		"app/legacy/keep.go": fmt.Sprintf("app/legacy/keep.go"+finding430, "hint"),
		"app/gen/api.go":     fmt.Sprintf("app/gen/api.go"+finding430, "info"),
	} {
		_, stdout, stderr := runCmd(t, "check", "--fail-on", "hint", file)
		if stdout != want {
			t.Errorf("named %s:\n got %s\nwant %s\nstderr %s", file, stdout, want, stderr)
		}
	}
}
