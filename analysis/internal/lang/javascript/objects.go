package javascript

import (
	"strings"

	"github.com/httpcodes/httpcodes/analysis/internal/facts"
	"github.com/httpcodes/httpcodes/analysis/internal/lex"
)

// Object literals. A status: key alone says nothing — { status: 'active' }
// and { status: 3 } are everywhere in application data — so a key is read
// as a status only where something says the object is a response:
//
//   - it is the init of a response builder (new Response(body, { status }),
//     NextResponse.json(data, { status }), @ApiResponse({ status })), read
//     by that call (calls.go);
//   - its key is statusCode, a name only HTTP gives a number: Lambda's
//     return { statusCode: 404, body }, an error's { statusCode: 400 };
//   - its key is status and a sibling key is one of a response's own: body,
//     headers, ok or statusText ({ status: 404, body } returned from a
//     SvelteKit endpoint, a mocked fetch's { ok: false, status: 500 }).
//
// Inside an assertion (toMatchObject({ status: 404 })) the key is compared,
// not sent. Quoted keys ({ "statusCode": 404 }) are data, not read.

// objectStatus reads the status key of the object literal sp, with the
// string under msgKey as its message; it reports whether sp held a status.
func (j *extractor) objectStatus(sp lex.Span, c lex.StatusCtx, msgKey string) bool {
	if !j.isObject(sp) {
		return false
	}
	inner, _ := j.Args(sp.From)
	value, ok := j.Keyword(inner, "status", ":")
	if !ok {
		return false
	}
	if m, ok := j.Keyword(inner, msgKey, ":"); ok {
		c.Msg = j.single(m)
	}
	return j.status(value, c)
}

// isObject reports whether sp is exactly one braced literal.
func (j *extractor) isObject(sp lex.Span) bool {
	return sp.To-sp.From >= 2 && j.Is(sp.From, "{") && j.Closing(sp.From) == sp.To-1
}

// objectMessage returns the string under the first of keys in the object
// literal sp ({ message: 'Not Found' }), or -1.
func (j *extractor) objectMessage(sp lex.Span, keys ...string) int {
	if !j.isObject(sp) {
		return -1
	}
	inner, _ := j.Args(sp.From)
	for _, k := range keys {
		if m, ok := j.Keyword(inner, k, ":"); ok {
			return j.single(m)
		}
	}
	return -1
}

// objectKey reads the key status or statusCode at i (followed by ":") of
// an object literal, by the signals above.
func (j *extractor) objectKey(i int) {
	if !j.Is(i-1, "{") && !j.Is(i-1, ",") {
		return // a conditional's "a ? status : b", a label, a type annotation
	}
	value, ok := j.operand(i + 2)
	if !ok {
		return
	}
	open := j.OpenAt(i) // the object literal's "{"
	if !j.Is(open, "{") {
		return
	}
	inner, _ := j.Args(open)
	c := lex.StatusCtx{Role: facts.Send, Context: "{ " + j.Text(i) + " }", Msg: -1}
	if j.Is(i, "status") && !j.hasKey(inner, "body", "headers", "ok", "statusText") {
		return
	}
	// Fastify's and Boom's error payloads carry the reason phrase as error
	// ({ statusCode: 404, error: 'Not Found', message: 'No such user' }).
	if m := j.objectMessage(lex.Span{From: open, To: j.Closing(open) + 1}, "statusText", "error", "body", "message"); m >= 0 {
		c.Msg = m
	}
	if call := j.argumentOf(open); call >= 0 {
		switch {
		case j.isAssertion(call - 1):
			c.Role, c.Msg = facts.Compare, -1
		case j.chainedAfterStatus(call - 1):
			// reply.code(418).send({ statusCode: 418 }): the chain sent the
			// status, and the payload restates it; one finding, the chain's.
			return
		}
	}
	j.status(value, c)
}

// argumentOf returns the "(" of the call that the object literal opened at
// open is an argument of, directly or inside other object or array
// literals ({ error: { statusCode } }), or -1. It climbs a few levels, each
// the bracket that holds the last (openAt, exact however long the literal).
func (j *extractor) argumentOf(open int) int {
	for level := 0; level < 4 && open > 0; level++ {
		if !j.Is(open-1, "(") && !j.Is(open-1, ",") && !j.Is(open-1, ":") && !j.Is(open-1, "[") {
			return -1
		}
		outer := j.OpenAt(open)
		if outer < 0 || j.Is(outer, "(") {
			return outer
		}
		open = outer
	}
	return -1
}

// jsExpectedArgs are the names of the assertion calls whose arguments are
// expected values: node:assert, Jest and Vitest, chai, tap, sinon.
var jsExpectedArgs = map[string]bool{
	"toMatchObject": true, "toEqual": true, "toStrictEqual": true, "objectContaining": true,
	"deepEqual": true, "deepStrictEqual": true, "partialDeepStrictEqual": true, "notDeepEqual": true,
	"notDeepStrictEqual": true, "eql": true, "include": true, "deepInclude": true,
	"toHaveBeenCalledWith": true, "toHaveBeenLastCalledWith": true, "toHaveBeenNthCalledWith": true,
	"calledWith": true, "calledWithMatch": true, "toContainEqual": true, "toMatchInlineSnapshot": true,
	"same": true, "strictSame": true, "notSame": true, "strictNotSame": true, "match": true,
	"has": true, "hasStrict": true, "like": true, "containSubset": true, "equal": true,
	"strictEqual": true, "equals": true, "toBe": true,
}

// isAssertion reports whether the name at i is an assertion call's: one of
// jsExpectedArgs, or any method of assert (assert.ok, assert.equal).
func (j *extractor) isAssertion(i int) bool {
	if j.Tok(i).Kind != lex.TIdent {
		return false
	}
	return jsExpectedArgs[j.Text(i)] || string(j.receiver(i)) == "assert"
}

// chainedAfterStatus reports whether the name at i is a body call chained
// to a status call: the send of reply.code(418).send(…).
func (j *extractor) chainedAfterStatus(i int) bool {
	if !j.Is(i-1, ".") || !j.Is(i-2, ")") {
		return false
	}
	switch j.Text(i) {
	case "send", "json", "jsonp", "end":
	default:
		return false
	}
	open := j.opening(i - 2)
	return open > 1 && j.isMember(open-1) && (j.Is(open-1, "status") || j.Is(open-1, "code"))
}

// hasKey reports whether one of the object's members is one of keys,
// written out (body: b), shorthand (body) or as a method (body() {…}).
func (j *extractor) hasKey(members []lex.Span, keys ...string) bool {
	for _, m := range members {
		t := j.Tok(m.From)
		if t.Kind != lex.TIdent && t.Kind != lex.TString {
			continue
		}
		if m.To-m.From > 1 && !j.Is(m.From+1, ":") && !j.Is(m.From+1, "(") {
			continue
		}
		name := strings.Trim(j.Text(m.From), `"'`)
		for _, k := range keys {
			if name == k {
				return true
			}
		}
	}
	return false
}
