// Package deps reads which versions of the status-code libraries a project
// pins, from the lockfiles and manifests in its tree: deprecated-constant
// stays quiet on a name the project's version of the library has not
// renamed yet.
package deps

import (
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"github.com/httpcodes/httpcodes/codes"
	"github.com/httpcodes/httpcodes/internal/readfile"
)

// Versions maps an ecosystem to the library version a project pins.
type Versions map[codes.Ecosystem]string

// Add records v for eco, keeping the older of two pins: a tree with one
// project on the old version must not be told to use names it lacks.
func (vs Versions) Add(eco codes.Ecosystem, v string) {
	if v == "" {
		return
	}
	if old, ok := vs[eco]; !ok || Older(v, old) {
		vs[eco] = v
	}
}

// IsManifest reports whether a file name is one Parse reads.
func IsManifest(name string) bool {
	switch name {
	case "Gemfile.lock", "poetry.lock", "uv.lock", "Pipfile.lock", "pyproject.toml",
		"pom.xml", "build.gradle", "build.gradle.kts", "gradle.lockfile", "package-lock.json":
		return true
	}
	return strings.HasPrefix(name, "requirements") && strings.HasSuffix(name, ".txt")
}

var (
	gemLock     = regexp.MustCompile(`(?m)^    rack \(([0-9][^)]*)\)\s*$`)
	tomlPackage = regexp.MustCompile(`(?m)^name = "starlette"\s*\nversion = "([^"]+)"`)
	// starlette==0.47.2, starlette<0.48, "starlette (==0.47.2)", starlette = "0.47.2".
	pyPin      = regexp.MustCompile(`(?mi)(?:^|["'\s])starlette(?:\[[^\]]*\])?\s*(?:\(\s*)?(==|<=|<|=\s*")\s*"?([0-9][0-9.]*)`)
	pomDep     = regexp.MustCompile(`(?s)<artifactId>spring-(?:web|webmvc|webflux|core|context)</artifactId>\s*<version>([0-9][^<]*)</version>`)
	pomProp    = regexp.MustCompile(`<spring(?:-framework)?\.version>([0-9][^<]*)</spring(?:-framework)?\.version>`)
	pomBoot    = regexp.MustCompile(`(?s)<artifactId>spring-boot-starter-parent</artifactId>\s*<version>([0-9][^<]*)</version>`)
	gradleDep  = regexp.MustCompile(`org\.springframework:spring-(?:web|webmvc|webflux|core|context):([0-9][0-9.A-Za-z-]*)`)
	gradleBoot = regexp.MustCompile(`org\.springframework\.boot["']?\)?\s+version\s+["']([0-9][^"']*)["']`)
)

// Parse reads one lockfile or manifest.
func Parse(name string, data []byte) Versions {
	vs := Versions{}
	text := string(data)
	switch {
	case name == "Gemfile.lock":
		for _, m := range gemLock.FindAllStringSubmatch(text, -1) {
			vs.Add(codes.Rack, m[1])
		}
	case name == "poetry.lock" || name == "uv.lock":
		for _, m := range tomlPackage.FindAllStringSubmatch(text, -1) {
			vs.Add(codes.Starlette, m[1])
		}
	case name == "Pipfile.lock":
		var lock map[string]map[string]struct {
			Version string `json:"version"`
		}
		if json.Unmarshal(data, &lock) == nil {
			for _, section := range lock {
				if p, ok := section["starlette"]; ok {
					vs.Add(codes.Starlette, strings.TrimPrefix(p.Version, "=="))
				}
			}
		}
	case name == "pyproject.toml" || strings.HasPrefix(name, "requirements"):
		for _, m := range pyPin.FindAllStringSubmatch(text, -1) {
			vs.Add(codes.Starlette, upperPin(m[1], m[2]))
		}
	case name == "pom.xml":
		for _, re := range []*regexp.Regexp{pomDep, pomProp} {
			for _, m := range re.FindAllStringSubmatch(text, -1) {
				vs.Add(codes.Spring, m[1])
			}
		}
		for _, m := range pomBoot.FindAllStringSubmatch(text, -1) {
			vs.Add(codes.Spring, frameworkOfBoot(m[1]))
		}
	case name == "build.gradle" || name == "build.gradle.kts" || name == "gradle.lockfile":
		for _, m := range gradleDep.FindAllStringSubmatch(text, -1) {
			vs.Add(codes.Spring, m[1])
		}
		for _, m := range gradleBoot.FindAllStringSubmatch(text, -1) {
			vs.Add(codes.Spring, frameworkOfBoot(m[1]))
		}
	case name == "package-lock.json":
		var lock struct {
			Packages map[string]struct {
				Version string `json:"version"`
			} `json:"packages"`
		}
		if json.Unmarshal(data, &lock) == nil {
			for path, p := range lock.Packages {
				switch {
				case strings.HasSuffix(path, "node_modules/http-status-codes"):
					vs.Add(codes.Node, p.Version)
				case strings.HasSuffix(path, "node_modules/@nestjs/common"):
					vs.Add(codes.NestJS, p.Version)
				}
			}
		}
	}
	return vs
}

