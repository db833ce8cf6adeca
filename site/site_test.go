package site

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"flag"
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

func TestJSONLD(t *testing.T) {
	files := build(t)
	re := regexp.MustCompile(`<script type="application/ld\+json">(.*?)</script>`)
	m := re.FindSubmatch(files["207/index.html"])
	if m == nil {
		t.Fatal("no JSON-LD on the 207 page")
	}
	var ld map[string]any
	if err := json.Unmarshal(m[1], &ld); err != nil {
		t.Fatalf("JSON-LD does not parse: %v", err)
	}
	if ld["@type"] != "TechArticle" || ld["headline"] != "207 Multi-Status" || ld["url"] != "https://httpcodes.dev/207/" {
		t.Errorf("JSON-LD: %v", ld)
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
