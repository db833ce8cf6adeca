// Command newrule starts a rule: it writes analysis/internal/rules/<name>.go, with
// the declaration every rule makes and a check that reports nothing yet,
// and an annotated test file for it, then prints the steps left (see
// CONTRIBUTING.md, "Add a rule"). Run it from the repository's root:
//
//	go run ./internal/cmd/newrule -summary "a 201 without Location" created-location
package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"go/format"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"text/template"
)

func main() {
	os.Exit(run(os.Args[1:], ".", os.Stdout, os.Stderr))
}

var ruleName = regexp.MustCompile(`^[a-z]+(-[a-z]+)*$`)

func run(args []string, root string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("newrule", flag.ContinueOnError)
	fs.SetOutput(stderr)
	summary := fs.String("summary", "", "one line: what the rule flags (required)")
	severity := fs.String("severity", "Warning", "default severity: Error, Warning, Info or Hint")
	lang := fs.String("lang", "go", "the language of its first annotated test file")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() != 1 || !ruleName.MatchString(fs.Arg(0)) || *summary == "" {
		fmt.Fprintln(stderr, "usage: go run ./internal/cmd/newrule -summary \"what it flags\" [-severity Warning] [-lang go] rule-name")
		return 2
	}
	switch *severity {
	case "Error", "Warning", "Info", "Hint":
	default:
		fmt.Fprintf(stderr, "newrule: -severity %q: use Error, Warning, Info or Hint\n", *severity)
		return 2
	}
	name := fs.Arg(0)
	file := strings.ReplaceAll(name, "-", "_")
	data := ruleData{Name: name, Var: "rule" + camel(name), Severity: *severity, Summary: *summary, Lang: *lang}
	src, err := render(ruleTemplate, data)
	if err != nil {
		fmt.Fprintf(stderr, "newrule: %v\n", err)
		return 1
	}
	rulePath := filepath.Join(root, "analysis", "internal", "rules", file+".go")
	testPath := filepath.Join(root, "analysis", "testdata", *lang, file+exts[*lang])
	if _, ok := exts[*lang]; !ok {
		fmt.Fprintf(stderr, "newrule: -lang %q: use one of the languages of analysis/testdata\n", *lang)
		return 2
	}
	for _, p := range []string{rulePath, testPath} {
		if _, err := os.Stat(p); err == nil {
			fmt.Fprintf(stderr, "newrule: %s exists; choose another name\n", p)
			return 1
		} else if !errors.Is(err, os.ErrNotExist) {
			fmt.Fprintf(stderr, "newrule: %v\n", err)
			return 1
		}
	}
	test := fmt.Sprintf(testTemplates[*lang], name)
	if err := os.WriteFile(rulePath, src, 0o644); err != nil {
		fmt.Fprintf(stderr, "newrule: %v\n", err)
		return 1
	}
	if err := os.WriteFile(testPath, []byte(test), 0o644); err != nil {
		fmt.Fprintf(stderr, "newrule: %v\n", err)
		return 1
	}
	var listed []string
	for _, m := range ruleLists {
		p := filepath.Join(root, m)
		if err := addRuleName(p, name); err != nil {
			fmt.Fprintf(stderr, "newrule: %v\n", err)
			return 1
		}
		listed = append(listed, p)
	}
	fmt.Fprintf(stdout, `wrote %s and %s, and listed %s in %s. Left to do (CONTRIBUTING.md, "Add a rule"):
  1. write the check in %s and its Why, Bad and Good;
  2. annotate %s: a positive case (want "%s…") and the negative cases beside it;
     set Languages to the languages with a positive case (go test ./analysis checks it);
  3. go test ./cmd/httpcodes -update, review the goldens, and paste
     httpcodes rules --matrix into README.md's rule table.
`, rulePath, testPath, name, strings.Join(listed, ", "), rulePath, testPath, name)
	return 0
}

// ruleLists are the files that list every rule's name for editors and
// configuration (the VS Code settings and the schema of .httpcodes.yaml, with
// its copy in the extension); the manifest tests hold them to the registry.
var ruleLists = []string{
	"editors/vscode/package.json",
	"schema/httpcodes.schema.json",
	"editors/vscode/schemas/httpcodes.schema.json",
}

