package lsp

import (
	"strings"
	"testing"

	"go.lsp.dev/protocol"
)

// lastLineGo ends without a newline, on a constant: the end of its last
// line is the end of the document. "é" is 2 bytes and 1 UTF-16 unit, "😀"
// 4 bytes and 2 units, so the line is 38 bytes and 35 units long and
// http.StatusTeapot starts at byte 21, unit 18.
const lastLineGo = "package api\n\nimport \"net/http\"\n\nfunc h(w http.ResponseWriter, r *http.Request) {\n\tw.WriteHeader(207)\n}\n\nvar x, y = \"é😀\", http.StatusTeapot"

// TestEndOfLastLine: every request at the end of a last line with no
// newline is answered, in both encodings, and an edit there is applied.
// With UTF-8 the mapper read the byte past the end of the text: hover,
// completion, code actions and inlay hints answered -32603 and the edit
// was dropped.
func TestEndOfLastLine(t *testing.T) {
	for _, tt := range []struct {
		enc        string
		start, end uint32 // the constant's columns on line 8
	}{
		{"utf-8", 21, 38},
		{"utf-16", 18, 35},
	} {
		t.Run(tt.enc, func(t *testing.T) {
			c := startServer(t)
			if got := c.initialize(nil, tt.enc).Capabilities.PositionEncoding; got != tt.enc {
				t.Fatalf("negotiated %s, want %s", got, tt.enc)
			}
			c.open(uriA, lastLineGo)
			end := pos(8, tt.end)
			constant := rangeString(protocol.Range{Start: pos(8, tt.start), End: end})

			var hover protocol.Hover
			if err := c.call("textDocument/hover", hoverParams(uriA, end), &hover); err != nil {
				t.Fatalf("hover: %v", err)
			}
			if !strings.HasPrefix(hover.Contents.Value, "### 418 I'm a teapot") || hover.Range == nil || rangeString(*hover.Range) != constant {
				t.Errorf("hover: %v %.30q", hover.Range, hover.Contents.Value)
			}

			var list protocol.CompletionList
			if err := c.call("textDocument/completion", completionParams(uriA, end), &list); err != nil {
				t.Fatalf("completion: %v", err)
			}
			// Every constant is offered (the client filters by what was
			// typed), each replacing "StatusTeapot".
			typed := rangeString(protocol.Range{Start: pos(8, tt.start+5), End: end})
			teapot := false
			for _, it := range list.Items {
				teapot = teapot || it.Label == "StatusTeapot"
				if it.TextEdit == nil || rangeString(it.TextEdit.Range) != typed {
					t.Errorf("completion item %s replaces %v, want %s", it.Label, it.TextEdit, typed)
				}
			}
			if !teapot || len(list.Items) < 60 {
				t.Errorf("completion: %d items, StatusTeapot among them: %v", len(list.Items), teapot)
			}

			var actions []protocol.CodeAction
			params := map[string]any{"textDocument": map[string]any{"uri": uriA}, "range": protocol.Range{Start: pos(5, 0), End: end}, "context": map[string]any{"diagnostics": []any{}}}
			if err := c.call("textDocument/codeAction", params, &actions); err != nil {
				t.Fatalf("code actions: %v", err)
			}
			var titles []string
			for _, a := range actions {
				titles = append(titles, a.Title)
			}
			if want := "Replace 207 with http.StatusMultiStatus|Fix all httpcodes findings in this file"; strings.Join(titles, "|") != want {
				t.Errorf("code actions: %q, want %q", titles, want)
			}

			var hints []inlayHint
			if err := c.call("textDocument/inlayHint", map[string]any{"textDocument": map[string]any{"uri": uriA}, "range": protocol.Range{Start: pos(8, 0), End: end}}, &hints); err != nil {
				t.Fatalf("inlay hints: %v", err)
			}
			var got []string
			for _, h := range hints {
				got = append(got, h.Label+"@"+posString(h.Position))
			}
			if want := "418@" + posString(end); strings.Join(got, " ") != want {
				t.Errorf("inlay hints: %v, want %s", got, want)
			}

			// Typing at the end, then replacing a range that ends there.
			edits := []struct {
				r    protocol.Range
				text string
			}{
				{protocol.Range{Start: end, End: end}, "\n// é"},
				{protocol.Range{Start: pos(8, tt.start), End: pos(9, 3+uint32(len("é")))}, "http.StatusOK"},
			}
			if tt.enc == "utf-16" {
				edits[1].r.End = pos(9, 4)
			}
			for i, e := range edits {
				c.notify("textDocument/didChange", map[string]any{
					"textDocument":   map[string]any{"uri": uriA, "version": 2 + i},
					"contentChanges": []any{map[string]any{"range": e.r, "text": e.text}},
				})
			}
			var text string
			if err := c.call("test/text", map[string]any{"uri": uriA}, &text); err != nil {
				t.Fatal(err)
			}
			if want := strings.TrimSuffix(lastLineGo, "http.StatusTeapot") + "http.StatusOK"; text != want {
				t.Errorf("the server's text after the edits:\n%q\nwant\n%q", text, want)
			}
			if err := c.call("textDocument/hover", hoverParams(uriA, pos(8, tt.start+14)), &hover); err != nil || !strings.HasPrefix(hover.Contents.Value, "### 200 OK") {
				t.Errorf("hover after the edits: %v %.20q", err, hover.Contents.Value)
			}
		})
	}
}

// TestRejectedChangeIsLogged: a didChange the server cannot apply is a
// notification, with no reply to carry the error; the client's log gets it.
func TestRejectedChangeIsLogged(t *testing.T) {
	c := startServer(t)
	c.initialize(nil)
	c.open(uriA, lastLineGo)
	c.notify("textDocument/didChange", map[string]any{
		"textDocument":   map[string]any{"uri": uriA, "version": 2},
		"contentChanges": []any{map[string]any{"range": protocol.Range{Start: pos(5, 4), End: pos(5, 1)}, "text": "x"}},
	})
	var msg protocol.LogMessageParams
	decodeNote(t, c.waitNote("window/logMessage"), &msg)
	if msg.Type != protocol.MessageTypeError || !strings.HasPrefix(msg.Message, "httpcodes: textDocument/didChange: change range ends before it starts") {
		t.Errorf("log message: %v %q", msg.Type, msg.Message)
	}
	var text string
	if err := c.call("test/text", map[string]any{"uri": uriA}, &text); err != nil || text != lastLineGo {
		t.Errorf("the text after a rejected change: %q %v", text, err)
	}
}
