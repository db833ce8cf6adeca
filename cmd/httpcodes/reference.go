package main

import (
	"bytes"
	"strings"

	"github.com/spf13/cobra"
)

// commandReference is docs/cli.md: the help of every command, as --help
// prints it, in the order of the tree. A test keeps the file current, so
// the reference the README links is the help text itself.
func commandReference(root *cobra.Command) string {
	// help and completion join the tree when it runs.
	root.InitDefaultHelpCmd()
	root.InitDefaultCompletionCmd()
	var b strings.Builder
	b.WriteString("# Command reference\n\n" +
		"<!-- Generated from the commands' help by `go test ./cmd/httpcodes -run TestCommandReference -update`; do not edit. -->\n\n" +
		"Each section is what `httpcodes <command> --help` prints.\n")
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		c.InitDefaultHelpFlag()
		var help bytes.Buffer
		c.SetOut(&help)
		_ = c.Help()
		b.WriteString("\n## " + c.CommandPath() + "\n\n```text\n" + strings.TrimRight(help.String(), "\n") + "\n```\n")
		for _, sub := range c.Commands() {
			if sub.IsAvailableCommand() || sub.Name() == "help" {
				walk(sub)
			}
		}
	}
	walk(root)
	return b.String()
}
