package facts

import (
	"bytes"
	"net/url"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// Description is the operations of one OpenAPI 3.x or Swagger 2.0 file, as
// undocumented-status holds the handlers to them.
type Description struct {
	// Path is the file the description was read from.
	Path string
	// Name is how messages name the file: relative to the project's root,
	// as check prints paths. The caller sets it; Path otherwise.
	Name string
	// Prefixes are the paths of servers[].url (OpenAPI 3) or basePath
	// (Swagger 2) other than "/": a prefix the code's routes may carry or
	// leave to a context path set outside them.
	Prefixes []string
	// Operations are the description's operations, in the file's order.
	Operations []*Operation
	// Others are the directories of the project's other services, set by
	// the caller (those of a repository of several services, overleaf's
	// services/*, but not the one the description belongs to): their
	// routes are never joined to the description.
	Others []string
}

// Operation is one method on one path of a description.
type Operation struct {
	// Method is the method in upper case.
	Method string
	// Path is the path template as the description writes it.
	Path string
	// Responses are the keys of the operation's responses, as written:
	// codes ("404"), ranges ("4XX") and "default".
	Responses []string
	// Description is the description the operation belongs to.
	Description *Description

	// file and src hold the responses mapping (a path item may be
	// $ref'd from another file), so a fix can add to it.
	file      string
	src       []byte
	responses *yaml.Node
}

// Documents reports whether the operation's responses cover a code: the
// code itself, its range key (4XX) or default.
func (op *Operation) Documents(code int) bool {
	if code < 100 || code > 999 {
		return true
	}
	n := strconvItoa(code)
	for _, k := range op.Responses {
		switch {
		case k == n, strings.EqualFold(k, "default"):
			return true
		case len(k) == 3 && k[0] == n[0] && strings.EqualFold(k[1:], "xx"):
			return true
		}
	}
	return false
}

// File is the file that holds the operation's responses: the
// description's, or the file a path item is $ref'd into.
func (op *Operation) File() string { return op.file }

// Name is how a message names the operation: "POST /orders/{id}/cancel".
func (op *Operation) Name() string { return op.Method + " " + op.Path }

func strconvItoa(n int) string {
	var b [20]byte
	i := len(b)
	for n >= 10 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	i--
	b[i] = byte('0' + n)
	return string(b[i:])
}

// oaOperationMethods are the keys of a path item that are operations.
var oaOperationMethods = []string{"get", "put", "post", "delete", "options", "head", "patch", "trace"}

// ReadDescription reads the operations of an OpenAPI 3.x or Swagger 2.0
// file, YAML or JSON; it returns nil for any other file. Path items
// $ref'd into other files are read with read (nil leaves them out), as an
// analysis reads a response $ref'd from another file.
func ReadDescription(path string, src []byte, read func(string) ([]byte, error)) *Description {
	if !OpenAPIMayHave(src) {
		return nil
	}
	var doc yaml.Node
	if yaml.Unmarshal(src, &doc) != nil || len(doc.Content) == 0 {
		return nil
	}
	root := doc.Content[0]
	if MappingValue(root, "openapi") == nil && MappingValue(root, "swagger") == nil {
		return nil
	}
	paths := MappingValue(root, "paths")
	if paths == nil || paths.Kind != yaml.MappingNode {
		return nil
	}
	d := &Description{Path: path, Name: path}
	d.Prefixes = descriptionPrefixes(root)
	docs := map[string]*yaml.Node{}
	srcs := map[string][]byte{path: src}
	for i := 0; i+1 < len(paths.Content); i += 2 {
		tmpl, item := paths.Content[i].Value, paths.Content[i+1]
		file, fileSrc := path, src
		// A path item given by $ref: within the file, or into another
		// one ('paths/orders.yaml', 'common.yaml#/paths/~1orders').
		if ref := MappingValue(item, "$ref"); ref != nil && ref.Kind == yaml.ScalarNode {
			target, pointer, _ := strings.Cut(ref.Value, "#")
			if strings.Contains(target, "://") {
				continue
			}
			holder := root
			if target != "" {
				if read == nil {
					continue
				}
				file = filepath.Join(filepath.Dir(path), filepath.FromSlash(target))
				n, seen := docs[file]
				if !seen {
					if b, err := read(file); err == nil {
						var other yaml.Node
						if yaml.Unmarshal(b, &other) == nil && len(other.Content) > 0 {
							n, srcs[file] = other.Content[0], b
						}
					}
					docs[file] = n
				}
				holder = n
			}
			fileSrc = srcs[file]
			item = NodeAt(holder, pointer)
		}
		if item == nil || item.Kind != yaml.MappingNode {
			continue
		}
		for _, m := range oaOperationMethods {
			op := MappingValue(item, m)
			if op == nil || op.Kind != yaml.MappingNode {
				continue
			}
			o := &Operation{Method: strings.ToUpper(m), Path: tmpl, Description: d, file: file, src: fileSrc}
			if rs := MappingValue(op, "responses"); rs != nil && rs.Kind == yaml.MappingNode {
				o.responses = rs
				for j := 0; j+1 < len(rs.Content); j += 2 {
					o.Responses = append(o.Responses, rs.Content[j].Value)
				}
			}
			d.Operations = append(d.Operations, o)
		}
	}
	return d
}

// descriptionPrefixes reads the path prefixes of servers[].url, with its
// variables at their defaults, or of basePath.
func descriptionPrefixes(root *yaml.Node) []string {
	var out []string
	add := func(p string) {
		p = strings.TrimRight(p, "/")
		if p != "" && strings.HasPrefix(p, "/") && !containsString(out, p) {
			out = append(out, p)
		}
	}
	if bp := MappingValue(root, "basePath"); bp != nil && bp.Kind == yaml.ScalarNode {
		add(bp.Value)
	}
	servers := MappingValue(root, "servers")
	if servers == nil || servers.Kind != yaml.SequenceNode {
		return out
	}
	for _, s := range servers.Content {
		u := MappingValue(s, "url")
		if u == nil || u.Kind != yaml.ScalarNode {
			continue
		}
		raw := u.Value
		if vars := MappingValue(s, "variables"); vars != nil && vars.Kind == yaml.MappingNode {
			for i := 0; i+1 < len(vars.Content); i += 2 {
				if def := MappingValue(vars.Content[i+1], "default"); def != nil {
					raw = strings.ReplaceAll(raw, "{"+vars.Content[i].Value+"}", def.Value)
				}
			}
		}
		if strings.Contains(raw, "://") {
			pu, err := url.Parse(raw)
			if err != nil {
				continue
			}
			raw = pu.Path
		}
		add(raw)
	}
	return out
}

func containsString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// nodeAt follows a JSON pointer ("/paths/~1orders", or "" for the whole
// document) from a node; nil when it leads nowhere.
func NodeAt(n *yaml.Node, pointer string) *yaml.Node {
	for _, part := range strings.Split(strings.Trim(pointer, "/"), "/") {
		if n == nil {
			return nil
		}
		if part == "" {
			continue
		}
		part = strings.NewReplacer("~1", "/", "~0", "~").Replace(part)
		n = MappingValue(n, part)
	}
	return n
}

// AddResponse returns the edit that documents code, with title as its
// description, in the operation's responses, in the file's own style:
// YAML keys quoted and indented as their siblings, a flow mapping where
// they have one, JSON's indentation. ok is false when the operation has no
// responses mapping to add to.
func (op *Operation) AddResponse(code int, title string) (file string, e Edit, ok bool) {
	rs := op.responses
	if rs == nil || len(rs.Content) < 2 {
		return "", Edit{}, false
	}
	src := op.src
	starts := lineStarts(src)
	nl := "\n"
	if bytes.Contains(src, []byte("\r\n")) {
		nl = "\r\n"
	}
	json := len(bytes.TrimLeft(src, " \t\r\n\ufeff")) > 0 && bytes.TrimLeft(src, " \t\r\n\ufeff")[0] == '{'
	// The sibling to imitate: the last code key, else the last key.
	lastKey := rs.Content[len(rs.Content)-2]
	model, modelValue := lastKey, rs.Content[len(rs.Content)-1]
	for j := len(rs.Content) - 2; j >= 0; j -= 2 {
		if _, isCode := ResponseCode([]byte(rs.Content[j].Value)); isCode {
			model, modelValue = rs.Content[j], rs.Content[j+1]
			break
		}
	}
	key := strconvItoa(code)
	if json {
		key = `"` + key + `"`
	} else {
		switch model.Style {
		case yaml.DoubleQuotedStyle:
			key = `"` + key + `"`
		case yaml.SingleQuotedStyle:
			key = "'" + key + "'"
		default:
			// A bare 200: the file writes its codes as YAML integers.
			if _, isCode := ResponseCode([]byte(model.Value)); !isCode {
				key = "'" + key + "'"
			}
		}
	}
	// JSON's objects are all flow mappings to YAML: one is written inline
	// when its first key is on its own line.
	inline := modelValue.Kind == yaml.MappingNode && !json && modelValue.Style&yaml.FlowStyle != 0 ||
		json && modelValue.Kind == yaml.MappingNode && len(modelValue.Content) > 0 && modelValue.Content[0].Line == modelValue.Line
	open, close := "{", "}"
	if inline {
		if at := oaOffset(src, lineStarts(src), modelValue.Line, modelValue.Column); at+1 < len(src) && src[at] == '{' && src[at+1] == ' ' {
			open, close = "{ ", " }"
		}
	}
	desc := yamlScalar(title)
	if d := MappingValue(modelValue, "description"); d != nil && !json {
		switch d.Style {
		case yaml.DoubleQuotedStyle:
			desc = jsonString(title)
		case yaml.SingleQuotedStyle:
			desc = "'" + strings.ReplaceAll(title, "'", "''") + "'"
		}
	}
	if json {
		desc = jsonString(title)
	}
	descKey := "description"
	if json {
		descKey = `"description"`
	}
	keyCol := oaOffset(src, starts, model.Line, model.Column) - starts[model.Line-1]
	indent := string(leadingSpace(src[starts[model.Line-1]:]))
	if len(indent) > keyCol {
		indent = indent[:keyCol]
	}
	childIndent := indent + "  "
	if modelValue.Kind == yaml.MappingNode && len(modelValue.Content) > 0 && modelValue.Content[0].Line != model.Line {
		c := modelValue.Content[0]
		childIndent = string(leadingSpace(src[starts[c.Line-1]:]))
	}
	var entry string
	switch {
	case inline:
		entry = key + ": " + open + descKey + ": " + desc + close
	case json:
		entry = key + ": {" + nl + childIndent + descKey + ": " + desc + nl + indent + "}"
	default:
		entry = key + ":" + nl + childIndent + descKey + ": " + desc
	}
	at := oaOffset(src, starts, rs.Line, rs.Column)
	if json || rs.Style&yaml.FlowStyle != 0 {
		// Insert before the mapping's closing brace, after its last
		// entry.
		end := matchingBrace(src, at)
		if end < 0 {
			return "", Edit{}, false
		}
		last := end
		for last > at && strings.ContainsRune(" \t\r\n", rune(src[last-1])) {
			last--
		}
		text := ", " + entry
		if src[last-1] == ',' {
			text = " " + entry
		}
		if !inline || json && bytes.Contains(src[at:end], []byte("\n")) {
			text = "," + nl + indent + entry
		}
		return op.file, Edit{Start: last, End: last, NewText: text}, true
	}
	// A block mapping: after the last line of its last entry.
	at = oaOffset(src, starts, lastKey.Line, lastKey.Column)
	lastKeyIndent := at - starts[lastKey.Line-1]
	endOfEntry := lineEndAt(src, at)
	for ln := lastKey.Line; ln < len(starts); ln++ {
		line := src[starts[ln]:lineEndAt(src, starts[ln])]
		trimmed := bytes.TrimLeft(line, " \t")
		if len(bytes.TrimSpace(trimmed)) == 0 {
			continue
		}
		if len(line)-len(trimmed) <= lastKeyIndent {
			break
		}
		endOfEntry = lineEndAt(src, starts[ln])
	}
	return op.file, Edit{Start: endOfEntry, End: endOfEntry, NewText: nl + indent + entry}, true
}

// oaOffset is the byte offset of a yaml node's 1-based line and column
// (the column counts characters).
func oaOffset(src []byte, starts []int, line, col int) int {
	if line < 1 || line > len(starts) {
		return len(src)
	}
	off := starts[line-1]
	for c := 1; c < col && off < len(src) && src[off] != '\n'; c++ {
		_, size := utf8.DecodeRune(src[off:])
		off += size
	}
	return off
}

// lineStarts returns the offsets at which the lines of src start, as the
// YAML parser numbers them (yaml.v3 reports Node.Line by "\n").
func lineStarts(src []byte) []int {
	starts := []int{0}
	for i, b := range src {
		if b == '\n' {
			starts = append(starts, i+1)
		}
	}
	return starts
}

// lineEndAt is the offset of the end of the line holding off, before its
// \r\n or \n.
func lineEndAt(src []byte, off int) int {
	i := bytes.IndexByte(src[off:], '\n')
	if i < 0 {
		return len(src)
	}
	end := off + i
	if end > off && src[end-1] == '\r' {
		end--
	}
	return end
}

func leadingSpace(line []byte) []byte {
	return line[:len(line)-len(bytes.TrimLeft(line, " \t"))]
}

// matchingBrace returns the offset of the } that closes the { at open,
// skipping quoted strings; -1 when there is none.
func matchingBrace(src []byte, open int) int {
	depth := 0
	for i := open; i < len(src); i++ {
		switch src[i] {
		case '"', '\'':
			q := src[i]
			for i++; i < len(src) && src[i] != q; i++ {
				if src[i] == '\\' && q == '"' {
					i++
				}
			}
		case '{', '[':
			depth++
		case '}', ']':
			depth--
			if depth == 0 {
				return i
			}
		}
	}
	return -1
}

// yamlScalar writes a description plain when YAML reads it back as the
// same string, quoted otherwise.
func yamlScalar(s string) string {
	var n yaml.Node
	if s != "" && !strings.ContainsAny(s, ":#{}[],&*!|>'\"%@`") && yaml.Unmarshal([]byte(s), &n) == nil &&
		len(n.Content) == 1 && n.Content[0].Tag == "!!str" && n.Content[0].Value == s {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", "''") + "'"
}

func jsonString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"', '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}
