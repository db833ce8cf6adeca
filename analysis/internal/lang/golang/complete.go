package golang

import (
	"go/parser"
	"go/token"
	"regexp"
	"strconv"
	"strings"

	"github.com/httpcodes/httpcodes/analysis/internal/facts"
	"github.com/httpcodes/httpcodes/analysis/internal/lex"
	"github.com/httpcodes/httpcodes/codes"
)

var (
	// goConstantPrefix ends where a net/http constant may be typed: right
	// after "http." (where editors ask, at the trigger character, and then
	// filter the list as the person types) or on a partly typed name
	// ("http.St", "http.StatusMul"), with the file's import name in the
	// first group and the typed part of the member in the second.
	goConstantPrefix = regexp.MustCompile(`\b([A-Za-z_][A-Za-z0-9_]*)\.([A-Za-z]*)$`)
	// goStatusContexts end where a status code is typed; "pkg", where there
	// is one, must be the file's import name of net/http.
	goStatusContexts = []*regexp.Regexp{
		regexp.MustCompile(`\bWriteHeader\(\s*\d*$`),
		regexp.MustCompile(`\b(?P<pkg>\w+)\.Error\([^()]*,[^()]*,\s*\d*$`),
		regexp.MustCompile(`\b(?P<pkg>\w+)\.Redirect\([^()]*,[^()]*,[^()]*,\s*\d*$`),
		regexp.MustCompile(`\b(?P<pkg>\w+)\.RedirectHandler\([^()]*,\s*\d*$`),
		regexp.MustCompile(`\b(?P<pkg>\w+)\.StatusText\(\s*\d*$`),
		regexp.MustCompile(`\.(?:JSON|IndentedJSON|String|HTML|XML|YAML|Data|Status|AbortWithStatus|AbortWithStatusJSON|AbortWithError|NoContent|SendStatus|Redirect)\(\s*\d*$`),
		regexp.MustCompile(`\bStatusCode\s*(?:==|!=|=|:)\s*\d*$`),
		regexp.MustCompile(`\.Code\s*(?:==|!=)\s*\d*$`),
	}
)

// completeGo offers net/http's constants after the file's import name and
// ".Status", and the codes in a status context, inserting the constant
// where the file imports net/http.
func completeGo(req *facts.CompleteRequest) *facts.Completion {
	line := string(lex.LineBefore(req.Src, req.Off))
	httpName := goImportName(req.Src, pathHTTP)
	if mt := goConstantPrefix.FindStringSubmatch(line); mt != nil && httpName != "" && mt[1] == httpName && mayBeStatus(mt[2]) {
		return lex.CompleteConstants(req, codes.Go, "http.")
	}
	if !inGoStatusContext(line, httpName) {
		return nil
	}
	if httpName == "" {
		return lex.CompleteNumbers(req, nil)
	}
	return lex.CompleteNumbers(req, func(c *codes.Code) string {
		name, ok := c.Constant(codes.Go)
		if !ok {
			return ""
		}
		member := strings.TrimPrefix(name, "http.")
		if httpName == "." {
			return member
		}
		return httpName + "." + member
	})
}

// mayBeStatus reports whether a partly typed member of net/http can still
// become a status constant: "", "St", "Status", "StatusNot".
func mayBeStatus(typed string) bool {
	return strings.HasPrefix("Status", typed) || strings.HasPrefix(typed, "Status")
}

// inGoStatusContext reports whether the line before the cursor ends in a
// status context.
func inGoStatusContext(line, httpName string) bool {
	if httpName == "" || httpName == "." {
		httpName = "http"
	}
	for _, re := range goStatusContexts {
		mt := re.FindStringSubmatch(line)
		if mt == nil {
			continue
		}
		if i := re.SubexpIndex("pkg"); i > 0 && mt[i] != httpName {
			continue
		}
		return true
	}
	return false
}

// goImportName returns the name a Go file gives an import path: its last
// element, an alias, "." for a dot import; "" when it is not imported.
// Only the imports are parsed, so a file mid-edit still answers.
func goImportName(src []byte, path string) string {
	f, _ := parser.ParseFile(token.NewFileSet(), "", src, parser.ImportsOnly)
	if f == nil {
		return ""
	}
	for _, imp := range f.Imports {
		if p, err := strconv.Unquote(imp.Path.Value); err == nil && p == path {
			if imp.Name != nil {
				return imp.Name.Name
			}
			return path[strings.LastIndex(path, "/")+1:]
		}
	}
	return ""
}
