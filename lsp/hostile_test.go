//go:build unix

package lsp

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"go.lsp.dev/protocol"
)

// TestInitializeWithHostileFiles: a workspace whose .httpcodes.yaml and
// lockfiles are symlinks to /dev/zero or FIFOs (a repository can commit
// both) gets an answer to initialize at once, a message for each file, and
// a server that goes on working.
func TestInitializeWithHostileFiles(t *testing.T) {
	for _, config := range []string{"symlink", "fifo"} {
		t.Run(config, func(t *testing.T) {
			root := t.TempDir()
			cfg := filepath.Join(root, ".httpcodes.yaml")
			if config == "fifo" {
				if err := syscall.Mkfifo(cfg, 0o644); err != nil {
					t.Fatal(err)
				}
			} else if err := os.Symlink("/dev/zero", cfg); err != nil {
				t.Fatal(err)
			}
			if err := os.Symlink("/dev/zero", filepath.Join(root, "Gemfile.lock")); err != nil {
				t.Fatal(err)
			}
			if err := os.Mkdir(filepath.Join(root, "api"), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := syscall.Mkfifo(filepath.Join(root, "api", "poetry.lock"), 0o644); err != nil {
				t.Fatal(err)
			}

			c := startServer(t)
			ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
			defer cancel()
			var res initializeResult
			if _, err := c.conn.Call(ctx, "initialize", map[string]any{"rootUri": "file://" + root, "capabilities": map[string]any{}}, &res); err != nil {
				t.Fatalf("initialize: %v", err)
			}
			c.notify("initialized", struct{}{})
			kind := map[string]string{"symlink": "a device", "fifo": "a named pipe"}[config]
			want := []string{
				"httpcodes: config: read " + cfg + ": not a regular file (" + kind + ")",
				"httpcodes: read " + filepath.Join(root, "Gemfile.lock") + ": not a regular file (a device); its library versions are not read",
				"httpcodes: read " + filepath.Join(root, "api", "poetry.lock") + ": not a regular file (a named pipe); its library versions are not read",
			}
			for _, w := range want {
				var msg protocol.ShowMessageParams
				if err := json.Unmarshal(c.waitNote("window/showMessage"), &msg); err != nil {
					t.Fatal(err)
				}
				if msg.Message != w {
					t.Errorf("message %q, want %q", msg.Message, w)
				}
			}

			// The server still analyses documents and answers hovers.
			c.open(uriA, handlerGo)
			var pub protocol.PublishDiagnosticsParams
			if err := json.Unmarshal(c.waitNote("textDocument/publishDiagnostics"), &pub); err != nil {
				t.Fatal(err)
			}
			if len(pub.Diagnostics) != 4 {
				t.Errorf("%d diagnostics, want the 4 of handlerGo", len(pub.Diagnostics))
			}
			var hover protocol.Hover
			if err := c.call("textDocument/hover", hoverParams(uriA, pos(5, 40)), &hover); err != nil || hover.Range == nil {
				t.Errorf("hover: %v %v", hover, err)
			}
		})
	}
}
