package main

import (
	"bytes"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// TestFlagsAnywhere checks that flags may follow the arguments, as in
// every linter people know: `check examples --format json` is JSON.
func TestFlagsAnywhere(t *testing.T) {
	before, wantOut, _ := runCmd(t, "check", "--format", "json", "testdata/check")
	after, gotOut, stderr := runCmd(t, "check", "testdata/check", "--format", "json")
	if before != 1 || after != 1 || gotOut != wantOut || !strings.HasPrefix(gotOut, "{\n  \"findings\": [") {
		t.Errorf("check PATH --format json: exit %d (want %d), stdout differs from flags first: %v\n%s", after, before, gotOut != wantOut, stderr)
	}
	_, want, _ := runCmd(t, "explain", "--json", "207")
	status, got, _ := runCmd(t, "explain", "207", "--json")
	if status != 0 || got != want {
		t.Errorf("explain 207 --json: exit %d, %q", status, got)
	}
}

func TestVersionFlag(t *testing.T) {
	_, want, _ := runCmd(t, "version")
	status, got, _ := runCmd(t, "--version")
	if status != 0 || got != want || got != "httpcodes "+buildVersion()+" "+runtime.GOOS+"/"+runtime.GOARCH+" "+runtime.Version()+"\n" {
		t.Errorf("--version: exit %d, %q; version says %q", status, got, want)
	}
}

// TestHelp checks that help is on stdout with exit 0, whichever way it is
// asked for, and that it is the command's own, with its examples.
func TestHelp(t *testing.T) {
	for _, cmd := range []string{"check", "explain", "rules", "list", "languages", "serve", "site", "version", "man", "config"} {
		status, byHelp, stderr := runCmd(t, "help", cmd)
		if status != 0 || stderr != "" {
			t.Errorf("help %s: exit %d, stderr %q", cmd, status, stderr)
		}
		for _, flag := range []string{"--help", "-h"} {
			status, byFlag, _ := runCmd(t, cmd, flag)
			if status != 0 || byFlag != byHelp {
				t.Errorf("%s %s: exit %d; output differs from help %s", cmd, flag, status, cmd)
			}
		}
		if !strings.Contains(byHelp, "Usage:\n  httpcodes "+cmd) || !strings.Contains(byHelp, "Examples:\n  httpcodes ") {
			t.Errorf("help %s lacks its usage or examples:\n%s", cmd, byHelp)
		}
	}
	status, stdout, _ := runCmd(t, "help", "config", "check")
	if status != 0 || !strings.Contains(stdout, "Usage:\n  httpcodes config check [file]") {
		t.Errorf("help config check: exit %d:\n%s", status, stdout)
	}
	status, stdout, _ = runCmd(t, "--help")
	if status != 0 || !strings.Contains(stdout, "Available Commands:") || !strings.Contains(stdout, "check       Check source files for misused status codes") {
		t.Errorf("--help: exit %d:\n%s", status, stdout)
	}
	// No command at all is a usage error: the help goes to stderr.
	status, stdout, stderr := runCmd(t)
	if status != 2 || stdout != "" || !strings.Contains(stderr, "Available Commands:") {
		t.Errorf("no arguments: exit %d, stdout %q", status, stdout)
	}
}

// TestDidYouMean checks the suggestions for mistyped commands, help
// topics, rules and formats.
func TestDidYouMean(t *testing.T) {
	tests := []struct {
		args   []string
		stderr string
	}{
		{[]string{"chek"}, "httpcodes: unknown command \"chek\"; did you mean check?\nRun \"httpcodes --help\" for usage.\n"},
		{[]string{"exlpain", "207"}, "httpcodes: unknown command \"exlpain\"; did you mean explain?\nRun \"httpcodes --help\" for usage.\n"},
		{[]string{"frobnicate"}, "httpcodes: unknown command \"frobnicate\"\nRun \"httpcodes --help\" for usage.\n"},
		{[]string{"help", "rulez"}, "httpcodes: help: unknown command \"rulez\"; did you mean rules?\nRun \"httpcodes help --help\" for usage.\n"},
		{[]string{"rules", "redirct-status"}, "httpcodes: no rule is named \"redirct-status\"; did you mean redirect-status?\nrun \"httpcodes rules\" to list them\n"},
		{[]string{"check", "--format", "jsn", "testdata/check"}, "httpcodes: check: --format \"jsn\": use one of " + strings.Join(printerNames(), ", ") + "; did you mean json?\nRun \"httpcodes check --help\" for usage.\n"},
	}
	for _, tt := range tests {
		status, _, stderr := runCmd(t, tt.args...)
		if status != 2 || stderr != tt.stderr {
			t.Errorf("%v: exit %d, stderr\n%q\nwant exit 2 and\n%q", tt.args, status, stderr, tt.stderr)
		}
	}
}

// TestCompletion checks the completion scripts of each shell, and that
// the shell is offered the rule names.
func TestCompletion(t *testing.T) {
	marks := map[string]string{
		"bash":       "__start_httpcodes",
		"zsh":        "#compdef httpcodes",
		"fish":       "complete -c httpcodes",
		"powershell": "Register-ArgumentCompleter",
	}
	for shell, mark := range marks {
		status, stdout, stderr := runCmd(t, "completion", shell)
		if status != 0 || !strings.Contains(stdout, mark) {
			t.Errorf("completion %s: exit %d, no %q in the script; stderr %q", shell, status, mark, stderr)
		}
	}
	status, stdout, _ := runCmd(t, "__complete", "rules", "redirect")
	if status != 0 || stdout != "redirect-status\ta redirect API given a code that is not a redirect\n:4\n" {
		t.Errorf("completing rules redirect: exit %d, %q", status, stdout)
	}
	status, stdout, _ = runCmd(t, "__complete", "check", "--format", "")
	if status != 0 || !strings.HasPrefix(stdout, strings.Join(printerNames(), "\n")+"\n") {
		t.Errorf("completing check --format: exit %d, %q", status, stdout)
	}
}

// TestManPages checks that `man --out` writes a page per command, made
// from the help text.
func TestManPages(t *testing.T) {
	dir := t.TempDir()
	status, _, stderr := runCmd(t, "man", "--out", dir)
	if status != 0 {
		t.Fatalf("man: exit %d: %s", status, stderr)
	}
	page, err := os.ReadFile(filepath.Join(dir, "httpcodes-check.1"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{".TH \"HTTPCODES\" \"1\"", "httpcodes-check - Check source files for misused status codes", "\\fB--fail-on\\fP=\"warning\"\n\texit 1 when a finding is at least this severe"} {
		if !bytes.Contains(page, []byte(want)) {
			t.Errorf("httpcodes-check.1 lacks %q:\n%s", want, page)
		}
	}
	for _, name := range []string{"httpcodes.1", "httpcodes-explain.1", "httpcodes-config-check.1"} {
		if _, err := os.Stat(filepath.Join(dir, name)); err != nil {
			t.Errorf("man wrote no %s: %v", name, err)
		}
	}
	if status, _, _ := runCmd(t, "man"); status != 2 {
		t.Errorf("man without --out: exit %d, want 2", status)
	}
}

// TestCommandReference keeps docs/cli.md, the command reference the
// README links, the same as the commands' help.
func TestCommandReference(t *testing.T) {
	var out bytes.Buffer
	root := newRootCmd(strings.NewReader(""), &out, &out)
	got := commandReference(root)
	const path = "../../docs/cli.md"
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if got != string(want) {
		t.Errorf("docs/cli.md differs from the help text (run go test ./cmd/httpcodes -run TestCommandReference -update):\n%s", firstDiff(string(want), got))
	}
	for _, section := range []string{"\n## httpcodes check\n", "\n## httpcodes config check\n", "\n## httpcodes completion bash\n", "\n## httpcodes help\n"} {
		if !strings.Contains(got, section) {
			t.Errorf("the reference has no %q", section)
		}
	}
}
