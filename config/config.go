// Package config reads a project's .httpcodes.yaml: rule severities, paths
// to exclude, the languages to check and the project's own status codes.
//
// Every mistake in the file is an error naming the file, the line and what
// is wrong; nothing is ignored silently.
package config

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/bmatcuk/doublestar/v4"
	"go.yaml.in/yaml/v3"

	"github.com/httpcodes/httpcodes/analysis"
	"github.com/httpcodes/httpcodes/codes"
	"github.com/httpcodes/httpcodes/internal/readfile"
)

// FileName is the name of the configuration file, found from the checked
// path upward.
const FileName = ".httpcodes.yaml"

// Config is a parsed configuration file.
type Config struct {
	// Path is the file the configuration was read from; "" for none.
	Path string
	// Dir is the directory exclude patterns are relative to.
	Dir string
	// Severity overrides the default severity of rules.
	Severity map[string]analysis.Severity
	// Disabled are the rules set to "off".
	Disabled map[string]bool
	// Exclude are glob patterns (** allowed) of paths not to check,
	// relative to Dir.
	Exclude []string
	// Languages limits check to these languages; empty means all.
	Languages []string
	// Codes are the project's own status codes: numbers the IANA registry
	// has not assigned, or a vendor's unofficial code given the project's
	// meaning.
	Codes []*codes.Code
	// Tests is how test code is checked: quiet (the default: warnings and
	// errors off) or check (like any other code).
	Tests analysis.TestPolicy
	// ReportUnusedIgnores reports the ignore comments that silence nothing
	// (`report-unused-ignores: true`).
	ReportUnusedIgnores bool
	// OpenAPI is the project's API description (`openapi: path`, relative
	// to Dir), which undocumented-status holds the handlers to; "" means
	// every OpenAPI or Swagger file of the checked tree.
	OpenAPI string
	// Overrides change rule severities for the files their globs match,
	// in order, after the top-level rules.
	Overrides []Override
	// Extends is the configuration file this one builds on, as written;
	// Base is that file, parsed. Its settings apply first, this file's on
	// top of them.
	Extends string
	Base    *Config

	// own are this file's top-level rules, without its base's; set says
	// which of tests and report-unused-ignores the file gives itself.
	own             ruleSettings
	testsSet        bool
	reportUnusedSet bool
}

// Options returns the analysis options the configuration asks for.
func (c *Config) Options() *analysis.Options {
	if c == nil {
		return nil
	}
	opts := &analysis.Options{Severity: c.Severity, Disabled: c.Disabled, Tests: c.Tests, ReportUnusedIgnores: c.ReportUnusedIgnores}
	if len(c.Codes) > 0 {
		opts.Codes = codes.Default().With(c.Codes...)
	}
	return opts
}

// CodeSet returns the built-in codes with the project's own added.
func (c *Config) CodeSet() *codes.Set {
	if c == nil || len(c.Codes) == 0 {
		return codes.Default()
	}
	return codes.Default().With(c.Codes...)
}

// Excluded reports whether a path (relative to the working directory or
// absolute) matches an exclude pattern.
// The patterns of a file it extends apply too, relative to that file.
func (c *Config) Excluded(path string) bool {
	if c == nil {
		return false
	}
	if c.Base.Excluded(path) {
		return true
	}
	if len(c.Exclude) == 0 {
		return false
	}
	rel, ok := c.relative(path)
	// A pattern naming a directory excludes what is under it.
	return ok && matchAny(c.Exclude, rel)
}

// LanguageEnabled reports whether check analyses files of a language.
func (c *Config) LanguageEnabled(lang string) bool {
	if c == nil || len(c.Languages) == 0 {
		return true
	}
	for _, l := range c.Languages {
		if l == lang {
			return true
		}
	}
	return false
}

// Find looks for FileName in dir and its parents; it returns "" when there
// is none.
func Find(dir string) string {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return ""
	}
	if info, err := os.Stat(abs); err == nil && !info.IsDir() {
		abs = filepath.Dir(abs)
	}
	for {
		p := filepath.Join(abs, FileName)
		if info, err := os.Stat(p); err == nil && !info.IsDir() {
			return p
		}
		parent := filepath.Dir(abs)
		if parent == abs {
			return ""
		}
		abs = parent
	}
}

