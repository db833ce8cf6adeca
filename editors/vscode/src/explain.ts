// "HTTP Codes: Explain Status Code…": a quick pick over every code (from
// `httpcodes list --json`), then the chosen code's page (from `httpcodes
// explain --json`, which also knows the project's own codes) as a read-only
// Markdown document shown in the Markdown preview.
import { execFile } from "node:child_process";
import * as vscode from "vscode";

/** CodePage is a code as `httpcodes list --json` and `explain --json` print it. */
export interface CodePage {
  code: number;
  title: string;
  class: string;
  status: string;
  vendor?: string;
  formerTitles?: string[];
  retired?: string;
  webdav?: boolean;
  noBody?: boolean;
  requiredHeaders?: string[];
  suggestedHeaders?: string[];
  meaning: string;
  whenToUse: string;
  example: string;
  whenNotToUse: string;
  source: string;
  sourceURL: string;
  constants: Record<string, string>;
  aliases?: { ecosystem: string; name: string; deprecated?: boolean; replacement?: string }[];
}

export const scheme = "httpcodes";

const classNames: Record<string, string> = {
  "1xx": "Informational",
  "2xx": "Successful",
  "3xx": "Redirection",
  "4xx": "Client Error",
  "5xx": "Server Error",
};

// The ecosystems' labels, in the order `httpcodes explain` prints them.
const ecosystems: [string, string][] = [
  ["go", "Go net/http"],
  ["python", "Python http.HTTPStatus"],
  ["drf", "Django REST framework"],
  ["starlette", "Starlette / FastAPI"],
  ["spring", "Spring HttpStatus"],
  ["servlet", "Jakarta Servlet"],
  ["aspnet", "ASP.NET Core StatusCodes"],
  ["dotnet", ".NET HttpStatusCode"],
  ["rust", "Rust http::StatusCode"],
  ["node", "Node http-status-codes"],
  ["nestjs", "NestJS HttpStatus"],
  ["rack", "Rack / Rails"],
  ["symfony", "Symfony Response"],
];

/** run runs the binary and returns its stdout; a failure carries its stderr. */
function run(bin: string, args: string[], cwd: string | undefined): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(bin, args, { cwd, timeout: 15000, maxBuffer: 32 << 20 }, (err, stdout, stderr) => {
      if (err) {
        const why = stderr.trim() || err.message;
        reject(new Error(`httpcodes ${args.join(" ")}: ${why}`));
        return;
      }
      resolve(stdout);
    });
  });
}

function parse<T>(text: string, what: string): T {
  try {
    return JSON.parse(text) as T;
  } catch (e) {
    throw new Error(`${what} printed output that is not JSON (${(e as Error).message}); is httpcodes.path an httpcodes binary?`);
  }
}

/** tags is the line under a page's title, as `httpcodes explain` prints it. */
export function tags(c: CodePage): string[] {
  const t = [`${c.class} ${classNames[c.class] ?? ""}`.trim()];
  switch (c.status) {
    case "iana":
      t.push("IANA registered");
      break;
    case "iana-unused":
      t.push("IANA: reserved, unused");
      break;
    case "unofficial":
      t.push(c.vendor ? `unofficial: ${c.vendor}` : "unofficial");
      break;
    case "custom":
      t.push("this project's own code");
      break;
    default:
      if (c.status) t.push(c.status);
  }
  if (c.formerTitles?.length) t.push(`formerly ${c.formerTitles.join(", ")}`);
  if (c.webdav) t.push("WebDAV");
  if (c.retired) t.push("retired");
  return t;
}

