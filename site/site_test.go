package site

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"flag"
	"fmt"
	"html"
	"html/template"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/httpcodes/httpcodes/analysis"
	"github.com/httpcodes/httpcodes/codes"
)

var update = flag.Bool("update", false, "rewrite the golden files")

func build(t *testing.T) map[string][]byte {
	t.Helper()
	files, err := Build(Options{BaseURL: "https://httpcodes.dev"})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func TestGoldenPages(t *testing.T) {
	files := build(t)
	for file, golden := range map[string]string{
		"207/index.html":                   "207.html",
		"rules/redirect-status/index.html": "rule-redirect-status.html",
	} {
		got := files[file]
		p := filepath.Join("testdata", golden)
		if *update {
			if err := os.WriteFile(p, got, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(p)
		if err != nil {
			t.Fatalf("%v (run go test ./site -update)", err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from %s (run go test ./site -update and diff)", file, p)
		}
	}
}

func TestEveryCodeAndRuleHasAPage(t *testing.T) {
	files := build(t)
	for _, c := range codes.All() {
		page := string(files[strconv.Itoa(c.Number)+"/index.html"])
		for _, want := range []string{
			"<title>" + strconv.Itoa(c.Number) + " " + htmlEscape(c.Title) + " - HTTP Status Code Explained</title>",
			`<h2 id="meaning">Meaning</h2>`, `<h2 id="when-to-use">When to Use</h2>`, `<h2 id="example">Example</h2>`,
			`<h2 id="when-not-to-use">When Not to Use</h2>`, `<h2 id="source">Source</h2>`,
			`<link rel="canonical" href="https://httpcodes.dev/` + strconv.Itoa(c.Number) + `/">`, `<meta name="description" content="`,
		} {
			if !strings.Contains(page, want) {
				t.Errorf("page of %d lacks %q", c.Number, want)
			}
		}
	}
	for _, r := range analysis.Rules() {
		page := string(files["rules/"+r.Name+"/index.html"])
		if !strings.Contains(page, "<code>"+r.Name+"</code>") || !strings.Contains(page, "Default severity: <strong>"+r.Severity.String()) {
			t.Errorf("rule page of %s is missing or incomplete", r.Name)
		}
		// Diagnostics and SARIF link these pages.
		if want := analysis.RuleDocsURL("https://httpcodes.dev", r.Name); !strings.Contains(string(files["sitemap.xml"]), want) {
			t.Errorf("sitemap lacks %s", want)
		}
	}
}

func htmlEscape(s string) string { return strings.ReplaceAll(s, "'", "&#39;") }

var hrefs = regexp.MustCompile(`(?:href|src)="([^"]+)"`)

// TestLinks resolves every internal link of every page.
func TestLinks(t *testing.T) {
	files := build(t)
	checked := 0
	for name, data := range files {
		if !strings.HasSuffix(name, ".html") || name == "404.html" {
			continue
		}
		for _, m := range hrefs.FindAllStringSubmatch(string(data), -1) {
			link := m[1]
			if strings.HasPrefix(link, "https://") || strings.HasPrefix(link, "http://") || strings.HasPrefix(link, "#") {
				continue
			}
			target := path.Join(path.Dir(name), link)
			if strings.HasSuffix(link, "/") || link == "../" || link == "../../" {
				target = path.Join(target, "index.html")
			}
			target = strings.TrimPrefix(target, "./")
			if target == "." || target == "" {
				target = "index.html"
			}
			if _, ok := files[target]; !ok {
				t.Errorf("%s links %q, which resolves to %s: no such page", name, link, target)
			}
			checked++
		}
	}
	if checked < 500 {
		t.Errorf("checked only %d links", checked)
	}
	// The 404 page is served anywhere, so its links are absolute.
	for _, m := range hrefs.FindAllStringSubmatch(string(files["404.html"]), -1) {
		if !strings.HasPrefix(m[1], "/") && !strings.HasPrefix(m[1], "#") {
			t.Errorf("404.html has the relative link %q", m[1])
		}
	}
}

var ldScript = regexp.MustCompile(`<script type="application/ld\+json">(.*?)</script>`)

// TestJSONLD checks every code page's structured data: a TechArticle with
// its publisher, text, keywords and the data set's fixed dates, and a
// BreadcrumbList from the index through the class to the page.
func TestJSONLD(t *testing.T) {
	files := build(t)
	for _, c := range codes.All() {
		m := ldScript.FindSubmatch(files[strconv.Itoa(c.Number)+"/index.html"])
		if m == nil {
			t.Fatalf("no JSON-LD on the %d page", c.Number)
		}
		var ld struct {
			Context string           `json:"@context"`
			Graph   []map[string]any `json:"@graph"`
		}
		if err := json.Unmarshal(m[1], &ld); err != nil {
			t.Fatalf("%d: JSON-LD does not parse: %v", c.Number, err)
		}
		if ld.Context != "https://schema.org" || len(ld.Graph) != 2 {
			t.Fatalf("%d: JSON-LD %s", c.Number, m[1])
		}
		a, crumbs := ld.Graph[0], ld.Graph[1]
		url := "https://httpcodes.dev/" + strconv.Itoa(c.Number) + "/"
		publisher, _ := a["publisher"].(map[string]any)
		body, _ := a["articleBody"].(string)
		keywords, _ := a["keywords"].(string)
		if a["@type"] != "TechArticle" || a["headline"] != c.String() || a["url"] != url ||
			publisher["name"] != "httpcodes" || publisher["url"] != "https://httpcodes.dev/" ||
			a["datePublished"] != codes.Published || a["dateModified"] != codes.Modified ||
			a["description"] != describe(c) {
			t.Errorf("%d: article %v", c.Number, a)
		}
		if !strings.HasPrefix(body, "Meaning\n\n") || !strings.Contains(body, "\n\nWhen Not to Use\n\n") || strings.Contains(body, "`") || strings.Contains(body, "**") {
			t.Errorf("%d: articleBody is not the page's plain text: %.200q", c.Number, body)
		}
		if !strings.HasPrefix(keywords, fmt.Sprintf("HTTP %d, %s", c.Number, c.String())) {
			t.Errorf("%d: keywords %q", c.Number, keywords)
		}
		if goName, ok := c.Constant(codes.Go); ok && !strings.Contains(keywords, codes.ShortName(goName)) {
			t.Errorf("%d: keywords %q lack %s", c.Number, keywords, goName)
		}
		items, _ := crumbs["itemListElement"].([]any)
		var trail []string
		for _, it := range items {
			m := it.(map[string]any)
			trail = append(trail, fmt.Sprint(m["position"], " ", m["name"], " ", m["item"]))
		}
		want := []string{"1 Status codes https://httpcodes.dev/",
			fmt.Sprintf("2 %dxx %s https://httpcodes.dev/#class-%d", c.Class(), codes.ClassName(c.Class()), c.Class()),
			"3 " + c.String() + " " + url}
		if crumbs["@type"] != "BreadcrumbList" || strings.Join(trail, "|") != strings.Join(want, "|") {
			t.Errorf("%d: breadcrumb %q, want %q", c.Number, trail, want)
		}
		if !strings.Contains(string(files["index.html"]), fmt.Sprintf(`id="class-%d"`, c.Class())) {
			t.Errorf("the breadcrumb of %d points at #class-%d, which the index lacks", c.Number, c.Class())
		}
	}
}

var (
	metaTag   = regexp.MustCompile(`<meta (name|property)="([^"]+)" content="([^"]*)">`)
	canonical = regexp.MustCompile(`<link rel="canonical" href="([^"]*)">`)
)

// TestPageMetadata checks every page's head: a description of at most 160
// characters, Open Graph and Twitter cards that repeat it, a canonical URL
// (the 404 page instead says noindex and has none), and the favicon.
func TestPageMetadata(t *testing.T) {
	files := build(t)
	pages := 0
	for name, data := range files {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		pages++
		meta := map[string]string{}
		for _, m := range metaTag.FindAllStringSubmatch(string(data), -1) {
			meta[m[2]] = html.UnescapeString(m[3])
		}
		d := meta["description"]
		if n := len([]rune(d)); n == 0 || n > 160 {
			t.Errorf("%s: the description has %d characters; 1 to 160: %q", name, n, d)
		}
		for _, k := range []string{"og:description", "twitter:description"} {
			if meta[k] != d {
				t.Errorf("%s: %s %q, want the description", name, k, meta[k])
			}
		}
		if meta["og:title"] == "" || meta["og:title"] != meta["twitter:title"] || meta["twitter:card"] != "summary" || meta["og:site_name"] != "httpcodes" {
			t.Errorf("%s: Open Graph/Twitter card %v", name, meta)
		}
		wantType := "website"
		if regexp.MustCompile(`^\d{3}/index\.html$`).MatchString(name) {
			wantType = "article"
		}
		if meta["og:type"] != wantType {
			t.Errorf("%s: og:type %q, want %q", name, meta["og:type"], wantType)
		}
		links := canonical.FindAllStringSubmatch(string(data), -1)
		if name == "404.html" {
			if meta["robots"] != "noindex" || len(links) != 0 || meta["og:url"] != "" {
				t.Errorf("404.html: robots %q, canonical %q, og:url %q; want noindex and no URL", meta["robots"], links, meta["og:url"])
			}
		} else if len(links) != 1 || links[0][1] == "" || meta["og:url"] != links[0][1] || meta["robots"] != "" {
			t.Errorf("%s: canonical %q, og:url %q, robots %q", name, links, meta["og:url"], meta["robots"])
		}
		if !regexp.MustCompile(`<link rel="icon" href="[^"]*favicon\.svg" type="image/svg\+xml">`).Match(data) {
			t.Errorf("%s: no favicon link", name)
		}
	}
	if pages < 100 {
		t.Fatalf("checked only %d pages", pages)
	}
	var svg struct {
		XMLName xml.Name `xml:"http://www.w3.org/2000/svg svg"`
		ViewBox string   `xml:"viewBox,attr"`
	}
	if err := xml.Unmarshal(files["favicon.svg"], &svg); err != nil || svg.ViewBox == "" {
		t.Errorf("favicon.svg is no SVG image: %v", err)
	}
	if got, want := string(files["robots.txt"]), "User-agent: *\nAllow: /\n\nSitemap: https://httpcodes.dev/sitemap.xml\n"; got != want {
		t.Errorf("robots.txt:\n%s\nwant:\n%s", got, want)
	}
}

// TestDescriptionsFit checks the cut of a description that would be too
// long: at a word, with an ellipsis, within 160 characters.
func TestDescriptionsFit(t *testing.T) {
	long := &codes.Code{Number: 499, Title: "Token Revoked", Registration: codes.Custom,
		Meaning: strings.Repeat("The token was revoked by an administrator ", 6) + "today. More."}
	d := describe(long)
	full := "499 Token Revoked: " + strings.TrimSuffix(long.Meaning, " More.")
	kept, cut := strings.CutSuffix(d, "…")
	if n := len([]rune(d)); n > 160 || n < 140 || !cut || !strings.HasPrefix(full, kept) || full[len(kept)] != ' ' {
		t.Errorf("describe: %d characters, not cut at a word with an ellipsis: %q", n, d)
	}
	if c, _ := codes.Lookup(404); describe(c) != "404 Not Found: "+c.Summary {
		t.Errorf("describe(404) = %q", describe(c))
	}
}

// TestCodePageParts checks the parts every code page has beyond the four
// sections: the summary, the specifications with the earlier RFCs, the
// client-support note where there is one, "See also" and the way back.
func TestCodePageParts(t *testing.T) {
	files := build(t)
	for _, c := range codes.All() {
		page := string(files[strconv.Itoa(c.Number)+"/index.html"])
		want := []string{
			`<p class="lead">` + template.HTMLEscapeString(c.Summary) + `</p>`,
			`<p class="back"><a href="../">← Back to search</a></p>`,
		}
		for _, s := range c.EarlierSpecs {
			want = append(want, `<li><a href="`+s.URL()+`">`+s.String()+`</a></li>`)
		}
		if c.ClientSupport != "" {
			want = append(want, `<h2 id="client-support">Client Support</h2><p>`+template.HTMLEscapeString(c.ClientSupport)+`</p>`)
		}
		for _, h := range c.Headers() {
			s, _ := codes.HeaderSpec(h)
			want = append(want, `<a href="`+s.URL()+`"><code>`+h+`</code></a>`)
		}
		for _, n := range c.RelatedCodes() {
			other, _ := codes.Lookup(n)
			want = append(want, `<li><a href="../`+strconv.Itoa(n)+`/">`+strconv.Itoa(n)+" "+template.HTMLEscapeString(other.Title)+`</a></li>`)
		}
		for _, s := range want {
			if !strings.Contains(page, s) {
				t.Errorf("page of %d lacks %s", c.Number, s)
			}
		}
		if strings.Index(page, `class="back"`) < strings.Index(page, `class="pager"`) {
			t.Errorf("page of %d: the way back is not at the bottom", c.Number)
		}
	}
	c404 := string(files["404/index.html"])
	for _, s := range []string{"https://www.rfc-editor.org/rfc/rfc7231#section-6.5.4", "https://www.rfc-editor.org/rfc/rfc2616#section-10.4.5", `<a href="../410/">410 Gone</a>`} {
		if !strings.Contains(c404, s) {
			t.Errorf("the 404 page lacks %s", s)
		}
	}
}

// TestCodesAndRulesLinkBothWays checks that a code's page links the rules
// that check it, and each such rule's page links back.
func TestCodesAndRulesLinkBothWays(t *testing.T) {
	files := build(t)
	pairs := 0
	for _, r := range analysis.Rules() {
		rulePage := string(files["rules/"+r.Name+"/index.html"])
		for _, c := range codes.All() {
			codePage := string(files[strconv.Itoa(c.Number)+"/index.html"])
			toRule := strings.Contains(codePage, `<a href="../rules/`+r.Name+`/">`)
			toCode := strings.Contains(rulePage, `<a href="../../`+strconv.Itoa(c.Number)+`/">`)
			if toRule != toCode {
				t.Errorf("%d and %s: the code page links the rule: %v; the rule page links the code: %v", c.Number, r.Name, toRule, toCode)
			}
			if toRule {
				pairs++
			}
		}
	}
	for _, want := range [][2]string{{"405", "missing-header"}, {"204", "bodiless-status"}, {"418", "deprecated-status"}, {"499", "nonstandard-status"}, {"422", "deprecated-constant"}} {
		if !strings.Contains(string(files[want[0]+"/index.html"]), `<a href="../rules/`+want[1]+`/">`) {
			t.Errorf("the %s page does not link %s", want[0], want[1])
		}
	}
	if pairs < 40 {
		t.Errorf("only %d code–rule links", pairs)
	}
}

// TestSearchIndexCarriesSummaries checks the index's search data gives each
// code its one-line summary.
func TestSearchIndexCarriesSummaries(t *testing.T) {
	files := build(t)
	m := regexp.MustCompile(`<script id="codes-data" type="application/json">(.*?)</script>`).FindSubmatch(files["index.html"])
	if m == nil {
		t.Fatal("no search data on the index")
	}
	var entries []struct {
		Code    int    `json:"code"`
		Summary string `json:"summary"`
	}
	if err := json.Unmarshal(m[1], &entries); err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if c, _ := codes.Lookup(e.Code); e.Summary != c.Summary || e.Summary == "" {
			t.Errorf("%d: summary %q, want %q", e.Code, e.Summary, c.Summary)
		}
	}
	if len(entries) != len(codes.All()) {
		t.Errorf("%d entries for %d codes", len(entries), len(codes.All()))
	}
}

func TestSitemap(t *testing.T) {
	files := build(t)
	var sm struct {
		URLs []struct {
			Loc string `xml:"loc"`
		} `xml:"url"`
	}
	if err := xml.Unmarshal(files["sitemap.xml"], &sm); err != nil {
		t.Fatal(err)
	}
	listed := map[string]bool{}
	for _, u := range sm.URLs {
		listed[u.Loc] = true
	}
	pages := 0
	for name := range files {
		if !strings.HasSuffix(name, "index.html") {
			continue
		}
		pages++
		u := "https://httpcodes.dev/" + strings.TrimSuffix(name, "index.html")
		if !listed[u] {
			t.Errorf("sitemap lacks %s", u)
		}
	}
	if len(sm.URLs) != pages {
		t.Errorf("sitemap lists %d URLs for %d pages", len(sm.URLs), pages)
	}
}

func TestDeterministicAndCustomCodes(t *testing.T) {
	a, b := build(t), build(t)
	for name := range a {
		if !bytes.Equal(a[name], b[name]) {
			t.Errorf("%s differs between two builds", name)
		}
	}
	custom := &codes.Code{Number: 499, Title: "Token Revoked", Registration: codes.Custom, Meaning: "The token was revoked.", Source: "Acme guide"}
	files, err := Build(Options{Codes: codes.Default().With(custom)})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(files["499/index.html"]), "Token Revoked") || !strings.Contains(string(files["index.html"]), "Token Revoked") {
		t.Error("a custom code has no page or no index entry")
	}
}

func TestMarkdownIsEscaped(t *testing.T) {
	custom := &codes.Code{Number: 499, Title: "X", Registration: codes.Custom, Meaning: "Hello <script>alert(1)</script> and **bold**"}
	files, _ := Build(Options{Codes: codes.Default().With(custom)})
	page := string(files["499/index.html"])
	if strings.Contains(page, "<script>alert(1)</script>") || !strings.Contains(page, "<strong>bold</strong>") {
		t.Errorf("raw HTML passed through or Markdown not rendered:\n%s", page)
	}
}

func TestBaseURLErrors(t *testing.T) {
	for _, bad := range []string{"httpcodes.dev", "ftp://x", "/docs"} {
		if _, err := Build(Options{BaseURL: bad}); err == nil || !strings.Contains(err.Error(), "give an absolute http(s) URL") {
			t.Errorf("base URL %q: %v", bad, err)
		}
	}
}

// BenchmarkBuild measures generating the whole site.
func BenchmarkBuild(b *testing.B) {
	for b.Loop() {
		if _, err := Build(Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

func TestBreakable(t *testing.T) {
	for in, want := range map[string]string{
		"HttpServletResponse.SC_NOT_FOUND":         "Http<wbr>Servlet<wbr>Response.<wbr>SC_<wbr>NOT_<wbr>FOUND",
		"StatusCode::IM_A_TEAPOT":                  "Status<wbr>Code::<wbr>IM_<wbr>A_<wbr>TEAPOT",
		":not_found":                               ":not_<wbr>found",
		"StatusTeapot":                             "Status<wbr>Teapot",
		"StatusCodes.Status416RangeNotSatisfiable": "Status<wbr>Codes.<wbr>Status<wbr>416<wbr>Range<wbr>Not<wbr>Satisfiable",
		"HTTPStatus.IM_A_TEAPOT":                   "HTTPStatus.<wbr>IM_<wbr>A_<wbr>TEAPOT",
		"a<b>_":                                    "a&lt;b&gt;_",
	} {
		if got := string(breakable(in)); got != want {
			t.Errorf("breakable(%q) = %q, want %q", in, got, want)
		}
	}
}
