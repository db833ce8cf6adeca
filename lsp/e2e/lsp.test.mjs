// Black-box test of the language server: the built `httpcodes serve --stdio`
// driven over its stdin and stdout by vscode-languageserver-protocol, the
// client library VS Code's own language client is built on. Positions are
// UTF-16 columns (what the client offers); the documents put "é" and "😀"
// before status codes so that UTF-16, code point and byte columns differ.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn, execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  ResponseError,
} from "vscode-languageserver-protocol/node";

const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, "..", "..");
const WAIT = 5000; // every wait for the server is bounded by this

let binDir, bin;

before(() => {
  binDir = mkdtempSync(join(tmpdir(), "httpcodes-lsp-"));
  bin = join(binDir, "httpcodes");
  execFileSync("go", ["build", "-o", bin, "./cmd/httpcodes"], { cwd: repo, stdio: ["ignore", "inherit", "inherit"], timeout: 180000 });
}, { timeout: 200000 });

// The main session's server (tests 1 to 9 share it, in order).
let s;

after(() => {
  if (s) s.kill();
  if (binDir) rmSync(binDir, { recursive: true, force: true });
});

// within rejects when a promise takes longer than ms, or as soon as one of
// the failures settles first.
function within(promise, what, failures = [], ms = WAIT) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout, ...failures]).finally(() => clearTimeout(timer));
}

// Server is one `httpcodes serve --stdio` process and the client connection
// to it. Everything the server writes to stdout is also kept raw, so the test
// can check it is nothing but Content-Length frames.
class Server {
  constructor() {
    this.proc = spawn(bin, ["serve", "--stdio"], { stdio: ["pipe", "pipe", "pipe"] });
    this.stdout = [];
    this.stderr = "";
    this.proc.stdout.on("data", (b) => this.stdout.push(b));
    this.proc.stderr.on("data", (b) => { this.stderr += b; });
    this.proc.stdin.on("error", () => {}); // EPIPE after exit is reported by the exit status
    // "close" comes after "exit", once stdout has been read to its end.
    this.exited = new Promise((resolve) => this.proc.on("close", (code, signal) => resolve({ code, signal })));
    // broken rejects when stdout holds something that is not a frame or the
    // server dies unasked, so that every wait then fails at once.
    this.expectExit = false;
    this.broken = new Promise((_, reject) => { this.breaks = reject; });
    this.broken.catch(() => {});
    this.proc.on("exit", (code, signal) => {
      if (!this.expectExit) this.breaks(new Error(`the server exited (status ${code}, signal ${signal}):\n${this.stderr}`));
    });
    this.loggedErrors = []; // the client logs responses without an id here
    this.transportErrors = [];
    this.diagnostics = []; // every textDocument/publishDiagnostics, in order
    this.waiters = [];
    const reader = new StreamMessageReader(this.proc.stdout);
    const writer = new StreamMessageWriter(this.proc.stdin);
    reader.onError((e) => {
      this.transportErrors.push(e);
      this.breaks(new Error(`the client cannot read the server's stdout: ${e.message}`));
    });
    const logger = {
      error: (m) => { this.loggedErrors.push(m); this.wake(); },
      warn: () => {}, info: () => {}, log: () => {},
    };
    this.conn = createProtocolConnection(reader, writer, logger);
    this.conn.onError(([e]) => this.transportErrors.push(e));
    this.conn.onNotification("textDocument/publishDiagnostics", (p) => { this.diagnostics.push(p); this.wake(); });
    this.conn.onNotification("window/showMessage", () => {});
    this.conn.listen();
  }

  wake() {
    for (const w of [...this.waiters]) w();
  }

  // until resolves with the first value f returns that is not undefined,
  // checking again whenever a notification or logged error arrives.
  until(f, what) {
    let done;
    return within(new Promise((resolve) => {
      done = () => {
        const v = f();
        if (v !== undefined) resolve(v);
      };
      this.waiters.push(done);
      done();
    }), what, [this.broken]).finally(() => { this.waiters = this.waiters.filter((w) => w !== done); });
  }

  diagnosticsFor(uri, version) {
    return this.until(() => this.diagnostics.find((d) => d.uri === uri && d.version === version),
      `publishDiagnostics for ${uri} version ${version}`);
  }

