package lsp

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"go.lsp.dev/protocol"

	"github.com/httpcodes/httpcodes/analysis"
)

// TestUntitledDocuments: a buffer with no file name is analysed in the
// language the editor says it is in.
func TestUntitledDocuments(t *testing.T) {
	c := startServer(t)
	c.initialize(nil)
	openAs(c, "untitled:Untitled-1", "go", handlerGo)
	var pub protocol.PublishDiagnosticsParams
	decodeNote(t, c.waitNote("textDocument/publishDiagnostics"), &pub)
	if string(pub.URI) != "untitled:Untitled-1" || len(pub.Diagnostics) != 4 {
		t.Errorf("untitled Go buffer: %s, %d diagnostics", pub.URI, len(pub.Diagnostics))
	}
	openAs(c, "untitled:Untitled-2", "javascript", serverJS)
	if got := hoverText(t, c, "untitled:Untitled-2", pos(2, 14)); !strings.Contains(got, "### 207 Multi-Status") {
		t.Errorf("untitled JavaScript buffer hover: %q", got)
	}
	for path, want := range map[string]string{
		"/a/b.go":                       "/a/b.go",
		"Untitled-1":                    "Untitled-1.ts",
		"/etc/nginx/sites-enabled/site": "/etc/nginx/sites-enabled/site",
		"Untitled-3":                    "Untitled-3.nginx",
		"/a/Makefile":                   "/a/Makefile",
	} {
		lang := map[string]string{"Untitled-1": "typescript", "Untitled-3": "nginx", "/a/Makefile": "makefile"}[path]
		if got := analysisPath(path, lang); got != filepathFromSlash(want) {
			t.Errorf("analysisPath(%q, %q) = %q, want %q", path, lang, got, want)
		}
	}
}

func decodeNote(t *testing.T, raw []byte, v any) {
	t.Helper()
	if err := json.Unmarshal(raw, v); err != nil {
		t.Fatal(err)
	}
}

func filepathFromSlash(p string) string { return filepath.FromSlash(p) }

// An edit only applies text; until the next analysis, requests read the
// last one, mapped through the edits, and a range an edit touched is not
// offered.
func TestStaleAnalysisAfterAnEdit(t *testing.T) {
	d := newDocuments()
	const src = "res.status(404).end();\nres.status(418).end();\n"
	d.open("file:///a.js", "javascript", 1, src)
	doc, _ := d.get("file:///a.js")
	d.analyze(doc, nil)
	// Indent the first line, and replace 418 with 200.
	if err := d.change("file:///a.js", 2, []contentChange{
		{Range: &protocol.Range{Start: pos(0, 0), End: pos(0, 0)}, Text: "\t"},
		{Range: &protocol.Range{Start: pos(1, 11), End: pos(1, 14)}, Text: "200"},
	}, utf16Encoding); err != nil {
		t.Fatal(err)
	}
	doc, _ = d.get("file:///a.js")
	if doc.result != nil {
		t.Fatal("the edit ran the analysis")
	}
	text := string(doc.text)
	at404 := strings.Index(text, "404")
	res, old, toNew := d.ready(doc, at404+1)
	if res == nil {
		t.Fatal("no analysis at hand after the edit")
	}
	o, ok := occurrenceAt(res.Occurrences, old)
	if !ok || o.Code != 404 {
		t.Fatalf("the last analysis has no 404 under the cursor: %+v", o)
	}
	if start, end, ok := toNew(o.Start, o.End); !ok || text[start:end] != "404" {
		t.Errorf("404 maps to [%d,%d) %v", start, end, ok)
	}
	at200 := strings.Index(text, "200")
	if res, old, toNew := d.ready(doc, at200+1); res != nil {
		if o, ok := occurrenceAt(res.Occurrences, old); ok {
			if _, _, ok := toNew(o.Start, o.End); ok {
				t.Errorf("the replaced 418 is offered at the new 200: %+v", o)
			}
		}
	}
	// The next analysis is of the new text.
	if res := d.analyze(doc, nil); len(res.Occurrences) != 2 || res.Occurrences[0].Start != at404 || res.Occurrences[1].Code != 200 {
		t.Errorf("the new analysis: %+v", res.Occurrences)
	}
}

// TestReanalyserKeptWhereIncremental: a document keeps its reanalyser from
// version to version only where the language re-analyses an edit in part
// (Go); a JavaScript document is analysed afresh after each edit, with the
// same findings as a first analysis of its text.
func TestReanalyserKeptWhereIncremental(t *testing.T) {
	d := newDocuments()
	for _, tt := range []struct {
		uri, text string
		kept      bool
	}{
		{"file:///a.go", handlerGo, true},
		{"file:///a.js", serverJS, false},
	} {
		d.open(tt.uri, "", 1, tt.text)
		doc, _ := d.get(tt.uri)
		d.analyze(doc, nil)
		if (doc.inc != nil) != tt.kept {
			t.Errorf("%s: reanalyser kept %v, want %v", tt.uri, doc.inc != nil, tt.kept)
		}
		at := protocol.Position{Line: 0, Character: 0}
		if err := d.change(tt.uri, 2, []contentChange{{Range: &protocol.Range{Start: at, End: at}, Text: "\n"}}, utf16Encoding); err != nil {
			t.Fatal(err)
		}
		doc, _ = d.get(tt.uri)
		got := d.analyze(doc, nil)
		want := analysis.Analyze(doc.path, []byte("\n"+tt.text), nil)
		if len(got.Findings) == 0 || len(got.Findings) != len(want.Findings) || got.Findings[0].Start != want.Findings[0].Start {
			t.Errorf("%s after an edit: %d findings, want %d, at the same offsets", tt.uri, len(got.Findings), len(want.Findings))
		}
	}
}
