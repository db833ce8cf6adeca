package analysis

import (
	"os"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/httpcodes/httpcodes/analysis/internal/facts"
	"github.com/httpcodes/httpcodes/analysis/internal/rules"
)

// TestLanguagesDeclareRulePhrases: every language a rule supports declares
// every phrase the rule's messages read (c.phrases().<field> in its file),
// so adding a language to a rule, or a rule to a language, cannot leave a
// message with an empty phrase, or call a phrase that is not there.
func TestLanguagesDeclareRulePhrases(t *testing.T) {
	read := regexp.MustCompile(`phrases\(\)\.(\w+)`)
	typ := reflect.TypeFor[facts.Phrases]()
	used := map[string]bool{}
	for _, r := range rules.Rules() {
		file := "internal/rules/" + strings.ReplaceAll(r.Name, "-", "_") + ".go"
		src, err := os.ReadFile(file)
		if err != nil {
			t.Fatalf("%s: %v", r.Name, err)
		}
		var names []string
		for _, m := range read.FindAllStringSubmatch(string(src), -1) {
			if !slices.Contains(names, m[1]) {
				names = append(names, m[1])
			}
		}
		for _, name := range names {
			used[name] = true
			f, ok := typ.FieldByName(name)
			switch {
			case !ok:
				t.Errorf("%s reads the phrase %q, which phrases does not have", r.Name, name)
				continue
			case f.Type.Kind() == reflect.Bool:
				continue // a fact a language may leave false, not a phrase
			}
			for _, lang := range r.SupportedLanguages() {
				if reflect.ValueOf(facts.LanguageNamed(lang).Phrases).FieldByIndex(f.Index).IsZero() {
					t.Errorf("%s supports %s, which does not declare the phrase %s", r.Name, lang, name)
				}
			}
		}
	}
	for i := range typ.NumField() {
		if name := typ.Field(i).Name; !used[name] {
			t.Errorf("no rule reads the phrase %s", name)
		}
	}
}

// The phrases are those the messages have always had: a few, complete,
// per language (the annotated testdata and the goldens hold the rest).
func TestPhrasesInMessages(t *testing.T) {
	tests := []struct {
		path, src, want string
	}{
		{"a.go", "package p\n\nimport \"net/http\"\n\nfunc h(w http.ResponseWriter) {\n\tw.WriteHeader(2000)\n}\n",
			"w.WriteHeader with 2000: a status code has three digits, 100 to 999; Go's WriteHeader panics on 2000"},
		{"a.js", "app.get('/', (req, res) => {\n  res.status(2000).end();\n});\n",
			"res.status with 2000: a status code has three digits, 100 to 999; Node throws RangeError [ERR_HTTP_INVALID_STATUS_CODE] on 2000"},
		{"a.php", "<?php\nhttp_response_code(301);\n",
			"http_response_code(301) sends 301 Moved Permanently without a Location header: a 301 redirects nowhere without it; call header('Location: …') too"},
	}
	for _, tt := range tests {
		var messages []string
		for _, f := range Analyze(tt.path, []byte(tt.src), nil).Findings {
			messages = append(messages, f.Message)
		}
		if !slices.Contains(messages, tt.want) {
			t.Errorf("%s: messages %q, want %q among them", tt.path, messages, tt.want)
		}
	}
}
