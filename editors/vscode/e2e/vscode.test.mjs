// End-to-end test of the HTTP Codes extension in a real VS Code workbench:
// code-server 4.100.3 (VS Code 1.100.3) runs the platform-specific .vsix
// with the `httpcodes` server bundled (bin/httpcodes, built from this
// checkout), and playwright-core drives Debian's Chromium through
// diagnostics, hover, completion, a quick fix, inlay hints, settings
// changes, the commands, the output channel and the version check.
//
// Needs code-server installed by ../test.sh (or CODE_SERVER_DIR), `npm ci`
// in .. and here, Go, and /usr/bin/chromium (or CHROMIUM). HTTPCODES_VSIX
// installs that package (it must carry the server for this machine) instead
// of packaging .. afresh; HTTPCODES_BIN bundles that binary instead of
// building one.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn, execFileSync } from "node:child_process";
import { accessSync, chmodSync, constants, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const here = dirname(fileURLToPath(import.meta.url));
const extDir = join(here, "..");
const repo = join(extDir, "..", "..");
const CODE_SERVER_VERSION = "4.100.3";
const codeServer = process.env.CODE_SERVER_DIR ?? join(extDir, ".code-server", CODE_SERVER_VERSION, "node_modules", "code-server");
const chromiumPath = process.env.CHROMIUM ?? "/usr/bin/chromium";
const artifacts = join(here, "artifacts");
const WAIT = 15000; // the longest any single check waits for the workbench

// The workspace file. Each function holds one scenario; the test finds its
// lines by their text.
const MAIN_GO = `package main

import "net/http"

func redirect(w http.ResponseWriter, r *http.Request) {
	http.Redirect(w, r, "/x", http.StatusOK)
}

func multi(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(207)
}

func odd(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(299)
}

func notFound(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(404)
}

func accepted(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("X-Job", "1")
}
`;

let tmp, bin, userSettingsFile, baseSettings, cs, csLog = "", context, page;

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

// until polls fn (which returns a truthy value when done) and fails with
// what, and the last value seen, after ms.
async function until(fn, what, ms = WAIT) {
  const deadline = Date.now() + ms;
  let last;
  for (;;) {
    try {
      last = await fn();
      if (last) return last;
    } catch (e) {
      last = e.message;
    }
    if (Date.now() > deadline) {
      throw new Error(`${what}: not seen within ${ms} ms${last !== undefined ? ` (last seen: ${JSON.stringify(last).slice(0, 1500)})` : ""}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

// serverPids lists the running `httpcodes serve` processes of our binary.
function serverPids() {
  const out = execFileSync("ps", ["-eo", "pid=,args="], { encoding: "utf8" });
  return out
    .split("\n")
    .map((l) => l.trim().match(/^(\d+)\s+(.*)$/))
    .filter((m) => m && m[2].startsWith(`${bin} serve`))
    .map((m) => Number(m[1]));
}

// lines returns the text of the editor's visible lines, with Monaco's
// non-breaking spaces made plain.
function lines() {
  return page.$$eval(".editor-instance .monaco-editor .view-lines .view-line", (els) =>
    els.map((el) => ({ top: el.getBoundingClientRect().top, text: el.textContent.replace(/\u00a0/g, " ") })).sort((a, b) => a.top - b.top).map((l) => l.text),
  );
}

async function lineMatching(re, what) {
  return until(async () => (await lines()).find((l) => re.test(l)), what);
}

// tokenBox is the screen box of the first occurrence of token on the
// editor line whose text contains lineText.
async function tokenBox(lineText, token) {
  const box = await page.evaluate(
    ([lineText, token]) => {
      for (const line of document.querySelectorAll(".editor-instance .monaco-editor .view-lines .view-line")) {
        const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
        const nodes = [];
        let text = "";
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          nodes.push([n, text.length]);
          text += n.data.replace(/\u00a0/g, " ");
        }
        const at = text.indexOf(lineText);
        if (at < 0) continue;
        const start = text.indexOf(token, at);
        if (start < 0) return null;
        const end = start + token.length;
        const range = document.createRange();
        for (const [n, off] of nodes) {
          if (start >= off && start <= off + n.data.length) range.setStart(n, start - off);
          if (end >= off && end <= off + n.data.length) {
            range.setEnd(n, end - off);
            break;
          }
        }
        const r = range.getBoundingClientRect();
        return { x: r.x, y: r.y, width: r.width, height: r.height };
      }
      return null;
    },
    [lineText, token],
  );
  if (!box || box.width === 0) throw new Error(`no "${token}" on a visible line containing "${lineText}"`);
  return box;
}

// hoverUntil points at token and waits until the hover's text satisfies
// want; it returns the text and the token's box. Monaco shows a hover only
// after the mouse moves over the token, ignores a move while the workbench
// is busy, and keeps showing a hover while the mouse stays: so while no
// hover, or not the wanted one, shows for 4 s, it moves away and back.
async function hoverUntil(lineText, token, want, what) {
  let box;
  let moved = 0;
  let last = "";
  const text = await until(async () => {
    const t = (last = await page.$$eval(".monaco-hover:not(.hidden)", (els) => els.map((e) => e.innerText).join("\n").trim()));
    if (t && want(t)) return t;
    if (Date.now() - moved > 4000) {
      await page.mouse.move(5, 5);
      box = await tokenBox(lineText, token);
      await page.mouse.move(box.x + box.width / 2 - 2, box.y + box.height / 2);
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      moved = Date.now();
    }
    return false;
  }, what).catch((e) => {
    throw new Error(`${e.message.replace(/ \(last seen.*$/s, "")}; the hover showed${last ? `:\n${last.slice(0, 2000)}` : " nothing"}`);
  });
  return { text, box: box ?? (await tokenBox(lineText, token)) };
}

async function dismiss() {
  await page.keyboard.press("Escape");
  await page.mouse.move(5, 5);
  // A hover that lingers does no harm (hoverUntil moves again): do not fail.
  await until(async () => (await page.$$(".monaco-hover:not(.hidden) .hover-contents")).length === 0, "the hover to close", 3000).catch(() => {});
}

async function clickToken(lineText, token) {
  const b = await tokenBox(lineText, token);
  await page.mouse.click(b.x + b.width / 2, b.y + b.height / 2);
}

// screenshotAround saves the part of the page that holds the boxes.
async function screenshotAround(name, boxes) {
  const pad = 24;
  const vp = page.viewportSize();
  const x0 = Math.max(0, Math.min(...boxes.map((b) => b.x)) - pad);
  const y0 = Math.max(0, Math.min(...boxes.map((b) => b.y)) - pad);
  const x1 = Math.min(vp.width, Math.max(...boxes.map((b) => b.x + b.width)) + pad);
  const y1 = Math.min(vp.height, Math.max(...boxes.map((b) => b.y + b.height)) + pad);
  const file = join(artifacts, name);
  await page.screenshot({ path: file, clip: { x: x0, y: y0, width: x1 - x0, height: y1 - y0 } });
  return file;
}

async function runCommand(title) {
  await page.keyboard.press("F1");
  const input = page.locator(".quick-input-widget input");
  await input.waitFor({ state: "visible", timeout: WAIT });
  await input.fill(`>${title}`);
  await until(
    () => page.$$eval(".quick-input-list .monaco-list-row", (rows, t) => rows.some((r) => r.textContent.includes(t)), title),
    `"${title}" in the Command Palette`,
  );
  await page.keyboard.press("Enter");
}

// openMainGo opens main.go from the Explorer.
async function openMainGo() {
  const row = page.locator(".explorer-folders-view .monaco-list-row", { hasText: "main.go" });
  await row.first().waitFor({ state: "visible", timeout: 30000 });
  await row.first().click();
  await until(() => page.$$eval(".tabs-container .tab.active", (tabs) => tabs.some((t) => t.textContent.includes("main.go"))), "main.go the active editor");
  await lineMatching(/^package main/, "main.go open in the editor");
}

// setSettings replaces the user settings the way a user does: in the
// settings.json editor, saved. The test starts with baseSettings.
async function setSettings(extra) {
  const want = { ...baseSettings, ...extra };
  await runCommand("Preferences: Open User Settings (JSON)");
  await until(() => page.$$eval(".tabs-container .tab.active", (tabs) => tabs.some((t) => t.textContent.includes("settings.json"))), "settings.json open");
  await page.locator(".editor-instance .monaco-editor .view-lines").first().click();
  // Pasted, not typed: typing JSON sets off the editor's auto-closing.
  await page.evaluate((text) => navigator.clipboard.writeText(text), JSON.stringify(want, null, 2));
  await page.keyboard.press("Control+A");
  await page.keyboard.press("Control+V");
  await page.keyboard.press("Control+S");
  await until(() => page.$$eval(".tabs-container .tab.active", (tabs) => tabs.some((t) => t.textContent.includes("settings.json") && !t.classList.contains("dirty"))), "settings.json saved");
  let disk = "";
  await until(() => (disk = readFileSync(userSettingsFile, "utf8")).trim() === JSON.stringify(want, null, 2), "settings.json on disk", 5000).catch(() => {
    throw new Error(`settings.json is not what was pasted:\n${disk}`);
  });
  await page.keyboard.press("Control+W");
  await until(() => page.$$eval(".tabs-container .tab.active", (tabs) => tabs.some((t) => t.textContent.includes("main.go"))), "main.go the active editor again");
}

// Each test saves a screenshot of the page when it fails.
let failed = false;
function step(name, fn) {
  test(name, { timeout: 90000 }, async () => {
    try {
      await fn();
    } catch (e) {
      failed = true;
      if (page) await page.screenshot({ path: join(artifacts, `failed-${name.replace(/[^a-z0-9]+/gi, "-")}.png`) }).catch(() => {});
      throw e;
    }
  });
}

before(async () => {
  assert.ok(existsSync(join(codeServer, "out", "node", "entry.js")), `code-server ${CODE_SERVER_VERSION} is not installed at ${codeServer}: run editors/vscode/test.sh, which installs it`);
  assert.ok(existsSync(chromiumPath), `no Chromium at ${chromiumPath}: apt-get install chromium`);
  mkdirSync(artifacts, { recursive: true });
  tmp = mkdtempSync(join(tmpdir(), "httpcodes-vscode-e2e-"));
  const home = join(tmp, "home");
  for (const d of ["home", "home/.config", "home/.local/share", "home/.cache", "home/.local/state", "runtime", "user-data/User", "extensions", "ws", "chromium"]) {
    mkdirSync(join(tmp, d), { recursive: true });
  }
  const env = {
    ...process.env,
    HOME: home,
    XDG_CONFIG_HOME: join(home, ".config"),
    XDG_DATA_HOME: join(home, ".local/share"),
    XDG_CACHE_HOME: join(home, ".cache"),
    XDG_STATE_HOME: join(home, ".local/state"),
    XDG_RUNTIME_DIR: join(tmp, "runtime"),
    NPM_CONFIG_UPDATE_NOTIFIER: "false",
  };
  // The bundled server comes before PATH, and the test checks that it is
  // the one running (serverPids matches its path).
  delete env.VSCODE_IPC_HOOK_CLI;

  let vsix = process.env.HTTPCODES_VSIX;
  if (!vsix) {
    let built = process.env.HTTPCODES_BIN;
    if (!built) {
      built = join(tmp, "httpcodes-built");
      execFileSync("go", ["build", "-o", built, "./cmd/httpcodes"], { cwd: repo, stdio: ["ignore", "inherit", "inherit"], timeout: 180000 });
    }
    vsix = join(tmp, "httpcodes.vsix");
    const target = process.arch === "arm64" ? "linux-arm64" : "linux-x64";
    execFileSync(process.execPath, [join(extDir, "scripts", "package.mjs"), target, "--out", vsix], {
      cwd: extDir,
      env: { ...env, HTTPCODES_BIN: built },
      stdio: ["ignore", "ignore", "inherit"],
      timeout: 120000,
    });
  }
  const csArgs = ["--user-data-dir", join(tmp, "user-data"), "--extensions-dir", join(tmp, "extensions")];
  const installed = execFileSync(process.execPath, [join(codeServer, "out", "node", "entry.js"), ...csArgs, "--install-extension", vsix], {
    env,
    encoding: "utf8",
    timeout: 120000,
  });
  assert.match(installed, /was successfully installed/, `installing the .vsix into code-server:\n${installed}`);
  // The server the extension runs: the one bundled in the installed package.
  const installedDir = readdirSync(join(tmp, "extensions")).find((d) => d.startsWith("httpcodes.httpcodes-"));
  assert.ok(installedDir, `the extension is not in ${join(tmp, "extensions")}`);
  bin = join(tmp, "extensions", installedDir, "bin", "httpcodes");
  accessSync(bin, constants.X_OK); // the .vsix carries an executable server

  writeFileSync(join(tmp, "ws", "main.go"), MAIN_GO);
  writeFileSync(join(tmp, "ws", "go.mod"), "module example.com/e2e\n\ngo 1.22\n");
  userSettingsFile = join(tmp, "user-data", "User", "settings.json");
  baseSettings = {
    "editor.hover.delay": 100,
    "editor.inlayHints.enabled": "on",
    "editor.wordBasedSuggestions": "off",
    "editor.minimap.enabled": false,
    "security.workspace.trust.enabled": false,
    "telemetry.telemetryLevel": "off",
    "workbench.startupEditor": "none",
    "workbench.tips.enabled": false,
    "workbench.enableExperiments": false,
    "extensions.autoCheckUpdates": false,
    "extensions.autoUpdate": false,
    "extensions.ignoreRecommendations": true,
    "git.enabled": false,
    // TRACE=1 logs the protocol into the HTTP Codes channel, which VS Code
    // keeps under user-data/logs (with KEEP_TMP=1 to look at it).
    ...(process.env.TRACE ? { "httpcodes.trace.server": "verbose" } : {}),
  };
  writeFileSync(userSettingsFile, JSON.stringify(baseSettings, null, 2));

  const port = await freePort();
  cs = spawn(
    process.execPath,
    [
      join(codeServer, "out", "node", "entry.js"),
      ...csArgs,
      "--auth", "none",
      "--bind-addr", `127.0.0.1:${port}`,
      "--disable-telemetry",
      "--disable-update-check",
      "--disable-workspace-trust",
      "--disable-getting-started-override",
      "--ignore-last-opened",
      join(tmp, "ws"),
    ],
    { env, detached: true, stdio: ["ignore", "pipe", "pipe"] },
  );
  cs.stdout.on("data", (b) => { csLog += b; });
  cs.stderr.on("data", (b) => { csLog += b; });
  const up = await until(() => (cs.exitCode !== null ? `exited with status ${cs.exitCode}` : /HTTP server listening on/.test(csLog)), "code-server listening", 30000).catch((e) => e.message);
  if (up !== true) throw new Error(`code-server did not start (${up}); its output:\n${csLog}`);

  context = await chromium.launchPersistentContext(join(tmp, "chromium"), {
    executablePath: chromiumPath,
    env,
    viewport: { width: 1400, height: 900 },
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  page = context.pages()[0] ?? (await context.newPage());
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: `http://127.0.0.1:${port}` });
  await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(join(tmp, "ws"))}`, { timeout: 30000 });
  await page.locator(".monaco-workbench").waitFor({ state: "visible", timeout: 30000 });
  await page.locator(".explorer-folders-view, .monaco-workbench .part.sidebar").first().waitFor({ timeout: 30000 });

  await openMainGo();
}, { timeout: 240000 });

// keepServerLog copies the HTTP Codes channel's log (the server's stderr)
// to the artifacts. After a failure it first asks each running server for
// its goroutines (SIGQUIT makes Go print them and exit), so that a server
// that stopped answering shows where it is stuck.
async function keepServerLog() {
  if (failed && bin) {
    for (const pid of serverPids()) try { process.kill(pid, "SIGQUIT"); } catch {}
    await new Promise((r) => setTimeout(r, 1500));
  }
  const logs = join(tmp, "user-data", "logs");
  if (!existsSync(logs)) return;
  const found = execFileSync("find", [logs, "-name", "HTTP Codes.log"], { encoding: "utf8" }).split("\n").filter(Boolean);
  for (const [i, f] of found.entries()) copyFileSync(f, join(artifacts, `httpcodes-output${i ? `-${i}` : ""}.log`));
}

after(async () => {
  if (tmp) await keepServerLog().catch((e) => console.error(`keeping the server's log: ${e.message}`));
  await context?.close().catch(() => {});
  if (cs && cs.exitCode === null) {
    // code-server runs the workbench server, the extension host and the
    // language server below it: end the whole process group.
    try { process.kill(-cs.pid, "SIGTERM"); } catch {}
    const exited = await until(() => cs.exitCode !== null || cs.signalCode !== null, "code-server to exit", 5000).then(() => true, () => false);
    if (!exited) try { process.kill(-cs.pid, "SIGKILL"); } catch {}
  }
  if (bin && existsSync(bin)) {
    const left = await until(() => serverPids().length === 0, "the language server to exit", 5000).then(() => [], () => serverPids());
    for (const pid of left) try { process.kill(pid, "SIGKILL"); } catch {}
    assert.deepEqual(left, [], "httpcodes serve outlived code-server");
  }
  if (tmp && !process.env.KEEP_TMP) rmSync(tmp, { recursive: true, force: true });
});

step("1. diagnostics: squiggles on the misused codes, with the server's messages", async () => {
  // redirect-status is an error and unknown-status a warning (verified with
  // `httpcodes check`); each squiggle must sit under its code.
  const under = async (cls, lineText, token) => {
    const t = await tokenBox(lineText, token);
    return until(
      () =>
        page.$$eval(
          `.editor-instance .monaco-editor ${cls}`,
          (els, t) => els.some((e) => {
            const r = e.getBoundingClientRect();
            return r.width > 0 && r.left < t.x + t.width && r.right > t.x && Math.abs(r.top + r.height / 2 - (t.y + t.height / 2)) < t.height;
          }),
          t,
        ),
      `a ${cls} under "${token}" in "${lineText}"`,
      60000, // the first diagnostics wait for the extension host and the server to start
    );
  };
  await under(".squiggly-error", "http.Redirect(", "http.StatusOK");
  await under(".squiggly-warning", "w.WriteHeader(299", "299");

  const { text: h } = await hoverUntil("w.WriteHeader(299", "299", (t) => /no registry or known vendor defines 299/.test(t), "the unknown-status message in the hover over 299");
  assert.match(h, /unknown-status/, "the diagnostic's rule is its code");
  await dismiss();

  await hoverUntil("http.Redirect(", "StatusOK", (t) => /http\.Redirect with 200 OK: a redirect needs a 3xx code/.test(t), "the redirect-status message in the hover over http.StatusOK");
  await dismiss();
});

step("2. hover over 207 shows Multi-Status with its sections", async () => {
  const { text, box: token } = await hoverUntil("w.WriteHeader(207", "207", (t) => /^207 Multi-Status$/m.test(t), "the page of 207 Multi-Status in the hover over 207");
  for (const want of ["207 Multi-Status", "2xx Successful", "Meaning", "multistatus", "When Not to Use", "Source:", "RFC 4918, Section 11.1", "http.StatusMultiStatus"]) {
    assert.ok(text.includes(want), `the hover over 207 lacks "${want}":\n${text}`);
  }
  assert.ok(!text.includes("When to Use\n"), `the short hover (the default) shows "When to Use":\n${text}`);
  const hover = await page.locator(".monaco-hover:not(.hidden)").first().boundingBox();
  // The hover with the code around it: from the gutter, three lines above.
  const gutter = await page.locator(".editor-instance .monaco-editor .margin").first().boundingBox();
  const shot = await screenshotAround("hover.png", [hover, token, { x: gutter.x, y: token.y - 3 * token.height, width: 1, height: 1 }]);
  // The README's screenshot is refreshed on request only, so a test run
  // leaves the work tree as it found it.
  if (process.env.UPDATE_SCREENSHOT === "1") {
    mkdirSync(join(extDir, "images"), { recursive: true });
    copyFileSync(shot, join(extDir, "images", "hover.png"));
  }
  await dismiss();
});

step("3. inlay hints: Multi-Status after 207, Not Found after 404", async () => {
  // The server sends the title after a number (207 → Multi-Status); Monaco
  // draws it inside the line, between the number and the parenthesis.
  await lineMatching(/w\.WriteHeader\(207\s+Multi-Status\)/, "the inlay hint Multi-Status after 207");
  await lineMatching(/w\.WriteHeader\(404\s+Not Found\)/, "the inlay hint Not Found after 404");
  const hint = await page.$$eval(".editor-instance .view-line span", (spans) => spans.filter((s) => s.children.length === 0 && s.textContent.replace(/\u00a0/g, " ").trim() === "Multi-Status").map((s) => s.className));
  assert.ok(hint.length > 0, "no element holds the hint's label");
  assert.ok(hint.every((c) => !/\bmtk\d+\b/.test(c) || /dyn-rule|inlay/i.test(c)), `the label looks like source text, not a hint: ${hint}`);
});

step("4. completion after http.Status lists the constants with their docs", async () => {
  await clickToken('w.Header().Set("X-Job", "1")', ")");
  await page.keyboard.press("End");
  await page.keyboard.press("Enter");
  await page.keyboard.type("w.WriteHeader(http.Status", { delay: 20 });
  await page.keyboard.press("Control+Space");
  const widget = page.locator(".editor-instance .suggest-widget.visible");
  await widget.waitFor({ state: "visible", timeout: WAIT });
  const labels = await until(async () => {
    const l = await page.$$eval(".suggest-widget.visible .monaco-list-row .label-name", (els) => els.map((e) => e.textContent));
    return l.includes("StatusOK") && l;
  }, "StatusOK in the completion list");
  assert.ok(labels.length >= 8, `only ${labels.length} items: ${labels}`);
  assert.ok(labels.every((l) => /^Status[A-Z]\w*$/.test(l)), `items that are not net/http constants: ${labels}`);
  // The docs come from completionItem/resolve; Ctrl+Space opens the side
  // pane (pressed again only if a press came too early to take effect).
  const pane = page.locator(".suggest-details-container .suggest-details");
  let pressed = 0;
  const docs = await until(async () => {
    const t = (await pane.isVisible()) ? await pane.innerText() : "";
    if (/Meaning/.test(t) && /When Not to Use/.test(t)) return t;
    if (!t && Date.now() - pressed > 3000) {
      await page.keyboard.press("Control+Space");
      pressed = Date.now();
    }
    return false;
  }, "the docs of the focused item beside the list");
  const focused = await page.$eval(".suggest-widget.visible .monaco-list-row.focused .label-name", (e) => e.textContent);
  assert.match(docs, /^\d{3} /m, `the docs of ${focused} do not name its code:\n${docs}`);
  const boxes = [await widget.boundingBox()];
  const details = await page.locator(".suggest-details-container").boundingBox();
  if (details) boxes.push(details);
  await screenshotAround("completion.png", boxes);

  await page.keyboard.type("Accepted", { delay: 20 });
  await until(async () => (await page.$$eval(".suggest-widget.visible .monaco-list-row.focused .label-name", (els) => els.map((e) => e.textContent))).includes("StatusAccepted"), "StatusAccepted focused after typing Accepted");
  await page.keyboard.press("Enter");
  // Waited for, not read once: for a moment the inlay hint may show as "…".
  await lineMatching(/^\s*w\.WriteHeader\(http\.StatusAccepted\s*(202)?\s*\)$/, "w.WriteHeader(http.StatusAccepted) after accepting StatusAccepted");
  // The constant gets its number as an inlay hint.
  await lineMatching(/w\.WriteHeader\(http\.StatusAccepted\s+202\)/, "the inlay hint 202 after http.StatusAccepted");
});

step("5. the quick fix replaces 404 with http.StatusNotFound", async () => {
  await clickToken("w.WriteHeader(404", "404");
  await page.keyboard.press("Control+.");
  const title = "Replace 404 with http.StatusNotFound";
  // The menu lays a pointer block over the page: choose with the keyboard.
  const menu = () => page.$$eval(".action-widget .monaco-list-row", (rows) => rows.map((r) => ({ label: r.getAttribute("aria-label") ?? r.textContent, focused: r.classList.contains("focused") })));
  const rows = await until(async () => {
    const m = await menu();
    return m.some((r) => r.label === title) && m;
  }, `the Quick Fix "${title}" in the menu`).catch(async (e) => {
    throw new Error(`${e.message}; the menu shows ${JSON.stringify(await menu().catch(() => []))}`);
  });
  for (let i = 0; i < rows.length && !(await menu()).some((r) => r.focused && r.label === title); i++) {
    await page.keyboard.press("ArrowDown");
  }
  assert.ok((await menu()).some((r) => r.focused && r.label === title), `could not focus "${title}" in ${JSON.stringify(await menu())}`);
  await page.keyboard.press("Enter");
  await lineMatching(/w\.WriteHeader\(http\.StatusNotFound\s*(404)?\s*\)/, "the line after the quick fix");
  const all = await lines();
  assert.ok(!all.some((l) => /WriteHeader\(404/.test(l)), "the 404 is still there");
});

step("6. Explain Status Code… picks a code and shows its page", async () => {
  await runCommand("HTTP Codes: Explain Status Code");
  const input = page.locator(".quick-input-widget input");
  // The list is virtual: it renders the rows in view and tells their count.
  const count = await until(
    () => page.$$eval(".quick-input-list .monaco-list-row", (rows) => rows.some((r) => r.textContent.startsWith("100 Continue")) && Number(rows[0].getAttribute("aria-setsize"))),
    "100 Continue first in the quick pick",
  );
  assert.ok(count >= 80, `the quick pick offers ${count} codes; httpcodes list --json has more than 80`);
  await input.fill("207");
  await until(
    () => page.$$eval(".quick-input-list .monaco-list-row.focused", (rows) => rows.some((r) => r.textContent.includes("207 Multi-Status"))),
    "207 Multi-Status focused in the quick pick",
  );
  await page.keyboard.press("Enter");
  await until(
    () => page.$$eval(".tabs-container .tab", (tabs) => tabs.some((t) => /207 Multi-Status/.test(t.textContent) && /Preview/.test(t.textContent))),
    "the preview tab of 207 Multi-Status",
  );
  const text = await until(async () => {
    for (const f of page.frames()) {
      const t = await f.evaluate(() => document.body?.innerText ?? "").catch(() => "");
      if (t.includes("When Not to Use") && t.includes("207 Multi-Status")) return t;
    }
    return false;
  }, "the page of 207 in the Markdown preview", 30000); // a webview's first start is slow
  for (const want of ["Meaning", "When to Use", "Example", "PROPFIND", "When Not to Use", "RFC 4918, Section 11.1", "StatusCodes.Status207MultiStatus"]) {
    assert.ok(text.includes(want), `the page lacks "${want}":\n${text}`);
  }
  await page.screenshot({ path: join(artifacts, "explain.png") });
});

step("7. the server's log is in the HTTP Codes output channel", async () => {
  await runCommand("Output: Show Output Channels...");
  const input = page.locator(".quick-input-widget input");
  await input.fill("HTTP Codes");
  await until(() => page.$$eval(".quick-input-list .monaco-list-row", (rows) => rows.some((r) => r.textContent.includes("HTTP Codes"))), "HTTP Codes among the output channels");
  await page.keyboard.press("Enter");
  await until(async () => {
    const t = await page.$$eval(".panel .monaco-editor .view-line", (els) => els.map((e) => e.textContent.replace(/\u00a0/g, " ")).join("\n"));
    return /\[info\] httpcodes serve \{"version"/.test(t) && t;
  }, "the server's start-up line in the output channel");
  // The version line comes first and may have scrolled out of the panel:
  // read it from the channel's log file, which VS Code writes as it shows it.
  const want = `[info] Server: ${bin} (bundled), httpcodes v`;
  await until(() => {
    const logs = readdirSync(join(tmp, "user-data", "logs"), { recursive: true }).filter((f) => f.endsWith("HTTP Codes.log"));
    return logs.some((f) => readFileSync(join(tmp, "user-data", "logs", f), "utf8").includes(want));
  }, `"${want}…" in the HTTP Codes channel's log`);
});

step("8. settings reach the running server (didChangeConfiguration)", async () => {
  // The editor's group holds the preview; go back to main.go first.
  await openMainGo();
  const pids = serverPids();
  await setSettings({ "httpcodes.hover": "full", "httpcodes.rules": { "unknown-status": "off" } });
  await hoverUntil("w.WriteHeader(207", "207", (t) => /^207 Multi-Status$/m.test(t) && t.includes("When to Use\n") && t.includes("PROPFIND"), 'the full page (When to Use, Example) in the hover after "httpcodes.hover": "full"');
  await dismiss();
  assert.deepEqual(serverPids(), pids, "a settings change restarted the server; it should only notify it");
  await until(
    async () => (await page.$$(".editor-instance .monaco-editor .squiggly-warning")).length === 0,
    'the unknown-status squiggle gone after "httpcodes.rules": {"unknown-status": "off"} (the server got the settings, as the hover shows, but VS Code pulls diagnostics and is not asked to pull again)',
  );
});

step("9. Restart Server starts a new server process", async () => {
  const [before] = serverPids();
  assert.ok(before, "no httpcodes serve process before the restart");
  await runCommand("HTTP Codes: Restart Server");
  const after = await until(() => {
    const p = serverPids();
    return p.length === 1 && p[0] !== before && p;
  }, "one new httpcodes serve process after the restart");
  assert.notEqual(after[0], before);
  await hoverUntil("w.WriteHeader(207", "207", (t) => /^207 Multi-Status$/m.test(t), "the hover from the restarted server");
  await dismiss();
});

step("10. a missing binary is an error naming the install command; fixing httpcodes.path restarts", async () => {
  await setSettings({ "httpcodes.path": join(tmp, "no-such-httpcodes") });
  await until(
    () => page.$$eval(".notifications-toasts .notification-toast", (ts) => ts.some((t) => t.textContent.includes("go install github.com/httpcodes/httpcodes/cmd/httpcodes@latest"))),
    "an error notification with the install command",
  );
  await until(() => serverPids().length === 0, "the old server stopped");
  await setSettings({});
  await until(() => serverPids().length === 1, "a server started again after httpcodes.path was fixed");
  await hoverUntil("w.WriteHeader(207", "207", (t) => /^207 Multi-Status$/m.test(t), "the hover after httpcodes.path was fixed");
});

step("11. a server of another version: a warning says so and what to do; the bundled one again without it", async () => {
  // A server that reports another version, and is the bundled one otherwise.
  const other = join(tmp, "httpcodes-other-version");
  writeFileSync(other, `#!/bin/sh\nif [ "$1" = version ]; then echo "httpcodes v9.9.9 linux/amd64 go1.26.0"; exit 0; fi\nexec "${bin}" "$@"\n`);
  chmodSync(other, 0o755);
  const version = JSON.parse(readFileSync(join(extDir, "package.json"), "utf8")).version;
  const warning = `The httpcodes server ${other} is v9.9.9, but the HTTP Codes extension is v${version}`;
  const advice = `Point httpcodes.path at httpcodes v${version}, or clear the setting to use the server bundled with the extension.`;
  await setSettings({ "httpcodes.path": other });
  await until(
    () => page.$$eval(".notifications-toasts .notification-toast", (ts, [w, a]) => ts.some((t) => t.textContent.includes(w) && t.textContent.includes(a)), [warning, advice]),
    "a warning naming both versions and what to do",
  );
  await until(() => serverPids().length === 1, "the server started all the same");
  await hoverUntil("w.WriteHeader(207", "207", (t) => /^207 Multi-Status$/m.test(t), "the hover from the server of another version");
  await dismiss();
  await page.keyboard.press("Escape");
  await runCommand("Notifications: Clear All Notifications");
  await setSettings({});
  await until(() => serverPids().length === 1, "the bundled server again");
  await hoverUntil("w.WriteHeader(207", "207", (t) => /^207 Multi-Status$/m.test(t), "the hover from the bundled server");
  const toasts = await page.$$eval(".notifications-toasts .notification-toast", (ts) => ts.map((t) => t.textContent));
  assert.ok(!toasts.some((t) => t.includes("but the HTTP Codes extension is")), `a version warning for the bundled server:\n${toasts.join("\n")}`);
});
