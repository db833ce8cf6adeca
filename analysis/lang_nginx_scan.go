package analysis

import "strings"

// analyzeNginx reads the configuration directive by directive: a name, its
// arguments, and the ';' or '{' that ends it. Only the directives below
// take status codes; a number anywhere else (listen 80, keepalive_timeout
// 65, client_max_body_size 404m) is a port, a time or a size.
func analyzeNginx(_ string, src []byte, _ *Result) *fileFacts {
	s := newScan("nginx", src, lexNginx(src))
	for i := 0; i < len(s.toks); {
		end := i
		for end < len(s.toks) && !nginxStatementEnd(s, end) {
			end++
		}
		args := span{i + 1, end}
		next := end + 1
		if end > i && s.toks[i].kind == tIdent {
			switch string(s.toks[i].text(src)) {
			case "return":
				nginxReturn(s, args)
			case "error_page":
				nginxErrorPage(s, args)
			case "limit_req_status", "limit_conn_status":
				// nginx answers a request it turns away with this code.
				if args.to-args.from == 1 {
					s.status(args, statusCtx{role: Send, context: s.text(i), framework: "nginx", api: ErrorAPI, strict: true, msg: -1})
				}
			case "proxy_cache_valid", "fastcgi_cache_valid", "uwsgi_cache_valid", "scgi_cache_valid":
				// The codes before the time are the responses cached.
				for k := args.from; k < args.to-1; k++ {
					s.status(span{k, k + 1}, statusCtx{role: Compare, context: s.text(i), framework: "nginx", msg: -1})
				}
			case "if":
				nginxIf(s, args)
			case "map", "geo", "split_clients", "types":
				// Their bodies are tables, not directives: a key named
				// return is no return.
				next = nginxTable(s, args, end)
			}
		}
		i = next
	}
	return s.facts()
}

// nginxStatementEnd reports whether token i ends a directive: ';', or the
// '{' or '}' of a block.
func nginxStatementEnd(s *scan, i int) bool {
	t := s.toks[i]
	if t.kind != tPunct {
		return false
	}
	c := s.src[t.start]
	return c == ';' || c == '{' || c == '}'
}

// nginxRedirect reports whether return treats its second argument as the
// Location of a redirect with code n.
func nginxRedirect(n int) bool {
	return n == 301 || n == 302 || n == 303 || n == 307 || n == 308
}

// nginxURL reports whether token i is a URL (nginx's test is the same
// prefixes, with $scheme for a URL built at run time).
func nginxURL(s *scan, i int) bool {
	if i >= len(s.toks) {
		return false
	}
	t := stringContent(s.toks[i].text(s.src))
	return strings.HasPrefix(t, "http://") || strings.HasPrefix(t, "https://") || strings.HasPrefix(t, "$scheme://")
}

// nginxReturn reads `return code [text|URL];`. With 301, 302, 303, 307 and
// 308 the second argument is the Location; with any other code it is the
// body. A bare URL after another code is sent as text, which is never what
// was meant: the code is judged as a redirect's. A quoted one may be a body
// on purpose and is left alone.
func nginxReturn(s *scan, args span) {
	if args.to-args.from < 1 || args.to-args.from > 2 {
		return
	}
	code := args.from
	n, ok := s.intAt(code)
	if !ok {
		return
	}
	c := statusCtx{role: Send, context: "return", framework: "nginx", strict: true, msg: -1}
	text := -1
	if args.to-args.from == 2 {
		text = code + 1
		if nginxRedirect(n) || s.toks[text].kind == tIdent && nginxURL(s, text) {
			c.api = RedirectAPI
		}
	}
	if !s.status(span{code, code + 1}, c) || text < 0 || c.api != 0 {
		return
	}
	o := &s.occ[len(s.occ)-1]
	t := s.toks[text]
	o.Message = string(t.text(s.src))
	if t.kind == tString {
		o.Message = nginxBody(stringContent(t.text(s.src)))
	}
	o.MessageStart, o.MessageEnd = int(t.start), int(t.end)
}

// nginxBody drops the line breaks a body usually ends with ("Not Found\n")
// so the text reads as the words it is.
func nginxBody(text string) string {
	for {
		t := strings.TrimRight(text, " \t")
		t = strings.TrimSuffix(strings.TrimSuffix(t, `\n`), `\r`)
		if t == text {
			return t
		}
		text = t
	}
}

// nginxErrorPage reads `error_page code … [=[response]] uri;`: the codes
// before the URI are the responses it catches, and =response the status it
// sends instead. When the URI is a URL, nginx redirects, replacing any
// response but 301, 302, 303, 307 and 308 with 302.
func nginxErrorPage(s *scan, args span) {
	last := args.to - 1
	for k := args.from; k < last; k++ {
		t := s.toks[k]
		if t.kind == tPunct && s.src[t.start] == '=' {
			if k+1 <= last && s.toks[k+1].start == t.end {
				c := statusCtx{role: Send, context: "error_page", framework: "nginx", strict: true, msg: -1}
				if k+1 < last && nginxURL(s, last) {
					c.api = RedirectAPI
				}
				s.status(span{k + 1, k + 2}, c)
				k++
			}
			continue
		}
		s.status(span{k, k + 1}, statusCtx{role: Compare, context: "error_page", framework: "nginx", msg: -1})
	}
}

// nginxIf reads `if ($status = 404)` and its != form.
func nginxIf(s *scan, args span) {
	for k := args.from; k+2 < args.to; k++ {
		if (s.is(k, "$status") || s.is(k, "$upstream_status")) && (s.is(k+1, "=") || s.is(k+1, "!=")) {
			s.status(span{k + 2, k + 3}, statusCtx{role: Compare, context: "if " + s.text(k), framework: "nginx", msg: -1})
		}
	}
}

// nginxTable reads the body of a table block opened at open (map, geo, …)
// and returns the token after it. The keys of `map $status …` are the
// statuses it maps.
func nginxTable(s *scan, args span, open int) int {
	if open >= len(s.toks) || !s.is(open, "{") {
		return open + 1
	}
	close := nginxBlockEnd(s, open)
	onStatus := s.is(args.from-1, "map") && args.to-args.from >= 1 && (s.is(args.from, "$status") || s.is(args.from, "$upstream_status"))
	for k := open + 1; onStatus && k < close; {
		end := k
		for end < close && !nginxStatementEnd(s, end) {
			end++
		}
		if end-k == 2 {
			s.status(span{k, k + 1}, statusCtx{role: Compare, context: "map " + s.text(args.from), framework: "nginx", msg: -1})
		}
		k = end + 1
	}
	return close + 1
}

// nginxBlockEnd returns the '}' closing the block opened at open, or the
// end of the tokens. Only braces count: the parentheses split off words
// are regular expressions' and need not balance.
func nginxBlockEnd(s *scan, open int) int {
	depth := 0
	for i := open; i < len(s.toks); i++ {
		if s.toks[i].kind != tPunct {
			continue
		}
		switch s.src[s.toks[i].start] {
		case '{':
			depth++
		case '}':
			if depth--; depth == 0 {
				return i
			}
		}
	}
	return len(s.toks)
}
