package analysis

import (
	"bytes"
	"os"
	"reflect"
	"testing"

	"github.com/httpcodes/httpcodes/analysis/internal/facts"
)

// FuzzAnalyze feeds any bytes to the analysis as a Go file: it must not
// panic, every range must lie inside the file, and the fixes must apply.
// It starts from every Go file of testdata and, when fuzzing, from their
// truncations (fuzzSeeds).
func FuzzAnalyze(f *testing.F) {
	for _, file := range allTestdata(f) {
		if file.lang == "go" {
			for _, src := range fuzzSeeds(file.path, file.src) {
				f.Add(src)
			}
		}
	}
	f.Add([]byte("package p\nimport \"net/http\"\nfunc f(w http.ResponseWriter) { w.WriteHeader(\n"))
	f.Add([]byte("package p; import h \"net/http\"; func f(w h.ResponseWriter) { switch c := 0; c { case 200: }; w.WriteHeader(0x1F4) }"))
	f.Fuzz(func(t *testing.T, src []byte) {
		res := Analyze("fuzz.go", src, nil)
		for _, o := range res.Occurrences {
			if o.Start < 0 || o.End > len(src) || o.Start > o.End {
				t.Fatalf("occurrence range [%d,%d) outside a %d-byte file", o.Start, o.End, len(src))
			}
		}
		for _, fd := range res.Findings {
			if fd.Start < 0 || fd.End > len(src) || fd.Start > fd.End {
				t.Fatalf("finding range [%d,%d) outside a %d-byte file", fd.Start, fd.End, len(src))
			}
		}
		ApplyFixes(src, res.Findings)
		facts.MayHaveStatus("fuzz.go", src)
	})
}

// FuzzIncremental: an edit of any position and text, analysed
// incrementally, gives exactly what a full analysis of the new text gives.
// It starts from the Go files of testdata and, when fuzzing, from their
// truncations with the next bytes typed at the end and the first line end
// deleted. (Incremental work is for Go; in other languages an edit is a
// full analysis, which FuzzScanners covers.)
func FuzzIncremental(f *testing.F) {
	src, err := os.ReadFile("testdata/go/rules.go")
	if err != nil {
		f.Fatal(err)
	}
	for _, file := range allTestdata(f) {
		if file.lang != "go" {
			continue
		}
		for _, cut := range fuzzSeeds(file.path, file.src) {
			n := len(cut)
			f.Add(cut, uint16(n), uint8(0), string(file.src[n:min(len(file.src), n+12)]))
			if nl := bytes.IndexByte(cut, '\n'); nl >= 0 {
				f.Add(cut, uint16(nl), uint8(1), "")
			}
		}
	}
	f.Add(src, uint16(500), uint8(0), "1")
	f.Add(src, uint16(900), uint8(3), "w.WriteHeader(204)\n")
	f.Add(src, uint16(1200), uint8(1), "}")
	f.Add([]byte("package p\nimport \"net/http\"\nfunc f(w http.ResponseWriter) {\n\tw.WriteHeader(200)\n}\n"), uint16(60), uint8(0), "\n")
	f.Fuzz(func(t *testing.T, src []byte, at uint16, cut uint8, text string) {
		inc := NewReanalyser("fuzz.go", src, nil)
		start := int(at) % (len(src) + 1)
		end := min(len(src), start+int(cut%8))
		got := inc.Edit(start, end, text)
		want := Analyze("fuzz.go", inc.Text(), nil)
		if !reflect.DeepEqual(got.SyntaxError, want.SyntaxError) || !reflect.DeepEqual(got.Occurrences, want.Occurrences) || !reflect.DeepEqual(got.Findings, want.Findings) {
			t.Fatalf("edit [%d,%d) → %q: incremental %d occurrences %d findings, full %d and %d",
				start, end, text, len(got.Occurrences), len(got.Findings), len(want.Occurrences), len(want.Findings))
		}
	})
}

// FuzzRoutes feeds any bytes to the route extractors of undocumented-status
// (as Go, JavaScript and TypeScript) and to the description reader: no
// panic, every span inside the file, every response edit too. It starts
// from the files of the annotated projects.
func FuzzRoutes(f *testing.F) {
	for _, file := range allTestdata(f) {
		if _, ok := projectDir(file.path); ok {
			f.Add(file.src)
		}
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		for _, path := range []string{"fuzz.go", "fuzz.js", "fuzz.ts", "fuzz.yaml"} {
			if where, msg := analyzeNoPanic(path, src); where != "" {
				t.Fatalf("%s: %s", path, msg)
			}
		}
	})
}
