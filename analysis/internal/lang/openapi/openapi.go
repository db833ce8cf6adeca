package openapi

import (
	"strings"

	"github.com/httpcodes/httpcodes/analysis/internal/facts"
	"github.com/httpcodes/httpcodes/analysis/internal/lex"
)

// OpenAPI and Swagger descriptions hold status codes as the keys of an
// operation's responses:
//
//	paths:
//	  /pets/{id}:
//	    get:
//	      responses:
//	        '404':
//	          description: Not Found
//
// Each such key is a status the operation sends. The reader does not build
// a document tree: it follows the nesting of mapping keys with a small stack
// and knows, for each key, only whether it is an HTTP method, a responses
// map, a response code or that response's description. JSON is YAML's flow
// style, so one reader serves both (yaml.go for block style,
// flow_collections.go for {…} and […]).
//
// Only numeric keys are occurrences. Range keys (4XX) stand for a class
// and "default" for every code not listed, so neither is one code a rule
// could judge; x- extensions and any other key are left alone.

func init() {
	facts.Register(&facts.Language{
		Name: "openapi", Exts: []string{".yaml", ".yml", ".json"},
		Analyze: analyzeOpenAPI, MayHave: facts.OpenAPIMayHave, Complete: completeOpenAPI,
		// Editors know YAML and JSON, not OpenAPI: the server is asked
		// about every YAML and JSON file, and finds nothing in those that
		// are not API descriptions.
		Editors: facts.EditorNames{Lsp: []string{"yaml", "json"}, Vim: []string{"yaml", "json"}, Helix: []string{"yaml", "json"}},
		Phrases: facts.Phrases{Invalid: "an OpenAPI response key must be a status code, a range such as 4XX, or default"},
	})
}

func analyzeOpenAPI(_ string, src []byte, _ *facts.Result) *facts.FileFacts {
	r := newOpenAPIReader(src)
	r.read()
	r.endDocument()
	if len(r.occ) == 0 {
		return nil
	}
	f := &facts.FileFacts{Src: src, Occ: r.occ}
	for _, ref := range r.fileRefs {
		f.FileRefs = append(f.FileRefs, facts.FileRef{Occ: ref.occ, Start: ref.start, End: ref.end})
	}
	return f
}

// oaKind is what a mapping key, and so the value under it, means here.
type oaKind uint8

const (
	oaOther oaKind = iota
	// oaOpaque is example data or an extension: nothing below it is read,
	// so an example that quotes a description is not one.
	oaOpaque
	oaMethod
	// oaMoreOperations is a path item's additionalOperations: its keys are
	// methods.
	oaMoreOperations
	oaResponses
	oaCode
	oaDescription
	// oaSeq is a sequence: its items' keys have the sequence as parent.
	oaSeq
	// oaRef is a response's $ref; its occ is the response's code.
	oaRef
	// oaComponents is the top-level components; oaNamedResponses its
	// responses (or Swagger 2's top-level responses), whose keys are
	// oaNamedResponse, whose description is oaNamedDescription. Their occ
	// is the index of the name in the reader's named.
	oaComponents
	oaNamedResponses
	oaNamedResponse
	oaNamedDescription
)

// oaLevel is one open mapping key (or sequence) on the reader's stack.
type oaLevel struct {
	// indent is the column of a block key or sequence dash; -1 inside flow
	// collections, whose levels are dropped when the collection closes.
	indent int
	kind   oaKind
	// occ is the code's occurrence (for oaCode), or the occurrence a
	// description belongs to (for oaDescription).
	occ int
}

