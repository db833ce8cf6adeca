package lsp

import (
	"context"
	"encoding/json"
	"errors"
	"net"
	"strings"
	"sync"
	"testing"
	"time"

	"go.lsp.dev/jsonrpc2"
	"go.lsp.dev/protocol"
)

// client is a real jsonrpc2 client talking to an in-process server over a pipe.
type client struct {
	t           *testing.T
	slowStarted chan struct{} // closed when test/slow starts
	conn        jsonrpc2.Conn
	notes       chan jsonrpc2.Request
	status      chan int
}

func startServer(t *testing.T) *client {
	t.Helper()
	serverSide, clientSide := net.Pipe()
	c := &client{t: t, notes: make(chan jsonrpc2.Request, 100), status: make(chan int, 1), slowStarted: make(chan struct{})}
	ctx, cancel := context.WithCancel(context.Background())
	go func() {
		c.status <- Serve(ctx, serverSide, serverSide, Options{Version: "test", Debounce: time.Millisecond, extra: testHandlers(c)})
		serverSide.Close()
	}()
	c.conn = jsonrpc2.NewConn(jsonrpc2.NewStream(clientSide))
	c.conn.Go(ctx, func(ctx context.Context, reply jsonrpc2.Replier, req jsonrpc2.Request) error {
		c.notes <- req
		return reply(ctx, nil, nil)
	})
	t.Cleanup(func() {
		cancel()
		clientSide.Close()
	})
	return c
}

// call sends a request and decodes its result; it returns the JSON-RPC error.
func (c *client) call(method string, params, result any) error {
	c.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	_, err := c.conn.Call(ctx, method, params, result)
	return err
}

func (c *client) notify(method string, params any) {
	c.t.Helper()
	if err := c.conn.Notify(context.Background(), method, params); err != nil {
		c.t.Fatal(err)
	}
}

// waitNote returns the next notification of a method.
func (c *client) waitNote(method string) json.RawMessage {
	c.t.Helper()
	timeout := time.After(5 * time.Second)
	for {
		select {
		case n := <-c.notes:
			if n.Method() == method {
				return n.Params()
			}
		case <-timeout:
			c.t.Fatalf("no %s within 5 s", method)
		}
	}
}

func errCode(err error) jsonrpc2.Code {
	var e *jsonrpc2.Error
	if errors.As(err, &e) {
		return e.Code
	}
	return 0
}

func (c *client) initialize(options any, encodings ...string) initializeResult {
	c.t.Helper()
	params := map[string]any{
		"capabilities":          map[string]any{"general": map[string]any{"positionEncodings": encodings}},
		"initializationOptions": options,
	}
	var res initializeResult
	if err := c.call("initialize", params, &res); err != nil {
		c.t.Fatal(err)
	}
	c.notify("initialized", struct{}{})
	return res
}

func (c *client) open(uri, text string) {
	c.notify("textDocument/didOpen", map[string]any{"textDocument": map[string]any{"uri": uri, "languageId": "go", "version": 1, "text": text}})
}

const handlerGo = `package api

import "net/http"

func h(w http.ResponseWriter, r *http.Request) {
	s := "héllo 😀"; _ = s; w.WriteHeader(207)
	http.Redirect(w, r, "/", 200)
}
`

const uriA = "file:///work/a.go"

func pos(line, char uint32) protocol.Position { return protocol.Position{Line: line, Character: char} }

func TestLifecycle(t *testing.T) {
	c := startServer(t)
	var res json.RawMessage
	if err := c.call("textDocument/hover", map[string]any{}, &res); errCode(err) != codeServerNotInitialized {
		t.Errorf("before initialize: %v, want code %d", err, codeServerNotInitialized)
	}
	init := c.initialize(nil, "utf-16")
	caps := init.Capabilities
	if init.ServerInfo.Name != "httpcodes" || init.ServerInfo.Version != "test" || caps.PositionEncoding != "utf-16" ||
		!caps.HoverProvider || !caps.InlayHintProvider || caps.CompletionProvider == nil || !caps.CompletionProvider.ResolveProvider ||
		caps.TextDocumentSync.Change != protocol.TextDocumentSyncKindIncremental || caps.DiagnosticProvider != nil {
		t.Errorf("initialize result: %+v", init)
	}
	if err := c.call("initialize", map[string]any{"capabilities": map[string]any{}}, &res); errCode(err) != jsonrpc2.InvalidRequest {
		t.Errorf("second initialize: %v", err)
	}
	if err := c.call("shutdown", nil, &res); err != nil {
		t.Fatal(err)
	}
	if err := c.call("textDocument/hover", map[string]any{}, &res); errCode(err) != jsonrpc2.InvalidRequest {
		t.Errorf("after shutdown: %v", err)
	}
	c.notify("exit", nil)
	if status := <-c.status; status != 0 {
		t.Errorf("exit after shutdown: status %d, want 0", status)
	}
}

