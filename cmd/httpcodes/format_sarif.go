package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/owenrumney/go-sarif/v3/pkg/report/v210/sarif"

	"github.com/httpcodes/httpcodes/analysis"
	"github.com/httpcodes/httpcodes/workspace"
)

// sarifPrinter writes SARIF 2.1.0, as GitHub code scanning and other
// viewers read it: one run, a rule entry for every rule with its docs, and
// results with regions and fixes.
type sarifPrinter struct {
	// docsBase is where the rule pages are; "" means analysis.DefaultDocsBase.
	docsBase string
}

// sarifLevels maps severities to SARIF levels; SARIF has no "hint".
var sarifLevels = map[analysis.Severity]string{
	analysis.Error: "error", analysis.Warning: "warning", analysis.Info: "note", analysis.Hint: "note",
}

func (sp sarifPrinter) print(w io.Writer, findings []reportedFinding, _ int) error {
	docsBase := sp.docsBase
	if docsBase == "" {
		docsBase = analysis.DefaultDocsBase
	}
	rep := sarif.NewReport()
	run := sarif.NewRunWithInformationURI("httpcodes", "https://github.com/httpcodes/httpcodes")
	// buildVersion may end with " (revision)"; SARIF wants the version alone.
	v := strings.Fields(buildVersion())[0]
	run.Tool.Driver.WithVersion(v).WithSemanticVersion(strings.TrimPrefix(v, "v"))
	// Columns count Unicode code points, as the regions below do.
	run.WithColumnKind("unicodeCodePoints")
	for _, r := range analysis.Rules() {
		url := analysis.RuleDocsURL(docsBase, r.Name)
		run.AddRule(r.Name).
			WithName(ruleName(r.Name)).
			WithShortDescription(sarif.NewMultiformatMessageString().WithText(r.Summary)).
			WithFullDescription(sarif.NewMultiformatMessageString().WithText(r.Why)).
			WithHelp(sarif.NewMultiformatMessageString().WithText(ruleHelpText(r, url)).WithMarkdown(ruleHelpMarkdown(r, url))).
			WithHelpURI(url).
			WithDefaultConfiguration(sarif.NewReportingConfiguration().WithLevel(sarifLevels[r.Severity]))
	}
	run.WithResults([]*sarif.Result{})
	for _, f := range findings {
		res := run.CreateResultForRule(f.Rule).
			WithLevel(sarifLevels[f.Severity]).
			WithMessage(sarif.NewTextMessage(f.Message)).
			AddLocation(sarif.NewLocationWithPhysicalLocation(
				sarif.NewPhysicalLocation().
					WithArtifactLocation(artifact(f.file)).
					WithRegion(region(f.lines, f.Start, f.End))))
		if f.Fix != nil && len(f.edits) > 0 {
			var replacements []*sarif.Replacement
			for _, e := range f.edits {
				deleted := sarif.NewRegion().WithByteOffset(e.Start).WithByteLength(e.End - e.Start)
				replacements = append(replacements, sarif.NewReplacement().WithDeletedRegion(deleted).WithInsertedContent(sarif.NewArtifactContent().WithText(e.NewText)))
			}
			res.WithFixes([]*sarif.Fix{sarif.NewFix().
				WithDescription(sarif.NewTextMessage(f.Fix.Title)).
				WithArtifactChanges([]*sarif.ArtifactChange{sarif.NewArtifactChange().WithArtifactLocation(artifact(f.file)).WithReplacements(replacements)})})
		}
	}
	rep.AddRun(run)
	return writeJSON(w, rep)
}

func artifact(path string) *sarif.ArtifactLocation {
	return sarif.NewSimpleArtifactLocation(path).WithURIBaseID("%SRCROOT%")
}

// region gives a result's place every way SARIF can: lines and code-point
// columns, and byte and character offsets, which all agree. Only this
// format needs characters, so only it counts them.
func region(lines *workspace.Lines, start, end int) *sarif.Region {
	line, col := lines.RuneColumn(start)
	endLine, endCol := lines.RuneColumn(end)
	charStart := lines.RuneOffset(start)
	return sarif.NewRegion().
		WithStartLine(line + 1).WithStartColumn(col + 1).WithEndLine(endLine + 1).WithEndColumn(endCol + 1).
		WithByteOffset(start).WithByteLength(end - start).
		WithCharOffset(charStart).WithCharLength(lines.RuneOffset(end) - charStart)
}

// ruleName turns "redirect-status" into "RedirectStatus", SARIF's style
// for a rule's name.
func ruleName(id string) string {
	var b strings.Builder
	for _, part := range strings.Split(id, "-") {
		b.WriteString(upperFirst(part))
	}
	return b.String()
}

func ruleHelpText(r *analysis.Rule, url string) string {
	return fmt.Sprintf("%s\n\nBad:\n%s\n\nGood:\n%s\n\nSilence one finding with //httpcodes:ignore %s. Documentation: %s", r.Why, r.Bad, r.Good, r.Name, url)
}

func ruleHelpMarkdown(r *analysis.Rule, url string) string {
	return fmt.Sprintf("%s\n\n**Bad**\n\n```go\n%s\n```\n\n**Good**\n\n```go\n%s\n```\n\nSilence one finding with `//httpcodes:ignore %s`. [Documentation](%s)", r.Why, r.Bad, r.Good, r.Name, url)
}
