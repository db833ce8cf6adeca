// Package benchgen makes the Go files the benchmarks measure, so that the
// analysis, the language server and the stdio benchmark time the same code.
package benchgen

import (
	"fmt"
	"strings"
)

// Handlers returns a Go file of at least n lines, dense with handlers: a
// status write, an error, a redirect check, comparisons and a switch every
// 20 lines, with plain code between them. seed makes each file's package,
// names and numbers its own.
func Handlers(n, seed int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "package gen%d\n\nimport (\n\t\"encoding/json\"\n\t\"net/http\"\n\t\"time\"\n)\n\n", seed)
	lines := strings.Count(b.String(), "\n")
	for i := 0; lines < n; i++ {
		chunk := fmt.Sprintf(`func handler%d_%d(w http.ResponseWriter, r *http.Request) {
	time.Sleep(200 * time.Millisecond)
	if r.Method != http.MethodGet {
		w.Header().Set("Allow", "GET")
		http.Error(w, "method not allowed", 405)
		return
	}
	resp, err := http.Get("http://example.com/%d/%d")
	if err != nil || resp.StatusCode >= 500 {
		w.WriteHeader(http.StatusBadGateway)
		return
	}
	switch resp.StatusCode {
	case 200, 204:
	case http.StatusNotFound:
		http.NotFound(w, r)
		return
	}
	w.WriteHeader(201)
	json.NewEncoder(w).Encode(map[string]int{"n": %d})
}

`, seed, i, seed, i, seed*1000+i)
		b.WriteString(chunk)
		lines += strings.Count(chunk, "\n")
	}
	return b.String()
}
