package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/spf13/cobra"

	"github.com/httpcodes/httpcodes/analysis"
	"github.com/httpcodes/httpcodes/config"
	"github.com/httpcodes/httpcodes/internal/readfile"
	"github.com/httpcodes/httpcodes/internal/suggest"
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
	// skipped is set for stdin whose name is excluded or of no language.
	skipped bool
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
	// lineText is the text of the finding's first line, trimmed: what
	// GitLab's fingerprint hashes, so it survives lines moving.
	lineText string
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

// checkOptions are check's flags.
type checkOptions struct {
	format, failOn, configPath, docsURL string
	fix, diff, unsafeFixes              bool
	stdinFilename, output               string
	selectRules, ignoreRules            []string
	newFromRev, newFromPatch, newFromMB string
	exitZero, quiet, statistics         bool
	reportUnusedIgnores                 bool
	forceExclude                        bool
}

func newCheckCmd(stdin io.Reader, stdout, stderr io.Writer) *cobra.Command {
	var o checkOptions
	cmd := &cobra.Command{
		Use:   "check [flags] [path…]",
		Short: "Check source files for misused status codes",
		Long: `Check analyses source files for misused HTTP status codes and prints the
findings. Paths default to "."; a directory is walked (what .gitignore, the
configuration's exclude and the languages it lists leave out is skipped), and
a file named on the command line is checked whatever the configuration says.

Exit status: 0 clean, 1 findings at or above --fail-on, 2 usage or I/O error.`,
		Example: `  httpcodes check
  httpcodes check ./... --format sarif -o results.sarif
  httpcodes check --fix
  httpcodes check --diff --unsafe-fixes
  httpcodes check --new-from-merge-base origin/main
  cat handler.go | httpcodes check --stdin-filename handler.go -`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if !cmd.Flags().Changed("force-exclude") {
				// pre-commit names the files it hands over; what the
				// project excluded stays excluded.
				o.forceExclude = os.Getenv("PRE_COMMIT") == "1"
			}
			return runCheck(o, args, stdin, stdout, stderr)
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.stdinFilename, "stdin-filename", "", "read the source from stdin (the path \"-\") and report it under this name, which also picks its language and configuration")
	f.StringSliceVar(&o.selectRules, "select", nil, "check only these rules (comma-separated); the configuration's severities still apply")
	f.StringSliceVar(&o.ignoreRules, "ignore", nil, "do not check these rules (comma-separated)")
	f.StringVar(&o.newFromRev, "new-from-rev", "", "report only findings on lines changed since this git revision (and in files added since)")
	f.StringVar(&o.newFromPatch, "new-from-patch", "", "report only findings on lines this unified diff adds or changes")
	f.StringVar(&o.newFromMB, "new-from-merge-base", "", "report only findings on lines changed since the merge base of HEAD and this revision (origin/main in CI)")
	f.BoolVar(&o.reportUnusedIgnores, "report-unused-ignores", false, "report the //httpcodes:ignore comments that silence nothing, as unused-ignore findings (also report-unused-ignores: true in "+config.FileName+")")
	f.BoolVar(&o.exitZero, "exit-zero", false, "exit 0 even when findings are reported (2 still means an error)")
	f.BoolVarP(&o.quiet, "quiet", "q", false, "print the findings only: no summary, no notes on skipped files")
	f.BoolVar(&o.statistics, "statistics", false, "print how many findings each rule reported, instead of the findings")
	f.StringVarP(&o.output, "output-file", "o", "", "write the report to this file instead of stdout")
	f.BoolVar(&o.forceExclude, "force-exclude", false, "apply the configuration's exclude to files named on the command line too (default: on when PRE_COMMIT=1, as in a pre-commit hook)")
	f.StringVar(&o.format, "format", "text", "output format: "+strings.Join(printerNames(), ", "))
	f.StringVar(&o.failOn, "fail-on", "warning", "exit 1 when a finding is at least this severe: error, warning, info or hint")
	f.StringVar(&o.configPath, "config", "", "configuration file (default: "+config.FileName+" found from the first path upward)")
	f.BoolVar(&o.fix, "fix", false, "apply every safe fix in place")
	f.BoolVar(&o.diff, "diff", false, "print the fixes as a unified diff; change no file")
	f.BoolVar(&o.unsafeFixes, "unsafe-fixes", false, "with --fix or --diff, apply the fixes marked unsafe too (late-header's move)")
	f.StringVar(&o.docsURL, "docs-url", analysis.DefaultDocsBase, "base URL of the rule pages that SARIF results link (httpcodes site publishes them)")
	_ = cmd.RegisterFlagCompletionFunc("format", cobra.FixedCompletions(printerNames(), cobra.ShellCompDirectiveNoFileComp))
	_ = cmd.RegisterFlagCompletionFunc("fail-on", cobra.FixedCompletions([]cobra.Completion{"error", "warning", "info", "hint"}, cobra.ShellCompDirectiveNoFileComp))
	_ = cmd.MarkFlagFilename("config", "yaml", "yml")
	_ = cmd.MarkFlagFilename("new-from-patch", "patch", "diff")
	for _, name := range []string{"select", "ignore"} {
		_ = cmd.RegisterFlagCompletionFunc(name, func(_ *cobra.Command, _ []string, prefix string) ([]cobra.Completion, cobra.ShellCompDirective) {
			return ruleCompletions(prefix[strings.LastIndex(prefix, ",")+1:]), cobra.ShellCompDirectiveNoFileComp
		})
	}
	return cmd
}