  request(method, params) {
    return within(this.conn.sendRequest(method, params), method, [this.broken]);
  }

  // requestError returns the ResponseError a request is answered with.
  async requestError(method, params) {
    try {
      const result = await this.request(method, params);
      assert.fail(`${method} answered ${JSON.stringify(result)}; want an error`);
    } catch (e) {
      if (!(e instanceof ResponseError)) throw e;
      return e;
    }
  }

  notify(method, params) {
    if (method === "exit") this.expectExit = true;
    return this.conn.sendNotification(method, params);
  }

  async initialize() {
    const result = await this.request("initialize", {
      processId: process.pid,
      clientInfo: { name: "httpcodes-e2e" },
      rootUri: null,
      capabilities: {
        general: { positionEncodings: ["utf-16"] },
        textDocument: {
          hover: { contentFormat: ["markdown", "plaintext"] },
          completion: { completionItem: { snippetSupport: false } },
          publishDiagnostics: { versionSupport: true, codeDescriptionSupport: true },
        },
      },
    });
    await this.notify("initialized", {});
    return result;
  }

  // raw writes bytes to the server's stdin, bypassing the client.
  raw(text) {
    return new Promise((resolve, reject) => this.proc.stdin.write(text, (e) => (e ? reject(e) : resolve())));
  }

  exitStatus(what) {
    return within(this.exited, what).catch((e) => { throw new Error(`${e.message}; server stderr:\n${this.stderr}`); });
  }

  kill() {
    this.conn.dispose();
    if (this.proc.exitCode === null && this.proc.signalCode === null) this.proc.kill("SIGKILL");
  }
}

// frames splits what the server wrote to stdout into Content-Length frames
// and fails if anything else is there.
function frames(chunks) {
  const buf = Buffer.concat(chunks);
  const out = [];
  let i = 0;
  while (i < buf.length) {
    const headerEnd = buf.indexOf("\r\n\r\n", i);
    assert.ok(headerEnd >= 0, `stdout has bytes that are not a frame at ${i}: ${JSON.stringify(buf.subarray(i, i + 80).toString())}`);
    const header = buf.subarray(i, headerEnd).toString("ascii");
    const m = /^Content-Length: (\d+)$/.exec(header);
    assert.ok(m, `stdout has a header that is not "Content-Length: N": ${JSON.stringify(header)}`);
    const start = headerEnd + 4;
    const end = start + Number(m[1]);
    assert.ok(end <= buf.length, "stdout ends inside a frame");
    const msg = JSON.parse(buf.subarray(start, end).toString("utf8"));
    assert.equal(msg.jsonrpc, "2.0");
    out.push(msg);
    i = end;
  }
  return out;
}

// The 40x codes of the data set, from codes/data/*.md's front matter.
function dataSetCodes() {
  const dir = join(repo, "codes", "data");
  const out = [];
  for (const f of readdirSync(dir)) {
    if (!f.endsWith(".md")) continue;
    const m = /^---\n(?:.*\n)*?code: (\d+)\n/.exec(readFileSync(join(dir, f), "utf8"));
    if (m) out.push(m[1]);
  }
  return out;
}

const pos = (line, character) => ({ line, character });
const range = (l1, c1, l2, c2) => ({ start: pos(l1, c1), end: pos(l2, c2) });

// The handlers. Columns below are UTF-16 code units ("😀" is 2, "é" is 1).
const uri = "file:///e2e/handlers.go";
const text = [
  "package api", //                                          0
  "",
  "import (",
  '\t"net/http"',
  '\t"time"',
  ")", //                                                    5
  "",
  "func multi(w http.ResponseWriter, r *http.Request) {",
  "\tw.WriteHeader(207)", //                                 8: 207 at 15-18
  "}",
  "", //                                                    10
  "func missing(w http.ResponseWriter, r *http.Request) {",
  "\t// héllo 😀: the next line has them too",
  '\tx := "héllo 😀"; _ = x; w.WriteHeader(404)', //         13: 404 at 39-42 (bytes 42-45)
  "}",
  "", //                                                    15
  "func login(w http.ResponseWriter, r *http.Request) {",
  "\ttime.Sleep(200 * time.Millisecond)", //                17: not a status, at 12-15
  '\thttp.Redirect(w, r, "/café/😀", 200)', //              18: 200 at 33-36 (bytes 36-39)
  "}",
  "", //                                                    20
].join("\n");

