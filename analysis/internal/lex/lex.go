package lex

import "sync"

// The scanners of languages other than Go do not parse: each turns a file
// into tokens with a small lexer of its own (comments and strings are where
// languages differ) built from the primitives in this file, and then reads
// status contexts off the token stream (scan.go). Comments vanish and every
// string, however it is quoted, becomes one token, so a 404 in either is
// never mistaken for code.

// tokKind is what a token is.
type TokKind uint8

const (
	TEOF TokKind = iota
	// tIdent is a name or keyword; sigils that belong to a name are part of
	// it (PHP's $var, Ruby's @ivar).
	TIdent
	// tNumber is a numeric literal of any base, with any suffix.
	TNumber
	// tString is a whole string literal with its quotes, or one literal piece
	// of an interpolated string (the code between the pieces is tokens).
	TString
	// tSymbol is a Ruby symbol, :not_found.
	TSymbol
	// tPunct is an operator or delimiter; see punctLen for the multi-byte ones.
	TPunct
	// tNewline ends a line in languages where lines end statements (Python,
	// Ruby); lexers of other languages do not emit it.
	TNewline
)

// lexeme is a token: a span of the source; 32-bit offsets keep a 10 MB file's tokens
// in half the memory.
type Lexeme struct {
	Start, End int32
	Kind       TokKind
}

func (t Lexeme) Text(src []byte) []byte { return src[t.Start:t.End] }

// is reports whether the token is exactly s.
func (t Lexeme) Is(src []byte, s string) bool {
	return int(t.End-t.Start) == len(s) && string(src[t.Start:t.End]) == s
}

// tokenList collects tokens; lexers append through it.
type TokenList struct {
	Src  []byte
	Toks []Lexeme
}

func NewTokenList(src []byte) *TokenList {
	// Handler code runs one token per three to five bytes; a list too small
	// would be copied as it grows.
	buf := *tokenLists.Get().(*[]Lexeme)
	if want := len(src)/3 + 16; cap(buf) < want {
		buf = make([]Lexeme, 0, want)
	}
	return &TokenList{Src: src, Toks: buf[:0]}
}

// tokenLists keeps token lists for reuse: a large file's list is tens of
// megabytes, and clearing fresh memory for it costs more than lexing it.
var tokenLists = sync.Pool{New: func() any { return new([]Lexeme) }}

// release hands a scan's token list back for the next file. The facts keep
// no token, so an analysis calls it once its facts are made; the scan
// must not be used after.
func (s *Scan) Release() {
	toks := s.Toks[:0]
	s.Toks, s.pair = nil, nil
	tokenLists.Put(&toks)
}

func (l *TokenList) Emit(kind TokKind, start, end int) {
	l.Toks = append(l.Toks, Lexeme{Start: int32(start), End: int32(end), Kind: kind})
}

// last returns the last token emitted, or a tEOF token.
func (l *TokenList) Last() Lexeme {
	if len(l.Toks) == 0 {
		return Lexeme{}
	}
	return l.Toks[len(l.Toks)-1]
}

// Character classes, by table for speed.
var (
	IdentStart [256]bool
	IdentPart  [256]bool
	Digit      [256]bool
	Space      [256]bool
)

func init() {
	for c := 0; c < 256; c++ {
		b := byte(c)
		IdentStart[c] = b == '_' || 'a' <= b && b <= 'z' || 'A' <= b && b <= 'Z' || b >= 0x80
		Digit[c] = '0' <= b && b <= '9'
		IdentPart[c] = IdentStart[c] || Digit[c]
		Space[c] = b == ' ' || b == '\t' || b == '\r' || b == '\f' || b == '\v'
	}
}

// skipIdent returns the end of the name starting at i. Bytes of UTF-8
// sequences count as name bytes, which is what every language here allows.
func SkipIdent(src []byte, i int) int {
	for i < len(src) && IdentPart[src[i]] {
		i++
	}
	return i
}

// skipNumber returns the end of the numeric literal starting at i (a digit,
// or a '.' followed by one): any base, digit separators, fraction, exponent
// and a type suffix (404u16, 404L, 404n) are all part of it.
func SkipNumber(src []byte, i int) int {
	for i < len(src) {
		c := src[i]
		switch {
		case IdentPart[c]:
			if (c == 'e' || c == 'E' || c == 'p' || c == 'P') && i+1 < len(src) && (src[i+1] == '+' || src[i+1] == '-') {
				i++ // exponent sign
			}
			i++
		case c == '.' && i+1 < len(src) && Digit[src[i+1]]:
			i++
		case c == '\'' && i+1 < len(src) && Digit[src[i+1]]:
			i++ // C++-style separators are harmless to accept
		default:
			return i
		}
	}
	return i
}

// skipLine returns the offset of the newline ending the line that i is on
// (or the end of the source): the end of a line comment.
func SkipLine(src []byte, i int) int {
	for i < len(src) && src[i] != '\n' {
		i++
	}
	return i
}

// skipBlockComment returns the end of the comment whose opener ends at i,
// closed by close; nested comments (Rust, Kotlin, Swift) count open/close
// pairs. An unclosed comment runs to the end of the source.
func SkipBlockComment(src []byte, i int, open, close string, nested bool) int {
	depth := 1
	for i < len(src) {
		if nested && HasAt(src, i, open) {
			depth++
			i += len(open)
			continue
		}
		if HasAt(src, i, close) {
			i += len(close)
			if depth--; depth == 0 {
				return i
			}
			continue
		}
		i++
	}
	return i
}

// skipQuoted returns the end of a string whose opening quote ends at i and
// which is closed by quote. With escapes, a backslash hides the next byte.
// A single-quote string that meets a newline ends there (an unterminated
// literal should not swallow the file) unless multiline is set.
func SkipQuoted(src []byte, i int, quote string, escapes, multiline bool) int {
	for i < len(src) {
		c := src[i]
		switch {
		case escapes && c == '\\':
			i += 2
			continue
		case c == quote[0] && HasAt(src, i, quote):
			return i + len(quote)
		case c == '\n' && !multiline:
			return i
		}
		i++
	}
	return len(src)
}

// hasAt reports whether src holds s at offset i.
func HasAt(src []byte, i int, s string) bool {
	return i >= 0 && len(src)-i >= len(s) && string(src[i:i+len(s)]) == s
}

// multiPunct lists operators of more than one byte, longest first within
// each leading byte, shared by the C-like languages. A scanner only needs
// the ones it looks for (=== vs ==, =>, ::, ?.) to come out whole; the
// rest keeps the token stream faithful.
var multiPunct = [256][]string{
	'=': {"===", "==", "=>"},
	'!': {"!==", "!="},
	'<': {"<=>", "<<=", "<=", "<<"},
	'>': {">>>=", ">>>", ">>=", ">=", ">>"},
	'&': {"&&=", "&&", "&="},
	'|': {"||=", "||", "|="},
	'?': {"??=", "??", "?."},
	':': {"::"},
	'-': {"->", "--", "-="},
	'+': {"++", "+="},
	'*': {"**=", "**", "*="},
	'/': {"/="},
	'%': {"%="},
	'^': {"^="},
	'.': {"...", ".."},
}

// punctLen returns the length of the operator starting at i.
func PunctLen(src []byte, i int) int {
	for _, op := range multiPunct[src[i]] {
		if HasAt(src, i, op) {
			return len(op)
		}
	}
	return 1
}
