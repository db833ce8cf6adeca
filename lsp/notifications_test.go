package lsp

import (
	"context"
	"testing"
	"time"

	"go.lsp.dev/protocol"
)

// TestUnhandledNotificationsDoNotStall: notifications the server does not
// handle, or gets before initialize, must not hold up the messages after
// them (VS Code sends $/setTrace on every settings change).
func TestUnhandledNotificationsDoNotStall(t *testing.T) {
	c := startServer(t)
	c.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{"uri": uriA, "languageId": "go", "version": 1, "text": handlerGo}})
	c.initialize(nil)
	c.notify("$/setTrace", map[string]any{"value": "verbose"})
	c.notify("workspace/didChangeWatchedFiles", map[string]any{"changes": []any{}})
	c.notify("$/unknownThing", nil)
	c.open(uriA, handlerGo)
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	var hover protocol.Hover
	if _, err := c.conn.Call(ctx, "textDocument/hover", hoverParams(uriA, pos(5, 40)), &hover); err != nil {
		t.Fatalf("hover after unhandled notifications: %v", err)
	}
	if hover.Range == nil || rangeString(*hover.Range) != "5:39-5:42" {
		t.Errorf("hover: %+v", hover)
	}
}

// TestSettingsChangeAsksToRefresh: a client that pulls diagnostics and
// inlay hints is asked to pull them again after a settings change; one
// that does not support the requests is not sent them.
func TestSettingsChangeAsksToRefresh(t *testing.T) {
	c := startServer(t)
	params := map[string]any{"capabilities": map[string]any{
		"textDocument": map[string]any{"diagnostic": map[string]any{}},
		"workspace":    map[string]any{"diagnostics": map[string]any{"refreshSupport": true}, "inlayHint": map[string]any{"refreshSupport": true}},
	}}
	var res initializeResult
	if err := c.call("initialize", params, &res); err != nil {
		t.Fatal(err)
	}
	c.notify("initialized", struct{}{})
	c.notify("workspace/didChangeConfiguration", map[string]any{"settings": map[string]any{"hover": "full"}})
	c.waitNote("workspace/diagnostic/refresh")
	c.waitNote("workspace/inlayHint/refresh")

	plain := startServer(t)
	plain.initialize(nil)
	plain.notify("workspace/didChangeConfiguration", map[string]any{"settings": map[string]any{"hover": "full"}})
	select {
	case n := <-plain.notes:
		t.Errorf("a client without refresh support was sent %s", n.Method())
	case <-time.After(100 * time.Millisecond):
	}
}
