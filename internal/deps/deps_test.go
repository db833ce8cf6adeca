package deps

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/httpcodes/httpcodes/codes"
)

func TestParse(t *testing.T) {
	tests := []struct {
		name, text string
		want       Versions
	}{
		{"Gemfile.lock", "GEM\n  remote: https://rubygems.org/\n  specs:\n    rack (3.0.9)\n    rack-test (2.1.0)\n      rack (>= 1.3)\n", Versions{codes.Rack: "3.0.9"}},
		{"Gemfile.lock", "GEM\n  specs:\n    rails (7.1.0)\n      rack (>= 2.2.4)\n", Versions{}},
		{"poetry.lock", "[[package]]\nname = \"starlette\"\nversion = \"0.47.2\"\ndescription = \"x\"\n", Versions{codes.Starlette: "0.47.2"}},
		{"uv.lock", "[[package]]\nname = \"starlette\"\nversion = \"0.49.1\"\n", Versions{codes.Starlette: "0.49.1"}},
		{"Pipfile.lock", `{"default": {"starlette": {"version": "==0.46.0"}}, "develop": {}}`, Versions{codes.Starlette: "0.46.0"}},
		{"requirements.txt", "fastapi==0.110.0\nstarlette==0.36.3 ; python_version >= '3.8'\n", Versions{codes.Starlette: "0.36.3"}},
		{"requirements-dev.txt", "starlette<0.48\n", Versions{codes.Starlette: "0.47.999"}},
		{"requirements.txt", "starlette<1.0\n", Versions{codes.Starlette: "0.999"}}, // allows every 0.x, the renamed ones too
		{"requirements.txt", "starlette>=0.40\n", Versions{}},
		{"requirements.txt", "starlette-context==0.3.6\n", Versions{}},
		{"pyproject.toml", "[project]\ndependencies = [\"starlette==0.45.0\", \"httpx\"]\n", Versions{codes.Starlette: "0.45.0"}},
		{"pyproject.toml", "[tool.poetry.dependencies]\nstarlette = \"0.40.0\"\n", Versions{codes.Starlette: "0.40.0"}},
		{"pom.xml", "<dependency>\n  <groupId>org.springframework</groupId>\n  <artifactId>spring-web</artifactId>\n  <version>6.1.14</version>\n</dependency>", Versions{codes.Spring: "6.1.14"}},
		{"pom.xml", "<parent>\n  <groupId>org.springframework.boot</groupId>\n  <artifactId>spring-boot-starter-parent</artifactId>\n  <version>3.3.5</version>\n</parent>", Versions{codes.Spring: "6.0"}},
		{"pom.xml", "<properties><spring.version>7.0.1</spring.version></properties>", Versions{codes.Spring: "7.0.1"}},
		{"build.gradle", "plugins {\n  id 'org.springframework.boot' version '4.0.0'\n}\n", Versions{codes.Spring: "7.0"}},
		{"build.gradle.kts", "plugins {\n  id(\"org.springframework.boot\") version \"3.2.0\"\n}\n", Versions{codes.Spring: "6.0"}},
		{"build.gradle", "implementation 'org.springframework:spring-webmvc:6.2.1'\n", Versions{codes.Spring: "6.2.1"}},
		{"package-lock.json", `{"packages": {"": {}, "node_modules/http-status-codes": {"version": "2.2.0"}, "node_modules/@nestjs/common": {"version": "10.3.0"}}}`, Versions{codes.Node: "2.2.0", codes.NestJS: "10.3.0"}},
		{"package-lock.json", `{not json`, Versions{}},
	}
	for _, tt := range tests {
		if got := Parse(tt.name, []byte(tt.text)); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Parse(%s, %q) = %v, want %v", tt.name, tt.text, got, tt.want)
		}
	}
}

func TestScanKeepsTheOldestPin(t *testing.T) {
	root := t.TempDir()
	write := func(rel, text string) {
		p := filepath.Join(root, rel)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("api/Gemfile.lock", "GEM\n  specs:\n    rack (3.1.8)\n")
	write("legacy/Gemfile.lock", "GEM\n  specs:\n    rack (3.0.11)\n")
	write("node_modules/x/Gemfile.lock", "GEM\n  specs:\n    rack (2.0.0)\n") // dependencies are not the project
	write(".git/Gemfile.lock", "GEM\n  specs:\n    rack (1.0.0)\n")
	write("svc/requirements.txt", "starlette==0.49.0\n")
	got, errs := Scan(root, 6)
	want := Versions{codes.Rack: "3.0.11", codes.Starlette: "0.49.0"}
	if !reflect.DeepEqual(got, want) || errs != nil {
		t.Errorf("Scan = %v, %v; want %v", got, errs, want)
	}
	if got, _ := Scan(root, 0); !reflect.DeepEqual(got, Versions{}) {
		t.Errorf("Scan to depth 0 = %v, want the root's own files only (none)", got)
	}
	if got, _ := Scan(filepath.Join(root, "missing"), 6); len(got) != 0 {
		t.Errorf("Scan of a missing path = %v", got)
	}
}

func TestOlder(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		want bool
	}{{"3.0.9", "3.1", true}, {"3.1", "3.0.9", false}, {"0.47.2", "0.48", true}, {"7.0", "7.0.1", true}, {"6.2.1", "6.2.1", false}, {"10.0", "9.9", false}} {
		if got := Older(tt.a, tt.b); got != tt.want {
			t.Errorf("Older(%s, %s) = %v", tt.a, tt.b, got)
		}
	}
}

func TestAboveStopsAtTheRepository(t *testing.T) {
	root := t.TempDir()
	for _, rel := range []string{"Gemfile.lock", "repo/.git/HEAD", "repo/Gemfile.lock", "repo/app/models/pom.xml", "repo/app/controllers/x.rb"} {
		p := filepath.Join(root, rel)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got := Above(filepath.Join(root, "repo/app/controllers"))
	want := []string{filepath.Join(root, "repo/Gemfile.lock")}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Above = %v, want %v (the sibling folder's pom.xml and the file above the repository are not the file's project)", got, want)
	}
}
