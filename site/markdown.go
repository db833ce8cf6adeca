package site

import (
	"bytes"
	"html/template"
	"regexp"
	"strconv"
	"strings"

	"github.com/yuin/goldmark"
)

// md renders the data set's Markdown. Raw HTML in the source is not
// passed through (goldmark's default), so a page cannot inject markup.
var md = goldmark.New()

// codeRef matches a code named in running text, as the pages write them:
// <code>404 Not Found</code>.
var codeRef = regexp.MustCompile(`<code>([1-9][0-9]{2}) ([^<]+)</code>`)

// preOpen matches the start of a code block as goldmark writes it, with the
// language of a fenced block when it has one.
var preOpen = regexp.MustCompile(`<pre><code(?: class="language-([a-z0-9+-]+)")?>`)

// scrollable makes code blocks reachable from the keyboard: a long line
// scrolls sideways, and a block that scrolls must take focus (tabindex) and
// then needs a name (WCAG 2.1.1; axe's scrollable-region-focusable).
func scrollable(html string) string {
	return preOpen.ReplaceAllStringFunc(html, func(m string) string {
		label := "Code example"
		if lang := preOpen.FindStringSubmatch(m)[1]; lang != "" {
			label += ", " + lang
		}
		return `<pre tabindex="0" role="group" aria-label="` + label + `">` + strings.TrimPrefix(m, "<pre>")
	})
}

// markdown renders text and links every code it names to that code's page.
func (b *builder) markdown(text string) template.HTML {
	var buf bytes.Buffer
	if err := md.Convert([]byte(text), &buf); err != nil {
		// goldmark does not fail on text; keep the text, escaped, if it does.
		return template.HTML(template.HTMLEscapeString(text))
	}
	out := codeRef.ReplaceAllStringFunc(buf.String(), func(m string) string {
		sub := codeRef.FindStringSubmatch(m)
		n, _ := strconv.Atoi(sub[1])
		c, ok := b.set.Lookup(n)
		if !ok || !strings.EqualFold(template.HTMLEscapeString(c.Title), sub[2]) && !formerTitle(c.FormerTitles, sub[2]) {
			return m
		}
		return `<a href="../` + sub[1] + `/">` + m + `</a>`
	})
	return template.HTML(scrollable(out))
}

func formerTitle(titles []string, s string) bool {
	for _, t := range titles {
		if strings.EqualFold(template.HTMLEscapeString(t), s) {
			return true
		}
	}
	return false
}
