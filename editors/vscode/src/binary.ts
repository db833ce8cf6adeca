// Finding the httpcodes binary: the httpcodes.path setting, else PATH, else
// the directories `go install` writes to (often missing from the PATH of an
// editor started from a desktop menu).
import { constants, promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

export const installCommand = "go install github.com/httpcodes/httpcodes/cmd/httpcodes@latest";

/** BinaryNotFound says why no binary could be used and what to do next. */
export class BinaryNotFound extends Error {}

const exe = process.platform === "win32" ? "httpcodes.exe" : "httpcodes";

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

/**
 * findBinary returns the path of the httpcodes binary to run. configured is
 * the httpcodes.path setting: when set it must name an executable file, and
 * nothing else is tried, so a typo is reported rather than silently replaced.
 */
export async function findBinary(configured: string, env: NodeJS.ProcessEnv = process.env): Promise<string> {
  if (configured.trim() !== "") {
    const file = path.resolve(expandHome(configured.trim()));
    if (await executable(file)) return file;
    throw new BinaryNotFound(
      `The httpcodes.path setting names ${file}, which is not an executable file. ` +
        `Fix the setting, or clear it to use httpcodes from PATH; to install httpcodes run: ${installCommand}`,
    );
  }
  const dirs = (env.PATH ?? "").split(path.delimiter).filter((d) => d !== "");
  if (env.GOBIN) dirs.push(env.GOBIN);
  for (const gopath of (env.GOPATH ?? "").split(path.delimiter).filter((d) => d !== "")) {
    dirs.push(path.join(gopath, "bin"));
  }
  dirs.push(path.join(os.homedir(), "go", "bin"));
  for (const dir of dirs) {
    const file = path.join(dir, exe);
    if (await executable(file)) return file;
  }
  throw new BinaryNotFound(
    `The httpcodes language server was not found on PATH or in the Go bin directories. ` +
      `Install it with: ${installCommand} (or set httpcodes.path).`,
  );
}
