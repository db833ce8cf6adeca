package openapi

import (
	"bytes"

	"github.com/httpcodes/httpcodes/analysis/internal/lex"
)

// YAML's block style, read line by line: a key's column says which open key
// it belongs to, "- " opens a sequence item, and the lines of block scalars
// (| and >) and of quoted scalars that run over lines are skipped whole, so
// text in them is never taken for a key. "---" and "..." end a document.

// read reads the whole source; the caller ends the last document.
func (r *extractor) read() {
	src := r.src
	i := 0
	if bytes.HasPrefix(src, []byte("\xef\xbb\xbf")) {
		i = 3
	}
	for i < len(src) {
		eol, next := lineEnd(src, i)
		col := i
		for col < eol && (src[col] == ' ' || src[col] == '\t') {
			col++
		}
		if col == eol || src[col] == '#' {
			i = next
			continue
		}
		if r.pendingDesc >= 0 {
			if col-i > r.pendingIndent {
				r.dropDescription(r.pendingDesc)
			}
			r.pendingDesc = -1
		}
		if r.pendingNamed >= 0 {
			if col-i > r.pendingIndent && r.pendingNamed < len(r.named) {
				r.named[r.pendingNamed].msg = "" // longer than read
			}
			r.pendingNamed = -1
		}
		if col == i && eol-i >= 3 && (lex.HasAt(src, i, "---") || lex.HasAt(src, i, "...")) && (eol-i == 3 || lex.Space[src[i+3]]) {
			r.endDocument()
			for col = i + 3; col < eol && lex.Space[src[col]]; col++ {
			}
			if col == eol || src[col] == '#' || src[i] == '.' {
				i = next
				continue
			}
		} else if col == i && src[i] == '%' {
			i = next // a directive
			continue
		}
		i = r.line(i, col, eol, next)
	}
}

// lineEnd returns the end of the line starting at i without its line break
// (a CR before the LF included), and the start of the next line.
func lineEnd(src []byte, i int) (eol, next int) {
	j := bytes.IndexByte(src[i:], '\n')
	if j < 0 {
		return len(src), len(src)
	}
	eol, next = i+j, i+j+1
	if eol > i && src[eol-1] == '\r' {
		eol--
	}
	return eol, next
}

// lineAfter returns the start of the line after the one offset end-1 is on:
// where a multi-line construct ending at end leaves the line-based reader.
func lineAfter(src []byte, end int) int {
	if end <= 0 {
		return 0
	}
	if end >= len(src) {
		return len(src)
	}
	if src[end-1] == '\n' {
		return end
	}
	_, next := lineEnd(src, end)
	return next
}

