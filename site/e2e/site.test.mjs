// Browser test of the generated site: headless Chromium (Debian's, driven by
// playwright-core) against `httpcodes site --serve`. One browser serves
// every test. Screenshots are kept in artifacts/; with SCREENSHOTS=DIR the
// README's screenshots are written to DIR too (docs/).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn, execFileSync } from "node:child_process";
import { mkdtempSync, mkdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";
import net from "node:net";
import { chromium } from "playwright-core";

const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, "..", "..");
const artifacts = join(here, "artifacts");
// Without SCREENSHOTS they go to a temporary directory: the test still
// shows that every page renders to an image, in CI too.
const screenshots = process.env.SCREENSHOTS || mkdtempSync(join(tmpdir(), "httpcodes-screenshots-"));
const chromiumPath = process.env.CHROMIUM || "/usr/bin/chromium";
const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
// The searches the Go test (codes/search_test.go) checks, with every code
// each finds, in order: the page's script must rank the same.
const searchCases = JSON.parse(readFileSync(join(repo, "codes", "testdata", "search.json"), "utf8"));

const desktop = { viewport: { width: 1280, height: 800 } };
const phone = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

let bin, server, browser, base;

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
    srv.on("error", reject);
  });
}

async function waitForServer(url, ms) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the site did not come up at ${url} within ${ms} ms`);
}

// newPage opens a page in a fresh context and fails the test on any console
// error or CSP violation the page reports.
async function newPage(t, options = desktop, initScript) {
  const context = await browser.newContext(options);
  if (initScript) await context.addInitScript({ content: initScript });
  const page = await context.newPage();
  const errors = [];
  page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
  page.on("pageerror", (e) => errors.push(String(e)));
  t.after(async () => {
    await context.close();
    assert.deepEqual(errors.filter((e) => !/404 \(Not Found\)/.test(e)), [], "the page logged errors");
  });
  return page;
}

const resultCodes = (page) => page.locator("#results [role=option]").evaluateAll((els) => els.map((e) => Number(e.id.replace("result-", ""))));

async function search(page, query) {
  await page.fill("#q", query);
  return resultCodes(page);
}

before(async () => {
  mkdirSync(artifacts, { recursive: true });
  if (screenshots) mkdirSync(screenshots, { recursive: true });
  bin = join(mkdtempSync(join(tmpdir(), "httpcodes-")), "httpcodes");
  execFileSync("go", ["build", "-o", bin, "./cmd/httpcodes"], { cwd: repo, stdio: "inherit" });
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  server = spawn(bin, ["site", "--serve", `127.0.0.1:${port}`], { stdio: ["ignore", "ignore", "inherit"] });
  await waitForServer(base + "/", 10000);
  browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
           "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
    timeout: 30000,
  });
});

after(async () => {
  await browser?.close();
  server?.kill();
});

test("search finds 418 by words and Enter opens its page", { timeout: 30000 }, async (t) => {
  const page = await newPage(t);
  await page.goto(base + "/");
  await page.locator("#q").click();
  await page.keyboard.type("teapot");
  const first = page.locator("#results [role=option]").first();
  await first.waitFor({ timeout: 5000 });
  assert.equal(await first.locator(".result-title").textContent(), "418 I'm a teapot");
  assert.match(await first.locator(".result-summary").textContent(), /\S/);
  await page.keyboard.press("Enter");
  await page.waitForURL(base + "/418/", { timeout: 5000 });
  const headings = await page.locator("main h2").allTextContents();
  for (const h of ["Meaning", "When to Use", "Example", "When Not to Use", "Source"]) {
    assert.ok(headings.includes(h), `the 418 page lacks ${h}: ${headings}`);
  }
  assert.equal(await page.title(), "418 I'm a teapot - HTTP Status Code Explained");
});

test("the page's search ranks as the Go search does (codes/testdata/search.json)", { timeout: 60000 }, async (t) => {
  const page = await newPage(t);
  await page.goto(base + "/");
  const differ = [];
  for (const c of searchCases) {
    const got = await search(page, c.query);
    if (JSON.stringify(got) !== JSON.stringify(c.want)) differ.push(`${JSON.stringify(c.query)}: ${got}, Go: ${c.want}`);
  }
  assert.deepEqual(differ, []);
});

test("issue 20: searches find what they should, say when nothing matches, and live in ?q=", { timeout: 30000 }, async (t) => {
  const page = await newPage(t);
  await page.goto(base + "/");
  // A constant's short name (.NET's Redirect is 302) no longer hides the rest.
  const redirect = await search(page, "redirect");
  assert.deepEqual(redirect.slice(0, 4), [307, 308, 302, 303]);
  assert.deepEqual(await search(page, "moved"), [301, 302]);
  assert.deepEqual(await search(page, "StatusTeapot"), [418]);
  assert.deepEqual((await search(page, "HTTP_404_NOT_FOUND"))[0], 404);
  // Vendors, tags and the Meaning.
  assert.deepEqual(await search(page, "nginx"), [444, 494, 495, 496, 497, 499]);
  assert.deepEqual((await search(page, "cloudflare")).slice(0, 3), [520, 521, 522]);
  const webdav = await search(page, "webdav");
  for (const n of [102, 207, 208, 422, 423, 424, 507, 508]) assert.ok(webdav.includes(n), `webdav: ${webdav} lacks ${n}`);
  assert.equal((await search(page, "rate limit"))[0], 429);
  assert.match(await page.locator("#search-status").textContent(), /^\d+ codes match\.$/);
  assert.equal(new URL(page.url()).search, "?q=rate%20limit");
  // Nothing: a message, no empty list.
  assert.deepEqual(await search(page, "zzzz"), []);
  assert.equal(await page.locator("#results").isHidden(), true);
  assert.match(await page.locator("#search-status").textContent(), /^No code matches “zzzz”\./);
  assert.equal(await page.getAttribute("#q", "aria-expanded"), "false");
  // Clearing the box clears the address.
  await page.fill("#q", "");
  assert.equal(new URL(page.url()).search, "");
  // A shared link shows its results.
  await page.goto(base + "/?q=moved");
  assert.equal(await page.inputValue("#q"), "moved");
  assert.deepEqual(await resultCodes(page), [301, 302]);
  await page.locator("#result-302").click();
  await page.waitForURL(base + "/302/");
});

test("the search box is a combobox; the first Tab reaches the skip link", { timeout: 30000 }, async (t) => {
  const page = await newPage(t);
  await page.goto(base + "/");
  assert.notEqual(await page.evaluate(() => document.activeElement?.id), "q", "the search box must not take focus on load");
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), "Skip to content");
  const q = page.locator("#q");
  assert.equal(await q.getAttribute("role"), "combobox");
  assert.equal(await q.getAttribute("aria-controls"), "results");
  assert.equal(await q.getAttribute("aria-expanded"), "false");
  assert.equal(await page.getAttribute("#results", "role"), "listbox");
  assert.equal(await page.getAttribute("#results", "aria-label"), "Matching status codes");
  await q.focus();
  await page.keyboard.type("too many");
  assert.equal(await q.getAttribute("aria-expanded"), "true");
  assert.equal(await q.getAttribute("aria-activedescendant"), "result-429");
  assert.equal(await page.locator("#results a, #results [tabindex]").count(), 0, "options must hold no links or focusable elements");
  await page.keyboard.press("ArrowDown");
  const second = (await resultCodes(page))[1];
  assert.equal(await q.getAttribute("aria-activedescendant"), `result-${second}`);
  assert.equal(await page.locator(`#result-${second}`).getAttribute("aria-selected"), "true");
  assert.equal(await page.locator('#results [aria-selected="true"]').count(), 1);
  await page.keyboard.press("ArrowUp");
  assert.equal(await q.getAttribute("aria-activedescendant"), "result-429");
  await page.keyboard.press("Escape");
  assert.equal(await q.inputValue(), "");
  assert.equal(await q.getAttribute("aria-expanded"), "false");
  await page.keyboard.type("redirect");
  await page.keyboard.press("ArrowDown");
  if (screenshots) {
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.screenshot({ path: join(screenshots, "site-search.png") });
  }
});

