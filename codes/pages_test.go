package codes

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
)

var placeholder = regexp.MustCompile(`(?i)\b(todo|tbd|fixme|lorem ipsum|xxx)\b|\.\.\.$`)

// TestPagesComplete checks every page's prose: present, not a placeholder,
// not copied between pages.
func TestPagesComplete(t *testing.T) {
	sentences := map[string]string{}
	for _, c := range All() {
		for i, text := range []string{c.Meaning, c.WhenToUse, c.Example, c.WhenNotToUse} {
			section := sectionHeadings[i]
			if len(text) < 80 {
				t.Errorf("%s: section %q is too short to help (%d bytes)", c.File, section, len(text))
			}
			if m := placeholder.FindString(text); m != "" {
				t.Errorf("%s: section %q holds the placeholder %q", c.File, section, m)
			}
			for _, s := range splitSentences(text) {
				if other, dup := sentences[s]; dup && other != c.File {
					t.Errorf("%s: section %q repeats a sentence of %s: %q", c.File, section, other, s)
				}
				sentences[s] = c.File
			}
		}
		if !strings.Contains(c.Example, "```") || !strings.Contains(c.Example, strconv.Itoa(c.Number)) {
			t.Errorf("%s: Example needs a code block showing %d", c.File, c.Number)
		}
		if strings.Contains(c.Title, "(") {
			t.Errorf("%s: title %q: use the name people know, not a registry note", c.File, c.Title)
		}
	}
}

// splitSentences returns the long sentences of a text: short ones ("Use 404
// Not Found instead.") may rightly recur across pages.
func splitSentences(text string) []string {
	var out []string
	for _, s := range regexp.MustCompile(`[.!?]\s+`).Split(text, -1) {
		s = strings.Join(strings.Fields(s), " ")
		if len(s) >= 70 && !strings.HasPrefix(s, "```") {
			out = append(out, s)
		}
	}
	return out
}

// TestCodeReferencesResolve checks that every "NNN Title" a page names uses
// the code's real title, so the site can link it and readers are not misled.
func TestCodeReferencesResolve(t *testing.T) {
	ref := regexp.MustCompile("`([1-5][0-9][0-9]) ([A-Z][^`]*)`")
	for _, c := range All() {
		for _, m := range ref.FindAllStringSubmatch(c.WhenNotToUse, -1) {
			n, _ := strconv.Atoi(m[1])
			other, ok := Lookup(n)
			if !ok {
				t.Errorf("%s: names %s, which has no page", c.File, m[0])
				continue
			}
			if !strings.EqualFold(m[2], other.Title) && !containsFold(other.FormerTitles, m[2]) {
				t.Errorf("%s: names %s; the title of %d is %q", c.File, m[0], n, other.Title)
			}
		}
	}
}

func containsFold(list []string, s string) bool {
	for _, v := range list {
		if strings.EqualFold(v, s) {
			return true
		}
	}
	return false
}

const goodPage = `---
code: 299
title: Test Code
summary: A code for tests.
registration: unofficial
vendor: Example Corp
source: Example Corp API guide
source-url: https://example.com/docs
---

## Meaning
m
## When to Use
w
## Example
e
## When Not to Use
n
`

func TestParsePageErrors(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"299.md", "code: 299\n", "299.md: must start with a front matter line"},
		{"299.md", "---\ncode: 299\n", "299.md: front matter is not closed"},
		{"299.md", strings.Replace(goodPage, "code: 299", "code: 99", 1), "299.md:2: code: \"99\" is not a status code from 100 to 599"},
		{"299.md", strings.Replace(goodPage, "title: Test Code\n", "", 1), "299.md: front matter lacks the required key \"title\""},
		{"299.md", strings.Replace(goodPage, "vendor: Example Corp\n", "", 1), "299.md: an unofficial code needs a \"vendor\""},
		{"299.md", strings.Replace(goodPage, "title: Test Code", "colour: red", 1), "299.md:3: colour: unknown key"},
		{"299.md", strings.Replace(goodPage, "title: Test Code", "webdav: yes", 1), "299.md:3: webdav: \"yes\" must be true or false"},
		{"299.md", strings.Replace(goodPage, "registration: unofficial", "registration: maybe", 1), "must be iana, iana-unused or unofficial"},
		{"299.md", strings.Replace(goodPage, "https://example.com/docs", "example.com", 1), "is not an https URL"},
		{"299.md", strings.Replace(goodPage, "## Example\ne\n", "", 1), `sections are ["Meaning" "When to Use" "When Not to Use"]`},
		{"299.md", strings.Replace(goodPage, "## Meaning\nm", "## Meaning\n", 1), `section "Meaning" is empty`},
		{"298.md", goodPage, "298.md: holds code 299; the file must be named 299.md"},
		{"299.md", strings.Replace(goodPage, "title: Test Code", "title: Test Code\nearlier-specs: RFC 7231, Section 6.5.1; RFC 2616 10.4.1", 1), "299.md:4: earlier-specs: \"RFC 2616 10.4.1\" is not \"RFC NNNN, Section N.N\""},
		{"299.md", strings.Replace(goodPage, "summary: A code for tests.\n", "", 1), "299.md: front matter lacks the required key \"summary\""},
		{"299.md", strings.Replace(goodPage, "title: Test Code", "title: Test Code\ntitle: Again", 1), "299.md:4: key \"title\" is given twice"},
		{"299.md", strings.Replace(goodPage, "title: Test Code", "title: Test Code\nformer-titles: Old Name\nformer-title-sources: RFC 1, RFC 2", 1), "299.md: \"former-title-sources\" names 2 sources for 1 former titles"},
	}
	for _, tt := range tests {
		_, err := ParsePage(tt.name, []byte(tt.src))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("ParsePage(%q):\n got error %v\nwant one containing %q", tt.src[:min(40, len(tt.src))], err, tt.want)
		}
	}
	if _, err := ParsePage("299.md", []byte(goodPage)); err != nil {
		t.Errorf("the good page fails: %v", err)
	}
}

func TestLoadErrors(t *testing.T) {
	page := &fstest.MapFile{Data: []byte(goodPage)}
	tests := []struct {
		files fstest.MapFS
		want  string
	}{
		{fstest.MapFS{"d/299.md": page}, "constants.csv"},
		{fstest.MapFS{"d/299.md": page, "d/constants.csv": {Data: []byte("code,go\n")}}, "constants.csv: the header has 2 columns; the columns must be code,go,python"},
		{fstest.MapFS{"d/299.md": page, "d/constants.csv": {Data: []byte("code," + joinEcosystems() + "\n300" + strings.Repeat(",", len(Ecosystems)) + "\n")}}, "constants.csv: code 300 has constants but no page 300.md"},
	}
	for _, tt := range tests {
		_, err := Load(tt.files, "d")
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("Load: got %v, want an error containing %q", err, tt.want)
		}
	}
}

func toString(v any) string { return fmt.Sprint(v) }
