package facts

import (
	"bytes"
)

// openAPIMayHave rules out the YAML and JSON files that are not API
// descriptions (package.json, manifests, CI configs) without reading them:
// a description names its version key and has responses; so does an
// operation split out of one (operationId), or a path item (a method at
// the top level).
func OpenAPIMayHave(src []byte) bool {
	if !ContainsAny(src, "responses") {
		return false
	}
	if ContainsAny(src, "openapi", "swagger", "operationId") {
		return true
	}
	// A path item split out of the root: an HTTP method at the top level.
	for m := range OaMethods {
		if bytes.HasPrefix(src, []byte(m+":")) || bytes.Contains(src, []byte("\n"+m+":")) {
			return true
		}
	}
	return false
}

// oaMethods are the keys of a path item's operations.
var OaMethods = map[string]bool{
	"get": true, "put": true, "post": true, "delete": true, "options": true,
	"head": true, "patch": true, "trace": true, "query": true,
}

// responseCode reads a response key made of digits only. A leading zero
// (0404) is no way to write a code, and more than nine digits no number the
// rules judge; both are left alone.
func ResponseCode(k []byte) (int, bool) {
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

// appendDoubling appends o, doubling the capacity when it is full. append
// grows a large slice by a quarter at a time, and an Occurrence is big: in a
// file dense with codes the copies and clearing of the regrown arrays cost
// more than reading the file.
func AppendDoubling(occ []Occurrence, o Occurrence) []Occurrence {
	if len(occ) == cap(occ) {
		grown := make([]Occurrence, len(occ), 2*cap(occ)+16)
		copy(grown, occ)
		occ = grown
	}
	return append(occ, o)
}
