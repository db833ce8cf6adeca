package analysis

import (
	"fmt"
	"strings"
)

var ruleUndocumentedStatus = &Rule{
	Name:      "undocumented-status",
	Languages: []string{"go", "javascript", "typescript"},
	Since:     "v0.3.0",
	Severity:  Warning,
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

func init() { registerRule(ruleUndocumentedStatus) }

func checkUndocumentedStatus(c *checker) {
	if c.ops == nil {
		return
	}
	for _, o := range c.facts.occ {
		// @ApiResponse documents a response in the code; it sends none.
		if o.Role == Send && o.Framework != "@nestjs/swagger" {
			c.undocumented(o.Start, o.End, o.Code)
		}
	}
	for _, a := range c.ops.StatusArgs(c.facts.path) {
		c.undocumented(a.Start, a.End, a.Code)
	}
}

// undocumented reports the code at [start, end) for each operation its
// handler answers that does not document it.
func (c *checker) undocumented(start, end, code int) {
	if code < 100 || code > 599 {
		return // invalid-status and nonstandard codes are judged elsewhere
	}
	for _, op := range c.ops.OperationsAt(c.facts.path, start) {
		if op.Documents(code) {
			continue
		}
		lists := "none"
		if len(op.Responses) > 0 {
			lists = strings.Join(op.Responses, ", ")
		}
		f := Finding{
			Start: start, End: end, Code: code,
			Message: fmt.Sprintf("%s sends %s, which %s does not document for this operation (it lists %s)",
				op.Name(), c.label(code), op.Description.Name, lists),
		}
		title := "Undocumented status"
		if known := c.lookup(code); known != nil {
			title = known.Title
		}
		if file, e, ok := op.AddResponse(code, title); ok {
			e.File = file
			f.Fix = &Fix{Title: fmt.Sprintf("Document %s for %s in %s", c.label(code), op.Name(), op.Description.Name), Edits: []Edit{e}}
		}
		c.report(f)
	}
}
