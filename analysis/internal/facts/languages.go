package facts

import (
	"bytes"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
)

// language is one language the analysis reads. Each registers itself from
// its own file (lang_<name>.go), so adding a language touches nothing else.
type Language struct {
	// name is the language as results, config and editors name it: "go",
	// "javascript", "typescript", "python", "openapi", "nginx", …
	Name string
	// exts are the file extensions it claims, lower case with the dot.
	Exts []string
	// claims, when set, decides for a path the extensions do not settle
	// (nginx.conf, files under an nginx directory); it sees every path.
	Claims func(path string) bool
	// analyze extracts the file's facts, or returns nil (setting
	// res.SyntaxError where the file cannot be read).
	Analyze func(path string, src []byte, res *Result) *FileFacts
	// mayHave is a cheap byte test that never says false for a file in
	// which analyze finds something.
	MayHave func(src []byte) bool
	// complete, when set, says what to offer at a byte offset.
	Complete func(req *CompleteRequest) *Completion
	// incremental, when set, analyses a file so that an edit of it can be
	// re-analysed in part (Go: the one function an edit falls inside);
	// Reanalyser uses it, and runs a full analysis per edit without it.
	Incremental func(path string, src []byte, res *Result) (IncrementalAnalysis, *FileFacts)
	// routes, when set, finds the file's route registrations and named
	// functions (see Route).
	Routes func(path string, src []byte) *RouteFacts
	// tests tells the language's test code by its path.
	Tests TestConventions
	// editors are the names editors give the language.
	Editors EditorNames
	// statusByName is set where the operand a number is compared with is
	// an HTTP status by its name alone (Go's typed StatusCode and recorder
	// Code, JavaScript's res.status in an assertion, Python's
	// status_code), so a four-digit number compared with it is a typo
	// that invalid-status reports; a JVM or C# getStatus() == 1000 may be
	// an application's own status, or a WebSocket close code.
	StatusByName bool
	// phrases say what the language's runtime does, in the words the
	// rules' messages need.
	Phrases Phrases
}

// phrases are what a language's runtime does with a response, in the
// words the rules' messages complete their sentences with. A language
// fills in those of the rules it supports (Rule.Languages);
// TestLanguagesDeclareRulePhrases fails when one is missing.
type Phrases struct {
	// late completes late-header's "X comes too late: the status was sent
	// by Y on line N; <late>. Set headers before the first write".
	Late string
	// bodiless completes bodiless-status's "X writes a body after Y on
	// line N sent 204 No Content, which has no body: <bodiless>; drop the
	// body or send 200 OK".
	Bodiless string
	// invalid completes invalid-status's "X with 2000: a status code has
	// three digits, 100 to 999; <invalid>"; a %d in it is the code.
	Invalid string
	// again and againEffect complete superfluous-writeheader's "X <again>:
	// Y on line N already sent the status, and <againEffect>; return after
	// line N, or set the status before writing": again is "has no effect",
	// or "comes too late" where the runtime throws.
	Again, AgainEffect string
	// redirectAPI completes error-status's "to redirect, use
	// <redirectAPI>, which sets Location".
	RedirectAPI string
	// setHeader says how the writer of a status event sets a header before
	// it, completing missing-header's "X sends 405 Method Not Allowed
	// without an Allow header: a 405 must list the methods …; <setHeader>,
	// e.g. …" ("call w.Header().Set("Allow", …) first").
	SetHeader func(ev Event, header string) string
	// redirect completes missing-header's "X sends 302 Found without a
	// Location header: a 302 redirects nowhere without it; <redirect>".
	Redirect func(ev Event) string
	// outputSendsHeaders is set where the first output sends the status
	// line and the headers, whatever it writes (PHP): late-header and
	// superfluous-writeheader then say so instead of naming the status or
	// the body.
	OutputSendsHeaders bool
}