test("the 207 page says what httpcodes explain says", { timeout: 30000 }, async (t) => {
  const page = await newPage(t);
  await page.goto(base + "/207");
  await page.waitForURL(base + "/207/");
  const explained = JSON.parse(execFileSync(bin, ["explain", "--json", "207"], { encoding: "utf8" }));
  const plain = (s) => s.replace(/`/g, "").replace(/\s+/g, " ").trim();
  const meaning = await page.locator("section:has(h2#meaning) p").allTextContents();
  assert.equal(plain(meaning.join(" ")), plain(explained.meaning));
  await page.screenshot({ path: join(artifacts, "code-207.png"), fullPage: true });
});

test("on a phone: nothing cut or scrolled sideways, names break between words, no arrow-key hint", { timeout: 30000 }, async (t) => {
  const page = await newPage(t, { ...phone, colorScheme: "dark" });
  await page.goto(base + "/207/");
  assert.equal(await page.evaluate(() => getComputedStyle(document.body).backgroundColor), "rgb(13, 17, 23)");
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), "the page scrolls sideways on a phone");
  // Every example line is shown whole: no code block is wider than its box.
  const cut = await page.locator("pre").evaluateAll((els) => els.filter((e) => e.scrollWidth > e.clientWidth).map((e) => e.textContent.slice(0, 40)));
  assert.deepEqual(cut, []);
  // A constant name wraps only between words: after . :: or _, or where a
  // camel-case word or a number starts.
  const broken = await page.locator("td code").evaluateAll((els) => {
    const bad = [];
    for (const el of els) {
      const range = document.createRange();
      const text = el.textContent;
      let lastTop = null;
      // Measure where each character sits; a new line must follow a separator.
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      let prev = "";
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        for (let i = 0; i < n.data.length; i++) {
          range.setStart(n, i);
          range.setEnd(n, i + 1);
          const top = Math.round(range.getBoundingClientRect().top);
          const cur = n.data[i];
          const between = /[._:]/.test(prev) || /[A-Z]/.test(cur) && /[a-z0-9]/.test(prev) || /[0-9]/.test(cur) && /[A-Za-z]/.test(prev);
          if (lastTop !== null && top > lastTop && !between) bad.push(`${text} breaks before ${n.data.slice(i)}`);
          lastTop = top;
          prev = n.data[i];
        }
      }
    }
    return bad;
  });
  assert.deepEqual(broken, []);
  await page.goto(base + "/");
  assert.equal(await page.locator("#hint").isHidden(), true, "the arrow-key hint shows on a touch screen");
  await page.goto(base + "/rules/redirect-status/");
  assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth));
});

test("code blocks can be scrolled from the keyboard and have a name", { timeout: 30000 }, async (t) => {
  const page = await newPage(t);
  for (const path of ["/207/", "/rules/redirect-status/"]) {
    await page.goto(base + path);
    const blocks = await page.locator("pre").evaluateAll((els) => els.map((e) => ({
      tabindex: e.getAttribute("tabindex"),
      name: e.getAttribute("aria-label") || document.getElementById(e.getAttribute("aria-labelledby") || "")?.textContent || "",
    })));
    assert.ok(blocks.length > 0, `${path} has no code block`);
    for (const b of blocks) {
      assert.equal(b.tabindex, "0", `${path}: a code block without tabindex=0`);
      assert.match(b.name, /\S/, `${path}: a code block without a name`);
    }
  }
});

// pagesOfSite lists every page: the sitemap's, mapped to this server, and
// the 404 page.
async function pagesOfSite() {
  const xml = await (await fetch(base + "/sitemap.xml")).text();
  const paths = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]).pathname);
  assert.ok(paths.length > 100, `the sitemap lists ${paths.length} pages`);
  return [...paths, "/no-such-page/"];
}

// axe runs axe-core, which the page loaded as an init script, and returns
// its violations. Only the colour rules depend on the colour scheme, so the
// dark run checks those alone.
function axe(page, rules) {
  return page.evaluate(async (rules) => {
    const options = { resultTypes: ["violations"] };
    if (rules) options.runOnly = { type: "rule", values: rules };
    const r = await window.axe.run(document, options);
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(" ")) }));
  }, rules);
}

test("axe: no violations on any page, light and dark, desktop and phone", { timeout: 600000 }, async (t) => {
  const paths = await pagesOfSite();
  const found = [];
  let runs = 0;
  const check = async (page, label) => {
    for (const [scheme, rules] of [["light", null], ["dark", ["color-contrast", "link-in-text-block"]]]) {
      await page.emulateMedia({ colorScheme: scheme });
      for (const v of await axe(page, rules)) found.push(`${label} ${scheme}: ${v.id} (${v.impact}): ${v.help}: ${v.targets.slice(0, 5).join(", ")}`);
      runs++;
    }
  };
  const started = Date.now();
  for (const [name, options] of [["desktop", desktop], ["phone", phone]]) {
    // A few pages at a time share the work of one browser.
    const queue = [...paths];
    await Promise.all([0, 1, 2].map(async (worker) => {
      const page = await newPage(t, options, axeSource);
      for (let p = queue.shift(); p; p = queue.shift()) {
        await page.goto(base + p);
        await check(page, `${name} ${p}`);
      }
      if (worker === 0) {
        // The index with its results open and one selected.
        await page.goto(base + "/?q=redirect");
        await check(page, `${name} /?q=redirect`);
      }
    }));
  }
  t.diagnostic(`axe ran ${runs} times over ${paths.length + 1} pages in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  assert.deepEqual(found, []);
});

test("screenshots for the README", { timeout: 60000 }, async (t) => {
  const shots = [];
  for (const [device, options] of [["", desktop], ["-phone", { ...phone, deviceScaleFactor: 1 }]]) {
    for (const scheme of ["light", "dark"]) {
      const page = await newPage(t, { ...options, colorScheme: scheme });
      const suffix = device + (scheme === "dark" ? "-dark" : "");
      for (const [name, path] of [["site-code-page", "/207/"], ["site-rule-page", "/rules/redirect-status/"]]) {
        await page.goto(base + path);
        await page.screenshot({ path: join(screenshots, `${name}${suffix}.png`) });
        shots.push(`${name}${suffix}.png`);
      }
    }
  }
  for (const shot of ["site-search.png", ...shots]) {
    const png = readFileSync(join(screenshots, shot));
    assert.ok(png.length > 1000 && png.subarray(1, 4).toString() === "PNG", `${shot} is not a PNG image`);
  }
  t.diagnostic(`wrote site-search.png and ${shots.join(", ")} to ${screenshots}`);
});