func TestExitWithoutShutdown(t *testing.T) {
	c := startServer(t)
	c.initialize(nil)
	c.notify("exit", nil)
	if status := <-c.status; status != 1 {
		t.Errorf("exit without shutdown: status %d, want 1", status)
	}
}

func TestDiagnosticsAndHover(t *testing.T) {
	c := startServer(t)
	c.initialize(nil, "utf-16")
	c.open(uriA, handlerGo)
	var pub protocol.PublishDiagnosticsParams
	if err := json.Unmarshal(c.waitNote("textDocument/publishDiagnostics"), &pub); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, d := range pub.Diagnostics {
		got = append(got, d.Code.(string)+"@"+rangeString(d.Range)+"/"+d.Severity.String())
	}
	// Line 5: `	s := "héllo 😀"; _ = s; w.WriteHeader(207)`: é is one UTF-16 unit
	// and two bytes, the emoji two units and four bytes, so the 207 starts
	// at character 39 (42 bytes in).
	want := []string{
		"prefer-constant@5:39-5:42/Hint",
		"superfluous-writeheader@6:1-6:30/Warning",
		"prefer-constant@6:26-6:29/Hint",
		"redirect-status@6:26-6:29/Error",
	}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("diagnostics:\n got %v\nwant %v", got, want)
	}
	for _, d := range pub.Diagnostics {
		if d.Source != "httpcodes" || d.CodeDescription == nil || !strings.HasPrefix(string(d.CodeDescription.Href), "https://httpcodes.dev/rules/") {
			t.Errorf("diagnostic %v lacks source or docs link", d)
		}
	}

	var hover protocol.Hover
	if err := c.call("textDocument/hover", hoverParams(uriA, pos(5, 40)), &hover); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(hover.Contents.Value, "### 207 Multi-Status\n\n*2xx Successful · IANA registered · WebDAV*\n\n**Meaning**") ||
		!strings.Contains(hover.Contents.Value, "**When Not to Use**") || strings.Contains(hover.Contents.Value, "**Example**") ||
		!strings.Contains(hover.Contents.Value, "**Source:** [RFC 4918, Section 11.1](https://www.rfc-editor.org/rfc/rfc4918#section-11.1)") ||
		!strings.Contains(hover.Contents.Value, "**Constants:** `http.StatusMultiStatus`") {
		t.Errorf("hover:\n%s", hover.Contents.Value)
	}
	if hover.Range == nil || rangeString(*hover.Range) != "5:39-5:42" || hover.Contents.Kind != protocol.Markdown {
		t.Errorf("hover range %v kind %v", hover.Range, hover.Contents.Kind)
	}
	// No hover on code that is not a status.
	var none *protocol.Hover
	if err := c.call("textDocument/hover", hoverParams(uriA, pos(5, 5)), &none); err != nil || none != nil {
		t.Errorf("hover on a string: %v %v", none, err)
	}
	// A position past the end of the document is clamped, not an error.
	if err := c.call("textDocument/hover", hoverParams(uriA, pos(99, 99)), &none); err != nil {
		t.Errorf("hover past the end: %v", err)
	}
	// An unopened document has no hover.
	if err := c.call("textDocument/hover", hoverParams("file:///nope.go", pos(0, 0)), &none); err != nil || none != nil {
		t.Errorf("hover in an unopened document: %v %v", none, err)
	}
}

func TestUTF8Encoding(t *testing.T) {
	c := startServer(t)
	if enc := c.initialize(nil, "utf-32", "utf-8", "utf-16").Capabilities.PositionEncoding; enc != "utf-8" {
		t.Fatalf("negotiated %q, want utf-8", enc)
	}
	c.open(uriA, handlerGo)
	var hover protocol.Hover
	// In bytes the 207 starts at 42 on line 5.
	if err := c.call("textDocument/hover", hoverParams(uriA, pos(5, 42)), &hover); err != nil || hover.Range == nil || rangeString(*hover.Range) != "5:42-5:45" {
		t.Errorf("utf-8 hover: %v %v", hover.Range, err)
	}
}

