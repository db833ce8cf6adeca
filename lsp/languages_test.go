package lsp

import (
	"encoding/json"
	"strings"
	"testing"

	"go.lsp.dev/protocol"
)

// The server answers in every language the analysis reads: hover on a
// status, completion where one is typed, diagnostics with the rule's tags.

const (
	uriJS      = "file:///app/server.js"
	uriTS      = "file:///app/users.controller.ts"
	uriPy      = "file:///app/main.py"
	uriOpenAPI = "file:///app/openapi.yaml"
	uriRuby    = "file:///app/app/controllers/items_controller.rb"
)

const (
	serverJS = "const { StatusCodes } = require('http-status-codes');\n" +
		"app.get('/a', (req, res) => {\n" +
		"  res.status(207).json({});\n" +
		"  res.status(\n" +
		"  res.status(StatusCodes.NOT_FOUND).end();\n" +
		"  const x = StatusCodes.\n" +
		"});\n"
	controllerTS = "import { HttpStatus } from '@nestjs/common';\n" +
		"export function h(req: Request, res: Response): void {\n" +
		"  res.status(HttpStatus.PAYLOAD_TOO_LARGE).send();\n" +
		"  res.sendStatus(40\n" +
		"}\n"
	mainPy = "from http import HTTPStatus\n" +
		"from fastapi import HTTPException, status\n" +
		"\n" +
		"def create():\n" +
		"    raise HTTPException(status_code=status.HTTP_422_UNPROCESSABLE_ENTITY)\n" +
		"    raise HTTPException(status_code=40\n" +
		"    x = HTTPStatus.\n"
	openapiYAML = "openapi: 3.1.0\n" +
		"info: {title: t, version: '1'}\n" +
		"paths:\n" +
		"  /items:\n" +
		"    get:\n" +
		"      responses:\n" +
		"        '207':\n" +
		"          description: Multi-Status\n" +
		"        '299':\n" +
		"          description: odd\n" +
		"        '4\n"
	itemsRB = "class ItemsController < ApplicationController\n" +
		"  def create\n" +
		"    render json: {}, status: :unprocessable_entity\n" +
		"  end\n" +
		"end\n"
)

func openAs(c *client, uri, lang, text string) {
	c.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{"uri": uri, "languageId": lang, "version": 1, "text": text}})
}

func hoverText(t *testing.T, c *client, uri string, p protocol.Position) string {
	t.Helper()
	var hover *protocol.Hover
	if err := c.call("textDocument/hover", hoverParams(uri, p), &hover); err != nil {
		t.Fatal(err)
	}
	if hover == nil {
		return ""
	}
	return hover.Contents.Value
}

func completionLabels(t *testing.T, c *client, uri string, p protocol.Position) ([]string, map[string]protocol.CompletionItem) {
	t.Helper()
	var list protocol.CompletionList
	if err := c.call("textDocument/completion", completionParams(uri, p), &list); err != nil {
		t.Fatal(err)
	}
	var labels []string
	items := map[string]protocol.CompletionItem{}
	for _, it := range list.Items {
		labels = append(labels, it.Label)
		items[it.Label] = it
	}
	return labels, items
}

func TestHoverInOtherLanguages(t *testing.T) {
	c := startServer(t)
	c.initialize(nil)
	openAs(c, uriJS, "javascript", serverJS)
	openAs(c, uriTS, "typescript", controllerTS)
	openAs(c, uriPy, "python", mainPy)
	openAs(c, uriOpenAPI, "yaml", openapiYAML)
	tests := []struct {
		name string
		uri  string
		at   protocol.Position
		want []string
	}{
		{"js number", uriJS, pos(2, 14), []string{"### 207 Multi-Status", "**Constants:** `StatusCodes.MULTI_STATUS`, `HttpStatus.MULTI_STATUS`"}},
		{"js constant", uriJS, pos(4, 26), []string{"### 404 Not Found"}},
		{"ts deprecated name", uriTS, pos(2, 26), []string{"### 413 Content Too Large", "NestJS HttpStatus calls it `PAYLOAD_TOO_LARGE`, after RFC 7231; RFC 9110 names it Content Too Large."}},
		{"python starlette first", uriPy, pos(4, 45), []string{"### 422 Unprocessable Content", "**Constants:** `status.HTTP_422_UNPROCESSABLE_CONTENT`"}},
		{"openapi key", uriOpenAPI, pos(6, 10), []string{"### 207 Multi-Status", "**Meaning**"}},
		{"openapi unknown key", uriOpenAPI, pos(8, 10), []string{"### 299", "No registry or known vendor defines 299"}},
	}
	for _, tt := range tests {
		got := hoverText(t, c, tt.uri, tt.at)
		for _, w := range tt.want {
			if !strings.Contains(got, w) {
				t.Errorf("%s: hover lacks %q:\n%s", tt.name, w, got)
			}
		}
	}
	// No hover on a description or a comment-free non-status line.
	if got := hoverText(t, c, uriOpenAPI, pos(7, 24)); got != "" {
		t.Errorf("hover on a description: %q", got)
	}
}

