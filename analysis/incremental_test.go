package analysis

import (
	"io/fs"
	"math/rand"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unsafe"

	"github.com/httpcodes/httpcodes/analysis/internal/facts"
	"github.com/httpcodes/httpcodes/analysis/internal/lang/golang"
)

// TestIncrementalMatchesFull applies random edits inside and outside
// function bodies, one after another, and checks after each that the
// incremental analysis equals a full analysis of the same text.
func TestIncrementalMatchesFull(t *testing.T) {
	sources := map[string][]byte{"big.go": bigGoFile(3000)}
	// Every Go file of testdata/go and its folders, the fixed ones too
	// (read as .go files).
	err := filepath.WalkDir("testdata/go", func(name string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		src, err := os.ReadFile(name)
		if err != nil {
			return err
		}
		switch {
		case strings.HasSuffix(name, ".go"):
			sources[name] = src
		case strings.HasSuffix(name, ".go.fixed"):
			sources[strings.TrimSuffix(name, ".go.fixed")+".fixed.go"] = src
		default:
			t.Errorf("%s: testdata/go holds a file that is not Go; say here how to read it", name)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(sources) < 10 || sources["testdata/go/late_header.go"] == nil {
		t.Fatalf("only %d sources", len(sources))
	}
	inserts := []string{" ", "1", "0", "\n", "x", "w.WriteHeader(204)\n", "return\n", "}", "{", "\"", "http.StatusTeapot", "//httpcodes:ignore\n"}
	rng := rand.New(rand.NewSource(1))
	incremental := 0
	for name, src := range sources {
		inc := NewReanalyser(name, src, nil)
		if !inc.Incremental() {
			t.Fatalf("%s: the Go reanalyser is not incremental", name)
		}
		for i := 0; i < 400; i++ {
			text := inc.Text()
			start := rng.Intn(len(text))
			end := start
			if rng.Intn(3) == 0 {
				end = min(len(text), start+rng.Intn(4))
			}
			ins := inserts[rng.Intn(len(inserts))]
			if rng.Intn(4) == 0 {
				// Change a status code where there is one.
				if j := strings.Index(string(text[start:]), "20"); j >= 0 {
					start, end, ins = start+j, start+j+2, "30"
				}
			}
			before := inc.inc.(*golang.GoIncremental).BodyHolding(start, end) >= 0
			got := inc.Edit(start, end, ins)
			want := Analyze(name, inc.Text(), nil)
			if before && got.SyntaxError == nil {
				incremental++
			}
			if !reflect.DeepEqual(got.SyntaxError, want.SyntaxError) || !reflect.DeepEqual(got.Occurrences, want.Occurrences) ||
				!reflect.DeepEqual(got.Findings, want.Findings) || got.Generated != want.Generated {
				t.Fatalf("%s, edit %d ([%d,%d) → %q): incremental and full analyses differ\nsyntax %v / %v\n%d/%d occurrences, %d/%d findings",
					name, i, start, end, ins, got.SyntaxError, want.SyntaxError, len(got.Occurrences), len(want.Occurrences), len(got.Findings), len(want.Findings))
			}
			if got.SyntaxError != nil && rng.Intn(2) == 0 {
				inc = NewReanalyser(name, src, nil) // start again from text that parses
			}
		}
	}
	if incremental < 100 {
		t.Errorf("only %d edits took the incremental path", incremental)
	}
}

// TestReanalyserCapability: a reanalyser is incremental exactly for the
// languages that declare the capability, and for the others each edit is
// a full analysis with the same result as Analyze's.
func TestReanalyserCapability(t *testing.T) {
	for _, l := range facts.Sorted() {
		path := "a" + l.Exts[0]
		if got := NewReanalyser(path, nil, nil).Incremental(); got != (l.Incremental != nil) {
			t.Errorf("%s: Incremental() = %v, the language declares %v", l.Name, got, l.Incremental != nil)
		}
	}
	if facts.LanguageNamed("go").Incremental == nil {
		t.Error("Go no longer offers incremental analysis")
	}
	src := "app.get('/', (req, res) => {\n  res.status(200).send('x');\n});\n"
	r := NewReanalyser("a.js", []byte(src), nil)
	at := strings.Index(src, "200")
	got := r.Edit(at, at+3, "204")
	want := Analyze("a.js", []byte(strings.Replace(src, "200", "204", 1)), nil)
	if string(r.Text()) != strings.Replace(src, "200", "204", 1) || !reflect.DeepEqual(got, want) || r.Result() != got {
		t.Errorf("the JavaScript edit: got %+v, want %+v", got, want)
	}
	if len(got.Findings) == 0 {
		t.Error("a 204 with a body: the edit was not analysed")
	}
}

// BenchmarkIncrementalEdit10kLines measures an edit inside one function of a
// 10,000-line file, as the language server analyses it.
func BenchmarkIncrementalEdit10kLines(b *testing.B) {
	src := bigGoFile(10000)
	inc := NewReanalyser("big.go", src, nil)
	at := strings.Index(string(src), "w.WriteHeader(201)") + len("w.WriteHeader(20")
	digits := []string{"2", "1"}
	i := 0
	for b.Loop() {
		i++
		inc.Edit(at, at+1, digits[i%2])
	}
	b.ReportMetric(float64(len(inc.Result().Findings)), "findings")
}

// TestIncrementalKeepsLateHeaderFixes: a keystroke in one function keeps
// the late-header quick fixes of the others. Their facts were moved by the
// edit without the statement spans the fix moves, and 8 fixes became 1.
func TestIncrementalKeepsLateHeaderFixes(t *testing.T) {
	src, err := os.ReadFile("testdata/go/late_header.go")
	if err != nil {
		t.Fatal(err)
	}
	fixes := func(res *facts.Result) (n int) {
		for _, f := range res.Findings {
			if f.Rule == "late-header" && f.Fix != nil {
				n++
			}
		}
		return n
	}
	inc := NewReanalyser("late_header.go", src, nil)
	before := fixes(inc.Result())
	if before < 5 {
		t.Fatalf("late_header.go has %d late-header fixes; the test needs several", before)
	}
	// A space at the start of the first function's body.
	at := strings.Index(string(src), "func afterWriteHeader(w http.ResponseWriter, url string) {\n") + len("func afterWriteHeader(w http.ResponseWriter, url string) {\n")
	if inc.inc.(*golang.GoIncremental).BodyHolding(at, at) < 0 {
		t.Fatal("the edit is not inside a function body")
	}
	got := inc.Edit(at, at, " ")
	want := Analyze("late_header.go", inc.Text(), nil)
	if fixes(got) != before || fixes(want) != before {
		t.Errorf("late-header fixes after a keystroke: %d incremental, %d full, %d before", fixes(got), fixes(want), before)
	}
	if !reflect.DeepEqual(got.Findings, want.Findings) {
		t.Error("the incremental findings differ from the full analysis's")
	}
}

// notOffsets lists the int fields of the facts an edit moves that are not
// byte offsets. Every other int field is an offset, and shifted must move
// it: a field added to these structs fails TestShiftedMovesEveryOffset
// until it is shifted or listed here.
var notOffsets = map[string]bool{
	"Event.Kind": true, "Event.Code": true,
	"Occurrence.Code": true, "Occurrence.Written": true, "Occurrence.Role": true,
	"Occurrence.API": true, "Occurrence.MessageCode": true,
}

// TestShiftedMovesEveryOffset sets every int field of a declaration's
// facts (its span, occurrences, flow steps and the states before them) to
// a distinct non-zero value, shifts them, and checks that exactly the
// offsets moved.
func TestShiftedMovesEveryOffset(t *testing.T) {
	var d golang.DeclFacts
	next := 100
	fill(reflect.ValueOf(&d).Elem(), &next, 0)
	const delta = 7
	shifted := d.Shifted(delta)
	seen := map[string]bool{}
	compareShifted(t, "declFacts", reflect.ValueOf(d), reflect.ValueOf(shifted), delta, seen, 0)
	for name := range notOffsets {
		if !seen[name] {
			t.Errorf("notOffsets lists %s, which is no int field of the facts", name)
		}
	}
	for _, name := range []string{"DeclFacts.start", "DeclFacts.bodyEnd", "Occurrence.MessageEnd", "Event.StmtStart", "Event.Block", "Event.End"} {
		if !seen[name] {
			t.Errorf("the walk did not reach %s", name)
		}
	}
}

// settable returns a field that reflection may set, unexported or not.
func settable(v reflect.Value) reflect.Value {
	return reflect.NewAt(v.Type(), unsafe.Pointer(v.UnsafeAddr())).Elem()
}

// fill gives every int field under v a distinct value, every slice one
// element and every pointer a value, down to a depth that ends the
// recursion through a state list.
func fill(v reflect.Value, next *int, depth int) {
	switch v.Kind() {
	case reflect.Int:
		*next++
		settable(v).SetInt(int64(*next))
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			fill(v.Field(i), next, depth)
		}
	case reflect.Slice:
		if depth < 3 {
			s := reflect.MakeSlice(v.Type(), 1, 1)
			fill(s.Index(0), next, depth+1)
			settable(v).Set(s)
		}
	case reflect.Pointer:
		if depth < 3 {
			p := reflect.New(v.Type().Elem())
			fill(p.Elem(), next, depth+1)
			settable(v).Set(p)
		}
	}
}

// compareShifted checks that every int field of b is a's moved by delta,
// or equal to it when notOffsets lists the field; it records the fields
// it saw.
func compareShifted(t *testing.T, path string, a, b reflect.Value, delta int, seen map[string]bool, depth int) {
	t.Helper()
	switch a.Kind() {
	case reflect.Struct:
		for i := 0; i < a.NumField(); i++ {
			f := a.Type().Field(i)
			name := a.Type().Name() + "." + f.Name
			if f.Type.Kind() == reflect.Int {
				seen[name] = true
				want := a.Field(i).Int()
				if !notOffsets[name] {
					want += int64(delta)
				}
				if got := b.Field(i).Int(); got != want {
					t.Errorf("%s.%s (%s) is %d after shifting %d by %d; want %d: shift it in its type's shifted method, or list it in notOffsets if it is no offset",
						path, f.Name, name, got, a.Field(i).Int(), delta, want)
				}
				continue
			}
			compareShifted(t, path+"."+f.Name, a.Field(i), b.Field(i), delta, seen, depth)
		}
	case reflect.Slice:
		if a.Len() != b.Len() {
			t.Errorf("%s has %d elements after shifting, %d before", path, b.Len(), a.Len())
			return
		}
		for i := 0; i < a.Len(); i++ {
			compareShifted(t, path+"[]", a.Index(i), b.Index(i), delta, seen, depth+1)
		}
	case reflect.Pointer:
		if a.IsNil() != b.IsNil() {
			t.Errorf("%s is nil on one side of the shift only", path)
			return
		}
		if !a.IsNil() && depth < 3 {
			compareShifted(t, path, a.Elem(), b.Elem(), delta, seen, depth+1)
		}
	}
}
