package codes

import (
	"os"
	"reflect"
	"testing"
)

// TestGeneratedTablesMatchPages parses the Markdown pages and compares them
// with the tables compiled into the binary: a page edited without
// `go generate ./codes` fails here, and so does a malformed page, named.
func TestGeneratedTablesMatchPages(t *testing.T) {
	parsed, err := Load(os.DirFS("data"), ".")
	if err != nil {
		t.Fatalf("the data set does not parse: %v", err)
	}
	if len(parsed.All()) != len(builtin) {
		t.Fatalf("data/ has %d pages but data_gen.go %d codes: run go generate ./codes", len(parsed.All()), len(builtin))
	}
	for i, c := range parsed.All() {
		if !reflect.DeepEqual(c, builtin[i]) {
			t.Errorf("%s differs from its entry in data_gen.go: run go generate ./codes", c.File)
		}
	}
}
