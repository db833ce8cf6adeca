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
	// Codes are the project's own status codes.
	Codes []*codes.Code
}

// Options returns the analysis options the configuration asks for.
func (c *Config) Options() *analysis.Options {
	if c == nil {
		return nil
	}
	opts := &analysis.Options{Severity: c.Severity, Disabled: c.Disabled}
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
func (c *Config) Excluded(path string) bool {
	if c == nil || len(c.Exclude) == 0 {
		return false
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return false
	}
	rel, err := filepath.Rel(c.Dir, abs)
	if err != nil || strings.HasPrefix(rel, "..") {
		return false
	}
	rel = filepath.ToSlash(rel)
	for _, pattern := range c.Exclude {
		if ok, _ := doublestar.Match(pattern, rel); ok {
			return true
		}
		// A pattern naming a directory excludes what is under it.
		if ok, _ := doublestar.Match(strings.TrimSuffix(pattern, "/")+"/**", rel); ok {
			return true
		}
	}
	return false
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
	return Parse(path, filepath.Dir(abs), src)
}

// Parse checks the YAML of a configuration file; name is used in errors and
// dir is the directory exclude patterns are relative to.
func Parse(name, dir string, src []byte) (*Config, error) {
	c := &Config{Path: name, Dir: dir, Severity: map[string]analysis.Severity{}, Disabled: map[string]bool{}}
	var doc yaml.Node
	if err := yaml.NewDecoder(bytes.NewReader(src)).Decode(&doc); err != nil {
		if err.Error() == "EOF" {
			return c, nil // an empty file is an empty configuration
		}
		return nil, fmt.Errorf("%s", yamlError(name, err))
	}
	p := &parser{name: name}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		return nil, p.errorf(root, "the file must be a mapping with the keys rules, exclude, languages and codes")
	}
	for i := 0; i+1 < len(root.Content); i += 2 {
		key, value := root.Content[i], root.Content[i+1]
		var err error
		switch key.Value {
		case "rules":
			err = p.rules(value, c)
		case "exclude":
			c.Exclude, err = p.strings(value, "exclude")
			for _, pattern := range c.Exclude {
				if err == nil && !doublestar.ValidatePattern(pattern) {
					err = p.errorf(value, "exclude: %q is not a valid glob pattern", pattern)
				}
			}
		case "languages":
			c.Languages, err = p.strings(value, "languages")
			for _, l := range c.Languages {
				if err == nil && !knownLanguage(l) {
					err = p.errorf(value, "languages: %q is not a language httpcodes checks; use %s", l, strings.Join(analysis.Languages(), ", "))
				}
			}
		case "codes":
			c.Codes, err = p.codes(value)
		default:
			err = p.errorf(key, "unknown key %q; the keys are rules, exclude, languages and codes", key.Value)
		}
		if err != nil {
			return nil, err
		}
	}
	return c, nil
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

func (p *parser) rules(n *yaml.Node, c *Config) error {
	if n.Kind != yaml.MappingNode {
		return p.errorf(n, "rules must map rule names to a severity (error, warning, info, hint) or off")
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		key, value := n.Content[i], n.Content[i+1]
		if _, ok := analysis.RuleByName(key.Value); !ok {
			return p.errorf(key, "rules: %q is not a rule; the rules are %s", key.Value, strings.Join(ruleNames(), ", "))
		}
		if value.Kind != yaml.ScalarNode {
			return p.errorf(value, "rules: %s: give a severity (error, warning, info, hint) or off", key.Value)
		}
		// YAML 1.1 readers take a bare off for false; accept both spellings.
		if v := strings.ToLower(value.Value); v == "off" || v == "false" {
			c.Disabled[key.Value] = true
			continue
		}
		sev, ok := analysis.ParseSeverity(value.Value)
		if !ok {
			return p.errorf(value, "rules: %s: %q is not a severity; use error, warning, info, hint or off", key.Value, value.Value)
		}
		c.Severity[key.Value] = sev
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

func (p *parser) strings(n *yaml.Node, what string) ([]string, error) {
	if n.Kind != yaml.SequenceNode {
		return nil, p.errorf(n, "%s must be a list", what)
	}
	var out []string
	for _, item := range n.Content {
		if item.Kind != yaml.ScalarNode || item.Value == "" {
			return nil, p.errorf(item, "%s: each item must be a non-empty string", what)
		}
		out = append(out, item.Value)
	}
	return out, nil
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
		if item.Kind != yaml.MappingNode {
			return nil, p.errorf(item, "codes: each code must be a mapping with %s", strings.Join(codeFields, ", "))
		}
		values := map[string]string{}
		for i := 0; i+1 < len(item.Content); i += 2 {
			key, value := item.Content[i], item.Content[i+1]
			if !contains(codeFields, key.Value) {
				return nil, p.errorf(key, "codes: unknown key %q; a code has %s", key.Value, strings.Join(codeFields, ", "))
			}
			if value.Kind != yaml.ScalarNode {
				return nil, p.errorf(value, "codes: %s must be text", key.Value)
			}
			values[key.Value] = strings.TrimSpace(value.Value)
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

// yamlError turns the YAML library's "yaml: line 3: msg" into "name:3: msg",
// the form of every other error of this package.
func yamlError(name string, err error) string {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	if rest, ok := strings.CutPrefix(msg, "line "); ok {
		if num, text, ok := strings.Cut(rest, ": "); ok {
			if _, err := strconv.Atoi(num); err == nil {
				return fmt.Sprintf("%s:%s: %s", name, num, text)
			}
		}
	}
	return name + ": " + msg
}