func TestPullDiagnostics(t *testing.T) {
	c := startServer(t)
	var res initializeResult
	params := map[string]any{"capabilities": map[string]any{"textDocument": map[string]any{"diagnostic": map[string]any{}}}}
	if err := c.call("initialize", params, &res); err != nil {
		t.Fatal(err)
	}
	if res.Capabilities.DiagnosticProvider == nil || res.Capabilities.DiagnosticProvider.Identifier != "httpcodes" {
		t.Fatalf("no diagnosticProvider for a client that pulls: %+v", res.Capabilities)
	}
	c.open(uriA, handlerGo)
	var report documentDiagnosticReport
	if err := c.call("textDocument/diagnostic", map[string]any{"textDocument": map[string]any{"uri": uriA}}, &report); err != nil {
		t.Fatal(err)
	}
	if report.Kind != "full" || len(report.Items) != 4 {
		t.Errorf("report: %+v", report)
	}
	select {
	case n := <-c.notes:
		t.Errorf("pushed %s to a client that pulls", n.Method())
	case <-time.After(50 * time.Millisecond):
	}
}

func TestIncrementalChangeAndConfiguration(t *testing.T) {
	c := startServer(t)
	c.initialize(map[string]any{"hover": "full"})
	c.open(uriA, handlerGo)
	c.waitNote("textDocument/publishDiagnostics")
	c.notify("textDocument/didChange", map[string]any{
		"textDocument":   map[string]any{"uri": uriA, "version": 2},
		"contentChanges": []any{map[string]any{"range": map[string]any{"start": pos(6, 26), "end": pos(6, 29)}, "text": "303"}},
	})
	var pub protocol.PublishDiagnosticsParams
	json.Unmarshal(c.waitNote("textDocument/publishDiagnostics"), &pub)
	if pub.Version != 2 || len(pub.Diagnostics) != 3 {
		t.Errorf("after the edit: version %d, %d diagnostics: %v", pub.Version, len(pub.Diagnostics), pub.Diagnostics)
	}
	var hover protocol.Hover
	c.call("textDocument/hover", hoverParams(uriA, pos(6, 27)), &hover)
	if !strings.HasPrefix(hover.Contents.Value, "### 303 See Other") || !strings.Contains(hover.Contents.Value, "**Example**") {
		t.Errorf("full hover after the edit:\n%s", hover.Contents.Value)
	}
	// Turning prefer-constant off republishes without it.
	c.notify("workspace/didChangeConfiguration", map[string]any{"settings": map[string]any{"httpcodes": map[string]any{"rules": map[string]any{"prefer-constant": "off"}}}})
	json.Unmarshal(c.waitNote("textDocument/publishDiagnostics"), &pub)
	if len(pub.Diagnostics) != 1 || pub.Diagnostics[0].Code != "superfluous-writeheader" {
		t.Errorf("prefer-constant off: %v", pub.Diagnostics)
	}
	// A bad setting is reported and the old settings stay.
	c.notify("workspace/didChangeConfiguration", map[string]any{"settings": map[string]any{"hover": "huge"}})
	var msg protocol.ShowMessageParams
	json.Unmarshal(c.waitNote("window/showMessage"), &msg)
	if !strings.Contains(msg.Message, `hover "huge"`) {
		t.Errorf("message: %q", msg.Message)
	}
}

func TestCompletion(t *testing.T) {
	c := startServer(t)
	c.initialize(nil)
	src := "package api\n\nimport nethttp \"net/http\"\n\nfunc h(w nethttp.ResponseWriter) {\n\tw.WriteHeader(40\n\t_ = nethttp.StatusMul\n}\n"
	c.open(uriA, src)
	var list protocol.CompletionList
	if err := c.call("textDocument/completion", completionParams(uriA, pos(5, 17)), &list); err != nil {
		t.Fatal(err)
	}
	var labels []string
	for _, it := range list.Items {
		labels = append(labels, it.Label)
	}
	if strings.Join(labels, " ") != "400 401 402 403 404 405 406 407 408 409" {
		t.Errorf("codes after WriteHeader(40: %v", labels)
	}
	for _, it := range list.Items {
		if it.Label == "404" && (it.TextEdit == nil || it.TextEdit.NewText != "nethttp.StatusNotFound" || rangeString(it.TextEdit.Range) != "5:15-5:17" || it.Detail != "404 Not Found") {
			t.Errorf("404 item: %+v", it)
		}
	}
	if err := c.call("textDocument/completion", completionParams(uriA, pos(6, 22)), &list); err != nil {
		t.Fatal(err)
	}
	var multi *protocol.CompletionItem
	for i, it := range list.Items {
		if it.Label == "StatusMultiStatus" {
			multi = &list.Items[i]
		}
	}
	if multi == nil || multi.Detail != "207 Multi-Status" || multi.Documentation != nil || rangeString(multi.TextEdit.Range) != "6:13-6:22" {
		t.Fatalf("StatusMultiStatus item: %+v", multi)
	}
	var resolved protocol.CompletionItem
	if err := c.call("completionItem/resolve", multi, &resolved); err != nil {
		t.Fatal(err)
	}
	doc, _ := json.Marshal(resolved.Documentation)
	if !strings.Contains(string(doc), "### 207 Multi-Status") {
		t.Errorf("resolved documentation: %s", doc)
	}
	// Most-used codes sort first.
	c.call("textDocument/completion", completionParams(uriA, pos(5, 15)), &list)
	best := list.Items[0]
	for _, it := range list.Items {
		if it.SortText < best.SortText {
			best = it
		}
	}
	if best.Label != "200" {
		t.Errorf("first code by sortText: %s", best.Label)
	}
}

