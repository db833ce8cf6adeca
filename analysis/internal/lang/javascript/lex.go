package javascript

import (
	"sync"

	"github.com/httpcodes/httpcodes/analysis/internal/lex"
)

// The JavaScript/TypeScript lexer. Three things make JS harder to tokenise
// than the other C-like languages:
//
//   - Template literals nest: `a ${ b ? `c ${d}` : e } f`. Each literal piece
//     is emitted as one tString (with its delimiters: "`a ${", "} f`") and
//     the code between pieces as ordinary tokens. A stack holds, for every
//     open ${…}, how many braces are open inside it, so the "}" that closes
//     the embedding is told apart from one closing an object literal.
//   - "/" starts a regular expression or is a division, and only the
//     grammar knows which. The lexer decides by the previous token (see
//     jsRegexAllowed); a regex is emitted as one tString, so a 404 inside
//     /\/404$/ is never read as code.
//   - Names may hold "$" ($res.status), and private fields start with "#".
//
// JSX needs little: its text comes out as tokens, and "</" is kept a
// closing tag rather than a regex. Text that reads as code
// (<p>res.status(404)</p>) is then read as code; telling JSX text from
// code needs the grammar, and such text is rare.

// jsIdentPart is identPart plus "$", which JS allows anywhere in a name.
// It is built here rather than copied from identPart: this file's init runs
// before lex.go's.
var jsIdentPart [256]bool

func init() {
	for c := 0; c < 256; c++ {
		b := byte(c)
		jsIdentPart[c] = b == '_' || b == '$' || 'a' <= b && b <= 'z' || 'A' <= b && b <= 'Z' || '0' <= b && b <= '9' || b >= 0x80
	}
}

func skipJSIdent(src []byte, i int) int {
	for i < len(src) && jsIdentPart[src[i]] {
		i++
	}
	return i
}

// jsRegexKeywords are the keywords after which an expression starts, so a
// "/" there opens a regex: return /x/, typeof /x/, case /x/: …
var jsRegexKeywords = map[string]bool{
	"return": true, "typeof": true, "case": true, "in": true, "of": true, "new": true,
	"delete": true, "void": true, "throw": true, "instanceof": true, "do": true,
	"else": true, "yield": true, "await": true,
}

// jsRegexAllowed reports whether a "/" at offset i opens a regex, from the
// token before it. After a value — a name that is not one of
// jsRegexKeywords, a number, a string or regex, ")", "]", "}", a postfix
// "++"/"--" or TypeScript's postfix "!" — it divides; after an operator, "(", ",", "{", ";" or at the
// start of the file it opens a regex. The known misreadings are rare: a
// regex statement right after a block ("if (x) {} /re/.test(s)") or after
// an if-condition ("if (x) /re/.exec(s)") is read as division, which at
// worst shortens a token run on that line. "</" is a JSX closing tag.
func jsRegexAllowed(l *lex.TokenList, i int) bool {
	prev := l.Last()
	switch prev.Kind {
	case lex.TEOF:
		return true
	case lex.TNumber:
		return false
	case lex.TString:
		// A template piece that opens an embedding ("`a ${") is followed by
		// an expression; any other string or regex is a value.
		return prev.End-prev.Start >= 2 && l.Src[prev.End-1] == '{' && l.Src[prev.End-2] == '$'
	case lex.TIdent:
		return jsRegexKeywords[string(prev.Text(l.Src))]
	}
	p := prev.Text(l.Src)
	if len(p) == 1 {
		switch p[0] {
		case ')', ']', '}':
			return false
		case '<':
			return int(prev.End) != i // "</div>" is a closing tag
		case '!':
			// TypeScript's non-null assertion (total! / 2) is postfix, on a
			// value it touches; a prefix ! (!/re/.test(s)) is not.
			if n := len(l.Toks); n >= 2 {
				v := l.Toks[n-2]
				if v.End == prev.Start && (v.Kind == lex.TIdent || v.Kind == lex.TPunct && v.End-v.Start == 1 && (l.Src[v.Start] == ')' || l.Src[v.Start] == ']')) {
					return false
				}
			}
		}
	}
	return !(len(p) == 2 && (p[0] == '+' && p[1] == '+' || p[0] == '-' && p[1] == '-'))
}

