package codes

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// The codes RFC 2616 (Section 10) and RFC 7231 (Section 6) define, class by
// class in the order of their sections: RFC 2616 gives code k of class c
// Section 10.c.k, RFC 7231 Section 6.(c+1).k. HTTP/1.0 (RFC 1945) lists its
// codes by class, in Section 9.c. The other RFCs that RFC 9110 replaced
// define one or two codes each.
var (
	rfc1945Codes = [][]int{nil, nil, {200, 201, 202, 204}, {300, 301, 302, 304}, {400, 401, 403, 404}, {500, 501, 502, 503}}
	rfc2616Codes = [][]int{nil, {100, 101}, {200, 201, 202, 203, 204, 205, 206},
		{300, 301, 302, 303, 304, 305, 306, 307}, seq(400, 417), seq(500, 505)}
	rfc7231Codes = [][]int{nil, {100, 101}, {200, 201, 202, 203, 204, 205},
		{300, 301, 302, 303, 305, 306, 307},
		{400, 402, 403, 404, 405, 406, 408, 409, 410, 411, 413, 414, 415, 417, 426}, seq(500, 505)}
	otherEarlierSpecs = map[int][]string{
		206: {"RFC 7233, Section 4.1"}, 304: {"RFC 7232, Section 4.1"}, 412: {"RFC 7232, Section 4.2"},
		416: {"RFC 7233, Section 4.4"}, 401: {"RFC 7235, Section 3.1"}, 407: {"RFC 7235, Section 3.2"},
		308: {"RFC 7538, Section 3", "RFC 7238, Section 3"},
		418: {"RFC 2324, Section 2.3.2"}, 421: {"RFC 7540, Section 9.1.2"},
		// WebDAV: RFC 4918 replaced RFC 2518, whose Section 10 defined
		// 102, 207, 422, 423, 424 and 507 in that order; RFC 9110 took 422.
		207: {"RFC 2518, Section 10.2"}, 422: {"RFC 4918, Section 11.2", "RFC 2518, Section 10.3"},
		423: {"RFC 2518, Section 10.4"}, 424: {"RFC 2518, Section 10.5"}, 507: {"RFC 2518, Section 10.6"},
	}
)

func seq(from, to int) []int {
	var out []int
	for n := from; n <= to; n++ {
		out = append(out, n)
	}
	return out
}

// wantEarlierSpecs derives, from the tables above, the sections that defined
// code n before its current source, newest first.
func wantEarlierSpecs(n int) []string {
	var out []string
	for class, list := range rfc7231Codes {
		for k, c := range list {
			if c == n {
				out = append(out, fmt.Sprintf("RFC 7231, Section 6.%d.%d", class+1, k+1))
			}
		}
	}
	out = append(out, otherEarlierSpecs[n]...)
	for class, list := range rfc2616Codes {
		for k, c := range list {
			if c == n {
				out = append(out, fmt.Sprintf("RFC 2616, Section 10.%d.%d", class, k+1))
			}
		}
	}
	for class, list := range rfc1945Codes {
		for _, c := range list {
			if c == n {
				out = append(out, fmt.Sprintf("RFC 1945, Section 9.%d", class))
			}
		}
	}
	return out
}

// TestSpecifications checks each page's specifications: the source names an
// RFC section that its URL links, and the earlier specifications are the
// sections that defined the code before, newest first.
func TestSpecifications(t *testing.T) {
	sourceRFC := regexp.MustCompile(`^RFC (\d+), Section ([0-9.]+)$`)
	for _, c := range All() {
		if m := sourceRFC.FindStringSubmatch(c.Source); m != nil {
			n, _ := strconv.Atoi(m[1])
			if want := (Spec{RFC: n, Section: m[2]}).URL(); c.SourceURL != want {
				t.Errorf("%s: source %q links %s, want %s", c.File, c.Source, c.SourceURL, want)
			}
		} else if strings.HasPrefix(c.Source, "RFC") {
			t.Errorf("%s: source %q names no section", c.File, c.Source)
		}
		var got []string
		for _, s := range c.EarlierSpecs {
			got = append(got, s.String())
			if s.String() == c.Source {
				t.Errorf("%s: the earlier specifications repeat the source %s", c.File, c.Source)
			}
		}
		if want := wantEarlierSpecs(c.Number); strings.Join(got, "; ") != strings.Join(want, "; ") {
			t.Errorf("%s: earlier-specs %q, want %q", c.File, strings.Join(got, "; "), strings.Join(want, "; "))
		}
		// A former title comes from one of the earlier documents.
		for i, src := range c.FormerTitleSources {
			found := false
			for _, s := range c.EarlierSpecs {
				found = found || src == fmt.Sprintf("RFC %d", s.RFC)
			}
			if !found {
				t.Errorf("%s: former title %q comes from %s, which is not among its earlier specifications %q", c.File, c.FormerTitles[i], src, got)
			}
		}
	}
	if got := wantEarlierSpecs(416); strings.Join(got, "; ") != "RFC 7233, Section 4.4; RFC 2616, Section 10.4.17" {
		t.Errorf("the tables derive %q for 416", got)
	}
}

