package ruby

import (
	"github.com/httpcodes/httpcodes/analysis/internal/lex"
)

// lexRuby turns Ruby source into tokens. Comments (# and =begin/=end)
// vanish and __END__ ends the code. Strings, percent literals, regexps,
// heredocs and ?c characters are tString tokens; in the interpolating
// kinds the code of each #{…} is lexed as tokens between the literal
// pieces. Symbols (:not_found, :"quoted") are tSymbol tokens. A tNewline
// ends each statement; none is emitted inside parentheses, brackets or a
// hash literal, nor after an operator or comma, nor before a line that
// continues a method chain (.where…), so a call spread over lines reads as
// one statement.
func LexRuby(src []byte) []lex.Lexeme {
	lx := &rbLexer{TokenList: lex.NewTokenList(src)}
	lx.code(0, 0)
	return lx.Toks
}

// rbMaxNesting bounds how deep interpolations are lexed as code; deeper
// ones (only generated or hostile input has them) stay string text.
const rbMaxNesting = 64

type rbLexer struct {
	*lex.TokenList
	// heredocs are the heredocs opened on the current line; their bodies
	// start on the next one.
	heredocs []rbHeredoc
	// nest is the open brackets: '(' and '[' and '{' for a hash, which
	// join lines, or 'b' for a block's brace, which does not.
	nest []byte
}

// rbHeredoc is a pending heredoc: its terminator, and whether the
// terminator may be indented (<<~ and <<-).
type rbHeredoc struct {
	id       []byte
	indented bool
}

// code lexes code from i. In an interpolation (nesting > 0) it returns
// after the brace that closes it; at the top it runs to the end.
func (lx *rbLexer) code(i, nesting int) int {
	src := lx.Src
	base := len(lx.nest)
	if i == 0 {
		i = lx.lineStart(0)
	}
	for i < len(src) {
		c := src[i]
		switch {
		case c == '\n':
			lx.newline(i)
			i++
			if len(lx.heredocs) > 0 {
				i = lx.heredocBodies(i)
			}
			i = lx.lineStart(i)
		case lex.Space[c]:
			i++
		case c == '\\' && (lex.HasAt(src, i+1, "\n") || lex.HasAt(src, i+1, "\r\n")):
			i = lx.clamp(lex.SkipLine(src, i) + 1)
		case c == '#':
			i = lex.SkipLine(src, i)
		case lex.IdentStart[c]:
			i = lx.ident(i)
		case c == '@' && i+1 < len(src) && (lex.IdentStart[src[i+1]] || src[i+1] == '@'):
			// @ivar, @@cvar: the sigil is part of the name.
			j := i + 1
			for j < len(src) && src[j] == '@' {
				j++
			}
			j = lex.SkipIdent(src, j)
			lx.Emit(lex.TIdent, i, j)
			i = j
		case c == '$' && i+1 < len(src) && !lex.Space[src[i+1]] && src[i+1] != '\n':
			// $global, $1, and the punctuation globals ($!, $?, $~).
			j := lex.SkipIdent(src, i+1)
			if j == i+1 {
				j++
			}
			lx.Emit(lex.TIdent, i, j)
			i = j
		case lex.Digit[c]:
			j := lex.SkipNumber(src, i)
			lx.Emit(lex.TNumber, i, j)
			i = j
		case c == '"' || c == '`':
			i = lx.literal(i, i+1, c, c, nesting, false)
		case c == '\'':
			j := lex.SkipQuoted(src, i+1, "'", true, true)
			lx.Emit(lex.TString, i, j)
			i = j
		case c == ':':
			i = lx.colon(i)
		case c == '%' && lx.startsValue(i):
			i = lx.percent(i, nesting)
		case c == '/' && lx.startsValue(i):
			i = lx.literal(i, i+1, '/', '/', nesting, true)
		case c == '<' && lex.HasAt(src, i, "<<") && lx.heredoc(i):
			i = lx.heredocOpener(i)
		case c == '?' && lx.charLiteral(i):
			j := i + 2
			if src[i+1] == '\\' && j < len(src) {
				j++
			}
			lx.Emit(lex.TString, i, j)
			i = j
		case c == '}' && len(lx.nest) == base && nesting > 0:
			return i + 1
		default:
			n := lex.PunctLen(src, i)
			lx.bracket(c)
			lx.Emit(lex.TPunct, i, i+n)
			i += n
		}
	}
	return i
}

