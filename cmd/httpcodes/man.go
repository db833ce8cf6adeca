package main

import (
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra"
	"github.com/spf13/cobra/doc"
)

// newManCmd is `httpcodes man --out DIR`: the man pages, one per command
// (httpcodes.1, httpcodes-check.1, …), made from the same help text that
// --help prints, for packagers to install under man1.
func newManCmd(stderr io.Writer) *cobra.Command {
	var out string
	cmd := &cobra.Command{
		Use:   "man --out DIR",
		Short: "Write the man pages into a directory",
		Long: `Man writes a man page for httpcodes and one for each of its commands
(httpcodes.1, httpcodes-check.1, …) into a directory, from the help text that
--help prints. Packagers install them under share/man/man1.`,
		Example: `  httpcodes man --out /usr/local/share/man/man1
  man -l man/httpcodes-check.1`,
		Args:              cobra.NoArgs,
		ValidArgsFunction: cobra.NoFileCompletions,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if out == "" {
				return usagef("give --out DIR, the directory to write the pages into")
			}
			if err := os.MkdirAll(out, 0o755); err != nil {
				fmt.Fprintf(stderr, "httpcodes: man: %v\n", err)
				return exitStatus(exitError)
			}
			root := cmd.Root()
			root.DisableAutoGenTag = true
			header := &doc.GenManHeader{Title: "HTTPCODES", Section: "1", Source: "httpcodes " + version, Manual: "httpcodes manual"}
			if err := doc.GenManTree(root, header, out); err != nil {
				fmt.Fprintf(stderr, "httpcodes: man: %v\n", err)
				return exitStatus(exitError)
			}
			fmt.Fprintf(stderr, "httpcodes: wrote the man pages to %s\n", out)
			return nil
		},
	}
	cmd.Flags().StringVar(&out, "out", "", "the directory to write the pages into (made if missing)")
	_ = cmd.MarkFlagDirname("out")
	return cmd
}
