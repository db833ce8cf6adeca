package analysis

import (
	"go/build"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestLayers holds the analysis to its layers: the facts contract at the
// bottom, the scanning framework on it, the languages and the rules each on
// those two and never on each other. A rule that reaches into a language,
// or a language into the rules or another language, fails here.
func TestLayers(t *testing.T) {
	const mod = "github.com/httpcodes/httpcodes/"
	const in = mod + "analysis/internal/"
	allowed := map[string][]string{
		"facts": {mod + "codes"},
		"lex":   {mod + "codes", in + "facts"},
		"rules": {mod + "codes", in + "facts", in + "lex"},
		"lang":  {mod + "codes", in + "facts", in + "lex"},
	}
	dirs, err := filepath.Glob("internal/*")
	if err != nil {
		t.Fatal(err)
	}
	langs, err := filepath.Glob("internal/lang/*")
	if err != nil {
		t.Fatal(err)
	}
	checked := 0
	for _, dir := range append(dirs, langs...) {
		layer := filepath.Base(dir)
		if strings.HasPrefix(filepath.ToSlash(dir), "internal/lang/") {
			layer = "lang"
		} else if layer == "lang" {
			continue
		}
		ok, known := allowed[layer]
		if !known {
			t.Errorf("%s: a package the layers do not place; add it to TestLayers", dir)
			continue
		}
		pkg, err := build.ImportDir(dir, 0)
		if err != nil {
			t.Fatal(err)
		}
		checked++
		for _, imp := range pkg.Imports {
			if !strings.HasPrefix(imp, mod) || strings.HasPrefix(imp, mod+"internal/") {
				continue // the standard library, outside modules, the module's utilities
			}
			if !slices.Contains(ok, imp) {
				t.Errorf("%s imports %s: the %s layer may import only %v", dir, imp, layer, ok)
			}
		}
	}
	if checked < 12 {
		t.Errorf("checked %d packages; the layout has at least 12", checked)
	}
}
