package workspace

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/httpcodes/httpcodes/analysis"
)

const projectDescription = "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n  /orders/{id}:\n    get:\n      responses:\n        '200':\n          description: OK\n"

func undocumented(t *testing.T, ws *Workspace, path string, src []byte) []analysis.Finding {
	t.Helper()
	f, err := ws.Check(path, src)
	if err != nil {
		t.Fatal(err)
	}
	var out []analysis.Finding
	for _, fd := range f.Findings {
		if fd.Rule == "undocumented-status" {
			out = append(out, fd)
		}
	}
	return out
}

// The join spans the root: a route in one file, its handler in another,
// the description named by the configuration outside the tree's default
// places; a file outside every root is judged against no description.
func TestProjectJoin(t *testing.T) {
	root := writeTree(t, map[string]string{
		".httpcodes.yaml": "openapi: spec/api.yaml\nexclude: [\"gen/**\"]\n",
		"spec/api.yaml":   projectDescription,
		"other.yaml":      strings.Replace(projectDescription, "'200'", "'409'", 1), // not named: does not count
		"routes.go":       "package p\n\nimport \"net/http\"\n\nfunc routes() {\n\thttp.HandleFunc(\"GET /orders/{id}\", get)\n}\n",
		"get.go":          "package p\n\nimport \"net/http\"\n\nfunc get(w http.ResponseWriter, r *http.Request) {\n\tw.WriteHeader(http.StatusConflict)\n}\n",
		"gen/get.go":      "package gen\n\nimport \"net/http\"\n\nfunc get(w http.ResponseWriter, r *http.Request) {}\n",
	})
	ws, err := New(Settings{Roots: []string{root}})
	if err != nil {
		t.Fatal(err)
	}
	get := filepath.Join(root, "get.go")
	src, _ := os.ReadFile(get)
	got := undocumented(t, ws, get, src)
	if len(got) != 1 || got[0].Message != "GET /orders/{id} sends 409 Conflict, which spec/api.yaml does not document for this operation (it lists 200)" {
		t.Fatalf("findings: %+v", got)
	}
	if e := got[0].Fix.Edits[0]; e.File != filepath.Join(root, "spec", "api.yaml") {
		t.Errorf("the fix edits %q", e.File)
	}
	outside, _ := New(Settings{})
	if got := undocumented(t, outside, get, src); len(got) != 0 {
		t.Errorf("without a root: %+v", got)
	}

	// The editor documents 409: the handler's file is clean at once, and
	// the change is said to reach other files.
	desc := filepath.Join(root, "spec", "api.yaml")
	fixed := strings.Replace(projectDescription, "        '200':", "        '409':\n          description: Conflict\n        '200':", 1)
	if !ws.Update(desc, []byte(fixed)) {
		t.Error("Update of the description: reaches other files = false")
	}
	if got := undocumented(t, ws, get, src); len(got) != 0 {
		t.Errorf("after the description documents 409: %+v", got)
	}
	// Closed without saving: the disk's description again.
	ws.Update(desc, nil)
	if got := undocumented(t, ws, get, src); len(got) != 1 {
		t.Errorf("after the description is closed: %+v", got)
	}
	// An edit of the route file that moves no route is its own business;
	// one that renames the handler reaches the handler's file.
	routes := filepath.Join(root, "routes.go")
	rsrc, _ := os.ReadFile(routes)
	if ws.Update(routes, append([]byte("// moved\n"), rsrc...)) {
		t.Error("an edit that moves the route: reaches other files = true")
	}
	if !ws.Update(routes, []byte(strings.Replace(string(rsrc), ", get)", ", other)", 1))) {
		t.Error("an edit that renames the handler: reaches other files = false")
	}
	if got := undocumented(t, ws, get, src); len(got) != 0 {
		t.Errorf("after the route names another handler: %+v", got)
	}
}

// FixElsewhere makes an edit asked by two findings once, and insertions at
// one place in the order of their text, whatever the findings' order.
func TestFixElsewhere(t *testing.T) {
	root := writeTree(t, map[string]string{"openapi.yaml": projectDescription})
	desc := filepath.Join(root, "openapi.yaml")
	ws, _ := New(Settings{})
	at := strings.Index(projectDescription, "description: OK") + len("description: OK")
	edit := func(text string) analysis.Finding {
		return analysis.Finding{Rule: "undocumented-status", Fix: &analysis.Fix{Edits: []analysis.Edit{{Start: at, End: at, NewText: text, File: desc}}}}
	}
	e422, e409 := "\n        '422':\n          description: Unprocessable Content", "\n        '409':\n          description: Conflict"
	files, err := ws.FixElsewhere([]analysis.Finding{edit(e422), edit(e409), edit(e409)}, os.ReadFile)
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != 1 || len(files[0].Applied) != 3 {
		t.Fatalf("FixElsewhere: %+v", files)
	}
	want := projectDescription[:at] + e409 + e422 + projectDescription[at:]
	if string(files[0].Text) != want {
		t.Errorf("fixed:\n%s\nwant:\n%s", files[0].Text, want)
	}
	// A fix that would leave the file no description is refused.
	broken := analysis.Finding{Rule: "undocumented-status", Fix: &analysis.Fix{Edits: []analysis.Edit{{Start: 0, End: len(projectDescription), NewText: "x: 1\n", File: desc}}}}
	if _, err := ws.FixElsewhere([]analysis.Finding{broken}, os.ReadFile); err == nil {
		t.Error("a fix that breaks the description was applied")
	}
}

