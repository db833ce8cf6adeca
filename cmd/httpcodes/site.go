package main

import (
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"syscall"

	"github.com/spf13/cobra"

	"github.com/httpcodes/httpcodes/site"
)

func newSiteCmd(stdout, stderr io.Writer) *cobra.Command {
	var out, serve, base, configPath string
	cmd := &cobra.Command{
		Use:   "site (--out DIR | --serve ADDR)",
		Short: "Write the explainer site as static files, or preview it",
		Long: `Site builds the explainer site: a page per status code and per rule, an
index, search and a sitemap. --out writes it as static files to publish;
--serve serves it from memory for a preview.`,
		Example: `  httpcodes site --out public --base-url https://codes.example.com/
  httpcodes site --serve 127.0.0.1:8080`,
		Args:              cobra.NoArgs,
		ValidArgsFunction: cobra.NoFileCompletions,
		RunE: func(*cobra.Command, []string) error {
			if (out == "") == (serve == "") {
				return usagef("give --out DIR to write the site, or --serve ADDR to preview it")
			}
			return status(runSite(out, serve, base, configPath, stdout, stderr))
		},
	}
	cmd.Flags().StringVar(&out, "out", "", "write the site into this directory")
	cmd.Flags().StringVar(&serve, "serve", "", "serve the site from memory at this address for a preview (e.g. 127.0.0.1:8080)")
	cmd.Flags().StringVar(&base, "base-url", site.DefaultBaseURL, "the URL the site is published at, for canonical links and the sitemap")
	cmd.Flags().StringVar(&configPath, "config", "", "configuration file whose custom codes get pages too")
	_ = cmd.MarkFlagDirname("out")
	_ = cmd.MarkFlagFilename("config", "yaml", "yml")
	return cmd
}

func runSite(out, serve, base, configPath string, stdout, stderr io.Writer) int {
	cfg, err := loadConfig(configPath, ".")
	if err != nil {
		fmt.Fprintf(stderr, "httpcodes: %v\n", err)
		return exitError
	}
	files, err := site.Build(site.Options{BaseURL: base, Codes: cfg.CodeSet()})
	if err != nil {
		fmt.Fprintf(stderr, "httpcodes: site: %v\n", err)
		return exitError
	}
	if out != "" {
		if err := site.Write(out, files); err != nil {
			fmt.Fprintf(stderr, "httpcodes: site: %v\n", err)
			return exitError
		}
		fmt.Fprintf(stderr, "httpcodes: wrote %d files to %s\n", len(files), out)
		return exitOK
	}
	addr := loopbackByDefault(serve)
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		if errors.Is(err, syscall.EADDRINUSE) {
			fmt.Fprintf(stderr, "httpcodes: site: %s is already in use; choose another address with --serve, e.g. 127.0.0.1:8081\n", addr)
		} else {
			fmt.Fprintf(stderr, "httpcodes: site: cannot listen on %s: %v\n", addr, err)
		}
		return exitError
	}
	fmt.Fprintf(stdout, "httpcodes: serving the site at http://%s/ (Ctrl-C to stop)\n", ln.Addr())
	if err := site.Server(files).Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
		fmt.Fprintf(stderr, "httpcodes: site: %v\n", err)
		return exitError
	}
	return exitOK
}

// loopbackByDefault binds an address without a host (":8080", "8080") to
// 127.0.0.1: a preview is not published to the network unless asked.
func loopbackByDefault(addr string) string {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return net.JoinHostPort("127.0.0.1", addr)
	}
	if host == "" {
		return net.JoinHostPort("127.0.0.1", port)
	}
	return addr
}
