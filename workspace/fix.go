package workspace

import (
	"bytes"
	"fmt"
	"go/format"

	"github.com/httpcodes/httpcodes/analysis"
)

// Fixable returns the findings whose fixes Fix applies: every fix of a rule
// marked safe, and the unsafe ones too under Settings.UnsafeFixes.
func (w *Workspace) Fixable(findings []analysis.Finding) []analysis.Finding {
	var out []analysis.Finding
	for _, f := range findings {
		if f.Fix == nil {
			continue
		}
		if r, ok := analysis.RuleByName(f.Rule); ok && r.FixSafety == analysis.FixUnsafe && !w.settings.UnsafeFixes {
			continue
		}
		out = append(out, f)
	}
	return out
}

// MaxFixRounds bounds how often Fix analyses its own output again to apply
// the fixes that overlapped others (two headers moved above the same write).
const MaxFixRounds = 5

// Fixed is the outcome of Fix.
type Fixed struct {
	// Text is the file with the fixes applied.
	Text []byte
	// Applied are the findings (of those given) whose fixes are in Text.
	Applied []analysis.Finding
	// Left counts the fixes still overlapping others after the last round:
	// running the fix again applies them.
	Left int
}

// Fix applies the fixes of a file's findings that Fixable lets through: the
// fixes that do not overlap
// are applied at once, then the result is analysed again, with the file's
// options, and the fixes found there applied, until none is left or
// MaxFixRounds is reached. A Go file that was gofmt-clean stays gofmt-clean
// (a longer name can change the alignment of the lines around it). `check
// --fix`, `check --diff` and the server's source.fixAll all go through it.
func (w *Workspace) Fix(path string, src []byte, findings []analysis.Finding) (*Fixed, error) {
	opts, err := w.Options(path)
	if err != nil {
		return nil, err
	}
	out := &Fixed{Text: src}
	fixable := w.Fixable(findings)
	if len(fixable) == 0 {
		return out, nil
	}
	fixed, skipped := analysis.ApplyFixes(src, fixable)
	skippedAt := map[[2]int]bool{}
	for _, f := range skipped {
		skippedAt[[2]int{f.Start, f.End}] = true
	}
	for _, f := range fixable {
		if !skippedAt[[2]int{f.Start, f.End}] {
			out.Applied = append(out.Applied, f)
		}
	}
	// The fixes that overlapped others are applied to the fixed text,
	// analysed again; the findings they resolve count as applied once no
	// fix is left over.
	for round := 1; len(skipped) > 0 && round < MaxFixRounds; round++ {
		again := analysis.Analyze(path, fixed, opts)
		fixed, skipped = analysis.ApplyFixes(fixed, w.Fixable(Reported(again)))
		if len(skipped) == 0 {
			out.Applied = fixable
		}
	}
	out.Left = len(skipped)
	if analysis.Language(path) == "go" {
		if formatted, err := format.Source(src); err == nil && bytes.Equal(formatted, src) {
			gofmted, err := format.Source(fixed)
			if err != nil {
				return nil, fmt.Errorf("%s: the fixed file does not parse (%v); left unchanged", path, err)
			}
			fixed = gofmted
		}
	}
	out.Text = fixed
	return out, nil
}
