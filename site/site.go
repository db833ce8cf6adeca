// Package site generates the httpcodes explainer site: a page for every
// status code and every rule, an index with offline search, a 404 page and
// a sitemap, from the same data set the hovers and `httpcodes explain` show.
//
// Output is deterministic: the same data set and options give the same
// bytes, so a generated site can be committed and diffed.
package site

import (
	"bytes"
	"cmp"
	"embed"
	"encoding/json"
	"fmt"
	"html/template"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/httpcodes/httpcodes/analysis"
	"github.com/httpcodes/httpcodes/codes"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed static/style.css static/search.js
var staticFS embed.FS

// favicon is the site's icon, drawn for it.
//
//go:embed favicon.svg
var favicon []byte

// siteName names the site in titles, cards and structured data.
const siteName = "httpcodes"

// DefaultBaseURL is where the project publishes the site; the rule links of
// diagnostics and SARIF point at it (analysis.DefaultDocsBase).
const DefaultBaseURL = analysis.DefaultDocsBase

// Options tune a build.
type Options struct {
	// BaseURL is the absolute URL the site is served from, for canonical
	// links and the sitemap; links between pages are relative.
	BaseURL string
	// Codes is the data set; nil means the built-in one. A project's custom
	// codes get pages like the built-in ones.
	Codes *codes.Set
}

// page is what every template sees.
type page struct {
	Title, Description, Canonical string
	Root                          string // relative path to the site root: "", "../"
	JSONLD                        template.JS
	Script                        bool
	// OGType is the Open Graph type: "article" for code pages, else "website".
	OGType string
	// NoIndex keeps a page out of search engines (the 404 page).
	NoIndex bool
	// The fields of the page's own template.
	SearchIndex  template.JS
	Classes      []classGroup
	Code         *codes.Code
	ClassName    string
	Tags         []string
	Meaning      template.HTML
	WhenToUse    template.HTML
	WhenNotToUse template.HTML
	Example      template.HTML
	Constants    []constantRow
	Prev, Next   *codes.Code
	Rules        []*analysis.Rule
	Rule         *analysis.Rule
	// A code page's "See also": the headers it involves, the codes it names,
	// and the rules that check it; a rule page's codes.
	Headers   []headerLink
	Related   []*codes.Code
	CheckedBy []*analysis.Rule
	RuleCodes []*codes.Code
}

type headerLink struct {
	Name string
	Spec codes.Spec
}

type classGroup struct {
	Class int
	Name  string
	Codes []codeEntry
}

type codeEntry struct {
	Number int
	Title  string
	Note   string
}

type constantRow struct {
	Ecosystem, Name, Replacement string
	Deprecated                   bool
}

// Build returns the site's files, by path relative to the site root.
func Build(opts Options) (map[string][]byte, error) {
	set := opts.Codes
	if set == nil {
		set = codes.Default()
	}
	base, err := baseURL(opts.BaseURL)
	if err != nil {
		return nil, err
	}
	b := &builder{tmpl: map[string]*template.Template{}, base: base, set: set, files: map[string][]byte{}}
	for _, kind := range []string{"index.html", "code.html", "rules.html", "rule.html", "notfound.html"} {
		// Each kind is the layout with its own "content" template.
		t, err := template.New("layout.html").Funcs(templateFuncs).ParseFS(templateFS, "templates/layout.html", "templates/"+kind)
		if err != nil {
			return nil, fmt.Errorf("site templates: %w", err)
		}
		b.tmpl[kind] = t
	}
	for _, name := range []string{"style.css", "search.js"} {
		data, err := staticFS.ReadFile("static/" + name)
		if err != nil {
			return nil, err
		}
		b.files[name] = data
	}
	b.files["favicon.svg"] = favicon
	if err := b.index(); err != nil {
		return nil, err
	}
	all := set.All()
	for i, c := range all {
		var prev, next *codes.Code
		if i > 0 {
			prev = all[i-1]
		}
		if i+1 < len(all) {
			next = all[i+1]
		}
		if err := b.codePage(c, prev, next); err != nil {
			return nil, err
		}
	}
	if err := b.rulePages(); err != nil {
		return nil, err
	}
	if err := b.notFound(); err != nil {
		return nil, err
	}
	b.sitemap()
	b.files["robots.txt"] = []byte("User-agent: *\nAllow: /\n\nSitemap: " + b.url("sitemap.xml") + "\n")
	return b.files, nil
}

var templateFuncs = template.FuncMap{"breakable": breakable}

// breakable escapes an identifier and lets a narrow screen wrap it only
// between its words: after a separator ("HttpServletResponse.SC_NOT_FOUND"
// after the dot and the underscores) and where a camel-case word or a number
// starts ("Status416RangeNotSatisfiable"), never inside a word.
func breakable(name string) template.HTML {
	var b strings.Builder
	var prev rune
	for i, r := range name {
		// Ruby's ":not_found" keeps its leading colon on the line.
		if i > 0 && wordStart(prev, r) && !(i == 1 && prev == ':') {
			b.WriteString("<wbr>")
		}
		b.WriteString(template.HTMLEscapeString(string(r)))
		prev = r
	}
	return template.HTML(b.String())
}

// wordStart reports whether a line may break between prev and r.
func wordStart(prev, r rune) bool {
	lower, upper, digit := unicode.IsLower, unicode.IsUpper, unicode.IsDigit
	switch {
	case prev == '.' || prev == '_' || prev == ':' && r != ':':
		return r != ':' && r != '.' && r != '_'
	case upper(r):
		return lower(prev) || digit(prev)
	case digit(r):
		return lower(prev) || upper(prev)
	}
	return false
}

// baseURL checks the base URL and drops a trailing slash.
func baseURL(raw string) (string, error) {
	if raw == "" {
		raw = DefaultBaseURL
	}
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		return "", fmt.Errorf("base URL %q: give an absolute http(s) URL, such as %s", raw, DefaultBaseURL)
	}
	return strings.TrimSuffix(raw, "/"), nil
}

