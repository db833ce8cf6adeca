package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/httpcodes/httpcodes/analysis"
	"github.com/httpcodes/httpcodes/internal/suggest"
)

func newRulesCmd(stdout, stderr io.Writer) *cobra.Command {
	var asJSON, matrix bool
	cmd := &cobra.Command{
		Use:   "rules [rule]",
		Short: "List the rules, or show one rule's documentation",
		Long: `Rules lists the rules check applies, with their default severity, the
languages they run on and a summary; with a rule's name, it shows the rule's
documentation: why, a bad and a good example, its fix and how to silence it.`,
		Example: `  httpcodes rules
  httpcodes rules redirect-status
  httpcodes rules --json
  httpcodes rules --matrix`,
		Args: cobra.MaximumNArgs(1),
		ValidArgsFunction: func(_ *cobra.Command, args []string, prefix string) ([]cobra.Completion, cobra.ShellCompDirective) {
			if len(args) > 0 {
				return nil, cobra.ShellCompDirectiveNoFileComp
			}
			return ruleCompletions(prefix), cobra.ShellCompDirectiveNoFileComp
		},
		RunE: func(_ *cobra.Command, args []string) error {
			return status(runRules(args, asJSON, matrix, stdout, stderr))
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the rules as JSON: name, severity, summary, languages, since, fix safety")
	cmd.Flags().BoolVar(&matrix, "matrix", false, "print which rule runs on which language, as a Markdown table")
	return cmd
}

// ruleCompletions are the rule names that start with prefix, with their
// summaries, for the shell.
func ruleCompletions(prefix string) []cobra.Completion {
	var out []cobra.Completion
	for _, r := range analysis.Rules() {
		if strings.HasPrefix(r.Name, prefix) {
			out = append(out, cobra.CompletionWithDesc(r.Name, r.Summary))
		}
	}
	return out
}

// ruleNames are the names of every rule, in their order.
func ruleNames() []string {
	var names []string
	for _, r := range analysis.Rules() {
		names = append(names, r.Name)
	}
	return names
}

func runRules(args []string, asJSON, matrix bool, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		switch {
		case asJSON:
			return writeRulesJSON(stdout, stderr, analysis.Rules())
		case matrix:
			fmt.Fprint(stdout, ruleMatrix())
		default:
			for _, r := range analysis.Rules() {
				fmt.Fprintf(stdout, "%-24s %-8s %-27s %s\n", r.Name, r.Severity, languageList(r), r.Summary)
			}
		}
		return exitOK
	}
	r, ok := analysis.RuleByName(args[0])
	if !ok {
		fmt.Fprintf(stderr, "httpcodes: no rule is named %q%s\nrun \"httpcodes rules\" to list them\n", args[0], suggest.Phrase(args[0], ruleNames()))
		return exitError
	}
	if asJSON {
		return writeRulesJSON(stdout, stderr, []*analysis.Rule{r})
	}
	fmt.Fprintf(stdout, "%s (default severity: %s; since %s)\n\n%s.\n\nLANGUAGES\n  %s\n\nWHY\n  %s\n\nBAD\n%s\n\nGOOD\n%s\n\nFIX\n  %s\n\nSILENCE IT\n  on one line:  //httpcodes:ignore %s\n",
		r.Name, r.Severity, r.Since, upperFirst(r.Summary), strings.Join(r.SupportedLanguages(), ", "), r.Why, indent(r.Bad), indent(r.Good), fixSafetyText(r.FixSafety), r.Name)
	return exitOK
}

// languageList is the languages column of `httpcodes rules`: all, the
// languages a rule runs on, or those it does not, whichever is shorter.
func languageList(r *analysis.Rule) string {
	all, on := analysis.Languages(), r.SupportedLanguages()
	if len(on) == len(all) {
		return "all"
	}
	if len(on) <= len(all)/2 {
		return strings.Join(on, ",")
	}
	var off []string
	for _, l := range all {
		if !r.Supports(l) {
			off = append(off, l)
		}
	}
	return "all but " + strings.Join(off, ",")
}

func fixSafetyText(s analysis.FixSafety) string {
	switch s {
	case analysis.FixSafe:
		return "safe: check --fix and the editor's quick fix apply it"
	case analysis.FixUnsafe:
		return "unsafe: it changes what runs; check --fix applies it only with --unsafe-fixes, and the editor offers it as a quick fix to review"
	}
	return "none"
}

// ruleJSON is one rule in `httpcodes rules --json`.
type ruleJSON struct {
	Name      string   `json:"name"`
	Severity  string   `json:"severity"`
	Summary   string   `json:"summary"`
	Why       string   `json:"why"`
	Bad       string   `json:"bad"`
	Good      string   `json:"good"`
	Languages []string `json:"languages"`
	Since     string   `json:"since"`
	Fix       string   `json:"fix"`
	URL       string   `json:"url"`
}

func writeRulesJSON(stdout, stderr io.Writer, rules []*analysis.Rule) int {
	out := make([]ruleJSON, 0, len(rules))
	for _, r := range rules {
		out = append(out, ruleJSON{
			Name: r.Name, Severity: r.Severity.String(), Summary: r.Summary, Why: r.Why, Bad: r.Bad, Good: r.Good,
			Languages: r.SupportedLanguages(), Since: r.Since, Fix: r.FixSafety.String(),
			URL: analysis.RuleDocsURL(analysis.DefaultDocsBase, r.Name),
		})
	}
	enc := json.NewEncoder(stdout)
	enc.SetIndent("", "  ")
	if err := enc.Encode(out); err != nil {
		fmt.Fprintf(stderr, "httpcodes: rules: %v\n", err)
		return exitError
	}
	return exitOK
}

// ruleMatrix is the rule × language table, in Markdown: the README holds
// it as printed here, and a test keeps the two the same.
func ruleMatrix() string {
	langs := analysis.Languages()
	var b strings.Builder
	b.WriteString("| rule |")
	for _, l := range langs {
		b.WriteString(" " + l + " |")
	}
	b.WriteString("\n|---|")
	for range langs {
		b.WriteString(":-:|")
	}
	b.WriteString("\n")
	for _, r := range analysis.Rules() {
		b.WriteString("| `" + r.Name + "` |")
		for _, l := range langs {
			if r.Supports(l) {
				b.WriteString(" ✓ |")
			} else {
				b.WriteString("   |")
			}
		}
		b.WriteString("\n")
	}
	return b.String()
}

func indent(code string) string {
	return "  " + strings.ReplaceAll(code, "\n", "\n  ")
}

func upperFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