func TestCodeActionsAndInlayHints(t *testing.T) {
	c := startServer(t)
	c.initialize(nil)
	c.open(uriA, handlerGo)
	var actions []protocol.CodeAction
	params := map[string]any{"textDocument": map[string]any{"uri": uriA}, "range": map[string]any{"start": pos(5, 40), "end": pos(5, 40)}, "context": map[string]any{"diagnostics": []any{}}}
	if err := c.call("textDocument/codeAction", params, &actions); err != nil {
		t.Fatal(err)
	}
	if len(actions) != 2 || actions[0].Title != "Replace 207 with http.StatusMultiStatus" || actions[0].Kind != protocol.QuickFix ||
		len(actions[0].Diagnostics) != 1 || actions[1].Kind != sourceFixAllHTTPCodes {
		t.Fatalf("actions: %+v", actions)
	}
	for _, edits := range actions[0].Edit.Changes {
		if len(edits) != 1 || rangeString(edits[0].Range) != "5:39-5:42" || edits[0].NewText != "http.StatusMultiStatus" {
			t.Errorf("quick fix edits: %+v", edits)
		}
	}
	for _, edits := range actions[1].Edit.Changes {
		if len(edits) != 2 {
			t.Errorf("fix all: %d edits", len(edits))
		}
	}
	params["context"] = map[string]any{"diagnostics": []any{}, "only": []string{"source.fixAll"}}
	c.call("textDocument/codeAction", params, &actions)
	if len(actions) != 1 || actions[0].Kind != sourceFixAllHTTPCodes {
		t.Errorf("only source.fixAll: %+v", actions)
	}

	var hints []inlayHint
	if err := c.call("textDocument/inlayHint", map[string]any{"textDocument": map[string]any{"uri": uriA}, "range": map[string]any{"start": pos(0, 0), "end": pos(9, 0)}}, &hints); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, h := range hints {
		got = append(got, h.Label+"@"+posString(h.Position))
	}
	if strings.Join(got, " ") != "Multi-Status@5:42 OK@6:29" {
		t.Errorf("inlay hints: %v", got)
	}
}

// TestBadRequests: no request ends the server.
func TestBadRequests(t *testing.T) {
	c := startServer(t)
	c.initialize(nil)
	c.open(uriA, handlerGo)
	var res json.RawMessage
	tests := []struct {
		method string
		params any
		code   jsonrpc2.Code
	}{
		{"textDocument/hover", map[string]any{"textDocument": map[string]any{"uri": uriA}, "position": "x"}, jsonrpc2.InvalidParams},
		{"textDocument/hover", nil, jsonrpc2.InvalidParams},
		{"textDocument/definition", map[string]any{}, jsonrpc2.MethodNotFound},
		{"test/panic", map[string]any{}, jsonrpc2.InternalError},
	}
	for _, tt := range tests {
		if err := c.call(tt.method, tt.params, &res); errCode(err) != tt.code {
			t.Errorf("%s %v: %v, want code %d", tt.method, tt.params, err, tt.code)
		}
	}
	var hover protocol.Hover
	if err := c.call("textDocument/hover", hoverParams(uriA, pos(5, 40)), &hover); err != nil || !strings.HasPrefix(hover.Contents.Value, "### 207") {
		t.Errorf("after bad requests the server no longer answers: %v", err)
	}
}