// addRuleName adds name to the JSON array of rule names in the file at p:
// the array that lists "invalid-status". It edits the text, one line after
// the array's last element with that element's indentation, so the rest of
// the file keeps its layout.
func addRuleName(p, name string) error {
	b, err := os.ReadFile(p)
	if err != nil {
		return err
	}
	s := string(b)
	at := strings.Index(s, `"invalid-status"`)
	if at < 0 {
		return fmt.Errorf("%s: no list of rule names (it lists no \"invalid-status\")", p)
	}
	end := strings.Index(s[at:], "]")
	if end < 0 {
		return fmt.Errorf("%s: the list of rule names does not end", p)
	}
	end += at
	if strings.Contains(s[at:end], strconv.Quote(name)) {
		return nil
	}
	// The last element ends at the last quote before the bracket.
	last := strings.LastIndex(s[:end], `"`) + 1
	lineStart := strings.LastIndex(s[:last], "\n") + 1
	indent := s[lineStart : lineStart+len(s[lineStart:])-len(strings.TrimLeft(s[lineStart:], " \t"))]
	s = s[:last] + ",\n" + indent + strconv.Quote(name) + s[last:]
	info, err := os.Stat(p)
	if err != nil {
		return err
	}
	return os.WriteFile(p, []byte(s), info.Mode().Perm())
}

type ruleData struct {
	Name, Var, Severity, Summary, Lang string
}

func render(tmpl string, data ruleData) ([]byte, error) {
	var b bytes.Buffer
	if err := template.Must(template.New("rule").Parse(tmpl)).Execute(&b, data); err != nil {
		return nil, err
	}
	return format.Source(b.Bytes())
}

// camel turns "created-location" into "CreatedLocation".
func camel(name string) string {
	var b strings.Builder
	for _, part := range strings.Split(name, "-") {
		b.WriteString(strings.ToUpper(part[:1]) + part[1:])
	}
	return b.String()
}

var exts = map[string]string{
	"go": ".go", "javascript": ".js", "typescript": ".ts", "python": ".py", "java": ".java",
	"kotlin": ".kt", "csharp": ".cs", "rust": ".rs", "ruby": ".rb", "php": ".php",
	"openapi": ".yaml", "nginx": ".nginx",
}

const ruleTemplate = `package rules

import "github.com/httpcodes/httpcodes/analysis/internal/facts"

var {{.Var}} = &Rule{
	Name:     {{printf "%q" .Name}},
	Since:    "",
	Severity: facts.{{.Severity}},
	Summary:  {{printf "%q" .Summary}},
	Why:      "",
	Bad:      "",
	Good:     "",
	// Languages: the languages with a positive case in testdata; nil
	// claims every language, which the testdata must then show.
	Languages: []string{ {{- printf "%q" .Lang -}} },
	check: func(c *checker) {
		for _, o := range c.facts.Occ {
			_ = o // judge each occurrence (or c.facts.Steps for a flow rule) and c.report it
		}
	},
}

func init() { registerRule({{.Var}}) }
`

// testTemplates start an annotated test file; %s is the rule's name.
var testTemplates = map[string]string{
	"go":         "package p\n\n// Cases of %s: a positive case carries want \"rule: message regexp\",\n// a negative case carries only its codes: annotation.\n",
	"javascript": "// Cases of %s: a positive case carries want \"rule: message regexp\".\n",
	"typescript": "// Cases of %s: a positive case carries want \"rule: message regexp\".\n",
	"python":     "# Cases of %s: a positive case carries want \"rule: message regexp\".\n",
	"java":       "// Cases of %s: a positive case carries want \"rule: message regexp\".\n",
	"kotlin":     "// Cases of %s: a positive case carries want \"rule: message regexp\".\n",
	"csharp":     "// Cases of %s: a positive case carries want \"rule: message regexp\".\n",
	"rust":       "// Cases of %s: a positive case carries want \"rule: message regexp\".\n",
	"ruby":       "# Cases of %s: a positive case carries want \"rule: message regexp\".\n",
	"php":        "<?php\n// Cases of %s: a positive case carries want \"rule: message regexp\".\n",
	"openapi":    "# Cases of %s: a positive case carries want \"rule: message regexp\".\nopenapi: 3.0.3\n",
	"nginx":      "# Cases of %s: a positive case carries want \"rule: message regexp\".\n",
}
