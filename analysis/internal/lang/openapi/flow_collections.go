package openapi

import (
	"github.com/httpcodes/httpcodes/analysis/internal/lex"
)

// Flow collections, {…} and […]: a whole JSON file, or a YAML value written
// inline ('404': {description: Not Found}). They may span lines, so they are
// read by bytes, not by lines.

// oaFrame is one open flow collection.
type oaFrame struct {
	mapping bool
	// base is the stack depth when the collection opened: closing it drops
	// every level it pushed.
	base int
	// value is set in a mapping between a key's ':' and the end of its
	// value, with the key's level in key.
	value bool
	key   oaLevel
}

// openFlow opens a collection. owner is the level of the key whose value it
// is, or nil for a sequence item, a document or a key that is itself a
// collection.
func (r *extractor) openFlow(mapping bool, owner *oaLevel) {
	base := len(r.stack)
	kind := r.top()
	if owner != nil {
		lv := *owner
		lv.indent = -1
		r.stack = append(r.stack, lv)
		kind = lv.kind
	}
	if !mapping {
		r.stack = append(r.stack, oaLevel{indent: -1, kind: r.seqKind(kind)})
	}
	r.frames = append(r.frames, oaFrame{mapping: mapping, base: base})
}

func (r *extractor) closeFlow() {
	f := r.frames[len(r.frames)-1]
	r.frames = r.frames[:len(r.frames)-1]
	r.stack = r.stack[:f.base]
}

// readFlow reads the collection opening at i, as the value of owner (see
// openFlow), and returns the offset after it: the end of the source when it
// is not closed, with the collections still open.
func (r *extractor) readFlow(i int, owner *oaLevel) int {
	src := r.src
	outer := len(r.frames)
	r.openFlow(src[i] == '{', owner)
	i++
	for i < len(src) && len(r.frames) > outer {
		f := &r.frames[len(r.frames)-1]
		switch c := src[i]; c {
		case ' ', '\t', '\r', '\n':
			i++
		case '#':
			if lex.Space[src[i-1]] || src[i-1] == '\n' {
				i = lex.SkipLine(src, i)
			} else {
				i = r.flowScalar(i, r.plainEnd(i), false)
			}
		case '{', '[':
			var own *oaLevel
			switch {
			case f.mapping && f.value:
				lv := f.key
				own = &lv
			case f.mapping:
				// A collection as a key: nothing under it is a response.
				own = &oaLevel{kind: oaOpaque}
			}
			f.value = false
			r.openFlow(c == '{', own)
			i++
		case '}', ']':
			r.closeFlow()
			i++
		case ',':
			f.value = false
			i++
		case ':':
			if f.mapping && !f.value {
				f.value, f.key = true, oaLevel{kind: oaOther}
			}
			i++
		case '"':
			i = r.flowScalar(i, r.quotedEnd(i, true), true)
		case '\'':
			i = r.flowScalar(i, r.quotedEnd(i, true), true)
		default:
			i = r.flowScalar(i, r.plainEnd(i), false)
		}
	}
	return i
}

// flowScalar handles the scalar src[start:end] inside the innermost flow
// collection: a key when a ':' follows it in a mapping, a value otherwise.
// It returns where reading goes on.
func (r *extractor) flowScalar(start, end int, quoted bool) int {
	src := r.src
	if end <= start {
		return start + 1
	}
	f := &r.frames[len(r.frames)-1]
	if !f.mapping {
		return end
	}
	if f.value {
		if quoted && end-start >= 2 && src[end-1] == src[start] {
			r.describe(f.key, start, end, true)
		} else if !quoted {
			r.describe(f.key, start, end, false)
		}
		f.value = false
		return end
	}
	j := end
	for j < len(src) && (lex.Space[src[j]] || src[j] == '\n') {
		j++
	}
	if j == len(src) || src[j] != ':' {
		return end // a key without a value: {a, b}
	}
	ks, ke := start, end
	if quoted {
		if end-start < 2 || src[end-1] != src[start] {
			return end
		}
		ks, ke = start+1, end-1
	}
	lv := r.key(ks, ke)
	f = &r.frames[len(r.frames)-1]
	f.value, f.key = true, lv
	return j + 1
}

// quotedEnd returns the end of the quoted scalar opening at i: after its
// closing quote, or where the source (or, unless multiline, the line)
// ends. Double quotes escape with a backslash, single quotes by doubling.
func (r *extractor) quotedEnd(i int, multiline bool) int {
	src := r.src
	if src[i] == '"' {
		end := lex.SkipQuoted(src, i+1, `"`, true, multiline)
		if end > len(src) {
			end = len(src)
		}
		return end
	}
	for j := i + 1; j < len(src); j++ {
		switch src[j] {
		case '\'':
			if j+1 < len(src) && src[j+1] == '\'' {
				j++
				continue
			}
			return j + 1
		case '\n':
			if !multiline {
				return j
			}
		}
	}
	return len(src)
}

// plainEnd returns the end of the plain (unquoted) flow scalar starting at
// i, trailing blanks excluded: it stops at a flow indicator, a line end, a
// ": " and a " #".
func (r *extractor) plainEnd(i int) int {
	src := r.src
	j := i
scan:
	for ; j < len(src); j++ {
		switch src[j] {
		case ',', '[', ']', '{', '}', '\n':
			break scan
		case ':':
			if j+1 == len(src) {
				break scan
			}
			switch src[j+1] {
			case ' ', '\t', '\r', '\n', ',', '[', ']', '{', '}':
				break scan
			}
		case '#':
			if j > i && lex.Space[src[j-1]] {
				break scan
			}
		}
	}
	for j > i && lex.Space[src[j-1]] {
		j--
	}
	return j
}
