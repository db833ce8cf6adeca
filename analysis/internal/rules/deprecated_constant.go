package rules

import (
	"fmt"
	"strings"

	"github.com/httpcodes/httpcodes/analysis/internal/facts"
	"github.com/httpcodes/httpcodes/analysis/internal/lex"
	"github.com/httpcodes/httpcodes/codes"
	"github.com/httpcodes/httpcodes/internal/deps"
)

var ruleDeprecatedConstant = &Rule{
	Name:      "deprecated-constant",
	Languages: []string{"java", "kotlin", "python", "ruby"},
	Since:     "v0.1.0",
	FixSafety: FixSafe,
	Severity:  facts.Info,
	Summary:   "a status constant its own library has deprecated for the RFC 9110 name",
	Why: "RFC 9110 renamed some codes (422 Unprocessable Content, 413 Content Too Large), and the " +
		"libraries followed: Spring 7.0 deprecates HttpStatus.UNPROCESSABLE_ENTITY, Starlette 0.48 " +
		"warns on HTTP_422_UNPROCESSABLE_ENTITY, Rack 3.1 warns at run time on " +
		":unprocessable_entity. The old names will go in a later release; the new one means the " +
		"same code. Projects pinned to a version before the rename (by a lockfile or manifest) are " +
		"left alone.",
	Bad:  "return ResponseEntity.status(HttpStatus.UNPROCESSABLE_ENTITY).build();",
	Good: "return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).build();",
	Tag:  "deprecated",
	Checks: func(c *codes.Code) bool {
		for _, k := range c.Constants {
			if k.Deprecated && k.Replacement != "" {
				return true
			}
		}
		return false
	},
	check: func(c *checker) {
		for _, o := range c.facts.Occ {
			if o.Written != facts.Constant || o.Ecosystem == "" {
				continue
			}
			eco := codes.Ecosystem(o.Ecosystem)
			k, ok := deprecatedName(o, eco)
			// A deprecated name with no replacement (Spring's I_AM_A_TEAPOT,
			// http-status-codes' USE_PROXY) belongs to a retired or
			// unofficial code, which deprecated-status and nonstandard-status
			// already report.
			if !ok || k.Replacement == "" {
				continue
			}
			rename := renamedIn[eco]
			if v, pinned := c.pinned[eco]; pinned && rename.version != "" && deps.Older(v, rename.version) {
				continue
			}
			oldMember, newMember := memberOf(k.Name), memberOf(k.Replacement)
			f := facts.Finding{Start: o.Start, End: o.End, Code: o.Code,
				Message: fmt.Sprintf("%s is deprecated by %s%s; write %s, the RFC 9110 name for %s", k.Name, rename.library, sinceText(rename.version), k.Replacement, c.label(o.Code))}
			if strings.HasSuffix(o.Name, oldMember) {
				f.Fix = &facts.Fix{Title: "Replace with " + k.Replacement, Edits: []facts.Edit{{Start: o.End - len(oldMember), End: o.End, NewText: newMember}}}
			}
			c.report(f)
		}
	},
}

// rename is when a library took the RFC 9110 names.
type rename struct {
	library string
	// version is the first release with the new names.
	version string
}

// renamedIn lists the libraries with deprecated names, from
// codes/testdata/README.md.
var renamedIn = map[codes.Ecosystem]rename{
	codes.Spring:    {"Spring Framework", "7.0"},
	codes.Starlette: {"Starlette", "0.48"},
	codes.Rack:      {"Rack", "3.1"},
}

func sinceText(version string) string {
	if version == "" {
		return ""
	}
	return " since " + version
}

// deprecatedName finds the constant an occurrence writes among its
// ecosystem's names for the code, when the library deprecates it.
func deprecatedName(o facts.Occurrence, eco codes.Ecosystem) (codes.Constant, bool) {
	code, ok := facts.LookupDefault(o.Code)
	if !ok {
		return codes.Constant{}, false
	}
	for _, k := range code.ConstantsFor(eco) {
		if k.Deprecated && (o.Name == k.Name || strings.HasSuffix(o.Name, k.Name) && !lex.IdentPart[o.Name[len(o.Name)-len(k.Name)-1]]) {
			return k, true
		}
	}
	return codes.Constant{}, false
}

// memberOf is the last part of a constant's name: UNPROCESSABLE_ENTITY of
// HttpStatus.UNPROCESSABLE_ENTITY, unprocessable_entity of
// :unprocessable_entity.
func memberOf(name string) string {
	if i := strings.LastIndexAny(name, ".:"); i >= 0 {
		return name[i+1:]
	}
	return name
}

func init() { registerRule(ruleDeprecatedConstant) }
