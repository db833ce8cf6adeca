package php

import (
	"bytes"
	"fmt"

	"github.com/httpcodes/httpcodes/analysis/internal/facts"
	"github.com/httpcodes/httpcodes/analysis/internal/lex"
)

// PHP is read by a token scanner: lexPHP below, the contexts in
// scan.go and completion in complete.go.

func init() {
	facts.Register(&facts.Language{
		Name:     "php",
		Exts:     []string{".php", ".phtml"},
		Analyze:  analyzePHP,
		MayHave:  phpMayHave,
		Complete: completePHP,
		// PHPUnit's *Test.php, in Laravel's and Symfony's tests/.
		Tests:   facts.TestConventions{Dirs: []string{"tests", "test"}, Suffixes: []string{"Test.php"}},
		Editors: facts.EditorNames{Lsp: []string{"php"}, Vim: []string{"php"}, Helix: []string{"php"}},
		Phrases: facts.Phrases{
			Late: "PHP drops a header set after that and warns \"Cannot modify header information - headers already sent\"",
			// net/http's words, which PHP's messages have carried since
			// the phrases were a switch with Go as its default; no
			// annotated case writes a body after a 204 in PHP.
			Bodiless:    "net/http refuses the write (http.ErrBodyNotAllowed)",
			Invalid:     "no client accepts a response line with %d",
			Again:       "has no effect",
			AgainEffect: "a status is sent only once (PHP warns \"headers already sent\")",
			RedirectAPI: "the redirect API",
			// PHP sends the headers set before the output is flushed,
			// in any order.
			SetHeader: func(_ facts.Event, header string) string { return fmt.Sprintf("call header('%s: …') first", header) },
			Redirect:  func(facts.Event) string { return "call header('Location: …') too" },
			// The first output sends the status line and the headers.
			OutputSendsHeaders: true,
		},
	})
}

// phpMayHave: every context names a response (response(), Response::,
// http_response_code, JsonResponse), a status (setStatusCode, withStatus,
// assertStatus, getStatusCode, status_header, $status), a header, abort,
// a redirect (redirect(), Redirect::, wp_redirect), back(), to_route(),
// HttpException or wp_send_json.
func phpMayHave(src []byte) bool {
	return facts.ContainsAny(src, "esponse", "tatus", "header", "abort", "edirect", "back", "to_route", "HttpException", "wp_send_json")
}

// lexPHP turns a PHP file into tokens. Only the code between <?php (or
// <?=) and ?> is read; the HTML around it is skipped, and a file may end
// inside the code without a closing tag. Comments (//, # and /* */; a line
// comment also ends at ?>) vanish, but #[ starts a PHP 8 attribute. Every
// string is one tString: '…', "…" and `…` (with {$…} interpolation inside,
// skipped as part of the string), heredoc <<<EOT / <<<"EOT" and nowdoc
// <<<'EOT' up to the line that starts, after blanks, with the label. $vars
// are identifiers with their $.
func lexPHP(src []byte) []lex.Lexeme {
	l := lex.NewTokenList(src)
	for i := phpOpenTag(src, 0); i < len(src); {
		c := src[i]
		switch {
		case c == '\n' || lex.Space[c]:
			i++
		case c == '?' && i+1 < len(src) && src[i+1] == '>':
			// The closing tag ends a statement, as ; does.
			l.Emit(lex.TPunct, i, i+2)
			i = phpOpenTag(src, i+2)
		case c == '#' && i+1 < len(src) && src[i+1] == '[':
			l.Emit(lex.TPunct, i, i+1)
			i++
		case c == '#' || c == '/' && i+1 < len(src) && src[i+1] == '/':
			i = phpLineComment(src, i)
		case c == '/' && i+1 < len(src) && src[i+1] == '*':
			i = lex.SkipBlockComment(src, i+2, "/*", "*/", false)
		case c == '\'':
			end := lex.SkipQuoted(src, i+1, "'", true, true)
			l.Emit(lex.TString, i, end)
			i = end
		case c == '"' || c == '`':
			end := phpInterpolated(src, i+1, c)
			l.Emit(lex.TString, i, end)
			i = end
		case c == '<' && lex.HasAt(src, i, "<<<"):
			if end, ok := phpHeredoc(src, i); ok {
				l.Emit(lex.TString, i, end)
				i = end
			} else {
				l.Emit(lex.TPunct, i, i+2)
				i += 2
			}
		case c == '$' && i+1 < len(src) && lex.IdentStart[src[i+1]]:
			end := lex.SkipIdent(src, i+1)
			l.Emit(lex.TIdent, i, end)
			i = end
		case lex.IdentStart[c]:
			end := lex.SkipIdent(src, i)
			l.Emit(lex.TIdent, i, end)
			i = end
		case lex.Digit[c]:
			end := lex.SkipNumberUnquoted(src, i)
			l.Emit(lex.TNumber, i, end)
			i = end
		case c == '?' && lex.HasAt(src, i, "?->"):
			l.Emit(lex.TPunct, i, i+3)
			i += 3
		default:
			n := lex.PunctLen(src, i)
			l.Emit(lex.TPunct, i, i+n)
			i += n
		}
	}
	return l.Toks
}

