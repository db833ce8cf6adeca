package javascript

import (
	"github.com/httpcodes/httpcodes/analysis/internal/facts"
	"github.com/httpcodes/httpcodes/analysis/internal/lex"
)

// The calls that send a status: Express, Node's http, Koa, Fastify, hapi,
// the fetch Response and Next.js's NextResponse, NestJS and http-errors.

// jsFramework names the library a receiver belongs to, by convention.
func jsFramework(recv []byte) string {
	switch string(recv) {
	case "reply", "rep":
		return "fastify"
	case "ctx", "context", "this":
		return "koa"
	case "h":
		return "hapi"
	case "Response":
		return "fetch"
	case "NextResponse":
		return "next"
	}
	return "express"
}

// framework names the library of the member call at i whose chain
// starts at start: by the receiver when it is a name (res in
// this.res.status), else by the chain's head (reply in
// reply.header(…).code).
func (j *extractor) framework(i, start int) string {
	if recv := j.receiver(i); recv != nil {
		return jsFramework(recv)
	}
	return jsFramework(j.bytesAt(start))
}

// memberContext is how an occurrence names a member call: "res.status",
// also for a chain (res.set(h).status), or ".status" after an expression.
func (j *extractor) memberContext(i int) string {
	recv := j.receiver(i)
	if start := j.chainStart(i); recv == nil && start != i {
		recv = j.bytesAt(start) // res for res.set(h).status
	}
	return string(recv) + "." + string(j.bytesAt(i))
}

// callArgs returns the arguments of the call whose name is at i, and the
// index of its closing parenthesis; ok is false when i is not called.
func (j *extractor) callArgs(i int) ([]lex.Span, int, bool) {
	if !j.Is(i+1, "(") {
		return nil, 0, false
	}
	args, close := j.Args(i + 1)
	return args, close, true
}

// statusName reads the contexts that start at a name status or
// statusCode: a call res.status(n), an assignment res.statusCode = n or
// ctx.status = n, a comparison, or an object key (objects.go).
func (j *extractor) statusName(i int) {
	switch {
	case j.Is(i+1, "(") && j.isMember(i) && j.Is(i, "status"):
		j.statusCall(i)
	case j.Is(i+1, "=") && j.isMember(i):
		// Only a response's or a Koa context's status is surely sent: a
		// parser or an error class resets its own (this.statusCode = 0),
		// so elsewhere only 100–999 is read as a status.
		recv := j.receiver(i)
		c := lex.StatusCtx{Role: facts.Send, Context: j.memberContext(i) + " =", Msg: -1}
		switch {
		case j.Is(i, "statusCode"):
			c.Framework, c.Strict = "node", isResponseName(recv)
		case lex.IsContextName(recv) || string(recv) == "response" && lex.IsContextName(j.bytesAt(i-4)):
			c.Framework, c.Strict = "koa", string(recv) != "this"
		case isResponseName(recv):
			c.Strict = true
		default:
			// err.status = 404 before next(err), or a data object's own
			// field (connection.status = 500): a status by its value, not
			// surely the response's.
			c.Guessed = true
		}
		if sp, ok := j.operand(i + 2); ok {
			j.status(sp, c)
		}
	case j.Is(i+1, ":"):
		j.objectKey(i)
	default:
		j.comparison(i)
	}
}

// statusCall reads x.status(n): Express's res.status and Fastify's
// reply.status, and chai's expect(res).to.have.status(n), which asserts.
func (j *extractor) statusCall(i int) {
	args, close, _ := j.callArgs(i)
	if len(args) != 1 {
		return
	}
	recv := j.receiver(i)
	if string(recv) == "have" {
		j.status(args[0], lex.StatusCtx{Role: facts.Compare, Context: "have.status", Framework: "chai", Msg: -1})
		return
	}
	start := j.chainStart(i)
	c := lex.StatusCtx{Role: facts.Send, Context: j.memberContext(i), Framework: j.framework(i, start), Msg: -1,
		Strict: j.chainHas(start, i-1, responseName)}
	c.Api, c.Msg = j.chainedBody(close)
	j.status(args[0], c)
}

