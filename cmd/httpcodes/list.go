package main

import (
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"github.com/httpcodes/httpcodes/codes"
)

func newListCmd(stdout, stderr io.Writer) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "list",
		Short: "List every status code in the data set",
		Long:  "List prints every status code httpcodes knows, one a line: the IANA registry's, the retired ones and the vendors' own.",
		Example: `  httpcodes list
  httpcodes list --json | jq '.[] | select(.code >= 500) | .title'`,
		ValidArgsFunction: cobra.NoFileCompletions,
		RunE: func(_ *cobra.Command, args []string) error {
			if len(args) > 0 {
				return usagef("list takes no arguments (got %q); use \"httpcodes explain %s\" for one code", args[0], args[0])
			}
			return status(runList(asJSON, stdout, stderr))
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print every code's page as a JSON array")
	return cmd
}

func runList(asJSON bool, stdout, stderr io.Writer) int {
	all := codes.Default().All()
	if asJSON {
		out := make([]codeJSON, len(all))
		for i, c := range all {
			out[i] = toJSON(c)
		}
		if err := writeJSON(stdout, out); err != nil {
			fmt.Fprintf(stderr, "httpcodes: %v\n", err)
			return exitError
		}
		return exitOK
	}
	for _, c := range all {
		note := ""
		switch {
		case c.Retired != "":
			note = "  (retired)"
		case c.Registration == codes.Unofficial:
			note = "  (" + c.Vendor + ")"
		}
		fmt.Fprintf(stdout, "%d  %s%s\n", c.Number, c.Title, note)
	}
	return exitOK
}
