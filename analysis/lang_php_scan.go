package analysis

import (
	"slices"
	"strings"
)

// phpScan walks a PHP file's tokens for the contexts of plain PHP
// (http_response_code, header), Symfony HttpFoundation and PSR-7
// responses, Laravel's helpers and test assertions, and WordPress.
type phpScan struct {
	*scan
	// bare are the offsets of numbers that cannot become a constant: the
	// code inside a header('HTTP/1.1 404 Not Found') string.
	bare []int
	// opened maps closing brackets to their openers, built on first use.
	opened map[int32]int32
	// flows are the response events met, for phpFlow.
	flows []phpFlowCall
}

func analyzePHP(_ string, src []byte, _ *Result) *fileFacts {
	p := &phpScan{scan: newScan("php", src, lexPHP(src))}
	p.alias = phpAlias
	for i, t := range p.toks {
		switch t.kind {
		case tIdent:
			p.ident(i)
		case tPunct:
			p.comparison(i, p)
		}
	}
	p.references()
	slices.SortStableFunc(p.flows, func(a, b phpFlowCall) int { return a.tok - b.tok })
	steps := p.phpFlow()
	f := p.facts()
	f.steps = steps
	p.release()
	keepNumbers(f, p.bare)
	return f
}

// phpAlias reads Response's constants under the names of its subclasses
// and aliases (JsonResponse::HTTP_NOT_FOUND, SymfonyResponse::HTTP_OK):
// PHP class constants are inherited, and Symfony's JsonResponse,
// RedirectResponse and the rest, and Laravel's Response, all extend it.
func phpAlias(qualifier string) string {
	if qualifier != "Response" && strings.HasSuffix(qualifier, "Response") {
		return "Response"
	}
	return ""
}

// ident recognises the contexts that start with a name.
func (p *phpScan) ident(i int) {
	name := p.toks[i].text(p.src)
	switch string(name) {
	case "new":
		p.construct(i + 1)
		return
	case "switch":
		p.switchCase(i)
		return
	case "match":
		p.matchArms(i)
		return
	case "statusCode":
		// Yii: Yii::$app->response->statusCode = 404;
		if p.is(i-1, "->") && p.is(i+1, "=") {
			// Not strict: a class of one's own may start a property
			// of that name at 0.
			p.status(p.statement(i+2), statusCtx{role: Send, context: "response->statusCode", framework: "yii", msg: -1})
		}
		return
	}
	if !p.is(i+1, "(") || p.is(i-1, "function") {
		return
	}
	if p.is(i-1, "->") || p.is(i-1, "?->") || p.is(i-1, "::") {
		p.method(i, name)
		return
	}
	p.function(i, name)
}

// function reads a call of a global function: name( at i.
func (p *phpScan) function(i int, fn []byte) {
	var c statusCtx
	at, msgAt := 0, -1
	switch string(fn) {
	case "http_response_code":
		c = statusCtx{framework: "php"}
	case "status_header":
		c = statusCtx{framework: "wordpress"}
	case "header":
		p.header(i)
		return
	case "abort":
		c, msgAt = statusCtx{framework: "laravel", api: ErrorAPI}, 1
	case "abort_if", "abort_unless":
		c, at, msgAt = statusCtx{framework: "laravel", api: ErrorAPI}, 1, 2
	case "response", "redirect":
		args, close := p.args(i + 1)
		if len(args) == 0 {
			// response()->json($data, 404), redirect()->route('home', [], 301)
			p.chain(close+1, string(fn))
			return
		}
		c, at, msgAt = statusCtx{framework: "laravel", api: BodyAPI}, 1, 0
		if string(fn) == "redirect" {
			c.api, msgAt = RedirectAPI, -1
		}
	case "back":
		c = statusCtx{framework: "laravel", api: RedirectAPI}
	case "to_route":
		c, at = statusCtx{framework: "laravel", api: RedirectAPI}, 2
	case "wp_redirect", "wp_safe_redirect":
		c, at = statusCtx{framework: "wordpress", api: RedirectAPI}, 1
	case "wp_send_json", "wp_send_json_success":
		c, at = statusCtx{framework: "wordpress", api: BodyAPI}, 1
	case "wp_send_json_error":
		c, at = statusCtx{framework: "wordpress", api: ErrorAPI | BodyAPI}, 1
	case "flush", "fastcgi_finish_request", "litespeed_finish_request":
		p.addFlow(i, event{kind: bodyWrite})
		return
	case "setcookie", "setrawcookie":
		p.addFlow(i, event{kind: headerSet, header: "Set-Cookie", direct: true})
		return
	default:
		p.hiddenHeader(i, fn)
		return
	}
	c.context = string(fn)
	code := p.call(i+1, at, msgAt, c)
	if args, _ := p.args(i + 1); len(args) > 0 && (c.context == "http_response_code" || c.context == "status_header") {
		p.addFlow(i, event{kind: statusWrite, code: code})
	}
}