// upperPin turns a requirement into the newest version it allows, when it
// has an upper bound: ==0.47.2 is 0.47.2; <0.48 is anything before 0.48,
// which for the rename's purpose is "0.47.999"; <=0.47 is 0.47.
func upperPin(op, v string) string {
	if op == "<" {
		parts := strings.Split(v, ".")
		last, err := strconv.Atoi(parts[len(parts)-1])
		if err != nil {
			return ""
		}
		if last == 0 {
			// <1.0 allows anything in 0.x: "0.999".
			parts = parts[:len(parts)-1]
			if len(parts) == 0 {
				return ""
			}
			n, err := strconv.Atoi(parts[len(parts)-1])
			if err != nil || n == 0 {
				return ""
			}
			parts[len(parts)-1] = strconv.Itoa(n - 1)
			return strings.Join(parts, ".") + ".999"
		}
		parts[len(parts)-1] = strconv.Itoa(last - 1)
		return strings.Join(parts, ".") + ".999"
	}
	return v
}

// frameworkOfBoot gives the Spring Framework line a Spring Boot release
// brings: Boot 4 is Framework 7, Boot 3 Framework 6, Boot 2 Framework 5.
func frameworkOfBoot(boot string) string {
	major, _, _ := strings.Cut(boot, ".")
	n, err := strconv.Atoi(major)
	if err != nil || n < 2 {
		return ""
	}
	return strconv.Itoa(n+3) + ".0"
}

// Older compares dotted versions numerically ("3.0.9" before "3.1"; a
// version is before a longer one it begins, "7.0" before "7.0.1").
func Older(a, b string) bool {
	as, bs := strings.Split(a, "."), strings.Split(b, ".")
	for i := 0; i < len(as) && i < len(bs); i++ {
		x, _ := strconv.Atoi(leadingDigits(as[i]))
		y, _ := strconv.Atoi(leadingDigits(bs[i]))
		if x != y {
			return x < y
		}
	}
	return len(as) < len(bs)
}

func leadingDigits(s string) string {
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	return s[:i]
}

// Read parses the given lockfiles and manifests. One that cannot be read
// (not a regular file, larger than readfile.ManifestLimit, unreadable) is
// returned as an error beside the versions of the others; one that has gone
// since it was listed is no error.
func Read(paths []string) (Versions, []error) {
	vs := Versions{}
	var errs []error
	for _, p := range paths {
		data, err := readfile.Read(p, readfile.ManifestLimit)
		if err != nil {
			if !errors.Is(err, fs.ErrNotExist) {
				errs = append(errs, err)
			}
			continue
		}
		for eco, v := range Parse(filepath.Base(p), data) {
			vs.Add(eco, v)
		}
	}
	return vs, errs
}

// Above lists the lockfiles and manifests in dir and the directories above
// it, up to the root of the repository (the first holding .git) or of the
// file system: the project of a file checked on its own.
func Above(dir string) []string {
	var out []string
	dir, err := filepath.Abs(dir)
	if err != nil {
		return nil
	}
	for {
		entries, _ := os.ReadDir(dir)
		repo := false
		for _, e := range entries {
			if IsManifest(e.Name()) && !e.IsDir() {
				out = append(out, filepath.Join(dir, e.Name()))
			}
			repo = repo || e.Name() == ".git"
		}
		parent := filepath.Dir(dir)
		if repo || parent == dir {
			return out
		}
		dir = parent
	}
}

// skipDirs are never searched for manifests: dependencies, builds and VCS.
var skipDirs = map[string]bool{
	"node_modules": true, "vendor": true, "target": true, "build": true, "dist": true,
	"venv": true, "__pycache__": true, "testdata": true,
}

// Scan reads every lockfile and manifest under root, at most depth
// directories down (check searches its whole tree, 6 deep; the language
// server, which must answer initialize at once, the root and the folders
// beside it). A file that cannot be read is returned as an error and
// otherwise skipped: a missing pin only means names are judged against the
// newest library.
func Scan(root string, maxDepth int) (Versions, []error) {
	vs := Versions{}
	var errs []error
	info, err := os.Stat(root)
	if err != nil {
		return vs, nil
	}
	if !info.IsDir() {
		root = filepath.Dir(root)
	}
	base := strings.Count(filepath.Clean(root), string(filepath.Separator))
	filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if d.IsDir() {
			name := d.Name()
			if path != root && (skipDirs[name] || strings.HasPrefix(name, ".")) ||
				strings.Count(filepath.Clean(path), string(filepath.Separator))-base > maxDepth {
				return filepath.SkipDir
			}
			return nil
		}
		if IsManifest(d.Name()) {
			data, err := readfile.Read(path, readfile.ManifestLimit)
			if err != nil {
				if !errors.Is(err, fs.ErrNotExist) {
					errs = append(errs, err)
				}
				return nil
			}
			for eco, v := range Parse(d.Name(), data) {
				vs.Add(eco, v)
			}
		}
		return nil
	})
	return vs, errs
}
