package rules

import (
	"bytes"
	"cmp"
	"math"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/httpcodes/httpcodes/analysis/internal/facts"
	"github.com/httpcodes/httpcodes/codes"
)

// Rule is one check with its documentation. Each rule lives in its own file,
// rule_<name>.go, beside its doc and examples, and registers itself from
// that file's init: adding a rule touches nothing else in the package.
type Rule struct {
	// Name is the rule's stable id, used in output, config and ignore comments.
	Name     string
	Severity facts.Severity
	// Summary is one line: what the rule flags.
	Summary string
	// Why explains the harm, for the rule's page.
	Why string
	// Bad and Good are short Go examples: one flagged, one fixed.
	Bad, Good string
	// Tag marks findings for editors: "deprecated" or "unnecessary".
	Tag string
	// Checks reports whether the rule judges a response by this code's own
	// facts (a retired code, a code that needs a header); nil for a rule
	// about every code or about the calls around it. The site links a
	// code's page and the pages of the rules that check it, both ways.
	Checks func(*codes.Code) bool
	// Languages are the languages whose analysis feeds the rule; nil means
	// every language. It is what `httpcodes rules`, the README and the
	// site say runs where, and a test holds it to the annotated testdata:
	// every declared language has a positive case, and no other has one.
	Languages []string
	// YieldsTo names the rules whose finding on the same code, on an
	// overlapping span, explains
	// this rule's: this one is then not reported (one problem, one
	// finding). A 305 given to a redirect API is a retired code before it
	// is a redirect that clients do not follow.
	YieldsTo []string
	// Since is the release that brought the rule.
	Since string
	// FixSafety says how far the rule's fix can be trusted; FixNone for a
	// rule without one.
	FixSafety FixSafety
	check     func(c *checker)
}

// FixSafety says whether a rule's fix keeps the program's behaviour, as
// ruff marks its fixes.
type FixSafety int

const (
	// FixNone: the rule offers no fix.
	FixNone FixSafety = iota
	// FixSafe: the fix writes the same program another way (a constant for
	// its number), and `check --fix` applies it.
	FixSafe
	// FixUnsafe: the fix changes what runs (a statement moved above
	// another) and is right in the common case; review it.
	FixUnsafe
)

func (s FixSafety) String() string {
	return [...]string{"none", "safe", "unsafe"}[s]
}

// rules is the registry, in the order Rules returns it.
var rules []*Rule

// registerRule adds a rule; called from the init of its file. Rules come
// out by default severity, then by name, so the order does not depend on
// which file's init ran first.
func registerRule(r *Rule) {
	for _, other := range rules {
		if other.Name == r.Name {
			panic("analysis: rule " + r.Name + " registered twice")
		}
	}
	rules = append(rules, r)
	slices.SortStableFunc(rules, func(a, b *Rule) int {
		if a.Severity != b.Severity {
			return cmp.Compare(a.Severity, b.Severity)
		}
		return strings.Compare(a.Name, b.Name)
	})
}

// Rules returns every rule, by default severity and then name. The slice
// is shared: do not modify it.
func Rules() []*Rule { return rules }

// SupportedLanguages returns the languages the rule runs on, sorted.
func (r *Rule) SupportedLanguages() []string {
	if r.Languages == nil {
		return facts.Languages()
	}
	return slices.Sorted(slices.Values(r.Languages))
}

// Supports reports whether the rule runs on a language.
func (r *Rule) Supports(lang string) bool {
	return r.Languages == nil || slices.Contains(r.Languages, lang)
}

// RulesFor returns the rules that check code c by its own facts, in the
// order of Rules.
func RulesFor(c *codes.Code) []*Rule {
	var out []*Rule
	for _, r := range Rules() {
		if r.Checks != nil && r.Checks(c) {
			out = append(out, r)
		}
	}
	return out
}

// RuleByName returns the rule with the given id.
func RuleByName(name string) (*Rule, bool) {
	for _, r := range Rules() {
		if r.Name == name {
			return r, true
		}
	}
	return nil, false
}

