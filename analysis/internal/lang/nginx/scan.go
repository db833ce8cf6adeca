package nginx

import (
	"bytes"

	"github.com/httpcodes/httpcodes/analysis/internal/facts"
	"github.com/httpcodes/httpcodes/analysis/internal/lex"
)

// nginxScanner reads a configuration directive by directive: a name, its
// arguments, and the ';' or '{' that ends it. Only the directives below
// take status codes; a number anywhere else (listen 80, keepalive_timeout
// 65, client_max_body_size 404m) is a port, a time or a size.
//
// nginx has no status constants, so the shared token scanner (scan.go),
// whose work is mostly resolving them, is not used: the directive's tokens
// are all this one holds, which keeps a large file's tokens out of memory.
type extractor struct {
	lex nginxLexer
	src []byte
	// toks is the current directive: its name, its arguments and the token
	// that ends it (tEOF at the end of the file).
	toks []lex.Lexeme
	occ  []facts.Occurrence
}

// nginxCtx describes where a status token sits.
type nginxCtx struct {
	role    facts.Role
	context string
	api     facts.API
	// strict: any number here is the status sent, so one outside 100–999
	// is an invalid-status finding rather than not a status.
	strict bool
}

func analyzeNginx(_ string, src []byte, _ *facts.Result) *facts.FileFacts {
	n := &extractor{lex: nginxLexer{src: src}, src: src, toks: make([]lex.Lexeme, 0, 16)}
	for n.directive() {
		n.read()
	}
	if len(n.occ) == 0 {
		return nil
	}
	n.ownPages()
	return &facts.FileFacts{Src: src, Occ: n.occ}
}

// ownPages marks the occurrences of every code the file gives its own
// error page (error_page 550 @fetch550;): a code the configuration
// catches and answers itself is one it defines on purpose, a private code
// of its own (return 550 in the same file), not a typo. Only this file's
// error_page directives count: one in an included file is not seen here.
func (n *extractor) ownPages() {
	var caught map[int]bool
	for _, o := range n.occ {
		if o.Role == facts.Compare && o.Context == "error_page" {
			if caught == nil {
				caught = map[int]bool{}
			}
			caught[o.Code] = true
		}
	}
	for k := range n.occ {
		if caught[n.occ[k].Code] {
			n.occ[k].OwnPage = true
		}
	}
}

// directive reads the next directive into n.toks and reports whether there
// was one.
func (n *extractor) directive() bool {
	n.toks = n.toks[:0]
	for {
		t := n.lex.next()
		n.toks = append(n.toks, t)
		if t.Kind == lex.TEOF {
			return len(n.toks) > 1
		}
		if n.ends(t) {
			return true
		}
	}
}

// ends reports whether t ends a directive: ';', or the '{' or '}' of a
// block.
func (n *extractor) ends(t lex.Lexeme) bool {
	if t.Kind != lex.TPunct {
		return false
	}
	c := n.src[t.Start]
	return c == ';' || c == '{' || c == '}'
}

func (n *extractor) is(i int, s string) bool {
	return i >= 0 && i < len(n.toks) && n.toks[i].Kind != lex.TEOF && n.toks[i].Is(n.src, s)
}

// read judges the directive in n.toks.
func (n *extractor) read() {
	args := len(n.toks) - 1 // the arguments are toks[1:args]
	if args < 1 || n.toks[0].Kind != lex.TIdent {
		return
	}
	switch string(n.toks[0].Text(n.src)) {
	case "return":
		n.ret(args)
	case "error_page":
		n.errorPage(args)
	case "limit_req_status":
		n.limitStatus(args, "limit_req_status")
	case "limit_conn_status":
		n.limitStatus(args, "limit_conn_status")
	case "proxy_cache_valid":
		n.cacheValid(args, "proxy_cache_valid")
	case "fastcgi_cache_valid":
		n.cacheValid(args, "fastcgi_cache_valid")
	case "uwsgi_cache_valid":
		n.cacheValid(args, "uwsgi_cache_valid")
	case "scgi_cache_valid":
		n.cacheValid(args, "scgi_cache_valid")
	case "if":
		n.cond(args)
	case "map", "geo", "split_clients", "types":
		// Their bodies are tables, not directives: a key named return is
		// no return.
		n.table()
	}
}

// status records token i as a status in context c, and reports whether it
// was one: a plain decimal number, in 100–999 unless c is strict.
func (n *extractor) status(i int, c nginxCtx) bool {
	t := n.toks[i]
	if t.Kind != lex.TNumber || t.End-t.Start > 9 || t.End-t.Start > 1 && n.src[t.Start] == '0' {
		return false
	}
	code := 0
	for _, d := range n.src[t.Start:t.End] {
		code = code*10 + int(d-'0')
	}
	if !c.strict && (code < 100 || code > 999) {
		return false
	}
	n.occ = facts.AppendDoubling(n.occ, facts.Occurrence{
		Start: int(t.Start), End: int(t.End), Code: code, Written: facts.Number,
		Role: c.role, Context: c.context, Framework: "nginx", API: c.api,
	})
	return true
}

