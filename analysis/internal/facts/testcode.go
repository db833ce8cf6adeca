package facts

import (
	"path"
	"path/filepath"
	"strings"
)

// TestPolicy says how findings in test code are reported.
type TestPolicy int

const (
	// TestsQuiet, the default, turns warnings and errors off in test code:
	// tests send odd codes on purpose, to see a framework cope. Info and
	// hints stay, and so does invalid-status on a comparison that can never
	// be true (expect(res.status).toBe(2020): the test can never pass).
	TestsQuiet TestPolicy = iota
	// TestsCheck checks test code like any other.
	TestsCheck
)

var testPolicyNames = []string{"quiet", "check"}

func (p TestPolicy) String() string {
	if p < 0 || int(p) >= len(testPolicyNames) {
		return "unknown"
	}
	return testPolicyNames[p]
}

// ParseTestPolicy reads "quiet" or "check".
func ParseTestPolicy(s string) (TestPolicy, bool) {
	for i, n := range testPolicyNames {
		if s == n {
			return TestPolicy(i), true
		}
	}
	return 0, false
}

// testConventions are how a language's ecosystems tell test code by its
// path: directories that hold only tests, and file names of tests.
type TestConventions struct {
	// dirs are directory names whose files are tests ("__tests__",
	// "tests"); a name starting with "*" matches by suffix ("*.Tests":
	// the projects of a .NET solution's tests).
	Dirs []string
	// dirPaths are paths of directories, slash-separated, matched anywhere
	// in the path ("src/test").
	dirPaths []string
	// prefixes and suffixes match the file's base name ("test_",
	// "_test.py", "Test.java"); names match it whole ("conftest.py").
	Prefixes, Suffixes, Names []string
	// infixes match inside the base name (".test.", ".spec.").
	infixes []string
}

// matches reports whether a slash-separated path is test code.
func (c TestConventions) Matches(p string) bool {
	base := path.Base(p)
	for _, n := range c.Names {
		if base == n {
			return true
		}
	}
	for _, s := range c.Prefixes {
		if strings.HasPrefix(base, s) {
			return true
		}
	}
	for _, s := range c.Suffixes {
		if strings.HasSuffix(base, s) {
			return true
		}
	}
	for _, s := range c.infixes {
		if strings.Contains(base, s) {
			return true
		}
	}
	dir := "/" + path.Dir(p) + "/"
	for _, d := range c.dirPaths {
		if strings.Contains(dir, "/"+d+"/") {
			return true
		}
	}
	for _, seg := range strings.Split(path.Dir(p), "/") {
		for _, d := range c.Dirs {
			if rest, ok := strings.CutPrefix(d, "*"); ok {
				if strings.HasSuffix(seg, rest) {
					return true
				}
			} else if seg == d {
				return true
			}
		}
	}
	return false
}

// IsTestPath reports whether a file is test code by its path, in the
// conventions of its language's ecosystems (_test.go; *.test.js and
// __tests__/; test_*.py and conftest.py; *_spec.rb; src/test/ and
// *Test.java; *.Tests projects; Rust's tests/). Rust's #[cfg(test)]
// modules and #[test] functions are test code inside any file: Analyze
// finds those.
func IsTestPath(p string) bool {
	l := LanguageNamed(LanguageOf(p))
	return l != nil && l.Tests.Matches(filepath.ToSlash(p))
}

// jsTests are the conventions of Jest, Vitest, Mocha, node:test and tap.
var JsTests = TestConventions{
	Dirs:    []string{"__tests__", "__mocks__", "__fixtures__", "test", "tests", "spec"},
	infixes: []string{".test.", ".spec."},
}

// jvmTests are Maven's and Gradle's layouts and JUnit's naming (Surefire
// runs *Test and *Tests, Failsafe *IT).
var JvmTests = func(ext string) TestConventions {
	return TestConventions{
		dirPaths: []string{"src/test", "src/integrationTest", "src/testFixtures", "src/androidTest"},
		Suffixes: []string{"Test" + ext, "Tests" + ext, "IT" + ext, "Spec" + ext},
	}
}

// inTestRegion reports whether an offset lies in test code inside the file
// (a Rust #[cfg(test)] module or #[test] function).
func (f *FileFacts) InTestRegion(off int) bool {
	for _, r := range f.TestRegions {
		if r[0] <= off && off < r[1] {
			return true
		}
	}
	return false
}
