package analysis

import (
	"bytes"
	"strings"
)

// Python's and Ruby's frameworks mostly build a response whole — a
// constructor, a returned tuple, a Rack triple, render or head — with its
// status, its body and its headers in one expression. Such a response is
// judged alone: its event is a step whose state holds the headers the
// expression sets, and the headers the file names anywhere (an app that
// sets WWW-Authenticate in a hook or a helper of the same file has a
// challenge; the analysis cannot tell on which paths).

// builtWriter is the writer of a response built in one expression.
const builtWriter = "response"

// requiredHeaderNames are the headers some status requires (the codes
// data's RequiredHeaders), folded.
var requiredHeaderNames = map[string]string{
	"www-authenticate": "WWW-Authenticate", "allow": "Allow", "location": "Location",
	"proxy-authenticate": "Proxy-Authenticate", "upgrade": "Upgrade",
}

// namedHeaders returns a state in which each required header the file
// names — in a string literal, or by one of the names in idents, which map
// a framework's parameter to the header it sets — is set on builtWriter.
func (s *scan) namedHeaders(idents map[string]string) state {
	var st state
	seen := map[string]bool{}
	for i, t := range s.toks {
		var h string
		switch t.kind {
		case tString:
			if t.end-t.start > 24 {
				continue
			}
			name := stringContent(s.src[t.start:t.end])
			h = requiredHeaderNames[strings.ToLower(name)]
		case tIdent:
			if len(idents) == 0 {
				continue
			}
			h = idents[string(s.src[t.start:t.end])]
		}
		if h == "" || seen[h] {
			continue
		}
		seen[h] = true
		st = push(st, event{kind: headerSet, writer: builtWriter, header: h, start: int(s.toks[i].start), end: int(s.toks[i].end)})
	}
	return st
}

// codeOf returns the status written in sp: a number or a constant of the
// language's ecosystems, possibly in parentheses.
func (s *scan) codeOf(sp span) (int, bool) {
	for sp.to-sp.from > 2 && s.is(sp.from, "(") && s.closing(sp.from) == sp.to-1 {
		sp = span{sp.from + 1, sp.to - 1}
	}
	if sp.to-sp.from == 1 {
		if n, ok := s.intAt(sp.from); ok {
			return n, true
		}
	}
	if name, end, ok := s.constantAt(sp.from); ok && end == sp.to {
		return name.code, true
	}
	return 0, false
}

// headerKeys pushes onto st a header set for each key of the dict or hash
// literal opened at open ({"WWW-Authenticate": "Bearer"}, { location: url },
// "Allow" => "GET"); a key that is not a literal sets a header not known.
// Ruby's symbol keys name headers as Rails' head does: www_authenticate is
// Www-Authenticate.
func (s *scan) headerKeys(st state, open int) state {
	elems, _ := s.args(open)
	for _, e := range elems {
		h := ""
		k := s.tok(e.from)
		switch {
		case k.kind == tString:
			h = stringContent(s.src[k.start:k.end])
		case k.kind == tSymbol:
			h = strings.ReplaceAll(strings.TrimPrefix(s.text(e.from), ":"), "_", "-")
		case k.kind == tIdent && s.is(e.from+1, ":") && s.lang == "ruby":
			h = strings.ReplaceAll(s.text(e.from), "_", "-")
		}
		st = push(st, event{kind: headerSet, writer: builtWriter, header: h, start: int(k.start), end: int(k.end)})
	}
	return st
}

// anyHeader is st with a header set whose name is not known: headers the
// code hands over as a value.
func anyHeader(st state, at int) state {
	return push(st, event{kind: headerSet, writer: builtWriter, start: at, end: at})
}

// metaRefresh reports whether text, a body as the source writes it,
// holds an HTML meta refresh: http-equiv, =, and refresh, in any case,
// quoted with ' or " (escaped or not) or bare.
func metaRefresh(text []byte) bool {
	const key = "http-equiv"
	for i := 0; i+len(key) <= len(text); i++ {
		if !bytes.EqualFold(text[i:i+len(key)], []byte(key)) {
			continue
		}
		j := i + len(key)
		for j < len(text) && text[j] == ' ' {
			j++
		}
		if j >= len(text) || text[j] != '=' {
			continue
		}
		j++
		for j < len(text) && (text[j] == ' ' || text[j] == '\\' || text[j] == '\'' || text[j] == '"') {
			j++
		}
		if j+7 <= len(text) && bytes.EqualFold(text[j:j+7], []byte("refresh")) {
			return true
		}
	}
	return false
}
