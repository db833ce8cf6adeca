package lsp

import (
	"context"
	"encoding/json"
	"strconv"

	"github.com/httpcodes/httpcodes/analysis"
)

// inlayHint shows a code's title after a number (404 → Not Found) and the
// number after a constant (http.StatusTeapot → 418), each switchable.
func (s *Server) inlayHint(_ context.Context, raw json.RawMessage) (any, error) {
	var p inlayHintParams
	if err := decodeParams(raw, &p); err != nil {
		return nil, err
	}
	hints := []inlayHint{}
	doc, ok := s.docs.get(string(p.TextDocument.URI))
	if !ok || doc.oversized() {
		return hints, nil
	}
	enc, set, opts := s.snapshot()
	m := s.docs.mapperFor(doc, enc)
	start, end := m.offset(p.Range.Start), m.offset(p.Range.End)
	codeSet := opts.CodeSet()
	for _, o := range s.docs.analyze(doc, opts).Occurrences {
		if o.End < start || o.Start > end || o.Role == analysis.RangeBound {
			continue
		}
		c, ok := codeSet.Lookup(o.Code)
		if !ok {
			continue
		}
		switch {
		case o.Written == analysis.Number && set.InlayHints.Titles:
			hints = append(hints, inlayHint{Position: m.position(o.End), Label: c.Title, PaddingLeft: true, Tooltip: c.String()})
		case o.Written == analysis.Constant && set.InlayHints.Numbers:
			hints = append(hints, inlayHint{Position: m.position(o.End), Label: strconv.Itoa(c.Number), PaddingLeft: true, Tooltip: c.String()})
		}
	}
	return hints, nil
}