func TestCancellation(t *testing.T) {
	c := startServer(t)
	c.initialize(nil)
	started := c.slowStarted
	errc := make(chan error, 1)
	go func() {
		var res string
		errc <- c.call("test/slow", map[string]any{}, &res)
	}()
	<-started
	// jsonrpc2's client numbers its calls from 1; initialize was 1, test/slow is 2.
	c.notify("$/cancelRequest", map[string]any{"id": 2})
	if err := <-errc; errCode(err) != codeRequestCancelled {
		t.Errorf("cancelled request: %v, want code %d", err, codeRequestCancelled)
	}
}

// testHandlers are methods only the test servers have: one that panics,
// one that waits for its cancellation, and one that returns the text the
// server holds for a document, so a test can check no edit was lost.
func testHandlers(c *client) map[string]handlerFunc {
	var once sync.Once
	return map[string]handlerFunc{
		"test/panic": func(*Server, context.Context, json.RawMessage) (any, error) { panic("boom") },
		"test/slow": func(_ *Server, ctx context.Context, _ json.RawMessage) (any, error) {
			once.Do(func() { close(c.slowStarted) })
			<-ctx.Done()
			return "late", nil
		},
		"test/text": func(s *Server, _ context.Context, raw json.RawMessage) (any, error) {
			var p protocol.TextDocumentIdentifier
			if err := decodeParams(raw, &p); err != nil {
				return nil, err
			}
			doc, ok := s.docs.get(string(p.URI))
			if !ok {
				return nil, nil
			}
			return string(doc.text), nil
		},
	}
}

func hoverParams(uri string, p protocol.Position) map[string]any {
	return map[string]any{"textDocument": map[string]any{"uri": uri}, "position": p}
}

func completionParams(uri string, p protocol.Position) map[string]any {
	return hoverParams(uri, p)
}

func posString(p protocol.Position) string {
	return strings.Join([]string{itoa(int(p.Line)), itoa(int(p.Character))}, ":")
}

func rangeString(r protocol.Range) string { return posString(r.Start) + "-" + posString(r.End) }

func itoa(n int) string {
	b, _ := json.Marshal(n)
	return string(b)
}

// TestHugeAndInvalidDocuments: a document of maxDocumentSize bytes and
// bytes that are not UTF-8 are served like any other.
func TestHugeAndInvalidDocuments(t *testing.T) {
	c := startServer(t)
	c.initialize(nil)
	var b strings.Builder
	b.WriteString(handlerGo)
	const filler = "// filler filler filler filler filler filler filler filler filler filler\n"
	for b.Len()+len(filler) <= maxDocumentSize {
		b.WriteString(filler)
	}
	b.WriteString(strings.Repeat("/", maxDocumentSize-b.Len()))
	c.open("file:///work/huge.go", b.String())
	var hover protocol.Hover
	if err := c.call("textDocument/hover", hoverParams("file:///work/huge.go", pos(5, 40)), &hover); err != nil || !strings.HasPrefix(hover.Contents.Value, "### 207") {
		t.Errorf("hover in a 10 MB document: %v", err)
	}
	bad := strings.Replace(handlerGo, "héllo", "h\xffllo", 1)
	c.open("file:///work/bad.go", bad)
	if err := c.call("textDocument/hover", hoverParams("file:///work/bad.go", pos(5, 40)), &hover); err != nil || !strings.HasPrefix(hover.Contents.Value, "### 207") {
		t.Errorf("hover after invalid UTF-8: %v", err)
	}
}

// Right after "http." (the trigger character) the constants are offered;
// "completion": {"goConstants": false} leaves them to gopls.
func TestCompletionAfterTheQualifier(t *testing.T) {
	src := "package api\n\nimport \"net/http\"\n\nvar s = http.\n"
	for _, tt := range []struct {
		settings map[string]any
		want     bool
	}{
		{nil, true},
		{map[string]any{"completion": map[string]any{"goConstants": false}}, false},
	} {
		c := startServer(t)
		c.initialize(tt.settings)
		c.open(uriA, src)
		var list protocol.CompletionList
		if err := c.call("textDocument/completion", completionParams(uriA, pos(4, 13)), &list); err != nil {
			t.Fatal(err)
		}
		found := false
		for _, it := range list.Items {
			if it.Label == "StatusTeapot" && rangeString(it.TextEdit.Range) == "4:13-4:13" {
				found = true
			}
		}
		if found != tt.want {
			t.Errorf("settings %v: StatusTeapot offered at \"http.\": %v, want %v (%d items)", tt.settings, found, tt.want, len(list.Items))
		}
	}
}
