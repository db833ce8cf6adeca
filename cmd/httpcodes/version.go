package main

import (
	"flag"
	"fmt"
	"io"
	"runtime"
	"runtime/debug"
	"strings"
)

// version is the version of this source tree, with -dev; a release build
// stamps the tag instead (GoReleaser: -ldflags "-X main.version=v1.2.3"),
// and go install …@v1.2.3 reports the module's version through the build
// info. commit is stamped by release builds too, for builds made where the
// build info has no VCS revision (-buildvcs=false).
var (
	version = "v0.1.0-dev"
	commit  = ""
)

func buildVersion() string {
	v := version
	stamped := !strings.HasSuffix(version, "-dev")
	revision := commit
	if info, ok := debug.ReadBuildInfo(); ok {
		if mv := info.Main.Version; !stamped && mv != "" && mv != "(devel)" {
			v = mv
		}
		for _, s := range info.Settings {
			if s.Key == "vcs.revision" && revision == "" {
				revision = s.Value
			}
		}
	}
	if len(revision) >= 12 {
		v += " (" + revision[:12] + ")"
	}
	return v
}

func runVersion(args []string, _ io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("version", flag.ContinueOnError)
	fs.SetOutput(stderr)
	if err := fs.Parse(args); err != nil {
		return flagExit(err)
	}
	fmt.Fprintf(stdout, "httpcodes %s %s/%s %s\n", buildVersion(), runtime.GOOS, runtime.GOARCH, runtime.Version())
	return exitOK
}

// flagExit maps a flag parsing error to an exit status: --help is a success.
func flagExit(err error) int {
	if err == flag.ErrHelp {
		return exitOK
	}
	return exitError
}
