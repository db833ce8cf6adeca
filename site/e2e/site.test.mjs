// Browser test of the generated site: headless Chromium (Debian's, driven by
// playwright-core) against `httpcodes site --serve`. Screenshots of the index
// and a code page are kept in artifacts/.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn, execFileSync } from "node:child_process";
import { mkdtempSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import net from "node:net";
import { chromium } from "playwright-core";

const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, "..", "..");
const artifacts = join(here, "artifacts");
const chromiumPath = process.env.CHROMIUM || "/usr/bin/chromium";

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

before(async () => {
  mkdirSync(artifacts, { recursive: true });
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

test("search finds 418 by words and Enter opens its page", { timeout: 30000 }, async () => {
  const page = await browser.newPage();
  await page.goto(base + "/");
  // The search box has focus on load.
  assert.equal(await page.evaluate(() => document.activeElement?.id), "q");
  await page.keyboard.type("teapot");
  const first = page.locator("#results li a").first();
  await first.waitFor({ timeout: 5000 });
  assert.match(await first.textContent(), /^418 I'm a teapot$/);
  await page.screenshot({ path: join(artifacts, "index-search.png"), fullPage: false });
  await page.keyboard.press("Enter");
  await page.waitForURL(base + "/418/", { timeout: 5000 });
  const headings = await page.locator("main h2").allTextContents();
  for (const h of ["Meaning", "When to Use", "Example", "When Not to Use", "Source"]) {
    assert.ok(headings.includes(h), `the 418 page lacks ${h}: ${headings}`);
  }
  assert.equal(await page.title(), "418 I'm a teapot - HTTP Status Code Explained");
  await page.close();
});

test("search by number prefix and by constant name; arrow keys move", { timeout: 30000 }, async () => {
  const page = await browser.newPage();
  await page.goto(base + "/");
  await page.fill("#q", "40");
  const labels = await page.locator("#results li a").allTextContents();
  assert.ok(labels.length >= 10 && labels.every((l) => l.startsWith("40")), `results for 40: ${labels}`);
  await page.fill("#q", "HTTP_404_NOT_FOUND");
  assert.deepEqual(await page.locator("#results li a").allTextContents(), ["404 Not Found"]);
  await page.fill("#q", "StatusTeapot");
  assert.deepEqual(await page.locator("#results li a").allTextContents(), ["418 I'm a teapot"]);
  await page.fill("#q", "too many");
  await page.keyboard.press("ArrowDown");
  const selected = await page.locator('#results li[aria-selected="true"] a').allTextContents();
  assert.equal(selected.length, 1);
  await page.close();
});

test("the 207 page says what httpcodes explain says", { timeout: 30000 }, async () => {
  const page = await browser.newPage();
  await page.goto(base + "/207");
  await page.waitForURL(base + "/207/");
  const explained = JSON.parse(execFileSync(bin, ["explain", "--json", "207"], { encoding: "utf8" }));
  const plain = (s) => s.replace(/`/g, "").replace(/\s+/g, " ").trim();
  const meaning = await page.locator("section:has(h2#meaning) p").allTextContents();
  assert.equal(plain(meaning.join(" ")), plain(explained.meaning));
  await page.screenshot({ path: join(artifacts, "code-207.png"), fullPage: true });
  // Dark mode and a phone-sized screen still render the page.
  await page.emulateMedia({ colorScheme: "dark" });
  await page.setViewportSize({ width: 390, height: 844 });
  const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  assert.equal(bg, "rgb(13, 17, 23)");
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1);
  assert.ok(overflow, "the page scrolls sideways on a phone");
  await page.screenshot({ path: join(artifacts, "code-207-phone-dark.png") });
  await page.close();
});
