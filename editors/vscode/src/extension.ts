// The HTTP Codes extension: runs `httpcodes serve` as a language server for
// the languages it analyses, keeps its settings in sync, and adds the
// "Explain Status Code…" and "Restart Server" commands.
import * as vscode from "vscode";
import {
  DidChangeConfigurationNotification,
  LanguageClient,
  LanguageClientOptions,
  RevealOutputChannelOn,
  ServerOptions,
} from "vscode-languageclient/node";
import { Binary, BinaryNotFound, bundledBinary, findBinary, installCommand, serverVersion, versionMismatch } from "./binary";
import { explainCommand, PageProvider, scheme } from "./explain";
import { pipeLog, serverLogLevel } from "./log";
import { binaryPath, serverSettings } from "./settings";

/** languages are the VS Code language ids whose documents go to the server. */
export const languages = [
  "go",
  "javascript",
  "javascriptreact",
  "typescript",
  "typescriptreact",
  "python",
  "java",
  "kotlin",
  "csharp",
  "rust",
  "ruby",
  "php",
  "yaml",
  "json", // OpenAPI documents
  "nginx",
];

let output: vscode.LogOutputChannel;
let extension: vscode.Extension<unknown>;
let client: LanguageClient | undefined;
// Starts, stops and restarts run one after another, never interleaved.
let queue: Promise<void> = Promise.resolve();

function serialize(job: () => Promise<void>): Promise<void> {
  queue = queue.then(job, job);
  return queue;
}

async function showMissing(message: string): Promise<void> {
  const copy = "Copy Install Command";
  const settings = "Open Settings";
  const choice = await vscode.window.showErrorMessage(message, copy, settings);
  if (choice === copy) {
    await vscode.env.clipboard.writeText(installCommand);
  } else if (choice === settings) {
    await vscode.commands.executeCommand("workbench.action.openSettings", "httpcodes.path");
  }
}

/** binary resolves the httpcodes binary, telling the user when there is none. */
async function binary(): Promise<Binary> {
  try {
    return await findBinary(binaryPath(), extension.extensionPath);
  } catch (e) {
    if (e instanceof BinaryNotFound) {
      output.error(e.message);
      void showMissing(e.message);
    }
    throw e;
  }
}

/**
 * checkVersion logs the server's version and tells the user when it is not
 * the extension's, with what to do; the server is started all the same.
 */
async function checkVersion(bin: Binary): Promise<void> {
  const extensionVersion = String((extension.packageJSON as { version?: string }).version ?? "");
  let line: string;
  try {
    line = await serverVersion(bin.path);
  } catch (e) {
    output.warn((e as Error).message);
    return; // starting it will fail and say so
  }
  output.info(`Server: ${bin.path} (${bin.source === "setting" ? "httpcodes.path" : bin.source === "bundled" ? "bundled" : "PATH"}), ${line}`);
  const hasBundled = (await bundledBinary(extension.extensionPath)) !== undefined;
  const message = versionMismatch(line, extensionVersion, bin, hasBundled);
  if (message) {
    output.warn(message);
    void vscode.window.showWarningMessage(message);
  }
}

async function start(): Promise<void> {
  let found: Binary;
  try {
    found = await binary();
  } catch {
    return; // already reported
  }
  await checkVersion(found);
  const bin = found.path;
  const run = { command: bin, args: ["serve", "--stdio", "--log-level", serverLogLevel(output)] };
  const serverOptions: ServerOptions = { run, debug: run };
  const clientOptions: LanguageClientOptions = {
    documentSelector: languages.flatMap((language) => [
      { scheme: "file", language },
      { scheme: "untitled", language },
    ]),
    initializationOptions: serverSettings(),
    outputChannel: output,
    stdioOptions: {
      // The protocol runs over stdout; the client pipes it here only for
      // other transports.
      stdout: (input) => pipeLog(input, output),
      stderr: (input) => pipeLog(input, output),
    },
    revealOutputChannelOn: RevealOutputChannelOn.Never,
  };
  output.info(`Starting ${bin} ${run.args.join(" ")}`);
  const next = new LanguageClient("httpcodes", "HTTP Codes", serverOptions, clientOptions);
  client = next;
  try {
    await next.start();
  } catch (e) {
    client = undefined;
    await next.dispose().catch(() => {}); // it may have a process half started
    const message = `The httpcodes language server (${bin}) did not start: ${(e as Error).message}`;
    output.error(message);
    const show = "Show Output";
    void vscode.window.showErrorMessage(message, show).then((choice) => {
      if (choice === show) output.show(true);
    });
  }
}

async function stop(): Promise<void> {
  const old = client;
  client = undefined;
  if (old === undefined) return;
  try {
    await old.stop(5000);
  } catch (e) {
    output.warn(`Stopping the server: ${(e as Error).message}`);
  }
}

function restart(): Promise<void> {
  return serialize(async () => {
    await stop();
    await start();
  });
}

export function activate(context: vscode.ExtensionContext): void {
  output = vscode.window.createOutputChannel("HTTP Codes", { log: true });
  extension = context.extension;
  const pages = new PageProvider();
  context.subscriptions.push(
    output,
    pages,
    vscode.workspace.registerTextDocumentContentProvider(scheme, pages),
    vscode.commands.registerCommand("httpcodes.restartServer", () => restart()),
    vscode.commands.registerCommand("httpcodes.explain", async (arg?: unknown) => {
      try {
        await explainCommand(async () => (await binary()).path, pages, arg);
      } catch (e) {
        if (e instanceof BinaryNotFound) return; // already reported
        void vscode.window.showErrorMessage(`HTTP Codes: ${(e as Error).message}`);
      }
    }),
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      if (!e.affectsConfiguration("httpcodes")) return;
      if (e.affectsConfiguration("httpcodes.path")) {
        await restart();
        return;
      }
      const c = client;
      if (c?.isRunning()) {
        await c.sendNotification(DidChangeConfigurationNotification.type, { settings: { httpcodes: serverSettings() } });
      }
    }),
  );
  void serialize(start);
}

export function deactivate(): Promise<void> {
  return serialize(stop);
}