// TestSummaries checks the one-line summaries the index and the meta
// descriptions use: a plain sentence, short enough that "NNN Title: summary"
// fits a 160-character description, and not the title again.
func TestSummaries(t *testing.T) {
	for _, c := range All() {
		s := c.Summary
		if d := c.String() + ": " + s; len([]rune(d)) > 160 {
			t.Errorf("%s: %q is %d characters; a description holds 160", c.File, d, len([]rune(d)))
		}
		if !strings.HasSuffix(s, ".") || strings.ContainsAny(s, "`*[]\n") {
			t.Errorf("%s: summary %q: one plain sentence, ending with a period, no Markdown", c.File, s)
		}
		if strings.EqualFold(strings.TrimSuffix(s, "."), c.Title) || len(s) < 30 {
			t.Errorf("%s: summary %q says no more than the title", c.File, s)
		}
		if c.Registration == Unofficial && !strings.HasPrefix(s, "Unofficial: ") {
			t.Errorf("%s: the summary of an unofficial code starts with \"Unofficial: \"", c.File)
		}
		if c.Deprecated() && !regexp.MustCompile(`^(Retired|Reserved and unused)`).MatchString(s) {
			t.Errorf("%s: the summary of a retired code says so first", c.File)
		}
	}
}

// TestClientSupport checks the codes whose client behaviour differs from
// the RFC carry a note, and that a note is short prose.
func TestClientSupport(t *testing.T) {
	for _, n := range []int{103, 308} {
		if c, _ := Lookup(n); c.ClientSupport == "" {
			t.Errorf("%s: browsers differ on %d; add client-support", c.File, n)
		}
	}
	for _, c := range All() {
		if c.ClientSupport != "" && (len(c.ClientSupport) > 500 || !strings.HasSuffix(c.ClientSupport, ".")) {
			t.Errorf("%s: client-support should be a short paragraph of sentences", c.File)
		}
	}
}

// TestHeadersAndRelatedCodes checks the "See also" data: every header a
// code requires or suggests has its defining section, and the lists start
// with what the page's facts name.
func TestHeadersAndRelatedCodes(t *testing.T) {
	for _, c := range All() {
		for _, h := range append(append([]string(nil), c.RequiredHeaders...), c.SuggestedHeaders...) {
			if _, ok := HeaderSpec(h); !ok {
				t.Errorf("%s: header %s has no defining section in headerSpecs", c.File, h)
			}
		}
		for _, n := range c.RelatedCodes() {
			if _, ok := Lookup(n); !ok || n == c.Number {
				t.Errorf("%s: related code %d has no page or is the code itself", c.File, n)
			}
		}
	}
	for n, want := range map[int]string{405: "Allow", 401: "WWW-Authenticate", 429: "Retry-After", 206: "Content-Range", 304: "ETag"} {
		c, _ := Lookup(n)
		if h := c.Headers(); len(h) == 0 || !containsFold(h, want) {
			t.Errorf("%d: headers %q lack %s", n, h, want)
		}
	}
	if c, _ := Lookup(405); c.Headers()[0] != "Allow" {
		t.Errorf("405: the required header comes first, got %q", c.Headers())
	}
	if s, ok := HeaderSpec("www-authenticate"); !ok || s.URL() != "https://www.rfc-editor.org/rfc/rfc9110#section-11.6.1" {
		t.Errorf("HeaderSpec(www-authenticate) = %v, %v", s, ok)
	}
	if c, _ := Lookup(404); !containsInt(c.RelatedCodes(), 410) {
		t.Errorf("404: related codes %v lack 410", c.RelatedCodes())
	}
}

func containsInt(list []int, n int) bool {
	for _, v := range list {
		if v == n {
			return true
		}
	}
	return false
}
