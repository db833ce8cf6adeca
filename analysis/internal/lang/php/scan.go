package php

import (
	"slices"
	"strings"

	"github.com/httpcodes/httpcodes/analysis/internal/facts"
	"github.com/httpcodes/httpcodes/analysis/internal/lex"
)

// phpScan walks a PHP file's tokens for the contexts of plain PHP
// (http_response_code, header), Symfony HttpFoundation and PSR-7
// responses, Laravel's helpers and test assertions, and WordPress.
type extractor struct {
	*lex.Scan
	// bare are the offsets of numbers that cannot become a constant: the
	// code inside a header('HTTP/1.1 404 Not Found') string.
	bare []int
	// opened maps closing brackets to their openers, built on first use.
	opened map[int32]int32
	// flows are the response events met, for phpFlow.
	flows []phpFlowCall
}

func analyzePHP(_ string, src []byte, _ *facts.Result) *facts.FileFacts {
	p := &extractor{Scan: lex.NewScan("php", src, lexPHP(src))}
	p.Alias = phpAlias
	for i, t := range p.Toks {
		switch t.Kind {
		case lex.TIdent:
			p.ident(i)
		case lex.TPunct:
			p.Comparison(i, p)
		}
	}
	p.References()
	slices.SortStableFunc(p.flows, func(a, b phpFlowCall) int { return a.tok - b.tok })
	steps := p.phpFlow()
	f := p.Facts()
	f.Steps = steps
	p.Release()
	lex.KeepNumbers(f, p.bare)
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
func (p *extractor) ident(i int) {
	name := p.Toks[i].Text(p.Src)
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
		if p.Is(i-1, "->") && p.Is(i+1, "=") {
			// Not strict: a class of one's own may start a property
			// of that name at 0.
			p.Status(p.statement(i+2), lex.StatusCtx{Role: facts.Send, Context: "response->statusCode", Framework: "yii", Msg: -1})
		}
		return
	}
	if !p.Is(i+1, "(") || p.Is(i-1, "function") {
		return
	}
	if p.Is(i-1, "->") || p.Is(i-1, "?->") || p.Is(i-1, "::") {
		p.method(i, name)
		return
	}
	p.function(i, name)
}

// function reads a call of a global function: name( at i.
func (p *extractor) function(i int, fn []byte) {
	var c lex.StatusCtx
	at, msgAt := 0, -1
	switch string(fn) {
	case "http_response_code":
		c = lex.StatusCtx{Framework: "php"}
	case "status_header":
		c = lex.StatusCtx{Framework: "wordpress"}
	case "header":
		p.header(i)
		return
	case "abort":
		c, msgAt = lex.StatusCtx{Framework: "laravel", Api: facts.ErrorAPI}, 1
	case "abort_if", "abort_unless":
		c, at, msgAt = lex.StatusCtx{Framework: "laravel", Api: facts.ErrorAPI}, 1, 2
	case "response", "redirect":
		args, close := p.Args(i + 1)
		if len(args) == 0 {
			// response()->json($data, 404), redirect()->route('home', [], 301)
			p.chain(close+1, string(fn))
			return
		}
		c, at, msgAt = lex.StatusCtx{Framework: "laravel", Api: facts.BodyAPI}, 1, 0
		if string(fn) == "redirect" {
			c.Api, msgAt = facts.RedirectAPI, -1
		}
	case "back":
		c = lex.StatusCtx{Framework: "laravel", Api: facts.RedirectAPI}
	case "to_route":
		c, at = lex.StatusCtx{Framework: "laravel", Api: facts.RedirectAPI}, 2
	case "wp_redirect", "wp_safe_redirect":
		c, at = lex.StatusCtx{Framework: "wordpress", Api: facts.RedirectAPI}, 1
	case "wp_send_json", "wp_send_json_success":
		c, at = lex.StatusCtx{Framework: "wordpress", Api: facts.BodyAPI}, 1
	case "wp_send_json_error":
		c, at = lex.StatusCtx{Framework: "wordpress", Api: facts.ErrorAPI | facts.BodyAPI}, 1
	case "flush", "fastcgi_finish_request", "litespeed_finish_request":
		p.addFlow(i, facts.Event{Kind: facts.BodyWrite})
		return
	case "setcookie", "setrawcookie":
		p.addFlow(i, facts.Event{Kind: facts.HeaderSet, Header: "Set-Cookie", Direct: true})
		return
	default:
		p.hiddenHeader(i, fn)
		return
	}
	c.Context = string(fn)
	code := p.call(i+1, at, msgAt, c)
	if args, _ := p.Args(i + 1); len(args) > 0 && (c.Context == "http_response_code" || c.Context == "status_header") {
		p.addFlow(i, facts.Event{Kind: facts.StatusWrite, Code: code})
	}
}

