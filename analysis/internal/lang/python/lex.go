package python

import (
	"github.com/httpcodes/httpcodes/analysis/internal/lex"
)

// lexPython turns Python source into tokens. Comments vanish; every string
// literal, whatever its prefix (r, b, u, f, t and their pairs, any case)
// or quoting (single, double, triple), is one tString token; an f-string's
// replacement fields stay inside its token, since a status in one is not a
// context this scanner reads. A tNewline ends each logical line: none is
// emitted inside brackets or after a backslash continuation, so a call
// spread over several lines reads as one statement.
func LexPython(src []byte) []lex.Lexeme {
	l := lex.NewTokenList(src)
	depth := 0
	for i := 0; i < len(src); {
		c := src[i]
		switch {
		case c == '\n':
			if depth == 0 && len(l.Toks) > 0 && l.Last().Kind != lex.TNewline {
				l.Emit(lex.TNewline, i, i+1)
			}
			i++
		case lex.Space[c]:
			i++
		case c == '#':
			i = lex.SkipLine(src, i)
		case c == '\\' && lex.HasAt(src, i+1, "\n"):
			i += 2
		case c == '\\' && lex.HasAt(src, i+1, "\r\n"):
			i += 3
		case lex.IdentStart[c]:
			j := lex.SkipIdent(src, i)
			if j < len(src) && (src[j] == '"' || src[j] == '\'') && pyStringPrefix(src[i:j]) {
				end := pyString(src, j, pyFormatted(src[i:j]))
				l.Emit(lex.TString, i, end)
				i = end
				continue
			}
			l.Emit(lex.TIdent, i, j)
			i = j
		case lex.Digit[c] || c == '.' && i+1 < len(src) && lex.Digit[src[i+1]]:
			j := lex.SkipNumber(src, i)
			l.Emit(lex.TNumber, i, j)
			i = j
		case c == '"' || c == '\'':
			end := pyString(src, i, false)
			l.Emit(lex.TString, i, end)
			i = end
		default:
			n := lex.PunctLen(src, i)
			switch c {
			case '(', '[', '{':
				depth++
			case ')', ']', '}':
				if depth > 0 {
					depth--
				}
			}
			l.Emit(lex.TPunct, i, i+n)
			i += n
		}
	}
	return l.Toks
}

// pyStringPrefix reports whether p, written right before a quote, is a
// string prefix: one or two of r, b, u, f, t in any case.
func pyStringPrefix(p []byte) bool {
	if len(p) > 2 {
		return false
	}
	for _, c := range p {
		switch c | 0x20 {
		case 'r', 'b', 'u', 'f', 't':
		default:
			return false
		}
	}
	return true
}

// pyFormatted reports whether a string prefix makes a formatted string
// (f or t), whose replacement fields may hold quotes of their own.
func pyFormatted(p []byte) bool {
	for _, c := range p {
		if c|0x20 == 'f' || c|0x20 == 't' {
			return true
		}
	}
	return false
}

// pyString returns the end of the string literal whose quote is at q. A
// backslash hides the next byte even in a raw string (r"\"" is one
// string). A single-quoted string that meets an unescaped newline ends
// there, so an unterminated literal does not swallow the file.
func pyString(src []byte, q int, formatted bool) int {
	quote := src[q : q+1]
	if lex.HasAt(src, q, `"""`) || lex.HasAt(src, q, "'''") {
		quote = src[q : q+3]
	}
	triple := len(quote) == 3
	if !formatted {
		return lex.SkipQuoted(src, q+len(quote), string(quote), true, triple)
	}
	// In a replacement field ({…}) quotes open nested strings (Python 3.12
	// allows the enclosing quote there), so the literal ends only at a
	// closing quote outside every field.
	fields := 0
	for i := q + len(quote); i < len(src); {
		c := src[i]
		switch {
		case c == '\\':
			i += 2
			continue
		case c == '\n' && !triple:
			return i
		case fields == 0 && c == quote[0] && lex.HasAt(src, i, string(quote)):
			return i + len(quote)
		case c == '{' && fields == 0 && lex.HasAt(src, i, "{{"):
			i += 2
			continue
		case c == '{':
			fields++
		case c == '}' && fields > 0:
			fields--
		case fields > 0 && (c == '"' || c == '\''):
			i = pyString(src, i, false)
			continue
		}
		i++
	}
	return len(src)
}
