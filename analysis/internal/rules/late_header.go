package rules

import (
	"fmt"
	"slices"
	"strings"

	"github.com/httpcodes/httpcodes/analysis/internal/facts"
	"github.com/httpcodes/httpcodes/analysis/internal/lex"
)

var ruleLateHeader = &Rule{
	Name:      "late-header",
	Languages: []string{"csharp", "go", "java", "javascript", "kotlin", "php", "python", "ruby", "typescript"},
	Since:     "v0.1.0",
	FixSafety: FixUnsafe,
	Severity:  facts.Warning,
	Summary:   "a header set after the status line has been sent",
	Why: "Headers travel before the body, with the status line. Once WriteHeader has run, or the " +
		"first byte of the body has been written (which sends 200 OK), the header map is no longer " +
		"read: net/http silently drops the header, and Node throws ERR_HTTP_HEADERS_SENT. Trailers " +
		"are the exception: names under http.TrailerPrefix, or announced in the Trailer header " +
		"before the write, are sent after the body. A 1xx status (103 Early Hints) does not end " +
		"the headers.",
	Bad:  "w.WriteHeader(http.StatusCreated)\nw.Header().Set(\"Location\", url)",
	Good: "w.Header().Set(\"Location\", url)\nw.WriteHeader(http.StatusCreated)",
	check: func(c *checker) {
		var sites map[string][]int
		for _, s := range c.facts.Steps {
			ev := s.Ev
			if ev.Kind != facts.HeaderSet || !ev.Direct || isTrailer(ev.Header) {
				continue
			}
			write := s.Before.FirstWrite(ev.Writer)
			if write == nil || s.Before.Announced(ev.Writer, ev.Header) {
				continue
			}
			line := c.facts.Line(write.Start)
			sent := fmt.Sprintf("the status was sent by %s on line %d", write.Api, line)
			if c.phrases().OutputSendsHeaders {
				sent = fmt.Sprintf("the status line and the headers were sent by %s on line %d", write.Api, line)
			} else if write.Kind == facts.BodyWrite && !write.WithStatus {
				sent = fmt.Sprintf("the body was started by %s on line %d, which sent 200 OK and the headers", write.Api, line)
			}
			f := facts.Finding{Start: ev.Start, End: ev.End, Code: write.Code,
				Message: fmt.Sprintf("%s comes too late: %s; %s. Set headers before the first write", ev.Api, sent, c.phrases().Late)}
			if write.Block != 0 && ev.Block != 0 && write.Block != ev.Block {
				// The write sits in a branch the path falls out of (no
				// return after http.Error): when superfluous-writeheader
				// reports that missing return, this header is its
				// consequence (oneFindingPerProblem).
				f.Cause = write.Start + 1
			}
			if sites == nil {
				sites = assignSites(c.facts.Src)
			}
			if edits, ok := moveAbove(c.facts.Src, sites, ev, *write); ok {
				f.Fix = &facts.Fix{Title: fmt.Sprintf("Move the header above line %d", line), Edits: edits}
			}
			c.report(f)
		}
	},
}

// isTrailer reports whether a header name is set as a trailer through
// http.TrailerPrefix.
func isTrailer(name string) bool {
	return len(name) >= len(facts.TrailerPrefix) && strings.EqualFold(name[:len(facts.TrailerPrefix)], facts.TrailerPrefix)
}

// moveAbove moves the late header's statement to just above the write's,
// when both are whole statements of the same block, each on lines of its
// own, and nothing between them assigns a name the header statement uses.
// sites are the file's assignSites.
func moveAbove(src []byte, sites map[string][]int, header, write facts.Event) ([]facts.Edit, bool) {
	if header.Block == 0 || header.Block != write.Block || write.StmtEnd > header.StmtStart {
		return nil, false
	}
	hStart, hEnd, ok := ownLines(src, header.StmtStart, header.StmtEnd)
	if !ok {
		return nil, false
	}
	wStart, _, ok := ownLines(src, write.StmtStart, write.StmtEnd)
	if !ok {
		return nil, false
	}
	for _, name := range identifiers(string(src[header.StmtStart:header.StmtEnd])) {
		if assignedIn(sites[name], len(name), write.StmtEnd, hStart) {
			return nil, false
		}
	}
	return []facts.Edit{
		{Start: wStart, End: wStart, NewText: string(src[hStart:hEnd])},
		{Start: hStart, End: hEnd},
	}, true
}

