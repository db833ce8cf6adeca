package lex

import (
	"bytes"
)

// opensFunction reports whether the brace at i opens a function body:
// after "=>", or after the parameter list of function f(…) or a method
// m(…) — not after if (…), for (…), while (…), switch (…), catch (…).
func (s *Scan) OpensFunction(i int) bool {
	if s.Is(i-1, "=>") {
		return true
	}
	j := i - 1
	// A TypeScript return type annotation: ): Promise<void> {
	for k := j; k > i-12 && k >= 0; k-- {
		if s.Is(k, ")") {
			if s.Is(k+1, ":") {
				j = k
			}
			break
		}
		if s.Is(k, "{") || s.Is(k, "}") || s.Is(k, ";") {
			break
		}
	}
	if !s.Is(j, ")") {
		return false
	}
	open := s.pairedOpen(j)
	if open <= 0 {
		return false
	}
	before := s.Text(open - 1)
	switch before {
	case "if", "for", "while", "switch", "catch", "with":
		return false
	}
	return s.Tok(open-1).Kind == TIdent || s.Is(open-1, ">")
}

// pairedOpen returns the index of the "(" that the ")" at close closes,
// or -1, from the file's bracket pairs.
func (s *Scan) pairedOpen(close int) int {
	p := s.Pairs()
	lo, hi := 0, len(p.Opens)
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		if int(p.Opens[mid]) < close {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	// Walk back over the pairs nested inside, which close before it.
	for k := lo - 1; k >= 0 && lo-k < 256; k-- {
		switch c := int(p.Closes[k]); {
		case c == close:
			return int(p.Opens[k])
		case c > close:
			return -1
		}
	}
	return -1
}

// chainRoot walks back from the "." at dot through a call chain
// (res.status(404).json) to the response it starts at, and returns that
// identifier's index, or -1 when the chain does not start at a name.
func (s *Scan) ChainRoot(dot int) int {
	i := dot - 1
	for steps := 0; steps < 64; steps++ {
		if s.Is(i, ")") {
			open := s.pairedOpen(i)
			if open <= 1 || s.Tok(open-1).Kind != TIdent || !s.Is(open-2, ".") {
				return -1
			}
			i = open - 3
			continue
		}
		if s.Tok(i).Kind != TIdent {
			return -1
		}
		if s.Is(i-1, ".") && s.Tok(i-2).Kind == TIdent && !s.Is(i-3, ".") {
			// this.res.send(), ctx.res.end(): the writer is res; but
			// ctx.response.status is Koa's ctx.
			if s.Is(i, "response") && IsContextName(s.Tok(i-2).Text(s.Src)) && !s.Is(i-2, "this") {
				return i - 2
			}
			return i
		}
		if s.Is(i-1, ".") {
			i -= 2
			continue
		}
		return i
	}
	return -1
}

// callText names a call for messages: its text when short and on one line.
func (s *Scan) CallText(from, close int) string {
	// The length is looked at first: an unclosed call runs to the end of
	// the file, which is not copied for every call in it.
	start, end := s.Toks[from].Start, s.Tok(close).End
	if end-start <= 50 && bytes.IndexByte(s.Src[start:end], '\n') < 0 {
		return string(s.Src[start:end])
	}
	// res.writeHead(…): the call with its arguments left out.
	if close >= len(s.Toks) {
		return s.Text(from) + "…"
	}
	if open := s.pairedOpen(close); open > from {
		return string(s.Src[s.Toks[from].Start:s.Toks[open].End]) + "…)"
	}
	return s.Text(from) + "…"
}

// lineEndsAt reports whether nothing but spaces follow token i on its line
// (statements without semicolons).
func (s *Scan) LineEndsAt(i int) bool {
	for j := int(s.Tok(i).End); j < len(s.Src); j++ {
		switch s.Src[j] {
		case ' ', '\t', '\r':
			continue
		case '\n':
			return !s.Is(i+1, ".") // a chain continued on the next line
		}
		return false
	}
	return true
}

// statementStart reports whether token i begins a statement: the first
// token after a brace, a semicolon, or (without semicolons) a line end.
func (s *Scan) StatementStart(i int) bool {
	if i == 0 || s.Is(i-1, "{") || s.Is(i-1, "}") || s.Is(i-1, ";") {
		return true
	}
	prev := s.Tok(i - 1)
	for j := int(prev.End); j < int(s.Toks[i].Start); j++ {
		if s.Src[j] == '\n' {
			return !s.Is(i-1, ".") && !s.Is(i-1, ",") && !s.Is(i-1, "(") && !s.Is(i-1, "=")
		}
	}
	return false
}
