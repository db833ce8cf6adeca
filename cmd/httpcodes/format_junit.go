package main

import (
	"encoding/xml"
	"fmt"
	"io"
)

// junitPrinter writes JUnit XML, which Jenkins, GitLab, Azure Pipelines
// and CircleCI show as test results: a test suite per file with findings,
// a failing test case per finding, named by its rule and position.
type junitPrinter struct{}

type junitSuites struct {
	XMLName  xml.Name     `xml:"testsuites"`
	Name     string       `xml:"name,attr"`
	Tests    int          `xml:"tests,attr"`
	Failures int          `xml:"failures,attr"`
	Suites   []junitSuite `xml:"testsuite"`
}

type junitSuite struct {
	Name     string      `xml:"name,attr"`
	Tests    int         `xml:"tests,attr"`
	Failures int         `xml:"failures,attr"`
	Cases    []junitCase `xml:"testcase"`
}

type junitCase struct {
	Name      string       `xml:"name,attr"`
	ClassName string       `xml:"classname,attr"`
	File      string       `xml:"file,attr"`
	Line      int          `xml:"line,attr"`
	Failure   junitFailure `xml:"failure"`
}

type junitFailure struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr"`
	Text    string `xml:",chardata"`
}

func (junitPrinter) print(w io.Writer, findings []reportedFinding, _ int) error {
	out := junitSuites{Name: "httpcodes", Tests: len(findings), Failures: len(findings)}
	index := map[string]int{}
	for _, f := range findings {
		i, ok := index[f.file]
		if !ok {
			i = len(out.Suites)
			index[f.file] = i
			out.Suites = append(out.Suites, junitSuite{Name: f.file})
		}
		s := &out.Suites[i]
		s.Tests++
		s.Failures++
		s.Cases = append(s.Cases, junitCase{
			Name:      fmt.Sprintf("%s:%d:%d %s", f.file, f.line, f.col, f.Rule),
			ClassName: f.Rule,
			File:      f.file,
			Line:      f.line,
			Failure: junitFailure{
				Message: f.Message,
				Type:    f.Severity.String(),
				Text:    fmt.Sprintf("%s:%d:%d: %s: %s [%s]", f.file, f.line, f.col, f.Severity, f.Message, f.Rule),
			},
		})
	}
	return writeXML(w, out)
}
