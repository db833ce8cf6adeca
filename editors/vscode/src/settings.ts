// The server's settings, in the shape `httpcodes serve` reads from
// initializationOptions and workspace/didChangeConfiguration (lsp/settings.go).
import * as vscode from "vscode";

export interface ServerSettings {
  hover: "short" | "full";
  inlayHints: { titles: boolean; numbers: boolean };
  completion: { insert: "constant" | "number"; goConstants: boolean };
  rules: Record<string, string>;
  tests?: "quiet" | "check";
  docsUrl?: string;
}

/** serverSettings reads the httpcodes.* settings the server understands. */
export function serverSettings(): ServerSettings {
  const c = vscode.workspace.getConfiguration("httpcodes");
  const s: ServerSettings = {
    hover: c.get<string>("hover") === "full" ? "full" : "short",
    inlayHints: {
      titles: c.get<boolean>("inlayHints.titles", true),
      numbers: c.get<boolean>("inlayHints.numbers", true),
    },
    completion: {
      insert: c.get<string>("completion.insert") === "number" ? "number" : "constant",
      goConstants: c.get<boolean>("completion.goConstants", true),
    },
    rules: { ...c.get<Record<string, string>>("rules", {}) },
  };
  // Unset leaves test code to the project's .httpcodes.yaml (quiet by default).
  const tests = c.get<string>("tests", "");
  if (tests === "quiet" || tests === "check") s.tests = tests;
  // An empty URL would make every diagnostic's link relative; leave the
  // server's default in place instead.
  const docsUrl = c.get<string>("docsUrl", "").trim();
  if (docsUrl !== "") s.docsUrl = docsUrl;
  return s;
}

/** binaryPath is the httpcodes.path setting ("" when unset). */
export function binaryPath(): string {
  return vscode.workspace.getConfiguration("httpcodes").get<string>("path", "");
}
