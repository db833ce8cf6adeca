package config

import (
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// errorForm is the form of every error Parse returns: the file, a line and
// what is wrong.
var errorForm = regexp.MustCompile(`^\.httpcodes\.yaml:[1-9][0-9]*: \S`)

// FuzzParse checks that Parse never panics and that every error it returns
// names a line within the file.
func FuzzParse(f *testing.F) {
	for _, seed := range []string{
		good, "", "---\n", "rules: {}\n---\nrules: {}\n", "exclude: [*a]\n", "a: b\nc: x\x01y\n",
		"rules:\n  x: y\n  x: z\n", "\xff\xfer\x00:\x00", "exclude: [[[[[]]]]]\n", "codes:\n  - code: 404\n    title: A\n",
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		_, err := Parse(FileName, "/repo", src)
		if err == nil {
			return
		}
		if !errorForm.MatchString(err.Error()) {
			t.Fatalf("Parse(%q): %q is not FILE:LINE: message", src, err)
		}
		line, _ := strconv.Atoi(strings.SplitN(err.Error(), ":", 3)[1])
		if line > lineCount(src) {
			t.Fatalf("Parse(%q): line %d is past the file's %d lines", src, line, lineCount(src))
		}
	})
}

// lineCount is the number of lines of src as an editor shows them, counting
// a line after a final line break, which the YAML library may name for a
// mistake at the end of the file.
func lineCount(src []byte) int {
	if text, err := utf8Text(FileName, src); err == nil {
		src = text
	}
	return len(lineEnds(src)) + 1
}
