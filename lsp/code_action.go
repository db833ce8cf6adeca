package lsp

import (
	"context"
	"encoding/json"

	"github.com/aymanbagabas/go-udiff"
	"go.lsp.dev/protocol"
	"go.lsp.dev/uri"

	"github.com/httpcodes/httpcodes/analysis"
	"github.com/httpcodes/httpcodes/internal/readfile"
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
	enc, set, ws := s.snapshot()
	m := s.docs.mapperFor(doc, enc)
	_, findings := s.analysis(doc)
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
		changes := map[uri.URI][]protocol.TextEdit{}
		for _, f := range fixes {
			for _, e := range f.Edits {
				target, tm := uri.URI(p.TextDocument.URI), m
				if e.File != "" {
					// The fix edits another file (undocumented-status adds
					// the response to the API description): its positions
					// come from its open buffer, or the disk.
					var ok bool
					if target, tm, ok = s.otherFile(e.File, enc); !ok {
						return nil
					}
				}
				changes[target] = append(changes[target], protocol.TextEdit{Range: tm.rangeOf(e.Start, e.End), NewText: e.NewText})
			}
		}
		return &protocol.WorkspaceEdit{Changes: changes}
	}
	var fixable []analysis.Finding
	for _, f := range findings {
		if f.Fix == nil {
			continue
		}
		fixable = append(fixable, f)
		if want(protocol.QuickFix) && f.Start <= end && start <= f.End {
			if we := edit(*f.Fix); we != nil {
				actions = append(actions, protocol.CodeAction{
					Title: f.Fix.Title, Kind: protocol.QuickFix, IsPreferred: true,
					Diagnostics: []protocol.Diagnostic{toDiagnostic(m, f, set.DocsURL)}, Edit: we,
				})
			}
		}
	}
	if len(ws.Fixable(fixable)) > 0 && want(sourceFixAllHTTPCodes) {
		// The same Fix as check --fix: every safe fix, in rounds, gofmt
		// kept; the edit is the difference between the text and its fix.
		fixed, err := ws.Fix(doc.path, doc.text, fixable)
		if err != nil {
			return actions, nil
		}
		var edits []protocol.TextEdit
		for _, e := range udiff.Bytes(doc.text, fixed.Text) {
			edits = append(edits, protocol.TextEdit{Range: m.rangeOf(e.Start, e.End), NewText: e.New})
		}
		if len(edits) > 0 {
			actions = append(actions, protocol.CodeAction{
				Title: "Fix all httpcodes findings in this file", Kind: sourceFixAllHTTPCodes,
				Edit: &protocol.WorkspaceEdit{Changes: map[uri.URI][]protocol.TextEdit{uri.URI(p.TextDocument.URI): edits}},
			})
		}
	}
	return actions, nil
}

// otherFile returns the URI of a file another document's fix edits and its
// position mapper: from the file's open document when the editor has it
// (its text is what the fix was computed on), else from the disk.
func (s *Server) otherFile(path string, enc encoding) (uri.URI, *mapper, bool) {
	u := uri.File(path)
	if doc, ok := s.docs.get(string(u)); ok {
		return u, s.docs.mapperFor(doc, enc), true
	}
	text, err := readfile.Read(path, readfile.SourceLimit)
	if err != nil {
		return "", nil, false
	}
	return u, newMapper(text, enc), true
}
