package analysis

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
// style, so one reader serves both (lang_openapi_yaml.go for block style,
// lang_openapi_flow.go for {…} and […]).
//
// Only numeric keys are occurrences. Range keys (4XX) stand for a class
// and "default" for every code not listed, so neither is one code a rule
// could judge; x- extensions and any other key are left alone.

func init() {
	register(&language{
		name: "openapi", exts: []string{".yaml", ".yml", ".json"},
		analyze: analyzeOpenAPI, mayHave: openAPIMayHave, complete: completeOpenAPI,
		// Editors know YAML and JSON, not OpenAPI: the server is asked
		// about every YAML and JSON file, and finds nothing in those that
		// are not API descriptions.
		editors: editorNames{lsp: []string{"yaml", "json"}, vim: []string{"yaml", "json"}, helix: []string{"yaml", "json"}},
	})
}

// openAPIMayHave rules out the YAML and JSON files that are not API
// descriptions (package.json, manifests, CI configs) without reading them:
// a description names its version key and has responses.
func openAPIMayHave(src []byte) bool {
	return containsAny(src, "openapi", "swagger") && containsAny(src, "responses")
}

func analyzeOpenAPI(_ string, src []byte, _ *Result) *fileFacts {
	r := newOpenAPIReader(src)
	r.read()
	r.endDocument()
	if len(r.occ) == 0 {
		return nil
	}
	return &fileFacts{src: src, occ: r.occ}
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
type openAPIReader struct {
	src    []byte
	stack  []oaLevel
	frames []oaFrame
	occ    []Occurrence
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
}

func newOpenAPIReader(src []byte) *openAPIReader {
	return &openAPIReader{src: src, pendingDesc: -1, openScalar: -2}
}

// endDocument closes a YAML document: its occurrences stay only when it is
// an API description.
func (r *openAPIReader) endDocument() {
	if !r.docAPI {
		r.occ = r.occ[:r.docStart]
	}
	r.docStart, r.docAPI = len(r.occ), false
	r.stack, r.frames = r.stack[:0], r.frames[:0]
	r.pendingDesc = -1
}

// key classifies the mapping key src[start:end] (without quotes) under the
// current stack, records an occurrence when it is a response code, and
// returns the level it opens.
func (r *openAPIReader) key(start, end int) oaLevel {
	k := r.src[start:end]
	n := len(r.stack)
	if n == 0 && (string(k) == "openapi" || string(k) == "swagger") {
		r.docAPI = true
	}
	parent := oaLevel{kind: oaOther}
	if n > 0 {
		parent = r.stack[n-1]
	}
	switch {
	case parent.kind == oaOpaque:
		return oaLevel{kind: oaOpaque}
	case parent.kind == oaResponses && n > 1 && r.stack[n-2].kind == oaMethod:
		if code, ok := responseCode(k); ok {
			r.occ = appendDoubling(r.occ, Occurrence{
				Start: start, End: end, Code: code, Written: Number, Role: Send,
				Context: "responses", Framework: "openapi",
			})
			return oaLevel{kind: oaCode, occ: len(r.occ) - 1}
		}
		return oaLevel{kind: oaOther}
	case parent.kind == oaCode && string(k) == "description":
		return oaLevel{kind: oaDescription, occ: parent.occ}
	case parent.kind == oaMoreOperations:
		// OpenAPI 3.2 keys the operations of other methods by the
		// method's own name (COPY, PURGE).
		return oaLevel{kind: oaMethod}
	}
	switch string(k) {
	case "responses":
		return oaLevel{kind: oaResponses}
	case "get", "put", "post", "delete", "options", "head", "patch", "trace", "query":
		return oaLevel{kind: oaMethod}
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

// responseCode reads a response key made of digits only. A leading zero
// (0404) is no way to write a code, and more than nine digits no number the
// rules judge; both are left alone.
func responseCode(k []byte) (int, bool) {
	if len(k) == 0 || len(k) > 9 || len(k) > 1 && k[0] == '0' {
		return 0, false
	}
	n := 0
	for _, c := range k {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

// describe records a description scalar src[start:end] (quotes included
// when quoted) as the message of its response, which reason-mismatch
// compares with the code.
func (r *openAPIReader) describe(lv oaLevel, start, end int, quoted bool) {
	if lv.kind != oaDescription || lv.occ < r.docStart || lv.occ >= len(r.occ) || end <= start {
		return
	}
	o := &r.occ[lv.occ]
	if quoted {
		o.Message = stringContent(r.src[start:end])
	} else {
		o.Message = string(r.src[start:end])
	}
	o.MessageStart, o.MessageEnd = start, end
}

// dropDescription forgets a description that turned out to be longer than
// the text read.
func (r *openAPIReader) dropDescription(occ int) {
	if occ >= r.docStart && occ < len(r.occ) {
		o := &r.occ[occ]
		o.Message, o.MessageStart, o.MessageEnd = "", 0, 0
	}
}

// seqKind is the kind of a sequence opened under the current stack: the
// items of example data are example data too.
func (r *openAPIReader) seqKind(owner oaKind) oaKind {
	if owner == oaOpaque {
		return oaOpaque
	}
	return oaSeq
}

// top returns the kind of the innermost level, oaOther at the top level.
func (r *openAPIReader) top() oaKind {
	if len(r.stack) == 0 {
		return oaOther
	}
	return r.stack[len(r.stack)-1].kind
}

// appendDoubling appends o, doubling the capacity when it is full. append
// grows a large slice by a quarter at a time, and an Occurrence is big: in a
// file dense with codes the copies and clearing of the regrown arrays cost
// more than reading the file.
func appendDoubling(occ []Occurrence, o Occurrence) []Occurrence {
	if len(occ) == cap(occ) {
		grown := make([]Occurrence, len(occ), 2*cap(occ)+16)
		copy(grown, occ)
		occ = grown
	}
	return append(occ, o)
}
