package codes

import (
	"fmt"
	"net/url"
	"strconv"
	"strings"
)

// The four prose sections of a page, in the order a page must give them.
var sectionHeadings = []string{"Meaning", "When to Use", "Example", "When Not to Use"}

// ParsePage reads one page: front matter between "---" lines, then the four
// sections. name is the file name, used in errors. The constants are not part
// of a page; see parseConstants.
func ParsePage(name string, src []byte) (*Code, error) {
	text := string(src)
	if strings.Contains(text, "\r") {
		text = strings.ReplaceAll(text, "\r\n", "\n")
	}
	if !strings.HasPrefix(text, "---\n") {
		return nil, fmt.Errorf("%s: must start with a front matter line \"---\"", name)
	}
	front, body, ok := strings.Cut(text[len("---\n"):], "\n---\n")
	if !ok {
		return nil, fmt.Errorf("%s: front matter is not closed by a \"---\" line", name)
	}
	c := &Code{File: name}
	if err := c.setFrontMatter(name, front); err != nil {
		return nil, err
	}
	if err := c.setSections(name, body, strings.Count(front, "\n")+3); err != nil {
		return nil, err
	}
	return c, c.validate(name)
}

func (c *Code) setFrontMatter(name, front string) error {
	seen := map[string]bool{}
	for i, line := range strings.Split(front, "\n") {
		lineNo := i + 2
		if strings.TrimSpace(line) == "" {
			continue
		}
		key, value, ok := strings.Cut(line, ":")
		if !ok {
			return fmt.Errorf("%s:%d: front matter line %q is not \"key: value\"", name, lineNo, line)
		}
		key, value = strings.TrimSpace(key), strings.TrimSpace(value)
		if seen[key] {
			return fmt.Errorf("%s:%d: key %q is given twice", name, lineNo, key)
		}
		seen[key] = true
		if err := c.setField(key, value); err != nil {
			return fmt.Errorf("%s:%d: %s: %w", name, lineNo, key, err)
		}
	}
	for _, key := range []string{"code", "title", "summary", "registration", "source", "source-url"} {
		if !seen[key] {
			return fmt.Errorf("%s: front matter lacks the required key %q", name, key)
		}
	}
	return nil
}

func (c *Code) setField(key, value string) error {
	var err error
	switch key {
	case "code":
		c.Number, err = strconv.Atoi(value)
		if err != nil || c.Number < 100 || c.Number > 599 {
			return fmt.Errorf("%q is not a status code from 100 to 599", value)
		}
	case "title":
		c.Title = value
	case "registration":
		switch r := Registration(value); r {
		case IANA, IANAUnused, Unofficial:
			c.Registration = r
		default:
			return fmt.Errorf("%q must be iana, iana-unused or unofficial", value)
		}
	case "vendor":
		c.Vendor = value
	case "source":
		c.Source = value
	case "source-url":
		u, perr := url.Parse(value)
		if perr != nil || u.Scheme != "https" || u.Host == "" {
			return fmt.Errorf("%q is not an https URL", value)
		}
		c.SourceURL = value
	case "former-titles":
		c.FormerTitles = splitList(value)
	case "former-title-sources":
		c.FormerTitleSources = splitList(value)
	case "retired":
		c.Retired = value
	case "summary":
		c.Summary = value
	case "client-support":
		c.ClientSupport = value
	case "earlier-specs":
		c.EarlierSpecs = nil
		for _, s := range strings.Split(value, ";") {
			spec, perr := parseSpec(s)
			if perr != nil {
				return perr
			}
			c.EarlierSpecs = append(c.EarlierSpecs, spec)
		}
	case "webdav":
		c.WebDAV, err = parseBool(value)
	case "no-body":
		c.NoBody, err = parseBool(value)
	case "required-headers":
		c.RequiredHeaders = splitList(value)
	case "suggested-headers":
		c.SuggestedHeaders = splitList(value)
	default:
		return fmt.Errorf("unknown key (see codes/data/README.md for the keys)")
	}
	if value == "" {
		return fmt.Errorf("empty value")
	}
	return err
}

func (c *Code) setSections(name, body string, firstLine int) error {
	// Sections start at "## " headings at the start of a line; anything
	// before the first heading must be blank.
	const marker = "\n## "
	body = "\n" + body
	first := strings.Index(body, marker)
	if first < 0 || strings.TrimSpace(body[:first]) != "" {
		if first < 0 {
			return fmt.Errorf("%s: no section headings; a page needs %q", name, sectionHeadings)
		}
		return fmt.Errorf("%s:%d: text before the first section heading", name, firstLine)
	}
	var headings, texts []string
	for rest := body[first+len(marker):]; ; {
		next := strings.Index(rest, marker)
		part := rest
		if next >= 0 {
			part = rest[:next]
		}
		heading, text, _ := strings.Cut(part, "\n")
		headings = append(headings, strings.TrimSpace(heading))
		texts = append(texts, strings.TrimSpace(text))
		if next < 0 {
			break
		}
		rest = rest[next+len(marker):]
	}
	if !equalStrings(headings, sectionHeadings) {
		return fmt.Errorf("%s: sections are %q; a page needs exactly %q, in that order", name, headings, sectionHeadings)
	}
	fields := []*string{&c.Meaning, &c.WhenToUse, &c.Example, &c.WhenNotToUse}
	for i, text := range texts {
		if text == "" {
			return fmt.Errorf("%s: section %q is empty", name, sectionHeadings[i])
		}
		*fields[i] = text
	}
	return nil
}

func equalStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func (c *Code) validate(name string) error {
	if c.Registration == Unofficial && c.Vendor == "" {
		return fmt.Errorf("%s: an unofficial code needs a \"vendor\" line saying whose it is", name)
	}
	if c.Registration != Unofficial && c.Vendor != "" {
		return fmt.Errorf("%s: \"vendor\" is only for unofficial codes", name)
	}
	if len(c.FormerTitleSources) > 0 && len(c.FormerTitleSources) != len(c.FormerTitles) {
		return fmt.Errorf("%s: \"former-title-sources\" names %d sources for %d former titles; give one for each, in order", name, len(c.FormerTitleSources), len(c.FormerTitles))
	}
	want := strconv.Itoa(c.Number) + ".md"
	if name != want && !strings.HasSuffix(name, "/"+want) {
		return fmt.Errorf("%s: holds code %d; the file must be named %s", name, c.Number, want)
	}
	return nil
}

func splitList(value string) []string {
	var out []string
	for _, v := range strings.Split(value, ",") {
		if v = strings.TrimSpace(v); v != "" {
			out = append(out, v)
		}
	}
	return out
}

func parseBool(value string) (bool, error) {
	switch value {
	case "true":
		return true, nil
	case "false":
		return false, nil
	}
	return false, fmt.Errorf("%q must be true or false", value)
}
