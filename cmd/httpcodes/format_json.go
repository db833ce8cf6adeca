package main

import "io"

// jsonPrinter writes the object docs/DESIGN.md fixes:
// {"findings": [...], "filesChecked": N}.
type jsonPrinter struct{}

type jsonReport struct {
	Findings     []jsonFinding `json:"findings"`
	FilesChecked int           `json:"filesChecked"`
}

type jsonFinding struct {
	File      string   `json:"file"`
	Line      int      `json:"line"`
	Column    int      `json:"column"`
	EndLine   int      `json:"endLine"`
	EndColumn int      `json:"endColumn"`
	Rule      string   `json:"rule"`
	Severity  string   `json:"severity"`
	Status    int      `json:"status"`
	Message   string   `json:"message"`
	Fix       *jsonFix `json:"fix,omitempty"`
}

type jsonFix struct {
	Title string     `json:"title"`
	Edits []jsonEdit `json:"edits"`
}

// jsonEdit locates an edit both ways: by 1-based line and byte column, and
// by byte offset and length, so tools can apply it without a line index.
type jsonEdit struct {
	Line      int    `json:"line"`
	Column    int    `json:"column"`
	EndLine   int    `json:"endLine"`
	EndColumn int    `json:"endColumn"`
	Offset    int    `json:"offset"`
	Length    int    `json:"length"`
	NewText   string `json:"newText"`
}

func (jsonPrinter) print(w io.Writer, findings []reportedFinding, filesChecked int) error {
	out := jsonReport{Findings: []jsonFinding{}, FilesChecked: filesChecked}
	for _, f := range findings {
		jf := jsonFinding{
			File: f.file, Line: f.line, Column: f.col, EndLine: f.endLine, EndColumn: f.endCol,
			Rule: f.Rule, Severity: f.Severity.String(), Status: f.Code, Message: f.Message,
		}
		if f.Fix != nil {
			jf.Fix = &jsonFix{Title: f.Fix.Title, Edits: []jsonEdit{}}
			for _, e := range f.edits {
				jf.Fix.Edits = append(jf.Fix.Edits, jsonEdit{
					Line: e.line, Column: e.col, EndLine: e.endLine, EndColumn: e.endCol,
					Offset: e.Start, Length: e.End - e.Start, NewText: e.NewText,
				})
			}
		}
		out.Findings = append(out.Findings, jf)
	}
	return writeJSON(w, out)
}
