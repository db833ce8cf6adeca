// Finding the httpcodes binary: the httpcodes.path setting, else the server
// bundled with a platform-specific build of the extension (bin/), else PATH,
// else the directories `go install` writes to (often missing from the PATH of
// an editor started from a desktop menu). And checking that the server found
// is the version of the extension.
import { execFile } from "node:child_process";
import { constants, promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

export const installCommand = "go install github.com/httpcodes/httpcodes/cmd/httpcodes@latest";

/** BinaryNotFound says why no binary could be used and what to do next. */
export class BinaryNotFound extends Error {}

const exe = process.platform === "win32" ? "httpcodes.exe" : "httpcodes";

/** Binary is the server to run and where it was found. */
export interface Binary {
  path: string;
  source: "setting" | "bundled" | "path";
}

async function executable(file: string): Promise<boolean> {
  try {
    const st = await fs.stat(file);
    if (!st.isFile()) return false;
    await fs.access(file, process.platform === "win32" ? constants.F_OK : constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function expandHome(p: string): string {
  return p === "~" || p.startsWith("~/") ? path.join(os.homedir(), p.slice(1)) : p;
}

/** bundledBinary is the server a platform-specific .vsix carries, if any. */
export async function bundledBinary(extensionDir: string): Promise<string | undefined> {
  const file = path.join(extensionDir, "bin", exe);
  return (await executable(file)) ? file : undefined;
}

/**
 * findBinary returns the httpcodes binary to run. configured is the
 * httpcodes.path setting: when set it must name an executable file, and
 * nothing else is tried, so a typo is reported rather than silently
 * replaced. Then comes the bundled server (extensionDir/bin), then PATH and
 * the Go bin directories.
 */
export async function findBinary(configured: string, extensionDir: string, env: NodeJS.ProcessEnv = process.env): Promise<Binary> {
  if (configured.trim() !== "") {
    const file = path.resolve(expandHome(configured.trim()));
    if (await executable(file)) return { path: file, source: "setting" };
    throw new BinaryNotFound(
      `The httpcodes.path setting names ${file}, which is not an executable file. ` +
        `Fix the setting, or clear it to use the bundled server or httpcodes from PATH; to install httpcodes run: ${installCommand}`,
    );
  }
  const bundled = await bundledBinary(extensionDir);
  if (bundled) return { path: bundled, source: "bundled" };
  const dirs = (env.PATH ?? "").split(path.delimiter).filter((d) => d !== "");
  if (env.GOBIN) dirs.push(env.GOBIN);
  for (const gopath of (env.GOPATH ?? "").split(path.delimiter).filter((d) => d !== "")) {
    dirs.push(path.join(gopath, "bin"));
  }
  dirs.push(path.join(os.homedir(), "go", "bin"));
  for (const dir of dirs) {
    const file = path.join(dir, exe);
    if (await executable(file)) return { path: file, source: "path" };
  }
  throw new BinaryNotFound(
    `The httpcodes language server was not found on PATH or in the Go bin directories. ` +
      `Install it with: ${installCommand} (or set httpcodes.path).`,
  );
}

/** serverVersion runs `httpcodes version` and returns its first line. */
export function serverVersion(bin: string): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(bin, ["version"], { timeout: 10000, windowsHide: true }, (err, stdout, stderr) => {
      if (err) {
        reject(new Error(`${bin} version failed: ${stderr.trim() || err.message}`));
        return;
      }
      resolve(stdout.split("\n")[0].trim());
    });
  });
}

/**
 * versionMismatch compares the server's `httpcodes version` line with the
 * extension's version. It returns undefined when they agree (a development
 * build, vX.Y.Z-dev, agrees with X.Y.Z), else the message to show: what
 * differs and what to do.
 */
export function versionMismatch(line: string, extensionVersion: string, bin: Binary, hasBundled: boolean): string | undefined {
  const m = /^httpcodes v?(\d+\.\d+\.\d+)\S*/.exec(line);
  const want = extensionVersion.replace(/^v/, "").replace(/[-+].*$/, "");
  const matching = `go install github.com/httpcodes/httpcodes/cmd/httpcodes@v${want}`;
  let todo: string;
  if (bin.source === "setting") {
    todo = hasBundled
      ? `Point httpcodes.path at httpcodes v${want}, or clear the setting to use the server bundled with the extension.`
      : `Point httpcodes.path at httpcodes v${want} (${matching}).`;
  } else if (bin.source === "bundled") {
    todo = "The bundled server should match the extension: reinstall the extension.";
  } else {
    todo = `Install the matching server with: ${matching} (or update the extension).`;
  }
  if (!m) {
    return `${bin.path} does not report an httpcodes version ("${line}"); is it the httpcodes binary? ${todo}`;
  }
  if (m[1] === want) return undefined;
  return `The httpcodes server ${bin.path} is v${m[1]}, but the HTTP Codes extension is v${want}: hovers and rules may not be the ones this version documents. ${todo}`;
}
