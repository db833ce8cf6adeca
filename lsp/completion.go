package lsp

import (
	"context"
	"encoding/json"
	"fmt"
	"go/parser"
	"go/token"
	"regexp"
	"strconv"
	"strings"

	"go.lsp.dev/protocol"

	"github.com/httpcodes/httpcodes/analysis"
	"github.com/httpcodes/httpcodes/codes"
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
}

var (
	constantPrefix = regexp.MustCompile(`\b([A-Za-z_][A-Za-z0-9_]*)\.(Status[A-Za-z]*)$`)
	// statusContexts end where a status code is typed; the group "digits"
	// holds what is typed so far, and "pkg", where there is one, must be the
	// file's import name of net/http.
	statusContexts = []*regexp.Regexp{
		regexp.MustCompile(`\bWriteHeader\(\s*(?P<digits>\d*)$`),
		regexp.MustCompile(`\b(?P<pkg>\w+)\.Error\([^()]*,[^()]*,\s*(?P<digits>\d*)$`),
		regexp.MustCompile(`\b(?P<pkg>\w+)\.Redirect\([^()]*,[^()]*,[^()]*,\s*(?P<digits>\d*)$`),
		regexp.MustCompile(`\b(?P<pkg>\w+)\.RedirectHandler\([^()]*,\s*(?P<digits>\d*)$`),
		regexp.MustCompile(`\b(?P<pkg>\w+)\.StatusText\(\s*(?P<digits>\d*)$`),
		regexp.MustCompile(`\.(?:JSON|IndentedJSON|String|HTML|XML|YAML|Data|Status|AbortWithStatus|AbortWithStatusJSON|AbortWithError|NoContent|SendStatus|Redirect)\(\s*(?P<digits>\d*)$`),
		regexp.MustCompile(`\bStatusCode\s*(?:==|!=|=|:)\s*(?P<digits>\d*)$`),
		regexp.MustCompile(`\.Code\s*(?:==|!=)\s*(?P<digits>\d*)$`),
	}
)

func (s *Server) completion(_ context.Context, raw json.RawMessage) (any, error) {
	var p protocol.CompletionParams
	if err := decodeParams(raw, &p); err != nil {
		return nil, err
	}
	doc, ok := s.docs.get(string(p.TextDocument.URI))
	if !ok {
		return protocol.CompletionList{Items: []protocol.CompletionItem{}}, nil
	}
	enc, set, opts := s.snapshot()
	m := s.docs.mapperFor(doc, enc)
	off := m.offset(p.Position)
	lineStart := m.offset(protocol.Position{Line: p.Position.Line})
	prefix := string(doc.text[lineStart:off])
	lang := languageOf(doc.path)
	codeSet := opts.CodeSet()
	items := []protocol.CompletionItem{}
	if lang == "go" {
		httpName := goImportName(doc.text, "net/http")
		if mt := constantPrefix.FindStringSubmatchIndex(prefix); mt != nil && httpName != "" && prefix[mt[2]:mt[3]] == httpName {
			typedFrom := lineStart + mt[4]
			items = constantItems(codeSet, m.rangeOf(typedFrom, off))
		} else if typed, ok := statusContextDigits(prefix, httpName); ok {
			insertConstant := set.Completion.Insert == "constant" && httpName != ""
			items = codeItems(codeSet, typed, m.rangeOf(off-len(typed), off), httpName, insertConstant)
		}
	} else if c := analysis.Complete(doc.path, doc.text, off, codeSet, set.Completion.Insert == "constant"); c != nil {
		items = scannedItems(c, m.rangeOf(c.Start, c.End))
	}
	eco := ""
	if len(items) > 0 && lang != "go" {
		eco = s.docs.analyze(doc, opts).Ecosystem
	}
	for i := range items {
		data, _ := json.Marshal(completionData{Code: codeOf(items[i]), Lang: lang, Ecosystem: eco})
		items[i].Data = json.RawMessage(data)
	}
	return protocol.CompletionList{IsIncomplete: false, Items: items}, nil
}

