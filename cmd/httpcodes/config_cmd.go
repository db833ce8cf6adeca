package main

import (
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"github.com/httpcodes/httpcodes/config"
)

// newConfigCmd is `httpcodes config`, the commands about .httpcodes.yaml.
func newConfigCmd(stdout, stderr io.Writer) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "config",
		Short: "Validate the configuration file",
		Long: `Config works on the configuration file, ` + config.FileName + `: rule severities,
excluded paths, the languages to check, how test code is checked and the
project's own status codes.`,
		Example: "  httpcodes config check\n  httpcodes config check ci/.httpcodes.yaml",
		Args:    cobra.NoArgs,
	}
	cmd.AddCommand(&cobra.Command{
		Use:   "check [file]",
		Short: "Validate a configuration file and explain each error",
		Long: `Config check reads a configuration file (the one named, or the
` + config.FileName + ` found from the working directory upward) and says what
is wrong with it: the file, the line and what to write instead.
Exit status: 0 valid, 1 invalid, 2 no file.`,
		Example: "  httpcodes config check\n  httpcodes config check legacy/.httpcodes.yaml",
		Args:    cobra.MaximumNArgs(1),
		ValidArgsFunction: func(*cobra.Command, []string, string) ([]cobra.Completion, cobra.ShellCompDirective) {
			return []cobra.Completion{"yaml", "yml"}, cobra.ShellCompDirectiveFilterFileExt
		},
		RunE: func(_ *cobra.Command, args []string) error {
			path := ""
			if len(args) > 0 {
				path = args[0]
			} else if path = config.Find("."); path == "" {
				fmt.Fprintf(stderr, "httpcodes: config check: no %s here or in a parent directory; name the file to check\n", config.FileName)
				return exitStatus(exitError)
			}
			if _, err := config.Load(path); err != nil {
				fmt.Fprintf(stderr, "httpcodes: %v\n", err)
				return exitStatus(exitFindings)
			}
			fmt.Fprintf(stdout, "%s: valid\n", path)
			return nil
		},
	})
	return cmd
}