func TestCompletionInOtherLanguages(t *testing.T) {
	c := startServer(t)
	c.initialize(nil)
	openAs(c, uriJS, "javascript", serverJS)
	openAs(c, uriTS, "typescript", controllerTS)
	openAs(c, uriPy, "python", mainPy)
	openAs(c, uriOpenAPI, "yaml", openapiYAML)

	// After res.status( the codes, inserting the file's own constant.
	labels, items := completionLabels(t, c, uriJS, pos(3, 13))
	if len(labels) < 60 || items["404"].TextEdit == nil || items["404"].TextEdit.NewText != "StatusCodes.NOT_FOUND" || items["404"].Detail != "404 Not Found" {
		t.Errorf("js res.status(: %d items, 404 = %+v", len(labels), items["404"])
	}
	// After StatusCodes. the names.
	_, items = completionLabels(t, c, uriJS, pos(5, 24))
	if it, ok := items["NOT_FOUND"]; !ok || it.Kind != protocol.CompletionItemKindConstant || it.TextEdit.NewText != "NOT_FOUND" || rangeString(it.TextEdit.Range) != "5:24-5:24" {
		t.Errorf("js StatusCodes.: NOT_FOUND = %+v (%v)", it, ok)
	}
	// TypeScript, digits typed: only the matching codes.
	labels, _ = completionLabels(t, c, uriTS, pos(3, 19))
	if strings.Join(labels, " ") != "400 401 402 403 404 405 406 407 408 409" {
		t.Errorf("ts sendStatus(40: %v", labels)
	}
	// Python: status_code=40 inserts Starlette's constant; HTTPStatus. the names.
	labels, items = completionLabels(t, c, uriPy, pos(5, 38))
	if strings.Join(labels, " ") != "400 401 402 403 404 405 406 407 408 409" || items["404"].TextEdit.NewText != "status.HTTP_404_NOT_FOUND" {
		t.Errorf("python status_code=40: %v, 404 inserts %q", labels, items["404"].TextEdit.NewText)
	}
	_, items = completionLabels(t, c, uriPy, pos(6, 19))
	if _, ok := items["UNPROCESSABLE_CONTENT"]; !ok {
		t.Errorf("python HTTPStatus.: no UNPROCESSABLE_CONTENT among %d items", len(items))
	}
	// OpenAPI: a response key being typed.
	labels, items = completionLabels(t, c, uriOpenAPI, pos(10, 10))
	if len(labels) == 0 || items["404"].TextEdit == nil || items["404"].TextEdit.NewText != "404" || strings.Contains(strings.Join(labels, " "), "200") {
		t.Errorf("openapi '4: %v", labels)
	}
	// Resolve brings the page, with the file's library's names first.
	var resolved protocol.CompletionItem
	if err := c.call("completionItem/resolve", items["404"], &resolved); err != nil {
		t.Fatal(err)
	}
	doc, _ := json.Marshal(resolved.Documentation)
	if !strings.Contains(string(doc), "### 404 Not Found") {
		t.Errorf("resolved: %s", doc)
	}
	// Nothing outside a status context.
	if labels, _ := completionLabels(t, c, uriJS, pos(0, 5)); len(labels) != 0 {
		t.Errorf("completion in an import: %v", labels)
	}
}

func TestDeprecatedConstantDiagnostic(t *testing.T) {
	c := startServer(t)
	c.initialize(nil)
	openAs(c, uriRuby, "ruby", itemsRB)
	var pub protocol.PublishDiagnosticsParams
	if err := json.Unmarshal(c.waitNote("textDocument/publishDiagnostics"), &pub); err != nil {
		t.Fatal(err)
	}
	if len(pub.Diagnostics) != 1 {
		t.Fatalf("diagnostics: %+v", pub.Diagnostics)
	}
	d := pub.Diagnostics[0]
	if d.Code != "deprecated-constant" || rangeString(d.Range) != "2:29-2:50" || d.Severity != protocol.DiagnosticSeverityInformation ||
		len(d.Tags) != 1 || d.Tags[0] != protocol.DiagnosticTagDeprecated ||
		!strings.Contains(d.Message, ":unprocessable_entity is deprecated by Rack since 3.1; write :unprocessable_content") {
		t.Errorf("diagnostic: %+v", d)
	}
}
