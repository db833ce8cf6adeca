package codes

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"slices"
	"testing"
)

var update = flag.Bool("update", false, "rewrite testdata/search.json with today's results")

// TestSearchRanking states what a search must find, and in which order, for
// the queries of issue 20; the full results are in testdata/search.json.
func TestSearchRanking(t *testing.T) {
	tests := []struct {
		query string
		first []int // the results start with these, in this order
		also  []int // and include these further down
	}{
		{"40", []int{400, 401, 402, 403, 404, 405, 406, 407, 408, 409}, nil},
		{"404", []int{404}, nil},
		{"teapot", []int{418}, nil},
		{"im a teapot", []int{418}, nil},
		{"too many", []int{429}, nil},
		{"TOO MANY requests", []int{429}, nil},
		{"payload too large", []int{413}, nil},
		{"StatusTeapot", []int{418}, nil},
		{"HTTP_404_NOT_FOUND", []int{404}, nil},
		{"http.StatusMovedPermanently", []int{301}, nil},
		{"found", []int{302, 404}, nil},
		// A constant's short name no longer hides the other codes: C#'s
		// HttpStatusCode.Redirect is 302 and .Moved is 301.
		{"redirect", []int{307, 308, 302, 303}, []int{301}},
		{"moved", []int{301, 302}, nil},
		// Vendors, tags and the Meaning are searched.
		{"nginx", []int{444, 494, 495, 496, 497, 499}, nil},
		{"cloudflare", []int{520, 521, 522, 523, 524, 525, 526, 527, 530}, nil},
		{"webdav", []int{207, 208, 423, 424, 507, 508}, []int{102, 422}},
		{"rate limit", []int{429}, []int{420}},
		{"client error", []int{400, 401, 402}, []int{499}},
	}
	for _, tt := range tests {
		got := numbers(Search(tt.query))
		if len(got) < len(tt.first) || !slices.Equal(got[:len(tt.first)], tt.first) {
			t.Errorf("Search(%q) = %v, want it to start with %v", tt.query, got, tt.first)
		}
		for _, n := range tt.also {
			if !slices.Contains(got, n) {
				t.Errorf("Search(%q) = %v, want %d too", tt.query, got, n)
			}
		}
	}
	for _, q := range []string{"", "  ", "zzzz", "!!", "99"} {
		if got := Search(q); len(got) != 0 {
			t.Errorf("Search(%q) = %v, want nothing", q, numbers(got))
		}
	}
}

func TestFindHow(t *testing.T) {
	tests := []struct {
		query string
		want  string // the first match: code, field, exact
	}{
		{"404", "404 1 true"}, {"40", "400 1 false"}, {"not found", "404 2 true"}, {"not", "304 2 false"},
		{"Redirect", "307 2 false"}, {"StatusFound", "302 3 true"}, {"keepverb", "307 3 false"},
		{"nginx", "444 4 false"}, {"rate limit", "429 5 false"},
	}
	for _, tt := range tests {
		found := Find(tt.query)
		if len(found) == 0 {
			t.Errorf("Find(%q) found nothing", tt.query)
			continue
		}
		if got := fmt.Sprint(found[0].Code.Number, int(found[0].By), found[0].Exact); got != tt.want {
			t.Errorf("Find(%q)[0] = %s, want %s", tt.query, got, tt.want)
		}
	}
}

// searchCase is one query of testdata/search.json and every code it finds,
// in order. The site's browser test runs the same queries through the
// search script of the index page, so both searches rank alike.
type searchCase struct {
	Query string `json:"query"`
	Want  []int  `json:"want"`
}

func TestSearchCases(t *testing.T) {
	const file = "testdata/search.json"
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var cases []searchCase
	if err := json.Unmarshal(data, &cases); err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	if *update {
		for i := range cases {
			cases[i].Want = numbers(Search(cases[i].Query))
		}
		var out []byte
		out = append(out, "[\n"...)
		for i, c := range cases {
			line, _ := json.Marshal(c)
			out = append(out, "  "...)
			out = append(out, line...)
			if i < len(cases)-1 {
				out = append(out, ',')
			}
			out = append(out, '\n')
		}
		out = append(out, "]\n"...)
		if err := os.WriteFile(file, out, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	for _, c := range cases {
		if got := numbers(Search(c.Query)); !slices.Equal(got, c.Want) {
			t.Errorf("Search(%q) = %v, want %v (after a change to the data set: go test ./codes -run TestSearchCases -update, and review the diff)", c.Query, got, c.Want)
		}
	}
}

func numbers(list []*Code) []int {
	out := []int{}
	for _, c := range list {
		out = append(out, c.Number)
	}
	return out
}

func TestNormalize(t *testing.T) {
	for in, want := range map[string]string{
		"I'm a teapot": "im a teapot", "  Too   Many--Requests ": "too many requests", "HTTP_404_NOT_FOUND": "http 404 not found",
		"StatusCode::IM_A_TEAPOT": "statuscode im a teapot", "Über café": "ber caf", "": "", "!!": "",
	} {
		if got := Normalize(in); got != want {
			t.Errorf("Normalize(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestFirstSentence(t *testing.T) {
	c := &Code{Meaning: "nginx writes 499 to its `access log` when the\nclient closed the [connection](https://example.com).  Then **more** follows. And more."}
	if got, want := c.FirstSentence(), "nginx writes 499 to its access log when the client closed the connection."; got != want {
		t.Errorf("summary %q, want %q", got, want)
	}
}
