package main

import (
	"encoding/xml"
	"io"

	"github.com/httpcodes/httpcodes/analysis"
)

// checkstylePrinter writes Checkstyle's XML, which Jenkins' Warnings
// plugin, reviewdog and many review tools read: a <file> per file with
// findings, an <error> per finding.
type checkstylePrinter struct{}

type checkstyleReport struct {
	XMLName xml.Name         `xml:"checkstyle"`
	Version string           `xml:"version,attr"`
	Files   []checkstyleFile `xml:"file"`
}

type checkstyleFile struct {
	Name   string            `xml:"name,attr"`
	Errors []checkstyleError `xml:"error"`
}

type checkstyleError struct {
	Line     int    `xml:"line,attr"`
	Column   int    `xml:"column,attr"`
	Severity string `xml:"severity,attr"`
	Message  string `xml:"message,attr"`
	Source   string `xml:"source,attr"`
}

// checkstyleSeverities are Checkstyle's: error, warning, info, ignore.
var checkstyleSeverities = map[analysis.Severity]string{
	analysis.Error: "error", analysis.Warning: "warning", analysis.Info: "info", analysis.Hint: "info",
}

func (checkstylePrinter) print(w io.Writer, findings []reportedFinding, _ int) error {
	out := checkstyleReport{Version: "4.3"}
	index := map[string]int{}
	for _, f := range findings {
		i, ok := index[f.file]
		if !ok {
			i = len(out.Files)
			index[f.file] = i
			out.Files = append(out.Files, checkstyleFile{Name: f.file})
		}
		out.Files[i].Errors = append(out.Files[i].Errors, checkstyleError{
			Line: f.line, Column: f.col, Severity: checkstyleSeverities[f.Severity],
			Message: f.Message, Source: "httpcodes." + f.Rule,
		})
	}
	return writeXML(w, out)
}
