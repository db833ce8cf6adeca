package rust

import (
	"fmt"
	"unicode/utf8"

	"github.com/httpcodes/httpcodes/analysis/internal/facts"
	"github.com/httpcodes/httpcodes/analysis/internal/lex"
)

// Rust is read by a token scanner: lexRust below, the contexts in
// scan.go and completion in complete.go.

func init() {
	facts.Register(&facts.Language{
		Name:     "rust",
		Exts:     []string{".rs"},
		Analyze:  analyzeRust,
		MayHave:  rustMayHave,
		Complete: completeRust,
		// Cargo's integration tests; unit tests live in #[cfg(test)]
		// modules and #[test] functions, found in the file.
		Tests:   facts.TestConventions{Dirs: []string{"tests"}},
		Editors: facts.EditorNames{Lsp: []string{"rust"}, Vim: []string{"rust"}, Helix: []string{"rust"}},
		Phrases: facts.Phrases{
			// net/http's words, which Rust's messages have carried since
			// the phrases were a switch with Go as its default; no
			// annotated case writes a body after a 204 in Rust.
			Bodiless:    "net/http refuses the write (http.ErrBodyNotAllowed)",
			Invalid:     "no client accepts a response line with %d",
			RedirectAPI: "the redirect API",
			SetHeader: func(_ facts.Event, header string) string {
				return fmt.Sprintf("add .header(%q, …) to the response", header)
			},
			Redirect: func(facts.Event) string { return "set Location first, or use Redirect::to, which sets it" },
		},
	})
}

// rustMayHave: every context the scanner knows names StatusCode, status
// (.status(…), .status() ==, status_mut), a named actix builder on
// HttpResponse, or InternalError.
func rustMayHave(src []byte) bool {
	return facts.ContainsAny(src, "StatusCode", "status", "HttpResponse", "InternalError")
}

// lexRust turns Rust source into tokens. Comments (line, block — nested —
// and doc comments) vanish; every string form is one tString: "…", raw
// strings r"…" and r#"…"# with any number of hashes (no escapes inside),
// byte and C strings b"…", br#"…"#, c"…", cr"…", and char literals '…'.
// A quote that does not open a char literal starts a lifetime or a loop
// label ('a, 'static), which becomes one tIdent with its quote.
func LexRust(src []byte) []lex.Lexeme {
	l := lex.NewTokenList(src)
	for i := 0; i < len(src); {
		c := src[i]
		switch {
		case c == '\n' || lex.Space[c]:
			i++
		case c == '/' && i+1 < len(src) && src[i+1] == '/':
			i = lex.SkipLine(src, i)
		case c == '/' && i+1 < len(src) && src[i+1] == '*':
			i = lex.SkipBlockComment(src, i+2, "/*", "*/", true)
		case c == '"':
			end := lex.SkipQuoted(src, i+1, `"`, true, true)
			l.Emit(lex.TString, i, end)
			i = end
		case c == '\'':
			end, kind := rustQuote(src, i)
			l.Emit(kind, i, end)
			i = end
		case lex.IdentStart[c]:
			if end, ok := rustPrefixedString(src, i); ok {
				l.Emit(lex.TString, i, end)
				i = end
				continue
			}
			end := lex.SkipIdent(src, i)
			l.Emit(lex.TIdent, i, end)
			i = end
		case lex.Digit[c]:
			end := lex.SkipNumberUnquoted(src, i)
			l.Emit(lex.TNumber, i, end)
			i = end
		default:
			n := lex.PunctLen(src, i)
			l.Emit(lex.TPunct, i, i+n)
			i += n
		}
	}
	return l.Toks
}

// rustQuote reads what a quote at i starts: a char literal when an escape,
// or a single code point followed by a closing quote, comes next; else a
// lifetime or label ('a), or a lone quote.
func rustQuote(src []byte, i int) (int, lex.TokKind) {
	if i+1 < len(src) && src[i+1] == '\\' {
		return lex.SkipQuoted(src, i+1, "'", true, false), lex.TString
	}
	if i+1 < len(src) {
		_, n := utf8.DecodeRune(src[i+1:])
		if i+1+n < len(src) && src[i+1+n] == '\'' && src[i+1] != '\n' {
			return i + 2 + n, lex.TString
		}
		if lex.IdentStart[src[i+1]] {
			return lex.SkipIdent(src, i+1), lex.TIdent
		}
	}
	return i + 1, lex.TPunct
}

// rustPrefixedString reads a string with a prefix starting at i: b"…",
// b'…', c"…", r"…", r#"…"#, br"…", cr#"…"#. It reports false for a plain
// identifier, and for the raw identifier r#match.
func rustPrefixedString(src []byte, i int) (int, bool) {
	j := i
	if j < len(src) && (src[j] == 'b' || src[j] == 'c') {
		j++
		if j < len(src) && src[j-1] == 'b' && src[j] == '\'' {
			return lex.SkipQuoted(src, j+1, "'", true, false), true
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
		return lex.SkipQuoted(src, j+1, `"`, true, true), true
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