// checker runs one rule over a file's facts and collects its findings.
type checker struct {
	rule   *Rule
	facts  *facts.FileFacts
	set    *codes.Set
	pinned map[codes.Ecosystem]string
	ops    facts.Operations
	// ignores are the file's ignore comments, read before the rules run.
	ignores  ignores
	findings []facts.Finding
}

func (c *checker) report(f facts.Finding) { c.reportAt(f, c.rule.Severity) }

// phrases are what the file's language says its runtime does, for the
// rule's messages.
func (c *checker) phrases() *facts.Phrases {
	if l := facts.LanguageNamed(c.facts.Lang); l != nil {
		return &l.Phrases
	}
	return &facts.Phrases{}
}

// reportAt reports a finding at a severity below the rule's own, for the
// cases of a rule that are more often deliberate than its others; it never
// raises one. A severity set for the rule in the configuration applies to
// all its findings.
func (c *checker) reportAt(f facts.Finding, s facts.Severity) {
	f.Rule = c.rule.Name
	f.Severity = max(c.rule.Severity, s)
	c.findings = append(c.findings, f)
}

// label names a code for a message: "200 OK", or "299" when no page has it.
func (c *checker) label(n int) string {
	if code, ok := c.set.Lookup(n); ok {
		return code.String()
	}
	return strconv.Itoa(n)
}

func (c *checker) lookup(n int) *codes.Code {
	code, _ := c.set.Lookup(n)
	return code
}

// judge runs every enabled rule over a file's facts and stores the findings
// that no ignore comment silences, sorted by position.
func Judge(f *facts.FileFacts, res *facts.Result, opts *facts.Options) {
	set := opts.CodeSet()
	f.Lang = res.Language
	f.TestFile = res.TestCode
	res.Occurrences = f.Occ
	res.Ecosystem = f.Ecosystem
	res.Findings = make([]facts.Finding, 0, len(f.Occ)+len(f.Steps)/4)
	ignores := parseIgnores(f)
	quietTests := opts == nil || opts.Tests == facts.TestsQuiet
	rules := Rules()
	checkers := make([]*checker, len(rules))
	for i, r := range rules {
		// A rule runs on the languages it declares: their extractors
		// produce the facts it reads with the semantics it assumes.
		if (opts == nil || !opts.Disabled[r.Name]) && r.Supports(f.Lang) {
			checkers[i] = &checker{rule: r, facts: f, set: set, ignores: ignores}
			if opts != nil {
				checkers[i].pinned = opts.Pinned
				checkers[i].ops = opts.Operations
			}
		}
	}
	runCheckers(f, checkers)
	var all []facts.Finding
	for _, c := range checkers {
		if c == nil {
			continue
		}
		for _, fd := range c.findings {
			if opts != nil {
				if s, ok := opts.Severity[c.rule.Name]; ok {
					fd.Severity = s
				}
			}
			all = append(all, fd)
		}
	}
	// An ignore is used when it silences a finding of a rule that ran,
	// even one that another rule's finding explains or that test code
	// quiets: it is needed under other settings.
	for _, fd := range all {
		ignores.silences(f.Line(fd.Start), fd.Rule)
	}
	for _, fd := range oneFindingPerProblem(f, all) {
		fd.Cause = 0
		if ignores.silences(f.Line(fd.Start), fd.Rule) {
			continue
		}
		if quietTests && quietInTests(f, fd) {
			continue
		}
		res.Findings = append(res.Findings, fd)
	}
	if opts != nil && opts.ReportUnusedIgnores && !opts.Disabled[RuleUnusedIgnore.Name] && len(ignores) > 0 {
		// The comment a finding is about does not silence it; one on the
		// line above can.
		for _, fd := range unusedIgnores(f, ignores, opts) {
			if above, ok := ignores[f.Line(fd.Start)-1]; !ok || !above.names.include(fd.Rule) {
				res.Findings = append(res.Findings, fd)
			}
		}
	}
	slices.SortStableFunc(res.Findings, func(a, b facts.Finding) int {
		if a.Start != b.Start {
			return cmp.Compare(a.Start, b.Start)
		}
		return strings.Compare(a.Rule, b.Rule)
	})
}

