package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"

	"github.com/httpcodes/httpcodes/analysis"
)

// checkOptions are check's flags.
type checkOptions struct {
	format string
	failOn analysis.Severity
}

// fileReport is what check learns about one file.
type fileReport struct {
	path     string // relative to the working directory
	findings []reportedFinding
	err      error // a read or syntax error
}

// reportedFinding is a finding with 1-based positions, ready to print.
type reportedFinding struct {
	analysis.Finding
	file                       string
	line, col, endLine, endCol int
	edits                      []reportedEdit
}

type reportedEdit struct {
	analysis.Edit
	line, col, endLine, endCol int
}

func runCheck(args []string, _ io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("check", flag.ContinueOnError)
	fs.SetOutput(stderr)
	format := fs.String("format", "text", "output format: text or json")
	failOn := fs.String("fail-on", "warning", "exit 1 when a finding is at least this severe: error, warning, info or hint")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: httpcodes check [flags] [path…]\n\nChecks source files for misused HTTP status codes. Paths default to \".\".\nExit status: 0 clean, 1 findings at or above --fail-on, 2 usage or I/O error.\n\nflags:")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return flagExit(err)
	}
	opts := checkOptions{format: *format}
	sev, ok := analysis.ParseSeverity(*failOn)
	if !ok {
		fmt.Fprintf(stderr, "httpcodes: check: --fail-on %q: use error, warning, info or hint\n", *failOn)
		return exitError
	}
	opts.failOn = sev
	p, ok := printers[opts.format]
	if !ok {
		fmt.Fprintf(stderr, "httpcodes: check: --format %q: use one of %s\n", opts.format, strings.Join(printerNames(), ", "))
		return exitError
	}
	paths := fs.Args()
	if len(paths) == 0 {
		paths = []string{"."}
	}
	files, errs := collectFiles(paths)
	reports := checkFiles(files, nil)

	status := exitOK
	for _, err := range errs {
		fmt.Fprintf(stderr, "httpcodes: %v\n", err)
		status = exitError
	}
	var findings []reportedFinding
	for _, r := range reports {
		if r.err != nil {
			fmt.Fprintf(stderr, "%v\n", r.err)
			status = exitError
			continue
		}
		findings = append(findings, r.findings...)
	}
	if err := p.print(stdout, findings, len(files)); err != nil {
		fmt.Fprintf(stderr, "httpcodes: check: %v\n", err)
		return exitError
	}
	writeSummary(stderr, findings, len(files))
	if status == exitOK {
		for _, f := range findings {
			if f.Severity <= opts.failOn {
				status = exitFindings
				break
			}
		}
	}
	return status
}

// checkFiles analyses files on every core and returns their reports in the
// order of files.
func checkFiles(files []string, opts *analysis.Options) []fileReport {
	reports := make([]fileReport, len(files))
	cwd, _ := os.Getwd()
	jobs := make(chan int)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				reports[i] = checkFile(files[i], cwd, opts)
			}
		}()
	}
	for i := range files {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	return reports
}

func checkFile(path, cwd string, opts *analysis.Options) fileReport {
	rel := displayPath(path, cwd)
	r := fileReport{path: rel}
	src, err := os.ReadFile(path)
	if err != nil {
		r.err = fmt.Errorf("httpcodes: %v", pathError(rel, err))
		return r
	}
	if !analysis.MayHaveStatus(path, src) {
		return r
	}
	res := analysis.Analyze(path, src, opts)
	idx := newLineIndex(src)
	if res.SyntaxError != nil {
		line, col := idx.position(res.SyntaxError.Offset)
		r.err = fmt.Errorf("%s:%d:%d: syntax error: %s", rel, line, col, res.SyntaxError.Message)
		return r
	}
	if res.Generated {
		return r
	}
	for _, f := range res.Findings {
		rf := reportedFinding{Finding: f, file: rel}
		rf.line, rf.col = idx.position(f.Start)
		rf.endLine, rf.endCol = idx.position(f.End)
		if f.Fix != nil {
			for _, e := range f.Fix.Edits {
				re := reportedEdit{Edit: e}
				re.line, re.col = idx.position(e.Start)
				re.endLine, re.endCol = idx.position(e.End)
				rf.edits = append(rf.edits, re)
			}
		}
		r.findings = append(r.findings, rf)
	}
	return r
}

// displayPath makes a path relative to the working directory, with forward
// slashes, as DESIGN.md's JSON and editors' problem matchers expect.
func displayPath(path, cwd string) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		return filepath.ToSlash(path)
	}
	if rel, err := filepath.Rel(cwd, abs); err == nil {
		return filepath.ToSlash(rel)
	}
	return filepath.ToSlash(abs)
}

func writeSummary(w io.Writer, findings []reportedFinding, files int) {
	counts := map[analysis.Severity]int{}
	for _, f := range findings {
		counts[f.Severity]++
	}
	var parts []string
	for _, s := range []analysis.Severity{analysis.Error, analysis.Warning, analysis.Info, analysis.Hint} {
		if counts[s] > 0 {
			parts = append(parts, plural(counts[s], s.String()))
		}
	}
	detail := ""
	if len(parts) > 0 {
		detail = " (" + strings.Join(parts, ", ") + ")"
	}
	fmt.Fprintf(w, "httpcodes: %s%s in %s checked\n", plural(len(findings), "finding"), detail, plural(files, "file"))
}

func plural(n int, word string) string {
	if n == 1 {
		return fmt.Sprintf("1 %s", word)
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// printer writes check's findings in one output format.
type printer interface {
	print(w io.Writer, findings []reportedFinding, filesChecked int) error
}

var printers = map[string]printer{
	"text": textPrinter{},
	"json": jsonPrinter{},
}

func printerNames() []string {
	var names []string
	for n := range printers {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}