// bracket keeps the nesting of brackets up to date for the byte c.
func (lx *rbLexer) bracket(c byte) {
	switch c {
	case '(', '[':
		lx.nest = append(lx.nest, c)
	case '{':
		// A brace after a value opens a block (items.each { … }, lambdas
		// ->(x) { … }); anywhere else it opens a hash.
		kind := byte('{')
		if lx.afterValue() {
			kind = 'b'
		}
		lx.nest = append(lx.nest, kind)
	case ')', ']', '}':
		if len(lx.nest) > 0 {
			lx.nest = lx.nest[:len(lx.nest)-1]
		}
	}
}

// newline emits the tNewline of the line ending at i when it ends a
// statement.
func (lx *rbLexer) newline(i int) {
	if len(lx.Toks) == 0 || lx.Last().Kind == lex.TNewline {
		return
	}
	if n := len(lx.nest); n > 0 && lx.nest[n-1] != 'b' {
		return
	}
	if t := lx.Last(); t.Kind == lex.TPunct {
		switch lx.Src[t.End-1] {
		case ')', ']', '}':
		default:
			return // an operator or comma continues on the next line
		}
	}
	j := i + 1
	for j < len(lx.Src) && (lex.Space[lx.Src[j]] || lx.Src[j] == '\n') {
		j++
	}
	if j < len(lx.Src) && (lx.Src[j] == '.' && !lex.HasAt(lx.Src, j, "..") || lex.HasAt(lx.Src, j, "&.")) {
		return // the next line continues a method chain
	}
	lx.Emit(lex.TNewline, i, i+1)
}

// lineStart skips what only a line's start can begin: an =begin/=end
// comment; __END__ ends the code.
func (lx *rbLexer) lineStart(i int) int {
	src := lx.Src
	for lex.HasAt(src, i, "=begin") && (i+6 == len(src) || lex.Space[src[i+6]] || src[i+6] == '\n') {
		// The comment ends with the line that starts with =end.
		i = lex.SkipLine(src, lex.SkipBlockComment(src, i+6, "=begin", "\n=end", false))
	}
	if lex.HasAt(src, i, "__END__") {
		end := lex.SkipLine(src, i)
		if end == i+7 || end == i+8 && src[i+7] == '\r' {
			return len(src)
		}
	}
	return i
}

// ident lexes a name, with the ? or ! a method name may end in.
func (lx *rbLexer) ident(i int) int {
	src := lx.Src
	j := lex.SkipIdent(src, i)
	if j < len(src) && (src[j] == '?' || src[j] == '!') && (j+1 == len(src) || src[j+1] != '=') {
		j++
	}
	lx.Emit(lex.TIdent, i, j)
	return j
}

// colon lexes what starts with ':': a symbol, ::, or the colon of a
// label (status: 404) or of a ternary.
func (lx *rbLexer) colon(i int) int {
	src := lx.Src
	label := i > 0 && lex.IdentPart[src[i-1]]
	switch {
	case lex.HasAt(src, i, "::"):
		lx.Emit(lex.TPunct, i, i+2)
		return i + 2
	case !label && i+1 < len(src) && (src[i+1] == '"' || src[i+1] == '\''):
		j := lex.SkipQuoted(src, i+2, string(src[i+1]), true, true)
		lx.Emit(lex.TSymbol, i, j)
		return j
	case !label && i+1 < len(src) && lex.IdentStart[src[i+1]]:
		j := lex.SkipIdent(src, i+1)
		if j < len(src) && (src[j] == '?' || src[j] == '!') && (j+1 == len(src) || src[j+1] != '=') {
			j++
		} else if j+1 < len(src) && src[j] == '=' && src[j+1] != '=' && src[j+1] != '>' && src[j+1] != '~' {
			j++ // :name= (a setter's name), not :name=>value
		}
		lx.Emit(lex.TSymbol, i, j)
		return j
	}
	lx.Emit(lex.TPunct, i, i+1)
	return i + 1
}