// The workspace joins the annotated projects of the analysis testdata as
// the analysis harness does: each wanted finding, no other.
func TestProjectJoinMatchesTheAnnotatedProjects(t *testing.T) {
	dirs, _ := filepath.Glob(filepath.Join("..", "analysis", "testdata", "projects", "*"))
	n := 0
	for _, dir := range dirs {
		if st, err := os.Stat(dir); err != nil || !st.IsDir() {
			continue
		}
		n++
		ws, err := New(Settings{Roots: []string{dir}})
		if err != nil {
			t.Fatal(err)
		}
		_ = filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
			lang := analysis.Language(path)
			if err != nil || d.IsDir() || lang == "" || lang == "openapi" {
				return err
			}
			src, _ := os.ReadFile(path)
			want := strings.Count(string(src), `want "undocumented-status`)
			if got := len(undocumented(t, ws, path, src)); got != want {
				t.Errorf("%s: %d undocumented-status findings, the annotations want %d", path, got, want)
			}
			return nil
		})
	}
	if n < 8 {
		t.Errorf("found %d annotated projects", n)
	}
}

// TestDescriptionScope: in a repository of several services, a service's
// description judges only its own routes (overleaf's chat.yaml and the
// other services' GET /status); a description kept in a docs site of its
// own, whose package holds no routes, judges the whole project.
func TestDescriptionScope(t *testing.T) {
	status := "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n  /status:\n    get:\n      responses:\n        '200':\n          description: OK\n"
	handler := func(code string) string {
		return "const app = require('express')();\napp.get('/status', (req, res) => {\n  res.status(" + code + ").end();\n});\n"
	}
	root := writeTree(t, map[string]string{
		"services/chat/package.json": "{}",
		"services/chat/chat.yaml":    status,
		"services/chat/app.js":       handler("503"),
		// A service whose router is built from its description registers
		// no route: its description still judges no other service.
		"services/feed/package.json":  "{}",
		"services/feed/feed.yaml":     strings.Replace(status, "/status", "/items", 1),
		"services/feed/server.js":     "const spec = require('path').resolve(__dirname, 'feed.yaml');\n",
		"services/items/package.json": "{}",
		"services/items/app.js":       strings.Replace(handler("503"), "/status", "/items", 1),
		"services/web/package.json":   "{}",
		"services/web/app.js":         handler("503"),
		"docs/package.json":           "{}",
		"docs/static/api.yaml":        strings.Replace(status, "/status", "/health", 1),
		"server/app.js":               strings.Replace(handler("503"), "/status", "/health", 1),
		// .NET modules of one service: the description in the API
		// project, the controller in another (Sonarr, Radarr).
		"src/App.Api/App.Api.csproj":     "<Project/>",
		"src/App.Api/openapi.yaml":       strings.Replace(status, "/status", "/ping", 1),
		"src/App.Http/App.Http.csproj":   "<Project/>",
		"src/App.Http/PingController.cs": "[ApiController]\npublic class PingController : Controller {\n  [HttpGet(\"/ping\")]\n  public IActionResult Get() {\n    return StatusCode(503);\n  }\n}\n",
	})
	ws, err := New(Settings{Roots: []string{root}})
	if err != nil {
		t.Fatal(err)
	}
	for file, want := range map[string]string{
		"services/chat/app.js":           "GET /status sends 503 Service Unavailable, which services/chat/chat.yaml does not document for this operation (it lists 200)",
		"services/web/app.js":            "",
		"services/items/app.js":          "",
		"server/app.js":                  "GET /health sends 503 Service Unavailable, which docs/static/api.yaml does not document for this operation (it lists 200)",
		"src/App.Http/PingController.cs": "GET /ping sends 503 Service Unavailable, which src/App.Api/openapi.yaml does not document for this operation (it lists 200)",
	} {
		path := filepath.Join(root, filepath.FromSlash(file))
		src, _ := os.ReadFile(path)
		got := undocumented(t, ws, path, src)
		switch {
		case want == "" && len(got) != 0:
			t.Errorf("%s: %+v, want none: another service's description", file, got)
		case want != "" && (len(got) != 1 || got[0].Message != want):
			t.Errorf("%s: %+v, want %q", file, got, want)
		}
	}
}
