package main

import (
	"path/filepath"
	"testing"
)

func TestConfigCheck(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.yaml")
	bad := filepath.Join(dir, "bad.yaml")
	writeFile(t, good, "rules:\n  redirect-status: warning\n")
	writeFile(t, bad, "rules:\n  redirect-status: loud\n")
	tests := []struct {
		args           []string
		status         int
		stdout, stderr string
	}{
		{[]string{"config", "check", good}, 0, good + ": valid\n", ""},
		{[]string{"config", "check", bad}, 1, "", "httpcodes: " + bad + ":2: rules: redirect-status: \"loud\" is not a severity; use error, warning, info, hint or off\n"},
		{[]string{"config", "check", filepath.Join(dir, "missing.yaml")}, 1, "", "httpcodes: config " + filepath.Join(dir, "missing.yaml") + ": no such file\n"},
	}
	for _, tt := range tests {
		status, stdout, stderr := runCmd(t, tt.args...)
		if status != tt.status || stdout != tt.stdout || stderr != tt.stderr {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want %d, %q, %q", tt.args, status, stdout, stderr, tt.status, tt.stdout, tt.stderr)
		}
	}
	t.Chdir(t.TempDir())
	if status, _, stderr := runCmd(t, "config", "check"); status != 2 || stderr != "httpcodes: config check: no .httpcodes.yaml here or in a parent directory; name the file to check\n" {
		t.Errorf("config check with no file: exit %d, %q", status, stderr)
	}
}
