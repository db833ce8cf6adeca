package lsp

import (
	"context"
	"encoding/json"
	"fmt"

	"go.lsp.dev/protocol"

	"github.com/httpcodes/httpcodes/analysis"
)

// popular lists the codes most handlers send, in the order completion offers
// them; the rest follow in numeric order.
var popular = []int{200, 201, 204, 400, 401, 403, 404, 409, 422, 429, 500, 502, 503, 504, 301, 302, 303, 304, 307, 308, 202, 206, 405, 406, 410, 412, 413, 415}

func rank(code int) string {
	for i, n := range popular {
		if n == code {
			return fmt.Sprintf("0%03d", i)
		}
	}
	return fmt.Sprintf("1%03d", code)
}

// completionData travels with an item to completionItem/resolve.
type completionData struct {
	Code      int    `json:"code"`
	Lang      string `json:"lang"`
	Ecosystem string `json:"ecosystem,omitempty"`
	// Path is the document's, whose configuration may add codes.
	Path string `json:"path,omitempty"`
}

func (s *Server) completion(_ context.Context, raw json.RawMessage) (any, error) {
	var p protocol.CompletionParams
	if err := decodeParams(raw, &p); err != nil {
		return nil, err
	}
	doc, ok := s.docs.get(string(p.TextDocument.URI))
	if !ok || doc.oversized() {
		return protocol.CompletionList{Items: []protocol.CompletionItem{}}, nil
	}
	enc, set, _ := s.snapshot()
	m := s.docs.mapperFor(doc, enc)
	off := m.offset(p.Position)
	items := []protocol.CompletionItem{}
	c := analysis.Complete(doc.path, doc.text, off, s.options(doc.path).CodeSet(), set.Completion.Insert == "constant")
	if c != nil && !set.Completion.GoConstants && languageOf(doc.path) == "go" && len(c.Items) > 0 && c.Items[0].Constant {
		// The names after "http.": left to gopls, as the settings ask.
		c = nil
	}
	if c != nil {
		// The resolved docs list the constants of the file's own library first.
		res, _ := s.analysis(doc)
		data := completionData{Lang: languageOf(doc.path), Ecosystem: res.Ecosystem, Path: doc.path}
		items = completionItems(c, m.rangeOf(c.Start, c.End), data)
	}
	return protocol.CompletionList{IsIncomplete: false, Items: items}, nil
}

// completionItems turns the analysis's completion into items: a number's
// item shows the number and inserts it or the file's constant; a
// constant's item shows and inserts the member name. Each carries data for
// completionItem/resolve: its code, and the file's language and library.
func completionItems(c *analysis.Completion, replace protocol.Range, data completionData) []protocol.CompletionItem {
	items := make([]protocol.CompletionItem, 0, len(c.Items))
	for _, it := range c.Items {
		item := protocol.CompletionItem{
			Label: it.Label, Kind: protocol.CompletionItemKindValue, Detail: it.Code.String(),
			SortText: rank(it.Code.Number), FilterText: it.Label,
			TextEdit: &protocol.TextEdit{Range: replace, NewText: it.Insert},
		}
		if it.Constant {
			item.Kind = protocol.CompletionItemKindConstant
		}
		data.Code = it.Code.Number
		raw, _ := json.Marshal(data)
		item.Data = json.RawMessage(raw)
		if it.Code.Retired != "" {
			item.Tags = []protocol.CompletionItemTag{protocol.CompletionItemTagDeprecated}
		}
		items = append(items, item)
	}
	return items
}

func (s *Server) resolveCompletion(_ context.Context, raw json.RawMessage) (any, error) {
	var item protocol.CompletionItem
	if err := decodeParams(raw, &item); err != nil {
		return nil, err
	}
	var data completionData
	if b, err := json.Marshal(item.Data); err == nil {
		_ = json.Unmarshal(b, &data)
	}
	_, set, _ := s.snapshot()
	// The file's configuration may add codes of the project's own.
	codeSet := s.options(data.Path).CodeSet()
	if c, ok := codeSet.Lookup(data.Code); ok {
		item.Documentation = protocol.MarkupContent{Kind: protocol.Markdown, Value: pageMarkdown(c, data.Lang, data.Ecosystem, set.Hover == "full")}
	}
	return item, nil
}