func runCheck(o checkOptions, paths []string, stdin io.Reader, stdout, stderr io.Writer) error {
	failSeverity, ok := analysis.ParseSeverity(o.failOn)
	if !ok {
		return usagef("--fail-on %q: use error, warning, info or hint", o.failOn)
	}
	p, ok := printers[o.format]
	if !ok {
		return usagef("--format %q: use one of %s%s", o.format, strings.Join(printerNames(), ", "), suggest.Phrase(o.format, printerNames()))
	}
	if sp, ok := p.(sarifPrinter); ok {
		sp.docsBase = o.docsURL
		p = sp
	}
	if o.fix && o.diff {
		return usagef("--fix and --diff do not go together: --diff shows what --fix would write")
	}
	rules, err := selectedRules(o.selectRules, o.ignoreRules)
	if err != nil {
		return err
	}
	var stdinSrc []byte
	if o.stdinFilename != "" || slices.Contains(paths, "-") {
		if o.stdinFilename == "" {
			return usagef("\"-\" reads the source from stdin: name it with --stdin-filename PATH, which picks its language and configuration")
		}
		if len(paths) != 1 || paths[0] != "-" {
			return usagef("--stdin-filename checks stdin alone: give \"-\" as the only path")
		}
		if o.fix {
			return usagef("--fix writes files in place; with stdin, use --diff")
		}
		if stdinSrc, err = io.ReadAll(io.LimitReader(stdin, readfile.SourceLimit+1)); err != nil {
			fmt.Fprintf(stderr, "httpcodes: check: stdin: %v\n", err)
			return exitStatus(exitError)
		}
		if int64(len(stdinSrc)) > readfile.SourceLimit {
			fmt.Fprintf(stderr, "httpcodes: check: stdin: skipped: larger than %d bytes\n", readfile.SourceLimit)
			return exitStatus(exitError)
		}
	}
	var modes []string
	for flag, v := range map[string]string{"--new-from-rev": o.newFromRev, "--new-from-patch": o.newFromPatch, "--new-from-merge-base": o.newFromMB} {
		if v != "" {
			modes = append(modes, flag)
		}
	}
	if len(modes) > 1 {
		slices.Sort(modes)
		return usagef("%s do not go together: choose one", strings.Join(modes, " and "))
	}
	if o.fix {
		defer removeOnSignal()()
	}
	if len(paths) == 0 {
		paths = []string{"."}
	}
	out := stdout
	if o.output != "" {
		f, err := os.Create(o.output)
		if err != nil {
			fmt.Fprintf(stderr, "httpcodes: check: -o: %v\n", err)
			return exitStatus(exitError)
		}
		defer f.Close()
		out = f
	}
	notes := stderr
	if o.quiet {
		notes = io.Discard
	}
	code := checkPaths(o, p, failSeverity, rules, paths, stdinSrc, out, stderr, notes)
	if o.exitZero && code == exitFindings {
		code = exitOK
	}
	return status(code)
}

