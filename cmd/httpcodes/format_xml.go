package main

import (
	"encoding/xml"
	"io"
)

// writeXML writes v as an indented XML document with its header and a
// final newline: the shape the XML report formats (junit, checkstyle) share.
func writeXML(w io.Writer, v any) error {
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(v); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}
