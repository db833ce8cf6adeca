package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"syscall"

	"github.com/httpcodes/httpcodes/site"
)

func runSite(args []string, _ io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("site", flag.ContinueOnError)
	fs.SetOutput(stderr)
	out := fs.String("out", "", "write the site into this directory")
	serve := fs.String("serve", "", "serve the site from memory at this address for a preview (e.g. 127.0.0.1:8080)")
	base := fs.String("base-url", site.DefaultBaseURL, "the URL the site is published at, for canonical links and the sitemap")
	configPath := fs.String("config", "", "configuration file whose custom codes get pages too")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: httpcodes site --out DIR [--base-url URL] [--config FILE]\n       httpcodes site --serve 127.0.0.1:8080\n\nflags:")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return flagExit(err)
	}
	if (*out == "") == (*serve == "") {
		fmt.Fprintln(stderr, "httpcodes: site: give --out DIR to write the site, or --serve ADDR to preview it")
		return exitError
	}
	cfg, err := loadConfig(*configPath, ".")
	if err != nil {
		fmt.Fprintf(stderr, "httpcodes: %v\n", err)
		return exitError
	}
	files, err := site.Build(site.Options{BaseURL: *base, Codes: cfg.CodeSet()})
	if err != nil {
		fmt.Fprintf(stderr, "httpcodes: site: %v\n", err)
		return exitError
	}
	if *out != "" {
		if err := site.Write(*out, files); err != nil {
			fmt.Fprintf(stderr, "httpcodes: site: %v\n", err)
			return exitError
		}
		fmt.Fprintf(stderr, "httpcodes: wrote %d files to %s\n", len(files), *out)
		return exitOK
	}
	addr := loopbackByDefault(*serve)
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
