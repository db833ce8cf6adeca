package lsp

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"testing"
	"time"
)

func frame(msg string) string { return fmt.Sprintf("Content-Length: %d\r\n\r\n%s", len(msg), msg) }

// FuzzStream: any bytes give messages or errors from the frame reader,
// never a panic, and the reader always gets to the end of its input.
func FuzzStream(f *testing.F) {
	f.Add([]byte(frame(`{"jsonrpc":"2.0","id":1,"method":"initialize","params":{}}`)))
	f.Add([]byte("Content-Length: 5\r\n\r\n{bad}garbage\r\n\r\n" + frame(`{"jsonrpc":"2.0","method":"exit"}`)))
	f.Add([]byte("Content-Length: -1\r\n\r\nContent-Length: 99999999999\r\n\r\n"))
	f.Add([]byte("x" + frame(`{"jsonrpc":"2.0","id":"","method":"a"}`) + "Content-Length: 40\r\n\r\n" + `{"jsonrpc":"2.0","id":2,"method":"b"}` + frame(`{"jsonrpc":"2.0","method":"$/cancelRequest","params":{"id":""}}`)))
	f.Fuzz(func(t *testing.T, data []byte) {
		s := newStream(bytes.NewReader(data), io.Discard, nil)
		for i := 0; i <= len(data)+1; i++ {
			if _, _, err := s.Read(context.Background()); err != nil {
				return
			}
		}
		t.Fatalf("the reader did not reach the end of %d bytes", len(data))
	})
}

// sessionPrefix initializes the server and opens a document, so that the
// fuzzed messages after it reach the feature handlers.
var sessionPrefix = frame(`{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}`) +
	frame(`{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"file:///a.go","version":1,"text":`+jsonString(handlerGo)+`}}}`)

func jsonString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// FuzzServer feeds a session of any bytes to the whole server: no message
// may crash it, and it must end when its input does.
func FuzzServer(f *testing.F) {
	for _, m := range []string{
		`{"jsonrpc":"2.0","id":2,"method":"textDocument/hover","params":{"textDocument":{"uri":"file:///a.go"},"position":{"line":5,"character":40}}}`,
		`{"jsonrpc":"2.0","id":3,"method":"textDocument/completion","params":{"textDocument":{"uri":"file:///a.go"},"position":{"line":6,"character":2}}}`,
		`{"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":"file:///a.go","version":2},"contentChanges":[{"range":{"start":{"line":9,"character":0},"end":{"line":0,"character":4}},"text":"x"}]}}`,
		`{"jsonrpc":"2.0","id":4,"method":"textDocument/codeAction","params":{"textDocument":{"uri":"file:///a.go"},"range":{"start":{"line":0,"character":0},"end":{"line":99,"character":0}},"context":{"diagnostics":[]}}}`,
		`{"jsonrpc":"2.0","id":5,"method":"textDocument/inlayHint","params":{"textDocument":{"uri":"file:///a.go"},"range":{"start":{"line":0,"character":0},"end":{"line":99,"character":0}}}}`,
		`{"jsonrpc":"2.0","method":"workspace/didChangeConfiguration","params":{"settings":{"rules":{"x":1}}}}`,
		`{"jsonrpc":"2.0","id":6,"method":"shutdown"}`,
	} {
		f.Add([]byte(frame(m)))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		in := io.MultiReader(bytes.NewReader([]byte(sessionPrefix)), bytes.NewReader(data))
		done := make(chan int, 1)
		go func() { done <- Serve(context.Background(), in, io.Discard, Options{Debounce: time.Millisecond}) }()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			t.Fatal("the server did not end with its input")
		}
	})
}