// oneFindingPerProblem keeps one finding per problem, where it is caused.
// Two rules may judge the same status: when one rule's finding is
// explained by another's on the same code where the spans overlap (a 305
// given to a redirect API is a retired code first; http.Error with 301
// lacks Location because it should be http.Redirect), only the explaining
// one stays (Rule.YieldsTo).
// A write in a branch with no return after it is one problem:
// superfluous-writeheader names it (return after line n) at the next
// status write, and a header set after the branch, late because of the
// same write, is its consequence: the late-header finding that names
// that write goes. A write in the header's own statement list (streaming
// a body, then setting a header) is another mistake, and both stay.
// In test code, a status compared against, as an assertion's expected
// value, restates the send of the same status in the file (the fixture):
// a finding of a rule on the comparison goes when the same rule reports
// the send of that code. Outside tests a comparison reads another
// response (a client's), and stays.
func oneFindingPerProblem(f *facts.FileFacts, all []facts.Finding) []facts.Finding {
	if len(all) < 2 {
		return all
	}
	roles := make(map[int]facts.Role, len(f.Occ))
	for _, o := range f.Occ {
		roles[o.Start] = o.Role
	}
	type ruleCode struct {
		rule string
		code int
	}
	sent := map[ruleCode]bool{}
	spans := map[ruleCode]*spanIndex{}
	for _, fd := range all {
		k := ruleCode{fd.Rule, fd.Code}
		if spans[k] == nil {
			spans[k] = &spanIndex{}
		}
		spans[k].add(fd.Start, fd.End)
	}
	for _, ix := range spans {
		ix.build()
	}
	unreturned := map[int]bool{}
	for _, fd := range all {
		if role, ok := roles[fd.Start]; ok && role == facts.Send && fd.Code != 0 {
			sent[ruleCode{fd.Rule, fd.Code}] = true
		}
		if fd.Rule == ruleSuperfluousWriteHeader.Name && fd.Cause != 0 {
			unreturned[fd.Cause] = true
		}
	}
	out := all[:0:0]
	for _, fd := range all {
		if r, ok := RuleByName(fd.Rule); ok && slices.ContainsFunc(r.YieldsTo, func(other string) bool {
			return spans[ruleCode{other, fd.Code}].overlaps(fd.Start, fd.End)
		}) {
			continue
		}
		if fd.Rule == ruleLateHeader.Name && unreturned[fd.Cause] {
			continue
		}
		if role, ok := roles[fd.Start]; ok && (role == facts.Compare || role == facts.RangeBound) && !spellingRules[fd.Rule] && sent[ruleCode{fd.Rule, fd.Code}] && (f.TestFile || f.InTestRegion(fd.Start)) {
			continue
		}
		out = append(out, fd)
	}
	return out
}

// quietInTests reports whether a finding is silenced by the test policy: a warning
// or an error in test code, except invalid-status on a comparison and the
// findings about ignore comments, which judge the comment, not the code
// under test.
func quietInTests(f *facts.FileFacts, fd facts.Finding) bool {
	if fd.Severity > facts.Warning || fd.Rule == RuleUnknownIgnore.Name || fd.Rule == RuleUnusedIgnore.Name {
		return false
	}
	if !f.TestFile && !f.InTestRegion(fd.Start) {
		return false
	}
	if fd.Rule == ruleInvalidStatus.Name {
		for _, o := range f.Occ {
			if o.Start == fd.Start && o.Role == facts.Compare {
				return false
			}
		}
	}
	return true
}

// spanIndex answers whether any of a set of spans overlaps a given one in
// O(log n): the spans sorted by start, with the greatest end so far.
type spanIndex struct {
	starts, maxEnds []int
	spans           [][2]int
}

func (ix *spanIndex) add(start, end int) { ix.spans = append(ix.spans, [2]int{start, end}) }

func (ix *spanIndex) build() {
	slices.SortFunc(ix.spans, func(a, b [2]int) int { return cmp.Compare(a[0], b[0]) })
	end := math.MinInt
	for _, sp := range ix.spans {
		end = max(end, sp[1])
		ix.starts, ix.maxEnds = append(ix.starts, sp[0]), append(ix.maxEnds, end)
	}
}

