package main

import (
	"fmt"
	"io"
	"runtime/debug"
	"strings"

	"github.com/spf13/cobra"
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

func newVersionCmd(stdout io.Writer) *cobra.Command {
	return &cobra.Command{
		Use:               "version",
		Short:             "Print the version",
		Long:              "Version prints the version, the commit it was built from, the platform and the Go release (as --version does).",
		Example:           "  httpcodes version\n  httpcodes --version",
		Args:              cobra.NoArgs,
		ValidArgsFunction: cobra.NoFileCompletions,
		RunE: func(*cobra.Command, []string) error {
			fmt.Fprintf(stdout, "httpcodes %s\n", versionLine())
			return nil
		},
	}
}
