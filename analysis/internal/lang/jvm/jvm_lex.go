package jvm

import (
	"github.com/httpcodes/httpcodes/analysis/internal/lex"
)

// lexJVM turns Java or Kotlin source into tokens. The two languages share
// comments, char literals, text blocks and numbers; Kotlin adds nested block
// comments, backquoted names, raw strings without escapes and string
// templates, whose ${…} code is lexed as code (it may hold strings of its
// own) between the string's literal pieces.
func LexJVM(src []byte, kotlin bool) []lex.Lexeme {
	l := lex.NewTokenList(src)
	// templates holds, innermost last, the Kotlin strings whose ${…} code is
	// being lexed, with the brace depth inside it: a } at depth 0 resumes
	// the string. A slice, not recursion, so no input can exhaust the stack.
	var templates []jvmTemplate
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
			i = lex.SkipBlockComment(src, i+2, "/*", "*/", kotlin)
		case c == '"' && kotlin:
			raw := lex.HasAt(src, i, `"""`)
			body := i + 1
			if raw {
				body = i + 3
			}
			var open bool
			if i, open = jvmKotlinString(l, i, body, raw); open {
				templates = append(templates, jvmTemplate{raw: raw})
			}
		case c == '"':
			end := 0
			if lex.HasAt(src, i, `"""`) {
				end = lex.SkipQuoted(src, i+3, `"""`, true, true)
			} else {
				end = lex.SkipQuoted(src, i+1, `"`, true, false)
			}
			l.Emit(lex.TString, i, end)
			i = end
		case c == '\'':
			end := lex.SkipQuoted(src, i+1, "'", true, false)
			l.Emit(lex.TString, i, end)
			i = end
		case c == '`' && kotlin:
			end := lex.SkipQuoted(src, i+1, "`", false, false)
			l.Emit(lex.TIdent, i, end)
			i = end
		case lex.Digit[c] || c == '.' && i+1 < len(src) && lex.Digit[src[i+1]]:
			end := lex.SkipNumber(src, i)
			l.Emit(lex.TNumber, i, end)
			i = end
		case c == '{' && len(templates) > 0:
			templates[len(templates)-1].depth++
			l.Emit(lex.TPunct, i, i+1)
			i++
		case c == '}' && len(templates) > 0 && templates[len(templates)-1].depth == 0:
			t := templates[len(templates)-1]
			templates = templates[:len(templates)-1]
			l.Emit(lex.TPunct, i, i+1)
			var open bool
			if i, open = jvmKotlinString(l, i+1, i+1, t.raw); open {
				templates = append(templates, t)
			}
		case c == '}' && len(templates) > 0:
			templates[len(templates)-1].depth--
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

// jvmTemplate is a Kotlin string whose ${…} code is being lexed.
type jvmTemplate struct {
	raw   bool // """…""": no escapes, lines allowed
	depth int  // braces open inside the ${…}
}

// jvmKotlinString lexes a Kotlin string from i, where its body (or the rest of
// it, after a template's closing brace) starts, emitting the literal piece
// from piece on. It returns where lexing goes on and whether it stopped at
// a ${ whose code comes next. $name templates stay in the literal: a name
// is no status.
func jvmKotlinString(l *lex.TokenList, piece, i int, raw bool) (int, bool) {
	src := l.Src
	for i < len(src) {
		c := src[i]
		switch {
		case c == '\\' && !raw:
			i += 2
			continue
		case c == '"' && !raw:
			l.Emit(lex.TString, piece, i+1)
			return i + 1, false
		case c == '"' && lex.HasAt(src, i, `"""`):
			// A raw string ends at the last quote of a run: """a"""" is a".
			end := i + 3
			for end < len(src) && src[end] == '"' {
				end++
			}
			l.Emit(lex.TString, piece, end)
			return end, false
		case c == '\n' && !raw:
			jcEmitPiece(l, piece, i)
			return i, false
		case c == '$' && i+1 < len(src) && src[i+1] == '{':
			// The template's code sits between brace tokens, so the
			// scanner's bracket matching sees where it ends.
			jcEmitPiece(l, piece, i+1)
			l.Emit(lex.TPunct, i+1, i+2)
			return i + 2, true
		}
		i++
	}
	jcEmitPiece(l, piece, len(src))
	return len(src), false
}

// jcEmitPiece emits a literal piece of an interpolated string unless it is
// empty ("${a}${b}" has none between the templates).
func jcEmitPiece(l *lex.TokenList, start, end int) {
	if end > len(l.Src) {
		end = len(l.Src)
	}
	if end > start {
		l.Emit(lex.TString, start, end)
	}
}
