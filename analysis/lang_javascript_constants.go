package analysis

// The http-status package (httpStatus.NOT_FOUND) is not an ecosystem of
// the data set: its names are mostly those of http-status-codes
// (StatusCodes.NOT_FOUND), and the rest mostly NestJS's (FOUND for 302,
// ALREADY_REPORTED). A member of the name the file binds the package to is
// read as the code that http-status-codes, or else NestJS, gives the same
// member name. Such constants are not counted as the file's ecosystem, so
// they never make prefer-constant offer StatusCodes.X to a file that does
// not import it, and their occurrences carry no Ecosystem.

// httpStatusBinding returns the name the file gives the http-status
// package:
//
//	import httpStatus from 'http-status'
//	import * as hs from 'http-status'
//	import { status } from 'http-status'       // v2
//	const httpStatus = require('http-status')
//	const { status: hs } = require('http-status')
func (j *jsScan) httpStatusBinding() string {
	for k, t := range j.toks {
		if t.kind != tString || stringContent(t.text(j.src)) != "http-status" {
			continue
		}
		if j.is(k-1, "from") {
			// The name is the last one between import and from.
			for p := k - 2; p >= 0 && k-p < 16; p-- {
				if j.is(p, "import") {
					break
				}
				if j.toks[p].kind == tIdent && !j.is(p, "as") && !j.is(p, "type") && !j.is(p-1, "type") {
					return j.text(p)
				}
			}
		}
		if j.is(k-1, "(") && j.is(k-2, "require") && j.is(k-3, "=") {
			if j.tok(k-4).kind == tIdent {
				return j.text(k - 4)
			}
			if j.is(k-4, "}") && j.tok(k-5).kind == tIdent {
				return j.text(k - 5)
			}
		}
	}
	return ""
}

// httpStatusAt returns the code of the http-status constant that starts at
// token i (binding.MEMBER).
func (j *jsScan) httpStatusAt(i int) (int, bool) {
	if j.httpStatus == "" || j.tok(i).kind != tIdent || !j.is(i, j.httpStatus) || j.isMember(i) ||
		!j.is(i+1, ".") || j.tok(i+2).kind != tIdent {
		return 0, false
	}
	member := j.text(i + 2)
	for _, qualifier := range []string{"StatusCodes.", "HttpStatus."} {
		if k, ok := j.names[qualifier+member]; ok {
			return k.code, true
		}
	}
	return 0, false
}

// httpStatusReferences records the http-status constants outside any
// context as references, as scan.references does for the ecosystems'.
func (j *jsScan) httpStatusReferences() {
	if j.httpStatus == "" {
		return
	}
	for i := range j.toks {
		if code, ok := j.httpStatusAt(i); ok && !j.taken[i] {
			name := j.spanText(i, i+3)
			j.add(i, i+2, Occurrence{Code: code, Written: Constant, Name: name},
				statusCtx{role: Reference, context: name, msg: -1})
		}
	}
}
