package codes

import (
	"encoding/json"
	"encoding/xml"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// message is one HTTP message of an Example's `http` block.
type message struct {
	line    int    // 1-based line of its start line inside the block
	start   string // the request or status line
	request bool
	version string // "HTTP/1.1"
	status  int    // responses only
	method  string // requests only
	headers [][2]string
	body    string
}

func (m *message) header(name string) (string, bool) {
	for _, h := range m.headers {
		if strings.EqualFold(h[0], name) {
			return h[1], true
		}
	}
	return "", false
}

var (
	requestLine = regexp.MustCompile(`^([A-Z][A-Z-]*) (\S.*) (HTTP/\d(?:\.\d)?)$`)
	statusLine  = regexp.MustCompile(`^(HTTP/\d(?:\.\d)?) (\d{3})(?: .*)?$`)
	httpBlock   = regexp.MustCompile("(?s)```http\n(.*?)```")
)

// exampleMessages splits every `http` code block of a page's Example into
// its messages: a message starts at a request or status line, its header
// fields run to the first blank line, and its body to the next message. A
// line wholly in parentheses is narration ("(the client streams the body)").
func exampleMessages(t *testing.T, c *Code) []*message {
	t.Helper()
	var out []*message
	for _, block := range httpBlock.FindAllStringSubmatch(c.Example, -1) {
		var cur *message
		inHeaders := false
		var body []string
		flush := func() {
			if cur != nil {
				cur.body = strings.TrimSpace(strings.Join(body, "\n"))
				out = append(out, cur)
			}
			body = nil
		}
		for i, line := range strings.Split(block[1], "\n") {
			if strings.HasPrefix(line, "(") && strings.HasSuffix(line, ")") {
				continue
			}
			if m := requestLine.FindStringSubmatch(line); m != nil {
				flush()
				cur = &message{line: i + 1, start: line, request: true, method: m[1], version: m[3]}
				inHeaders = true
				continue
			}
			if m := statusLine.FindStringSubmatch(line); m != nil {
				flush()
				n, _ := strconv.Atoi(m[2])
				cur = &message{line: i + 1, start: line, version: m[1], status: n}
				inHeaders = true
				continue
			}
			if cur == nil {
				if strings.TrimSpace(line) != "" {
					t.Errorf("%s: the http block starts with %q, not a request or status line", c.File, line)
				}
				continue
			}
			if inHeaders {
				if line == "" {
					inHeaders = false
					continue
				}
				name, value, ok := strings.Cut(line, ":")
				if !ok || name == "" || strings.ContainsAny(name, " \t") {
					t.Errorf("%s: %q (line %d of its http block) is not a header field; end the header section with a blank line first", c.File, line, i+1)
					continue
				}
				cur.headers = append(cur.headers, [2]string{name, strings.TrimSpace(value)})
				continue
			}
			body = append(body, line)
		}
		flush()
	}
	return out
}

// TestExampleMessages checks the exchanges every Example shows: an http
// block holds HTTP messages, and an HTTP/1.1 request names its Host (RFC
// 9112, Section 3.2).
func TestExampleMessages(t *testing.T) {
	for _, c := range All() {
		msgs := exampleMessages(t, c)
		if len(msgs) == 0 {
			if !strings.Contains(c.Example, "```http") {
				continue // a code example only (an nginx configuration, a client snippet)
			}
			t.Errorf("%s: the http block holds no request or status line", c.File)
		}
		for _, m := range msgs {
			if m.request && m.version == "HTTP/1.1" {
				if _, ok := m.header("Host"); !ok {
					t.Errorf("%s: the request %q has no Host header; HTTP/1.1 requires one (RFC 9112, Section 3.2)", c.File, m.start)
				}
			}
		}
	}
}

// TestExampleProblemDetails checks every application/problem+json body: it
// parses, and when its type is about:blank (or absent, which means the same)
// its title is the status code's reason phrase (RFC 9457, Section 4.2.1), not
// a per-occurrence message, which belongs in detail.
func TestExampleProblemDetails(t *testing.T) {
	seen := 0
	for _, c := range All() {
		for _, m := range exampleMessages(t, c) {
			ct, _ := m.header("Content-Type")
			if !strings.HasPrefix(ct, "application/problem+json") {
				continue
			}
			seen++
			var p map[string]any
			if err := json.Unmarshal([]byte(m.body), &p); err != nil {
				t.Errorf("%s: the problem+json body of %q does not parse: %v", c.File, m.start, err)
				continue
			}
			typ, hasType := p["type"].(string)
			if hasType && typ != "about:blank" {
				if _, ok := p["title"].(string); !ok {
					t.Errorf("%s: the problem type %s has no title", c.File, typ)
				}
				continue
			}
			status, ok := Lookup(m.status)
			if !ok {
				t.Errorf("%s: %q: no page for status %d", c.File, m.start, m.status)
				continue
			}
			if title, _ := p["title"].(string); title != "" && title != status.Title {
				t.Errorf("%s: a problem of type about:blank has the title %q; RFC 9457 wants the reason phrase %q (per-occurrence text goes in detail)", c.File, title, status.Title)
			}
			if s, ok := p["status"].(float64); ok && int(s) != m.status {
				t.Errorf("%s: problem status %v in a %d response", c.File, s, m.status)
			}
		}
	}
	if seen < 5 {
		t.Fatalf("found only %d problem+json examples; the parser is broken", seen)
	}
}

// TestExampleHeadersMatchData checks each example response against the
// facts of its code: a code that needs a header shows it, and a code that
// carries no content shows none.
func TestExampleHeadersMatchData(t *testing.T) {
	for _, c := range All() {
		for _, m := range exampleMessages(t, c) {
			if m.request {
				continue
			}
			code, ok := Lookup(m.status)
			if !ok {
				continue
			}
			for _, h := range code.RequiredHeaders {
				if _, ok := m.header(h); !ok {
					t.Errorf("%s: the example %q lacks %s, which %d requires (required-headers of %s)", c.File, m.start, h, m.status, code.File)
				}
			}
			if code.NoBody && m.body != "" {
				t.Errorf("%s: the example %q carries content, which %d never has", c.File, m.start, m.status)
			}
		}
	}
}

// TestExampleMultiStatus checks 207 bodies against RFC 4918's DTD
// (Section 14.16): each response names its href and either a status or
// propstats, and a PROPFIND is answered with propstats that hold properties.
func TestExampleMultiStatus(t *testing.T) {
	type propstat struct {
		Prop struct {
			Inner string `xml:",innerxml"`
		} `xml:"DAV: prop"`
		Status string `xml:"DAV: status"`
	}
	type response struct {
		Href     []string   `xml:"DAV: href"`
		Status   string     `xml:"DAV: status"`
		Propstat []propstat `xml:"DAV: propstat"`
	}
	type multistatus struct {
		XMLName   xml.Name   `xml:"DAV: multistatus"`
		Responses []response `xml:"DAV: response"`
	}
	seen := 0
	for _, c := range All() {
		msgs := exampleMessages(t, c)
		for i, m := range msgs {
			if m.request || m.status != 207 {
				continue
			}
			seen++
			var ms multistatus
			if err := xml.Unmarshal([]byte(m.body), &ms); err != nil {
				t.Errorf("%s: the 207 body does not parse as a DAV:multistatus: %v", c.File, err)
				continue
			}
			propfind := i > 0 && msgs[i-1].request && msgs[i-1].method == "PROPFIND"
			if len(ms.Responses) == 0 {
				t.Errorf("%s: the multistatus holds no response", c.File)
			}
			for _, r := range ms.Responses {
				if len(r.Href) == 0 {
					t.Errorf("%s: a response without href", c.File)
				}
				if (r.Status == "") == (len(r.Propstat) == 0) {
					t.Errorf("%s: a response for %v must hold either a status or propstats", c.File, r.Href)
				}
				if propfind && len(r.Propstat) == 0 {
					t.Errorf("%s: a PROPFIND result for %v gives a bare status; PROPFIND answers with propstat (RFC 4918, Section 9.1)", c.File, r.Href)
				}
				for _, ps := range r.Propstat {
					if ps.Status == "" || strings.TrimSpace(ps.Prop.Inner) == "" {
						t.Errorf("%s: a propstat for %v needs its properties and a status", c.File, r.Href)
					}
				}
			}
		}
	}
	if seen == 0 {
		t.Fatal("no 207 example found")
	}
}