// call records argument at of the call whose ( is at open as a status
// sent, with argument msgAt (or none, -1) as its message. PHP 8's named
// arguments (new Response(status: 404)) are read by the parameter's name.
//
// It returns the code recorded, 0 when none was.
func (p *phpScan) call(open, at, msgAt int, c statusCtx) int {
	args, _ := p.args(open)
	c.role, c.strict, c.msg = Send, true, -1
	if msgAt >= 0 && msgAt < len(args) {
		c.msg = p.stringArg(args[msgAt])
	}
	n := len(p.occ)
	if sp, ok := p.keyword(args, phpStatusParam(c.context), ":"); ok {
		p.status(sp, c)
	} else if at < len(args) && !(p.tok(args[at].from).kind == tIdent && p.is(args[at].from+1, ":")) {
		p.status(args[at], c)
	}
	if len(p.occ) == n {
		return 0
	}
	o := &p.occ[n]
	if o.API&ErrorAPI != 0 && (o.Code == 204 || o.Code == 304) && !p.hasMessage(args, msgAt) {
		// abort(204, headers: […]) (Laravel's Precognition) and new
		// HttpException(304) end the request with an empty response:
		// HttpFoundation drops the body of a 204 or 304, so no error
		// message is sent, and the call is no error API here.
		o.API &^= ErrorAPI
	}
	if o.API&BodyAPI != 0 && p.sendsBody(args) {
		p.flowBody(o, args)
	}
	return o.Code
}

// hasMessage reports whether a call passes a message: argument msgAt, or
// message: by name, other than ”.
func (p *phpScan) hasMessage(args []span, msgAt int) bool {
	msg, ok := p.keyword(args, "message", ":")
	if !ok && msgAt >= 0 && msgAt < len(args) && !(p.tok(args[msgAt].from).kind == tIdent && p.is(args[msgAt].from+1, ":")) {
		msg, ok = args[msgAt], true
	}
	if !ok {
		return false
	}
	return !(msg.to-msg.from == 1 && (p.is(msg.from, "''") || p.is(msg.from, `""`) || p.is(msg.from, "null")))
}

// foundationResponse reports whether the file imports Symfony's or
// Laravel's Response, whose constructor takes the content first.
func (p *phpScan) foundationResponse() bool {
	return containsAny(p.src, `HttpFoundation\Response;`, `Illuminate\Http\Response;`)
}

// phpStatusParam names the status parameter of a call, as named
// arguments write it: most APIs call it $status.
func phpStatusParam(context string) string {
	switch context {
	case "abort", "abort_if", "abort_unless", "setStatusCode", "withStatus", "status_header":
		return "code"
	case "new HttpException":
		return "statusCode"
	case "http_response_code", "header":
		return "response_code"
	case "wp_send_json", "wp_send_json_success", "wp_send_json_error":
		return "status_code"
	}
	return "status"
}

