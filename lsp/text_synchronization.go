package lsp

import (
	"context"
	"encoding/json"

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
	s.scheduleDiagnostics(ctx, uri, s.debounce)
	return nil, nil
}

func (s *Server) didClose(ctx context.Context, raw json.RawMessage) (any, error) {
	var p protocol.DidCloseTextDocumentParams
	if err := decodeParams(raw, &p); err != nil {
		return nil, err
	}
	uri := string(p.TextDocument.URI)
	s.docs.close(uri)
	s.mu.Lock()
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