/** pageMarkdown renders a code's page as Markdown. */
export function pageMarkdown(c: CodePage): string {
  const out: string[] = [`# ${c.code} ${c.title}`, "", `*${tags(c).join(" · ")}*`, ""];
  const section = (heading: string, body: string | undefined) => {
    if (body && body.trim() !== "") out.push(`## ${heading}`, "", body.trim(), "");
  };
  section("Retired", c.retired);
  section("Meaning", c.meaning);
  section("When to Use", c.whenToUse);
  section("Example", c.example);
  section("When Not to Use", c.whenNotToUse);
  const headers: string[] = [];
  if (c.requiredHeaders?.length) headers.push(`Required: ${c.requiredHeaders.map((h) => `\`${h}\``).join(", ")}`);
  if (c.suggestedHeaders?.length) headers.push(`Suggested: ${c.suggestedHeaders.map((h) => `\`${h}\``).join(", ")}`);
  if (c.noBody) headers.push("This response has no body.");
  section("Headers", headers.map((h) => `- ${h}`).join("\n"));
  section("Source", c.sourceURL ? `[${c.source}](${c.sourceURL})` : c.source);

  const rows: string[] = [];
  const known = new Set(ecosystems.map(([k]) => k));
  const order = [...ecosystems, ...Object.keys(c.constants ?? {}).filter((k) => !known.has(k)).map((k): [string, string] => [k, k])];
  for (const [key, label] of order) {
    const name = c.constants?.[key];
    if (name) rows.push(`| ${label} | \`${name}\` |`);
    for (const a of c.aliases ?? []) {
      if (a.ecosystem !== key) continue;
      const note = a.deprecated ? (a.replacement ? ` (deprecated: use \`${a.replacement}\`)` : " (deprecated)") : "";
      rows.push(`| ${label} | \`${a.name}\`${note} |`);
    }
  }
  if (rows.length > 0) out.push("## Constants", "", "| Library | Name |", "| --- | --- |", ...rows, "");
  return out.join("\n");
}

/**
 * PageProvider serves the read-only documents httpcodes:/<code> <title>.md;
 * their content is the page fetched when the command ran.
 */
export class PageProvider implements vscode.TextDocumentContentProvider {
  private pages = new Map<string, string>();
  private changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  set(uri: vscode.Uri, markdown: string): void {
    this.pages.set(uri.toString(), markdown);
    this.changed.fire(uri);
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.pages.get(uri.toString()) ?? `# ${uri.path.replace(/^\//, "").replace(/\.md$/, "")}\n\nRun "HTTP Codes: Explain Status Code…" again to load this page.\n`;
  }

  dispose(): void {
    this.changed.dispose();
  }
}

interface CodePick extends vscode.QuickPickItem {
  code: number;
}

function firstSentence(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  const m = /^(.+?[.!?])(\s|$)/.exec(flat);
  return m ? m[1] : flat;
}

/**
 * explainCommand asks for a code (unless one is given) and shows its page.
 * binary resolves the httpcodes binary, or throws an error to show.
 */
export async function explainCommand(binary: () => Promise<string>, pages: PageProvider, arg?: unknown): Promise<void> {
  const bin = await binary();
  const cwd = vscode.workspace.workspaceFolders?.[0]?.uri.scheme === "file" ? vscode.workspace.workspaceFolders[0].uri.fsPath : undefined;
  let query: string | undefined = typeof arg === "number" || typeof arg === "string" ? String(arg) : undefined;
  if (query === undefined) {
    const all = parse<CodePage[]>(await run(bin, ["list", "--json"], cwd), "httpcodes list --json");
    const items: CodePick[] = all.map((c) => ({
      code: c.code,
      label: `${c.code} ${c.title}`,
      // The class is in the number and most codes are IANA's: say only what stands out.
      description: tags(c).filter((t, i) => i > 0 && t !== "IANA registered").join(" · "),
      detail: firstSentence(c.meaning),
    }));
    const picked = await vscode.window.showQuickPick(items, {
      title: "HTTP Codes: Explain Status Code",
      placeHolder: "Type a code or words of its title (e.g. 404, teapot)",
      matchOnDescription: true,
      matchOnDetail: true,
    });
    if (!picked) return;
    query = String(picked.code);
  }
  const page = parse<CodePage>(await run(bin, ["explain", "--json", query], cwd), `httpcodes explain --json ${query}`);
  const uri = vscode.Uri.from({ scheme, path: `/${page.code} ${page.title}.md` });
  pages.set(uri, pageMarkdown(page));
  try {
    await vscode.commands.executeCommand("markdown.showPreview", uri);
  } catch {
    // Without the built-in Markdown extension, show the Markdown source.
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc, { preview: true });
  }
}
