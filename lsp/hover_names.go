package lsp

import (
	"fmt"
	"strings"

	"github.com/httpcodes/httpcodes/analysis"
	"github.com/httpcodes/httpcodes/codes"
)

// nameNote explains a constant named after a code's former title: "Go
// calls it StatusUnprocessableEntity, after RFC 4918; RFC 9110 names it
// Unprocessable Content." It is "" for a constant named after the current
// title, or not named after a title at all.
func nameNote(c *codes.Code, o analysis.Occurrence, lang string) string {
	if o.Written != analysis.Constant || c.Registration == codes.Custom {
		return ""
	}
	member := o.Name
	if i := strings.LastIndexAny(member, ".:"); i >= 0 {
		member = member[i+1:]
	}
	// Former titles are matched at the end of the name (StatusRequestURITooLong
	// ends in the former "Request-URI Too Long", and also in the current
	// "URI Too Long": the former, longer title is what it is named after).
	name := letters(member)
	for i, former := range c.FormerTitles {
		if !strings.HasSuffix(name, letters(former)) {
			continue
		}
		after := ""
		if i < len(c.FormerTitleSources) {
			after = ", after " + c.FormerTitleSources[i]
		}
		return fmt.Sprintf("%s calls it `%s`%s; %s names it %s.", libraryName(o, lang), member, after, sourceRFC(c), c.Title)
	}
	return ""
}

// letters lower-cases the letters of s and drops everything else, so that
// StatusRequestURITooLong and "Request-URI Too Long" compare equal.
func letters(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r >= 'a' && r <= 'z':
			b.WriteRune(r)
		case r >= 'A' && r <= 'Z':
			b.WriteRune(r + 'a' - 'A')
		}
	}
	return b.String()
}

func libraryName(o analysis.Occurrence, lang string) string {
	if o.Ecosystem != "" {
		return codes.Ecosystem(o.Ecosystem).Label()
	}
	if lang == "go" {
		return "Go"
	}
	return "The library"
}

// sourceRFC is the RFC a code's page cites ("RFC 9110"), or "the registry".
func sourceRFC(c *codes.Code) string {
	if f := strings.Fields(c.Source); len(f) >= 2 && f[0] == "RFC" {
		return "RFC " + strings.TrimSuffix(f[1], ",")
	}
	return "the registry"
}
