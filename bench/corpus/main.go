// Command corpus summarises `httpcodes check --format json` over the real
// projects of bench/corpus.sh and scores the findings against reviewed
// verdicts.
//
//	corpus table -results DIR < projects      one row per project: files, findings by severity
//	corpus precision -results DIR -verdicts F  precision per language on warnings and errors
//
// The results directory holds one <owner>+<name>.json per project, as
// corpus.sh writes them. The verdict file is tab-separated, one finding a
// line: project, file, line, rule, verdict (true, false, test-only or
// unsure), note; lines starting with # are comments. Precision is
// true / (true + false) over the warnings and errors: a test-only or unsure
// verdict counts in neither.
package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/httpcodes/httpcodes/analysis"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprintln(stderr, "usage: corpus table|precision [flags]")
		return 2
	}
	fs := flag.NewFlagSet("corpus "+args[0], flag.ContinueOnError)
	fs.SetOutput(stderr)
	results := fs.String("results", "", "the directory of <owner>+<name>.json results")
	verdicts := fs.String("verdicts", "bench/corpus/verdicts.tsv", "the verdict file")
	markdown := fs.Bool("markdown", false, "print Markdown tables")
	if err := fs.Parse(args[1:]); err != nil {
		return 2
	}
	if *results == "" {
		fmt.Fprintln(stderr, "corpus: -results DIR is required")
		return 2
	}
	var err error
	switch args[0] {
	case "table":
		err = table(stdin, stdout, *results, *markdown)
	case "precision":
		err = precision(stdout, *results, *verdicts, *markdown)
	default:
		err = fmt.Errorf("unknown command %q: use table or precision", args[0])
	}
	if err != nil {
		fmt.Fprintln(stderr, "corpus:", err)
		return 1
	}
	return 0
}

// finding is the part of a JSON finding the scores need.
type finding struct {
	File     string `json:"file"`
	Line     int    `json:"line"`
	Rule     string `json:"rule"`
	Severity string `json:"severity"`
	Status   int    `json:"status"`
	Message  string `json:"message"`
}

type result struct {
	Findings     []finding `json:"findings"`
	FilesChecked int       `json:"filesChecked"`
}

// key is the file name of a project's result: owner/name becomes owner+name.
func key(project string) string { return strings.Replace(project, "/", "+", 1) }

func readResult(dir, project string) (*result, error) {
	data, err := os.ReadFile(filepath.Join(dir, key(project)+".json"))
	if err != nil {
		return nil, err
	}
	var r result
	if err := json.Unmarshal(data, &r); err != nil {
		return nil, fmt.Errorf("read result of %s: %w", project, err)
	}
	return &r, nil
}

// table prints one row per project named on stdin ("owner/name commit
// languages"), with a total.
func table(stdin io.Reader, stdout io.Writer, dir string, markdown bool) error {
	t := newTable(stdout, markdown, "project", "commit", "languages", "files checked", "errors", "warnings", "info", "hints")
	var total [5]int
	sc := bufio.NewScanner(stdin)
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) < 3 {
			continue
		}
		r, err := readResult(dir, f[0])
		if err != nil {
			return err
		}
		n := [5]int{r.FilesChecked}
		for _, x := range r.Findings {
			switch x.Severity {
			case "error":
				n[1]++
			case "warning":
				n[2]++
			case "info":
				n[3]++
			case "hint":
				n[4]++
			}
		}
		for i := range n {
			total[i] += n[i]
		}
		commit := f[1]
		if len(commit) > 12 {
			commit = commit[:12]
		}
		t.row(f[0], commit, f[2], itoa(n[0]), itoa(n[1]), itoa(n[2]), itoa(n[3]), itoa(n[4]))
	}
	if err := sc.Err(); err != nil {
		return err
	}
	t.row("total", "", "", itoa(total[0]), itoa(total[1]), itoa(total[2]), itoa(total[3]), itoa(total[4]))
	return t.flush()
}

// verdict is one reviewed finding.
type verdict struct {
	project, file, rule, verdict, note string
	line                               int
	used                               bool
}

var verdictKinds = map[string]bool{"true": true, "false": true, "test-only": true, "unsure": true}

func readVerdicts(path string) (map[string]*verdict, []*verdict, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	byKey := map[string]*verdict{}
	var all []*verdict
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		c := strings.Split(line, "\t")
		if len(c) < 5 {
			return nil, nil, fmt.Errorf("%s:%d: want project, file, line, rule, verdict, note separated by tabs", path, n)
		}
		ln, err := strconv.Atoi(c[2])
		if err != nil {
			return nil, nil, fmt.Errorf("%s:%d: line %q is not a number", path, n, c[2])
		}
		if !verdictKinds[c[4]] {
			return nil, nil, fmt.Errorf("%s:%d: verdict %q is not true, false, test-only or unsure", path, n, c[4])
		}
		v := &verdict{project: c[0], file: c[1], line: ln, rule: c[3], verdict: c[4]}
		if len(c) > 5 {
			v.note = c[5]
		}
		k := findingKey(v.project, v.file, v.line, v.rule)
		if byKey[k] != nil {
			return nil, nil, fmt.Errorf("%s:%d: a second verdict for %s", path, n, strings.ReplaceAll(k, "\t", " "))
		}
		byKey[k] = v
		all = append(all, v)
	}
	return byKey, all, sc.Err()
}