// chainedBody looks at what follows a status call's closing parenthesis:
// res.status(404).send('Not Found'), .json({ message: … }), .end(). It
// returns BodyAPI when a body is sent, and the index of the message: a
// string sent as the body, or the message or error of a JSON body. Only
// the methods that send text carry a message: render's first argument
// names a view, sendFile's and download's a file, type's a media type;
// the header setters between the status and the send
// (.status(404).type('txt').send('Not Found')) are passed over.
func (j *extractor) chainedBody(close int) (facts.API, int) {
	for steps := 0; steps < 8 && j.Is(close+1, ".") && j.Is(close+3, "("); steps++ {
		switch j.Text(close + 2) {
		case "send", "json", "jsonp", "end":
			args, _ := j.Args(close + 3)
			if len(args) == 0 {
				return 0, -1
			}
			if msg := j.single(args[0]); msg >= 0 {
				return facts.BodyAPI, msg
			}
			return facts.BodyAPI, j.objectMessage(args[0], "message", "error")
		case "render", "sendFile", "download":
			return facts.BodyAPI, -1
		}
		if _, header := jsHeaders[j.Text(close+2)]; !header {
			return 0, -1
		}
		close = j.Closing(close + 3)
	}
	return 0, -1
}

// responseCall reads the other calls of a response or context object:
//
//	res.sendStatus(n)                      Express
//	reply.code(n), h.response(x).code(n)   Fastify, hapi
//	res.writeHead(n[, reason][, headers])  Node's http
//	ctx.throw(n[, msg]), ctx.throw(msg, n) Koa (an error)
//	ctx.assert(value, n[, msg])            Koa (an error)
func (j *extractor) responseCall(i int) {
	if !j.isMember(i) {
		return
	}
	args, close, ok := j.callArgs(i)
	if !ok || len(args) == 0 {
		return
	}
	recv := j.receiver(i)
	start := j.chainStart(i)
	c := lex.StatusCtx{Role: facts.Send, Context: j.memberContext(i), Framework: j.framework(i, start), Msg: -1}
	switch j.Text(i) {
	case "sendStatus":
		c.Strict = true
		j.status(args[0], c)
	case "code":
		if !j.chainHas(start, i-1, responseName) && !j.Is(start, "h") {
			return
		}
		c.Strict = true
		c.Api, c.Msg = j.chainedBody(close)
		j.status(args[0], c)
	case "writeHead":
		c.Framework, c.Strict = "node", true
		if len(args) > 1 {
			c.Msg = j.single(args[1])
		}
		j.status(args[0], c)
	case "throw":
		if !lex.IsContextName(recv) {
			return
		}
		c.Api, c.Strict = facts.ErrorAPI, true
		if len(args) > 1 && j.single(args[0]) >= 0 {
			c.Msg = args[0].From
			j.status(args[1], c)
			return
		}
		if len(args) > 1 {
			c.Msg = j.single(args[1])
		}
		j.status(args[0], c)
	case "assert":
		if !lex.IsContextName(recv) || len(args) < 2 {
			return
		}
		c.Api, c.Strict = facts.ErrorAPI, true
		if len(args) > 2 {
			c.Msg = j.single(args[2])
		}
		j.status(args[1], c)
	}
}

// redirectCall reads a redirect with a status; which argument is the
// status differs by library, so the first of the first three arguments
// that is a status is:
//
//	res.redirect(301, url)             Express
//	reply.redirect(url, 301)           Fastify 5 (4 had the code first)
//	Response.redirect(url, 301)        fetch
//	NextResponse.redirect(url, 308)    Next.js, also with { status: 308 }
//	router.redirect(from, to, 301)     koa-router
//	redirect(url, 302), redirect(303, url)   Remix, SvelteKit
//
// res.redirect(url) and ctx.redirect(url) send 302 and carry no number.
func (j *extractor) redirectCall(i int) {
	args, _, ok := j.callArgs(i)
	if !ok || len(args) < 2 {
		return
	}
	recv := j.receiver(i)
	c := lex.StatusCtx{Role: facts.Send, Context: "redirect", Api: facts.RedirectAPI, Msg: -1}
	if j.isMember(i) {
		start := j.chainStart(i)
		c.Context = j.memberContext(i)
		c.Framework = j.framework(i, start)
		c.Strict = j.chainHas(start, i-1, responseName)
		if string(recv) == "router" {
			c.Framework = "koa-router"
		}
	} else if j.Tok(i-1).Kind == lex.TIdent && !j.Is(i-1, "return") && !j.Is(i-1, "await") && !j.Is(i-1, "throw") {
		return // a declaration: function redirect(…)
	}
	for k := 0; k < len(args) && k < 3; k++ {
		if j.status(args[k], c) {
			return
		}
		if j.objectStatus(args[k], c, "statusText") {
			return
		}
	}
}