// rbBeforeValue are the keywords after which an operand starts, so a
// '/' or '%' there opens a literal rather than dividing.
var rbBeforeValue = map[string]bool{
	"if": true, "elsif": true, "unless": true, "while": true, "until": true, "when": true,
	"return": true, "and": true, "or": true, "not": true, "then": true, "else": true,
	"do": true, "case": true, "in": true, "yield": true, "puts": true, "p": true, "print": true,
}

// afterValue reports whether the last token ends an operand: a name that
// is not a keyword, a literal, or a closing bracket.
func (lx *rbLexer) afterValue() bool {
	t := lx.Last()
	switch t.Kind {
	case lex.TIdent:
		return !rbBeforeValue[string(t.Text(lx.Src))]
	case lex.TNumber, lex.TString, lex.TSymbol:
		return true
	case lex.TPunct:
		c := lx.Src[t.End-1]
		return c == ')' || c == ']' || c == '}'
	}
	return false
}

// startsValue reports whether the operator-like byte at i starts a
// literal: after no operand, or after a method name with a space before
// it and none after (puts %w[a b], split /,\s*/).
func (lx *rbLexer) startsValue(i int) bool {
	src := lx.Src
	if i+1 >= len(src) || src[i+1] == '=' {
		return false
	}
	if !lx.afterValue() {
		return true
	}
	t := lx.Last()
	return t.Kind == lex.TIdent && int(t.End) < i && !lex.Space[src[i+1]] && src[i+1] != '\n'
}

// percent lexes a percent literal at i: %w[…], %i(…), %q{…}, %Q<…>,
// %(…), %r{…}, with any delimiter; bracket delimiters nest.
func (lx *rbLexer) percent(i, nesting int) int {
	src := lx.Src
	j := i + 1
	kind := byte('Q')
	if j < len(src) && 'a' <= src[j]|0x20 && src[j]|0x20 <= 'z' {
		kind = src[j]
		j++
	}
	if j >= len(src) || lex.IdentPart[src[j]] || lex.Space[src[j]] || src[j] == '\n' {
		lx.Emit(lex.TPunct, i, i+1)
		return i + 1
	}
	open := src[j]
	closer := open
	switch open {
	case '(':
		closer = ')'
	case '[':
		closer = ']'
	case '{':
		closer = '}'
	case '<':
		closer = '>'
	}
	interp := kind == 'Q' || kind == 'W' || kind == 'I' || kind == 'r' || kind == 'x'
	if !interp {
		end := lx.skipDelimited(j+1, open, closer)
		lx.Emit(lex.TString, i, end)
		return end
	}
	return lx.literal(i, j+1, open, closer, nesting, kind == 'r')
}

// skipDelimited returns the end of a literal without interpolation whose
// opener is before i; a backslash hides the next byte.
func (lx *rbLexer) skipDelimited(i int, open, closer byte) int {
	src := lx.Src
	depth := 1
	for i < len(src) {
		switch c := src[i]; {
		case c == '\\':
			i++
		case c == closer:
			if depth--; depth == 0 {
				return i + 1
			}
		case c == open:
			depth++
		}
		i++
	}
	return len(src)
}

