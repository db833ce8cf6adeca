package analysis

import (
	"strings"
	"testing"

	"github.com/httpcodes/httpcodes/analysis/internal/facts"
)

const matchDescription = `openapi: 3.0.3
info: {title: t, version: '1'}
servers:
  - url: https://api.example.com/api/v1/
paths:
  /orders/{id}:
    get: {responses: {'200': {description: OK}}}
    delete: {responses: {'204': {description: No Content}}}
  /orders/{id}/cancel:
    post: {responses: {'200': {description: OK}}}
  /files/{name}.json:
    get: {responses: {'200': {description: OK}}}
  /users/{id}/orders/{id2}:
    get: {responses: {'200': {description: OK}}}
  /admin/orders/{id}/cancel:
    post: {responses: {'200': {description: OK}}}
  /health:
    get: {responses: {'200': {description: OK}}}
`

func TestMatch(t *testing.T) {
	d := facts.ReadDescription("openapi.yaml", []byte(matchDescription), nil)
	if d == nil {
		t.Fatal("not read as a description")
	}
	p := facts.NewProject([]*facts.Description{d}, nil)
	tests := []struct {
		route facts.Route
		want  string // the matched operations, or ""
	}{
		{facts.Route{Method: "GET", Path: "/orders/{id}"}, "GET /orders/{id}"},
		{facts.Route{Method: "GET", Path: "/orders/:orderId"}, "GET /orders/{id}"},
		{facts.Route{Method: "GET", Path: "/orders/{id:int}"}, "GET /orders/{id}"},
		{facts.Route{Method: "GET", Path: "/orders/<int:id>"}, "GET /orders/{id}"},
		{facts.Route{Method: "GET", Path: "/orders/*"}, "GET /orders/{id}"},
		{facts.Route{Method: "GET", Path: "/orders/{id:[0-9]{1,3}}"}, "GET /orders/{id}"},
		{facts.Route{Method: "GET", Path: "/orders/{id}/"}, "GET /orders/{id}"},
		{facts.Route{Method: "GET", Path: "orders/{id}"}, "GET /orders/{id}"},
		// The server's path, carried by the route or not.
		{facts.Route{Method: "POST", Path: "/api/v1/orders/:id/cancel"}, "POST /orders/{id}/cancel"},
		{facts.Route{Method: "POST", Path: "/api/orders/:id/cancel"}, ""},
		{facts.Route{Method: "POST", Path: "/v1/orders/:id/cancel"}, ""},
		// A literal segment is not a parameter, nor the reverse.
		{facts.Route{Method: "GET", Path: "/orders/search"}, ""},
		{facts.Route{Method: "GET", Path: "/{kind}/{id}"}, ""},
		{facts.Route{Method: "GET", Path: "/files/:name.json"}, "GET /files/{name}.json"},
		{facts.Route{Method: "GET", Path: "/users/:a/orders/:b"}, "GET /users/{id}/orders/{id2}"},
		// Methods must match; a method the path lacks matches nothing.
		{facts.Route{Method: "PUT", Path: "/orders/{id}"}, ""},
		// Every method: only where the path documents one.
		{facts.Route{Path: "/health"}, "GET /health"},
		{facts.Route{Path: "/orders/{id}"}, ""},
		// A mounted router: the one documented path ending with its own.
		{facts.Route{Method: "GET", Path: "/health", Mounted: true}, "GET /health"},
		{facts.Route{Method: "GET", Path: "/{a}/orders/:b", Mounted: true}, "GET /users/{id}/orders/{id2}"},
		{facts.Route{Method: "GET", Path: "/{id}", Mounted: true}, ""},                                       // several paths end so
		{facts.Route{Method: "POST", Path: "/orders/:id/cancel", Mounted: true}, "POST /orders/{id}/cancel"}, // the exact path first
		{facts.Route{Method: "POST", Path: "/{id}/cancel", Mounted: true}, ""},                               // two paths end so
		{facts.Route{Method: "GET", Path: "/ders/{id}", Mounted: true}, ""},                                  // not at a segment boundary
		{facts.Route{Method: "GET", Path: "/{id}"}, ""},                                                      // not mounted
	}
	for _, tt := range tests {
		var got []string
		for _, op := range p.Match(tt.route) {
			got = append(got, op.Name())
		}
		if g := strings.Join(got, ", "); g != tt.want {
			t.Errorf("Match(%+v) = %q, want %q", tt.route, g, tt.want)
		}
	}
}

