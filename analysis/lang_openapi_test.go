package analysis

import (
	"fmt"
	"strings"
	"testing"

	"github.com/httpcodes/httpcodes/analysis/internal/facts"
)

// JSON has no comments, so the annotated files cannot say where a finding
// is expected; these cases say it here.
func TestOpenAPIJSONFindings(t *testing.T) {
	tests := []struct {
		name, src string
		want      []string // rule@text: the finding's rule and the text it spans
	}{
		{"mismatch", `{"openapi": "3.0.0", "paths": {"/x": {"get": {"responses": {"404": {"description": "Forbidden"}}}}}}`,
			[]string{`reason-mismatch@"Forbidden"`}},
		{"invalid and unknown", `{"swagger": "2.0", "paths": {"/x": {"post": {"responses": {"2000": {}, "299": {"description": "OK"}}}}}}`,
			[]string{"invalid-status@2000", "unknown-status@299", `reason-mismatch@"OK"`}},
		{"deprecated, multi-line", "{\n  \"openapi\": \"3.1.0\",\n  \"webhooks\": {\"w\": {\"put\": {\n    \"responses\": {\n      \"306\": {\"description\": \"Switch Proxy\"}\n    }\n  }}}\n}",
			[]string{"deprecated-status@306"}},
		{"version key not at the top", `{"info": {"openapi": "3.0.0"}, "paths": {"/x": {"get": {"responses": {"2000": {}}}}}}`, nil},
		{"components are keyed by name", `{"openapi": "3.0.0", "components": {"responses": {"2000": {"description": "Forbidden"}}}}`, nil},
		{"escaped quote in a string", `{"openapi": "3.0.0", "info": {"description": "a \"}"}, "paths": {"/x": {"get": {"responses": {"430": {}}}}}}`,
			[]string{"unknown-status@430"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := []byte(tt.src)
			var got []string
			for _, f := range Analyze("api.json", src, nil).Findings {
				got = append(got, f.Rule+"@"+string(src[f.Start:f.End]))
			}
			if strings.Join(got, " ") != strings.Join(tt.want, " ") {
				t.Errorf("findings %v, want %v", got, tt.want)
			}
		})
	}
}

func TestOpenAPINotADescription(t *testing.T) {
	for _, src := range []string{
		`{"name": "x", "scripts": {"test": "jest"}}`,
		"apiVersion: v1\nkind: Service\nspec:\n  ports:\n    - port: 404\n",
	} {
		if facts.MayHaveStatus("x.yaml", []byte(src)) {
			t.Errorf("the prefilter reads %q", src)
		}
		if res := Analyze("x.yaml", []byte(src), nil); len(res.Occurrences) != 0 {
			t.Errorf("%q: occurrences %v", src, res.Occurrences)
		}
	}
}

// A "|" marks where completion is asked for; want is the first item's
// label and the text it replaces, or "" for no completion.
func TestOpenAPICompletion(t *testing.T) {
	const head = "openapi: 3.0.0\npaths:\n  /x:\n    get:\n      responses:\n"
	tests := []struct{ name, path, src, want string }{
		{"empty key", "a.yaml", head + "        |", "100@"},
		{"digits", "a.yaml", head + "        '200':\n          description: OK\n        40|", "400@40"},
		{"quoted", "a.yaml", head + "        '4|'", "400@4"},
		{"double quoted", "a.yaml", head + "        \"50|", "500@50"},
		{"at the responses column", "a.yaml", head + "      4|", ""},
		{"under a code", "a.yaml", head + "        '200':\n          4|", ""},
		{"in a description", "a.yaml", head + "        '200':\n          description: 4|", ""},
		{"in a block scalar", "a.yaml", head + "        '200':\n          description: |\n            4|", ""},
		{"components", "a.yaml", "openapi: 3.0.0\ncomponents:\n  responses:\n    4|", ""},
		{"not an API", "a.yaml", "paths:\n  /x:\n    get:\n      responses:\n        4|", ""},
		{"json", "a.json", `{"openapi": "3.0.0", "paths": {"/x": {"get": {"responses": {"200": {}, "4|`, "400@4"},
		{"json first key", "a.json", `{"openapi": "3.0.0", "paths": {"/x": {"get": {"responses": {"|`, "100@"},
		{"json value", "a.json", `{"openapi": "3.0.0", "paths": {"/x": {"get": {"responses": {"200": 4|`, ""},
		{"flow in yaml", "a.yaml", head + "        {'200': {}, '5|", "500@5"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			off := strings.Index(tt.src, "|")
			src := []byte(tt.src[:off] + tt.src[off+1:])
			got := ""
			if c := Complete(tt.path, src, off, nil, true); c != nil && len(c.Items) > 0 {
				got = fmt.Sprintf("%s@%s", c.Items[0].Insert, src[c.Start:c.End])
			}
			if got != tt.want {
				t.Errorf("completion %q, want %q", got, tt.want)
			}
		})
	}
}

// Forms the annotated files cannot show: line breaks, byte order marks and
// documents that end without a newline.
func TestOpenAPIYAMLForms(t *testing.T) {
	const ops = "paths:\n  /x:\n    get:\n      responses:\n"
	tests := []struct {
		name, src string
		want      []string // rule@text
	}{
		{"crlf", strings.ReplaceAll("openapi: 3.0.0\n"+ops+"        '404':\n          description: Forbidden\n", "\n", "\r\n"),
			[]string{"reason-mismatch@Forbidden"}},
		{"bom", "\xef\xbb\xbfopenapi: 3.0.0\n" + ops + "        299: {}", []string{"unknown-status@299"}},
		{"version key last", ops + "        299: {}\nopenapi: 3.0.0", []string{"unknown-status@299"}},
		{"tab after the colon", "openapi: 3.0.0\n" + ops + "        '404':\t\n          description:\tForbidden", []string{"reason-mismatch@Forbidden"}},
		{"document marker with content", "--- {openapi: 3.0.0, paths: {/x: {get: {responses: {299: {}}}}}}\n", []string{"unknown-status@299"}},
		{"second document not an API", "openapi: 3.0.0\n" + ops + "        299: {}\n---\n" + ops + "        430: {}\n", []string{"unknown-status@299"}},
		{"flow document", "{openapi: 3.0.0, paths: {/x: {get: {responses: {299: {description: OK}}}}}}", []string{"unknown-status@299", "reason-mismatch@OK"}},
		{"unterminated flow", "openapi: 3.0.0\n" + ops + "        {299: {description: OK", []string{"unknown-status@299", "reason-mismatch@OK"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := []byte(tt.src)
			var got []string
			for _, f := range Analyze("api.yaml", src, nil).Findings {
				got = append(got, f.Rule+"@"+string(src[f.Start:f.End]))
			}
			if strings.Join(got, " ") != strings.Join(tt.want, " ") {
				t.Errorf("findings %v, want %v", got, tt.want)
			}
		})
	}
}
