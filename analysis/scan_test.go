package analysis

import (
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"testing"

	"github.com/httpcodes/httpcodes/analysis/internal/facts"
)

// scannedLanguages are the languages read by a token scanner rather than
// Go's parser, each with its annotated files under testdata/<language>/.
func scannedLanguages(t testing.TB) map[string][]string {
	out := map[string][]string{}
	for _, lang := range facts.Languages() {
		if lang == "go" {
			continue
		}
		dir := filepath.Join("testdata", lang)
		entries, err := os.ReadDir(dir)
		if err != nil {
			t.Fatalf("%s: no annotated files: %v", lang, err)
		}
		for _, e := range entries {
			p := filepath.Join(dir, e.Name())
			if !e.IsDir() && facts.LanguageOf(p) == lang {
				out[lang] = append(out[lang], p)
			}
		}
		if len(out[lang]) == 0 {
			t.Fatalf("%s: no file in %s is claimed by the language", lang, dir)
		}
	}
	return out
}

// TestOccurrenceText: every occurrence spans exactly the number or the
// constant it reports.
func TestOccurrenceText(t *testing.T) {
	for lang, files := range scannedLanguages(t) {
		for _, path := range files {
			src, _ := os.ReadFile(path)
			for _, o := range Analyze(path, src, nil).Occurrences {
				got := string(src[o.Start:o.End])
				want := o.Name
				if o.Written == facts.Number {
					want = strconv.Itoa(o.Code)
				}
				if got != want {
					t.Errorf("%s %s: occurrence at %d spans %q, want %q", lang, path, o.Start, got, want)
				}
			}
		}
	}
}

// FuzzScanners feeds any bytes to every scanned language: no panic, every
// range inside the file, fixes that apply, and a prefilter that never
// hides an occurrence. It starts from every file of testdata in its
// language and, when fuzzing, from their truncations (fuzzSeeds).
func FuzzScanners(f *testing.F) {
	langs := scannedLanguages(f)
	names := make([]string, 0, len(langs))
	for lang := range langs {
		names = append(names, lang)
	}
	sort.Strings(names)
	for _, file := range allTestdata(f) {
		if i := sort.SearchStrings(names, file.lang); i < len(names) && names[i] == file.lang {
			for _, src := range fuzzSeeds(file.path, file.src) {
				f.Add(uint8(i), src)
			}
		}
	}
	f.Fuzz(func(t *testing.T, which uint8, src []byte) {
		if len(names) == 0 {
			return
		}
		lang := names[int(which)%len(names)]
		path := langs[lang][0]
		res := Analyze(path, src, nil)
		for _, o := range res.Occurrences {
			if o.Start < 0 || o.End > len(src) || o.Start >= o.End {
				t.Fatalf("%s: occurrence range [%d,%d) outside a %d-byte file", lang, o.Start, o.End, len(src))
			}
		}
		for _, fd := range res.Findings {
			if fd.Start < 0 || fd.End > len(src) || fd.Start > fd.End {
				t.Fatalf("%s: finding range [%d,%d) outside a %d-byte file", lang, fd.Start, fd.End, len(src))
			}
		}
		if len(res.Occurrences) > 0 && !facts.MayHaveStatus(path, src) {
			t.Fatalf("%s: the prefilter rules out a file with %d occurrences", lang, len(res.Occurrences))
		}
		ApplyFixes(src, res.Findings)
		for off := 0; off <= len(src); off += 1 + len(src)/16 {
			Complete(path, src, off, nil, true)
		}
	})
}

// BenchmarkScan measures each scanner's throughput on a 10 MB file made of
// its annotated files repeated: the scanner alone (finding the
// occurrences), and the whole analysis with the rules judging them. The
// annotated files are dense with codes and findings, far more than real
// code, so the second figure is a floor.
func BenchmarkScan(b *testing.B) {
	langs := scannedLanguages(b)
	names := make([]string, 0, len(langs))
	for lang := range langs {
		names = append(names, lang)
	}
	sort.Strings(names)
	for _, lang := range names {
		var sample []byte
		for _, p := range langs[lang] {
			src, _ := os.ReadFile(p)
			sample = append(append(sample, src...), '\n')
		}
		src := make([]byte, 0, 10<<20+len(sample))
		for len(src) < 10<<20 {
			src = append(src, sample...)
		}
		path := langs[lang][0]
		l := facts.LanguageNamed(lang)
		b.Run(lang+"/scan", func(b *testing.B) {
			b.SetBytes(int64(len(src)))
			b.ReportAllocs()
			var n int
			for b.Loop() {
				if f := l.Analyze(path, src, &facts.Result{Language: lang}); f != nil {
					n = len(f.Occ)
				}
			}
			b.ReportMetric(float64(n), "occurrences")
		})
		b.Run(lang+"/analyze", func(b *testing.B) {
			b.SetBytes(int64(len(src)))
			b.ReportAllocs()
			var n int
			for b.Loop() {
				n = len(Analyze(path, src, nil).Findings)
			}
			b.ReportMetric(float64(n), "findings")
		})
	}
}
