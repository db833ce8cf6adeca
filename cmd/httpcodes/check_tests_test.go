package main

import (
	"path/filepath"
	"strings"
	"testing"
)

const (
	// sendsUnknown sends 299, an unknown-status warning.
	sendsUnknown = "const express = require('express');\nconst app = express();\napp.get('/', (req, res) => res.status(299).end());\n"
	// assertsImpossible compares with 2020, which can never be true.
	assertsImpossible = "test('x', async () => {\n  const res = await request(app).get('/');\n  expect(res.status).toBe(2020);\n  expect(res.status).toBe(299);\n});\n"
)

// Test code is quiet by default: the summary says how many test files were
// checked so, and tests: check turns their warnings back on.
func TestCheckTestCodeQuietByDefault(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"src/app.js":              sendsUnknown,
		"src/app.test.js":         sendsUnknown,
		"__tests__/impossible.js": assertsImpossible,
	})
	t.Chdir(dir)
	status, stdout, stderr := runCmd(t, "check", ".")
	wantOut := "" +
		"__tests__/impossible.js:3:27: error: expect(…).toBe with 2020 can never be true: a status code has three digits, 100 to 999 [invalid-status]\n" +
		"src/app.js:3:39: warning: res.status with 299: no registry or known vendor defines 299, so clients treat it as 200 OK [unknown-status]\n"
	wantErr := "httpcodes: 2 findings (1 error, 1 warning) in 3 files checked, 2 of them test code with warnings and errors off (tests: check turns them on)\n"
	if status != exitFindings || stdout != wantOut || stderr != wantErr {
		t.Errorf("check: exit %d\nstdout:\n%s\nwant:\n%s\nstderr: %q\nwant:   %q", status, stdout, wantOut, stderr, wantErr)
	}

	writeFiles(t, dir, map[string]string{".httpcodes.yaml": "tests: check\n"})
	_, stdout, stderr = runCmd(t, "check", ".")
	if got := strings.Count(stdout, "[unknown-status]"); got != 3 {
		t.Errorf("tests: check: %d unknown-status findings, want 3 (the app, its test, the 299 assertion)\n%s", got, stdout)
	}
	if !strings.HasSuffix(stderr, "in 3 files checked\n") {
		t.Errorf("tests: check: summary %q names quiet test code", stderr)
	}
}

// Each file takes the configuration nearest above it, whether check walks
// to it or is given it: a subproject's .httpcodes.yaml governs its files.
func TestCheckNearestConfiguration(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		".httpcodes.yaml":     "rules:\n  unknown-status: error\n",
		"a/app.js":            sendsUnknown,
		"sub/.httpcodes.yaml": "rules:\n  unknown-status: off\n",
		"sub/app.js":          sendsUnknown,
	})
	t.Chdir(dir)
	for _, args := range [][]string{{"check", "."}, {"check", "a/app.js", "sub/app.js"}, {"check", "sub", "a"}} {
		_, stdout, _ := runCmd(t, args...)
		want := "a/app.js:3:39: error: res.status with 299: no registry or known vendor defines 299, so clients treat it as 200 OK [unknown-status]\n"
		if stdout != want {
			t.Errorf("%v:\n%s\nwant:\n%s", args, stdout, want)
		}
	}
}

// A named file in no language httpcodes reads is skipped with a note, not
// counted as checked.
func TestCheckNamedFileOfNoLanguage(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"README.md": "# 299\n", "app.js": sendsUnknown})
	t.Chdir(dir)
	status, _, stderr := runCmd(t, "check", "README.md", filepath.Join(".", "app.js"))
	want := "httpcodes: README.md: skipped: not a language httpcodes reads\nhttpcodes: 1 finding (1 warning) in 1 file checked\n"
	if status != exitFindings || stderr != want {
		t.Errorf("exit %d, stderr %q\nwant %q", status, stderr, want)
	}
}