// stringArg returns the index of the argument when it is one '…' or "…"
// literal, or -1.
func (p *phpScan) stringArg(sp span) int {
	if sp.to-sp.from == 1 && p.tok(sp.from).kind == tString {
		if q := p.src[p.tok(sp.from).start]; q == '\'' || q == '"' {
			return sp.from
		}
	}
	return -1
}

// method reads a call of a method or a static method: name( at i.
func (p *phpScan) method(i int, fn []byte) {
	switch string(fn) {
	case "setStatusCode":
		// Symfony (and CodeIgniter): setStatusCode($code, $text).
		p.call(i+1, 0, 1, statusCtx{context: string(fn), framework: "symfony", api: p.chainAPI(i), reason: true})
	case "denyWithStatus":
		// Laravel's gates and policies: Response::denyWithStatus(404,
		// $message), $this->denyWithStatus(…).
		p.call(i+1, 0, 1, statusCtx{context: string(fn), framework: "laravel", api: ErrorAPI})
	case "withStatus":
		// PSR-7: withStatus($code, $reasonPhrase).
		p.call(i+1, 0, 1, statusCtx{context: string(fn), framework: "psr-7", api: p.chainAPI(i), reason: true})
	case "assertStatus", "assertResponseStatus", "assertResponseStatusCodeSame":
		if args, _ := p.args(i + 1); len(args) > 0 {
			p.status(args[0], statusCtx{role: Compare, context: string(fn), msg: -1})
		}
	case "assertEquals", "assertSame", "assertNotEquals", "assertNotSame":
		if args, _ := p.args(i + 1); len(args) >= 2 {
			p.compared(args[0], args[1], string(fn), p)
			p.compared(args[1], args[0], string(fn), p)
		}
	default:
		p.hiddenHeader(i, fn)
		if !p.is(i-1, "::") {
			return
		}
		class := p.tok(i - 2).text(p.src)
		switch {
		case string(class) == "Redirect":
			// Laravel's facades: Redirect::to('/x', 301), Response::json($x, 404).
			p.chain(i-1, "redirect")
		case string(class) == "Response" && string(fn) != "create":
			p.chain(i-1, "response")
		case phpResponses[string(class)] != 0 && (string(fn) == "create" || string(fn) == "fromJsonString"):
			// Symfony 4's Response::create($content, 404) and the like.
			c := statusCtx{context: string(class) + "::" + string(fn), framework: "symfony"}
			if phpResponses[string(class)] == phpRedirect {
				c.api = RedirectAPI
			}
			p.call(i+1, 1, -1, c)
		}
	}
}

// chain reads the first call after response() or redirect() (or on the
// facade, from Response:: or Redirect::), whose operator is at k: each
// Laravel method takes the status at its own position.
func (p *phpScan) chain(k int, helper string) {
	if !(p.is(k, "->") || p.is(k, "::")) || p.tok(k+1).kind != tIdent || !p.is(k+2, "(") {
		return
	}
	method := p.text(k + 1)
	c := statusCtx{context: helper + "()->" + method, framework: "laravel"}
	if p.is(k, "::") {
		c.context = p.text(k-1) + "::" + method
	}
	at, msgAt := -1, -1
	if helper == "redirect" {
		c.api = RedirectAPI
		switch method {
		case "to", "away", "guest", "intended", "secure":
			at = 1
		case "route", "action":
			at = 2
		case "back", "home", "refresh":
			at = 0
		}
	} else {
		switch method {
		case "make", "json", "stream":
			at, msgAt, c.api = 1, 0, BodyAPI
		case "view", "jsonp":
			at, c.api = 2, BodyAPI
		case "noContent":
			at = 0
		case "redirectTo", "redirectGuest", "redirectToIntended":
			at, c.api = 1, RedirectAPI
		case "redirectToRoute", "redirectToAction":
			at, c.api = 2, RedirectAPI
		}
	}
	if at >= 0 {
		p.call(k+2, at, msgAt, c)
	}
}

// Kinds of response classes.
const (
	phpResponse = 1 + iota
	phpRedirect
	phpEmpty // Laminas' EmptyResponse($status)
)

