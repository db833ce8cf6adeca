package lsp

import (
	"strings"
	"testing"
	"time"

	"go.lsp.dev/protocol"
)

// TestOversizedDocument: a document over maxDocumentSize is held but not
// analysed: no diagnostics, no hover, and one message saying why, however
// many edits follow; back under the limit it is analysed again.
func TestOversizedDocument(t *testing.T) {
	c := startServer(t)
	c.initialize(nil)
	big := handlerGo + strings.Repeat("// filler\n", maxDocumentSize/10)
	if len(big) <= maxDocumentSize {
		t.Fatal("the document is not over the limit")
	}
	const uri = "file:///work/big.go"
	c.open(uri, big)
	var messages []string
	next := func(version int) protocol.PublishDiagnosticsParams {
		t.Helper()
		timeout := time.After(60 * time.Second) // a safety net: the race detector on a loaded machine is slow with 10 MB
		for {
			select {
			case n := <-c.notes:
				switch n.Method() {
				case "window/showMessage":
					var m protocol.ShowMessageParams
					decodeNote(t, n.Params(), &m)
					messages = append(messages, m.Message)
				case "textDocument/publishDiagnostics":
					var p protocol.PublishDiagnosticsParams
					decodeNote(t, n.Params(), &p)
					if int(p.Version) == version {
						return p
					}
				}
			case <-timeout:
				t.Fatalf("no diagnostics for version %d", version)
			}
		}
	}
	if pub := next(1); len(pub.Diagnostics) != 0 {
		t.Errorf("an oversized document got %d diagnostics", len(pub.Diagnostics))
	}
	var hover *protocol.Hover
	if err := c.call("textDocument/hover", hoverParams(uri, pos(5, 40)), &hover); err != nil || hover != nil {
		t.Errorf("hover in an oversized document: %v %v", hover, err)
	}
	var hints []inlayHint
	if err := c.call("textDocument/inlayHint", map[string]any{"textDocument": map[string]any{"uri": uri}, "range": protocol.Range{End: pos(9, 0)}}, &hints); err != nil || len(hints) != 0 {
		t.Errorf("inlay hints in an oversized document: %v %v", hints, err)
	}
	// Keystrokes that keep it over the limit say nothing more.
	for v := 2; v <= 4; v++ {
		c.notify("textDocument/didChange", map[string]any{
			"textDocument":   map[string]any{"uri": uri, "version": v},
			"contentChanges": []any{map[string]any{"range": protocol.Range{Start: pos(10, 0), End: pos(10, 0)}, "text": "x"}},
		})
		if pub := next(v); len(pub.Diagnostics) != 0 {
			t.Errorf("version %d: %d diagnostics", v, len(pub.Diagnostics))
		}
	}
	// Cut back under the limit: analysed again.
	c.notify("textDocument/didChange", map[string]any{
		"textDocument":   map[string]any{"uri": uri, "version": 5},
		"contentChanges": []any{map[string]any{"range": protocol.Range{Start: pos(9, 0), End: pos(uint32(strings.Count(big, "\n")), 0)}, "text": ""}},
	})
	if pub := next(5); len(pub.Diagnostics) != 4 {
		t.Errorf("back under the limit: %d diagnostics, want 4", len(pub.Diagnostics))
	}
	if err := c.call("textDocument/hover", hoverParams(uri, pos(5, 40)), &hover); err != nil || hover == nil || !strings.HasPrefix(hover.Contents.Value, "### 207") {
		t.Errorf("hover back under the limit: %v %v", hover, err)
	}
	if len(messages) != 1 || !strings.HasPrefix(messages[0], "httpcodes: big.go is 10.1 MB, over the 10 MB limit") {
		t.Errorf("messages: %q, want one about the size", messages)
	}
}

// TestStatuslessDocumentsSkipAnalysis: a document that cannot hold a
// status (check's pre-filter says so) is not parsed; once a status is
// typed into it, it is.
func TestStatuslessDocumentsSkipAnalysis(t *testing.T) {
	d := newDocuments()
	d.open(uriA, "go", 1, "package api\n\nfunc add(a, b int) int { return a + b }\n")
	doc, _ := d.get(uriA)
	if res := d.analyze(doc, nil); res.Language != "go" || len(res.Occurrences) != 0 || doc.inc != nil {
		t.Errorf("a file without a status was analysed: %+v, incremental %v", res, doc.inc != nil)
	}
	d.open(uriA, "go", 2, handlerGo)
	doc, _ = d.get(uriA)
	if res := d.analyze(doc, nil); len(res.Findings) != 4 || doc.inc == nil {
		t.Errorf("handlerGo: %d findings, incremental %v", len(res.Findings), doc.inc != nil)
	}

	c := startServer(t)
	c.initialize(nil)
	c.open(uriA, "package api\n\nimport \"net/http\"\n\nfunc h(w http.ResponseWriter) {\n\t\n}\n")
	var pub protocol.PublishDiagnosticsParams
	decodeNote(t, c.waitNote("textDocument/publishDiagnostics"), &pub)
	if len(pub.Diagnostics) != 0 {
		t.Errorf("a handler with no status: %v", pub.Diagnostics)
	}
	c.notify("textDocument/didChange", map[string]any{
		"textDocument":   map[string]any{"uri": uriA, "version": 2},
		"contentChanges": []any{map[string]any{"range": protocol.Range{Start: pos(5, 1), End: pos(5, 1)}, "text": "w.WriteHeader(200)"}},
	})
	raw := c.waitNote("textDocument/publishDiagnostics")
	decodeNote(t, raw, &pub)
	if len(pub.Diagnostics) != 1 || pub.Diagnostics[0].Code != "prefer-constant" {
		t.Errorf("after typing a status: %s", raw)
	}
}