// Load reads and checks a configuration file.
func Load(path string) (*Config, error) {
	src, err := readfile.Read(path, readfile.ConfigLimit)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return nil, fmt.Errorf("config %s: no such file", path)
		}
		return nil, fmt.Errorf("config: %w", err)
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, err
	}
	return parse(path, filepath.Dir(abs), src, []string{abs})
}

// Parse checks the YAML of a configuration file; name is used in errors and
// dir is the directory exclude patterns, override globs and extends are
// relative to.
func Parse(name, dir string, src []byte) (*Config, error) {
	return parse(name, dir, src, []string{filepath.Join(dir, filepath.Base(name))})
}

// parse is Parse with the files that extend this one, outermost first, to
// tell a cycle of extends.
func parse(name, dir string, src []byte, chain []string) (*Config, error) {
	c := &Config{Path: name, Dir: dir, Severity: map[string]analysis.Severity{}, Disabled: map[string]bool{}}
	c.own = ruleSettings{Severity: map[string]analysis.Severity{}, Disabled: map[string]bool{}}
	src, err := utf8Text(name, src)
	if err != nil {
		return nil, err
	}
	dec := yaml.NewDecoder(bytes.NewReader(src))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return c, nil // an empty file is an empty configuration
		}
		return nil, yamlError(name, src, err)
	}
	// The library reads one document a call; a second one would be dropped
	// without a word, so it is a mistake to point at.
	var next yaml.Node
	if err := dec.Decode(&next); err == nil {
		return nil, secondDocument(name, src, next.Line)
	} else if !errors.Is(err, io.EOF) {
		return nil, yamlError(name, src, err)
	}
	p := &parser{name: name}
	root := doc.Content[0]
	if root.Kind == yaml.ScalarNode && root.Tag == "!!null" {
		return c, nil // a document of comments, or a lone ---
	}
	if root.Kind != yaml.MappingNode {
		return nil, p.errorf(root, "the file must be a mapping with the keys %s", keyList)
	}
	if err := p.unique(root, ""); err != nil {
		return nil, err
	}
	var extendsNode *yaml.Node
	for i := 0; i+1 < len(root.Content); i += 2 {
		key, value := pair(root, i)
		var err error
		switch key.Value {
		case "rules":
			err = p.rules(value, "rules", c.own)
		case "overrides":
			c.Overrides, err = p.overrides(value)
		case "extends":
			if value.Kind != yaml.ScalarNode || value.Value == "" || value.Tag == "!!null" {
				err = p.errorf(value, "extends: give the path of another configuration file, relative to this one")
			}
			c.Extends, extendsNode = value.Value, value
		case "report-unused-ignores":
			c.ReportUnusedIgnores, err = p.boolean(value, "report-unused-ignores")
			c.reportUnusedSet = true
		case "exclude":
			var items []*yaml.Node
			c.Exclude, items, err = p.strings(value, "exclude")
			for i, pattern := range c.Exclude {
				if err == nil && !doublestar.ValidatePattern(pattern) {
					err = p.errorf(items[i], "exclude: %q is not a valid glob pattern", pattern)
				}
			}
		case "languages":
			var items []*yaml.Node
			c.Languages, items, err = p.strings(value, "languages")
			for i, l := range c.Languages {
				if err == nil && !knownLanguage(l) {
					err = p.errorf(items[i], "languages: %q is not a language httpcodes checks; use %s", l, strings.Join(analysis.Languages(), ", "))
				}
			}
		case "codes":
			c.Codes, err = p.codes(value)
		case "openapi":
			if value.Kind != yaml.ScalarNode || value.Value == "" || value.Tag == "!!null" {
				err = p.errorf(value, "openapi: give the path of the project's OpenAPI or Swagger description, relative to this file")
			}
			c.OpenAPI = value.Value
		case "tests":
			c.Tests, err = p.tests(value)
			c.testsSet = true
		default:
			if near := quotedPhrase(key.Value, topKeys); near != "" {
				err = p.errorf(key, "unknown key %q%s", key.Value, near)
			} else {
				err = p.errorf(key, "unknown key %q; the keys are %s", key.Value, keyList)
			}
		}
		if err != nil {
			return nil, err
		}
	}
	if extendsNode != nil {
		if err := p.extend(c, extendsNode, chain); err != nil {
			return nil, err
		}
	}
	c.merge()
	return c, nil
}

// topKeys are the keys of a configuration file.
var topKeys = []string{"extends", "rules", "overrides", "exclude", "languages", "codes", "tests", "report-unused-ignores", "openapi"}

