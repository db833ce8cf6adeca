package analysis

import "bytes"

// Comparisons and assertions of a status: res.status === 404, 404 ===
// xhr.status, res.statusCode >= 400 (a class bound), switch
// (response.status) { case 404: … }, supertest's .expect(404), Jest's and
// chai's expect(res.status).toBe(404), node:assert's assert.equal(res.status,
// 404). The value compared is read as a status only when it is 100–999: a
// status field compared with 3 is not an HTTP status.

// compareRole returns the role a comparison operator gives its operand,
// and false for any other token.
func (j *jsScan) compareRole(i int) (Role, bool) {
	t := j.tok(i)
	if t.kind != tPunct {
		return 0, false
	}
	switch string(t.text(j.src)) {
	case "===", "==", "!==", "!=":
		return Compare, true
	case "<", "<=", ">", ">=":
		return RangeBound, true
	}
	return 0, false
}

// isStatusValue reports whether sp reads a status: a name status or
// statusCode, alone or as the last member of a chain (res.status,
// (await fetch(u)).status, err.response?.status).
func (j *jsScan) isStatusValue(sp span) bool {
	last := sp.to - 1
	if sp.to <= sp.from || j.tok(last).kind != tIdent || !j.is(last, "status") && !j.is(last, "statusCode") {
		return false
	}
	return sp.to-sp.from == 1 || j.isMember(last)
}

// statusContext names a status read for an occurrence: "res.status
// comparison".
func (j *jsScan) statusContext(i int, what string) string {
	if recv := j.receiver(i); recv != nil {
		return string(recv) + "." + string(j.bytesAt(i)) + " " + what
	}
	return j.text(i) + " " + what
}

// comparison reads a status or statusCode compared with a value on either
// side.
func (j *jsScan) comparison(i int) {
	if j.is(i+1, ".") || j.is(i+1, "?.") || j.is(i+1, "(") || j.is(i+1, "[") {
		return
	}
	c := statusCtx{context: j.statusContext(i, "comparison"), msg: -1}
	if role, ok := j.compareRole(i + 1); ok {
		if sp, ok := j.operand(i + 2); ok {
			c.role = role
			j.status(sp, c)
		}
	}
	start := j.chainStart(i)
	if role, ok := j.compareRole(start - 1); ok {
		if sp, ok := j.operandBefore(start - 1); ok {
			c.role = role
			j.status(sp, c)
		}
	}
}

// switchOn reads the cases of a switch on a status.
func (j *jsScan) switchOn(i int) {
	if !j.is(i+1, "(") {
		return
	}
	head, close := j.args(i + 1)
	if len(head) != 1 || !j.isStatusValue(head[0]) || !j.is(close+1, "{") {
		return
	}
	c := statusCtx{role: Compare, context: "case", msg: -1}
	end := j.closing(close + 1)
	depth := 0
	for k := close + 2; k < end; k++ {
		t := j.toks[k]
		if t.kind == tPunct && t.end-t.start == 1 {
			switch j.src[t.start] {
			case '(', '[', '{':
				depth++
			case ')', ']', '}':
				depth--
			}
			continue
		}
		if depth != 0 || t.kind != tIdent || !j.is(k, "case") {
			continue
		}
		for colon := k + 1; colon < end && colon-k < 12; colon++ {
			if j.is(colon, ":") {
				j.status(span{k + 1, colon}, c)
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
func (j *jsScan) expectCall(i int) {
	args, close, ok := j.callArgs(i)
	if !ok || len(args) == 0 {
		return
	}
	if j.isMember(i) {
		start := j.chainStart(i)
		head := j.bytesAt(start)
		if supertestHeads[string(head)] || bytes.HasSuffix(head, []byte("Agent")) || j.chainHas(start, i-1, requestMethod) {
			j.status(args[0], statusCtx{role: Compare, context: "supertest .expect", framework: "supertest", msg: -1})
		}
		return
	}
	if len(args) != 1 {
		return
	}
	subject := j.isStatusValue(args[0])
	k := close + 1
	for j.is(k, ".") && j.tok(k+1).kind == tIdent {
		name := j.text(k + 1)
		if !j.is(k+2, "(") {
			k += 2 // .not, .to, .be
			continue
		}
		margs, _ := j.args(k + 2)
		if len(margs) == 0 {
			return
		}
		c := statusCtx{role: Compare, context: "expect(…)." + name, msg: -1}
		switch name {
		case "toBe", "toEqual", "toStrictEqual", "equal", "equals", "eql", "eq",
			"toHaveBeenCalledWith", "toBeCalledWith", "toHaveBeenLastCalledWith":
			if subject {
				j.status(margs[0], c)
			}
		case "toBeGreaterThan", "toBeGreaterThanOrEqual", "toBeLessThan", "toBeLessThanOrEqual",
			"above", "below", "least", "most", "gt", "gte", "lt", "lte":
			if subject {
				c.role = RangeBound
				j.status(margs[0], c)
			}
		case "toHaveProperty":
			if len(margs) == 2 && j.single(margs[0]) >= 0 {
				if key := stringContent(j.tok(margs[0].from).text(j.src)); key == "status" || key == "statusCode" {
					j.status(margs[1], c)
				}
			}
		}
		return
	}
}

// assertEqual reads assert.equal(res.status, 404) and its kin (strictEqual,
// deepEqual, t.is, t.equal), with the status on either side.
func (j *jsScan) assertEqual(i int) {
	if !j.isMember(i) {
		return
	}
	args, _, ok := j.callArgs(i)
	if !ok || len(args) < 2 {
		return
	}
	c := statusCtx{role: Compare, context: j.memberContext(i), msg: -1}
	switch {
	case j.isStatusValue(args[0]):
		j.status(args[1], c)
	case j.isStatusValue(args[1]):
		j.status(args[0], c)
	}
}
