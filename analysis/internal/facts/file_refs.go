package facts

import (
	"go.yaml.in/yaml/v3"
)

// fileRef is a response given by a $ref into another file: the index of the
// response's code occurrence, and the $ref value's bytes.
type FileRef struct {
	Occ, Start, End int
}

// mappingValue returns the value of key in a mapping node, or nil.
func MappingValue(n *yaml.Node, key string) *yaml.Node {
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