type builder struct {
	tmpl  map[string]*template.Template // by page kind
	base  string
	set   *codes.Set
	files map[string][]byte
	pages []string // canonical URLs, for the sitemap
}

func (b *builder) render(file, kind string, p page) error {
	var buf bytes.Buffer
	if err := b.tmpl[kind].ExecuteTemplate(&buf, "layout", p); err != nil {
		return fmt.Errorf("%s: %w", file, err)
	}
	b.files[file] = buf.Bytes()
	if p.Canonical != "" && file != "404.html" {
		b.pages = append(b.pages, p.Canonical)
	}
	return nil
}

// url is the canonical URL of a directory page ("207/" → base/207/).
func (b *builder) url(dir string) string { return b.base + "/" + dir }

func (b *builder) index() error {
	var groups []classGroup
	var index []searchEntry
	for _, c := range b.set.All() {
		if len(groups) == 0 || groups[len(groups)-1].Class != c.Class() {
			groups = append(groups, classGroup{Class: c.Class(), Name: codes.ClassName(c.Class())})
		}
		g := &groups[len(groups)-1]
		g.Codes = append(g.Codes, codeEntry{Number: c.Number, Title: c.Title, Note: note(c)})
		e := searchEntry{Code: c.Number, Title: c.Title, Summary: cmp.Or(c.Summary, c.FirstSentence()), Minor: c.Minor(), Terms: c.SearchTerms()}
		index = append(index, e)
	}
	data, err := json.Marshal(index)
	if err != nil {
		return err
	}
	return b.render("index.html", "index.html", page{
		Title:       "HTTP Status Codes Explained",
		Description: "Every HTTP status code: what it means, when to use it, an example, when not to use it, and its RFC section.",
		Canonical:   b.url(""), Root: "", Script: true, SearchIndex: template.JS(data), Classes: groups,
		OGType: "website",
	})
}

// searchEntry is a code in the index page's search data: what a result
// shows, and the terms search.js matches, made by the same code as the Go
// search (codes.Set.Search) so that both rank alike.
type searchEntry struct {
	Code    int               `json:"code"`
	Title   string            `json:"title"`
	Summary string            `json:"summary"`
	Minor   bool              `json:"minor,omitempty"`
	Terms   codes.SearchTerms `json:"terms"`
}

func note(c *codes.Code) string {
	switch {
	case c.Retired != "":
		return "retired"
	case c.Registration == codes.Unofficial:
		return c.Vendor
	case c.Registration == codes.Custom:
		return "this project"
	}
	return ""
}

