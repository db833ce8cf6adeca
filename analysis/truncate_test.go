package analysis

import (
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime/debug"
	"sort"
	"strings"
	"testing"

	"github.com/httpcodes/httpcodes/analysis/internal/facts"
	"github.com/httpcodes/httpcodes/analysis/internal/lex"
)

// testdataFile is one annotated file of testdata/<language>/, with the
// language its path (less a .fixed suffix) gives it.
type testdataFile struct {
	path, lang string
	src        []byte
}

// allTestdata reads every file under testdata/<language>/ of every
// language, the .fixed ones included (they are what a fix leaves, and as
// much a file the scanners meet), but not the fuzz corpus.
func allTestdata(t testing.TB) []testdataFile {
	var out []testdataFile
	err := filepath.WalkDir("testdata", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if p == filepath.Join("testdata", "fuzz") {
				return filepath.SkipDir
			}
			return nil
		}
		lang := facts.LanguageOf(strings.TrimSuffix(p, ".fixed"))
		if lang == "" {
			return nil
		}
		src, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		out = append(out, testdataFile{p, lang, src})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, f := range out {
		seen[f.lang] = true
	}
	for _, lang := range facts.Languages() {
		if !seen[lang] {
			t.Fatalf("%s: no file under testdata/ is claimed by the language", lang)
		}
	}
	return out
}

// pathFor is a path each language claims, to analyse any bytes as it.
func pathFor(lang string) string {
	for _, p := range []string{"x." + lang, "x.go", "x.js", "x.ts", "x.py", "x.rb", "x.php", "x.rs", "x.cs", "x.java", "x.kt", "x.yaml", "nginx.conf"} {
		if facts.LanguageOf(p) == lang {
			return p
		}
	}
	return ""
}

// truncationCuts are the lengths a file is cut to. Whole: after every
// token (every point where a run of name bytes, of blanks or of line breaks
// ends, and after every other byte) and at each of the last 64 bytes,
// which puts a cut just after every keyword, qualifier, open bracket and
// quote. Otherwise every step-th length and each of the last 16.
func truncationCuts(src []byte, whole bool, step int) []int {
	n := len(src)
	class := func(c byte) int {
		switch {
		case lex.IsNameByte(c) || c >= 0x80:
			return 0
		case c == ' ' || c == '\t':
			return 1
		case c == '\n' || c == '\r':
			return 2
		}
		return 3
	}
	var cuts []int
	for c := 0; c <= n; c++ {
		switch {
		case whole && (c == 0 || c == n || c >= n-64 || class(src[c-1]) == 3 || class(src[c-1]) != class(src[c])),
			!whole && (c%step == 0 || c >= n-16):
			cuts = append(cuts, c)
		}
	}
	return cuts
}

// analyzeNoPanic runs Analyze and the completion at the end of the text,
// and returns what went wrong, if anything: where is the line of this
// package that panicked (to report each fault once), msg the whole story.
func analyzeNoPanic(path string, src []byte) (where, msg string) {
	defer func() {
		if v := recover(); v != nil {
			where = panicFrame(debug.Stack())
			msg = fmt.Sprintf("panic: %v at %s", v, where)
		}
	}()
	res := Analyze(path, src, nil)
	for _, o := range res.Occurrences {
		if o.Start < 0 || o.End > len(src) || o.Start >= o.End {
			return "occurrence range", fmt.Sprintf("occurrence range [%d,%d) outside a %d-byte file", o.Start, o.End, len(src))
		}
	}
	for _, fd := range res.Findings {
		if fd.Start < 0 || fd.End > len(src) || fd.Start > fd.End {
			return "finding range", fmt.Sprintf("finding range [%d,%d) outside a %d-byte file", fd.Start, fd.End, len(src))
		}
	}
	ApplyFixes(src, res.Findings)
	Complete(path, src, len(src), nil, true)
	// The route extractors and the description reader of
	// undocumented-status, and the fix that adds a response.
	if rf := facts.Routes(path, src); rf != nil {
		for _, r := range rf.Routes {
			if r.Start < 0 || r.End > len(src) || r.Start > r.End || r.BodyStart < 0 || r.BodyEnd > len(src) || r.BodyStart > r.BodyEnd {
				return "route range", fmt.Sprintf("route %+v outside a %d-byte file", r, len(src))
			}
		}
		for _, fn := range rf.Funcs {
			if fn.BodyStart < 0 || fn.BodyEnd > len(src) || fn.BodyStart > fn.BodyEnd {
				return "func range", fmt.Sprintf("func %+v outside a %d-byte file", fn, len(src))
			}
		}
	}
	if d := facts.ReadDescription(path, src, nil); d != nil {
		for _, op := range d.Operations {
			if _, e, ok := op.AddResponse(409, "Conflict"); ok && (e.Start < 0 || e.End > len(src) || e.Start > e.End) {
				return "response edit range", fmt.Sprintf("edit [%d,%d) outside a %d-byte file", e.Start, e.End, len(src))
			}
		}
	}
	return "", ""
}

