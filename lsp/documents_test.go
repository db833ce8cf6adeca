package lsp

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"go.lsp.dev/protocol"
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
