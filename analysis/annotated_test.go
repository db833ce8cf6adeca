package analysis

import (
	"bytes"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/httpcodes/httpcodes/analysis/internal/facts"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// The testdata files carry their expectations beside the code, as
// analysistest's "// want" comments do:
//
//	w.WriteHeader(2000) // codes: 2000/send want "invalid-status: panics"
//
// "codes:" lists every occurrence that starts on the line, as code/role;
// each "want" string is "rule" or "rule: regexp", and one finding on the
// line must be of that rule with a message the regexp matches. A line
// without annotations must have neither. Test files are analysed as the
// default policy has it (warnings and errors quiet), unless their text
// holds the checkTestsDirective.
var (
	codesAnnotation = regexp.MustCompile(`codes:((?:\s+-?\d+/[a-z]+)+)`)
	wantAnnotation  = regexp.MustCompile(`want((?:\s+"(?:[^"\\]|\\.)*")+)`)
	quoted          = regexp.MustCompile(`"(?:[^"\\]|\\.)*"`)
)

var roleNames = map[facts.Role]string{facts.Reference: "ref", facts.Send: "send", facts.Compare: "compare", facts.RangeBound: "range"}

func TestAnnotatedFiles(t *testing.T) {
	files := annotatedFiles(t)
	if len(files) < 5 {
		t.Fatalf("found only %d annotated files", len(files))
	}
	for _, path := range files {
		t.Run(filepath.ToSlash(strings.TrimPrefix(path, "testdata/")), func(t *testing.T) {
			src, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			res := Analyze(path, src, annotatedOptions(path, src))
			if res.SyntaxError != nil {
				t.Fatalf("syntax error at %d: %s", res.SyntaxError.Offset, res.SyntaxError.Message)
			}
			checkAnnotations(t, path, src, res)
		})
	}
}

// checkTestsDirective, in a test file's text, runs it with TestsCheck: the
// file's expectations are those of test code checked like any other.
const checkTestsDirective = "httpcodes-test: tests=check"

// reportUnusedIgnoresDirective, in a file's text, runs it with
// ReportUnusedIgnores.
const reportUnusedIgnoresDirective = "httpcodes-test: report-unused-ignores"

// annotatedOptions are the options an annotated file is analysed with: the
// files it refers to may be read (OpenAPI $refs into other files).
func annotatedOptions(path string, src []byte) *facts.Options {
	opts := &facts.Options{ReadFile: os.ReadFile}
	if dir, ok := projectDir(path); ok {
		opts.Operations = loadProject(dir)
	}
	if bytes.Contains(src, []byte(reportUnusedIgnoresDirective)) {
		opts.ReportUnusedIgnores = true
	}
	if bytes.Contains(src, []byte(checkTestsDirective)) {
		opts.Tests = facts.TestsCheck
	}
	return opts
}

func annotatedFiles(t *testing.T) []string {
	var files []string
	err := filepath.WalkDir("testdata", func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && facts.LanguageOf(path) != "" && !strings.Contains(path, "fuzz") && !isProjectDescription(path) {
			files = append(files, path)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func checkAnnotations(t *testing.T, path string, src []byte, res *facts.Result) {
	lines := strings.Split(string(src), "\n")
	gotCodes := map[int][]string{}
	for _, o := range res.Occurrences {
		line := facts.LineOf(src, o.Start)
		gotCodes[line] = append(gotCodes[line], fmt.Sprintf("%d/%s", o.Code, roleNames[o.Role]))
	}
	gotFindings := map[int][]facts.Finding{}
	for _, f := range res.Findings {
		line := facts.LineOf(src, f.Start)
		gotFindings[line] = append(gotFindings[line], f)
	}
	for i, text := range lines {
		line := i + 1
		var wantCodes []string
		if m := codesAnnotation.FindStringSubmatch(text); m != nil {
			wantCodes = strings.Fields(m[1])
		}
		got := gotCodes[line]
		sort.Strings(got)
		sort.Strings(wantCodes)
		if strings.Join(got, " ") != strings.Join(wantCodes, " ") {
			t.Errorf("%s:%d: occurrences %v, want %v", path, line, got, wantCodes)
		}
		var wants []want
		if m := wantAnnotation.FindStringSubmatch(text); m != nil {
			for _, q := range quoted.FindAllString(m[1], -1) {
				s, err := strconv.Unquote(q)
				if err != nil {
					t.Fatalf("%s:%d: bad want %s: %v", path, line, q, err)
				}
				rule, pattern, _ := strings.Cut(s, ": ")
				wants = append(wants, want{rule, regexp.MustCompile(pattern)})
			}
		}
		findings := gotFindings[line]
		used := make([]bool, len(wants))
	nextFinding:
		for _, f := range findings {
			text := f.Rule + ": " + f.Message
			for j, w := range wants {
				if !used[j] && w.rule == f.Rule && w.message.MatchString(f.Message) {
					used[j] = true
					continue nextFinding
				}
			}
			t.Errorf("%s:%d: unexpected finding %s", path, line, text)
		}
		for j, w := range wants {
			if !used[j] {
				t.Errorf("%s:%d: no %s finding matches %q", path, line, w.rule, w.message)
			}
		}
	}
}

type want struct {
	rule    string
	message *regexp.Regexp
}

// TestFixes applies every fix of each testdata file and compares the result
// with the file's .fixed golden; the fixed file must analyse clean of the
// fixed rules.
func TestFixes(t *testing.T) {
	for _, path := range annotatedFiles(t) {
		golden := path + ".fixed"
		if _, err := os.Stat(golden); err != nil && !*update {
			continue
		}
		src, _ := os.ReadFile(path)
		res := Analyze(path, src, annotatedOptions(path, src))
		fixed, skipped := ApplyFixes(src, res.Findings)
		if len(skipped) > 0 {
			t.Errorf("%s: %d fixes overlap", path, len(skipped))
		}
		if bytes.Equal(fixed, src) {
			continue
		}
		if matchGolden(t, golden, fixed, "go test ./analysis -update") {
			continue
		}
		again := Analyze(path, fixed, annotatedOptions(path, src))
		for _, f := range again.Findings {
			if f.Fix != nil {
				t.Errorf("%s: after fixing, still fixable: %s: %s", golden, f.Rule, f.Message)
			}
		}
	}
}

// matchGolden holds a fixed file to its golden copy, or with -update
// writes the copy and reports true (the caller then checks no further).
// rerun is the command that rewrites it.
func matchGolden(t *testing.T, golden string, fixed []byte, rerun string) (updated bool) {
	t.Helper()
	if *update {
		if err := os.WriteFile(golden, fixed, 0o644); err != nil {
			t.Fatal(err)
		}
		return true
	}
	want, _ := os.ReadFile(golden)
	if !bytes.Equal(fixed, want) {
		t.Errorf("fixed output differs from %s; run %s to see", golden, rerun)
	}
	return false
}
