package analysis

import (
	"path/filepath"
	"strings"
)

// nginx configuration: `return 404;`, `error_page 500 502 /50x.html;`,
// `limit_req_status 429;` and the other directives whose arguments are
// status codes. A .conf file is nginx's only where its place says so, since
// the extension is shared by every other daemon.

func init() {
	register(&language{
		name: "nginx", exts: []string{".nginx", ".nginxconf"}, claims: nginxClaims,
		analyze: analyzeNginx, mayHave: nginxMayHave, complete: completeNginx,
	})
}

// nginxClaims takes nginx.conf, any .conf file under a directory whose name
// mentions nginx (/etc/nginx/conf.d/x.conf, deploy/nginx/site.conf), and
// the files of sites-available and sites-enabled, which Debian's layout
// names without an extension, unless another language claims their
// extension.
func nginxClaims(path string) bool {
	p := filepath.ToSlash(path)
	slash := strings.LastIndexByte(p, '/')
	base, dir := p[slash+1:], ""
	if slash >= 0 {
		dir = p[:slash]
	}
	if base == "nginx.conf" {
		return true
	}
	parent := dir[strings.LastIndexByte(dir, '/')+1:]
	if parent == "sites-available" || parent == "sites-enabled" {
		return !claimedByExtension(strings.ToLower(filepath.Ext(base)))
	}
	return strings.HasSuffix(strings.ToLower(base), ".conf") && strings.Contains(strings.ToLower(dir), "nginx")
}

// claimedByExtension reports whether a language other than nginx reads
// files with the extension ext.
func claimedByExtension(ext string) bool {
	if ext == "" {
		return false
	}
	for _, l := range registry {
		if l.name == "nginx" {
			continue
		}
		for _, e := range l.exts {
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
	return containsAny(src, "return", "error_page", "status", "_cache_valid")
}

// lexNginx splits a configuration as nginx does: words end at blanks, ';'
// and '{' (a '}' inside a word is part of it, as in ${var}); # starts a
// comment where a word could start; quoted strings take backslash escapes
// and may span lines. Words of digits are numbers. Two splits serve the
// contexts: the '=' of error_page's =200 and the parentheses around an
// if's condition become tokens of their own.
func lexNginx(src []byte) []lexeme {
	l := newTokenList(src)
	for i := 0; i < len(src); {
		c := src[i]
		switch {
		case space[c] || c == '\n':
			i++
		case c == '#':
			i = skipLine(src, i)
		case c == ';' || c == '{' || c == '}':
			l.emit(tPunct, i, i+1)
			i++
		case c == '"' || c == '\'':
			end := skipQuoted(src, i+1, string(c), true, true)
			if end > len(src) {
				end = len(src)
			}
			l.emit(tString, i, end)
			i = end
		default:
			i = lexNginxWord(l, src, i)
		}
	}
	return l.toks
}

// lexNginxWord emits the word starting at i and returns its end.
func lexNginxWord(l *tokenList, src []byte, i int) int {
	if src[i] == '(' || src[i] == '=' && i+1 < len(src) && digit[src[i+1]] {
		l.emit(tPunct, i, i+1)
		return i + 1
	}
	end := i
	for end < len(src) {
		c := src[end]
		if space[c] || c == '\n' || c == ';' || c == '{' && (end == i || src[end-1] != '$') {
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
	kind := tNumber
	for _, b := range src[i:last] {
		if !digit[b] {
			kind = tIdent
			break
		}
	}
	l.emit(kind, i, last)
	for j := last; j < end; j++ {
		l.emit(tPunct, j, j+1)
	}
	return end
}