// literal lexes an interpolating literal that starts at start and whose
// body starts at i: the literal pieces become tString tokens and each
// #{…} is lexed as code. In a regexp a '/' inside a character class does
// not end it, and flags follow the closer.
func (lx *rbLexer) literal(start, i int, open, closer byte, nesting int, regexp bool) int {
	src := lx.Src
	depth, class := 1, false
	for i < len(src) {
		c := src[i]
		switch {
		case c == '\\':
			i += 2
			continue
		case c == '#' && lex.HasAt(src, i, "#{") && nesting < rbMaxNesting:
			if i > start {
				lx.Emit(lex.TString, start, i)
			}
			i = lx.code(i+2, nesting+1)
			start = i
			continue
		case regexp && c == '[':
			class = true
		case regexp && c == ']':
			class = false
		case class:
		case c == closer:
			if depth--; depth == 0 {
				i++
				if regexp {
					i = lex.SkipIdent(src, i)
				}
				lx.Emit(lex.TString, start, i)
				return i
			}
		case c == open:
			depth++
		}
		i++
	}
	if start < len(src) {
		lx.Emit(lex.TString, start, len(src))
	}
	return len(src)
}

// clamp keeps an offset that skipping a last line moved past the end of
// the source at the end.
func (lx *rbLexer) clamp(i int) int {
	return min(i, len(lx.Src))
}

// heredoc reports whether the << at i opens a heredoc (<<~EOS, <<-EOS,
// <<EOS, <<~'EOS') rather than shifting or appending.
func (lx *rbLexer) heredoc(i int) bool {
	src := lx.Src
	j := i + 2
	if j < len(src) && (src[j] == '~' || src[j] == '-') {
		j++
	}
	if j >= len(src) || !(lex.IdentStart[src[j]] || src[j] == '\'' || src[j] == '"' || src[j] == '`') {
		return false
	}
	if j == i+2 && src[j] >= 'a' && src[j] <= 'z' {
		return false // list <<item appends
	}
	if !lx.afterValue() {
		return true
	}
	t := lx.Last()
	return t.Kind == lex.TIdent && int(t.End) < i // puts <<~EOS
}

// heredocOpener lexes the opener <<~ID as the string it stands for and
// queues its body, which starts on the next line.
func (lx *rbLexer) heredocOpener(i int) int {
	src := lx.Src
	j := i + 2
	indented := false
	if src[j] == '~' || src[j] == '-' {
		indented = true
		j++
	}
	var id []byte
	if q := src[j]; q == '\'' || q == '"' || q == '`' {
		end := j + 1
		for end < len(src) && src[end] != q && src[end] != '\n' {
			end++
		}
		id = src[j+1 : end]
		if end < len(src) && src[end] == q {
			end++
		}
		j = end
	} else {
		end := lex.SkipIdent(src, j)
		id = src[j:end]
		j = end
	}
	lx.Emit(lex.TString, i, j)
	lx.heredocs = append(lx.heredocs, rbHeredoc{id: id, indented: indented})
	return j
}

// heredocBodies skips the bodies of the heredocs opened on the line that
// ended before i, in order, and returns where code resumes.
func (lx *rbLexer) heredocBodies(i int) int {
	src := lx.Src
	for _, h := range lx.heredocs {
		for i < len(src) {
			end := lex.SkipLine(src, i)
			line := src[i:end]
			if len(line) > 0 && line[len(line)-1] == '\r' {
				line = line[:len(line)-1]
			}
			if h.indented {
				for len(line) > 0 && (line[0] == ' ' || line[0] == '\t') {
					line = line[1:]
				}
			}
			i = end + 1
			if string(line) == string(h.id) {
				break
			}
		}
	}
	lx.heredocs = lx.heredocs[:0]
	return lx.clamp(i)
}

// charLiteral reports whether the ? at i is a character literal (?a,
// ?\n) rather than a ternary or part of a name.
func (lx *rbLexer) charLiteral(i int) bool {
	src := lx.Src
	if i+1 >= len(src) || lex.Space[src[i+1]] || src[i+1] == '\n' || lx.afterValue() {
		return false
	}
	if src[i+1] == '\\' {
		return true
	}
	return i+2 >= len(src) || !lex.IdentPart[src[i+2]]
}