// A file being typed: completion at the end of lines 5 and 6.
const typingUri = "file:///e2e/typing.go";
const typingText = [
  "package api",
  "",
  'import "net/http"',
  "",
  "func typing(w http.ResponseWriter) {",
  "\tw.WriteHeader(http.Status", //                          5: "Status" at 20-26
  "\t/* ü😀 */ w.WriteHeader(40", //                         6: "40" at 25-27 (bytes 28-30)
  "}",
  "",
].join("\n");

test("initialize: capabilities, UTF-16, server info", { timeout: 15000 }, async () => {
  s = new Server();
  const res = await s.initialize();
  const caps = res.capabilities;
  assert.equal(caps.positionEncoding, "utf-16");
  assert.equal(caps.hoverProvider, true);
  assert.equal(caps.completionProvider.resolveProvider, true);
  assert.ok(caps.completionProvider.triggerCharacters.includes("."));
  assert.ok(caps.codeActionProvider.codeActionKinds.includes("quickfix"));
  assert.ok(caps.codeActionProvider.codeActionKinds.includes("source.fixAll.httpcodes"));
  assert.equal(caps.inlayHintProvider, true);
  assert.deepEqual(caps.textDocumentSync, { openClose: true, change: 2, save: {} }); // 2: incremental
  assert.equal(caps.diagnosticProvider, undefined, "a client that does not pull gets pushed diagnostics");
  assert.equal(res.serverInfo.name, "httpcodes");
  assert.equal(typeof res.serverInfo.version, "string");
});

test("didOpen: diagnostics pushed, redirect-status at its UTF-16 range", { timeout: 15000 }, async () => {
  await s.notify("textDocument/didOpen", { textDocument: { uri, languageId: "go", version: 1, text } });
  const pub = await s.diagnosticsFor(uri, 1);
  const redirect = pub.diagnostics.filter((d) => d.code === "redirect-status");
  assert.equal(redirect.length, 1, JSON.stringify(pub.diagnostics, null, 1));
  const d = redirect[0];
  assert.deepEqual(d.range, range(18, 33, 18, 36));
  assert.equal(d.severity, 1);
  assert.equal(d.source, "httpcodes");
  assert.deepEqual(d.codeDescription, { href: "https://httpcodes.dev/rules/redirect-status/" });
  assert.match(d.message, /^http\.Redirect.* with 200 OK: a redirect needs a 3xx code/);
  // prefer-constant hints on each literal that has a constant.
  const hints = pub.diagnostics.filter((x) => x.code === "prefer-constant").map((x) => [x.range, x.severity, x.message]);
  assert.deepEqual(hints, [
    [range(8, 15, 8, 18), 4, "207 is 207 Multi-Status; write http.StatusMultiStatus"],
    [range(13, 39, 13, 42), 4, "404 is 404 Not Found; write http.StatusNotFound"],
    [range(18, 33, 18, 36), 4, "200 is 200 OK; write http.StatusOK"],
  ]);
});

test("hover: a code's page, UTF-16 columns, null off a status", { timeout: 15000 }, async () => {
  const h = await s.request("textDocument/hover", { textDocument: { uri }, position: pos(8, 16) });
  assert.ok(h, "no hover on 207 at 8:16");
  assert.equal(h.contents.kind, "markdown");
  const md = h.contents.value;
  for (const want of ["### 207 Multi-Status", "**Meaning**", "**When Not to Use**", "**Source:**", "`http.StatusMultiStatus`"]) {
    assert.ok(md.includes(want), `hover lacks ${want}:\n${md}`);
  }
  assert.ok(!md.includes("**Example**"), "the default hover is the short page");
  assert.deepEqual(h.range, range(8, 15, 8, 18));

  // After the emoji: 404 is at UTF-16 39-42. Read as bytes, 41 would be
  // before the literal; read as code points, 42 would be past it.
  for (const character of [39, 41, 42]) {
    const h404 = await s.request("textDocument/hover", { textDocument: { uri }, position: pos(13, character) });
    assert.ok(h404, `no hover at 13:${character}`);
    assert.ok(h404.contents.value.startsWith("### 404 Not Found\n"), h404.contents.value);
    assert.deepEqual(h404.range, range(13, 39, 13, 42));
  }
  assert.equal(await s.request("textDocument/hover", { textDocument: { uri }, position: pos(13, 43) }), null);

  // time.Sleep(200 * time.Millisecond): a number, not a status.
  assert.equal(await s.request("textDocument/hover", { textDocument: { uri }, position: pos(17, 13) }), null);
  // A document that is not open.
  assert.equal(await s.request("textDocument/hover", { textDocument: { uri: "file:///e2e/closed.go" }, position: pos(0, 0) }), null);
});

