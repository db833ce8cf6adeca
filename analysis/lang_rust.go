package analysis

import (
	"fmt"
	"unicode/utf8"
)

// Rust is read by a token scanner: lexRust below, the contexts in
// lang_rust_scan.go and completion in lang_rust_complete.go.

func init() {
	register(&language{
		name:     "rust",
		exts:     []string{".rs"},
		analyze:  analyzeRust,
		mayHave:  rustMayHave,
		complete: completeRust,
		// Cargo's integration tests; unit tests live in #[cfg(test)]
		// modules and #[test] functions, found in the file.
		tests:   testConventions{dirs: []string{"tests"}},
		editors: editorNames{lsp: []string{"rust"}, vim: []string{"rust"}, helix: []string{"rust"}},
		phrases: phrases{
			// net/http's words, which Rust's messages have carried since
			// the phrases were a switch with Go as its default; no
			// annotated case writes a body after a 204 in Rust.
			bodiless:    "net/http refuses the write (http.ErrBodyNotAllowed)",
			invalid:     "no client accepts a response line with %d",
			redirectAPI: "the redirect API",
			setHeader: func(_ event, header string) string {
				return fmt.Sprintf("add .header(%q, …) to the response", header)
			},
			redirect: func(event) string { return "set Location first, or use Redirect::to, which sets it" },
		},
	})
}

// rustMayHave: every context the scanner knows names StatusCode, status
// (.status(…), .status() ==, status_mut), a named actix builder on
// HttpResponse, or InternalError.
func rustMayHave(src []byte) bool {
	return containsAny(src, "StatusCode", "status", "HttpResponse", "InternalError")
}

// lexRust turns Rust source into tokens. Comments (line, block — nested —
// and doc comments) vanish; every string form is one tString: "…", raw
// strings r"…" and r#"…"# with any number of hashes (no escapes inside),
// byte and C strings b"…", br#"…"#, c"…", cr"…", and char literals '…'.
// A quote that does not open a char literal starts a lifetime or a loop
// label ('a, 'static), which becomes one tIdent with its quote.
func lexRust(src []byte) []lexeme {
	l := newTokenList(src)
	for i := 0; i < len(src); {
		c := src[i]
		switch {
		case c == '\n' || space[c]:
			i++
		case c == '/' && i+1 < len(src) && src[i+1] == '/':
			i = skipLine(src, i)
		case c == '/' && i+1 < len(src) && src[i+1] == '*':
			i = skipBlockComment(src, i+2, "/*", "*/", true)
		case c == '"':
			end := skipQuoted(src, i+1, `"`, true, true)
			l.emit(tString, i, end)
			i = end
		case c == '\'':
			end, kind := rustQuote(src, i)
			l.emit(kind, i, end)
			i = end
		case identStart[c]:
			if end, ok := rustPrefixedString(src, i); ok {
				l.emit(tString, i, end)
				i = end
				continue
			}
			end := skipIdent(src, i)
			l.emit(tIdent, i, end)
			i = end
		case digit[c]:
			end := skipNumberUnquoted(src, i)
			l.emit(tNumber, i, end)
			i = end
		default:
			n := punctLen(src, i)
			l.emit(tPunct, i, i+n)
			i += n
		}
	}
	return l.toks
}

// skipNumberUnquoted returns the end of the number at i. skipNumber would
// take a quote between digits for a C++ separator; in Rust (a char literal
// or a lifetime) and PHP (a string) a quote there starts something else,
// so the number stops before it.
func skipNumberUnquoted(src []byte, i int) int {
	end := skipNumber(src, i)
	for j := i; j < end; j++ {
		if src[j] == '\'' {
			return j
		}
	}
	return end
}

// rustQuote reads what a quote at i starts: a char literal when an escape,
// or a single code point followed by a closing quote, comes next; else a
// lifetime or label ('a), or a lone quote.
func rustQuote(src []byte, i int) (int, tokKind) {
	if i+1 < len(src) && src[i+1] == '\\' {
		return skipQuoted(src, i+1, "'", true, false), tString
	}
	if i+1 < len(src) {
		_, n := utf8.DecodeRune(src[i+1:])
		if i+1+n < len(src) && src[i+1+n] == '\'' && src[i+1] != '\n' {
			return i + 2 + n, tString
		}
		if identStart[src[i+1]] {
			return skipIdent(src, i+1), tIdent
		}
	}
	return i + 1, tPunct
}

// rustPrefixedString reads a string with a prefix starting at i: b"…",
// b'…', c"…", r"…", r#"…"#, br"…", cr#"…"#. It reports false for a plain
// identifier, and for the raw identifier r#match.
func rustPrefixedString(src []byte, i int) (int, bool) {
	j := i
	if j < len(src) && (src[j] == 'b' || src[j] == 'c') {
		j++
		if j < len(src) && src[j-1] == 'b' && src[j] == '\'' {
			return skipQuoted(src, j+1, "'", true, false), true
		}
	}
	raw := j < len(src) && src[j] == 'r'
	if raw {
		j++
	}
	if j == i || j >= len(src) {
		return 0, false
	}
	if !raw {
		if src[j] != '"' {
			return 0, false
		}
		return skipQuoted(src, j+1, `"`, true, true), true
	}
	hashes := 0
	for j < len(src) && src[j] == '#' {
		hashes++
		j++
	}
	if j >= len(src) || src[j] != '"' {
		return 0, false
	}
	// The string ends at a quote followed by as many hashes as opened it.
	for k := j + 1; k < len(src); k++ {
		if src[k] != '"' {
			continue
		}
		n := 0
		for n < hashes && k+1+n < len(src) && src[k+1+n] == '#' {
			n++
		}
		if n == hashes {
			return k + 1 + n, true
		}
	}
	return len(src), true
}