// editorNames are the names editors give a language: the editor manifests
// list exactly these (a test compares them), and the server reads a buffer
// whose path does not say its language by the id its editor sends.
type EditorNames struct {
	// lsp are the language ids of LSP's textDocument/didOpen, as VS Code
	// names them ("typescriptreact").
	Lsp []string
	// vim are Neovim's and Vim's filetypes ("cs").
	Vim []string
	// helix are Helix's language names ("c-sharp").
	Helix []string
}

var Registry = map[string]*Language{}

// register adds a language; called from the init of its file.
func Register(l *Language) {
	if _, dup := Registry[l.Name]; dup {
		panic("analysis: language " + l.Name + " registered twice")
	}
	Registry[l.Name] = l
}

func LanguageNamed(name string) *Language { return Registry[name] }

// sorted is the registry in name order, built on first use (after every
// init has registered its language).
var Sorted = sync.OnceValue(func() []*Language {
	out := make([]*Language, 0, len(Registry))
	for _, l := range Registry {
		out = append(out, l)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
})

// Languages lists the languages the analysis supports, sorted.
func Languages() []string {
	var out []string
	for _, l := range Sorted() {
		out = append(out, l.Name)
	}
	return out
}

// Language returns the language the analysis gives a path, or "" when it
// does not analyse such files. It looks at the path only: a YAML file is
// "openapi" here, and Analyze finds nothing in one that is not an API
// description.
func LanguageOf(path string) string {
	for _, l := range Sorted() {
		if l.Claims != nil && l.Claims(path) {
			return l.Name
		}
	}
	ext := strings.ToLower(filepath.Ext(path))
	for _, l := range Sorted() {
		for _, e := range l.Exts {
			if e == ext {
				return l.Name
			}
		}
	}
	return ""
}

// LanguageInfo is what the analysis says of one language: the names files
// and editors give it, and how its test code is told.
type LanguageInfo struct {
	Name       string   `json:"name"`
	Extensions []string `json:"extensions"`
	// LSPIDs are the language ids editors send in textDocument/didOpen.
	LSPIDs []string `json:"lspLanguageIds"`
	// VimFiletypes and HelixNames are those editors' names for it.
	VimFiletypes []string `json:"vimFiletypes"`
	HelixNames   []string `json:"helixLanguages"`
}

// LanguageInfos describes every language, sorted by name. Editor manifests
// and the server's reading of untitled buffers derive from it.
func LanguageInfos() []LanguageInfo {
	var out []LanguageInfo
	for _, l := range Sorted() {
		out = append(out, LanguageInfo{
			Name: l.Name, Extensions: l.Exts, LSPIDs: l.Editors.Lsp,
			VimFiletypes: l.Editors.Vim, HelixNames: l.Editors.Helix,
		})
	}
	return out
}

// PathForEditorID returns the path the analysis should see for a buffer
// whose own path does not say its language (an untitled buffer): path with
// the extension of the language the editor's id names — the extension
// named like the id ("yaml" → .yaml), else the one at the id's place in
// the language's list ("typescriptreact" → .tsx), else its first. A path
// the analysis already reads, or an id no language claims, stays as it is.
func PathForEditorID(path, id string) string {
	if LanguageOf(path) != "" {
		return path
	}
	for _, l := range Sorted() {
		for i, e := range l.Editors.Lsp {
			if e != id {
				continue
			}
			switch {
			case slices.Contains(l.Exts, "."+id):
				return path + "." + id
			case i < len(l.Exts):
				return path + l.Exts[i]
			}
		}
	}
	return path
}

// MayHaveStatus reports, cheaply and without parsing, whether a file of the
// given language could hold a status code the analysis finds. check uses it
// to skip most files of a large tree unparsed; it never says false for a
// file in which Analyze would find something.
func MayHaveStatus(path string, src []byte) bool {
	if l := LanguageNamed(LanguageOf(path)); l != nil {
		return l.MayHave(src)
	}
	return false
}

// containsAny reports whether src holds any of the words.
func ContainsAny(src []byte, words ...string) bool {
	for _, w := range words {
		if bytes.Contains(src, []byte(w)) {
			return true
		}
	}
	return false
}