test("completion: constants after http.Status, codes in WriteHeader(40, resolve", { timeout: 15000 }, async () => {
  await s.notify("textDocument/didOpen", { textDocument: { uri: typingUri, languageId: "go", version: 1, text: typingText } });

  const constants = await s.request("textDocument/completion", { textDocument: { uri: typingUri }, position: pos(5, 26) });
  const multi = constants.items.find((i) => i.label === "StatusMultiStatus");
  assert.ok(multi, "no StatusMultiStatus item");
  assert.equal(multi.detail, "207 Multi-Status");
  assert.equal(multi.kind, 21); // Constant
  assert.deepEqual(multi.textEdit, { range: range(5, 20, 5, 26), newText: "StatusMultiStatus" });
  assert.equal(multi.documentation, undefined, "documentation is resolved lazily");
  assert.ok(constants.items.every((i) => i.label.startsWith("Status")));

  const resolved = await s.request("completionItem/resolve", multi);
  assert.equal(resolved.label, "StatusMultiStatus");
  assert.equal(resolved.documentation.kind, "markdown");
  assert.ok(resolved.documentation.value.includes("### 207 Multi-Status"), resolved.documentation.value);
  // The data carries the document's path: its configuration may add codes.
  assert.deepEqual(resolved.data, { code: 207, lang: "go", path: "/e2e/typing.go" });

  const codes = await s.request("textDocument/completion", { textDocument: { uri: typingUri }, position: pos(6, 27) });
  const labels = codes.items.map((i) => i.label).sort();
  const want = dataSetCodes().filter((c) => c.startsWith("40")).sort();
  assert.ok(want.includes("404") && want.length >= 10, `the data set's 40x codes: ${want}`);
  assert.deepEqual(labels, want);
  assert.ok(labels.every((l) => l.startsWith("40")));
  const nf = codes.items.find((i) => i.label === "404");
  assert.equal(nf.detail, "404 Not Found");
  assert.deepEqual(nf.textEdit, { range: range(6, 25, 6, 27), newText: "http.StatusNotFound" });

  // Not a status context: nothing.
  const none = await s.request("textDocument/completion", { textDocument: { uri: typingUri }, position: pos(4, 5) });
  assert.deepEqual(none.items, []);
});

test("code actions: the quick fix for 207 and source.fixAll.httpcodes", { timeout: 15000 }, async () => {
  const actions = await s.request("textDocument/codeAction", {
    textDocument: { uri }, range: range(8, 0, 8, 19), context: { diagnostics: [] },
  });
  const quick = actions.filter((a) => a.kind === "quickfix");
  assert.deepEqual(quick.map((a) => a.title), ["Replace 207 with http.StatusMultiStatus"]);
  const fix = quick[0];
  assert.equal(fix.isPreferred, true);
  assert.deepEqual(fix.edit, { changes: { [uri]: [{ range: range(8, 15, 8, 18), newText: "http.StatusMultiStatus" }] } });
  assert.deepEqual(fix.diagnostics.map((d) => [d.code, d.range]), [["prefer-constant", range(8, 15, 8, 18)]]);

  const all = actions.filter((a) => a.kind === "source.fixAll.httpcodes");
  assert.equal(all.length, 1);
  assert.equal(all[0].title, "Fix all httpcodes findings in this file");
  assert.deepEqual(all[0].edit.changes[uri], [
    { range: range(8, 15, 8, 18), newText: "http.StatusMultiStatus" },
    { range: range(13, 39, 13, 42), newText: "http.StatusNotFound" },
    { range: range(18, 33, 18, 36), newText: "http.StatusOK" },
  ]);

  // Only: ["source.fixAll"] gets the fix-all action alone.
  const only = await s.request("textDocument/codeAction", {
    textDocument: { uri }, range: range(8, 0, 8, 19), context: { diagnostics: [], only: ["source.fixAll"] },
  });
  assert.deepEqual(only.map((a) => a.kind), ["source.fixAll.httpcodes"]);
});

