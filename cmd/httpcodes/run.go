package main

import (
	"fmt"
	"io"
)

// Exit statuses, as docs/DESIGN.md fixes them for check and every other command.
const (
	exitOK       = 0
	exitFindings = 1
	exitError    = 2
)

const usage = `httpcodes explains HTTP status codes in your editor and in CI.

Usage:
  httpcodes serve                   language server on stdin/stdout (also accepts --stdio)
  httpcodes check [flags] [path…]   check source files for misused status codes
  httpcodes explain <code|name>     show a status code's page (207, StatusMultiStatus, "teapot")
  httpcodes list [--json]           list every status code in the data set
  httpcodes rules [rule]            list the rules, or show one rule's documentation
  httpcodes languages [--json]      list the languages read, with their extensions and editor ids
  httpcodes site --out DIR          the explainer site as static files (--serve ADDR to preview)
  httpcodes version                 print the version

Run "httpcodes <command> --help" for a command's flags.
`

// command is one subcommand: it reads its arguments and returns an exit status.
type command func(args []string, stdin io.Reader, stdout, stderr io.Writer) int

func commands() map[string]command {
	return map[string]command{
		"serve":     runServe,
		"check":     runCheck,
		"explain":   runExplain,
		"list":      runList,
		"rules":     runRules,
		"languages": runLanguages,
		"site":      runSite,
		"version":   runVersion,
	}
}

// run is the whole program, minus the process: tests call it in-process.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return exitError
	}
	switch args[0] {
	case "help", "-h", "--help", "-help":
		fmt.Fprint(stdout, usage)
		return exitOK
	}
	cmd, ok := commands()[args[0]]
	if !ok {
		fmt.Fprintf(stderr, "httpcodes: unknown command %q\n\n%s", args[0], usage)
		return exitError
	}
	return cmd(args[1:], stdin, stdout, stderr)
}
