package analysis

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/httpcodes/httpcodes/analysis/internal/facts"
)

// TestImportAtEnd: a Java or Kotlin file whose last token is import, or
// import static, is read (it panicked, reading the token after the
// import), and what comes before is found as in any file.
func TestImportAtEnd(t *testing.T) {
	const body = "import org.springframework.http.HttpStatus;\nclass A { ResponseEntity f() { return ResponseEntity.status(404).build(); } }\n"
	for _, path := range []string{"X.java", "X.kt"} {
		for _, tail := range []string{"import", "import ", "import static", "import static\n"} {
			res := Analyze(path, []byte(body+tail), nil)
			if len(res.Occurrences) != 1 {
				t.Fatalf("%s ending %q: %d occurrences, want 1", path, tail, len(res.Occurrences))
			}
			o := res.Occurrences[0]
			if o.Code != 404 || o.Context != "ResponseEntity.status" || body[o.Start:o.End] != "404" {
				t.Errorf("%s ending %q: occurrence %d in %q at [%d,%d), want 404 in ResponseEntity.status", path, tail, o.Code, o.Context, o.Start, o.End)
			}
		}
		for _, src := range []string{"import", "import static", "import\n", "import static"} {
			if res := Analyze(path, []byte(src), nil); len(res.Occurrences) != 0 {
				t.Errorf("%s %q: %d occurrences, want none", path, src, len(res.Occurrences))
			}
		}
	}
}

// scannerWords are the words and marks the scanners look for: every string
// literal of this package's code, short and without blanks ("import",
// "static", "::", "setStatus", "=>").
func scannerWords(t testing.TB) []string {
	// The scanners live in the language packages and the scanning
	// framework under internal/.
	var paths []string
	for _, glob := range []string{"internal/lex/*.go", "internal/lang/*/*.go"} {
		more, err := filepath.Glob(glob)
		if err != nil {
			t.Fatal(err)
		}
		paths = append(paths, more...)
	}
	seen := map[string]bool{}
	fset := token.NewFileSet()
	for _, p := range paths {
		if strings.HasSuffix(p, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, p, nil, parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			if lit, ok := n.(*ast.BasicLit); ok && lit.Kind == token.STRING {
				if s, err := strconv.Unquote(lit.Value); err == nil && s != "" && len(s) <= 32 && !strings.ContainsAny(s, " \t\n%") {
					seen[s] = true
				}
			}
			return true
		})
	}
	if len(seen) < 200 {
		t.Fatalf("only %d words in the scanners' code", len(seen))
	}
	words := make([]string, 0, len(seen))
	for w := range seen {
		words = append(words, w)
	}
	sort.Strings(words)
	return words
}

// TestWordAtEnd: a file that ends right after any word a scanner looks for
// (a keyword, a qualifier, a method, a mark), alone, after a member access
// or after a whole annotated file of the language, with or without an open
// bracket after it, is read by every language without a panic: the class
// of fault of the import at the end of a Java file, looked for everywhere.
func TestWordAtEnd(t *testing.T) {
	skipUnderRace(t)
	words := scannerWords(t)
	files := allTestdata(t)
	for _, lang := range facts.Languages() {
		t.Run(lang, func(t *testing.T) {
			t.Parallel()
			path := pathFor(lang)
			var sample []byte
			for _, f := range files {
				if f.lang == lang && !strings.HasSuffix(f.path, ".fixed") {
					sample = append(f.src[:len(f.src):len(f.src)], '\n')
					break
				}
			}
			reported := map[string]bool{}
			try := func(src string) {
				if where, msg := analyzeNoPanic(path, []byte(src)); where != "" && !reported[where] {
					reported[where] = true
					t.Errorf("%s ending %q: %s", lang, src[max(0, len(src)-60):], msg)
				}
			}
			for _, w := range words {
				for _, post := range []string{"", " ", "(", ".", "<", "[", "{", ":", "=", "\"", "'", "\n"} {
					try(w + post)
					try("x." + w + post)
				}
				for _, pre := range []string{"x::", "x->", "@", "$", "#", "<?php "} {
					try(pre + w)
					try(pre + w + "(")
				}
				try(string(sample) + w)
			}
		})
	}
}

// TestEmptyAndTiny: the empty file and every one-byte file are read by
// every language.
func TestEmptyAndTiny(t *testing.T) {
	for _, lang := range facts.Languages() {
		path := pathFor(lang)
		for c := -1; c < 256; c++ {
			src := []byte{}
			if c >= 0 {
				src = []byte{byte(c)}
			}
			if where, msg := analyzeNoPanic(path, src); where != "" {
				t.Fatalf("%s %q: %s", lang, src, msg)
			}
		}
	}
}