func (b *builder) codePage(c *codes.Code, prev, next *codes.Code) error {
	dir := strconv.Itoa(c.Number) + "/"
	p := page{
		Title:       fmt.Sprintf("%d %s - HTTP Status Code Explained", c.Number, c.Title),
		Description: describe(c),
		Canonical:   b.url(dir), Root: "../", Code: c, ClassName: codes.ClassName(c.Class()),
		Tags: c.Tags(), Prev: prev, Next: next, OGType: "article",
		Meaning: b.markdown(c.Meaning), WhenToUse: b.markdown(c.WhenToUse),
		Example: b.markdown(c.Example), WhenNotToUse: b.markdown(c.WhenNotToUse),
		CheckedBy: analysis.RulesFor(c),
	}
	for _, k := range c.Constants {
		p.Constants = append(p.Constants, constantRow{Ecosystem: k.Ecosystem.Label(), Name: k.Name, Deprecated: k.Deprecated, Replacement: k.Replacement})
	}
	for _, h := range c.Headers() {
		spec, _ := codes.HeaderSpec(h)
		p.Headers = append(p.Headers, headerLink{Name: h, Spec: spec})
	}
	for _, n := range c.RelatedCodes() {
		if other, ok := b.set.Lookup(n); ok {
			p.Related = append(p.Related, other)
		}
	}
	ld, err := json.Marshal(b.codeLD(c, p))
	if err != nil {
		return err
	}
	p.JSONLD = template.JS(ld)
	return b.render(dir+"index.html", "code.html", p)
}

// codeLD is a code page's structured data: the article and its breadcrumb.
func (b *builder) codeLD(c *codes.Code, p page) map[string]any {
	publisher := map[string]any{"@type": "Organization", "name": siteName, "url": b.url("")}
	article := map[string]any{
		"@type":    "TechArticle",
		"headline": c.String(), "name": "HTTP " + c.String(),
		"description": p.Description, "url": p.Canonical, "mainEntityOfPage": p.Canonical,
		"inLanguage": "en",
		"about":      map[string]any{"@type": "Thing", "name": fmt.Sprintf("HTTP status code %d", c.Number)},
		"publisher":  publisher, "author": publisher,
		"datePublished": codes.Published, "dateModified": codes.Modified,
		"keywords":    strings.Join(keywords(c), ", "),
		"articleBody": articleBody(c),
	}
	if c.SourceURL != "" {
		article["isBasedOn"] = c.SourceURL
	}
	if len(c.EarlierSpecs) > 0 {
		var cites []string
		for _, s := range c.EarlierSpecs {
			cites = append(cites, s.URL())
		}
		article["citation"] = cites
	}
	crumb := func(pos int, name, url string) map[string]any {
		return map[string]any{"@type": "ListItem", "position": pos, "name": name, "item": url}
	}
	breadcrumb := map[string]any{
		"@type": "BreadcrumbList",
		"itemListElement": []any{
			crumb(1, "Status codes", b.url("")),
			crumb(2, fmt.Sprintf("%dxx %s", c.Class(), codes.ClassName(c.Class())), b.url(fmt.Sprintf("#class-%d", c.Class()))),
			crumb(3, c.String(), p.Canonical),
		},
	}
	return map[string]any{"@context": "https://schema.org", "@graph": []any{article, breadcrumb}}
}

// keywords are the words people search a code by: its number, title and
// former titles, its class, and its constants' names.
func keywords(c *codes.Code) []string {
	var out []string
	seen := map[string]bool{}
	add := func(k string) {
		if !seen[k] {
			seen[k] = true
			out = append(out, k)
		}
	}
	add(fmt.Sprintf("HTTP %d", c.Number))
	add(c.String())
	add(c.Title)
	for _, t := range c.FormerTitles {
		add(fmt.Sprintf("%d %s", c.Number, t))
	}
	add(fmt.Sprintf("%dxx %s", c.Class(), codes.ClassName(c.Class())))
	add("HTTP status code")
	for _, k := range c.Constants {
		add(codes.ShortName(k.Name))
	}
	return out
}

// articleBody is the page's text without Markdown: the sections under their
// headings, the examples' code as it is.
func articleBody(c *codes.Code) string {
	var parts []string
	for _, s := range []struct{ heading, text string }{
		{"Meaning", c.Meaning}, {"When to Use", c.WhenToUse}, {"Example", c.Example}, {"When Not to Use", c.WhenNotToUse},
	} {
		if s.text != "" {
			parts = append(parts, s.heading+"\n\n"+plainText(s.text))
		}
	}
	return strings.Join(parts, "\n\n")
}

