package main

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"strconv"

	"github.com/httpcodes/httpcodes/analysis"
)

// gitlabPrinter writes GitLab's Code Quality report: a JSON array of
// issues, each with a fingerprint GitLab uses to tell a new finding from
// one the target branch already has. The fingerprint hashes the rule, the
// path and the text of the finding's line, not its number, so a finding
// keeps it when lines above it are added or removed.
type gitlabPrinter struct{}

type gitlabIssue struct {
	Description string         `json:"description"`
	CheckName   string         `json:"check_name"`
	Fingerprint string         `json:"fingerprint"`
	Severity    string         `json:"severity"`
	Location    gitlabLocation `json:"location"`
}

type gitlabLocation struct {
	Path  string      `json:"path"`
	Lines gitlabLines `json:"lines"`
}

type gitlabLines struct {
	Begin int `json:"begin"`
	End   int `json:"end"`
}

// gitlabSeverities maps ours to Code Quality's: info, minor, major,
// critical, blocker.
var gitlabSeverities = map[analysis.Severity]string{
	analysis.Error: "critical", analysis.Warning: "major", analysis.Info: "minor", analysis.Hint: "info",
}

func (gitlabPrinter) print(w io.Writer, findings []reportedFinding, _ int) error {
	issues := make([]gitlabIssue, 0, len(findings))
	// Two findings of a rule on lines of the same text in a file are
	// told apart by their order, which also survives lines moving.
	seen := map[string]int{}
	for _, f := range findings {
		key := f.Rule + "\x00" + f.file + "\x00" + f.lineText
		n := seen[key]
		seen[key]++
		sum := sha256.Sum256([]byte(key + "\x00" + strconv.Itoa(n)))
		issues = append(issues, gitlabIssue{
			Description: f.Message,
			CheckName:   f.Rule,
			Fingerprint: hex.EncodeToString(sum[:16]),
			Severity:    gitlabSeverities[f.Severity],
			Location:    gitlabLocation{Path: f.file, Lines: gitlabLines{Begin: f.line, End: f.endLine}},
		})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(issues)
}
