package lsp

import (
	"context"
	"encoding/json"

	"go.lsp.dev/protocol"

	"github.com/httpcodes/httpcodes/analysis"
	"github.com/httpcodes/httpcodes/workspace"
)

// mustWorkspace makes a workspace from settings that name no configuration
// file, which cannot fail.
func mustWorkspace(set workspace.Settings) *workspace.Workspace {
	ws, err := workspace.New(set)
	if err != nil {
		panic("lsp: a workspace without a named configuration failed: " + err.Error())
	}
	return ws
}

// workspaceSettings are the editor's settings as the workspace takes them.
func (set settings) workspaceSettings() workspace.Settings {
	ws := workspace.Settings{Rules: set.Rules}
	if set.Tests != "" {
		policy, _ := analysis.ParseTestPolicy(set.Tests)
		ws.Tests = &policy
	}
	return ws
}

// analysis returns a document's analysis, for hover, completion and hints,
// and the findings the workspace reports for it — what `check` reports for
// the same file: none for a file the configuration excludes or whose
// language it leaves out, none for a generated file. A broken
// configuration is shown once, and the document analysed with the defaults
// meanwhile, so the editor keeps working.
func (s *Server) analysis(doc *document) (*analysis.Result, []analysis.Finding) {
	_, _, ws := s.snapshot()
	s.updateProject(ws, doc)
	res := s.docs.analyze(doc, s.options(doc.path))
	for _, err := range ws.Problems() {
		s.tell(err.Error() + "; its library versions are not read")
	}
	if doc.oversized() {
		return res, nil
	}
	inc, err := ws.Includes(doc.path)
	if err != nil || !inc.Included {
		if inc.Reason != "" {
			s.log.Debug("not checked: " + inc.Reason)
		}
		return res, nil
	}
	return res, workspace.Reported(res)
}

// options are the analysis options of a file: its configuration and pins
// under the editor's settings; the defaults while its configuration is
// broken (which is shown once).
func (s *Server) options(path string) *analysis.Options {
	_, _, ws := s.snapshot()
	opts, err := ws.Options(path)
	if err != nil {
		s.tell(err.Error())
		return nil
	}
	return opts
}

// tell shows a workspace problem once per session.
func (s *Server) tell(msg string) {
	s.mu.Lock()
	told := s.told[msg]
	s.told[msg] = true
	s.mu.Unlock()
	if !told {
		s.showMessage(context.Background(), protocol.MessageTypeError, "httpcodes: "+msg)
	}
}

// updateProject gives the workspace's project join a document's text, once
// per version, before the document is analysed. When the change reaches
// other files (a description's responses, a route another file's handler
// joins to), every document is analysed and published again.
func (s *Server) updateProject(ws *workspace.Workspace, doc *document) {
	// The analysis that brings a version here runs after its didOpen or
	// didChange, and may run after the document was closed or changed
	// again: only the version the editor holds now may reach the join, or
	// a late analysis would put back a text the editor closed.
	if s.joinVersion(ws, doc) {
		s.docs.invalidate()
		s.republishAll(context.Background())
		s.askToRefresh()
	}
}

// joinVersion gives the project join the document's text, when it is the
// version the editor holds and the join has not read it yet, and reports
// whether the change reaches other files.
func (s *Server) joinVersion(ws *workspace.Workspace, doc *document) bool {
	s.projectMu.Lock()
	defer s.projectMu.Unlock()
	if cur, open := s.docs.get(doc.uri); !open || cur.version != doc.version {
		return false
	}
	s.mu.Lock()
	if s.projectVersions == nil {
		s.projectVersions = map[string]int32{}
	}
	seen, ok := s.projectVersions[doc.path]
	if ok && seen == doc.version {
		s.mu.Unlock()
		return false
	}
	s.projectVersions[doc.path] = doc.version
	s.mu.Unlock()
	return ws.Update(doc.path, doc.text)
}

// closeProjectDocument closes a document and gives its file back to the
// disk in the project join. Both happen under projectMu, so an analysis of
// the closed document that finishes later finds it closed (updateProject).
func (s *Server) closeProjectDocument(uri, path string) {
	_, _, ws := s.snapshot()
	s.projectMu.Lock()
	s.docs.close(uri)
	s.mu.Lock()
	delete(s.projectVersions, path)
	s.mu.Unlock()
	changed := ws.Update(path, nil)
	s.projectMu.Unlock()
	if changed {
		s.docs.invalidate()
		s.republishAll(context.Background())
		s.askToRefresh()
	}
}

// didChangeWatchedFiles reads again, from the disk, the files changed
// outside the editor that the project join holds (a description a git pull
// rewrote), unless the editor has them open; their changes reach the open
// documents as an editor's would.
func (s *Server) didChangeWatchedFiles(ctx context.Context, raw json.RawMessage) (any, error) {
	var p protocol.DidChangeWatchedFilesParams
	if err := decodeParams(raw, &p); err != nil {
		return nil, err
	}
	_, _, ws := s.snapshot()
	changed := false
	s.projectMu.Lock()
	for _, c := range p.Changes {
		if _, open := s.docs.get(string(c.URI)); open {
			continue
		}
		changed = ws.Update(uriPath(string(c.URI)), nil) || changed
	}
	s.projectMu.Unlock()
	if changed {
		s.docs.invalidate()
		s.republishAll(ctx)
		s.askToRefresh()
	}
	return nil, nil
}
