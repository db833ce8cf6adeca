package main

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/httpcodes/httpcodes/codes"
	"github.com/httpcodes/httpcodes/config"
)

func newExplainCmd(stdout, stderr io.Writer) *cobra.Command {
	var asJSON bool
	var configPath string
	cmd := &cobra.Command{
		Use:   "explain <code|name>",
		Short: "Show a status code's page",
		Long: `Explain shows a status code's page: what it means, when to use it and when
not to, its source, and its constant in each ecosystem. A code is named by its
number, by a constant of any ecosystem, or by words of its title.`,
		Example: `  httpcodes explain 207
  httpcodes explain StatusMultiStatus
  httpcodes explain http.StatusTeapot
  httpcodes explain HTTP_404_NOT_FOUND
  httpcodes explain too many
  httpcodes explain 422 --json`,
		ValidArgsFunction: func(*cobra.Command, []string, string) ([]cobra.Completion, cobra.ShellCompDirective) {
			var out []cobra.Completion
			for _, c := range codes.Default().All() {
				out = append(out, cobra.CompletionWithDesc(strconv.Itoa(c.Number), c.Title))
			}
			return out, cobra.ShellCompDirectiveNoFileComp
		},
		RunE: func(_ *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usagef("name a code: a number (207), a constant (StatusMultiStatus) or words of its title (teapot)")
			}
			return status(runExplain(strings.Join(args, " "), asJSON, configPath, stdout, stderr))
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the page as JSON")
	cmd.Flags().StringVar(&configPath, "config", "", "configuration file with the project's own codes (default: "+config.FileName+" found from here upward)")
	return cmd
}

func runExplain(query string, asJSON bool, configPath string, stdout, stderr io.Writer) int {
	cfg, err := loadConfig(configPath, ".")
	if err != nil {
		fmt.Fprintf(stderr, "httpcodes: %v\n", err)
		return exitError
	}
	c, err := resolve(cfg.CodeSet(), query)
	if err != nil {
		fmt.Fprintf(stderr, "httpcodes: %v\n", err)
		return exitError
	}
	if asJSON {
		if err := writeJSON(stdout, toJSON(c)); err != nil {
			fmt.Fprintf(stderr, "httpcodes: %v\n", err)
			return exitError
		}
		return exitOK
	}
	writePage(stdout, c)
	return exitOK
}

// resolve finds the one code a query names: a number, a constant name of any
// ecosystem, or words of a title. When there is none, or several, the error
// lists what the user may have meant.
func resolve(set *codes.Set, query string) (*codes.Code, error) {
	query = strings.TrimSpace(query)
	if n, err := strconv.Atoi(query); err == nil {
		if c, ok := set.Lookup(n); ok {
			return c, nil
		}
		if n < 100 || n > 999 {
			return nil, fmt.Errorf("%d is not an HTTP status code: codes are three digits, 100 to 999", n)
		}
		return nil, fmt.Errorf("%d is not defined by the IANA registry or any vendor httpcodes knows\nnearest: %s\nrun \"httpcodes list\" to see every code", n, names(set.Nearest(query, 3)))
	}
	if c, ok := set.ByName(query); ok {
		return c, nil
	}
	// The query names a code when it is the only one matched in the best
	// way the search found ("too many" is 429's title and only in 413's text).
	found := set.Find(query)
	if len(found) == 0 {
		return nil, fmt.Errorf("no status code is named %q\nnearest: %s\nrun \"httpcodes list\" to see every code", query, names(set.Nearest(query, 3)))
	}
	var best []*codes.Code
	for _, m := range found {
		if m.By == found[0].By && m.Exact == found[0].Exact {
			best = append(best, m.Code)
		}
	}
	if len(best) == 1 {
		return best[0], nil
	}
	return nil, fmt.Errorf("%q matches %d codes: %s\nname one of them by number", query, len(best), names(best))
}

func names(list []*codes.Code) string {
	s := make([]string, len(list))
	for i, c := range list {
		s[i] = c.String()
	}
	return strings.Join(s, ", ")
}

// writePage prints a code's page for a terminal: the Markdown of each section,
// indented under a heading, then the source and the constant names.
func writePage(w io.Writer, c *codes.Code) {
	fmt.Fprintf(w, "%s\n%s\n", c.String(), strings.Join(c.Tags(), " · "))
	section := func(heading, text string) {
		if strings.TrimSpace(text) == "" {
			return // a project's own code may leave sections out
		}
		fmt.Fprintf(w, "\n%s\n", strings.ToUpper(heading))
		for _, line := range strings.Split(text, "\n") {
			if line == "" {
				fmt.Fprintln(w)
				continue
			}
			fmt.Fprintf(w, "  %s\n", line)
		}
	}
	if c.Retired != "" {
		section("Retired", c.Retired)
	}
	section("Meaning", c.Meaning)
	section("When to Use", c.WhenToUse)
	section("Example", c.Example)
	section("When Not to Use", c.WhenNotToUse)
	section("Source", c.Source+"\n"+c.SourceURL)
	if len(c.Constants) > 0 {
		fmt.Fprintf(w, "\nCONSTANTS\n")
		for _, k := range c.Constants {
			note := ""
			if k.Deprecated {
				note = "  (deprecated: use " + k.Replacement + ")"
			}
			fmt.Fprintf(w, "  %-26s %s%s\n", k.Ecosystem.Label(), k.Name, note)
		}
	}
}