// phpResponses are the response classes whose constructor takes the
// status second ($content, $status): Symfony's and Laravel's, Laminas
// Diactoros', WordPress' REST response.
var phpResponses = map[string]int{
	"Response": phpResponse, "JsonResponse": phpResponse, "StreamedResponse": phpResponse,
	"StreamedJsonResponse": phpResponse, "BinaryFileResponse": phpResponse,
	"SymfonyResponse": phpResponse, "HtmlResponse": phpResponse, "TextResponse": phpResponse,
	"XmlResponse": phpResponse, "WP_REST_Response": phpResponse,
	"RedirectResponse": phpRedirect, "EmptyResponse": phpEmpty,
}

// construct reads `new Class(…)` whose class name starts at k.
func (p *phpScan) construct(k int) {
	for p.is(k, "\\") || p.tok(k).kind == tIdent && p.is(k+1, "\\") {
		k++
	}
	if p.tok(k).kind != tIdent || !p.is(k+1, "(") {
		return
	}
	class := string(p.tok(k).text(p.src))
	if class == "HttpException" {
		// Symfony and Yii: new HttpException(404, 'message').
		p.call(k+1, 0, 1, statusCtx{context: "new HttpException", framework: "symfony", api: ErrorAPI})
		return
	}
	kind := phpResponses[class]
	if kind == 0 {
		return
	}
	c := statusCtx{context: "new " + class, framework: "symfony"}
	args, _ := p.args(k + 1)
	switch {
	case kind == phpEmpty:
		p.call(k+1, 0, -1, c)
	case class == "Response" && !p.foundationResponse() && len(args) > 0 && p.tok(args[0].from).kind == tNumber && args[0].to-args[0].from == 1:
		// PSR-7 responses (Guzzle, Nyholm, Slim) take the status first:
		// new Response(404, $headers, $body). Only their class is named
		// plain Response: JsonResponse(0) is Symfony's, Laravel's or
		// Laminas', whose first argument is the data (the JSON number 0),
		// and so is Response(404) where the file imports HttpFoundation's.
		c.framework = "psr-7"
		p.call(k+1, 0, -1, c)
	case kind == phpRedirect:
		c.api = RedirectAPI
		p.call(k+1, 1, -1, c)
	default:
		c.api = BodyAPI
		p.call(k+1, 1, 0, c)
	}
}

// header reads PHP's header(): a third argument is the response code
// (a redirect's with a Location header), and a status line
// ('HTTP/1.1 404 Not Found', 'Status: 404') holds the code in the string.
func (p *phpScan) header(i int) {
	args, _ := p.args(i + 1)
	if len(args) == 0 {
		return
	}
	first := p.stringArg(args[0])
	// The line is one string, or $_SERVER['SERVER_PROTOCOL'] . ' 404 …'.
	line := first
	if line < 0 && args[0].to-args[0].from >= 3 && p.is(args[0].to-2, ".") && p.stringArg(span{args[0].to - 1, args[0].to}) >= 0 {
		line = args[0].to - 1
	}
	if line >= 0 {
		if code := p.statusLine(line, line != first); code != 0 {
			p.addFlow(i, event{kind: statusWrite, code: code})
			return
		}
	}
	name := p.headerName(args[0])
	p.addFlow(i, event{kind: headerSet, header: name, direct: true})
	if len(args) >= 3 {
		c := statusCtx{context: "header", framework: "php"}
		location := strings.EqualFold(name, "location")
		if location {
			c.api = LocationAPI
		}
		code := p.call(i+1, 2, -1, c)
		p.addFlow(i, event{kind: statusWrite, code: code, setsLocation: location})
	}
}

