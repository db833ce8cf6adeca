package config

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/bmatcuk/doublestar/v4"
	"go.yaml.in/yaml/v3"

	"github.com/httpcodes/httpcodes/analysis"
	"github.com/httpcodes/httpcodes/codes"
	"github.com/httpcodes/httpcodes/internal/readfile"
	"github.com/httpcodes/httpcodes/internal/suggest"
)

// This file holds what layers one configuration over another: the
// overrides for some files, and extends.

// ruleSettings are severities and rules turned off, as a `rules:` mapping
// gives them.
type ruleSettings struct {
	Severity map[string]analysis.Severity
	Disabled map[string]bool
}

// applyTo sets the rules of rs in opts: a severity turns a rule on again
// that an earlier layer turned off.
func (rs ruleSettings) applyTo(opts *analysis.Options) {
	for rule, sev := range rs.Severity {
		delete(opts.Disabled, rule)
		opts.Severity[rule] = sev
	}
	for rule := range rs.Disabled {
		opts.Disabled[rule] = true
	}
}

// Override is one entry of `overrides:`: rule severities for the files its
// globs match.
type Override struct {
	// Files are glob patterns (** allowed), relative to the configuration
	// file's directory; a pattern naming a directory matches what is under it.
	Files []string
	// Severity and Disabled are the entry's rules.
	Severity map[string]analysis.Severity
	Disabled map[string]bool
	// Line is where the entry starts in its file.
	Line int
}

// overrideKeys are the keys of an entry of `overrides:`.
var overrideKeys = []string{"files", "rules"}

func (p *parser) overrides(n *yaml.Node) ([]Override, error) {
	const shape = "overrides must be a list of entries, each with files (a list of globs) and rules"
	if n.Kind != yaml.SequenceNode {
		return nil, p.errorf(n, shape)
	}
	var out []Override
	for _, item := range n.Content {
		item = deref(item)
		if item.Kind != yaml.MappingNode {
			return nil, p.errorf(item, shape)
		}
		if err := p.unique(item, "overrides: "); err != nil {
			return nil, err
		}
		o := Override{Severity: map[string]analysis.Severity{}, Disabled: map[string]bool{}, Line: item.Line}
		var hasFiles, hasRules bool
		for i := 0; i+1 < len(item.Content); i += 2 {
			key, value := pair(item, i)
			switch key.Value {
			case "files":
				files, nodes, err := p.strings(value, "overrides: files")
				if err != nil {
					return nil, err
				}
				for i, pattern := range files {
					if !doublestar.ValidatePattern(pattern) {
						return nil, p.errorf(nodes[i], "overrides: files: %q is not a valid glob pattern", pattern)
					}
				}
				if len(files) == 0 {
					return nil, p.errorf(value, "overrides: files: give at least one glob pattern")
				}
				o.Files, hasFiles = files, true
			case "rules":
				if err := p.rules(value, "overrides: rules", ruleSettings{o.Severity, o.Disabled}); err != nil {
					return nil, err
				}
				hasRules = true
			default:
				if near := quotedPhrase(key.Value, overrideKeys); near != "" {
					return nil, p.errorf(key, "overrides: unknown key %q%s", key.Value, near)
				}
				return nil, p.errorf(key, "overrides: unknown key %q; an entry has files and rules", key.Value)
			}
		}
		if !hasFiles {
			return nil, p.errorf(item, "overrides: an entry needs files, the globs of the files its rules apply to")
		}
		if !hasRules {
			return nil, p.errorf(item, "overrides: an entry needs rules, the severities for its files")
		}
		out = append(out, o)
	}
	return out, nil
}

// extend reads the file c extends, relative to c's directory; chain holds
// the files that led here, to tell a cycle.
func (p *parser) extend(c *Config, n *yaml.Node, chain []string) error {
	path := filepath.FromSlash(c.Extends)
	abs := path
	if !filepath.IsAbs(path) {
		abs = filepath.Join(c.Dir, path)
	}
	display := abs
	if !filepath.IsAbs(path) && !filepath.IsAbs(p.name) {
		display = filepath.Join(filepath.Dir(p.name), path)
	}
	if i := slices.Index(chain, abs); i >= 0 {
		return p.errorf(n, "extends: %s is already read: the files extend one another in a cycle (%s); remove one extends", c.Extends, cycle(chain[i:], abs))
	}
	src, err := readfile.Read(abs, readfile.ConfigLimit)
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return p.errorf(n, "extends: %s: no such file; give a path relative to this file's directory", c.Extends)
		}
		return p.errorf(n, "extends: %v", err)
	}
	base, err := parse(display, filepath.Dir(abs), src, append(slices.Clip(chain), abs))
	if err != nil {
		return err
	}
	c.Base = base
	return nil
}

