package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/httpcodes/httpcodes/analysis"
)

// githubPrinter writes GitHub Actions workflow commands, which the runner
// turns into annotations on the pull request:
// ::warning file=api.go,line=12,col=3,endLine=12,endColumn=9,title=httpcodes (rule)::message
type githubPrinter struct{}

var githubLevels = map[analysis.Severity]string{
	analysis.Error: "error", analysis.Warning: "warning", analysis.Info: "notice", analysis.Hint: "notice",
}

func (githubPrinter) print(w io.Writer, findings []reportedFinding, _ int) error {
	for _, f := range findings {
		_, err := fmt.Fprintf(w, "::%s file=%s,line=%d,col=%d,endLine=%d,endColumn=%d,title=%s::%s\n",
			githubLevels[f.Severity], githubProperty(f.file), f.line, f.col, f.endLine, f.endCol,
			githubProperty("httpcodes ("+f.Rule+")"), githubData(f.Message))
		if err != nil {
			return err
		}
	}
	return nil
}

// githubData escapes a command's message as the Actions runner expects.
func githubData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

// githubProperty escapes a property value, where ":" and "," also delimit.
func githubProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}
