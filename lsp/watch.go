package lsp

import (
	"context"
	"encoding/json"
	"sort"
	"strings"
	"time"

	"go.uber.org/zap"

	"github.com/httpcodes/httpcodes/analysis"
)

// initializedNotification asks a client that can to watch the project's
// files for the server: an API description or a route file changed outside
// the editor (a git pull, a generator) changes what undocumented-status
// says of the open documents, and the project join reads it again from
// workspace/didChangeWatchedFiles. The request goes out from its own
// goroutine: the client's answer must not wait on this handler.
func (s *Server) initializedNotification(context.Context, json.RawMessage) (any, error) {
	s.mu.Lock()
	watch := s.watchFiles && s.conn != nil
	s.mu.Unlock()
	if !watch {
		return nil, nil
	}
	params := map[string]any{"registrations": []any{map[string]any{
		"id":              "httpcodes-watched-files",
		"method":          "workspace/didChangeWatchedFiles",
		"registerOptions": map[string]any{"watchers": []any{map[string]any{"globPattern": watchedGlob()}}},
	}}}
	go func() {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		if _, err := s.conn.Call(ctx, "client/registerCapability", params, nil); err != nil {
			s.log.Warn("the client did not take the file watcher", zap.Error(err))
		}
	}()
	return nil, nil
}

// watchedGlob matches the files the analysis reads: every language's
// extensions, API descriptions among them.
func watchedGlob() string {
	seen := map[string]bool{}
	var exts []string
	for _, l := range analysis.LanguageInfos() {
		for _, e := range l.Extensions {
			e = strings.TrimPrefix(e, ".")
			if !seen[e] {
				seen[e] = true
				exts = append(exts, e)
			}
		}
	}
	sort.Strings(exts)
	return "**/*.{" + strings.Join(exts, ",") + "}"
}