// ownLines widens [start, end) to whole lines (with the newline ending the
// last) and reports whether no other code shares those lines.
func ownLines(src []byte, start, end int) (int, int, bool) {
	ls := start
	for ls > 0 && src[ls-1] != '\n' {
		ls--
	}
	if strings.TrimSpace(string(src[ls:start])) != "" {
		return 0, 0, false
	}
	le := end
	for le < len(src) && src[le] != '\n' {
		le++
	}
	// A trailing comment moves with the statement.
	rest := strings.TrimPrefix(strings.TrimSpace(string(src[end:le])), ";")
	if rest = strings.TrimSpace(rest); rest != "" && !strings.HasPrefix(rest, "//") {
		return 0, 0, false
	}
	if le < len(src) {
		le++
	}
	return ls, le, true
}

// identifiers lists the names in a statement's text (a rough split is
// enough: it only decides whether moving the statement is safe).
func identifiers(text string) []string {
	var out []string
	for i := 0; i < len(text); {
		if !lex.IdentStart[text[i]] {
			i++
			continue
		}
		j := i
		for j < len(text) && lex.IdentPart[text[j]] {
			j++
		}
		out = append(out, text[i:j])
		i = j
	}
	return out
}

// assignSites finds, in one pass, where each name is declared or assigned:
// "name :=", "name =", "name += …", "name++", "var name", "let name",
// "const name", "name, x :=". It returns the offsets of those names by
// name, in order, so that asking about the text between two statements
// does not read that text again for every late header.
func assignSites(src []byte) map[string][]int {
	code := string(src)
	sites := map[string][]int{}
	// lists memoises, by the offset after a name, whether the comma list
	// that follows ends in an assignment: each name of a long list a, b,
	// c = … asks about the rest of it.
	lists := map[int]bool{}
	for i := 0; i < len(code); {
		if !lex.IdentPart[code[i]] {
			i++
			continue
		}
		at := i
		for i < len(code) && lex.IdentPart[code[i]] {
			i++
		}
		if !lex.IdentStart[code[at]] {
			continue
		}
		if declaredAt(code, at) || assignedAfter(code, i, lists) {
			name := code[at:i]
			sites[name] = append(sites[name], at)
		}
	}
	return sites
}

// declaredAt reports whether a declaring keyword ends just before the name
// at offset at (spaces between).
func declaredAt(code string, at int) bool {
	before := strings.TrimRight(code[:at], " \t")
	for _, kw := range []string{"var", "let", "const"} {
		if strings.HasSuffix(before, kw) {
			return true
		}
	}
	return false
}

// assignedAfter reports whether an assignment follows the name that ends at
// end, over a comma list of further names.
func assignedAfter(code string, end int, lists map[int]bool) bool {
	if v, ok := lists[end]; ok {
		return v
	}
	after := strings.TrimLeft(code[end:], " \t")
	if strings.HasPrefix(after, ",") {
		rest := strings.TrimLeft(after[1:], " \t")
		n := 0
		for n < len(rest) && lex.IdentPart[rest[n]] {
			n++
		}
		if n > 0 {
			v := assignedAfter(code, len(code)-len(rest)+n, lists)
			lists[end] = v
			return v
		}
		after = rest
	}
	v := strings.HasPrefix(after, ":=") ||
		strings.HasPrefix(after, "=") && !strings.HasPrefix(after, "==") ||
		len(after) > 1 && strings.ContainsRune("+-*/|&", rune(after[0])) && after[1] == '=' ||
		strings.HasPrefix(after, "++") || strings.HasPrefix(after, "--")
	lists[end] = v
	return v
}

// assignedIn reports whether one of the sites of a name of length n lies
// within [from, to).
func assignedIn(sites []int, n, from, to int) bool {
	k, _ := slices.BinarySearch(sites, from)
	return k < len(sites) && sites[k]+n <= to
}

func init() { registerRule(ruleLateHeader) }