// call records argument at of the call whose ( is at open as a status
// sent, with argument msgAt (or none, -1) as its message. PHP 8's named
// arguments (new Response(status: 404)) are read by the parameter's name.
//
// It returns the code recorded, 0 when none was.
func (p *extractor) call(open, at, msgAt int, c lex.StatusCtx) int {
	args, _ := p.Args(open)
	c.Role, c.Strict, c.Msg = facts.Send, true, -1
	if msgAt >= 0 && msgAt < len(args) {
		c.Msg = p.stringArg(args[msgAt])
	}
	n := len(p.Occ)
	if sp, ok := p.Keyword(args, phpStatusParam(c.Context), ":"); ok {
		p.Status(sp, c)
	} else if at < len(args) && !(p.Tok(args[at].From).Kind == lex.TIdent && p.Is(args[at].From+1, ":")) {
		p.Status(args[at], c)
	}
	if len(p.Occ) == n {
		return 0
	}
	o := &p.Occ[n]
	if o.API&facts.ErrorAPI != 0 && (o.Code == 204 || o.Code == 304) && !p.hasMessage(args, msgAt) {
		// abort(204, headers: […]) (Laravel's Precognition) and new
		// HttpException(304) end the request with an empty response:
		// HttpFoundation drops the body of a 204 or 304, so no error
		// message is sent, and the call is no error API here.
		o.API &^= facts.ErrorAPI
	}
	if o.API&facts.BodyAPI != 0 && p.sendsBody(args) {
		p.flowBody(o, args)
	}
	return o.Code
}

// hasMessage reports whether a call passes a message: argument msgAt, or
// message: by name, other than ”.
func (p *extractor) hasMessage(args []lex.Span, msgAt int) bool {
	msg, ok := p.Keyword(args, "message", ":")
	if !ok && msgAt >= 0 && msgAt < len(args) && !(p.Tok(args[msgAt].From).Kind == lex.TIdent && p.Is(args[msgAt].From+1, ":")) {
		msg, ok = args[msgAt], true
	}
	if !ok {
		return false
	}
	return !(msg.To-msg.From == 1 && (p.Is(msg.From, "''") || p.Is(msg.From, `""`) || p.Is(msg.From, "null")))
}