// panicFrame is the first file:line of a stack in a file of this package
// other than a test, which is where the panic came from.
func panicFrame(stack []byte) string {
	for _, l := range strings.Split(string(stack), "\n") {
		l = strings.TrimSpace(l)
		if i := strings.Index(l, "/analysis/"); i >= 0 && !strings.Contains(l, "_test.go") && strings.Contains(l, ".go:") {
			l = l[i+len("/analysis/"):]
			if sp := strings.IndexByte(l, ' '); sp >= 0 {
				l = l[:sp]
			}
			return l
		}
	}
	return "an unknown line"
}

// TestTruncations: every file of testdata, cut after each of its tokens,
// goes through its own language without a panic (and with every range
// inside the text, and a completion at its end), and through every other
// language cut every 61 bytes (as do the .fixed files, near copies of the
// others, through their own). Files end mid-edit in an editor and
// mid-write on disk; a scanner that reads the token after a keyword must
// not assume there is one. Each faulty line is reported once, with the
// first cut that reaches it.
func TestTruncations(t *testing.T) {
	skipUnderRace(t)
	files := allTestdata(t)
	langs := facts.Languages()
	for _, lang := range langs {
		t.Run(lang, func(t *testing.T) {
			t.Parallel()
			path := pathFor(lang)
			if path == "" {
				t.Fatalf("no path claimed by %s", lang)
			}
			type failure struct {
				file string
				cut  int
				tail string
				msg  string
			}
			first := map[string]failure{}
			for _, f := range files {
				for _, cut := range truncationCuts(f.src, f.lang == lang && !strings.HasSuffix(f.path, ".fixed"), 61) {
					src := f.src[:cut:cut]
					if where, msg := analyzeNoPanic(path, src); where != "" {
						if _, dup := first[where]; !dup {
							first[where] = failure{f.path, cut, string(src[max(0, cut-40):]), msg}
						}
					}
				}
			}
			msgs := make([]string, 0, len(first))
			for m := range first {
				msgs = append(msgs, m)
			}
			sort.Strings(msgs)
			for _, m := range msgs {
				fl := first[m]
				t.Errorf("%s as %s cut to %d bytes (ending %q): %s", fl.file, lang, fl.cut, fl.tail, fl.msg)
			}
		})
	}
}

// fuzzing says the test binary runs a fuzz target (-test.fuzz), rather than
// its seeds as tests, which TestTruncations already covers.
func fuzzing() bool {
	f := flag.Lookup("test.fuzz")
	return f != nil && f.Value.String() != ""
}

// fuzzSeeds are what a fuzz target starts from for one file: the whole
// file and, when fuzzing and the file is not a .fixed copy of another,
// the file cut after the first occurrence of each word that starts a line
// (import, return, from, use, package, def, …), at the end of the first
// line ending in each byte ({, (, ;, ",", …), and at each of its last 16
// bytes: files that end right after a keyword or inside an unclosed
// construct. (TestTruncations cuts after every token; as seeds, that many
// would spend a fuzz run's time on its baseline.)
func fuzzSeeds(path string, src []byte) [][]byte {
	out := [][]byte{src}
	if !fuzzing() || strings.HasSuffix(path, ".fixed") {
		return out
	}
	cut := func(n int) { out = append(out, src[:n:n]) }
	firstWords, lastBytes := map[string]bool{}, map[byte]bool{}
	for i := 0; i < len(src); {
		j := i
		for j < len(src) && (src[j] == ' ' || src[j] == '\t') {
			j++
		}
		k := j
		for k < len(src) && (lex.IsNameByte(src[k]) || src[k] >= 0x80) {
			k++
		}
		if w := string(src[j:k]); w != "" && !firstWords[w] && k < len(src)-16 {
			firstWords[w] = true
			cut(k)
		}
		for k < len(src) && src[k] != '\n' {
			k++
		}
		if k > i && k < len(src)-16 && !lastBytes[src[k-1]] {
			lastBytes[src[k-1]] = true
			cut(k)
		}
		i = k + 1
	}
	for n := max(0, len(src)-16); n < len(src); n++ {
		cut(n)
	}
	return out
}