// openAPIReader reads one file. Its state after reading a prefix of a file
// is also what completion asks about.
type extractor struct {
	src    []byte
	stack  []oaLevel
	frames []oaFrame
	occ    []facts.Occurrence
	// docStart is the first occurrence of the current YAML document and
	// docAPI whether that document has a top-level openapi or swagger key:
	// a document without one keeps none of its occurrences.
	docStart int
	docAPI   bool
	// pendingDesc is the occurrence whose description was a plain scalar on
	// the previous line, and pendingIndent that key's column: a more
	// indented line continues the scalar, so the description is longer
	// than what was read and is dropped.
	pendingDesc, pendingIndent int
	// openScalar is the owner column of a block scalar, and openQuote set
	// for a quoted scalar, that the source ended inside; -2 and false when
	// it did not.
	openScalar int
	openQuote  bool
	// docSplit is set on a document that is an operation or a path item
	// split out of the root document and referenced from its paths
	// (DigitalOcean's one file per operation): a top-level operationId or
	// HTTP method. Its codes are kept as a description's are.
	docSplit bool
	// refs are the responses given by a $ref, and named the descriptions
	// of the document's named responses (components/responses) they may
	// point to; pendingNamed is a named description read as a plain
	// scalar on the previous line (see pendingDesc).
	refs         []oaRefAt
	named        []oaNamed
	pendingNamed int
	// fileRefs are the $refs into other files, for Analyze to resolve
	// when the front end lets it read them (Options.ReadFile).
	fileRefs []oaRefAt
}

// oaRefAt is a response's $ref: the code's occurrence and the value.
type oaRefAt struct {
	occ, start, end int
}

// oaNamed is a named response's description.
type oaNamed struct {
	name, msg  string
	start, end int
}

func newOpenAPIReader(src []byte) *extractor {
	return &extractor{src: src, pendingDesc: -1, pendingNamed: -1, openScalar: -2}
}

// endDocument closes a YAML document: its occurrences stay only when it is
// an API description.
func (r *extractor) endDocument() {
	r.resolveRefs()
	if !r.docAPI && !r.docSplit {
		r.occ = r.occ[:r.docStart]
	}
	r.docStart, r.docAPI, r.docSplit = len(r.occ), false, false
	r.stack, r.frames = r.stack[:0], r.frames[:0]
	r.pendingDesc, r.pendingNamed = -1, -1
	r.refs, r.named = r.refs[:0], r.named[:0]
}

// resolveRefs gives each response whose $ref points into the document's
// own named responses ('#/components/responses/NotFound', Swagger 2's
// '#/responses/NotFound') that response's description, as its message
// at the $ref: reason-mismatch then judges the pair where they meet. A
// $ref into another file is kept for Analyze (refs.go).
func (r *extractor) resolveRefs() {
	if len(r.refs) == 0 {
		return
	}
	byName := make(map[string]oaNamed, len(r.named))
	for _, n := range r.named {
		if n.msg != "" {
			byName[n.name] = n
		}
	}
	for _, ref := range r.refs {
		if ref.occ < r.docStart || ref.occ >= len(r.occ) {
			continue
		}
		target := lex.StringContent(r.src[ref.start:ref.end])
		if !strings.HasPrefix(target, "#") {
			r.fileRefs = append(r.fileRefs, ref)
			continue
		}
		name, ok := strings.CutPrefix(target, "#/components/responses/")
		if !ok {
			name, ok = strings.CutPrefix(target, "#/responses/")
		}
		n, found := byName[name]
		if o := &r.occ[ref.occ]; ok && found && o.Message == "" {
			o.Message, o.MessageStart, o.MessageEnd = n.msg, ref.start, ref.end
			o.Context = "responses ($ref " + name + ")"
		}
	}
}