// statusLine records the code of a status line in the string token at i:
// "HTTP/1.1 404 Not Found", "Status: 404 Not Found", or, after the
// protocol, " 404 Not Found". The occurrence spans the three digits; the
// rest of the line is its message.
func (p *phpScan) statusLine(i int, afterProtocol bool) int {
	t := p.tok(i)
	lit := p.src[t.start:t.end]
	body := lit[1 : len(lit)-min(1, len(lit)-1)]
	j := 0
	switch {
	case afterProtocol:
	case len(body) > 5 && string(body[:5]) == "HTTP/":
		for j < len(body) && body[j] != ' ' {
			j++
		}
	case len(body) > 7 && strings.EqualFold(string(body[:7]), "status:"):
		j = 7
	default:
		return 0
	}
	for j < len(body) && body[j] == ' ' {
		j++
	}
	if j+3 > len(body) || body[j] < '1' || body[j] > '9' || !digit[body[j+1]] || !digit[body[j+2]] || j+3 < len(body) && body[j+3] != ' ' {
		return 0
	}
	start := int(t.start) + 1 + j
	code := int(body[j]-'0')*100 + int(body[j+1]-'0')*10 + int(body[j+2]-'0')
	o := Occurrence{Start: start, End: start + 3, Code: code, Written: Number, Role: Send, Context: "header", Framework: "php"}
	if reason := strings.TrimSpace(string(body[j+3:])); reason != "" {
		o.Message, o.MessageStart, o.MessageEnd = reason, int(t.start), int(t.end)
	}
	p.occ = append(p.occ, o)
	p.bare = append(p.bare, start)
	return code
}

// chainAPI says what the rest of the chain around the method at i tells
// of the response: a Location header set before or after the status
// ($response->withHeader('Location', $url)->withStatus(302)) is set by
// hand beside the status the code chose.
func (p *phpScan) chainAPI(i int) API {
	// Calls after: ->withStatus(…)->withHeader(…)…
	j := p.closing(i+1) + 1
	for n := 0; n < maxChain && (p.is(j, "->") || p.is(j, "?->")) && p.tok(j+1).kind == tIdent && p.is(j+2, "("); n++ {
		if p.setsLocation(j + 1) {
			return LocationAPI
		}
		j = p.closing(j+2) + 1
	}
	// Calls before: …->withHeader(…)->withStatus(…)
	j = i - 1
	for n := 0; n < maxChain && (p.is(j, "->") || p.is(j, "?->")) && p.is(j-1, ")"); n++ {
		open := p.opening(j - 1)
		if p.tok(open-1).kind != tIdent {
			break
		}
		if p.setsLocation(open - 1) {
			return LocationAPI
		}
		j = open - 2
	}
	return 0
}

// setsLocation reports whether the method call at i sets the Location
// header: withHeader('Location', …), header('Location', …).
func (p *phpScan) setsLocation(i int) bool {
	switch string(p.tok(i).text(p.src)) {
	case "withHeader", "withAddedHeader", "header", "setHeader":
	default:
		return false
	}
	t := p.tok(i + 2)
	return t.kind == tString && strings.EqualFold(stringContent(t.text(p.src)), "location")
}

// opening returns the index of the bracket that the one at close closes,
// or -1, from the pairs the scan builds for closing.
func (p *phpScan) opening(close int) int {
	if p.opened == nil {
		p.opened = make(map[int32]int32)
		pairs := p.pairs()
		for k, open := range pairs.opens {
			p.opened[pairs.closes[k]] = open
		}
	}
	if open, ok := p.opened[int32(close)]; ok {
		return int(open)
	}
	return -1
}

// statement returns the expression from token k to the end of its
// statement (;, ?>, a closing bracket or a comma).
func (p *phpScan) statement(k int) span {
	j := k
	for j < len(p.toks) && j-k < maxExpr && !p.is(j, ";") && !p.is(j, "?>") && !p.is(j, ",") && !p.is(j, ")") && !p.is(j, "]") && !p.is(j, "}") {
		if p.is(j, "(") || p.is(j, "[") || p.is(j, "{") {
			j = p.closing(j)
		}
		j++
	}
	return span{k, min(j, len(p.toks))}
}

