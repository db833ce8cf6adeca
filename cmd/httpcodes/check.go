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
	"github.com/httpcodes/httpcodes/config"
	"github.com/httpcodes/httpcodes/internal/readfile"
	"github.com/httpcodes/httpcodes/workspace"
)

// fileReport is what check learns about one file.
type fileReport struct {
	path     string // relative to the working directory
	absPath  string
	findings []reportedFinding
	err      error  // a read or syntax error
	src      []byte // kept only when a finding has a fix, for --fix and --diff
	// quietTests is set for a test file whose warnings and errors are
	// off (the configuration does not say tests: check).
	quietTests bool
}

// reportedFinding is a finding with 1-based positions, ready to print.
// Columns count bytes, as go vet does; formats that want characters
// (SARIF) ask lines for them, which computes them only then.
type reportedFinding struct {
	analysis.Finding
	file                       string
	line, col, endLine, endCol int
	lines                      *workspace.Lines
	edits                      []reportedEdit
}

type reportedEdit struct {
	analysis.Edit
	line, col, endLine, endCol int
}

// position returns the 1-based line and byte column of an offset.
func position(lines *workspace.Lines, off int) (line, col int) {
	l, c := lines.ByteColumn(off)
	return l + 1, c + 1
}

func runCheck(args []string, _ io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("check", flag.ContinueOnError)
	fs.SetOutput(stderr)
	format := fs.String("format", "text", "output format: "+strings.Join(printerNames(), ", "))
	failOn := fs.String("fail-on", "warning", "exit 1 when a finding is at least this severe: error, warning, info or hint")
	configPath := fs.String("config", "", "configuration file (default: "+config.FileName+" found from the first path upward)")
	fix := fs.Bool("fix", false, "apply every safe fix in place")
	diff := fs.Bool("diff", false, "print the fixes as a unified diff; change no file")
	unsafeFixes := fs.Bool("unsafe-fixes", false, "with --fix or --diff, apply the fixes marked unsafe too (late-header's move)")
	docsURL := fs.String("docs-url", analysis.DefaultDocsBase, "base URL of the rule pages that SARIF results link (httpcodes site publishes them)")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: httpcodes check [flags] [path…]\n\nChecks source files for misused HTTP status codes. Paths default to \".\".\nExit status: 0 clean, 1 findings at or above --fail-on, 2 usage or I/O error.\n\nflags:")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return flagExit(err)
	}
	failSeverity, ok := analysis.ParseSeverity(*failOn)
	if !ok {
		fmt.Fprintf(stderr, "httpcodes: check: --fail-on %q: use error, warning, info or hint\n", *failOn)
		return exitError
	}
	p, ok := printers[*format]
	if !ok {
		fmt.Fprintf(stderr, "httpcodes: check: --format %q: use one of %s\n", *format, strings.Join(printerNames(), ", "))
		return exitError
	}
	if sp, ok := p.(sarifPrinter); ok {
		sp.docsBase = *docsURL
		p = sp
	}
	if *fix && *diff {
		fmt.Fprintln(stderr, "httpcodes: check: --fix and --diff do not go together: --diff shows what --fix would write")
		return exitError
	}
	if *fix {
		defer removeOnSignal()()
	}
	paths := fs.Args()
	if len(paths) == 0 {
		paths = []string{"."}
	}
	ws, err := workspace.New(workspace.Settings{ConfigFile: *configPath, UnsafeFixes: *unsafeFixes})
	if err != nil {
		fmt.Fprintf(stderr, "httpcodes: %v\n", err)
		return exitError
	}

	files, errs := collectFiles(paths, ws, stderr)
	progress := startProgress(stderr, len(files))
	reports := checkFiles(files, ws, *fix || *diff, progress.done)
	progress.stop()
	for _, err := range ws.Problems() {
		errs = append(errs, lockfileError(err))
	}

	status := exitOK
	for _, err := range errs {
		fmt.Fprintf(stderr, "httpcodes: %v\n", err)
		status = exitError
	}
	var findings []reportedFinding
	// A file that could not be read, or whose configuration is broken, was
	// not checked, and is not counted.
	checked := 0
	printed := map[string]bool{}
	for _, r := range reports {
		if r.err != nil {
			if msg := r.err.Error(); !printed[msg] {
				printed[msg] = true
				fmt.Fprintln(stderr, msg)
			}
			status = exitError
			continue
		}
		checked++
		if *fix || *diff {
			res := fixFile(r, ws, *fix, stdout)
			if res.err != nil {
				fmt.Fprintf(stderr, "httpcodes: %v\n", res.err)
				status = exitError
			}
			if *fix && len(res.fixed) > 0 {
				fmt.Fprintf(stderr, "httpcodes: %s: fixed %s\n", r.path, plural(len(res.fixed), "finding"))
			}
			r.findings = withoutFixed(r.findings, res.fixed)
			if res.skipped > 0 {
				fmt.Fprintf(stderr, "httpcodes: %s: %s left out because they overlap others; run check --fix again\n", r.path, plural(res.skipped, "fix"))
			}
		}
		findings = append(findings, r.findings...)
	}
	// With --diff the diff is the output, and the findings it does not fix
	// give the exit status, as they would once it is applied.
	if !*diff {
		if err := p.print(stdout, findings, checked); err != nil {
			fmt.Fprintf(stderr, "httpcodes: check: %v\n", err)
			return exitError
		}
	}
	quiet := 0
	for _, r := range reports {
		if r.quietTests {
			quiet++
		}
	}
	writeSummary(stderr, findings, checked, quiet)
	if status == exitOK {
		for _, f := range findings {
			if f.Severity <= failSeverity {
				status = exitFindings
				break
			}
		}
	}
	return status
}

