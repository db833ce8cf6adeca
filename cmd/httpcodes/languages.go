package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/httpcodes/httpcodes/analysis"
)

// runLanguages lists the languages the analysis reads, with the names
// files and editors give them: what an editor integration must list.
func runLanguages(args []string, _ io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("languages", flag.ContinueOnError)
	fs.SetOutput(stderr)
	asJSON := fs.Bool("json", false, "print the languages as JSON: extensions, LSP language ids, Vim filetypes, Helix names")
	if err := fs.Parse(args); err != nil {
		return flagExit(err)
	}
	infos := analysis.LanguageInfos()
	if *asJSON {
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