// nginxRedirect reports whether return treats its second argument as the
// Location of a redirect with code c.
func nginxRedirect(c int) bool {
	return c == 301 || c == 302 || c == 303 || c == 307 || c == 308
}

// url reports whether token i is a URL (nginx's test is the same prefixes,
// with $scheme for a URL built at run time).
func (n *extractor) url(i int) bool {
	t := n.toks[i].Text(n.src)
	if len(t) > 0 && (t[0] == '"' || t[0] == '\'') {
		t = t[1:]
	}
	return bytes.HasPrefix(t, []byte("http://")) || bytes.HasPrefix(t, []byte("https://")) || bytes.HasPrefix(t, []byte("$scheme://"))
}

// ret reads `return code [text|URL];`. With 301, 302, 303, 307 and 308 the
// second argument is the Location; with any other code it is the body. A
// bare URL after another code is sent as text, which is never what was
// meant: the code is judged as a redirect's. A quoted one may be a body on
// purpose and is left alone.
func (n *extractor) ret(args int) {
	if args > 3 {
		return
	}
	c := nginxCtx{role: facts.Send, context: "return", strict: true}
	if args == 3 {
		t := n.toks[2]
		if t.Kind == lex.TIdent && n.url(2) {
			c.api = facts.RedirectAPI
		}
	}
	if !n.status(1, c) {
		return
	}
	o := &n.occ[len(n.occ)-1]
	if args == 3 {
		if nginxRedirect(o.Code) {
			o.API = facts.RedirectAPI
		}
		if o.API == 0 {
			t := n.toks[2]
			if t.Kind == lex.TString {
				o.Message = nginxBody(lex.StringContent(t.Text(n.src)))
			} else {
				o.Message = string(t.Text(n.src))
			}
			o.MessageStart, o.MessageEnd = int(t.Start), int(t.End)
		}
	}
}

// nginxBody drops the line breaks a body usually ends with ("Not Found\n")
// so the text reads as the words it is.
func nginxBody(text string) string {
	for {
		t := bytes.TrimRight([]byte(text), " \t")
		t = bytes.TrimSuffix(bytes.TrimSuffix(t, []byte(`\n`)), []byte(`\r`))
		if len(t) == len(text) {
			return text
		}
		text = string(t)
	}
}

// errorPage reads `error_page code … [=[response]] uri;`: the codes before
// the URI are the responses it catches, and =response the status it sends
// instead. When the URI is a URL nginx redirects, replacing any response
// but 301, 302, 303, 307 and 308 with 302.
func (n *extractor) errorPage(args int) {
	last := args - 1
	for k := 1; k < last; k++ {
		t := n.toks[k]
		if t.Kind == lex.TPunct && n.src[t.Start] == '=' {
			if k+1 <= last && n.toks[k+1].Start == t.End {
				c := nginxCtx{role: facts.Send, context: "error_page", strict: true}
				if k+1 < last && n.url(last) {
					c.api = facts.RedirectAPI
				}
				n.status(k+1, c)
				k++
			}
			continue
		}
		// nginx refuses a code it cannot catch (error_page 4040 /x;):
		// every number here is one.
		n.status(k, nginxCtx{role: facts.Compare, context: "error_page", strict: true})
	}
}

// limitStatus reads limit_req_status and limit_conn_status: the error nginx
// answers a request it turns away with.
func (n *extractor) limitStatus(args int, name string) {
	if args == 2 {
		n.status(1, nginxCtx{role: facts.Send, context: name, api: facts.ErrorAPI, strict: true})
	}
}

// cacheValid reads proxy_cache_valid and its kin: the codes before the time
// are the responses cached.
func (n *extractor) cacheValid(args int, name string) {
	for k := 1; k < args-1; k++ {
		n.status(k, nginxCtx{role: facts.Compare, context: name})
	}
}

// cond reads `if ($status = 404)` and its != form.
func (n *extractor) cond(args int) {
	for k := 1; k+2 < args; k++ {
		if (n.is(k+1, "=") || n.is(k+1, "!=")) && n.is(k, "$status") {
			n.status(k+2, nginxCtx{role: facts.Compare, context: "if ($status)"})
		} else if (n.is(k+1, "=") || n.is(k+1, "!=")) && n.is(k, "$upstream_status") {
			n.status(k+2, nginxCtx{role: facts.Compare, context: "if ($upstream_status)"})
		}
	}
}

// table skips the body of a table block (map, geo, …) that the directive in
// n.toks opens. The keys of `map $status …` are the statuses it maps.
func (n *extractor) table() {
	if !n.is(len(n.toks)-1, "{") {
		return
	}
	context := ""
	if n.is(0, "map") && n.is(1, "$status") {
		context = "map $status"
	} else if n.is(0, "map") && n.is(1, "$upstream_status") {
		context = "map $upstream_status"
	}
	for depth := 1; depth > 0 && n.directive(); {
		end := n.toks[len(n.toks)-1]
		switch {
		case end.Kind == lex.TEOF:
			return
		case n.is(len(n.toks)-1, "{"):
			depth++
		case n.is(len(n.toks)-1, "}"):
			depth--
		case context != "" && len(n.toks) == 3:
			n.status(0, nginxCtx{role: facts.Compare, context: context})
		}
	}
}