// selectedRules turns --select and --ignore into the workspace's rule
// settings: every rule not selected, and every rule ignored, is off.
func selectedRules(selected, ignored []string) (map[string]string, error) {
	for flag, list := range map[string][]string{"--select": selected, "--ignore": ignored} {
		for _, name := range list {
			if _, ok := analysis.RuleByName(name); !ok {
				return nil, usagef("%s: %q is not a rule%s; run \"httpcodes rules\" to list them", flag, name, suggest.Phrase(name, ruleNames()))
			}
		}
	}
	if len(selected) == 0 && len(ignored) == 0 {
		return nil, nil
	}
	rules := map[string]string{}
	if len(selected) > 0 {
		for _, r := range analysis.Rules() {
			if !slices.Contains(selected, r.Name) {
				rules[r.Name] = "off"
			}
		}
	}
	for _, name := range ignored {
		rules[name] = "off"
	}
	return rules, nil
}

func checkPaths(o checkOptions, p printer, failSeverity analysis.Severity, rules map[string]string, paths []string, stdinSrc []byte, stdout, stderr, notes io.Writer) int {
	ws, err := workspace.New(workspace.Settings{ConfigFile: o.configPath, Rules: rules, UnsafeFixes: o.unsafeFixes, ReportUnusedIgnores: o.reportUnusedIgnores, Analyze: analyze, Roots: projectRoots(paths, stdinSrc != nil)})
	if err != nil {
		fmt.Fprintf(stderr, "httpcodes: %v\n", err)
		return exitError
	}

	var changed changedLines
	if rev := o.newFromRev + o.newFromMB; rev != "" || o.newFromPatch != "" {
		if changed, err = newFrom(o.newFromRev, o.newFromMB, o.newFromPatch); err != nil {
			fmt.Fprintf(stderr, "httpcodes: check: %v\n", err)
			return exitError
		}
	}
	var files []string
	var errs []error
	var reports []fileReport
	if stdinSrc != nil {
		reports = []fileReport{checkStdin(o.stdinFilename, stdinSrc, ws, o.forceExclude, notes)}
		if reports[0].skipped {
			reports = nil
		}
	} else {
		files, errs = collectFiles(paths, ws, o.forceExclude, notes)
		progress := startProgress(stderr, len(files))
		reports = checkFiles(files, ws, o.fix || o.diff, progress.done)
		progress.stop()
	}
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
		if o.fix || o.diff {
			res := fixFile(r, ws, o.fix, stdout)
			if res.err != nil {
				fmt.Fprintf(stderr, "httpcodes: %v\n", res.err)
				status = exitError
			}
			if o.fix && len(res.fixed) > 0 {
				fmt.Fprintf(stderr, "httpcodes: %s: fixed %s\n", r.path, plural(len(res.fixed), "finding"))
			}
			r.findings = withoutFixed(r.findings, res.fixed)
			if res.skipped > 0 {
				fmt.Fprintf(stderr, "httpcodes: %s: %s left out because they overlap others; run check --fix again\n", r.path, plural(res.skipped, "fix"))
			}
		}
		if changed != nil {
			r.findings = changed.keep(r.absPath, r.findings)
		}
		findings = append(findings, r.findings...)
	}
	if o.fix || o.diff {
		findings = fixOtherFiles(findings, ws, o.fix, stdout, stderr, &status)
	}
	// With --diff the diff is the output, and the findings it does not fix
	// give the exit status, as they would once it is applied.
	if o.statistics && !o.diff {
		if err := writeStatistics(stdout, findings); err != nil {
			fmt.Fprintf(stderr, "httpcodes: check: %v\n", err)
			return exitError
		}
	} else if !o.diff {
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
	if !o.quiet {
		writeSummary(stderr, findings, checked, quiet)
	}
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

// projectRoots are the roots of the projects undocumented-status joins to
// their API descriptions: each directory named, a named file's directory,
// the working directory for stdin.
func projectRoots(paths []string, stdin bool) []string {
	if stdin || len(paths) == 0 {
		return []string{"."}
	}
	var roots []string
	for _, p := range paths {
		if st, err := os.Stat(p); err == nil && !st.IsDir() {
			p = filepath.Dir(p)
		}
		roots = append(roots, p)
	}
	return roots
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

// analyze is analysis.Analyze: a test seam, so a test can make the
// analysis of one file panic and see check recover (no scanner is known to
// panic, so none can be relied on to prove it). Only tests change it.
var analyze = analysis.Analyze

// checkFile reads and analyses one file. A panic in the analysis ends this
// file's report with an internal error, and no other file's.
func checkFile(path, cwd string, ws *workspace.Workspace, keepSrc bool) (r fileReport) {
	rel := displayPath(path, cwd)
	abs, _ := filepath.Abs(path)
	r = fileReport{path: rel, absPath: abs}
	src, err := readfile.Read(path, readfile.SourceLimit)
	if err != nil {
		r.err = fmt.Errorf("httpcodes: %v", pathError(rel, err))
		return r
	}
	return analyzeSource(r, path, src, ws, keepSrc)
}

// checkStdin analyses the source read from stdin as the file at path: its
// name picks the language and the configuration. It is skipped, with a
// note, when no language is known by that name, and when the
// configuration excludes it and --force-exclude is on.
func checkStdin(path string, src []byte, ws *workspace.Workspace, forceExclude bool, notes io.Writer) fileReport {
	cwd, _ := os.Getwd()
	rel := displayPath(path, cwd)
	abs, _ := filepath.Abs(path)
	r := fileReport{path: rel, absPath: abs}
	inc, err := ws.Includes(path)
	if err != nil {
		r.err = fmt.Errorf("httpcodes: %v", err)
		return r
	}
	if analysis.Language(path) == "" || forceExclude && !inc.Included {
		fmt.Fprintf(notes, "httpcodes: %s: skipped: %s\n", rel, inc.Reason)
		r.skipped = true
		return r
	}
	return analyzeSource(r, path, src, ws, true)
}

// analyzeSource analyses src, the content of the file at path, into the
// report begun for it.
func analyzeSource(begun fileReport, path string, src []byte, ws *workspace.Workspace, keepSrc bool) (r fileReport) {
	r = begun
	rel, abs := r.path, r.absPath
	defer func() {
		if v := recover(); v != nil {
			r = fileReport{path: rel, absPath: abs, err: fmt.Errorf("httpcodes: %w", internalError(rel, v, debug.Stack(), "The other files were checked."))}
		}
	}()
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
		rf.lineText = strings.TrimSpace(string(src[lines.Start(rf.line-1):lines.End(rf.line-1)]))
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

// internalError reports a panic in the analysis of a file: a bug of
// httpcodes, never of the file. It names the file, the panic and where it
// came from, and asks for a report. The stack goes with it, always: a
// panic is meant never to happen, so it costs no noise in a normal run, and
// check runs mostly in CI, whose log is all a user has to send; a report
// that asks them to run it again with a debug setting loses most of them.
// It goes to stderr with the other errors; stdout, where JSON and SARIF
// go, stays well formed.
// outcome says what became of the file and the others.
func internalError(path string, v any, stack []byte, outcome string) error {
	return fmt.Errorf("%s: internal error: the analysis panicked: %v\n"+
		"This is a bug in httpcodes %s, not in your file. Please report it at https://github.com/httpcodes/httpcodes/issues\n"+
		"with this message and, if you can, the file or the smallest part of it that still fails. %s\n%s",
		path, v, buildVersion(), outcome, strings.TrimRight(string(stack), "\n"))
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
	// CI systems' own formats.
	"gitlab":     gitlabPrinter{},
	"junit":      junitPrinter{},
	"checkstyle": checkstylePrinter{},
}

func printerNames() []string {
	var names []string
	for n := range printers {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}
