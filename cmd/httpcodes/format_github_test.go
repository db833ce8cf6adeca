package main

import "testing"

func TestGithubEscaping(t *testing.T) {
	tests := []struct {
		in, data, property string
	}{
		{"plain", "plain", "plain"},
		{"100% sure", "100%25 sure", "100%25 sure"},
		{"two\nlines\r\n", "two%0Alines%0D%0A", "two%0Alines%0D%0A"},
		{"dir:a,b.go", "dir:a,b.go", "dir%3Aa%2Cb.go"},
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

func TestGithubGolden(t *testing.T) {
	status, stdout, _ := runCmd(t, "check", "--format", "github", "testdata/check")
	if status != exitFindings {
		t.Errorf("exit %d", status)
	}
	golden(t, "check.github", stdout)
}
