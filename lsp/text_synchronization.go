package lsp

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"path"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"
)

func (s *Server) didOpen(ctx context.Context, raw json.RawMessage) (any, error) {
	var p protocol.DidOpenTextDocumentParams
	if err := decodeParams(raw, &p); err != nil {
		return nil, err
	}
	uri := string(p.TextDocument.URI)
	s.docs.open(uri, string(p.TextDocument.LanguageID), p.TextDocument.Version, p.TextDocument.Text)
	s.checkSize(ctx, uri)
	s.scheduleDiagnostics(ctx, uri, 0)
	return nil, nil
}

func (s *Server) didChange(ctx context.Context, raw json.RawMessage) (any, error) {
	var p didChangeParams
	if err := decodeParams(raw, &p); err != nil {
		return nil, err
	}
	enc, _, _ := s.snapshot()
	uri := string(p.TextDocument.URI)
	if err := s.docs.change(uri, p.TextDocument.Version, p.ContentChanges, enc); err != nil {
		return nil, jsonrpc2.NewError(jsonrpc2.InvalidParams, err.Error())
	}
	s.checkSize(ctx, uri)
	s.scheduleDiagnostics(ctx, uri, s.debounce)
	return nil, nil
}

func (s *Server) didClose(ctx context.Context, raw json.RawMessage) (any, error) {
	var p protocol.DidCloseTextDocumentParams
	if err := decodeParams(raw, &p); err != nil {
		return nil, err
	}
	uri := string(p.TextDocument.URI)
	if doc, ok := s.docs.get(uri); ok {
		s.closeProjectDocument(uri, doc.path)
	} else {
		s.docs.close(uri)
	}
	s.mu.Lock()
	delete(s.oversized, uri)
	if t, ok := s.timers[uri]; ok {
		t.Stop()
		delete(s.timers, uri)
	}
	pull := s.pull
	s.mu.Unlock()
	if !pull {
		s.publish(ctx, protocol.PublishDiagnosticsParams{URI: protocol.DocumentURI(uri), Diagnostics: []protocol.Diagnostic{}})
	}
	return nil, nil
}

// checkSize tells the user when a document goes over maxDocumentSize, once
// until it comes back under: not on every keystroke in it.
func (s *Server) checkSize(ctx context.Context, uri string) {
	doc, ok := s.docs.get(uri)
	if !ok {
		return
	}
	over := doc.oversized()
	s.mu.Lock()
	was := s.oversized[uri]
	if over {
		s.oversized[uri] = true
	} else {
		delete(s.oversized, uri)
	}
	s.mu.Unlock()
	if over && !was {
		// Rounded up, so a document just over the limit does not read as at it.
		mb := math.Ceil(float64(len(doc.text))/(1<<20)*10) / 10
		s.showMessage(ctx, protocol.MessageTypeInfo, fmt.Sprintf("httpcodes: %s is %.1f MB, over the %d MB limit: httpcodes does not analyse it.",
			path.Base(uri), mb, maxDocumentSize>>20))
	}
}
