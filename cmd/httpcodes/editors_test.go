package main

import (
	"encoding/json"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/httpcodes/httpcodes/analysis"
)

// The editor integrations list exactly what the code declares: the
// languages' editor names and the rules. A language or a rule added to the
// analysis and missing from a manifest (or the other way round) fails here.
func TestEditorManifestsMatchTheDeclarations(t *testing.T) {
	var lspIDs, vimTypes, helixNames []string
	for _, l := range analysis.LanguageInfos() {
		lspIDs = append(lspIDs, l.LSPIDs...)
		vimTypes = append(vimTypes, l.VimFiletypes...)
		helixNames = append(helixNames, l.HelixNames...)
	}
	var rules []string
	for _, r := range analysis.Rules() {
		rules = append(rules, r.Name)
	}
	quoted := regexp.MustCompile(`["']([a-z-]+)["']`)
	listIn := func(path, start, end string) []string {
		t.Helper()
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		s := string(src)
		i := strings.Index(s, start)
		if i < 0 {
			t.Fatalf("%s: no %q", path, start)
		}
		j := strings.Index(s[i:], end)
		var out []string
		for _, m := range quoted.FindAllStringSubmatch(s[i:i+j], -1) {
			out = append(out, m[1])
		}
		return out
	}
	same := func(what string, got, want []string) {
		t.Helper()
		g, w := slices.Sorted(slices.Values(got)), slices.Sorted(slices.Values(want))
		if !slices.Equal(g, w) {
			t.Errorf("%s lists %v; the code declares %v", what, g, w)
		}
	}
	same("editors/vscode/src/extension.ts languages", listIn("../../editors/vscode/src/extension.ts", "export const languages = [", "];"), lspIDs)
	same("editors/nvim/lua/httpcodes/init.lua filetypes", listIn("../../editors/nvim/lua/httpcodes/init.lua", "filetypes = {", "}"), vimTypes)
	same("editors/nvim/lsp/httpcodes.lua filetypes", listIn("../../editors/nvim/lsp/httpcodes.lua", "filetypes = {", "}"), vimTypes)

	helix, err := os.ReadFile("../../editors/configs/helix-languages.toml")
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, m := range regexp.MustCompile(`(?m)^name = "([a-z-]+)"`).FindAllStringSubmatch(string(helix), -1) {
		names = append(names, m[1])
	}
	same("editors/configs/helix-languages.toml languages", names, helixNames)

	var manifest struct {
		Contributes struct {
			Configuration struct {
				Properties map[string]struct {
					PropertyNames struct{ Enum []string }
				}
			}
		}
	}
	pkg, err := os.ReadFile("../../editors/vscode/package.json")
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(pkg, &manifest); err != nil {
		t.Fatal(err)
	}
	same("editors/vscode/package.json httpcodes.rules", manifest.Contributes.Configuration.Properties["httpcodes.rules"].PropertyNames.Enum, rules)
}
