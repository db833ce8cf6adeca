package codes

import (
	"encoding/csv"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// referenceData holds copies of the project's verified reference facts
// (testdata/README.md names their sources).
const referenceData = "testdata"

func readCSV(t *testing.T, name string) []map[string]string {
	t.Helper()
	f, err := os.Open(filepath.Join(referenceData, name))
	if err != nil {
		t.Fatalf("reference data: %v", err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	var out []map[string]string
	for _, row := range rows[1:] {
		m := map[string]string{}
		for i, h := range rows[0] {
			m[h] = row[i]
		}
		out = append(out, m)
	}
	return out
}

// wholeRFCSections are the sections of codes the registry cites by whole RFC,
// as testdata/README.md gives them.
var wholeRFCSections = map[int]string{
	102: "10.1", 103: "2", 207: "11.1", 208: "7.1", 226: "10.4.1",
	423: "11.3", 424: "11.4", 507: "11.5", 425: "5.2",
	428: "3", 429: "4", 431: "5", 511: "6", 451: "3", 506: "8.1", 508: "7.2", 510: "7",
}

func TestIANARegistry(t *testing.T) {
	for _, row := range readCSV(t, "iana-status-codes.csv") {
		n, _ := strconv.Atoi(row["code"])
		c, ok := Lookup(n)
		if !ok {
			t.Errorf("%d (%s) is in the IANA registry but has no page", n, row["reason_phrase"])
			continue
		}
		phrase := row["reason_phrase"]
		switch {
		case phrase == "(Unused)":
			if c.Registration != IANAUnused {
				t.Errorf("%s: registration %q, want iana-unused", c.File, c.Registration)
			}
		case strings.HasSuffix(phrase, " (OBSOLETED)"):
			if c.Title+" (OBSOLETED)" != phrase || c.Retired == "" || c.Registration != IANA {
				t.Errorf("%s: title %q retired=%q registration %q; registry says %q", c.File, c.Title, c.Retired, c.Registration, phrase)
			}
		default:
			if c.Title != phrase || c.Registration != IANA {
				t.Errorf("%s: title %q registration %q; registry says %q", c.File, c.Title, c.Registration, phrase)
			}
		}
		wantSource, wantURL := row["reference"], row["reference_url"]
		if sec, ok := wholeRFCSections[n]; ok {
			wantSource += ", Section " + sec
			wantURL += "#section-" + sec
		}
		if c.Source != wantSource || c.SourceURL != wantURL {
			t.Errorf("%s: source %q %s; want %q %s", c.File, c.Source, c.SourceURL, wantSource, wantURL)
		}
		if goName, _ := c.Constant(Go); goName != row["go_constant"] {
			t.Errorf("%s: Go constant %q, want %q", c.File, goName, row["go_constant"])
		}
		if py := row["python_httpstatus"]; py != "" && !hasName(c.ConstantsFor(Python), py) {
			t.Errorf("%s: Python constants %v lack %q", c.File, c.ConstantsFor(Python), py)
		}
	}
}

func hasName(ks []Constant, name string) bool {
	for _, k := range ks {
		if k.Name == name {
			return true
		}
	}
	return false
}

func TestEcosystemConstants(t *testing.T) {
	for _, row := range readCSV(t, "ecosystem-constants.csv") {
		n, _ := strconv.Atoi(row["code"])
		c, ok := Lookup(n)
		if !ok {
			t.Errorf("%d has constants in ecosystem-constants.csv but no page", n)
			continue
		}
		for _, eco := range Ecosystems {
			var got []string
			for _, k := range c.ConstantsFor(eco) {
				name := k.Name
				if k.Deprecated {
					name += deprecatedMark
				}
				got = append(got, name)
			}
			if want := row[string(eco)]; strings.Join(got, "|") != want {
				t.Errorf("%d %s: constants %q, want %q", n, eco, strings.Join(got, "|"), want)
			}
		}
	}
}

// TestEveryNetHTTPConstant reads the installed Go's net/http/status.go, so a
// constant added by a new Go release fails here until the data set has it.
func TestEveryNetHTTPConstant(t *testing.T) {
	out, err := exec.Command("go", "env", "GOROOT").Output()
	if err != nil {
		t.Fatalf("go env GOROOT: %v", err)
	}
	file := filepath.Join(strings.TrimSpace(string(out)), "src", "net", "http", "status.go")
	f, err := parser.ParseFile(token.NewFileSet(), file, nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	count := 0
	for _, decl := range f.Decls {
		gd, ok := decl.(*ast.GenDecl)
		if !ok || gd.Tok != token.CONST {
			continue
		}
		for _, spec := range gd.Specs {
			vs := spec.(*ast.ValueSpec)
			for i, id := range vs.Names {
				lit, ok := vs.Values[i].(*ast.BasicLit)
				if !ok || id.Name == "_" {
					continue
				}
				n, _ := strconv.Atoi(lit.Value)
				count++
				c, ok := ByName("http." + id.Name)
				if !ok || c.Number != n {
					t.Errorf("http.%s = %d: ByName gives %v", id.Name, n, c)
				}
			}
		}
	}
	if count < 60 {
		t.Fatalf("read only %d constants from %s", count, file)
	}
}

func TestUnofficialCodes(t *testing.T) {
	for _, n := range []int{210, 286, 419, 420, 444, 456, 460, 463, 494, 495, 496, 497, 499, 509, 520, 521, 522, 523, 524, 525, 526, 527, 530, 561, 598, 599} {
		c, ok := Lookup(n)
		if !ok {
			t.Errorf("no page for the unofficial code %d", n)
			continue
		}
		if c.Registration != Unofficial || c.Vendor == "" {
			t.Errorf("%s: registration %q vendor %q; want unofficial with a vendor", c.File, c.Registration, c.Vendor)
		}
	}
}

func TestFlags(t *testing.T) {
	var noBody, retired, webdav []int
	headers := map[int]string{}
	for _, c := range All() {
		if c.NoBody {
			noBody = append(noBody, c.Number)
		}
		if c.Deprecated() {
			retired = append(retired, c.Number)
		}
		if c.WebDAV {
			webdav = append(webdav, c.Number)
		}
		if len(c.RequiredHeaders) > 0 {
			headers[c.Number] = strings.Join(c.RequiredHeaders, ",")
		}
	}
	check := func(what string, got, want any) {
		t.Helper()
		if g, w := strings.Join(strings.Fields(strings.Trim(toString(got), "[]map")), " "), toString(want); g != strings.Join(strings.Fields(strings.Trim(w, "[]map")), " ") {
			t.Errorf("%s: got %s, want %s", what, g, w)
		}
	}
	check("no-body", noBody, []int{100, 101, 102, 103, 204, 205, 304})
	check("retired", retired, []int{102, 305, 306, 418, 510})
	check("webdav", webdav, []int{102, 207, 208, 423, 424, 507, 508})
	check("required headers", headers, map[int]string{
		101: "Upgrade", 301: "Location", 302: "Location", 303: "Location",
		307: "Location", 308: "Location", 401: "WWW-Authenticate", 405: "Allow",
		407: "Proxy-Authenticate", 426: "Upgrade",
	})
	for n, former := range map[int]string{413: "Payload Too Large", 422: "Unprocessable Entity"} {
		c, _ := Lookup(n)
		if !strings.Contains(strings.Join(c.FormerTitles, ","), former) {
			t.Errorf("%d: former titles %q lack %q", n, c.FormerTitles, former)
		}
	}
}
