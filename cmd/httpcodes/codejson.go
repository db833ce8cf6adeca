package main

import (
	"encoding/json"
	"io"
	"strconv"

	"github.com/httpcodes/httpcodes/codes"
)

// codeJSON is a code as `list --json` and `explain --json` print it; the
// field names are fixed by docs/DESIGN.md.
type codeJSON struct {
	Code             int               `json:"code"`
	Title            string            `json:"title"`
	Class            string            `json:"class"`
	Status           string            `json:"status"`
	Vendor           string            `json:"vendor,omitempty"`
	FormerTitles     []string          `json:"formerTitles,omitempty"`
	Retired          string            `json:"retired,omitempty"`
	WebDAV           bool              `json:"webdav,omitempty"`
	NoBody           bool              `json:"noBody,omitempty"`
	RequiredHeaders  []string          `json:"requiredHeaders,omitempty"`
	SuggestedHeaders []string          `json:"suggestedHeaders,omitempty"`
	Meaning          string            `json:"meaning"`
	WhenToUse        string            `json:"whenToUse"`
	Example          string            `json:"example"`
	WhenNotToUse     string            `json:"whenNotToUse"`
	Source           string            `json:"source"`
	SourceURL        string            `json:"sourceURL"`
	Constants        map[string]string `json:"constants"`
	// Aliases lists the further names of an ecosystem (older spellings and
	// deprecated names), beside the current one in Constants.
	Aliases []aliasJSON `json:"aliases,omitempty"`
}

type aliasJSON struct {
	Ecosystem   string `json:"ecosystem"`
	Name        string `json:"name"`
	Deprecated  bool   `json:"deprecated,omitempty"`
	Replacement string `json:"replacement,omitempty"`
}

func toJSON(c *codes.Code) codeJSON {
	j := codeJSON{
		Code: c.Number, Title: c.Title, Class: strconv.Itoa(c.Class()) + "xx",
		Status: string(c.Registration), Vendor: c.Vendor, FormerTitles: c.FormerTitles,
		Retired: c.Retired, WebDAV: c.WebDAV, NoBody: c.NoBody,
		RequiredHeaders: c.RequiredHeaders, SuggestedHeaders: c.SuggestedHeaders,
		Meaning: c.Meaning, WhenToUse: c.WhenToUse, Example: c.Example, WhenNotToUse: c.WhenNotToUse,
		Source: c.Source, SourceURL: c.SourceURL, Constants: map[string]string{},
	}
	for _, k := range c.Constants {
		if _, seen := j.Constants[string(k.Ecosystem)]; !seen && !k.Deprecated {
			j.Constants[string(k.Ecosystem)] = k.Name
			continue
		}
		j.Aliases = append(j.Aliases, aliasJSON{string(k.Ecosystem), k.Name, k.Deprecated, k.Replacement})
	}
	return j
}

// writeJSON prints v as indented JSON, with <, > and & as they are: the
// output is read by programs and people, not embedded in HTML.
func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}