// phpOpenTag returns the offset after the next <?php or <?= at or after i,
// or the end of the source. Other <? (an XML declaration in a template) are
// text.
func phpOpenTag(src []byte, i int) int {
	for i < len(src) {
		k := bytes.Index(src[i:], []byte("<?"))
		if k < 0 {
			return len(src)
		}
		i += k + 2
		if i < len(src) && src[i] == '=' {
			return i + 1
		}
		if len(src)-i >= 3 && bytes.EqualFold(src[i:i+3], []byte("php")) && (i+3 == len(src) || !lex.IdentPart[src[i+3]]) {
			return i + 3
		}
	}
	return len(src)
}

// phpLineComment returns the end of the // or # comment at i: the end of
// the line, or the ?> that closes the code first.
func phpLineComment(src []byte, i int) int {
	for i < len(src) && src[i] != '\n' {
		if src[i] == '?' && i+1 < len(src) && src[i+1] == '>' {
			return i
		}
		i++
	}
	return i
}

// phpInterpolated returns the end of a "…" or `…` string whose quote ends
// at i. {$…} and ${…} hold code, which may hold strings of its own
// ("{$a["key"]}"), so they are skipped by brackets, not by quotes.
func phpInterpolated(src []byte, i int, quote byte) int {
	for i < len(src) {
		c := src[i]
		switch {
		case c == '\\':
			i += 2
		case c == quote:
			return i + 1
		case c == '{' && i+1 < len(src) && src[i+1] == '$', c == '$' && i+1 < len(src) && src[i+1] == '{':
			i = phpEmbedded(src, i+2)
		default:
			i++
		}
	}
	return len(src)
}

// phpEmbedded returns the end of the code embedded in a string, whose
// opening brace ends before i: after the matching closing brace.
func phpEmbedded(src []byte, i int) int {
	depth := 1
	for i < len(src) {
		switch c := src[i]; c {
		case '{':
			depth++
		case '}':
			if depth--; depth == 0 {
				return i + 1
			}
		case '\'':
			i = lex.SkipQuoted(src, i+1, "'", true, true)
			continue
		case '"':
			i = phpInterpolated(src, i+1, '"')
			continue
		}
		i++
	}
	return len(src)
}

// phpHeredoc reads the heredoc or nowdoc whose <<< is at i, up to the end
// of its closing label: the first line whose first non-blank is the label
// not followed by a name byte (PHP 7.3 lets it be indented and followed by
// code: `EOT;`, `EOT)`). It reports false when no label follows <<<.
func phpHeredoc(src []byte, i int) (int, bool) {
	j := i + 3
	for j < len(src) && (src[j] == ' ' || src[j] == '\t') {
		j++
	}
	var quote byte
	if j < len(src) && (src[j] == '"' || src[j] == '\'') {
		quote = src[j]
		j++
	}
	if j >= len(src) || !lex.IdentStart[src[j]] {
		return 0, false
	}
	start := j
	j = lex.SkipIdent(src, j)
	label := src[start:j]
	if quote != 0 {
		if j >= len(src) || src[j] != quote {
			return 0, false
		}
		j++
	}
	if j < len(src) && src[j] == '\r' {
		j++
	}
	if j >= len(src) || src[j] != '\n' {
		return 0, false
	}
	for k := j + 1; k < len(src); k = lex.SkipLine(src, k) + 1 {
		m := k
		for m < len(src) && (src[m] == ' ' || src[m] == '\t') {
			m++
		}
		if bytes.HasPrefix(src[m:], label) && (m+len(label) == len(src) || !lex.IdentPart[src[m+len(label)]]) {
			return m + len(label), true
		}
	}
	return len(src), true
}