// skipJSRegex returns the end of the regex whose opening "/" is at i: up to
// the "/" that is neither escaped nor inside a character class, then the
// flags. An unterminated regex ends at the line's end.
func skipJSRegex(src []byte, i int) int {
	i++
	inClass := false
	for i < len(src) {
		switch src[i] {
		case '\\':
			i += 2
			continue
		case '[':
			inClass = true
		case ']':
			inClass = false
		case '/':
			if !inClass {
				return skipJSIdent(src, i+1)
			}
		case '\n':
			return i
		}
		i++
	}
	return len(src)
}

// skipTemplatePiece returns the end of a template literal piece starting
// at i (just after "`" or the "}" closing an embedding), and whether it
// ended by opening an embedding "${" rather than with the closing "`".
func skipTemplatePiece(src []byte, i int) (int, bool) {
	for i < len(src) {
		switch src[i] {
		case '\\':
			i += 2
			continue
		case '`':
			return i + 1, false
		case '$':
			if i+1 < len(src) && src[i+1] == '{' {
				return i + 2, true
			}
		}
		i++
	}
	return len(src), false
}

// jsTokens keeps token lists for reuse: a large file's list is tens of
// megabytes, and clearing fresh memory for it costs more than lexing.
var jsTokens = sync.Pool{New: func() any { return new([]lex.Lexeme) }}

// lexJS turns JavaScript or TypeScript source into tokens, appended to buf.
func LexJS(src []byte, buf []lex.Lexeme) []lex.Lexeme {
	// JS runs about one token per three to four bytes, denser than the
	// one per five newTokenList assumes; growing a large file's list
	// would copy it several times.
	if want := len(src)/3 + 16; cap(buf) < want {
		buf = make([]lex.Lexeme, 0, want)
	}
	l := &lex.TokenList{Src: src, Toks: buf[:0]}
	// embeds holds, for each open ${…}, the braces open inside it.
	var embedsBuf [16]int
	embeds := embedsBuf[:0]
	i := 0
	if lex.HasAt(src, 0, "#!") {
		i = lex.SkipLine(src, 0)
	}
	for i < len(src) {
		c := src[i]
		switch {
		case c == '\n' || lex.Space[c]:
			i++
		case jsIdentPart[c] && !lex.Digit[c] || c == '#' && i+1 < len(src) && lex.IdentStart[src[i+1]]:
			end := skipJSIdent(src, i+1)
			l.Emit(lex.TIdent, i, end)
			i = end
		case lex.Digit[c] || c == '.' && i+1 < len(src) && lex.Digit[src[i+1]]:
			end := lex.SkipNumber(src, i)
			l.Emit(lex.TNumber, i, end)
			i = end
		case c == '"' || c == '\'':
			end := lex.SkipQuoted(src, i+1, string(c), true, false)
			l.Emit(lex.TString, i, end)
			i = end
		case c == '`':
			end, open := skipTemplatePiece(src, i+1)
			l.Emit(lex.TString, i, end)
			if open {
				embeds = append(embeds, 0)
			}
			i = end
		case c == '/' && i+1 < len(src) && src[i+1] == '/':
			i = lex.SkipLine(src, i)
		case c == '/' && i+1 < len(src) && src[i+1] == '*':
			i = lex.SkipBlockComment(src, i+2, "/*", "*/", false)
		case c == '/' && jsRegexAllowed(l, i):
			end := skipJSRegex(src, i)
			l.Emit(lex.TString, i, end)
			i = end
		case c == '{' && len(embeds) > 0:
			embeds[len(embeds)-1]++
			l.Emit(lex.TPunct, i, i+1)
			i++
		case c == '}' && len(embeds) > 0 && embeds[len(embeds)-1] == 0:
			// The embedding ends: the template goes on from here.
			embeds = embeds[:len(embeds)-1]
			end, open := skipTemplatePiece(src, i+1)
			l.Emit(lex.TString, i, end)
			if open {
				embeds = append(embeds, 0)
			}
			i = end
		case c == '}' && len(embeds) > 0:
			embeds[len(embeds)-1]--
			l.Emit(lex.TPunct, i, i+1)
			i++
		default:
			n := lex.PunctLen(src, i)
			l.Emit(lex.TPunct, i, i+n)
			i += n
		}
	}
	return l.Toks
}