test("inlay hints: titles after the literals", { timeout: 15000 }, async () => {
  const hints = await s.request("textDocument/inlayHint", { textDocument: { uri }, range: range(0, 0, 20, 0) });
  assert.deepEqual(hints, [
    { position: pos(8, 18), label: "Multi-Status", paddingLeft: true, tooltip: "207 Multi-Status" },
    { position: pos(13, 42), label: "Not Found", paddingLeft: true, tooltip: "404 Not Found" },
    { position: pos(18, 36), label: "OK", paddingLeft: true, tooltip: "200 OK" },
  ]);
  const some = await s.request("textDocument/inlayHint", { textDocument: { uri }, range: range(8, 0, 9, 0) });
  assert.deepEqual(some.map((h) => h.label), ["Multi-Status"]);
});

test("incremental didChange: 207 becomes 204", { timeout: 15000 }, async () => {
  await s.notify("textDocument/didChange", {
    textDocument: { uri, version: 2 },
    contentChanges: [{ range: range(8, 15, 8, 18), text: "204" }],
  });
  const pub = await s.diagnosticsFor(uri, 2);
  const at = pub.diagnostics.filter((d) => d.range.start.line === 8);
  assert.deepEqual(at.map((d) => [d.code, d.range, d.message]), [
    ["prefer-constant", range(8, 15, 8, 18), "204 is 204 No Content; write http.StatusNoContent"],
  ]);
  // The rest of the document is untouched.
  assert.deepEqual(pub.diagnostics.filter((d) => d.code === "redirect-status").map((d) => d.range), [range(18, 33, 18, 36)]);

  const h = await s.request("textDocument/hover", { textDocument: { uri }, position: pos(8, 16) });
  assert.ok(h, "no hover on 204 at 8:16");
  assert.ok(h.contents.value.startsWith("### 204 No Content\n"), h.contents.value);
  assert.deepEqual(h.range, range(8, 15, 8, 18));
});

test("JavaScript: diagnostics, hover and completion; $/setTrace does not stall the server", { timeout: 15000 }, async () => {
  const jsUri = "file:///e2e/server.js";
  const js = [
    "app.post('/orders', (req, res) => {",
    "  res.status(201).json({ id: 1 });",
    "  res.setHeader('Location', '/orders/1');",
    "  res.redirect(200, '/x');",
    "  res.status(",
    "});",
  ].join("\n");
  await s.notify("textDocument/didOpen", { textDocument: { uri: jsUri, languageId: "javascript", version: 1, text: js } });
  const pub = await s.diagnosticsFor(jsUri, 1);
  assert.deepEqual(pub.diagnostics.map((d) => [d.code, d.range.start.line, d.range.start.character]).sort(),
    // The redirect after the response was sent is a second send, too.
    [["late-header", 2, 2], ["redirect-status", 3, 15], ["superfluous-writeheader", 3, 2]]);
  // VS Code sends $/setTrace on every settings change: it must not hold up what follows.
  await s.notify("$/setTrace", { value: "verbose" });
  const h = await s.request("textDocument/hover", { textDocument: { uri: jsUri }, position: pos(1, 14) });
  assert.ok(h && h.contents.value.startsWith("### 201 Created\n"), JSON.stringify(h));
  assert.deepEqual(h.range, range(1, 13, 1, 16));
  const list = await s.request("textDocument/completion", { textDocument: { uri: jsUri }, position: pos(4, 13) });
  const labels = list.items.map((i) => i.label);
  assert.ok(labels.includes("404") && labels.includes("201"), labels.join(" "));
});