// cycle describes a cycle of extends: a.yaml → b.yaml → a.yaml.
func cycle(files []string, again string) string {
	var names []string
	for _, f := range append(slices.Clip(files), again) {
		names = append(names, filepath.Base(filepath.Dir(f))+"/"+filepath.Base(f))
	}
	return strings.Join(names, " → ")
}

// merge fills c's merged settings: its base's, with c's own on top.
func (c *Config) merge() {
	if b := c.Base; b != nil {
		for k, v := range b.Severity {
			c.Severity[k] = v
		}
		for k := range b.Disabled {
			c.Disabled[k] = true
		}
		if len(c.Languages) == 0 {
			c.Languages = b.Languages
		}
		if !c.testsSet {
			c.Tests = b.Tests
		}
		if !c.reportUnusedSet {
			c.ReportUnusedIgnores = b.ReportUnusedIgnores
		}
		if c.OpenAPI == "" && b.OpenAPI != "" {
			c.OpenAPI = filepath.Join(b.Dir, b.OpenAPI)
		}
		var merged []*codes.Code
		for _, code := range b.Codes {
			if !slices.ContainsFunc(c.Codes, func(own *codes.Code) bool { return own.Number == code.Number }) {
				merged = append(merged, code)
			}
		}
		c.Codes = append(merged, c.Codes...)
	}
	opts := &analysis.Options{Severity: c.Severity, Disabled: c.Disabled}
	c.own.applyTo(opts)
}

// OptionsFor returns the analysis options for one file (absolute, or
// relative to the working directory): the configuration's, with the
// overrides whose globs match the file applied in order, its base's
// first.
func (c *Config) OptionsFor(path string) *analysis.Options {
	if c == nil {
		return nil
	}
	opts := c.Options()
	opts.Severity, opts.Disabled = map[string]analysis.Severity{}, map[string]bool{}
	c.layer(path, opts)
	return opts
}

// layer applies to opts the rules of c's base, then c's own top-level
// rules, then each of c's overrides that matches path.
func (c *Config) layer(path string, opts *analysis.Options) {
	if c.Base != nil {
		c.Base.layer(path, opts)
	}
	c.own.applyTo(opts)
	if len(c.Overrides) == 0 {
		return
	}
	rel, ok := c.relative(path)
	if !ok {
		return
	}
	for _, o := range c.Overrides {
		if matchAny(o.Files, rel) {
			ruleSettings{o.Severity, o.Disabled}.applyTo(opts)
		}
	}
}

// relative returns path relative to c.Dir with forward slashes; false when
// the path is outside it.
func (c *Config) relative(path string) (string, bool) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", false
	}
	rel, err := filepath.Rel(c.Dir, abs)
	// Outside Dir, rel climbs out with "..": a name that merely starts
	// with two dots ("..x.go") is inside.
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return "", false
	}
	return filepath.ToSlash(rel), true
}

// matchAny reports whether a slash-separated relative path matches one of
// the patterns, or is under a directory one of them names.
func matchAny(patterns []string, rel string) bool {
	for _, pattern := range patterns {
		if ok, _ := doublestar.Match(pattern, rel); ok {
			return true
		}
		if ok, _ := doublestar.Match(strings.TrimSuffix(pattern, "/")+"/**", rel); ok {
			return true
		}
	}
	return false
}

// quotedPhrase is the did-you-mean clause for a name, the candidates
// quoted as the name is: `; did you mean "prefer-constant"?`, or "".
func quotedPhrase(name string, candidates []string) string {
	near := suggest.Nearest(name, candidates)
	for i, n := range near {
		near[i] = fmt.Sprintf("%q", n)
	}
	switch len(near) {
	case 0:
		return ""
	case 1:
		return "; did you mean " + near[0] + "?"
	}
	return "; did you mean " + strings.Join(near[:len(near)-1], ", ") + " or " + near[len(near)-1] + "?"
}
