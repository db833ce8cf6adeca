package jvm

import (
	"github.com/httpcodes/httpcodes/analysis/internal/lex"
)

// csString is the form of a C# string literal, which decides how its body
// ends and where its interpolation holes are.
type csString struct {
	verbatim bool // @"…": "" is a quote, lines allowed, no escapes
	quotes   int  // a raw string's quote count (3 or more); 0 otherwise
	dollars  int  // $ signs: 0 for a plain string; a raw string's holes open with this many braces
}

// csHole is an interpolation hole whose code is being lexed: the string it
// belongs to and the brackets open inside it.
type csHole struct {
	str   csString
	depth int
}

// lexCSharp turns C# source into tokens: // and /* */ comments and
// preprocessor lines vanish; regular, verbatim (@"…") and raw ("""…""")
// strings are one token each, and interpolated ones ($"…{expr}…", $@"…",
// $$"""…{{expr}}…""") are their literal pieces with the holes' code lexed
// as code.
func LexCSharp(src []byte) []lex.Lexeme {
	l := lex.NewTokenList(src)
	// holes holds, innermost last, the interpolation holes being lexed; a
	// slice rather than recursion, so no input can exhaust the stack.
	var holes []csHole
	i := 0
	for i < len(src) {
		c := src[i]
		// Names first: they are most of the bytes that are not blanks.
		switch {
		case lex.IdentStart[c]:
			end := lex.SkipIdent(src, i)
			l.Emit(lex.TIdent, i, end)
			i = end
		case c == '\n' || lex.Space[c]:
			i++
		case c == '/' && i+1 < len(src) && src[i+1] == '/':
			i = lex.SkipLine(src, i)
		case c == '/' && i+1 < len(src) && src[i+1] == '*':
			i = lex.SkipBlockComment(src, i+2, "/*", "*/", false)
		case c == '#' && len(holes) == 0 && csLineStart(src, i):
			// #region, #if, #pragma: directives are lines of their own.
			i = lex.SkipLine(src, i)
		case c == '"' || (c == '$' || c == '@') && csStringAt(src, i):
			str, body := csOpen(src, i)
			var open bool
			if i, open = csBody(l, i, body, str); open {
				holes = append(holes, csHole{str: str})
			}
		case c == '\'':
			end := lex.SkipQuoted(src, i+1, "'", true, false)
			l.Emit(lex.TString, i, end)
			i = end
		case c == '@' && i+1 < len(src) && lex.IdentStart[src[i+1]]:
			// @class is a name that would otherwise be a keyword.
			end := lex.SkipIdent(src, i+1)
			l.Emit(lex.TIdent, i, end)
			i = end
		case lex.Digit[c] || c == '.' && i+1 < len(src) && lex.Digit[src[i+1]]:
			end := lex.SkipNumber(src, i)
			l.Emit(lex.TNumber, i, end)
			i = end
		case len(holes) > 0 && (c == '(' || c == '[' || c == '{'):
			holes[len(holes)-1].depth++
			l.Emit(lex.TPunct, i, i+1)
			i++
		case len(holes) > 0 && (c == ')' || c == ']') && holes[len(holes)-1].depth > 0:
			holes[len(holes)-1].depth--
			l.Emit(lex.TPunct, i, i+1)
			i++
		case len(holes) > 0 && c == '}' && holes[len(holes)-1].depth > 0:
			holes[len(holes)-1].depth--
			l.Emit(lex.TPunct, i, i+1)
			i++
		case len(holes) > 0 && (c == '}' || c == ':' && !lex.HasAt(src, i, "::")) && holes[len(holes)-1].depth == 0:
			// The hole ends, or its format specifier ({x:N0}) starts; a
			// format runs to the closing brace as literal text.
			h := holes[len(holes)-1]
			holes = holes[:len(holes)-1]
			if c == ':' {
				for i < len(src) && src[i] != '}' && src[i] != '"' && src[i] != '\n' {
					i++
				}
			}
			// A raw string's hole closes with as many braces as it opened;
			// one brace token stands for them, pairing the hole's opener so
			// that the scanner's bracket matching stays balanced.
			if i < len(src) && src[i] == '}' {
				l.Emit(lex.TPunct, i, i+1)
			}
			for n := 0; n < max(h.str.dollars, 1) && i < len(src) && src[i] == '}'; n++ {
				i++
			}
			var open bool
			if i, open = csBody(l, i, i, h.str); open {
				holes = append(holes, h)
			}
		default:
			n := lex.PunctLen(src, i)
			l.Emit(lex.TPunct, i, i+n)
			i += n
		}
	}
	return l.Toks
}

// csLineStart reports whether only blanks precede offset i on its line.
func csLineStart(src []byte, i int) bool {
	for i > 0 && lex.Space[src[i-1]] {
		i--
	}
	return i == 0 || src[i-1] == '\n'
}

// csStringAt reports whether the $ or @ at i begins a string literal
// ($"…", @"…", $@"…", @$"…", $$"""…""").
func csStringAt(src []byte, i int) bool {
	for i < len(src) && src[i] == '$' {
		i++
	}
	if i < len(src) && src[i] == '@' {
		i++
	}
	for i < len(src) && src[i] == '$' {
		i++
	}
	return i < len(src) && src[i] == '"'
}

// csOpen reads the prefix and opening quotes of the string at i and
// returns its form and where its body starts.
func csOpen(src []byte, i int) (csString, int) {
	var str csString
	for i < len(src) && (src[i] == '$' || src[i] == '@') {
		if src[i] == '@' {
			str.verbatim = true
		} else {
			str.dollars++
		}
		i++
	}
	n := 0
	for i+n < len(src) && src[i+n] == '"' {
		n++
	}
	switch {
	case n >= 3 && !str.verbatim:
		str.quotes = n
		return str, i + n
	case n == 2:
		// "" is an empty string (or @"" an empty verbatim one): its body
		// is already closed.
		return str, i + 1
	}
	return str, i + 1
}

// csBody lexes a string body from i, emitting the literal piece from
// piece on; it returns where lexing goes on and whether it stopped at an
// interpolation hole whose code comes next.
func csBody(l *lex.TokenList, piece, i int, str csString) (int, bool) {
	src := l.Src
	for i < len(src) {
		c := src[i]
		switch {
		case str.quotes > 0 && c == '"':
			run := i
			for run < len(src) && src[run] == '"' {
				run++
			}
			if run-i >= str.quotes {
				l.Emit(lex.TString, piece, run)
				return run, false
			}
			i = run
			continue
		case str.quotes > 0:
		case c == '\\' && !str.verbatim:
			i += 2
			continue
		case c == '"' && str.verbatim && i+1 < len(src) && src[i+1] == '"':
			i += 2
			continue
		case c == '"':
			l.Emit(lex.TString, piece, i+1)
			return i + 1, false
		case c == '\n' && !str.verbatim:
			jcEmitPiece(l, piece, i)
			return i, false
		}
		if c == '{' && str.dollars > 0 {
			run := i
			for run < len(src) && src[run] == '{' {
				run++
			}
			switch {
			case str.quotes == 0 && run-i >= 2:
				// {{ is a literal brace in a $"…" string.
				i += 2
				continue
			case str.quotes == 0 || run-i >= str.dollars:
				// The hole's code sits between brace tokens, so a value in
				// it ends at the hole's end.
				jcEmitPiece(l, piece, run-max(str.dollars, 1))
				l.Emit(lex.TPunct, run-1, run)
				return run, true
			}
			i = run
			continue
		}
		i++
	}
	jcEmitPiece(l, piece, len(src))
	return len(src), false
}