test("robustness: bad frames and bad requests get errors, the server goes on", { timeout: 20000 }, async () => {
  const hoverWorks = async (what) => {
    const h = await s.request("textDocument/hover", { textDocument: { uri }, position: pos(13, 40) });
    assert.ok(h && h.contents.value.startsWith("### 404 Not Found\n"), `hover after ${what}: ${JSON.stringify(h)}`);
  };

  // A frame whose body is not JSON: a parse error, with a null id.
  await s.raw("Content-Length: 5\r\n\r\n{bad}");
  const parseError = await s.until(() => s.loggedErrors.find((m) => m.includes("-32700")), "the parse error");
  assert.match(parseError, /without id/);
  await hoverWorks("a frame that is not JSON");

  // JSON that is not a JSON-RPC message: invalid request.
  await s.raw("Content-Length: 2\r\n\r\n[]");
  await s.until(() => s.loggedErrors.find((m) => m.includes("-32600")), "the invalid-request error");
  await hoverWorks("a frame that is not JSON-RPC");

  // A stray byte before the next frame: one parse error, then the server
  // finds that frame's header and goes on (it used to answer -32700 to
  // every message after the byte).
  const before = s.loggedErrors.filter((m) => m.includes("-32700")).length;
  await s.raw("x");
  await hoverWorks("a stray byte");
  assert.equal(s.loggedErrors.filter((m) => m.includes("-32700")).length, before + 1);

  // A Content-Length 5 bytes too long takes the start of the next frame:
  // the message is refused and those bytes are read again.
  const hover = JSON.stringify({ jsonrpc: "2.0", id: "too-long", method: "textDocument/hover", params: { textDocument: { uri }, position: pos(13, 40) } });
  await s.raw(`Content-Length: ${Buffer.byteLength(hover) + 5}\r\n\r\n${hover}`);
  await hoverWorks("a Content-Length too long");

  // Ids are echoed exactly: "" is not 0.
  const emptyID = JSON.stringify({ jsonrpc: "2.0", id: "", method: "textDocument/hover", params: { textDocument: { uri }, position: pos(13, 40) } });
  await s.raw(`Content-Length: ${Buffer.byteLength(emptyID)}\r\n\r\n${emptyID}`);
  await hoverWorks("a request with the id \"\"");
  const out = Buffer.concat(s.stdout).toString("utf8");
  assert.ok(out.includes('{"jsonrpc":"2.0","id":"","result":{"contents":{"kind":"markdown","value":"### 404 Not Found'), "no hover answered with the id \"\"");
  assert.ok(out.includes('{"jsonrpc":"2.0","id":"too-long","error":{"code":-32700'), "no error answered with the id \"too-long\"");

  const unknown = await s.requestError("httpcodes/noSuchMethod", { x: 1 });
  assert.equal(unknown.code, -32601);
  await hoverWorks("an unknown method");

  const badParams = await s.requestError("textDocument/hover", { textDocument: { uri }, position: "x" });
  assert.equal(badParams.code, -32602);
  await hoverWorks("a hover with bad params");

  assert.deepEqual(s.transportErrors, []);
});

test("shutdown then exit: status 0, and stdout held only LSP frames", { timeout: 15000 }, async () => {
  assert.equal(await s.request("shutdown"), null);
  // After shutdown, requests are refused.
  assert.equal((await s.requestError("textDocument/hover", { textDocument: { uri }, position: pos(8, 16) })).code, -32600);
  await s.notify("exit");
  const { code, signal } = await s.exitStatus("exit after shutdown");
  assert.equal(signal, null);
  assert.equal(code, 0, s.stderr);
  const msgs = frames(s.stdout);
  // The raw stream and the client agree on what was published.
  assert.equal(msgs.filter((m) => m.method === "textDocument/publishDiagnostics").length, s.diagnostics.length);
  assert.deepEqual(s.transportErrors, []);
  s.kill();
});

test("exit without shutdown: status 1", { timeout: 15000 }, async () => {
  const t = new Server();
  try {
    await t.initialize();
    await t.notify("exit");
    const { code, signal } = await t.exitStatus("exit without shutdown");
    assert.equal(signal, null);
    assert.equal(code, 1, t.stderr);
    frames(t.stdout);
  } finally {
    t.kill();
  }
});
