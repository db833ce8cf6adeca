package javascript

import (
	"github.com/httpcodes/httpcodes/analysis/internal/facts"
	"github.com/httpcodes/httpcodes/analysis/internal/lex"
)

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
func (j *extractor) httpStatusBinding() string {
	for k, t := range j.Toks {
		if t.Kind != lex.TString || lex.StringContent(t.Text(j.Src)) != "http-status" {
			continue
		}
		if j.Is(k-1, "from") {
			// The name is the last one between import and from.
			for p := k - 2; p >= 0 && k-p < 16; p-- {
				if j.Is(p, "import") {
					break
				}
				if j.Toks[p].Kind == lex.TIdent && !j.Is(p, "as") && !j.Is(p, "type") && !j.Is(p-1, "type") {
					return j.Text(p)
				}
			}
		}
		if j.Is(k-1, "(") && j.Is(k-2, "require") && j.Is(k-3, "=") {
			if j.Tok(k-4).Kind == lex.TIdent {
				return j.Text(k - 4)
			}
			if j.Is(k-4, "}") && j.Tok(k-5).Kind == lex.TIdent {
				return j.Text(k - 5)
			}
		}
	}
	return ""
}

// httpStatusAt returns the code of the http-status constant that starts at
// token i (binding.MEMBER).
func (j *extractor) httpStatusAt(i int) (int, bool) {
	if j.httpStatus == "" || j.Tok(i).Kind != lex.TIdent || !j.Is(i, j.httpStatus) || j.isMember(i) ||
		!j.Is(i+1, ".") || j.Tok(i+2).Kind != lex.TIdent {
		return 0, false
	}
	member := j.Text(i + 2)
	for _, qualifier := range []string{"StatusCodes.", "HttpStatus."} {
		if k, ok := j.Names[qualifier+member]; ok {
			return k.Code, true
		}
	}
	return 0, false
}

// httpStatusReferences records the http-status constants outside any
// context as references, as scan.references does for the ecosystems'.
func (j *extractor) httpStatusReferences() {
	if j.httpStatus == "" {
		return
	}
	for i := range j.Toks {
		if code, ok := j.httpStatusAt(i); ok && !j.Taken[i] {
			name := j.SpanText(i, i+3)
			j.Add(i, i+2, facts.Occurrence{Code: code, Written: facts.Constant, Name: name},
				lex.StatusCtx{Role: facts.Reference, Context: name, Msg: -1})
		}
	}
}
