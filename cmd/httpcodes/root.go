package main

import (
	"fmt"
	"io"
	"runtime"

	"github.com/spf13/cobra"

	"github.com/httpcodes/httpcodes/internal/suggest"
)

// newRootCmd builds the command tree over the given streams: one cobra
// command per subcommand, each in its own file.
func newRootCmd(stdin io.Reader, stdout, stderr io.Writer) *cobra.Command {
	root := &cobra.Command{
		Use:   "httpcodes",
		Short: "Explains HTTP status codes in your editor and in CI",
		Long: `httpcodes explains HTTP status codes in your editor and in CI: it finds
status codes in source files, serves hover docs and diagnostics over the
Language Server Protocol, and checks code for misused statuses.

Exit status: 0 clean, 1 findings (check), 2 usage or I/O error.`,
		Example: `  httpcodes check                      # the current directory, as in CI
  httpcodes check --new-from-merge-base origin/main
  httpcodes explain 422
  httpcodes rules redirect-status`,
		Version:           versionLine(),
		SilenceErrors:     true,
		SilenceUsage:      true,
		CompletionOptions: cobra.CompletionOptions{HiddenDefaultCmd: false},
		Args:              cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			// Without a command: the help, as a usage error (run prints it).
			return usagef("no command given")
		},
	}
	// No argument at all is told apart in run; one unknown word is an
	// unknown command with suggestions.
	root.Args = func(cmd *cobra.Command, args []string) error {
		if len(args) > 0 {
			return unknownCommand(cmd, args[0])
		}
		return nil
	}
	root.SetVersionTemplate("httpcodes {{.Version}}\n")
	root.SetIn(stdin)
	root.SetOut(stdout)
	root.SetErr(stderr)
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return usageError{msg: err.Error()} })
	root.AddCommand(
		newServeCmd(stdin, stdout, stderr),
		newCheckCmd(stdin, stdout, stderr),
		newExplainCmd(stdout, stderr),
		newListCmd(stdout, stderr),
		newRulesCmd(stdout, stderr),
		newLanguagesCmd(stdout, stderr),
		newConfigCmd(stdout, stderr),
		newSiteCmd(stdout, stderr),
		newVersionCmd(stdout),
		newManCmd(stderr),
	)
	root.SetHelpCommand(newHelpCmd(stdout))
	return root
}

// unknownCommand is the error for a word that names no command, with the
// commands it is nearest to.
func unknownCommand(root *cobra.Command, name string) error {
	var names []string
	for _, c := range root.Commands() {
		if c.IsAvailableCommand() || c.Name() == "help" {
			names = append(names, c.Name())
		}
	}
	return usagef("unknown command %q%s", name, suggest.Phrase(name, names))
}

// newHelpCmd is `httpcodes help [command]`: a command's full help on
// stdout, exit 0; an unknown command is a usage error with suggestions.
func newHelpCmd(stdout io.Writer) *cobra.Command {
	return &cobra.Command{
		Use:   "help [command]",
		Short: "Help about any command",
		Long:  "Help prints the full help of a command, with its flags and examples.",
		Example: `  httpcodes help check
  httpcodes help config check`,
		ValidArgsFunction: func(cmd *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
			c, _, err := cmd.Root().Find(args)
			if err != nil {
				return nil, cobra.ShellCompDirectiveNoFileComp
			}
			var out []cobra.Completion
			for _, sub := range c.Commands() {
				if sub.IsAvailableCommand() {
					out = append(out, cobra.CompletionWithDesc(sub.Name(), sub.Short))
				}
			}
			return out, cobra.ShellCompDirectiveNoFileComp
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			root := cmd.Root()
			target, rest, err := root.Find(args)
			if err != nil || len(rest) > 0 {
				parent := root
				if target != nil {
					parent = target
				}
				name := args[len(args)-1]
				if len(rest) > 0 {
					name = rest[0]
				}
				return unknownCommand(parent, name)
			}
			// The same text as `command --help`, whose flag cobra adds
			// only when the command runs.
			target.InitDefaultHelpFlag()
			target.SetOut(stdout)
			return target.Help()
		},
	}
}

// versionLine is what version and --version print after "httpcodes ".
func versionLine() string {
	return fmt.Sprintf("%s %s/%s %s", buildVersion(), runtime.GOOS, runtime.GOARCH, runtime.Version())
}