// plainText drops Markdown's marks from text: code fences, backticks,
// emphasis, and the line breaks inside paragraphs and list items; code
// blocks keep their lines.
func plainText(md string) string {
	var out []string
	var para []string
	flush := func() {
		if len(para) > 0 {
			text := strings.NewReplacer("`", "", "**", "").Replace(strings.Join(para, " "))
			out = append(out, strings.Join(strings.Fields(text), " "))
			para = nil
		}
	}
	code := false
	for _, line := range strings.Split(md, "\n") {
		switch {
		case strings.HasPrefix(line, "```"):
			flush()
			code = !code
		case code:
			out = append(out, line)
		case strings.TrimSpace(line) == "":
			flush()
			out = append(out, "")
		case strings.HasPrefix(line, "- "):
			flush()
			para = append(para, line)
		default:
			para = append(para, line)
		}
	}
	flush()
	text := strings.Join(out, "\n")
	for strings.Contains(text, "\n\n\n") {
		text = strings.ReplaceAll(text, "\n\n\n", "\n\n")
	}
	return strings.TrimSpace(text)
}

// maxDescription is the longest meta description search engines show.
const maxDescription = 160

// describe makes a page's meta description: "NNN Title: " and the code's
// one-line summary, or for a code without one (a project's own) the first
// sentence of its Meaning, cut at a word to fit maxDescription characters.
func describe(c *codes.Code) string {
	head := c.String() + ": "
	text := c.Summary
	if text == "" {
		text = strings.Join(strings.Fields(strings.NewReplacer("`", "", "**", "").Replace(c.Meaning)), " ")
		if i := strings.Index(text, ". "); i > 0 {
			text = text[:i+1]
		}
	}
	return fitDescription(head + text)
}

// fitDescription cuts s at a word so that it holds at most maxDescription
// characters, an ellipsis included.
func fitDescription(s string) string {
	r := []rune(s)
	if len(r) <= maxDescription {
		return s
	}
	cut := string(r[:maxDescription-1])
	if i := strings.LastIndex(cut, " "); i > 0 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, " ,;:") + "…"
}

func (b *builder) rulePages() error {
	rules := analysis.Rules()
	if err := b.render("rules/index.html", "rules.html", page{
		Title: "Rules - httpcodes check", Description: "The rules httpcodes check applies to HTTP status codes in source code.",
		Canonical: b.url("rules/"), Root: "../", Rules: rules, OGType: "website",
	}); err != nil {
		return err
	}
	for _, r := range rules {
		dir := "rules/" + r.Name + "/"
		var checked []*codes.Code
		if r.Checks != nil {
			for _, c := range b.set.All() {
				if r.Checks(c) {
					checked = append(checked, c)
				}
			}
		}
		if err := b.render(dir+"index.html", "rule.html", page{
			Title:       r.Name + " - httpcodes rule",
			Description: fitDescription(fmt.Sprintf("The %s rule flags %s.", r.Name, r.Summary)),
			Canonical:   b.url(dir), Root: "../../", Rule: r, RuleCodes: checked, OGType: "website",
		}); err != nil {
			return err
		}
	}
	return nil
}

// notFound is served for any missing path, so its links are absolute.
func (b *builder) notFound() error {
	u, _ := url.Parse(b.base + "/")
	return b.render("404.html", "notfound.html", page{
		Title: "404 Not Found - httpcodes", Description: "This page does not exist.", Root: u.Path,
		NoIndex: true, OGType: "website",
	})
}

func (b *builder) sitemap() {
	urls := append([]string(nil), b.pages...)
	sort.Strings(urls)
	var buf bytes.Buffer
	buf.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	buf.WriteString(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` + "\n")
	for _, u := range urls {
		var esc bytes.Buffer
		template.HTMLEscape(&esc, []byte(u))
		fmt.Fprintf(&buf, "  <url><loc>%s</loc></url>\n", esc.String())
	}
	buf.WriteString("</urlset>\n")
	b.files["sitemap.xml"] = buf.Bytes()
}

// Paths returns the files of a site in order.
func Paths(files map[string][]byte) []string {
	out := make([]string, 0, len(files))
	for p := range files {
		out = append(out, p)
	}
	sort.Strings(out)
	return out
}