// overlaps reports whether a span of the index overlaps [start, end): one
// that starts before end and ends after start.
func (ix *spanIndex) overlaps(start, end int) bool {
	if ix == nil {
		return false
	}
	i := sort.SearchInts(ix.starts, end)
	return i > 0 && ix.maxEnds[i-1] > start
}

// spellingRules judge how a status is written, not which: each place it
// is written is a finding of its own.
var spellingRules = map[string]bool{"prefer-constant": true, "deprecated-constant": true}

// runCheckers runs the rules. The rules of a large file run on several
// cores: each checker writes only its own findings, and the line index they
// share is built before they start.
func runCheckers(f *facts.FileFacts, checkers []*checker) {
	if len(f.Src) < facts.ParallelFrom || runtime.GOMAXPROCS(0) < 2 {
		for _, c := range checkers {
			if c != nil {
				c.rule.check(c)
			}
		}
		return
	}
	f.Line(0)
	var wg sync.WaitGroup
	for _, c := range checkers {
		if c == nil {
			continue
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			c.rule.check(c)
		}()
	}
	wg.Wait()
}

// ignores maps a 1-based line to the ignore comment on it.
type ignores map[int]*ignoreComment

// ignoreComment is one "//httpcodes:ignore rule[,rule]" comment.
type ignoreComment struct {
	// start and end span the directive, for a finding about the whole
	// comment.
	start, end int
	// names are the rules it names, each with its span; none silences
	// every rule.
	names ignoreNames
	// marked is set when the directive follows a comment marker (//, #,
	// /*, --, ;): only then are its names judged, not where prose or a
	// string mentions the directive.
	marked bool
	// used is set when it silences a finding of any rule.
	used bool
}

type ignoreName struct {
	name       string
	start, end int
	used       bool
}

type ignoreNames []ignoreName

// include reports whether a comment with these names silences the rule.
func (ns ignoreNames) include(rule string) bool {
	return len(ns) == 0 || slices.ContainsFunc(ns, func(n ignoreName) bool { return n.name == rule })
}

const ignoreDirective = "httpcodes:ignore"

// commentMarkers are what a directive follows in a comment of one of the
// languages.
var commentMarkers = []string{"//", "#", "/*", "*", "--", ";", "<!--"}

// parseIgnores finds "//httpcodes:ignore rule[,rule]" (or "#", "--" … in
// other languages: any comment marker before the directive works).
func parseIgnores(f *facts.FileFacts) ignores {
	ig := ignores{}
	// Most files have no directive: look before copying the text.
	if !bytes.Contains(f.Src, []byte(ignoreDirective)) {
		return ig
	}
	text := string(f.Src)
	for off := 0; ; {
		i := strings.Index(text[off:], ignoreDirective)
		if i < 0 {
			break
		}
		at := off + i
		lineStart := strings.LastIndexAny(text[:at], "\r\n") + 1
		before := strings.TrimRight(text[lineStart:at], " \t")
		ic := &ignoreComment{start: at, end: at + len(ignoreDirective), names: ignoreNames{}}
		for _, m := range commentMarkers {
			ic.marked = ic.marked || strings.HasSuffix(before, m)
		}
		rest := text[ic.end:]
		end := strings.IndexAny(rest, "\r\n")
		if end < 0 {
			end = len(rest)
		}
		args := strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest[:end]), "*/"))
		if args != "" && !strings.HasPrefix(args, "-") {
			first := strings.Fields(args)[0]
			pos := ic.end + strings.Index(rest, first)
			for _, r := range strings.Split(first, ",") {
				if r != "" {
					ic.names = append(ic.names, ignoreName{name: r, start: pos, end: pos + len(r)})
				}
				pos += len(r) + 1
			}
		}
		ig[f.Line(at)] = ic
		off = ic.end
	}
	return ig
}

// silences reports whether an ignore comment on the line or the line above
// names the rule (or names none), and marks the comment used.
func (ig ignores) silences(line int, rule string) bool {
	for _, l := range []int{line, line - 1} {
		ic, ok := ig[l]
		if !ok {
			continue
		}
		if len(ic.names) == 0 {
			ic.used = true
			return true
		}
		for i := range ic.names {
			if ic.names[i].name == rule {
				ic.used, ic.names[i].used = true, true
				return true
			}
		}
	}
	return false
}
