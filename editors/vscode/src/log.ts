// The server's log (zap's console format on stderr: time, level, message,
// fields, separated by tabs) into the "HTTP Codes" log output channel, at
// the level the server gave each line.
import * as readline from "node:readline";
import type { Readable } from "node:stream";
import * as vscode from "vscode";

/** serverLogLevel is the --log-level that matches the channel's level. */
export function serverLogLevel(channel: vscode.LogOutputChannel): string {
  switch (channel.logLevel) {
    case vscode.LogLevel.Trace:
    case vscode.LogLevel.Debug:
      return "debug";
    case vscode.LogLevel.Warning:
      return "warn";
    case vscode.LogLevel.Error:
    case vscode.LogLevel.Off:
      return "error";
    default:
      return "info";
  }
}

const line = /^\d{4}-\d\d-\d\dT[\d:.]+(?:Z|[+-]\d\d:?\d\d)\t(\w+)\t(.*)$/;

/** logLine writes one stderr line to the channel. */
export function logLine(channel: vscode.LogOutputChannel, text: string): void {
  const m = line.exec(text);
  if (!m) {
    // Not a log record: a Go panic or a message from the runtime.
    channel.error(text);
    return;
  }
  const message = m[2].replace(/\t/g, " ");
  switch (m[1]) {
    case "debug":
      channel.debug(message);
      break;
    case "info":
      channel.info(message);
      break;
    case "warn":
      channel.warn(message);
      break;
    default: // error, dpanic, panic, fatal
      channel.error(message);
  }
}

/** pipeLog reads a stream line by line into the channel. */
export function pipeLog(input: Readable, channel: vscode.LogOutputChannel): void {
  readline
    .createInterface({ input, crlfDelay: Infinity, terminal: false, historySize: 0 })
    .on("line", (text) => logLine(channel, text));
}