// responseBuilder reads the fetch Response and Next.js's NextResponse,
// whose status is the status of an init object:
//
//	new Response(body, { status: 404, statusText: 'Not Found' })
//	Response.json(data, { status: 201 })
//	NextResponse.json(data, { status: 404 }), .rewrite(url, init), .next(init)
//
// Response.redirect and NextResponse.redirect are redirectCall's.
func (j *extractor) responseBuilder(i int) {
	c := lex.StatusCtx{Role: facts.Send, Framework: jsFramework(j.bytesAt(i)), Strict: true, Msg: -1}
	var args []lex.Span
	var ok bool
	switch {
	case j.Is(i-1, "new"):
		c.Context = "new " + j.Text(i)
		if args, _, ok = j.callArgs(i); !ok || len(args) < 2 {
			return
		}
		if !j.Is(args[0].From, "null") && !j.Is(args[0].From, "undefined") {
			c.Api = facts.BodyAPI
		}
		j.objectStatus(args[1], c, "statusText")
		return
	case j.isMember(i) || !j.Is(i+1, ".") || j.Tok(i+2).Kind != lex.TIdent:
		return
	}
	switch j.Text(i + 2) {
	case "json", "rewrite", "next", "error":
	default:
		return
	}
	c.Context = j.Text(i) + "." + j.Text(i+2)
	if args, _, ok = j.callArgs(i + 2); !ok {
		return
	}
	for _, a := range args {
		if j.objectStatus(a, c, "statusText") {
			return
		}
	}
}

// errorCall reads the constructors of HTTP errors:
//
//	new HttpException('Not Found', 404)        NestJS
//	createError(404[, msg]), createHttpError   http-errors
//	createError('CODE', 'message', 404)        @fastify/error
func (j *extractor) errorCall(i int) {
	args, _, ok := j.callArgs(i)
	if !ok || len(args) == 0 {
		return
	}
	if p := j.Tok(i - 1); p.Kind == lex.TIdent && !j.Is(i-1, "new") && !j.Is(i-1, "throw") && !j.Is(i-1, "return") && !j.Is(i-1, "await") {
		return // function createError(…) or class … extends HttpException
	}
	c := lex.StatusCtx{Role: facts.Send, Context: j.Text(i), Framework: "http-errors", Api: facts.ErrorAPI, Strict: true, Msg: -1}
	if j.Is(i, "HttpException") {
		if len(args) < 2 {
			return
		}
		c.Framework, c.Msg = "nestjs", j.single(args[0])
		j.status(args[1], c)
		return
	}
	if len(args) >= 3 && j.single(args[0]) >= 0 {
		c.Framework, c.Msg = "@fastify/error", j.single(args[1])
		j.status(args[2], c)
		return
	}
	if len(args) > 1 {
		c.Msg = j.single(args[1])
	}
	j.status(args[0], c)
}

// decorator reads NestJS's status decorators:
//
//	@HttpCode(204)
//	@Redirect('https://nestjs.com', 301)
//	@ApiResponse({ status: 404, description: 'Not Found' })   (Swagger)
func (j *extractor) decorator(i int) {
	if !j.Is(i-1, "@") {
		return
	}
	args, _, ok := j.callArgs(i)
	if !ok || len(args) == 0 {
		return
	}
	c := lex.StatusCtx{Role: facts.Send, Context: "@" + j.Text(i), Framework: "nestjs", Strict: true, Msg: -1}
	switch j.Text(i) {
	case "HttpCode":
		j.status(args[0], c)
	case "Redirect":
		if len(args) > 1 {
			c.Api = facts.RedirectAPI
			j.status(args[1], c)
		}
	case "ApiResponse":
		c.Framework = "@nestjs/swagger"
		j.objectStatus(args[0], c, "description")
	}
}

// helperCall reads the response helpers that SvelteKit and Remix export
// as plain functions:
//
//	error(404, 'Not found')              SvelteKit (an error)
//	json(data, { status: 201 })          SvelteKit, Remix
//
// A plain call is one of these only with a status where the helper takes
// it, and any number there outside 100–999 is left alone: the names are
// common. Members (console.error, res.json) are other calls.
func (j *extractor) helperCall(i int) {
	if j.isMember(i) {
		return
	}
	if p := j.Tok(i - 1); p.Kind == lex.TIdent && !j.Is(i-1, "return") && !j.Is(i-1, "throw") && !j.Is(i-1, "await") {
		return // function error(…)
	}
	args, _, ok := j.callArgs(i)
	if !ok || len(args) == 0 {
		return
	}
	c := lex.StatusCtx{Role: facts.Send, Context: j.Text(i), Msg: -1}
	if j.Is(i, "error") {
		c.Api = facts.ErrorAPI
		if len(args) > 1 {
			c.Msg = j.single(args[1])
		}
		j.status(args[0], c)
		return
	}
	if len(args) > 1 {
		c.Api = facts.BodyAPI
		j.objectStatus(args[1], c, "statusText")
	}
}