// foundationResponse reports whether the file imports Symfony's or
// Laravel's Response, whose constructor takes the content first.
func (p *extractor) foundationResponse() bool {
	return facts.ContainsAny(p.Src, `HttpFoundation\Response;`, `Illuminate\Http\Response;`)
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
func (p *extractor) stringArg(sp lex.Span) int {
	if sp.To-sp.From == 1 && p.Tok(sp.From).Kind == lex.TString {
		if q := p.Src[p.Tok(sp.From).Start]; q == '\'' || q == '"' {
			return sp.From
		}
	}
	return -1
}

// method reads a call of a method or a static method: name( at i.
func (p *extractor) method(i int, fn []byte) {
	switch string(fn) {
	case "setStatusCode":
		// Symfony (and CodeIgniter): setStatusCode($code, $text).
		p.call(i+1, 0, 1, lex.StatusCtx{Context: string(fn), Framework: "symfony", Api: p.chainAPI(i), Reason: true})
	case "denyWithStatus":
		// Laravel's gates and policies: Response::denyWithStatus(404,
		// $message), $this->denyWithStatus(…).
		p.call(i+1, 0, 1, lex.StatusCtx{Context: string(fn), Framework: "laravel", Api: facts.ErrorAPI})
	case "withStatus":
		// PSR-7: withStatus($code, $reasonPhrase).
		p.call(i+1, 0, 1, lex.StatusCtx{Context: string(fn), Framework: "psr-7", Api: p.chainAPI(i), Reason: true})
	case "assertStatus", "assertResponseStatus", "assertResponseStatusCodeSame":
		if args, _ := p.Args(i + 1); len(args) > 0 {
			p.Status(args[0], lex.StatusCtx{Role: facts.Compare, Context: string(fn), Msg: -1})
		}
	case "assertEquals", "assertSame", "assertNotEquals", "assertNotSame":
		if args, _ := p.Args(i + 1); len(args) >= 2 {
			p.Compared(args[0], args[1], string(fn), p)
			p.Compared(args[1], args[0], string(fn), p)
		}
	default:
		p.hiddenHeader(i, fn)
		if !p.Is(i-1, "::") {
			return
		}
		class := p.Tok(i - 2).Text(p.Src)
		switch {
		case string(class) == "Redirect":
			// Laravel's facades: Redirect::to('/x', 301), Response::json($x, 404).
			p.chain(i-1, "redirect")
		case string(class) == "Response" && string(fn) != "create":
			p.chain(i-1, "response")
		case phpResponses[string(class)] != 0 && (string(fn) == "create" || string(fn) == "fromJsonString"):
			// Symfony 4's Response::create($content, 404) and the like.
			c := lex.StatusCtx{Context: string(class) + "::" + string(fn), Framework: "symfony"}
			if phpResponses[string(class)] == phpRedirect {
				c.Api = facts.RedirectAPI
			}
			p.call(i+1, 1, -1, c)
		}
	}
}

// chain reads the first call after response() or redirect() (or on the
// facade, from Response:: or Redirect::), whose operator is at k: each
// Laravel method takes the status at its own position.
func (p *extractor) chain(k int, helper string) {
	if !(p.Is(k, "->") || p.Is(k, "::")) || p.Tok(k+1).Kind != lex.TIdent || !p.Is(k+2, "(") {
		return
	}
	method := p.Text(k + 1)
	c := lex.StatusCtx{Context: helper + "()->" + method, Framework: "laravel"}
	if p.Is(k, "::") {
		c.Context = p.Text(k-1) + "::" + method
	}
	at, msgAt := -1, -1
	if helper == "redirect" {
		c.Api = facts.RedirectAPI
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
			at, msgAt, c.Api = 1, 0, facts.BodyAPI
		case "view", "jsonp":
			at, c.Api = 2, facts.BodyAPI
		case "noContent":
			at = 0
		case "redirectTo", "redirectGuest", "redirectToIntended":
			at, c.Api = 1, facts.RedirectAPI
		case "redirectToRoute", "redirectToAction":
			at, c.Api = 2, facts.RedirectAPI
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
func (p *extractor) construct(k int) {
	for p.Is(k, "\\") || p.Tok(k).Kind == lex.TIdent && p.Is(k+1, "\\") {
		k++
	}
	if p.Tok(k).Kind != lex.TIdent || !p.Is(k+1, "(") {
		return
	}
	class := string(p.Tok(k).Text(p.Src))
	if class == "HttpException" {
		// Symfony and Yii: new HttpException(404, 'message').
		p.call(k+1, 0, 1, lex.StatusCtx{Context: "new HttpException", Framework: "symfony", Api: facts.ErrorAPI})
		return
	}
	kind := phpResponses[class]
	if kind == 0 {
		return
	}
	c := lex.StatusCtx{Context: "new " + class, Framework: "symfony"}
	args, _ := p.Args(k + 1)
	switch {
	case kind == phpEmpty:
		p.call(k+1, 0, -1, c)
	case class == "Response" && !p.foundationResponse() && len(args) > 0 && p.Tok(args[0].From).Kind == lex.TNumber && args[0].To-args[0].From == 1:
		// PSR-7 responses (Guzzle, Nyholm, Slim) take the status first:
		// new Response(404, $headers, $body). Only their class is named
		// plain Response: JsonResponse(0) is Symfony's, Laravel's or
		// Laminas', whose first argument is the data (the JSON number 0),
		// and so is Response(404) where the file imports HttpFoundation's.
		c.Framework = "psr-7"
		p.call(k+1, 0, -1, c)
	case kind == phpRedirect:
		c.Api = facts.RedirectAPI
		p.call(k+1, 1, -1, c)
	default:
		c.Api = facts.BodyAPI
		p.call(k+1, 1, 0, c)
	}
}

// header reads PHP's header(): a third argument is the response code
// (a redirect's with a Location header), and a status line
// ('HTTP/1.1 404 Not Found', 'Status: 404') holds the code in the string.
func (p *extractor) header(i int) {
	args, _ := p.Args(i + 1)
	if len(args) == 0 {
		return
	}
	first := p.stringArg(args[0])
	// The line is one string, or $_SERVER['SERVER_PROTOCOL'] . ' 404 …'.
	line := first
	if line < 0 && args[0].To-args[0].From >= 3 && p.Is(args[0].To-2, ".") && p.stringArg(lex.Span{From: args[0].To - 1, To: args[0].To}) >= 0 {
		line = args[0].To - 1
	}
	if line >= 0 {
		if code := p.statusLine(line, line != first); code != 0 {
			p.addFlow(i, facts.Event{Kind: facts.StatusWrite, Code: code})
			return
		}
	}
	name := p.headerName(args[0])
	p.addFlow(i, facts.Event{Kind: facts.HeaderSet, Header: name, Direct: true})
	if len(args) >= 3 {
		c := lex.StatusCtx{Context: "header", Framework: "php"}
		location := strings.EqualFold(name, "location")
		if location {
			c.Api = facts.LocationAPI
		}
		code := p.call(i+1, 2, -1, c)
		p.addFlow(i, facts.Event{Kind: facts.StatusWrite, Code: code, SetsLocation: location})
	}
}

// statusLine records the code of a status line in the string token at i:
// "HTTP/1.1 404 Not Found", "Status: 404 Not Found", or, after the
// protocol, " 404 Not Found". The occurrence spans the three digits; the
// rest of the line is its message.
func (p *extractor) statusLine(i int, afterProtocol bool) int {
	t := p.Tok(i)
	lit := p.Src[t.Start:t.End]
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
	if j+3 > len(body) || body[j] < '1' || body[j] > '9' || !lex.Digit[body[j+1]] || !lex.Digit[body[j+2]] || j+3 < len(body) && body[j+3] != ' ' {
		return 0
	}
	start := int(t.Start) + 1 + j
	code := int(body[j]-'0')*100 + int(body[j+1]-'0')*10 + int(body[j+2]-'0')
	o := facts.Occurrence{Start: start, End: start + 3, Code: code, Written: facts.Number, Role: facts.Send, Context: "header", Framework: "php"}
	if reason := strings.TrimSpace(string(body[j+3:])); reason != "" {
		o.Message, o.MessageStart, o.MessageEnd = reason, int(t.Start), int(t.End)
	}
	p.Occ = append(p.Occ, o)
	p.bare = append(p.bare, start)
	return code
}

// chainAPI says what the rest of the chain around the method at i tells
// of the response: a Location header set before or after the status
// ($response->withHeader('Location', $url)->withStatus(302)) is set by
// hand beside the status the code chose.
func (p *extractor) chainAPI(i int) facts.API {
	// Calls after: ->withStatus(…)->withHeader(…)…
	j := p.Closing(i+1) + 1
	for n := 0; n < lex.MaxChain && (p.Is(j, "->") || p.Is(j, "?->")) && p.Tok(j+1).Kind == lex.TIdent && p.Is(j+2, "("); n++ {
		if p.setsLocation(j + 1) {
			return facts.LocationAPI
		}
		j = p.Closing(j+2) + 1
	}
	// Calls before: …->withHeader(…)->withStatus(…)
	j = i - 1
	for n := 0; n < lex.MaxChain && (p.Is(j, "->") || p.Is(j, "?->")) && p.Is(j-1, ")"); n++ {
		open := p.opening(j - 1)
		if p.Tok(open-1).Kind != lex.TIdent {
			break
		}
		if p.setsLocation(open - 1) {
			return facts.LocationAPI
		}
		j = open - 2
	}
	return 0
}

// setsLocation reports whether the method call at i sets the Location
// header: withHeader('Location', …), header('Location', …).
func (p *extractor) setsLocation(i int) bool {
	switch string(p.Tok(i).Text(p.Src)) {
	case "withHeader", "withAddedHeader", "header", "setHeader":
	default:
		return false
	}
	t := p.Tok(i + 2)
	return t.Kind == lex.TString && strings.EqualFold(lex.StringContent(t.Text(p.Src)), "location")
}

// opening returns the index of the bracket that the one at close closes,
// or -1, from the pairs the scan builds for closing.
func (p *extractor) opening(close int) int {
	if p.opened == nil {
		p.opened = make(map[int32]int32)
		pairs := p.Pairs()
		for k, open := range pairs.Opens {
			p.opened[pairs.Closes[k]] = open
		}
	}
	if open, ok := p.opened[int32(close)]; ok {
		return int(open)
	}
	return -1
}

// statement returns the expression from token k to the end of its
// statement (;, ?>, a closing bracket or a comma).
func (p *extractor) statement(k int) lex.Span {
	j := k
	for j < len(p.Toks) && j-k < lex.MaxExpr && !p.Is(j, ";") && !p.Is(j, "?>") && !p.Is(j, ",") && !p.Is(j, ")") && !p.Is(j, "]") && !p.Is(j, "}") {
		if p.Is(j, "(") || p.Is(j, "[") || p.Is(j, "{") {
			j = p.Closing(j)
		}
		j++
	}
	return lex.Span{From: k, To: min(j, len(p.Toks))}
}

// statusEnds reports whether the expression ending at token j reads a
// status: ->getStatusCode(), ->status() (Laravel), http_response_code(),
// or a variable or property named status, statusCode or status_code.
func (p *extractor) StatusEnds(j int) bool {
	if p.Is(j, ")") && p.Is(j-1, "(") {
		switch {
		case p.Is(j-2, "getStatusCode") || p.Is(j-2, "status"):
			return p.Is(j-3, "->") || p.Is(j-3, "?->")
		case p.Is(j-2, "http_response_code"):
			return !p.Is(j-3, "->") && !p.Is(j-3, "::")
		}
		return false
	}
	switch string(p.Tok(j).Text(p.Src)) {
	case "$status", "$statusCode", "$status_code":
		return true
	case "status", "statusCode", "status_code":
		return p.Is(j-1, "->") || p.Is(j-1, "?->")
	}
	return false
}

// operandEnd returns the last token of the operand starting at k:
// $response->getStatusCode(), http_response_code(), \Foo::bar(), $a['b'].
func (p *extractor) OperandEnd(k int) int {
	if p.Is(k, "\\") {
		k++
	}
	if p.Tok(k).Kind != lex.TIdent {
		return -1
	}
	j := k + 1
	for {
		switch {
		case (p.Is(j, "->") || p.Is(j, "?->") || p.Is(j, "::") || p.Is(j, "\\")) && p.Tok(j+1).Kind == lex.TIdent:
			j += 2
		case p.Is(j, "(") || p.Is(j, "["):
			j = p.Closing(j) + 1
		default:
			return j - 1
		}
	}
}

// switchCase reads `switch (<status>) { case 404: … }`: each case value is
// a code compared.
func (p *extractor) switchCase(i int) {
	if !p.Is(i+1, "(") {
		return
	}
	close := p.Closing(i + 1)
	if !p.StatusEnds(close-1) || !p.Is(close+1, "{") {
		return
	}
	end := p.Closing(close + 1)
	for k := close + 2; k < end; k++ {
		if p.Is(k, "(") || p.Is(k, "[") || p.Is(k, "{") {
			k = p.Closing(k)
			continue
		}
		if !p.Is(k, "case") {
			continue
		}
		e := k + 1
		for e < end && e-k < lex.MaxExpr && !p.Is(e, ":") && !p.Is(e, ";") && !p.Is(e, "{") && !p.Is(e, "}") {
			e++
		}
		p.Status(lex.Span{From: k + 1, To: e}, lex.StatusCtx{Role: facts.Compare, Context: "case", Msg: -1})
		k = e - 1 // the loop goes on at e, which may open a bracket to skip
	}
}

// matchArms reads PHP 8's `match (<status>) { 404, 410 => …, default => … }`:
// each condition is a code compared.
func (p *extractor) matchArms(i int) {
	if !p.Is(i+1, "(") {
		return
	}
	close := p.Closing(i + 1)
	if !p.StatusEnds(close-1) || !p.Is(close+1, "{") {
		return
	}
	end := p.Closing(close + 1)
	for k := close + 2; k < end; {
		// The conditions, up to =>.
		arrow := k
		for arrow < end && !p.Is(arrow, "=>") {
			if p.Is(arrow, "(") || p.Is(arrow, "[") || p.Is(arrow, "{") {
				arrow = p.Closing(arrow)
			}
			arrow++
		}
		if arrow >= end {
			return
		}
		args, _ := p.argsBetween(k, arrow)
		for _, a := range args {
			p.Status(a, lex.StatusCtx{Role: facts.Compare, Context: "match arm", Msg: -1})
		}
		// The arm's expression, up to the comma that ends it.
		k = arrow + 1
		for k < end && !p.Is(k, ",") {
			if p.Is(k, "(") || p.Is(k, "[") || p.Is(k, "{") {
				k = p.Closing(k)
			}
			k++
		}
		k++
	}
}

// argsBetween splits tokens [from, to) at the commas outside brackets.
func (p *extractor) argsBetween(from, to int) ([]lex.Span, int) {
	var out []lex.Span
	start := from
	for k := from; k < to; k++ {
		switch {
		case p.Is(k, "(") || p.Is(k, "[") || p.Is(k, "{"):
			k = p.Closing(k)
		case p.Is(k, ","):
			out = append(out, lex.Span{From: start, To: k})
			start = k + 1
		}
	}
	if start < to {
		out = append(out, lex.Span{From: start, To: to})
	}
	return out, to
}
