package analysis

import (
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/httpcodes/httpcodes/analysis/internal/facts"
	"github.com/httpcodes/httpcodes/analysis/internal/rules"
)

// TestRuleLanguagesMatchTestdata holds each rule's declared languages to
// the annotated testdata: a declared language without a positive case is a
// claim nothing checks, and a positive case in an undeclared language is
// support the documentation hides.
func TestRuleLanguagesMatchTestdata(t *testing.T) {
	wantRule := regexp.MustCompile(`want((?:\s+"[a-z-]+)+)`)
	positives := map[string]map[string]bool{} // rule → language → seen
	for _, path := range annotatedFiles(t) {
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		lang := facts.LanguageOf(path)
		for _, m := range wantRule.FindAllStringSubmatch(string(src), -1) {
			for _, q := range strings.Fields(m[1]) {
				rule := strings.TrimPrefix(q, `"`)
				if positives[rule] == nil {
					positives[rule] = map[string]bool{}
				}
				positives[rule][lang] = true
			}
		}
	}
	for _, r := range rules.Rules() {
		for _, lang := range r.SupportedLanguages() {
			if !positives[r.Name][lang] {
				t.Errorf("%s declares %s, but no annotated %s file wants it", r.Name, lang, lang)
			}
		}
		for lang := range positives[r.Name] {
			if !r.Supports(lang) {
				t.Errorf("%s has a positive case in %s, which it does not declare", r.Name, lang)
			}
		}
	}
	for rule := range positives {
		if _, ok := rules.RuleByName(rule); !ok {
			t.Errorf("testdata wants %q, which is not a rule", rule)
		}
	}
}

func TestRulesAreOrderedAndDeclared(t *testing.T) {
	rs := rules.Rules()
	if !slices.IsSortedFunc(rs, func(a, b *rules.Rule) int {
		if a.Severity != b.Severity {
			return int(a.Severity - b.Severity)
		}
		return strings.Compare(a.Name, b.Name)
	}) {
		t.Error("rules are not ordered by severity, then name")
	}
	for _, r := range rs {
		if r.Since == "" || r.Summary == "" || r.Why == "" || r.Bad == "" || r.Good == "" {
			t.Errorf("%s: every rule needs Since, Summary, Why, Bad and Good", r.Name)
		}
		for _, l := range r.Languages {
			if facts.LanguageNamed(l) == nil {
				t.Errorf("%s declares %q, which is not a language", r.Name, l)
			}
		}
	}
}
