package analysis

import (
	"path"
	"path/filepath"
	"strings"

	"go.yaml.in/yaml/v3"
)

// fileRef is a response given by a $ref into another file: the index of the
// response's code occurrence, and the $ref value's bytes.
type fileRef struct {
	occ, start, end int
}

// resolveFileRefs gives each response $ref'd from another file —
// './responses/NotFound.yaml', 'common.yaml#/components/responses/Gone' —
// that response's description, as its message at the $ref, as resolveRefs
// does within a file: reason-mismatch then judges the code and the text
// where they meet. A file that cannot be read or parsed, or a pointer that
// leads nowhere, is left alone (its own analysis reports what it can).
func resolveFileRefs(from string, f *fileFacts, read func(string) ([]byte, error)) {
	docs := map[string]*yaml.Node{}
	for _, ref := range f.fileRefs {
		if ref.occ < 0 || ref.occ >= len(f.occ) || f.occ[ref.occ].Message != "" {
			continue
		}
		target := stringContent(f.src[ref.start:ref.end])
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
		o := &f.occ[ref.occ]
		o.Message, o.MessageStart, o.MessageEnd = desc, ref.start, ref.end
		o.Context = "responses ($ref " + path.Base(filepath.ToSlash(file)) + pointerSuffix(pointer) + ")"
	}
}

// describedAt follows a JSON pointer ("/components/responses/Gone", or ""
// for the whole file) in a parsed document and returns the description of
// the response it names.
func describedAt(n *yaml.Node, pointer string) (string, bool) {
	n = nodeAt(n, pointer)
	if d := mappingValue(n, "description"); d != nil && d.Kind == yaml.ScalarNode && d.Value != "" {
		return d.Value, true
	}
	return "", false
}

// mappingValue returns the value of key in a mapping node, or nil.
func mappingValue(n *yaml.Node, key string) *yaml.Node {
	if n == nil || n.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return n.Content[i+1]
		}
	}
	return nil
}

func pointerSuffix(pointer string) string {
	if pointer == "" {
		return ""
	}
	return "#" + pointer
}
