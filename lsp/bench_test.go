package lsp

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"go.lsp.dev/protocol"

	"github.com/httpcodes/httpcodes/internal/benchgen"
)

// benchHandlers makes a Go file of at least n lines dense with handlers.
func benchHandlers(n int) string { return benchgen.Handlers(n, 0) }

func benchServer() *Server {
	s := newServer(Options{})
	s.mu.Lock()
	s.initialized = true
	s.enc = utf16Encoding
	s.settings = defaultSettings()
	s.mu.Unlock()
	return s
}

// statusDigit finds the last digit of the status literal in the
// "w.WriteHeader(201)" nearest the middle of text.
func statusDigit(tb testing.TB, text string) protocol.Position {
	tb.Helper()
	const call = "w.WriteHeader(201)"
	lines := strings.Split(text, "\n")
	for l := len(lines) / 2; l < len(lines); l++ {
		if c := strings.Index(lines[l], call); c >= 0 {
			return protocol.Position{Line: uint32(l), Character: uint32(c + len(call) - 2)}
		}
	}
	tb.Fatalf("no %s in the second half of the file", call)
	return protocol.Position{}
}

// BenchmarkDiagnosticsAfterEdit10kLines measures what the server does for
// a 10,000-line Go file once an edit's debounce is over: apply the
// incremental change, analyse the new text and convert its findings. The
// edit flips one digit of a status literal (201 ↔ 202) so that every
// iteration sees a new version. The bar in docs/DESIGN.md is under 20 ms.
func BenchmarkDiagnosticsAfterEdit10kLines(b *testing.B) {
	s := benchServer()
	const uri = "file:///bench/big.go"
	text := benchHandlers(10000)
	s.docs.open(uri, "go", 1, text)
	at := statusDigit(b, text)
	edit := protocol.Range{Start: at, End: protocol.Position{Line: at.Line, Character: at.Character + 1}}
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	var diags int
	version := int32(1)
	for b.Loop() {
		version++
		digit := "2"
		if version%2 == 1 {
			digit = "1"
		}
		if err := s.docs.change(uri, version, []contentChange{{Range: &edit, Text: digit}}, utf16Encoding); err != nil {
			b.Fatal(err)
		}
		doc, ok := s.docs.get(uri)
		if !ok {
			b.Fatal("the document is not open")
		}
		diags = len(s.diagnose(doc))
	}
	b.ReportMetric(float64(strings.Count(text, "\n")), "lines")
	b.ReportMetric(float64(diags), "diagnostics")
}

// BenchmarkHover10kLines measures a hover in a 10,000-line Go file whose
// analysis is cached, as it is between edits: what is left is mapping the
// position, finding the occurrence and rendering the page. The stdio round
// trip (bench/lsp.sh) adds the transport to this.
func BenchmarkHover10kLines(b *testing.B) {
	s := benchServer()
	const uri = "file:///bench/big.go"
	text := benchHandlers(10000)
	s.docs.open(uri, "go", 1, text)
	at := statusDigit(b, text)
	raw := []byte(fmt.Sprintf(`{"textDocument":{"uri":%q},"position":{"line":%d,"character":%d}}`, uri, at.Line, at.Character))
	if h, err := s.hover(b.Context(), raw); err != nil || h == nil {
		b.Fatalf("hover = %v, %v; want a hover on the status literal", h, err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := s.hover(b.Context(), raw); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkDiagnosticsAfterEditRealFiles is the same measure on real large
// Go files from the installed Go tree: net/http's HTTP/2 bundle (12,226
// lines, few status codes) and its server tests (7,687 lines, many).
func BenchmarkDiagnosticsAfterEditRealFiles(b *testing.B) {
	out, err := exec.Command("go", "env", "GOROOT").Output()
	if err != nil {
		b.Fatalf("go env GOROOT: %v", err)
	}
	for _, name := range []string{"h2_bundle.go", "serve_test.go"} {
		b.Run(name, func(b *testing.B) {
			path := filepath.Join(strings.TrimSpace(string(out)), "src", "net", "http", name)
			src, err := os.ReadFile(path)
			if err != nil {
				b.Fatal(err)
			}
			s := benchServer()
			uri := "file://" + path
			s.docs.open(uri, "go", 1, string(src))
			// Insert and remove a space, alternately, at the start of the first
			// "if" statement of a function body after the middle of the file,
			// as typing in a function does.
			mid := len(src) / 2
			line := uint32(strings.Count(string(src[:mid+strings.Index(string(src[mid:]), "\n\tif ")+1]), "\n"))
			at := protocol.Range{Start: protocol.Position{Line: line, Character: 1}, End: protocol.Position{Line: line, Character: 1}}
			del := protocol.Range{Start: protocol.Position{Line: line, Character: 1}, End: protocol.Position{Line: line, Character: 2}}
			version := int32(1)
			var n int
			for b.Loop() {
				version++
				change := contentChange{Range: &at, Text: " "}
				if version%2 == 1 {
					change = contentChange{Range: &del}
				}
				if err := s.docs.change(uri, version, []contentChange{change}, utf16Encoding); err != nil {
					b.Fatal(err)
				}
				doc, _ := s.docs.get(uri)
				n = len(s.diagnose(doc))
			}
			b.ReportMetric(float64(strings.Count(string(src), "\n")), "lines")
			b.ReportMetric(float64(n), "diagnostics")
		})
	}
}

// BenchmarkKeystrokeThenHover3MB measures, on a 3 MB JavaScript file of
// Express handlers, what a person waits for after each keystroke: the edit
// applied, then a hover on a status code. The analysis of the new version
// runs later, off the keystroke (debounced diagnostics): the hover answers
// from the last analysis, mapped through the edit. The bar in docs/DESIGN.md
// is under 20 ms; a full analysis of this file takes about 80 ms.
func BenchmarkKeystrokeThenHover3MB(b *testing.B) {
	s := benchServer()
	const uri = "file:///bench/big.js"
	const handler = "app.get('/items/:id', (req, res) => {\n  if (!req.params.id) {\n    return res.status(400).json({ error: 'Bad Request' });\n  }\n  res.status(404).json({ error: 'Not Found' });\n});\n"
	text := strings.Repeat(handler, 3<<20/len(handler))
	s.docs.open(uri, "javascript", 1, text)
	doc, _ := s.docs.get(uri)
	s.docs.analyze(doc, nil)
	lines := strings.Count(text, "\n")
	// Type at the start of the first line; hover the 404 of the last handler.
	at := protocol.Range{Start: protocol.Position{Line: 0, Character: 0}, End: protocol.Position{Line: 0, Character: 0}}
	hover := []byte(fmt.Sprintf(`{"textDocument":{"uri":%q},"position":{"line":%d,"character":14}}`, uri, lines-2))
	b.SetBytes(int64(len(text)))
	version := int32(1)
	for b.Loop() {
		version++
		if err := s.docs.change(uri, version, []contentChange{{Range: &at, Text: " "}}, utf16Encoding); err != nil {
			b.Fatal(err)
		}
		h, err := s.hover(b.Context(), hover)
		if err != nil || h == nil {
			b.Fatalf("hover = %v, %v; want the 404's page", h, err)
		}
	}
}