func findingKey(project, file string, line int, rule string) string {
	return project + "\t" + file + "\t" + strconv.Itoa(line) + "\t" + rule
}

// languageOf names the language of a finding's file. The analysis decides
// some languages by the path (an nginx .conf under a directory named for
// nginx), so the project's name is tried as the top directory too.
func languageOf(project, file string) string {
	if l := analysis.Language(file); l != "" {
		return l
	}
	if l := analysis.Language(filepath.Join(project, file)); l != "" {
		return l
	}
	return "other"
}

type score struct{ findings, yes, no, testOnly, unsure, unreviewed int }

func (s *score) add(v string) {
	s.findings++
	switch v {
	case "true":
		s.yes++
	case "false":
		s.no++
	case "test-only":
		s.testOnly++
	case "unsure":
		s.unsure++
	default:
		s.unreviewed++
	}
}

func (s score) precision() string {
	if s.yes+s.no == 0 {
		return "—"
	}
	return strconv.FormatFloat(float64(s.yes)/float64(s.yes+s.no), 'f', 2, 64)
}

// precision matches every warning and error of every result to its verdict
// and prints the unreviewed findings, the verdicts no finding matches any
// more, and the precision per language and overall.
func precision(stdout io.Writer, dir, verdictPath string, markdown bool) error {
	byKey, all, err := readVerdicts(verdictPath)
	if err != nil {
		return err
	}
	files, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil {
		return err
	}
	if len(files) == 0 {
		return errors.New("no results in " + dir + ": run bench/corpus.sh first")
	}
	perLang := map[string]*score{}
	var overall score
	var unreviewed []string
	ran := map[string]bool{}
	for _, path := range files {
		project := strings.Replace(strings.TrimSuffix(filepath.Base(path), ".json"), "+", "/", 1)
		ran[project] = true
		r, err := readResult(dir, project)
		if err != nil {
			return err
		}
		for _, f := range r.Findings {
			if f.Severity != "error" && f.Severity != "warning" {
				continue
			}
			lang := languageOf(key(project), f.File)
			if perLang[lang] == nil {
				perLang[lang] = &score{}
			}
			v := ""
			if x := byKey[findingKey(project, f.File, f.Line, f.Rule)]; x != nil {
				x.used = true
				v = x.verdict
			} else {
				unreviewed = append(unreviewed, fmt.Sprintf("%s\t%s\t%d\t%s\t\t%s: %s", project, f.File, f.Line, f.Rule, f.Severity, f.Message))
			}
			perLang[lang].add(v)
			overall.add(v)
		}
	}
	if len(unreviewed) > 0 {
		fmt.Fprintf(stdout, "unreviewed findings (%d), as verdict lines to complete:\n", len(unreviewed))
		for _, u := range unreviewed {
			fmt.Fprintln(stdout, u)
		}
		fmt.Fprintln(stdout)
	}
	var stale []string
	for _, v := range all {
		if !v.used && ran[v.project] {
			stale = append(stale, fmt.Sprintf("%s %s:%d %s (%s)", v.project, v.file, v.line, v.rule, v.verdict))
		}
	}
	if len(stale) > 0 {
		fmt.Fprintf(stdout, "verdicts no finding matches any more (%d): fixed, or moved\n", len(stale))
		for _, s := range stale {
			fmt.Fprintln(stdout, "  "+s)
		}
		fmt.Fprintln(stdout)
	}
	langs := make([]string, 0, len(perLang))
	for l := range perLang {
		langs = append(langs, l)
	}
	sort.Strings(langs)
	t := newTable(stdout, markdown, "language", "warnings+errors", "true", "false", "test-only", "unsure", "unreviewed", "precision")
	for _, l := range langs {
		s := perLang[l]
		t.row(l, itoa(s.findings), itoa(s.yes), itoa(s.no), itoa(s.testOnly), itoa(s.unsure), itoa(s.unreviewed), s.precision())
	}
	t.row("overall", itoa(overall.findings), itoa(overall.yes), itoa(overall.no), itoa(overall.testOnly), itoa(overall.unsure), itoa(overall.unreviewed), overall.precision())
	return t.flush()
}

func itoa(n int) string { return strconv.Itoa(n) }

// tbl prints aligned columns, or a Markdown table.
type tbl struct {
	w        io.Writer
	tw       *tabwriter.Writer
	markdown bool
}

func newTable(w io.Writer, markdown bool, header ...string) *tbl {
	t := &tbl{w: w, markdown: markdown}
	if !markdown {
		t.tw = tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	}
	t.row(header...)
	if markdown {
		seps := make([]string, len(header))
		for i := range seps {
			seps[i] = "---"
		}
		t.row(seps...)
	}
	return t
}

func (t *tbl) row(cells ...string) {
	if t.markdown {
		fmt.Fprintln(t.w, "| "+strings.Join(cells, " | ")+" |")
		return
	}
	fmt.Fprintln(t.tw, strings.Join(cells, "\t"))
}

func (t *tbl) flush() error {
	if t.tw != nil {
		return t.tw.Flush()
	}
	return nil
}
