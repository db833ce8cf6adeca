package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/httpcodes/httpcodes/analysis"
)

// runLanguages lists the languages the analysis reads, with the names
// files and editors give them: what an editor integration must list.
func newLanguagesCmd(stdout, stderr io.Writer) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "languages",
		Short: "List the languages read, with their extensions and editor ids",
		Long:  "Languages lists the languages the analysis reads, with the names files and editors give them: what an editor integration must list.",
		Example: `  httpcodes languages
  httpcodes languages --json`,
		Args:              cobra.NoArgs,
		ValidArgsFunction: cobra.NoFileCompletions,
		RunE: func(*cobra.Command, []string) error {
			return status(runLanguages(asJSON, stdout, stderr))
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the languages as JSON: extensions, LSP language ids, Vim filetypes, Helix names")
	return cmd
}

func runLanguages(asJSON bool, stdout, stderr io.Writer) int {
	infos := analysis.LanguageInfos()
	if asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(infos); err != nil {
			fmt.Fprintf(stderr, "httpcodes: languages: %v\n", err)
			return exitError
		}
		return exitOK
	}
	fmt.Fprintf(stdout, "%-11s %-32s %s\n", "LANGUAGE", "EXTENSIONS", "EDITOR LANGUAGE IDS")
	for _, l := range infos {
		fmt.Fprintf(stdout, "%-11s %-32s %s\n", l.Name, strings.Join(l.Extensions, " "), strings.Join(l.LSPIDs, " "))
	}
	return exitOK
}