// TestMatchMountPrefixes: a Mounted route of a project that mounts its
// routers under literal prefixes matches the description's operations only
// when one of those prefixes is the description's server path.
func TestMatchMountPrefixes(t *testing.T) {
	d := facts.ReadDescription("openapi.yaml", []byte(matchDescription), nil)
	tests := []struct {
		mounts []string
		route  facts.Route
		want   string
	}{
		// changedetection.io: the RSS blueprint under /rss is not the API.
		{[]string{"/rss"}, facts.Route{Method: "GET", Path: "/orders/<id>", Mounted: true}, ""},
		{[]string{"/rss"}, facts.Route{Method: "GET", Path: "/{a}/orders/:b", Mounted: true}, ""},
		// The route carries the server path, or is not mounted: as before.
		{[]string{"/rss"}, facts.Route{Method: "GET", Path: "/api/v1/orders/<id>", Mounted: true}, "GET /orders/{id}"},
		{[]string{"/rss"}, facts.Route{Method: "GET", Path: "/orders/<id>"}, "GET /orders/{id}"},
		// A mount under the server path, or none shown: it may be there.
		{[]string{"/rss", "/api/v1/"}, facts.Route{Method: "GET", Path: "/orders/<id>", Mounted: true}, "GET /orders/{id}"},
		{nil, facts.Route{Method: "GET", Path: "/orders/<id>", Mounted: true}, "GET /orders/{id}"},
	}
	for _, tt := range tests {
		p := facts.NewProject([]*facts.Description{d}, map[string]*facts.RouteFacts{"app.py": {MountPrefixes: tt.mounts}})
		var got []string
		for _, op := range p.Match(tt.route) {
			got = append(got, op.Name())
		}
		if g := strings.Join(got, ", "); g != tt.want {
			t.Errorf("mounts %q: Match(%+v) = %q, want %q", tt.mounts, tt.route, g, tt.want)
		}
	}
}

func TestDescriptionPrefixesAndKeys(t *testing.T) {
	d := facts.ReadDescription("s.json", []byte(`{"swagger": "2.0", "basePath": "/v2/", "paths": {"/x": {"get": {"responses": {"200": {"description": "OK"}, "4xx": {"description": "e"}}}, "parameters": []}}}`), nil)
	if d == nil || len(d.Operations) != 1 {
		t.Fatalf("ReadDescription = %+v", d)
	}
	if strings.Join(d.Prefixes, ",") != "/v2" {
		t.Errorf("Prefixes = %q, want [/v2]", d.Prefixes)
	}
	op := d.Operations[0]
	for code, want := range map[int]bool{200: true, 404: true, 499: true, 201: false, 500: false} {
		if got := op.Documents(code); got != want {
			t.Errorf("Documents(%d) = %v, want %v", code, got, want)
		}
	}
	for _, notOne := range []string{"openapi: 3.0.0\ninfo: {}\n", "paths: {}\nresponses: {}\n", `{"name": "x", "responses": 1}`} {
		if d := facts.ReadDescription("x.yaml", []byte(notOne), nil); d != nil {
			t.Errorf("ReadDescription(%q) = %+v, want nil", notOne, d)
		}
	}
}

// A handler shared by two routes sends a code neither operation lists:
// one finding, counting the other operation, and a fix for both; a second
// description of the same operations does not double it.
func TestUndocumentedSharedHandler(t *testing.T) {
	const desc = "openapi: 3.0.3\npaths:\n  /a:\n    get:\n      responses:\n        '200':\n          description: OK\n  /b:\n    get:\n      responses:\n        '200':\n          description: OK\n"
	src := []byte("package p\n\nimport \"net/http\"\n\nfunc main() {\n\thttp.HandleFunc(\"GET /a\", list)\n\thttp.HandleFunc(\"GET /b\", list)\n}\n\nfunc list(w http.ResponseWriter, r *http.Request) {\n\tw.WriteHeader(http.StatusBadRequest)\n}\n")
	d1 := facts.ReadDescription("openapi.json", []byte(desc), nil)
	d2 := facts.ReadDescription("openapi.yaml", []byte(desc), nil)
	proj := facts.NewProject([]*facts.Description{d1, d2}, map[string]*facts.RouteFacts{"h.go": facts.Routes("h.go", src)})
	var got []facts.Finding
	for _, f := range Analyze("h.go", src, &facts.Options{Operations: proj}).Findings {
		if f.Rule == "undocumented-status" {
			got = append(got, f)
		}
	}
	if len(got) != 1 {
		t.Fatalf("findings: %+v, want one", got)
	}
	const want = "GET /a sends 400 Bad Request, which openapi.json does not document for this operation (it lists 200); nor does the other operation this code answers (GET /b)"
	if got[0].Message != want {
		t.Errorf("message %q, want %q", got[0].Message, want)
	}
	if got[0].Fix == nil || len(got[0].Fix.Edits) != 2 || got[0].Fix.Title != "Document 400 Bad Request for the 2 operations in openapi.json" {
		t.Errorf("fix: %+v", got[0].Fix)
	}
}

// An operation whose description gives no responses is left alone.
func TestUndocumentedOperationWithoutResponses(t *testing.T) {
	const desc = "openapi: 3.0.3\npaths:\n  /a:\n    post:\n      operationId: a\n"
	src := []byte("package p\n\nimport \"net/http\"\n\nfunc main() {\n\thttp.HandleFunc(\"POST /a\", func(w http.ResponseWriter, r *http.Request) {\n\t\tw.WriteHeader(http.StatusConflict)\n\t})\n}\n")
	proj := facts.NewProject([]*facts.Description{facts.ReadDescription("openapi.yaml", []byte("responses: {}\n"+desc), nil)}, map[string]*facts.RouteFacts{"h.go": facts.Routes("h.go", src)})
	if len(proj.Match(facts.Route{Method: "POST", Path: "/a"})) != 1 {
		t.Fatal("the operation is not matched")
	}
	for _, f := range Analyze("h.go", src, &facts.Options{Operations: proj}).Findings {
		if f.Rule == "undocumented-status" {
			t.Errorf("finding on an operation without responses: %s", f.Message)
		}
	}
}
