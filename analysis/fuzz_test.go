package analysis

import (
	"os"
	"testing"
)

// FuzzAnalyze feeds any bytes to the analysis as a Go file: it must not
// panic, every range must lie inside the file, and the fixes must apply.
func FuzzAnalyze(f *testing.F) {
	for _, path := range annotatedFilesForFuzz() {
		if src, err := os.ReadFile(path); err == nil {
			f.Add(src)
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
		MayHaveStatus("fuzz.go", src)
	})
}

func annotatedFilesForFuzz() []string {
	return []string{
		"testdata/go/contexts.go", "testdata/go/rules.go", "testdata/go/frameworks.go",
		"testdata/go/assert_test.go", "testdata/go/dotimport.go",
	}
}
