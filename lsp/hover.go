package lsp

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	"go.lsp.dev/protocol"

	"github.com/httpcodes/httpcodes/analysis"
	"github.com/httpcodes/httpcodes/codes"
)

func (s *Server) hover(_ context.Context, raw json.RawMessage) (any, error) {
	var p protocol.HoverParams
	if err := decodeParams(raw, &p); err != nil {
		return nil, err
	}
	doc, ok := s.docs.get(string(p.TextDocument.URI))
	if !ok || doc.oversized() {
		return nil, nil // not open, or too large to analyse: nothing to say
	}
	enc, set, _ := s.snapshot()
	m := s.docs.mapperFor(doc, enc)
	off := m.offset(p.Position)
	// Right after an edit, this version's analysis may not have run: the
	// last one answers, mapped through the edits since, and a hover never
	// waits on an analysis (a full one takes ~80 ms on a 3 MB file).
	// Where the last one has nothing to say (the cursor is on text typed
	// since), this version's analysis answers.
	res, o, ok := s.staleOccurrence(doc, off)
	if !ok {
		res, _ = s.analysis(doc)
		if o, ok = occurrenceAt(res.Occurrences, off); !ok {
			return s.routeHover(doc, m, off), nil
		}
	}
	opts := s.options(doc.path)
	codeSet := opts.CodeSet()
	var text string
	if o.Role == analysis.RangeBound {
		text = classHover(o)
	} else if c, ok := codeSet.Lookup(o.Code); ok {
		text = pageMarkdown(c, res.Language, res.Ecosystem, set.Hover == "full")
		if note := nameNote(c, o, res.Language); note != "" {
			heading, rest, _ := strings.Cut(text, "\n\n")
			text = heading + "\n\n" + note + "\n\n" + rest
		}
	} else {
		text = fmt.Sprintf("### %d\n\nNo registry or known vendor defines %d; clients treat it as %d, the first code of its class.", o.Code, o.Code, o.Code/100*100)
	}
	if o.Role == analysis.Send && opts != nil && opts.Operations != nil {
		if note := documentedNote(opts.Operations.OperationsAt(doc.path, o.Start), o.Code); note != "" {
			heading, rest, _ := strings.Cut(text, "\n\n")
			text = heading + "\n\n" + note + "\n\n" + rest
		}
	}
	r := m.rangeOf(o.Start, o.End)
	return protocol.Hover{Contents: protocol.MarkupContent{Kind: protocol.Markdown, Value: text}, Range: &r}, nil
}

// staleOccurrence finds the occurrence under off in the analysis at hand
// without waiting for one: this version's, or the last one's, with the
// occurrence's range mapped to this version's text.
func (s *Server) staleOccurrence(doc *document, off int) (*analysis.Result, analysis.Occurrence, bool) {
	res, at, toNew := s.docs.ready(doc, off)
	if res == nil {
		return nil, analysis.Occurrence{}, false
	}
	o, ok := occurrenceAt(res.Occurrences, at)
	if !ok {
		return nil, analysis.Occurrence{}, false
	}
	start, end, ok := toNew(o.Start, o.End)
	if !ok {
		return nil, analysis.Occurrence{}, false
	}
	o.Start, o.End = start, end
	return res, o, true
}

// occurrenceAt finds the occurrence under a byte offset (its end included,
// so a cursor just after "404" still hovers it).
func occurrenceAt(occ []analysis.Occurrence, off int) (analysis.Occurrence, bool) {
	for _, o := range occ {
		if o.Start <= off && off <= o.End {
			return o, true
		}
	}
	return analysis.Occurrence{}, false
}

func classHover(o analysis.Occurrence) string {
	class := o.Code / 100
	return fmt.Sprintf("### %dxx %s\n\n`%s` tests a class of codes, not one code: %d is the first code of the %dxx class (%s).",
		class, codes.ClassName(class), o.Context, o.Code, class, codes.ClassName(class))
}

