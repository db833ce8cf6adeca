package lex

import (
	"bytes"
)

// isGenerated reports whether src has the line Go's convention marks
// generated files with: "// Code generated … DO NOT EDIT.".
func IsGenerated(src []byte) bool {
	for rest := src; ; {
		i := bytes.Index(rest, []byte("// Code generated "))
		if i < 0 {
			return false
		}
		if i == 0 || rest[i-1] == '\n' {
			line := rest[i:]
			if end := bytes.IndexByte(line, '\n'); end >= 0 {
				line = line[:end]
			}
			if bytes.HasSuffix(bytes.TrimRight(line, "\r"), []byte(" DO NOT EDIT.")) {
				return true
			}
		}
		rest = rest[i+1:]
	}
}