// key classifies the mapping key src[start:end] (without quotes) under the
// current stack, records an occurrence when it is a response code, and
// returns the level it opens.
func (r *extractor) key(start, end int) oaLevel {
	k := r.src[start:end]
	n := len(r.stack)
	if n == 0 && (string(k) == "openapi" || string(k) == "swagger") {
		r.docAPI = true
	}
	if n == 0 && (string(k) == "operationId" || facts.OaMethods[string(k)]) {
		r.docSplit = true
	}
	parent := oaLevel{kind: oaOther}
	if n > 0 {
		parent = r.stack[n-1]
	}
	switch {
	case parent.kind == oaOpaque:
		return oaLevel{kind: oaOpaque}
	case parent.kind == oaResponses && n == 1 && r.docAPI:
		// Swagger 2's named responses, at the root document's top level.
		return r.namedResponse(k)
	case parent.kind == oaResponses && (n > 1 && r.stack[n-2].kind == oaMethod || n == 1):
		// An operation's responses, or those at the top level of an
		// operation file split out of the root (kept when the document
		// turns out to be one).
		if code, ok := facts.ResponseCode(k); ok {
			r.occ = facts.AppendDoubling(r.occ, facts.Occurrence{
				Start: start, End: end, Code: code, Written: facts.Number, Role: facts.Send,
				Context: "responses", Framework: "openapi",
			})
			return oaLevel{kind: oaCode, occ: len(r.occ) - 1}
		}
		return oaLevel{kind: oaOther}
	case parent.kind == oaCode && string(k) == "description":
		return oaLevel{kind: oaDescription, occ: parent.occ}
	case parent.kind == oaCode && string(k) == "$ref":
		return oaLevel{kind: oaRef, occ: parent.occ}
	case parent.kind == oaComponents && string(k) == "responses":
		return oaLevel{kind: oaNamedResponses}
	case parent.kind == oaNamedResponses:
		return r.namedResponse(k)
	case parent.kind == oaNamedResponse && string(k) == "description":
		return oaLevel{kind: oaNamedDescription, occ: parent.occ}
	case n == 0 && string(k) == "components":
		return oaLevel{kind: oaComponents}
	case parent.kind == oaMoreOperations:
		// OpenAPI 3.2 keys the operations of other methods by the
		// method's own name (COPY, PURGE).
		return oaLevel{kind: oaMethod}
	}
	if facts.OaMethods[string(k)] {
		return oaLevel{kind: oaMethod}
	}
	switch string(k) {
	case "responses":
		return oaLevel{kind: oaResponses}
	case "additionalOperations":
		return oaLevel{kind: oaMoreOperations}
	case "example", "examples":
		return oaLevel{kind: oaOpaque}
	}
	if len(k) > 2 && k[0] == 'x' && k[1] == '-' {
		return oaLevel{kind: oaOpaque}
	}
	return oaLevel{kind: oaOther}
}

// namedResponse opens the named response k.
func (r *extractor) namedResponse(k []byte) oaLevel {
	r.named = append(r.named, oaNamed{name: string(k)})
	return oaLevel{kind: oaNamedResponse, occ: len(r.named) - 1}
}

// describe records a description scalar src[start:end] (quotes included
// when quoted) as the message of its response, which reason-mismatch
// compares with the code.
func (r *extractor) describe(lv oaLevel, start, end int, quoted bool) {
	switch {
	case end <= start:
		return
	case lv.kind == oaRef && lv.occ >= r.docStart && lv.occ < len(r.occ):
		r.refs = append(r.refs, oaRefAt{occ: lv.occ, start: start, end: end})
		return
	case lv.kind == oaNamedDescription && lv.occ < len(r.named):
		n := &r.named[lv.occ]
		n.msg, n.start, n.end = string(r.src[start:end]), start, end
		if quoted {
			n.msg = lex.StringContent(r.src[start:end])
		}
		return
	}
	if lv.kind != oaDescription || lv.occ < r.docStart || lv.occ >= len(r.occ) {
		return
	}
	o := &r.occ[lv.occ]
	if quoted {
		o.Message = lex.StringContent(r.src[start:end])
	} else {
		o.Message = string(r.src[start:end])
	}
	o.MessageStart, o.MessageEnd = start, end
}

// dropDescription forgets a description that turned out to be longer than
// the text read.
func (r *extractor) dropDescription(occ int) {
	if occ >= r.docStart && occ < len(r.occ) {
		o := &r.occ[occ]
		o.Message, o.MessageStart, o.MessageEnd = "", 0, 0
	}
}

// seqKind is the kind of a sequence opened under the current stack: the
// items of example data are example data too.
func (r *extractor) seqKind(owner oaKind) oaKind {
	if owner == oaOpaque {
		return oaOpaque
	}
	return oaSeq
}

// top returns the kind of the innermost level, oaOther at the top level.
func (r *extractor) top() oaKind {
	if len(r.stack) == 0 {
		return oaOther
	}
	return r.stack[len(r.stack)-1].kind
}
