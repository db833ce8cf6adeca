package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// writeTree writes files (relative path → content) under a new directory.
func writeTree(t *testing.T, files map[string]string) string {
	t.Helper()
	root := t.TempDir()
	for rel, text := range files {
		p := filepath.Join(root, rel)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return root
}

const (
	railsController  = "class ItemsController < ApplicationController\n  def create\n    render json: {}, status: :unprocessable_entity\n  end\nend\n"
	springController = "import org.springframework.http.HttpStatus;\nimport org.springframework.http.ResponseEntity;\n\nclass Items {\n  ResponseEntity<Void> create() {\n    return ResponseEntity.status(HttpStatus.UNPROCESSABLE_ENTITY).build();\n  }\n}\n"
	fastapiApp       = "from fastapi import HTTPException, status\n\ndef create():\n    raise HTTPException(status_code=status.HTTP_422_UNPROCESSABLE_ENTITY)\n"
)

// TestDeprecatedConstantFollowsPins: a name its library renamed is
// reported only where the project's lockfile or manifest does not pin a
// version from before the rename.
func TestDeprecatedConstantFollowsPins(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		want  bool
	}{
		{"rack 3.0 pinned", map[string]string{"Gemfile.lock": "GEM\n  specs:\n    rack (3.0.9)\n", "app/items_controller.rb": railsController}, false},
		{"rack 3.1 pinned", map[string]string{"Gemfile.lock": "GEM\n  specs:\n    rack (3.1.8)\n", "app/items_controller.rb": railsController}, true},
		{"no lockfile", map[string]string{"app/items_controller.rb": railsController}, true},
		{"spring boot 3", map[string]string{"pom.xml": "<parent><artifactId>spring-boot-starter-parent</artifactId><version>3.3.5</version></parent>", "src/Items.java": springController}, false},
		{"spring 7", map[string]string{"build.gradle": "implementation 'org.springframework:spring-web:7.0.1'\n", "src/Items.java": springController}, true},
		{"starlette 0.47", map[string]string{"requirements.txt": "fastapi==0.116.0\nstarlette==0.47.2\n", "app.py": fastapiApp}, false},
		{"starlette 0.49", map[string]string{"requirements.txt": "starlette==0.49.1\n", "app.py": fastapiApp}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := writeTree(t, tt.files)
			_, stdout, stderr := runCmd(t, "check", "--fail-on", "info", root)
			if got := strings.Contains(stdout, "[deprecated-constant]"); got != tt.want {
				t.Errorf("deprecated-constant reported: %v, want %v\nstdout:\n%s\nstderr:\n%s", got, tt.want, stdout, stderr)
			}
		})
	}
}

// TestFixDeprecatedConstants: --fix writes the new names, and the files
// then check clean.
func TestFixDeprecatedConstants(t *testing.T) {
	root := writeTree(t, map[string]string{
		"app/items_controller.rb": railsController,
		"src/Items.java":          springController,
		"app.py":                  fastapiApp,
	})
	status, stdout, stderr := runCmd(t, "check", "--fix", "--fail-on", "info", root)
	if status != exitOK || strings.Count(stderr, "fixed 1 finding") != 3 {
		t.Fatalf("check --fix: exit %d\nstdout:\n%s\nstderr:\n%s", status, stdout, stderr)
	}
	for rel, want := range map[string]string{
		"app/items_controller.rb": "status: :unprocessable_content",
		"src/Items.java":          "HttpStatus.UNPROCESSABLE_CONTENT",
		"app.py":                  "status.HTTP_422_UNPROCESSABLE_CONTENT",
	} {
		got, _ := os.ReadFile(filepath.Join(root, rel))
		if !strings.Contains(string(got), want) {
			t.Errorf("%s after --fix:\n%s\nwant it to hold %q", rel, got, want)
		}
	}
	if status, stdout, _ := runCmd(t, "check", "--fail-on", "hint", root); status != exitOK || stdout != "" {
		t.Errorf("after --fix, check exits %d:\n%s", status, stdout)
	}
}
