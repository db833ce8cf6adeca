package lsp

import (
	"context"
	"encoding/json"
	"time"

	"go.lsp.dev/protocol"
	"go.uber.org/zap"
)

func (s *Server) initialize(ctx context.Context, raw json.RawMessage) (any, error) {
	var p initializeParams
	if err := decodeParams(raw, &p); err != nil {
		return nil, err
	}
	enc := utf16Encoding
	for _, e := range p.Capabilities.General.PositionEncodings {
		if e == "utf-8" {
			enc = utf8Encoding
		}
	}
	set, err := defaultSettings().apply(p.InitializationOptions)
	if err != nil {
		s.showMessage(ctx, protocol.MessageTypeWarning, "httpcodes: "+err.Error()+"; using the defaults")
		set = defaultSettings()
	}
	root := p.RootURI
	if len(p.WorkspaceFolders) > 0 {
		root = p.WorkspaceFolders[0].URI
	}
	wsSet := set.workspaceSettings()
	// The folders are the roots of the projects undocumented-status joins
	// to their API descriptions.
	for _, f := range p.WorkspaceFolders {
		wsSet.Roots = append(wsSet.Roots, uriPath(string(f.URI)))
	}
	if len(wsSet.Roots) == 0 && root != "" {
		wsSet.Roots = []string{uriPath(string(root))}
	}
	ws := mustWorkspace(wsSet)

	s.mu.Lock()
	s.initialized = true
	s.enc = enc
	s.settings = set
	s.ws = ws
	s.pull = p.Capabilities.TextDocument.Diagnostic != nil
	s.refreshDiagnostics = p.Capabilities.Workspace.Diagnostics.RefreshSupport
	s.refreshHints = p.Capabilities.Workspace.InlayHint.RefreshSupport
	s.watchFiles = p.Capabilities.Workspace.DidChangeWatchedFiles.DynamicRegistration
	pull := s.pull
	s.mu.Unlock()
	s.log.Info("initialized", zap.String("positionEncoding", enc.String()), zap.Bool("pullDiagnostics", pull), zap.String("root", root))
	s.warm(root)

	result := initializeResult{
		ServerInfo: serverInfo{Name: "httpcodes", Version: s.version},
		Capabilities: serverCapabilities{
			PositionEncoding: enc.String(),
			TextDocumentSync: textDocumentSyncOptions{OpenClose: true, Change: protocol.TextDocumentSyncKindIncremental, Save: &protocol.SaveOptions{}},
			HoverProvider:    true,
			CompletionProvider: &protocol.CompletionOptions{
				ResolveProvider:   true,
				TriggerCharacters: []string{".", "(", " ", ":", "0", "1", "2", "3", "4", "5"},
			},
			CodeActionProvider: codeActionOptions{CodeActionKinds: []protocol.CodeActionKind{protocol.QuickFix, sourceFixAllHTTPCodes}},
			InlayHintProvider:  true,
		},
	}
	if pull {
		result.Capabilities.DiagnosticProvider = &diagnosticOptions{Identifier: "httpcodes"}
	}
	return result, nil
}

// projectScanDepth is how deep the server looks for lockfiles when it
// starts: the root and the projects beside each other in it, quick enough
// for initialize. Deeper ones are read when a document under them opens.
const projectScanDepth = 2

// warm reads the workspace's configuration and lockfiles ahead of the
// first document, and shows what is wrong with them once.
func (s *Server) warm(rootURI string) {
	if rootURI == "" {
		return
	}
	_, _, ws := s.snapshot()
	if err := ws.Warm(uriPath(rootURI), projectScanDepth); err != nil {
		s.tell(err.Error())
	}
	for _, err := range ws.Problems() {
		s.tell(err.Error() + "; its library versions are not read")
	}
}

func (s *Server) shutdownRequest(context.Context, json.RawMessage) (any, error) {
	s.mu.Lock()
	s.shutdown = true
	for _, t := range s.timers {
		t.Stop()
	}
	s.mu.Unlock()
	return nil, nil
}

func (s *Server) didChangeConfiguration(ctx context.Context, raw json.RawMessage) (any, error) {
	var p struct {
		Settings json.RawMessage `json:"settings"`
	}
	if err := decodeParams(raw, &p); err != nil {
		return nil, err
	}
	s.mu.Lock()
	next, err := s.settings.apply(p.Settings)
	if err == nil {
		s.settings = next
		ws := next.workspaceSettings()
		s.ws = s.ws.WithSettings(ws.Rules, ws.Tests)
	}
	s.mu.Unlock()
	if err != nil {
		s.showMessage(ctx, protocol.MessageTypeWarning, "httpcodes: "+err.Error()+"; keeping the previous settings")
		return nil, nil
	}
	s.docs.invalidate()
	s.republishAll(ctx)
	s.askToRefresh()
	return nil, nil
}

// askToRefresh asks a client that pulls diagnostics and inlay hints to
// pull them again, as new settings change both. The requests go out from
// their own goroutine: the client's answers must not wait on this handler.
func (s *Server) askToRefresh() {
	s.mu.Lock()
	var methods []string
	if s.pull && s.refreshDiagnostics {
		methods = append(methods, "workspace/diagnostic/refresh")
	}
	if s.refreshHints {
		methods = append(methods, "workspace/inlayHint/refresh")
	}
	s.mu.Unlock()
	if s.conn == nil || len(methods) == 0 {
		return
	}
	go func() {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		for _, m := range methods {
			if _, err := s.conn.Call(ctx, m, nil, nil); err != nil {
				s.log.Warn("refresh request failed", zap.String("method", m), zap.Error(err))
			}
		}
	}()
}

func (s *Server) showMessage(ctx context.Context, kind protocol.MessageType, msg string) {
	s.log.Warn(msg)
	if s.conn == nil {
		return
	}
	if err := s.conn.Notify(ctx, "window/showMessage", protocol.ShowMessageParams{Type: kind, Message: msg}); err != nil {
		s.log.Warn("cannot notify", zap.Error(err))
	}
}
