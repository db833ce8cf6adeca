package nginx

import (
	"path/filepath"
	"strings"

	"github.com/httpcodes/httpcodes/analysis/internal/facts"
	"github.com/httpcodes/httpcodes/analysis/internal/lex"
)

// nginx configuration: `return 404;`, `error_page 500 502 /50x.html;`,
// `limit_req_status 429;` and the other directives whose arguments are
// status codes. A .conf file is nginx's only where its place says so, since
// the extension is shared by every other daemon.

func init() {
	facts.Register(&facts.Language{
		Name: "nginx", Exts: []string{".nginx", ".nginxconf"}, Claims: nginxClaims,
		Analyze: analyzeNginx, MayHave: nginxMayHave, Complete: completeNginx,
		Editors: facts.EditorNames{Lsp: []string{"nginx"}, Vim: []string{"nginx"}, Helix: []string{"nginx"}},
		Phrases: facts.Phrases{Invalid: "nginx refuses the configuration", RedirectAPI: "the redirect API"},
	})
}

// nginxClaims takes nginx.conf, any .conf file whose name or directory
// mentions nginx (/etc/nginx/conf.d/x.conf, deploy/nginx/site.conf,
// nginx_app.conf), and the files of sites-available and sites-enabled,
// which Debian's layout names without an extension, unless another
// language claims their extension. A template of any of these is nginx too: nginx.conf.j2
// (Ansible), default.conf.template (the nginx image's envsubst templates),
// and nginx-proxy's nginx.tmpl; so is a sample of them (a .conf.sample or
// .conf.example whose name or directory says nginx, or SWAG's
// app.subdomain.conf.sample proxy configurations).
func nginxClaims(path string) bool {
	p := filepath.ToSlash(path)
	slash := strings.LastIndexByte(p, '/')
	base, dir := p[slash+1:], ""
	if slash >= 0 {
		dir = p[:slash]
	}
	if lower := strings.ToLower(base); lower == "nginx.tmpl" || strings.HasSuffix(lower, ".conf.template") {
		return true
	}
	for _, suffix := range []string{".j2", ".jinja", ".jinja2", ".tmpl"} {
		if stripped, ok := strings.CutSuffix(base, suffix); ok && strings.Contains(stripped, ".") {
			base = stripped
			break
		}
	}
	// A sample to copy is read as the file it becomes: nginx.conf.example,
	// deploy/nginx/site.conf.sample. Only a .conf's sample: a
	// paperless.conf.example or a ModSecurity rules sample is claimed by
	// nothing below, as its .conf would not be.
	for _, suffix := range []string{".conf.sample", ".conf.example"} {
		if stripped, ok := strings.CutSuffix(strings.ToLower(base), suffix); ok {
			base = base[:len(stripped)+len(".conf")]
			break
		}
	}
	if base == "nginx.conf" {
		return true
	}
	parent := dir[strings.LastIndexByte(dir, '/')+1:]
	if parent == "sites-available" || parent == "sites-enabled" {
		return !claimedByExtension(strings.ToLower(filepath.Ext(base)))
	}
	lower := strings.ToLower(base)
	if !strings.HasSuffix(lower, ".conf") {
		return false
	}
	// linuxserver's SWAG names its nginx proxy configurations
	// <app>.subdomain.conf and <app>.subfolder.conf (shipped as .sample
	// files, in a repository whose path need not say nginx).
	if strings.HasSuffix(lower, ".subdomain.conf") || strings.HasSuffix(lower, ".subfolder.conf") {
		return true
	}
	return strings.Contains(strings.ToLower(dir), "nginx") || strings.Contains(lower, "nginx")
}

// claimedByExtension reports whether a language other than nginx reads
// files with the extension ext.
func claimedByExtension(ext string) bool {
	if ext == "" {
		return false
	}
	for _, l := range facts.Registry {
		if l.Name == "nginx" {
			continue
		}
		for _, e := range l.Exts {
			if e == ext {
				return true
			}
		}
	}
	return false
}

// nginxMayHave: every context is one of these directives, or reads
// $status.
func nginxMayHave(src []byte) bool {
	return facts.ContainsAny(src, "return", "error_page", "status", "_cache_valid")
}

// nginxLexer splits a configuration as nginx does, one token at a time:
// words end at blanks, ';' and '{' (a '}' inside a word is part of it, as
// in ${var}); # starts a comment where a word could start; quoted strings
// take backslash escapes and may span lines. Words of digits are numbers.
// Two splits serve the contexts: the '=' of error_page's =200 and the
// parentheses around an if's condition become tokens of their own. The
// scanner holds one directive's tokens at a time, never the file's.
type nginxLexer struct {
	src []byte
	pos int
	// tail holds the ')' tokens split off the end of the last word.
	tail int
}

// next returns the next token, or a tEOF token at the end.
func (l *nginxLexer) next() lex.Lexeme {
	src := l.src
	if l.tail > 0 {
		l.tail--
		l.pos++
		return lex.Lexeme{Start: int32(l.pos - 1), End: int32(l.pos), Kind: lex.TPunct}
	}
	for l.pos < len(src) {
		i := l.pos
		c := src[i]
		switch {
		case lex.Space[c] || c == '\n':
			l.pos++
		case c == '#':
			l.pos = lex.SkipLine(src, i)
		case c == ';' || c == '{' || c == '}' || c == '(' || c == '=' && i+1 < len(src) && lex.Digit[src[i+1]]:
			l.pos++
			return lex.Lexeme{Start: int32(i), End: int32(i + 1), Kind: lex.TPunct}
		case c == '"' || c == '\'':
			end := lex.SkipQuoted(src, i+1, string(c), true, true)
			if end > len(src) {
				end = len(src)
			}
			l.pos = end
			return lex.Lexeme{Start: int32(i), End: int32(end), Kind: lex.TString}
		default:
			return l.word(i)
		}
	}
	return lex.Lexeme{Start: int32(len(src)), End: int32(len(src))}
}

// word returns the word starting at i; closing parentheses at its end are
// left for the next calls.
func (l *nginxLexer) word(i int) lex.Lexeme {
	src := l.src
	end := i
	for end < len(src) {
		c := src[end]
		if lex.Space[c] || c == '\n' || c == ';' || c == '{' && (end == i || src[end-1] != '$') {
			break
		}
		if c == '\\' {
			end++
		}
		end++
	}
	if end > len(src) {
		end = len(src)
	}
	last := end
	for last > i+1 && src[last-1] == ')' {
		last--
	}
	kind := lex.TNumber
	for _, b := range src[i:last] {
		if !lex.Digit[b] {
			kind = lex.TIdent
			break
		}
	}
	l.pos, l.tail = last, end-last
	return lex.Lexeme{Start: int32(i), End: int32(last), Kind: kind}
}
