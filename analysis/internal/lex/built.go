package lex

import (
	"bytes"
	"strings"

	"github.com/httpcodes/httpcodes/analysis/internal/facts"
)

// requiredHeaderNames are the headers some status requires (the codes
// data's RequiredHeaders), folded.
var requiredHeaderNames = map[string]string{
	"www-authenticate": "WWW-Authenticate", "allow": "Allow", "location": "Location",
	"proxy-authenticate": "Proxy-Authenticate", "upgrade": "Upgrade",
}

// namedHeaders returns a state in which each required header the file
// names — in a string literal, or by one of the names in idents, which map
// a framework's parameter to the header it sets — is set on builtWriter.
func (s *Scan) NamedHeaders(idents map[string]string) facts.State {
	var st facts.State
	seen := map[string]bool{}
	for i, t := range s.Toks {
		var h string
		switch t.Kind {
		case TString:
			if t.End-t.Start > 24 {
				continue
			}
			name := StringContent(s.Src[t.Start:t.End])
			h = requiredHeaderNames[strings.ToLower(name)]
		case TIdent:
			if len(idents) == 0 {
				continue
			}
			h = idents[string(s.Src[t.Start:t.End])]
		}
		if h == "" || seen[h] {
			continue
		}
		seen[h] = true
		st = facts.Push(st, facts.Event{Kind: facts.HeaderSet, Writer: facts.BuiltWriter, Header: h, Start: int(s.Toks[i].Start), End: int(s.Toks[i].End)})
	}
	return st
}

// codeOf returns the status written in sp: a number or a constant of the
// language's ecosystems, possibly in parentheses.
func (s *Scan) CodeOf(sp Span) (int, bool) {
	for sp.To-sp.From > 2 && s.Is(sp.From, "(") && s.Closing(sp.From) == sp.To-1 {
		sp = Span{sp.From + 1, sp.To - 1}
	}
	if sp.To-sp.From == 1 {
		if n, ok := s.IntAt(sp.From); ok {
			return n, true
		}
	}
	if name, end, ok := s.ConstantAt(sp.From); ok && end == sp.To {
		return name.Code, true
	}
	return 0, false
}

// headerKeys pushes onto st a header set for each key of the dict or hash
// literal opened at open ({"WWW-Authenticate": "Bearer"}, { location: url },
// "Allow" => "GET"); a key that is not a literal sets a header not known.
// Ruby's symbol keys name headers as Rails' head does: www_authenticate is
// Www-Authenticate.
func (s *Scan) HeaderKeys(st facts.State, open int) facts.State {
	elems, _ := s.Args(open)
	for _, e := range elems {
		h := ""
		k := s.Tok(e.From)
		switch {
		case k.Kind == TString:
			h = StringContent(s.Src[k.Start:k.End])
		case k.Kind == TSymbol:
			h = strings.ReplaceAll(strings.TrimPrefix(s.Text(e.From), ":"), "_", "-")
		case k.Kind == TIdent && s.Is(e.From+1, ":") && s.Lang == "ruby":
			h = strings.ReplaceAll(s.Text(e.From), "_", "-")
		}
		st = facts.Push(st, facts.Event{Kind: facts.HeaderSet, Writer: facts.BuiltWriter, Header: h, Start: int(k.Start), End: int(k.End)})
	}
	return st
}

// anyHeader is st with a header set whose name is not known: headers the
// code hands over as a value.
func AnyHeader(st facts.State, at int) facts.State {
	return facts.Push(st, facts.Event{Kind: facts.HeaderSet, Writer: facts.BuiltWriter, Start: at, End: at})
}

// metaRefresh reports whether text, a body as the source writes it,
// holds an HTML meta refresh: http-equiv, =, and refresh, in any case,
// quoted with ' or " (escaped or not) or bare.
func MetaRefresh(text []byte) bool {
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
