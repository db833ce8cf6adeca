package config

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// This file holds what the YAML library leaves to its callers: checking the
// file's text before parsing and finding a line for the errors it reports
// without one.

// utf8Text returns the file as UTF-8 without a byte order mark, or an error
// with the line of the first character the YAML library would refuse:
// invalid UTF-8 and control characters, which it reports with no line.
// A UTF-16 file (with its byte order mark) is converted, as the library
// would read it.
func utf8Text(name string, src []byte) ([]byte, error) {
	switch {
	case bytes.HasPrefix(src, []byte{0xEF, 0xBB, 0xBF}):
		src = src[3:]
	case bytes.HasPrefix(src, []byte{0xFF, 0xFE}), bytes.HasPrefix(src, []byte{0xFE, 0xFF}):
		var err error
		if src, err = fromUTF16(name, src); err != nil {
			return nil, err
		}
	}
	for i := 0; i < len(src); {
		r, size := utf8.DecodeRune(src[i:])
		switch {
		case r == utf8.RuneError && size <= 1:
			return nil, fmt.Errorf("%s:%d: invalid UTF-8 (byte 0x%02X); save the file as UTF-8", name, lineAt(src, i), src[i])
		case !allowed(r):
			what := "character"
			if unicode.IsControl(r) {
				what = "control character"
			}
			return nil, fmt.Errorf("%s:%d: %s %U is not allowed; remove it", name, lineAt(src, i), what, r)
		}
		i += size
	}
	return src, nil
}

// allowed reports whether YAML allows r in a file: tab, line breaks and the
// printable characters.
func allowed(r rune) bool {
	switch {
	case r == '\t', r == '\n', r == '\r', r == 0x85:
		return true
	case r >= 0x20 && r <= 0x7E, r >= 0xA0 && r <= 0xD7FF, r >= 0xE000 && r <= 0xFFFD, r >= 0x10000 && r <= 0x10FFFF:
		return true
	}
	return false
}

// fromUTF16 converts a file that starts with a UTF-16 byte order mark to
// UTF-8; line breaks stay where they were, so lines keep their numbers.
func fromUTF16(name string, src []byte) ([]byte, error) {
	big := src[0] == 0xFE
	units := make([]uint16, 0, len(src)/2)
	for i := 2; i+1 < len(src); i += 2 {
		if big {
			units = append(units, uint16(src[i])<<8|uint16(src[i+1]))
		} else {
			units = append(units, uint16(src[i+1])<<8|uint16(src[i]))
		}
	}
	var out []byte
	for i := 0; i < len(units); i++ {
		u := rune(units[i])
		switch {
		case utf16.IsSurrogate(u) && u < 0xDC00 && i+1 < len(units) && utf16.DecodeRune(u, rune(units[i+1])) != utf8.RuneError:
			u = utf16.DecodeRune(u, rune(units[i+1]))
			i++
		case utf16.IsSurrogate(u):
			return nil, fmt.Errorf("%s:%d: invalid UTF-16 (a lone surrogate 0x%04X); save the file as UTF-8", name, lineAt(out, len(out)), units[i])
		}
		out = utf8.AppendRune(out, u)
	}
	if len(src)%2 != 0 {
		return nil, fmt.Errorf("%s:%d: invalid UTF-16 (an odd number of bytes); save the file as UTF-8", name, lineAt(out, len(out)))
	}
	return out, nil
}

// lineAt returns the 1-based line of the byte at offset, counting line
// breaks as the YAML library does: CR LF, CR, LF, NEL, LS and PS.
func lineAt(src []byte, offset int) int {
	line := 1
	for i := 0; i < offset && i < len(src); {
		r, size := utf8.DecodeRune(src[i:])
		switch r {
		case '\r':
			if i+1 < offset && i+1 < len(src) && src[i+1] == '\n' {
				size = 2
			}
			line++
		case '\n', 0x85, 0x2028, 0x2029:
			line++
		}
		i += size
	}
	return line
}

// lineEnds returns the offsets just past each line of src (the last line's
// end is len(src)).
func lineEnds(src []byte) []int {
	var ends []int
	for i := 0; i < len(src); {
		r, size := utf8.DecodeRune(src[i:])
		switch r {
		case '\r':
			if i+1 < len(src) && src[i+1] == '\n' {
				size = 2
			}
			ends = append(ends, i+size)
		case '\n', 0x85, 0x2028, 0x2029:
			ends = append(ends, i+size)
		}
		i += size
	}
	if len(ends) == 0 || ends[len(ends)-1] != len(src) {
		ends = append(ends, len(src))
	}
	return ends
}

// decodeAll reads every document of src and returns the first error.
func decodeAll(src []byte) error {
	dec := yaml.NewDecoder(bytes.NewReader(src))
	for {
		var n yaml.Node
		if err := dec.Decode(&n); err != nil {
			if errors.Is(err, io.EOF) {
				return nil
			}
			return err
		}
	}
}

// errorLine finds the line of a mistake the YAML library reports with no
// line (an undefined anchor, nesting past its depth limit) or with a line
// that is not the mistake's (its parser counts lines from 0): the first line
// at whose end the text, cut there, already fails with the same message.
// The library reads a stream in order, so a cut before the mistake does not
// fail that way and a cut after it does; cutting at line ends keeps every
// token whole. It returns 0 when no cut fails that way.
func errorLine(src []byte, text string) int {
	ends := lineEnds(src)
	fails := func(i int) bool {
		err := decodeAll(src[:ends[i]])
		if err == nil {
			return false
		}
		_, got := libraryMessage(err)
		return got == text
	}
	if !fails(len(ends) - 1) {
		return 0
	}
	lo, hi := 0, len(ends)-1 // fails(hi) holds; find the first i that fails
	for lo < hi {
		mid := (lo + hi) / 2
		if fails(mid) {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	return lo + 1
}

// libraryMessage splits the YAML library's "yaml: line 3: msg" into 3 and
// "msg"; the line is 0 when the message has none.
func libraryMessage(err error) (int, string) {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	if rest, ok := strings.CutPrefix(msg, "line "); ok {
		if num, text, ok := strings.Cut(rest, ": "); ok {
			if line, err := strconv.Atoi(num); err == nil {
				return line, text
			}
		}
	}
	return 0, msg
}

// yamlError turns an error of the YAML library into "name:3: msg", the form
// of every other error of this package, with the line errorLine finds (or
// the library's, should it find none).
func yamlError(name string, src []byte, err error) error {
	line, text := libraryMessage(err)
	if found := errorLine(src, text); found > 0 {
		line = found
	}
	if line == 0 {
		return fmt.Errorf("%s: %s", name, clearer(text))
	}
	return fmt.Errorf("%s:%d: %s", name, line, clearer(text))
}

// clearer rewrites the library's lineless messages to say what to do.
func clearer(msg string) string {
	if name, ok := strings.CutPrefix(msg, "unknown anchor '"); ok {
		if name, ok := strings.CutSuffix(name, "' referenced"); ok {
			return fmt.Sprintf("the alias *%s names no anchor; define &%s before it, or write the value out", name, name)
		}
	}
	if limit, ok := strings.CutPrefix(msg, "exceeded max depth of "); ok {
		return fmt.Sprintf("nested more than %s levels deep; a configuration is at most three levels deep", limit)
	}
	return msg
}