// keyList names the keys for errors.
var keyList = strings.Join(topKeys[:len(topKeys)-1], ", ") + " and " + topKeys[len(topKeys)-1]

// boolean reads true or false.
func (p *parser) boolean(n *yaml.Node, what string) (bool, error) {
	if n.Kind == yaml.ScalarNode {
		switch strings.ToLower(n.Value) {
		case "true":
			return true, nil
		case "false":
			return false, nil
		}
	}
	return false, p.errorf(n, "%s: %q: use true or false", what, n.Value)
}

// tests reads `tests: quiet` or `tests: check`.
func (p *parser) tests(n *yaml.Node) (analysis.TestPolicy, error) {
	if policy, ok := analysis.ParseTestPolicy(n.Value); ok && n.Kind == yaml.ScalarNode {
		return policy, nil
	}
	return 0, p.errorf(n, "tests: %q: use quiet (warnings and errors off in test code, the default) or check", n.Value)
}

// secondDocument is the error for a file with a document after the first,
// which starts on line.
func secondDocument(name string, src []byte, line int) error {
	ends := lineEnds(src)
	if line >= 1 && line <= len(ends) {
		start := 0
		if line > 1 {
			start = ends[line-2]
		}
		if bytes.HasPrefix(src[start:ends[line-1]], []byte("---")) {
			return fmt.Errorf("%s:%d: a second YAML document starts here; only one document is read: remove the --- and put its settings in the first", name, line)
		}
	}
	return fmt.Errorf("%s:%d: a second YAML document starts here; only one document is read: remove it or put its settings in the first", name, line)
}

func knownLanguage(l string) bool {
	for _, known := range analysis.Languages() {
		if l == known {
			return true
		}
	}
	return false
}

type parser struct{ name string }

func (p *parser) errorf(n *yaml.Node, format string, args ...any) error {
	return fmt.Errorf("%s:%d: %s", p.name, n.Line, fmt.Sprintf(format, args...))
}

// pair returns the i'th key of a mapping and its value, each an alias's
// anchored node where it is an alias.
func pair(n *yaml.Node, i int) (key, value *yaml.Node) {
	return deref(n.Content[i]), deref(n.Content[i+1])
}

// deref returns the node an alias refers to, or n itself.
func deref(n *yaml.Node) *yaml.Node {
	if n.Kind == yaml.AliasNode && n.Alias != nil {
		return n.Alias
	}
	return n
}

// unique checks that no key of a mapping is given twice: the YAML library
// keeps both, and the later one would silently win. prefix names the
// mapping in the error ("rules: ").
func (p *parser) unique(n *yaml.Node, prefix string) error {
	first := map[string]int{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		key, _ := pair(n, i)
		if line, ok := first[key.Value]; ok {
			return p.errorf(key, "%s%q is given twice (first on line %d)", prefix, key.Value, line)
		}
		first[key.Value] = key.Line
	}
	return nil
}

// rules reads a mapping of rule names to severities into rs; what names
// the mapping in errors ("rules", "overrides: rules").
func (p *parser) rules(n *yaml.Node, what string, rs ruleSettings) error {
	if n.Kind != yaml.MappingNode {
		return p.errorf(n, "%s must map rule names to a severity (error, warning, info, hint) or off", what)
	}
	if err := p.unique(n, what+": "); err != nil {
		return err
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		key, value := pair(n, i)
		if _, ok := analysis.RuleByName(key.Value); !ok {
			if near := quotedPhrase(key.Value, ruleNames()); near != "" {
				return p.errorf(key, "%s: %q is not a rule%s", what, key.Value, near)
			}
			return p.errorf(key, "%s: %q is not a rule; the rules are %s", what, key.Value, strings.Join(ruleNames(), ", "))
		}
		if value.Kind != yaml.ScalarNode {
			return p.errorf(value, "%s: %s: give a severity (error, warning, info, hint) or off", what, key.Value)
		}
		// YAML 1.1 readers take a bare off for false; accept both spellings.
		if v := strings.ToLower(value.Value); v == "off" || v == "false" {
			rs.Disabled[key.Value] = true
			continue
		}
		sev, ok := analysis.ParseSeverity(value.Value)
		if !ok {
			return p.errorf(value, "%s: %s: %q is not a severity; use error, warning, info, hint or off", what, key.Value, value.Value)
		}
		rs.Severity[key.Value] = sev
	}
	return nil
}