// line reads the content of one line, from column col (the first
// non-blank byte) to eol, and returns where reading goes on.
func (r *extractor) line(start, col, eol, next int) int {
	src := r.src
	// Sequence dashes: each opens an item whose content is further right.
	for col < eol && src[col] == '-' && (col+1 == eol || src[col+1] == ' ' || src[col+1] == '\t') {
		ind := col - start
		// A sequence may sit at its key's own column; only earlier items
		// and deeper levels end here.
		for n := len(r.stack); n > 0 && (r.stack[n-1].indent > ind || r.stack[n-1].indent == ind && r.stack[n-1].kind == oaSeq); n-- {
			r.stack = r.stack[:n-1]
		}
		r.stack = append(r.stack, oaLevel{indent: ind, kind: r.seqKind(r.top())})
		for col++; col < eol && (src[col] == ' ' || src[col] == '\t'); col++ {
		}
	}
	if col == eol || src[col] == '#' {
		return next
	}
	ind := col - start
	switch src[col] {
	case '{', '[':
		r.pop(ind)
		return lineAfter(src, r.readFlow(col, nil))
	case '|', '>':
		// A block scalar as a sequence item: its lines are further right
		// than the dash.
		owner := -1
		if len(r.stack) > 0 {
			owner = r.stack[len(r.stack)-1].indent
		}
		return r.skipBlockScalar(next, owner)
	case '?', '&', '!', '*', '@', '`':
		// Complex keys, anchored or tagged keys, aliases: none is a code.
		return next
	}
	ks, ke, after, ok := r.blockKey(col, eol)
	if !ok {
		if src[col] == '"' || src[col] == '\'' {
			return r.skipQuotedLines(col)
		}
		return next // a plain scalar, or the next line of one
	}
	r.pop(ind)
	lv := r.key(ks, ke)
	lv.indent = ind
	v := after
	for v < eol && (src[v] == ' ' || src[v] == '\t') {
		v++
	}
	// Anchors and tags before the value change nothing here.
	for v < eol && (src[v] == '&' || src[v] == '!') {
		for v < eol && src[v] != ' ' && src[v] != '\t' {
			v++
		}
		for v < eol && (src[v] == ' ' || src[v] == '\t') {
			v++
		}
	}
	if v == eol || src[v] == '#' {
		r.stack = append(r.stack, lv) // the value is the block below
		return next
	}
	switch src[v] {
	case '|', '>':
		return r.skipBlockScalar(next, ind)
	case '{', '[':
		return lineAfter(src, r.readFlow(v, &lv))
	case '"', '\'':
		end := r.quotedEnd(v, true)
		if end <= eol && end-v >= 2 && src[end-1] == src[v] {
			r.describe(lv, v, end, true)
		}
		if end > eol {
			return r.skipQuotedLines(v)
		}
		return next
	case '*':
		return next
	}
	end := v
	for end < eol && !(src[end] == '#' && lex.Space[src[end-1]]) {
		end++
	}
	for end > v && lex.Space[src[end-1]] {
		end--
	}
	switch lv.kind {
	case oaDescription:
		r.describe(lv, v, end, false)
		r.pendingDesc, r.pendingIndent = lv.occ, ind
	case oaNamedDescription:
		r.describe(lv, v, end, false)
		r.pendingNamed, r.pendingIndent = lv.occ, ind
	case oaRef:
		r.describe(lv, v, end, false)
	}
	return next
}

// pop closes the block levels at column ind or further right: a key at ind
// is their sibling or an ancestor's.
func (r *extractor) pop(ind int) {
	n := len(r.stack)
	for n > 0 && r.stack[n-1].indent >= ind {
		n--
	}
	r.stack = r.stack[:n]
}

// blockKey reads the key at col: a quoted key, or a plain one ending at
// ": " or at a ':' that ends the line. It returns the key's text without
// quotes and the offset after its ':'.
func (r *extractor) blockKey(col, eol int) (ks, ke, after int, ok bool) {
	src := r.src
	j := col
	if src[col] == '"' || src[col] == '\'' {
		end := r.quotedEnd(col, false)
		if end > eol || end-col < 2 || src[end-1] != src[col] {
			return 0, 0, 0, false
		}
		ks, ke = col+1, end-1
		for j = end; j < eol && (src[j] == ' ' || src[j] == '\t'); j++ {
		}
		if j == eol || src[j] != ':' || j+1 < eol && src[j+1] != ' ' && src[j+1] != '\t' {
			return 0, 0, 0, false
		}
		return ks, ke, j + 1, true
	}
	for ; j < eol; j++ {
		switch src[j] {
		case ':':
			if j+1 == eol || src[j+1] == ' ' || src[j+1] == '\t' {
				ke = j
				for ke > col && lex.Space[src[ke-1]] {
					ke--
				}
				return col, ke, j + 1, true
			}
		case '#':
			if lex.Space[src[j-1]] {
				return 0, 0, 0, false
			}
		}
	}
	return 0, 0, 0, false
}

// skipBlockScalar skips the lines of a block scalar whose owner (its key,
// or its sequence dash) is at column owner: blank lines and lines further
// right. A document marker ends it in any case. It returns the first line
// after it.
func (r *extractor) skipBlockScalar(i, owner int) int {
	src := r.src
	for i < len(src) {
		eol, next := lineEnd(src, i)
		col := i
		for col < eol && src[col] == ' ' {
			col++
		}
		if col != eol && (col-i <= owner || col == i && (lex.HasAt(src, i, "---") || lex.HasAt(src, i, "..."))) {
			return i
		}
		i = next
	}
	r.openScalar = owner
	return i
}

// skipQuotedLines skips a quoted scalar opening at i that may run over
// lines, and returns the line after its end.
func (r *extractor) skipQuotedLines(i int) int {
	end := r.quotedEnd(i, true)
	if end >= len(r.src) && (end-i < 2 || r.src[end-1] != r.src[i]) {
		r.openQuote = true
	}
	return lineAfter(r.src, end)
}
