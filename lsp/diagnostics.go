package lsp

import (
	"context"
	"encoding/json"
	"time"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"
	"go.uber.org/zap"

	"github.com/httpcodes/httpcodes/analysis"
)

// scheduleDiagnostics publishes a document's diagnostics after delay, unless
// another edit comes first. Clients that pull diagnostics get none pushed.
func (s *Server) scheduleDiagnostics(ctx context.Context, uri string, delay time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.pull || s.shutdown {
		return
	}
	if t, ok := s.timers[uri]; ok {
		t.Stop()
	}
	// The request's context ends with the request; publishing outlives it.
	ctx = context.WithoutCancel(ctx)
	s.timers[uri] = time.AfterFunc(delay, func() {
		doc, ok := s.docs.get(uri)
		if !ok {
			return
		}
		s.publish(ctx, protocol.PublishDiagnosticsParams{
			URI: protocol.DocumentURI(uri), Version: uint32(max(doc.version, 0)), Diagnostics: s.diagnose(doc),
		})
	})
}

// republishAll recomputes the diagnostics of every open document, after the
// settings changed.
func (s *Server) republishAll(ctx context.Context) {
	s.docs.mu.Lock()
	uris := make([]string, 0, len(s.docs.docs))
	for uri := range s.docs.docs {
		uris = append(uris, uri)
	}
	s.docs.mu.Unlock()
	for _, uri := range uris {
		s.scheduleDiagnostics(ctx, uri, 0)
	}
}

func (s *Server) publish(ctx context.Context, p protocol.PublishDiagnosticsParams) {
	if err := s.conn.Notify(ctx, "textDocument/publishDiagnostics", p); err != nil {
		s.log.Warn("cannot publish diagnostics", zap.String("uri", string(p.URI)), zap.Error(err))
	}
}

// diagnose analyses a document (once per version) and converts its findings.
func (s *Server) diagnose(doc *document) []protocol.Diagnostic {
	if doc.oversized() {
		return []protocol.Diagnostic{}
	}
	enc, set, opts := s.snapshot()
	res := s.docs.analyze(doc, opts)
	m := s.docs.mapperFor(doc, enc)
	out := make([]protocol.Diagnostic, 0, len(res.Findings))
	for _, f := range res.Findings {
		out = append(out, toDiagnostic(m, f, set.DocsURL))
	}
	return out
}

var severities = map[analysis.Severity]protocol.DiagnosticSeverity{
	analysis.Error: protocol.DiagnosticSeverityError, analysis.Warning: protocol.DiagnosticSeverityWarning,
	analysis.Info: protocol.DiagnosticSeverityInformation, analysis.Hint: protocol.DiagnosticSeverityHint,
}

func toDiagnostic(m *mapper, f analysis.Finding, docsBase string) protocol.Diagnostic {
	d := protocol.Diagnostic{
		Range: m.rangeOf(f.Start, f.End), Severity: severities[f.Severity], Code: f.Rule,
		CodeDescription: &protocol.CodeDescription{Href: protocol.URI(analysis.RuleDocsURL(docsBase, f.Rule))},
		Source:          "httpcodes", Message: f.Message,
	}
	if r, ok := analysis.RuleByName(f.Rule); ok {
		switch r.Tag {
		case "deprecated":
			d.Tags = []protocol.DiagnosticTag{protocol.DiagnosticTagDeprecated}
		case "unnecessary":
			d.Tags = []protocol.DiagnosticTag{protocol.DiagnosticTagUnnecessary}
		}
	}
	return d
}

func (s *Server) pullDiagnostics(_ context.Context, raw json.RawMessage) (any, error) {
	var p documentDiagnosticParams
	if err := decodeParams(raw, &p); err != nil {
		return nil, err
	}
	doc, ok := s.docs.get(string(p.TextDocument.URI))
	if !ok {
		return nil, jsonrpc2.NewError(jsonrpc2.InvalidParams, string(p.TextDocument.URI)+" is not open")
	}
	return documentDiagnosticReport{Kind: "full", Items: s.diagnose(doc)}, nil
}
