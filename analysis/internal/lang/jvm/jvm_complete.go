package jvm

import (
	"strings"
	"sync"

	"github.com/httpcodes/httpcodes/analysis/internal/facts"
	"github.com/httpcodes/httpcodes/analysis/internal/lex"
	"github.com/httpcodes/httpcodes/codes"
)

// jvmMatchers maps MockMvc's and WebTestClient's status matchers
// (isNotFound, isIAmATeapot) to their codes. Spring names each matcher
// after its HttpStatus constant, so the table is derived from the data
// set's Spring names, with the aliases Spring keeps for old reason phrases.
var jvmMatchers = sync.OnceValue(func() map[string]int {
	m := map[string]int{"isMovedTemporarily": 302, "isRequestEntityTooLarge": 413, "isRequestUriTooLong": 414}
	for _, c := range codes.All() {
		for _, k := range c.ConstantsFor(codes.Spring) {
			member, ok := strings.CutPrefix(k.Name, "HttpStatus.")
			if !ok {
				continue
			}
			var b strings.Builder
			b.WriteString("is")
			for _, word := range strings.Split(member, "_") {
				if word != "" {
					b.WriteString(word[:1])
					b.WriteString(strings.ToLower(word[1:]))
				}
			}
			m[b.String()] = c.Number
		}
	}
	return m
})

func completeJava(req *facts.CompleteRequest) *facts.Completion {
	return jvmComplete(req, "java", false)
}
func completeKotlin(req *facts.CompleteRequest) *facts.Completion {
	return jvmComplete(req, "kotlin", true)
}

// jvmComplete offers constants after HttpStatus. and HttpServletResponse.,
// and codes where a status is being typed: setStatus(, sendError(,
// ResponseEntity.status(, response.status = (Kotlin), .statusCode( and
// status().is(.
func jvmComplete(req *facts.CompleteRequest, lang string, kotlin bool) *facts.Completion {
	src := req.Src
	start := lex.TypedBefore(src, req.Off, lex.IsNameByte)
	toks := LexJVM(src[:start], kotlin)
	s := &lex.Scan{Src: src, Toks: toks}
	n := len(toks)
	if n >= 2 && s.Is(n-1, ".") && int(toks[n-1].End) == start && toks[n-2].End == toks[n-1].Start {
		switch s.Text(n - 2) {
		case "HttpStatus":
			return lex.CompleteConstants(req, codes.Spring, "HttpStatus.")
		case "HttpServletResponse":
			return lex.CompleteConstants(req, codes.Servlet, "HttpServletResponse.")
		}
	}
	if lex.TypedBefore(src, req.Off, lex.IsDigit) != start || n < 2 || !jcGapIsSpace(src, int(toks[n-1].End), start) {
		return nil
	}
	enumOK, ok := false, false
	last, prev := s.Text(n-1), s.Text(n-2)
	switch {
	case last == "(" && (prev == "setStatus" || prev == "sendError" || prev == "setStatusCode"):
		ok = true
	case last == "(" && prev == "statusCode" && s.Is(n-3, "."):
		ok = true
	case last == "(" && (prev == "is" || prev == "isEqualTo") && s.Is(n-3, ".") && s.Is(n-4, ")") && s.Is(n-5, "(") &&
		(s.Is(n-6, "status") || s.Is(n-6, "expectStatus")):
		ok = true
	case last == "(" && prev == "status" && s.Is(n-3, "."):
		switch r := s.Text(n - 4); {
		case r == "ResponseEntity" || r == "ServerResponse" || r == "ctx" || r == "context":
			ok, enumOK = true, true
		case jcResponseLike([]byte(r)):
			ok = true
		}
	case kotlin && last == "=" && prev == "status" && s.Is(n-3, ".") && jcResponseLike([]byte(s.Text(n-4))):
		ok = true
	}
	if !ok {
		return nil
	}
	w := jvmScan(lang, src, kotlin)
	used, prefix := w.s.Used, w.s.UsedPrefix
	return lex.CompleteNumbers(req, func(c *codes.Code) string {
		if used == "" {
			return ""
		}
		name, ok := c.Constant(used)
		if !ok {
			return ""
		}
		if used == codes.Spring && !enumOK {
			return prefix + name + ".value()"
		}
		return prefix + name
	})
}

// jcGapIsSpace reports whether src[from:to] is only blanks: the typed text
// follows the context's last token directly, not a comment after it.
func jcGapIsSpace(src []byte, from, to int) bool {
	for i := from; i < to; i++ {
		if !lex.Space[src[i]] && src[i] != '\n' {
			return false
		}
	}
	return true
}
