package lsp

import (
	"context"
	"encoding/json"
	"strings"
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

// TestWatchedFilesRegistered: a client that registers file watchers on
// request is asked, once initialized, to watch the files the analysis
// reads — an API description changed by a git pull must reach the project
// join; a client that cannot is asked nothing.
func TestWatchedFilesRegistered(t *testing.T) {
	c := startServer(t)
	params := map[string]any{"capabilities": map[string]any{
		"workspace": map[string]any{"didChangeWatchedFiles": map[string]any{"dynamicRegistration": true}},
	}}
	var res initializeResult
	if err := c.call("initialize", params, &res); err != nil {
		t.Fatal(err)
	}
	c.notify("initialized", struct{}{})
	raw := c.waitNote("client/registerCapability")
	var p struct {
		Registrations []struct {
			Method          string
			RegisterOptions struct {
				Watchers []struct{ GlobPattern string }
			}
		}
	}
	if err := json.Unmarshal(raw, &p); err != nil {
		t.Fatal(err)
	}
	if len(p.Registrations) != 1 || p.Registrations[0].Method != "workspace/didChangeWatchedFiles" || len(p.Registrations[0].RegisterOptions.Watchers) != 1 {
		t.Fatalf("registration: %+v", p)
	}
	glob := p.Registrations[0].RegisterOptions.Watchers[0].GlobPattern
	for _, ext := range []string{",yaml,", ",json,", ",go,", ",py,", ",cs,", ",ts,"} {
		if !strings.Contains(strings.NewReplacer("{", ",", "}", ",").Replace(glob), ext) {
			t.Errorf("the watcher %q does not cover %s files", glob, strings.Trim(ext, ","))
		}
	}

	plain := startServer(t)
	plain.initialize(nil)
	plain.notify("initialized", struct{}{})
	select {
	case n := <-plain.notes:
		if n.Method() == "client/registerCapability" {
			t.Errorf("a client without dynamic registration was asked to watch files")
		}
	case <-time.After(100 * time.Millisecond):
	}
}
