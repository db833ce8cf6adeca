#!/usr/bin/env node
// The httpcodes command of the npm package: runs the binary that npm
// installed with this system's platform package (an optional dependency,
// installed only where its os and cpu match), passing the arguments, the
// standard streams, the exit status and signals through.
"use strict";

const { spawn } = require("node:child_process");

const packages = {
  "linux x64": "@httpcodes/cli-linux-x64",
  "linux arm64": "@httpcodes/cli-linux-arm64",
  "darwin x64": "@httpcodes/cli-darwin-x64",
  "darwin arm64": "@httpcodes/cli-darwin-arm64",
  "win32 x64": "@httpcodes/cli-win32-x64",
  "win32 arm64": "@httpcodes/cli-win32-arm64",
};

function fail(message) {
  process.stderr.write(`httpcodes: ${message}\n`);
  process.exit(2);
}

const platform = `${process.platform} ${process.arch}`;
const pkg = packages[platform];
if (!pkg) {
  fail(
    `no prebuilt binary for ${process.platform}/${process.arch}; ` +
      "build it from source: go install github.com/httpcodes/httpcodes/cmd/httpcodes@latest",
  );
}
const exe = process.platform === "win32" ? "httpcodes.exe" : "httpcodes";
let binary;
try {
  binary = require.resolve(`${pkg}/bin/${exe}`);
} catch {
  fail(
    `the package ${pkg}, which holds the binary for ${process.platform}/${process.arch}, is not installed. ` +
      "npm installs it with httpcodes unless optional dependencies are omitted (--omit=optional, --no-optional) " +
      "or the lockfile was made on another platform: reinstall httpcodes without those.",
  );
}

const child = spawn(binary, process.argv.slice(2), { stdio: "inherit", windowsHide: true });

// A signal sent to this process goes to the binary, which decides how to
// end; this process ends when it does.
const forwarded = ["SIGINT", "SIGTERM", "SIGHUP", "SIGQUIT", "SIGUSR1", "SIGUSR2"];
const handlers = {};
for (const signal of forwarded) {
  handlers[signal] = () => {
    try {
      child.kill(signal);
    } catch {
      // The child is gone already; its exit event ends this process.
    }
  };
  try {
    process.on(signal, handlers[signal]);
  } catch {
    // Not every signal exists on every platform (Windows).
  }
}

child.on("error", (err) => fail(`cannot run ${binary}: ${err.message}`));
child.on("exit", (code, signal) => {
  if (signal) {
    // End the way the binary ended, so a shell sees the same signal.
    for (const s of forwarded) process.removeListener(s, handlers[s]);
    process.kill(process.pid, signal);
    return;
  }
  process.exit(code ?? 1);
});
