package analysis

import (
	"bytes"
	"fmt"
)

// PHP is read by a token scanner: lexPHP below, the contexts in
// lang_php_scan.go and completion in lang_php_complete.go.

func init() {
	register(&language{
		name:     "php",
		exts:     []string{".php", ".phtml"},
		analyze:  analyzePHP,
		mayHave:  phpMayHave,
		complete: completePHP,
		// PHPUnit's *Test.php, in Laravel's and Symfony's tests/.
		tests:   testConventions{dirs: []string{"tests", "test"}, suffixes: []string{"Test.php"}},
		editors: editorNames{lsp: []string{"php"}, vim: []string{"php"}, helix: []string{"php"}},
		phrases: phrases{
			late: "PHP drops a header set after that and warns \"Cannot modify header information - headers already sent\"",
			// net/http's words, which PHP's messages have carried since
			// the phrases were a switch with Go as its default; no
			// annotated case writes a body after a 204 in PHP.
			bodiless:    "net/http refuses the write (http.ErrBodyNotAllowed)",
			invalid:     "no client accepts a response line with %d",
			again:       "has no effect",
			againEffect: "a status is sent only once (PHP warns \"headers already sent\")",
			redirectAPI: "the redirect API",
			// PHP sends the headers set before the output is flushed,
			// in any order.
			setHeader: func(_ event, header string) string { return fmt.Sprintf("call header('%s: …') first", header) },
			redirect:  func(event) string { return "call header('Location: …') too" },
			// The first output sends the status line and the headers.
			outputSendsHeaders: true,
		},
	})
}

// phpMayHave: every context names a response (response(), Response::,
// http_response_code, JsonResponse), a status (setStatusCode, withStatus,
// assertStatus, getStatusCode, status_header, $status), a header, abort,
// a redirect (redirect(), Redirect::, wp_redirect), back(), to_route(),
// HttpException or wp_send_json.
func phpMayHave(src []byte) bool {
	return containsAny(src, "esponse", "tatus", "header", "abort", "edirect", "back", "to_route", "HttpException", "wp_send_json")
}

// lexPHP turns a PHP file into tokens. Only the code between <?php (or
// <?=) and ?> is read; the HTML around it is skipped, and a file may end
// inside the code without a closing tag. Comments (//, # and /* */; a line
// comment also ends at ?>) vanish, but #[ starts a PHP 8 attribute. Every
// string is one tString: '…', "…" and `…` (with {$…} interpolation inside,
// skipped as part of the string), heredoc <<<EOT / <<<"EOT" and nowdoc
// <<<'EOT' up to the line that starts, after blanks, with the label. $vars
// are identifiers with their $.
func lexPHP(src []byte) []lexeme {
	l := newTokenList(src)
	for i := phpOpenTag(src, 0); i < len(src); {
		c := src[i]
		switch {
		case c == '\n' || space[c]:
			i++
		case c == '?' && i+1 < len(src) && src[i+1] == '>':
			// The closing tag ends a statement, as ; does.
			l.emit(tPunct, i, i+2)
			i = phpOpenTag(src, i+2)
		case c == '#' && i+1 < len(src) && src[i+1] == '[':
			l.emit(tPunct, i, i+1)
			i++
		case c == '#' || c == '/' && i+1 < len(src) && src[i+1] == '/':
			i = phpLineComment(src, i)
		case c == '/' && i+1 < len(src) && src[i+1] == '*':
			i = skipBlockComment(src, i+2, "/*", "*/", false)
		case c == '\'':
			end := skipQuoted(src, i+1, "'", true, true)
			l.emit(tString, i, end)
			i = end
		case c == '"' || c == '`':
			end := phpInterpolated(src, i+1, c)
			l.emit(tString, i, end)
			i = end
		case c == '<' && hasAt(src, i, "<<<"):
			if end, ok := phpHeredoc(src, i); ok {
				l.emit(tString, i, end)
				i = end
			} else {
				l.emit(tPunct, i, i+2)
				i += 2
			}
		case c == '$' && i+1 < len(src) && identStart[src[i+1]]:
			end := skipIdent(src, i+1)
			l.emit(tIdent, i, end)
			i = end
		case identStart[c]:
			end := skipIdent(src, i)
			l.emit(tIdent, i, end)
			i = end
		case digit[c]:
			end := skipNumberUnquoted(src, i)
			l.emit(tNumber, i, end)
			i = end
		case c == '?' && hasAt(src, i, "?->"):
			l.emit(tPunct, i, i+3)
			i += 3
		default:
			n := punctLen(src, i)
			l.emit(tPunct, i, i+n)
			i += n
		}
	}
	return l.toks
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
		if len(src)-i >= 3 && bytes.EqualFold(src[i:i+3], []byte("php")) && (i+3 == len(src) || !identPart[src[i+3]]) {
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
			i = skipQuoted(src, i+1, "'", true, true)
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
	if j >= len(src) || !identStart[src[j]] {
		return 0, false
	}
	start := j
	j = skipIdent(src, j)
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
	for k := j + 1; k < len(src); k = skipLine(src, k) + 1 {
		m := k
		for m < len(src) && (src[m] == ' ' || src[m] == '\t') {
			m++
		}
		if bytes.HasPrefix(src[m:], label) && (m+len(label) == len(src) || !identPart[src[m+len(label)]]) {
			return m + len(label), true
		}
	}
	return len(src), true
}