func withoutFixed(all, fixed []reportedFinding) []reportedFinding {
	done := map[[2]int]bool{}
	for _, f := range fixed {
		done[[2]int{f.Start, f.End}] = true
	}
	var out []reportedFinding
	for _, f := range all {
		if !(f.Fix != nil && done[[2]int{f.Start, f.End}]) {
			out = append(out, f)
		}
	}
	return out
}

// checkFiles analyses files on every core and returns their reports in the
// order of files. keepSrc keeps the content of files with fixes.
func checkFiles(files []string, ws *workspace.Workspace, keepSrc bool, done func()) []fileReport {
	reports := make([]fileReport, len(files))
	cwd, _ := os.Getwd()
	jobs := make(chan int)
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				reports[i] = checkFile(files[i], cwd, ws, keepSrc)
				if done != nil {
					done()
				}
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

func checkFile(path, cwd string, ws *workspace.Workspace, keepSrc bool) fileReport {
	rel := displayPath(path, cwd)
	abs, _ := filepath.Abs(path)
	r := fileReport{path: rel, absPath: abs}
	src, err := readfile.Read(path, readfile.SourceLimit)
	if err != nil {
		r.err = fmt.Errorf("httpcodes: %v", pathError(rel, err))
		return r
	}
	f, err := ws.Analyze(path, src)
	if err != nil {
		// The configuration that governs the file is broken: its error
		// names the configuration, and is printed once for all its files.
		r.err = fmt.Errorf("httpcodes: %v", err)
		return r
	}
	res := f.Result
	if res.SyntaxError != nil {
		line, col := position(workspace.NewLines(src), res.SyntaxError.Offset)
		r.err = fmt.Errorf("%s:%d:%d: syntax error: %s", rel, line, col, res.SyntaxError.Message)
		return r
	}
	r.quietTests = f.QuietTests
	if len(f.Findings) == 0 {
		return r
	}
	lines := workspace.NewLines(src)
	for _, fd := range f.Findings {
		rf := reportedFinding{Finding: fd, file: rel, lines: lines}
		rf.line, rf.col = position(lines, fd.Start)
		rf.endLine, rf.endCol = position(lines, fd.End)
		if fd.Fix != nil {
			if keepSrc {
				r.src = src
			}
			for _, e := range fd.Fix.Edits {
				re := reportedEdit{Edit: e}
				re.line, re.col = position(lines, e.Start)
				re.endLine, re.endCol = position(lines, e.End)
				rf.edits = append(rf.edits, re)
			}
		}
		r.findings = append(r.findings, rf)
	}
	return r
}

// displayPath makes a path relative to the working directory, with forward
// slashes, as docs/DESIGN.md's JSON and editors' problem matchers expect.
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

func writeSummary(w io.Writer, findings []reportedFinding, files, quietTests int) {
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
	tests := ""
	if quietTests > 0 {
		tests = fmt.Sprintf(", %d of them test code with warnings and errors off (tests: check turns them on)", quietTests)
	}
	fmt.Fprintf(w, "httpcodes: %s%s in %s checked%s\n", plural(len(findings), "finding"), detail, plural(files, "file"), tests)
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
	"text":   textPrinter{},
	"json":   jsonPrinter{},
	"github": githubPrinter{},
	"sarif":  sarifPrinter{},
}

func printerNames() []string {
	var names []string
	for n := range printers {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}
