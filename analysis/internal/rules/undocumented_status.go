package rules

import (
	"fmt"
	"slices"
	"strings"

	"github.com/httpcodes/httpcodes/analysis/internal/facts"
)

var RuleUndocumentedStatus = &Rule{
	Name:      "undocumented-status",
	Languages: []string{"csharp", "go", "java", "javascript", "kotlin", "python", "typescript"},
	Since:     "v0.3.0",
	Severity:  facts.Warning,
	FixSafety: FixSafe,
	Summary:   "a handler sends a code its operation's OpenAPI description does not document",
	Why: "Clients generated from an OpenAPI description, and the validators in front of the " +
		"service, reject a response whose code the operation does not list: a 409 added to the " +
		"handler of POST /orders/{id}/cancel breaks every consumer until the description catches " +
		"up. The rule joins the project's routes (ServeMux, chi, gin, echo, gorilla, Express, " +
		"Fastify, NestJS…) to the operations of its description and flags a code that neither " +
		"the operation's responses, their range key (4XX) nor default cover. The fix adds the " +
		"response to the description, in the description's own style.",
	Bad: "// openapi.yaml: POST /orders/{id}/cancel lists 200 and 404\n" +
		"r.Post(\"/orders/{id}/cancel\", func(w http.ResponseWriter, r *http.Request) {\n" +
		"\tw.WriteHeader(http.StatusConflict)\n})",
	Good: "// openapi.yaml: POST /orders/{id}/cancel lists 200, 404 and 409\n" +
		"r.Post(\"/orders/{id}/cancel\", func(w http.ResponseWriter, r *http.Request) {\n" +
		"\tw.WriteHeader(http.StatusConflict)\n})",
	check: checkUndocumentedStatus,
}

func init() { registerRule(RuleUndocumentedStatus) }

func checkUndocumentedStatus(c *checker) {
	if c.ops == nil {
		return
	}
	for _, o := range c.facts.Occ {
		// @ApiResponse documents a response in the code; it sends none.
		if o.Role == facts.Send && !o.Guessed && o.Framework != "@nestjs/swagger" {
			c.undocumented(o.Start, o.End, o.Code)
		}
	}
	for _, a := range c.ops.StatusArgs(c.facts.Path) {
		c.undocumented(a.Start, a.End, a.Code)
	}
}

// undocumented reports the code at [start, end) when operations its
// handler answers do not document it: one finding per place, naming the
// first such operation. Two descriptions of one operation (a swagger.json
// and its swagger.yaml) count once, and not at all when one documents the
// code. A shared handler (one ReadAll for twenty routes) gets one finding
// that counts the others, and a fix that documents the code for each.
func (c *checker) undocumented(start, end, code int) {
	if code < 100 || code > 599 {
		return // invalid-status and nonstandard codes are judged elsewhere
	}
	var names []string
	byName := map[string][]*facts.Operation{}
	for _, op := range c.ops.OperationsAt(c.facts.Path, start) {
		// An operation without responses describes none of its answers:
		// the description is unfinished there, which is not this rule's
		// question, and each of its sends would be a finding.
		if len(op.Responses) == 0 {
			continue
		}
		if byName[op.Name()] == nil {
			names = append(names, op.Name())
		}
		byName[op.Name()] = append(byName[op.Name()], op)
	}
	var missing []*facts.Operation
	for _, name := range names {
		ops := byName[name]
		if !slices.ContainsFunc(ops, func(op *facts.Operation) bool { return op.Documents(code) }) {
			missing = append(missing, ops[0])
		}
	}
	if len(missing) == 0 {
		return
	}
	op := missing[0]
	lists := "none"
	if len(op.Responses) > 0 {
		lists = strings.Join(op.Responses, ", ")
	}
	msg := fmt.Sprintf("%s sends %s, which %s does not document for this operation (it lists %s)",
		op.Name(), c.label(code), op.Description.Name, lists)
	if n := len(missing) - 1; n > 0 {
		if n == 1 {
			msg += fmt.Sprintf("; nor does the other operation this code answers (%s)", otherNames(missing[1:]))
		} else {
			msg += fmt.Sprintf("; nor do the %d other operations this code answers (%s)", n, otherNames(missing[1:]))
		}
	}
	f := facts.Finding{Start: start, End: end, Code: code, Message: msg}
	title := "Undocumented status"
	if known := c.lookup(code); known != nil {
		title = known.Title
	}
	var edits []facts.Edit
	for _, m := range missing {
		if file, e, ok := m.AddResponse(code, title); ok {
			e.File = file
			edits = append(edits, e)
		}
	}
	if len(edits) == len(missing) {
		fixTitle := fmt.Sprintf("Document %s for %s in %s", c.label(code), op.Name(), op.Description.Name)
		if len(missing) > 1 {
			fixTitle = fmt.Sprintf("Document %s for the %d operations in %s", c.label(code), len(missing), op.Description.Name)
		}
		f.Fix = &facts.Fix{Title: fixTitle, Edits: edits}
	}
	c.report(f)
}

// otherNames names up to three operations, and how many more.
func otherNames(ops []*facts.Operation) string {
	var names []string
	for i, op := range ops {
		if i == 3 {
			names = append(names, fmt.Sprintf("and %d more", len(ops)-3))
			break
		}
		names = append(names, op.Name())
	}
	return strings.Join(names, ", ")
}