// statusEnds reports whether the expression ending at token j reads a
// status: ->getStatusCode(), ->status() (Laravel), http_response_code(),
// or a variable or property named status, statusCode or status_code.
func (p *phpScan) statusEnds(j int) bool {
	if p.is(j, ")") && p.is(j-1, "(") {
		switch {
		case p.is(j-2, "getStatusCode") || p.is(j-2, "status"):
			return p.is(j-3, "->") || p.is(j-3, "?->")
		case p.is(j-2, "http_response_code"):
			return !p.is(j-3, "->") && !p.is(j-3, "::")
		}
		return false
	}
	switch string(p.tok(j).text(p.src)) {
	case "$status", "$statusCode", "$status_code":
		return true
	case "status", "statusCode", "status_code":
		return p.is(j-1, "->") || p.is(j-1, "?->")
	}
	return false
}

// operandEnd returns the last token of the operand starting at k:
// $response->getStatusCode(), http_response_code(), \Foo::bar(), $a['b'].
func (p *phpScan) operandEnd(k int) int {
	if p.is(k, "\\") {
		k++
	}
	if p.tok(k).kind != tIdent {
		return -1
	}
	j := k + 1
	for {
		switch {
		case (p.is(j, "->") || p.is(j, "?->") || p.is(j, "::") || p.is(j, "\\")) && p.tok(j+1).kind == tIdent:
			j += 2
		case p.is(j, "(") || p.is(j, "["):
			j = p.closing(j) + 1
		default:
			return j - 1
		}
	}
}

// switchCase reads `switch (<status>) { case 404: … }`: each case value is
// a code compared.
func (p *phpScan) switchCase(i int) {
	if !p.is(i+1, "(") {
		return
	}
	close := p.closing(i + 1)
	if !p.statusEnds(close-1) || !p.is(close+1, "{") {
		return
	}
	end := p.closing(close + 1)
	for k := close + 2; k < end; k++ {
		if p.is(k, "(") || p.is(k, "[") || p.is(k, "{") {
			k = p.closing(k)
			continue
		}
		if !p.is(k, "case") {
			continue
		}
		e := k + 1
		for e < end && e-k < maxExpr && !p.is(e, ":") && !p.is(e, ";") && !p.is(e, "{") && !p.is(e, "}") {
			e++
		}
		p.status(span{k + 1, e}, statusCtx{role: Compare, context: "case", msg: -1})
		k = e - 1 // the loop goes on at e, which may open a bracket to skip
	}
}

// matchArms reads PHP 8's `match (<status>) { 404, 410 => …, default => … }`:
// each condition is a code compared.
func (p *phpScan) matchArms(i int) {
	if !p.is(i+1, "(") {
		return
	}
	close := p.closing(i + 1)
	if !p.statusEnds(close-1) || !p.is(close+1, "{") {
		return
	}
	end := p.closing(close + 1)
	for k := close + 2; k < end; {
		// The conditions, up to =>.
		arrow := k
		for arrow < end && !p.is(arrow, "=>") {
			if p.is(arrow, "(") || p.is(arrow, "[") || p.is(arrow, "{") {
				arrow = p.closing(arrow)
			}
			arrow++
		}
		if arrow >= end {
			return
		}
		args, _ := p.argsBetween(k, arrow)
		for _, a := range args {
			p.status(a, statusCtx{role: Compare, context: "match arm", msg: -1})
		}
		// The arm's expression, up to the comma that ends it.
		k = arrow + 1
		for k < end && !p.is(k, ",") {
			if p.is(k, "(") || p.is(k, "[") || p.is(k, "{") {
				k = p.closing(k)
			}
			k++
		}
		k++
	}
}

// argsBetween splits tokens [from, to) at the commas outside brackets.
func (p *phpScan) argsBetween(from, to int) ([]span, int) {
	var out []span
	start := from
	for k := from; k < to; k++ {
		switch {
		case p.is(k, "(") || p.is(k, "[") || p.is(k, "{"):
			k = p.closing(k)
		case p.is(k, ","):
			out = append(out, span{start, k})
			start = k + 1
		}
	}
	if start < to {
		out = append(out, span{start, to})
	}
	return out, to
}
