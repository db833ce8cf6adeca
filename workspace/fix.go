package workspace

import (
	"bytes"
	"cmp"
	"fmt"
	"go/format"
	"slices"
	"strings"

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
		if !skippedAt[[2]int{f.Start, f.End}] && !f.Fix.Elsewhere() {
			out.Applied = append(out.Applied, f)
		}
	}
	// The fixes that overlapped others are applied to the fixed text,
	// analysed again; the findings they resolve count as applied once no
	// fix is left over.
	for round := 1; len(skipped) > 0 && round < MaxFixRounds; round++ {
		again := w.settings.Analyze(path, fixed, opts)
		fixed, skipped = analysis.ApplyFixes(fixed, w.Fixable(Reported(again)))
		if len(skipped) == 0 {
			out.Applied = out.Applied[:0]
			for _, f := range fixable {
				if !f.Fix.Elsewhere() {
					out.Applied = append(out.Applied, f)
				}
			}
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

// FixedFile is a file that fixes of findings in other files edit: the API
// description undocumented-status adds responses to.
type FixedFile struct {
	Path string
	// Old is the file as read; Text with the fixes applied.
	Old, Text []byte
	// Applied are the findings whose fixes are in Text.
	Applied []analysis.Finding
}

// FixElsewhere applies the fixes that edit another file than their
// finding's (analysis.Fix.Elsewhere), among the findings Fixable lets
// through, reading each file with read (the disk, or an editor's
// buffers). The same edit asked by several findings (two handlers sending
// one undocumented code) is made once; insertions at one place are made in
// the order of their text, so the result does not depend on the order of
// the findings. A description that no longer reads as one with the same
// operations is an error, and left unchanged.
func (w *Workspace) FixElsewhere(findings []analysis.Finding, read func(path string) ([]byte, error)) ([]FixedFile, error) {
	type change struct {
		edit     analysis.Edit
		findings []analysis.Finding
	}
	byFile := map[string][]*change{}
	var files []string
	for _, f := range w.Fixable(findings) {
		if !f.Fix.Elsewhere() {
			continue
		}
		for _, e := range f.Fix.Edits {
			if e.File == "" {
				continue
			}
			if byFile[e.File] == nil {
				files = append(files, e.File)
			}
			found := false
			for _, c := range byFile[e.File] {
				if c.edit == e {
					c.findings, found = append(c.findings, f), true
				}
			}
			if !found {
				byFile[e.File] = append(byFile[e.File], &change{edit: e, findings: []analysis.Finding{f}})
			}
		}
	}
	slices.Sort(files)
	var out []FixedFile
	for _, file := range files {
		src, err := read(file)
		if err != nil {
			return out, fmt.Errorf("fix %s: %w", file, err)
		}
		changes := byFile[file]
		slices.SortFunc(changes, func(a, b *change) int {
			return cmp.Or(cmp.Compare(b.edit.Start, a.edit.Start), cmp.Compare(b.edit.End, a.edit.End), strings.Compare(b.edit.NewText, a.edit.NewText))
		})
		text := append([]byte(nil), src...)
		ff := FixedFile{Path: file, Old: src}
		last := len(src) + 1
		for _, c := range changes {
			e := c.edit
			if e.Start < 0 || e.End > len(src) || e.Start > e.End || e.End > last && e.Start != e.End {
				continue // overlaps an edit already made: the next run makes it
			}
			text = slices.Concat(text[:e.Start], []byte(e.NewText), text[e.End:])
			last = e.Start
			ff.Applied = append(ff.Applied, c.findings...)
		}
		ff.Text = text
		before := analysis.ReadDescription(file, src, nil)
		after := analysis.ReadDescription(file, text, nil)
		if before != nil && (after == nil || len(after.Operations) != len(before.Operations)) {
			return out, fmt.Errorf("%s: the fixed description does not read as the same description; left unchanged", file)
		}
		out = append(out, ff)
	}
	return out, nil
}