func codeOf(item protocol.CompletionItem) int {
	n, _ := strconv.Atoi(strings.Fields(item.Detail)[0])
	return n
}

// statusContextDigits reports whether the text before the cursor ends in a
// status context, and the digits typed there.
func statusContextDigits(prefix, httpName string) (string, bool) {
	if httpName == "" || httpName == "." {
		httpName = "http"
	}
	for _, re := range statusContexts {
		mt := re.FindStringSubmatch(prefix)
		if mt == nil {
			continue
		}
		if i := re.SubexpIndex("pkg"); i > 0 && mt[i] != httpName {
			continue
		}
		return mt[re.SubexpIndex("digits")], true
	}
	return "", false
}

// scannedItems turns the analysis's completion for a language other than
// Go into items: a number's item shows the number and inserts it or the
// file's constant; a constant's item shows and inserts the member name.
func scannedItems(c *analysis.Completion, replace protocol.Range) []protocol.CompletionItem {
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
		if it.Code.Retired != "" {
			item.Tags = []protocol.CompletionItemTag{protocol.CompletionItemTagDeprecated}
		}
		items = append(items, item)
	}
	return items
}

// constantItems offers every net/http constant after "http.Status".
func constantItems(set *codes.Set, replace protocol.Range) []protocol.CompletionItem {
	var items []protocol.CompletionItem
	for _, c := range set.All() {
		name, ok := c.Constant(codes.Go)
		if !ok {
			continue
		}
		label := strings.TrimPrefix(name, "http.")
		items = append(items, protocol.CompletionItem{
			Label: label, Kind: protocol.CompletionItemKindConstant, Detail: c.String(),
			SortText: rank(c.Number), FilterText: label,
			TextEdit: &protocol.TextEdit{Range: replace, NewText: label},
		})
	}
	return items
}

// codeItems offers the codes that start with the typed digits, inserting
// the constant where the file can name it and the number otherwise.
func codeItems(set *codes.Set, typed string, replace protocol.Range, httpName string, insertConstant bool) []protocol.CompletionItem {
	var items []protocol.CompletionItem
	for _, c := range set.All() {
		num := strconv.Itoa(c.Number)
		if !strings.HasPrefix(num, typed) {
			continue
		}
		insert := num
		if name, ok := c.Constant(codes.Go); ok && insertConstant {
			insert = strings.TrimPrefix(name, "http.")
			if httpName != "." {
				insert = httpName + "." + insert
			}
		}
		item := protocol.CompletionItem{
			Label: num, Kind: protocol.CompletionItemKindValue, Detail: c.String(),
			SortText: rank(c.Number), FilterText: num,
			TextEdit: &protocol.TextEdit{Range: replace, NewText: insert},
		}
		if c.Retired != "" {
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
	_, set, opts := s.snapshot()
	codeSet := opts.CodeSet()
	if c, ok := codeSet.Lookup(data.Code); ok {
		item.Documentation = protocol.MarkupContent{Kind: protocol.Markdown, Value: pageMarkdown(c, data.Lang, data.Ecosystem, set.Hover == "full")}
	}
	return item, nil
}

// goImportName returns the name a Go file gives an import path: its last
// element, an alias, "." for a dot import; "" when it is not imported.
func goImportName(src []byte, path string) string {
	f, err := parser.ParseFile(token.NewFileSet(), "", src, parser.ImportsOnly)
	if f == nil {
		return ""
	}
	_ = err // a syntax error later in the file does not hide the imports
	for _, imp := range f.Imports {
		if p, err := strconv.Unquote(imp.Path.Value); err == nil && p == path {
			if imp.Name != nil {
				return imp.Name.Name
			}
			return path[strings.LastIndex(path, "/")+1:]
		}
	}
	return ""
}
