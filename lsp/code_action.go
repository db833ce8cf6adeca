package lsp

import (
	"context"
	"encoding/json"

	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"

	"github.com/httpcodes/httpcodes/analysis"
)

// codeAction offers each finding's fix in the range as a quick fix, with its
// diagnostic attached, and one source.fixAll.httpcodes action that applies
// every fix of the file that does not overlap another.
func (s *Server) codeAction(_ context.Context, raw json.RawMessage) (any, error) {
	var p protocol.CodeActionParams
	if err := decodeParams(raw, &p); err != nil {
		return nil, err
	}
	actions := []protocol.CodeAction{}
	doc, ok := s.docs.get(string(p.TextDocument.URI))
	if !ok || doc.oversized() {
		return actions, nil
	}
	enc, set, opts := s.snapshot()
	m := s.docs.mapperFor(doc, enc)
	res := s.docs.analyze(doc, opts)
	start, end := m.offset(p.Range.Start), m.offset(p.Range.End)
	want := func(kind protocol.CodeActionKind) bool {
		if len(p.Context.Only) == 0 {
			return true
		}
		for _, k := range p.Context.Only {
			if k == kind || k == "source.fixAll" && kind == sourceFixAllHTTPCodes || k == "source" && kind == sourceFixAllHTTPCodes {
				return true
			}
		}
		return false
	}
	edit := func(fixes ...analysis.Fix) *protocol.WorkspaceEdit {
		var edits []protocol.TextEdit
		for _, f := range fixes {
			for _, e := range f.Edits {
				edits = append(edits, protocol.TextEdit{Range: m.rangeOf(e.Start, e.End), NewText: e.NewText})
			}
		}
		return &protocol.WorkspaceEdit{Changes: map[uri.URI][]protocol.TextEdit{uri.URI(p.TextDocument.URI): edits}}
	}
	var fixable []analysis.Finding
	for _, f := range res.Findings {
		if f.Fix == nil {
			continue
		}
		fixable = append(fixable, f)
		if want(protocol.QuickFix) && f.Start <= end && start <= f.End {
			actions = append(actions, protocol.CodeAction{
				Title: f.Fix.Title, Kind: protocol.QuickFix, IsPreferred: true,
				Diagnostics: []protocol.Diagnostic{toDiagnostic(m, f, set.DocsURL)}, Edit: edit(*f.Fix),
			})
		}
	}
	if len(fixable) > 0 && want(sourceFixAllHTTPCodes) {
		_, skipped := analysis.ApplyFixes(doc.text, fixable)
		skip := map[int]bool{}
		for _, f := range skipped {
			skip[f.Start] = true
		}
		var fixes []analysis.Fix
		for _, f := range fixable {
			if !skip[f.Start] {
				fixes = append(fixes, *f.Fix)
			}
		}
		actions = append(actions, protocol.CodeAction{Title: "Fix all httpcodes findings in this file", Kind: sourceFixAllHTTPCodes, Edit: edit(fixes...)})
	}
	return actions, nil
}
