package openapi

import (
	"path"
	"path/filepath"
	"strings"

	"github.com/httpcodes/httpcodes/analysis/internal/facts"
	"github.com/httpcodes/httpcodes/analysis/internal/lex"
	"go.yaml.in/yaml/v3"
)

// resolveFileRefs gives each response $ref'd from another file —
// './responses/NotFound.yaml', 'common.yaml#/components/responses/Gone' —
// that response's description, as its message at the $ref, as resolveRefs
// does within a file: reason-mismatch then judges the code and the text
// where they meet. A file that cannot be read or parsed, or a pointer that
// leads nowhere, is left alone (its own analysis reports what it can).
func ResolveFileRefs(from string, f *facts.FileFacts, read func(string) ([]byte, error)) {
	docs := map[string]*yaml.Node{}
	for _, ref := range f.FileRefs {
		if ref.Occ < 0 || ref.Occ >= len(f.Occ) || f.Occ[ref.Occ].Message != "" {
			continue
		}
		target := lex.StringContent(f.Src[ref.Start:ref.End])
		file, pointer, _ := strings.Cut(target, "#")
		if file == "" || strings.Contains(file, "://") {
			continue // a URL: not read
		}
		p := filepath.Join(filepath.Dir(from), filepath.FromSlash(file))
		doc, seen := docs[p]
		if !seen {
			if src, err := read(p); err == nil {
				var n yaml.Node
				if yaml.Unmarshal(src, &n) == nil && len(n.Content) > 0 {
					doc = n.Content[0]
				}
			}
			docs[p] = doc
		}
		desc, ok := describedAt(doc, pointer)
		if !ok {
			continue
		}
		o := &f.Occ[ref.Occ]
		o.Message, o.MessageStart, o.MessageEnd = desc, ref.Start, ref.End
		o.Context = "responses ($ref " + path.Base(filepath.ToSlash(file)) + pointerSuffix(pointer) + ")"
	}
}

// describedAt follows a JSON pointer ("/components/responses/Gone", or ""
// for the whole file) in a parsed document and returns the description of
// the response it names.
func describedAt(n *yaml.Node, pointer string) (string, bool) {
	n = facts.NodeAt(n, pointer)
	if d := facts.MappingValue(n, "description"); d != nil && d.Kind == yaml.ScalarNode && d.Value != "" {
		return d.Value, true
	}
	return "", false
}

func pointerSuffix(pointer string) string {
	if pointer == "" {
		return ""
	}
	return "#" + pointer
}
