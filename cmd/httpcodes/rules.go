package main

import (
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/httpcodes/httpcodes/analysis"
)

func runRules(args []string, _ io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("rules", flag.ContinueOnError)
	fs.SetOutput(stderr)
	if err := fs.Parse(args); err != nil {
		return flagExit(err)
	}
	if fs.NArg() == 0 {
		for _, r := range analysis.Rules() {
			fmt.Fprintf(stdout, "%-24s %-8s %s\n", r.Name, r.Severity, r.Summary)
		}
		return exitOK
	}
	r, ok := analysis.RuleByName(fs.Arg(0))
	if !ok {
		var names []string
		for _, r := range analysis.Rules() {
			names = append(names, r.Name)
		}
		fmt.Fprintf(stderr, "httpcodes: no rule is named %q; the rules are: %s\n", fs.Arg(0), strings.Join(names, ", "))
		return exitError
	}
	fmt.Fprintf(stdout, "%s (default severity: %s)\n\n%s.\n\nWHY\n  %s\n\nBAD\n%s\n\nGOOD\n%s\n\nSILENCE IT\n  on one line:  //httpcodes:ignore %s\n",
		r.Name, r.Severity, upperFirst(r.Summary), r.Why, indent(r.Bad), indent(r.Good), r.Name)
	return exitOK
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