// pageMarkdown renders a code's page for a hover: a short one (Meaning,
// When Not to Use, Source) or the full page; then the names the file's
// ecosystems give the code, the one the file uses first.
func pageMarkdown(c *codes.Code, lang, used string, full bool) string {
	var b strings.Builder
	fmt.Fprintf(&b, "### %d %s\n\n", c.Number, c.Title)
	fmt.Fprintf(&b, "*%s*\n\n", strings.Join(c.Tags(), " · "))
	if c.Retired != "" {
		fmt.Fprintf(&b, "> %s\n\n", c.Retired)
	}
	section := func(title, text string) {
		if strings.TrimSpace(text) != "" {
			fmt.Fprintf(&b, "**%s**\n\n%s\n\n", title, text)
		}
	}
	section("Meaning", c.Meaning)
	if full {
		section("When to Use", c.WhenToUse)
		section("Example", c.Example)
	}
	section("When Not to Use", c.WhenNotToUse)
	if c.SourceURL != "" {
		fmt.Fprintf(&b, "**Source:** [%s](%s)\n", c.Source, c.SourceURL)
	} else if c.Source != "" {
		fmt.Fprintf(&b, "**Source:** %s\n", c.Source)
	}
	var names []string
	for _, eco := range ecosystemsFirst(lang, used) {
		for _, k := range c.ConstantsFor(eco) {
			name := "`" + k.Name + "`"
			if k.Deprecated {
				name += " (deprecated)"
			}
			names = append(names, name)
		}
	}
	if len(names) > 0 {
		fmt.Fprintf(&b, "\n**Constants:** %s\n", strings.Join(names, ", "))
	}
	return strings.TrimSpace(b.String())
}

// ecosystemsFirst lists a language's ecosystems with the one a file uses
// first.
func ecosystemsFirst(lang, used string) []codes.Ecosystem {
	all := codes.EcosystemsForLanguage(lang)
	out := make([]codes.Ecosystem, 0, len(all))
	for _, eco := range all {
		if string(eco) == used {
			out = append(out, eco)
		}
	}
	for _, eco := range all {
		if string(eco) != used {
			out = append(out, eco)
		}
	}
	return out
}

// routeHover lists, on a route registration's path, the documented
// responses of the operations it answers; nil elsewhere.
func (s *Server) routeHover(doc *document, m *mapper, off int) any {
	opts := s.options(doc.path)
	if opts == nil || opts.Operations == nil {
		return nil
	}
	route, ops := opts.Operations.RouteAt(doc.path, off)
	if route == nil || len(ops) == 0 {
		return nil
	}
	set := opts.CodeSet()
	var b strings.Builder
	for i, op := range ops {
		if i > 0 {
			b.WriteString("\n\n")
		}
		fmt.Fprintf(&b, "### %s\n\nDocumented in `%s`, with the responses:\n", op.Name(), op.Description.Name)
		if len(op.Responses) == 0 {
			b.WriteString("\n(none)")
		}
		for _, k := range op.Responses {
			label := k
			if n, err := strconv.Atoi(k); err == nil {
				if c, ok := set.Lookup(n); ok {
					label = c.String()
				}
			}
			fmt.Fprintf(&b, "\n- %s", label)
		}
	}
	r := m.rangeOf(route.Start, route.End)
	return protocol.Hover{Contents: protocol.MarkupContent{Kind: protocol.Markdown, Value: b.String()}, Range: &r}
}

// documentedNote says whether the operations a sent code answers document
// it; "" when the code answers no documented operation.
func documentedNote(ops []*analysis.Operation, code int) string {
	var notes []string
	for _, op := range ops {
		if op.Documents(code) {
			notes = append(notes, fmt.Sprintf("`%s` documents %d for %s.", op.Description.Name, code, op.Name()))
		} else {
			notes = append(notes, fmt.Sprintf("`%s` does not document %d for %s (it lists %s).", op.Description.Name, code, op.Name(), strings.Join(op.Responses, ", ")))
		}
	}
	return strings.Join(notes, " ")
}