func ruleNames() []string {
	var names []string
	for _, r := range analysis.Rules() {
		names = append(names, r.Name)
	}
	return names
}

// strings reads a list of non-empty strings, and the node of each for the
// line of a later error about it.
func (p *parser) strings(n *yaml.Node, what string) ([]string, []*yaml.Node, error) {
	if n.Kind != yaml.SequenceNode {
		return nil, nil, p.errorf(n, "%s must be a list", what)
	}
	var out []string
	var nodes []*yaml.Node
	for _, item := range n.Content {
		item = deref(item)
		if item.Kind != yaml.ScalarNode || item.Value == "" {
			return nil, nil, p.errorf(item, "%s: each item must be a non-empty string", what)
		}
		out = append(out, item.Value)
		nodes = append(nodes, item)
	}
	return out, nodes, nil
}

// codeFields maps the keys of a custom code to where they go.
var codeFields = []string{"code", "title", "meaning", "whenToUse", "example", "whenNotToUse", "source", "sourceURL"}

func (p *parser) codes(n *yaml.Node) ([]*codes.Code, error) {
	if n.Kind != yaml.SequenceNode {
		return nil, p.errorf(n, "codes must be a list of codes, each with %s", strings.Join(codeFields, ", "))
	}
	var out []*codes.Code
	seen := map[int]bool{}
	for _, item := range n.Content {
		item = deref(item)
		if item.Kind != yaml.MappingNode {
			return nil, p.errorf(item, "codes: each code must be a mapping with %s", strings.Join(codeFields, ", "))
		}
		if err := p.unique(item, "codes: "); err != nil {
			return nil, err
		}
		values := map[string]string{}
		nodes := map[string]*yaml.Node{}
		for i := 0; i+1 < len(item.Content); i += 2 {
			key, value := pair(item, i)
			if !contains(codeFields, key.Value) {
				return nil, p.errorf(key, "codes: unknown key %q; a code has %s", key.Value, strings.Join(codeFields, ", "))
			}
			if value.Kind != yaml.ScalarNode {
				return nil, p.errorf(value, "codes: %s must be text", key.Value)
			}
			values[key.Value] = strings.TrimSpace(value.Value)
			nodes[key.Value] = value
		}
		for _, f := range codeFields[:2] {
			if values[f] == "" {
				return nil, p.errorf(item, "codes: a code needs %q", f)
			}
		}
		number, err := strconv.Atoi(values["code"])
		if err != nil || number < 100 || number > 999 {
			return nil, p.errorf(item, "codes: %q is not a status code from 100 to 999", values["code"])
		}
		if seen[number] {
			return nil, p.errorf(item, "codes: %d is given twice", number)
		}
		// A registered number keeps its meaning: a project's code that
		// replaced it would make every page and rule about it wrong. A
		// vendor's unofficial code (nginx's 499) may be given a project's
		// own meaning.
		if known, ok := codes.Default().Lookup(number); ok && (known.Registration == codes.IANA || known.Registration == codes.IANAUnused) {
			how := "already defined"
			if known.Registration == codes.IANAUnused {
				how = "reserved, unused,"
			}
			return nil, p.errorf(nodes["code"], "codes: %d %s is %s by the IANA registry; a project's own code must use a number the registry has not assigned", number, known.Title, how)
		}
		seen[number] = true
		out = append(out, &codes.Code{
			Number: number, Title: values["title"], Registration: codes.Custom,
			Meaning: orDefault(values["meaning"], "Defined by this project."), WhenToUse: values["whenToUse"],
			Example: values["example"], WhenNotToUse: values["whenNotToUse"],
			Source: orDefault(values["source"], "This project's "+FileName), SourceURL: values["sourceURL"],
			File: fmt.Sprintf("%s:%d", p.name, item.Line),
		})
	}
	return out, nil
}

func orDefault(v, d string) string {
	if v == "" {
		return d
	}
	return v
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// OpenAPIPath is the description `openapi:` names, as a path joined to the
// configuration's directory; "" when the configuration names none.
func (c *Config) OpenAPIPath() string {
	if c == nil || c.OpenAPI == "" {
		return ""
	}
	if filepath.IsAbs(c.OpenAPI) {
		return c.OpenAPI
	}
	return filepath.Join(c.Dir, c.OpenAPI)
}
