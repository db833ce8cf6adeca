// npm run package:<target> (linux-x64, alpine-arm64, win32-x64, …): the
// platform-specific .vsix with the httpcodes server in bin/, for the
// Marketplace and Open VSX (`vsce publish --packagePath`, `ovsx publish`).
// The binary is HTTPCODES_BIN, else the one GoReleaser built for the target
// (artifacts.json in HTTPCODES_DIST, default ../../dist). It must be an
// executable of the target's system and processor: checked from its header.
// Arguments after the target go to vsce (e.g. --out file.vsix). bin/ is
// removed again afterwards.
import { execFileSync } from "node:child_process";
import { chmodSync, copyFileSync, existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { dirname, isAbsolute, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const ext = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const targets = {
  "linux-x64": ["linux", "amd64"],
  "linux-arm64": ["linux", "arm64"],
  // The Linux binaries are static: the same ones run on Alpine (musl).
  "alpine-x64": ["linux", "amd64"],
  "alpine-arm64": ["linux", "arm64"],
  "darwin-x64": ["darwin", "amd64"],
  "darwin-arm64": ["darwin", "arm64"],
  "win32-x64": ["windows", "amd64"],
  "win32-arm64": ["windows", "arm64"],
};

function die(message) {
  console.error(`package: ${message}`);
  process.exit(1);
}

const [target, ...vsceArgs] = process.argv.slice(2);
if (!targets[target]) die(`unknown target "${target}"; one of ${Object.keys(targets).join(", ")}`);
const [goos, goarch] = targets[target];

function fromDist() {
  const dist = resolve(ext, process.env.HTTPCODES_DIST ?? "../../dist");
  const file = join(dist, "artifacts.json");
  if (!existsSync(file)) die(`no ${file}: run GoReleaser first, or set HTTPCODES_BIN to the binary for ${target}`);
  const found = JSON.parse(readFileSync(file, "utf8")).filter((a) => a.type === "Binary" && a.goos === goos && a.goarch === goarch && a.extra?.ID === "httpcodes");
  if (found.length !== 1) die(`${file} lists ${found.length} httpcodes binaries for ${goos}/${goarch}`);
  return isAbsolute(found[0].path) ? found[0].path : resolve(dist, "..", found[0].path);
}

// platformOf reads an executable's header: ELF, Mach-O or PE, and its processor.
function platformOf(file) {
  const b = readFileSync(file).subarray(0, 4096);
  if (b.readUInt32BE(0) === 0x7f454c46) {
    const machine = b.readUInt16LE(18);
    return ["linux", machine === 0x3e ? "amd64" : machine === 0xb7 ? "arm64" : `e_machine ${machine}`];
  }
  if (b.readUInt32LE(0) === 0xfeedfacf) {
    const cpu = b.readUInt32LE(4);
    return ["darwin", cpu === 0x01000007 ? "amd64" : cpu === 0x0100000c ? "arm64" : `cputype ${cpu}`];
  }
  if (b.toString("latin1", 0, 2) === "MZ") {
    const pe = b.readUInt32LE(0x3c);
    const machine = b.readUInt16LE(pe + 4);
    return ["windows", machine === 0x8664 ? "amd64" : machine === 0xaa64 ? "arm64" : `machine ${machine}`];
  }
  return ["unknown", "unknown"];
}

const bin = process.env.HTTPCODES_BIN ? resolve(process.env.HTTPCODES_BIN) : fromDist();
const [os, arch] = platformOf(bin);
if (os !== goos || arch !== goarch) die(`${bin} is a ${os}/${arch} executable, not ${goos}/${goarch} for ${target}`);

const version = JSON.parse(readFileSync(join(ext, "package.json"), "utf8")).version;
const out = vsceArgs.includes("--out") || vsceArgs.includes("-o") ? [] : ["--out", join(ext, `httpcodes-${version}-${target}.vsix`)];
const binDir = join(ext, "bin");
rmSync(binDir, { recursive: true, force: true });
mkdirSync(binDir);
const exe = join(binDir, goos === "windows" ? "httpcodes.exe" : "httpcodes");
try {
  copyFileSync(bin, exe);
  chmodSync(exe, 0o755);
  execFileSync(process.execPath, [join(ext, "node_modules", "@vscode", "vsce", "vsce"), "package", "--no-dependencies", "--target", target, ...out, ...vsceArgs], {
    cwd: ext,
    stdio: "inherit",
  });
} finally {
  rmSync(binDir, { recursive: true, force: true });
}
