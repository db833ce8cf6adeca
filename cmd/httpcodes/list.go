package main

import (
	"flag"
	"fmt"
	"io"

	"github.com/httpcodes/httpcodes/codes"
)

func runList(args []string, _ io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("list", flag.ContinueOnError)
	fs.SetOutput(stderr)
	asJSON := fs.Bool("json", false, "print every code's page as a JSON array")
	if err := fs.Parse(args); err != nil {
		return flagExit(err)
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "httpcodes: list takes no arguments (got %q); use \"httpcodes explain %s\" for one code\n", fs.Arg(0), fs.Arg(0))
		return exitError
	}
	all := codes.Default().All()
	if *asJSON {
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
