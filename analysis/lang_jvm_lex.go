package analysis

// lexJVM turns Java or Kotlin source into tokens. The two languages share
// comments, char literals, text blocks and numbers; Kotlin adds nested block
// comments, backquoted names, raw strings without escapes and string
// templates, whose ${…} code is lexed as code (it may hold strings of its
// own) between the string's literal pieces.
func lexJVM(src []byte, kotlin bool) []lexeme {
	l := newTokenList(src)
	// templates holds, innermost last, the Kotlin strings whose ${…} code is
	// being lexed, with the brace depth inside it: a } at depth 0 resumes
	// the string. A slice, not recursion, so no input can exhaust the stack.
	var templates []jvmTemplate
	i := 0
	for i < len(src) {
		c := src[i]
		// Names first: they are most of the bytes that are not blanks.
		switch {
		case identStart[c]:
			end := skipIdent(src, i)
			l.emit(tIdent, i, end)
			i = end
		case c == '\n' || space[c]:
			i++
		case c == '/' && i+1 < len(src) && src[i+1] == '/':
			i = skipLine(src, i)
		case c == '/' && i+1 < len(src) && src[i+1] == '*':
			i = skipBlockComment(src, i+2, "/*", "*/", kotlin)
		case c == '"' && kotlin:
			raw := hasAt(src, i, `"""`)
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
			if hasAt(src, i, `"""`) {
				end = skipQuoted(src, i+3, `"""`, true, true)
			} else {
				end = skipQuoted(src, i+1, `"`, true, false)
			}
			l.emit(tString, i, end)
			i = end
		case c == '\'':
			end := skipQuoted(src, i+1, "'", true, false)
			l.emit(tString, i, end)
			i = end
		case c == '`' && kotlin:
			end := skipQuoted(src, i+1, "`", false, false)
			l.emit(tIdent, i, end)
			i = end
		case digit[c] || c == '.' && i+1 < len(src) && digit[src[i+1]]:
			end := skipNumber(src, i)
			l.emit(tNumber, i, end)
			i = end
		case c == '{' && len(templates) > 0:
			templates[len(templates)-1].depth++
			l.emit(tPunct, i, i+1)
			i++
		case c == '}' && len(templates) > 0 && templates[len(templates)-1].depth == 0:
			t := templates[len(templates)-1]
			templates = templates[:len(templates)-1]
			l.emit(tPunct, i, i+1)
			var open bool
			if i, open = jvmKotlinString(l, i+1, i+1, t.raw); open {
				templates = append(templates, t)
			}
		case c == '}' && len(templates) > 0:
			templates[len(templates)-1].depth--
			l.emit(tPunct, i, i+1)
			i++
		default:
			n := punctLen(src, i)
			l.emit(tPunct, i, i+n)
			i += n
		}
	}
	return l.toks
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
func jvmKotlinString(l *tokenList, piece, i int, raw bool) (int, bool) {
	src := l.src
	for i < len(src) {
		c := src[i]
		switch {
		case c == '\\' && !raw:
			i += 2
			continue
		case c == '"' && !raw:
			l.emit(tString, piece, i+1)
			return i + 1, false
		case c == '"' && hasAt(src, i, `"""`):
			// A raw string ends at the last quote of a run: """a"""" is a".
			end := i + 3
			for end < len(src) && src[end] == '"' {
				end++
			}
			l.emit(tString, piece, end)
			return end, false
		case c == '\n' && !raw:
			jcEmitPiece(l, piece, i)
			return i, false
		case c == '$' && i+1 < len(src) && src[i+1] == '{':
			// The template's code sits between brace tokens, so the
			// scanner's bracket matching sees where it ends.
			jcEmitPiece(l, piece, i+1)
			l.emit(tPunct, i+1, i+2)
			return i + 2, true
		}
		i++
	}
	jcEmitPiece(l, piece, len(src))
	return len(src), false
}

// jcEmitPiece emits a literal piece of an interpolated string unless it is
// empty ("${a}${b}" has none between the templates).
func jcEmitPiece(l *tokenList, start, end int) {
	if end > len(l.src) {
		end = len(l.src)
	}
	if end > start {
		l.emit(tString, start, end)
	}
}
