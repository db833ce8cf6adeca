package javascript

import (
	"bytes"

	"github.com/httpcodes/httpcodes/analysis/internal/facts"
	"github.com/httpcodes/httpcodes/analysis/internal/lex"
)

// Comparisons and assertions of a status: res.status === 404, 404 ===
// xhr.status, res.statusCode >= 400 (a class bound), switch
// (response.status) { case 404: … }, supertest's .expect(404), Jest's and
// chai's expect(res.status).toBe(404), node:assert's assert.equal(res.status,
// 404). The value compared is read as a status only when it is 100–999: a
// status field compared with 3 is not an HTTP status.

// compareRole returns the role a comparison operator gives its operand,
// and false for any other token.
func (j *extractor) compareRole(i int) (facts.Role, bool) {
	t := j.Tok(i)
	if t.Kind != lex.TPunct {
		return 0, false
	}
	switch string(t.Text(j.Src)) {
	case "===", "==", "!==", "!=":
		return facts.Compare, true
	case "<", "<=", ">", ">=":
		return facts.RangeBound, true
	}
	return 0, false
}

// isStatusValue reports whether sp reads a status: a name status or
// statusCode, alone or as the last member of a chain (res.status,
// (await fetch(u)).status, err.response?.status).
func (j *extractor) isStatusValue(sp lex.Span) bool {
	last := sp.To - 1
	if sp.To <= sp.From || j.Tok(last).Kind != lex.TIdent || !j.Is(last, "status") && !j.Is(last, "statusCode") {
		return false
	}
	return sp.To-sp.From == 1 || j.isMember(last)
}

// statusContext names a status read for an occurrence: "res.status
// comparison".
func (j *extractor) statusContext(i int, what string) string {
	if recv := j.receiver(i); recv != nil {
		return string(recv) + "." + string(j.bytesAt(i)) + " " + what
	}
	return j.Text(i) + " " + what
}

// comparison reads a status or statusCode compared with a value on either
// side.
func (j *extractor) comparison(i int) {
	if j.Is(i+1, ".") || j.Is(i+1, "?.") || j.Is(i+1, "(") || j.Is(i+1, "[") {
		return
	}
	c := lex.StatusCtx{Context: j.statusContext(i, "comparison"), Msg: -1}
	if role, ok := j.compareRole(i + 1); ok {
		if sp, ok := j.operand(i + 2); ok {
			c.Role = role
			j.status(sp, c)
		}
	}
	start := j.chainStart(i)
	if role, ok := j.compareRole(start - 1); ok {
		if sp, ok := j.operandBefore(start - 1); ok {
			c.Role = role
			j.status(sp, c)
		}
	}
}

// switchOn reads the cases of a switch on a status.
func (j *extractor) switchOn(i int) {
	if !j.Is(i+1, "(") {
		return
	}
	head, close := j.Args(i + 1)
	if len(head) != 1 || !j.isStatusValue(head[0]) || !j.Is(close+1, "{") {
		return
	}
	c := lex.StatusCtx{Role: facts.Compare, Context: "case", Msg: -1}
	end := j.Closing(close + 1)
	depth := 0
	for k := close + 2; k < end; k++ {
		t := j.Toks[k]
		if t.Kind == lex.TPunct && t.End-t.Start == 1 {
			switch j.Src[t.Start] {
			case '(', '[', '{':
				depth++
			case ')', ']', '}':
				depth--
			}
			continue
		}
		if depth != 0 || t.Kind != lex.TIdent || !j.Is(k, "case") {
			continue
		}
		for colon := k + 1; colon < end && colon-k < 12; colon++ {
			if j.Is(colon, ":") {
				j.status(lex.Span{From: k + 1, To: colon}, c)
				break
			}
		}
	}
}

// supertestHeads are the names a supertest chain starts with:
// request(app), supertest(app), an agent.
var supertestHeads = map[string]bool{"request": true, "supertest": true, "agent": true, "st": true}

// isRequestMethod reports whether a member call names an HTTP method, as
// a supertest chain does whatever its head is called: api.get('/').expect(200).
func isRequestMethod(name []byte) bool {
	switch string(name) {
	case "get", "post", "put", "patch", "delete", "del", "head", "options":
		return true
	}
	return false
}

// expectCall reads supertest's .expect(404) on a request chain (one that
// starts at request(app), supertest(app) or an agent, or calls an HTTP
// method on the way), and the
// assertions of Jest, Vitest and chai on a status:
//
//	expect(res.status).toBe(404)               also toEqual, toStrictEqual
//	expect(res.statusCode).to.equal(404)       chai: equal, eql, eq
//	expect(res.status).toHaveBeenCalledWith(404)   a mocked Express res
//	expect(res).toHaveProperty('status', 404)
//	expect(res.status).toBeGreaterThanOrEqual(400) a class bound
func (j *extractor) expectCall(i int) {
	args, close, ok := j.callArgs(i)
	if !ok || len(args) == 0 {
		return
	}
	if j.isMember(i) {
		start := j.chainStart(i)
		head := j.bytesAt(start)
		if supertestHeads[string(head)] || bytes.HasSuffix(head, []byte("Agent")) || j.chainHas(start, i-1, requestMethod) {
			j.status(args[0], lex.StatusCtx{Role: facts.Compare, Context: "supertest .expect", Framework: "supertest", Msg: -1})
		}
		return
	}
	if len(args) != 1 {
		return
	}
	subject := j.isStatusValue(args[0])
	k := close + 1
	for j.Is(k, ".") && j.Tok(k+1).Kind == lex.TIdent {
		name := j.Text(k + 1)
		if !j.Is(k+2, "(") {
			k += 2 // .not, .to, .be
			continue
		}
		margs, _ := j.Args(k + 2)
		if len(margs) == 0 {
			return
		}
		c := lex.StatusCtx{Role: facts.Compare, Context: "expect(…)." + name, Msg: -1}
		switch name {
		case "toBe", "toEqual", "toStrictEqual", "equal", "equals", "eql", "eq",
			"toHaveBeenCalledWith", "toBeCalledWith", "toHaveBeenLastCalledWith":
			if subject {
				j.status(margs[0], c)
			}
		case "toBeGreaterThan", "toBeGreaterThanOrEqual", "toBeLessThan", "toBeLessThanOrEqual",
			"above", "below", "least", "most", "gt", "gte", "lt", "lte":
			if subject {
				c.Role = facts.RangeBound
				j.status(margs[0], c)
			}
		case "toHaveProperty":
			if len(margs) == 2 && j.single(margs[0]) >= 0 {
				if key := lex.StringContent(j.Tok(margs[0].From).Text(j.Src)); key == "status" || key == "statusCode" {
					j.status(margs[1], c)
				}
			}
		}
		return
	}
}

// assertEqual reads assert.equal(res.status, 404) and its kin (strictEqual,
// deepEqual, t.is, t.equal), with the status on either side.
func (j *extractor) assertEqual(i int) {
	if !j.isMember(i) {
		return
	}
	args, _, ok := j.callArgs(i)
	if !ok || len(args) < 2 {
		return
	}
	c := lex.StatusCtx{Role: facts.Compare, Context: j.memberContext(i), Msg: -1}
	switch {
	case j.isStatusValue(args[0]):
		j.status(args[1], c)
	case j.isStatusValue(args[1]):
		j.status(args[0], c)
	}
}
