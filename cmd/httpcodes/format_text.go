package main

import (
	"fmt"
	"io"
)

// textPrinter writes one line per finding, as go vet does:
// file:line:col: severity: message [rule].
type textPrinter struct{}

func (textPrinter) print(w io.Writer, findings []reportedFinding, _ int) error {
	for _, f := range findings {
		if _, err := fmt.Fprintf(w, "%s:%d:%d: %s: %s [%s]\n", f.file, f.line, f.col, f.Severity, f.Message, f.Rule); err != nil {
			return err
		}
	}
	return nil
}
