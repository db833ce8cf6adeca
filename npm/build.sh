#!/usr/bin/env bash
# Assembles the npm packages from a GoReleaser build (dist/ at the top of the
# repository: artifacts.json names the binaries, metadata.json the version):
#
#   npm/build.sh linux-x64          # @httpcodes/cli-linux-x64, its binary inside
#   npm/build.sh httpcodes          # httpcodes: the launcher, depending on all six
#   npm/build.sh all                # the six platform packages and httpcodes
#
# The packages are written to npm/out/<name>/, ready for `npm pack` or
# `npm publish --access public`. DIST and OUT override the two directories.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
dist=${DIST:-$root/dist}
out=${OUT:-$root/npm/out}
targets=(linux-x64 linux-arm64 darwin-x64 darwin-arm64 win32-x64 win32-arm64)

if [ $# -eq 0 ]; then
  echo "usage: npm/build.sh TARGET... (TARGET: ${targets[*]}, httpcodes, or all)" >&2; exit 2
fi
for f in artifacts.json metadata.json; do
  [ -f "$dist/$f" ] || { echo "npm/build.sh: $dist/$f is missing: run goreleaser release (or --snapshot) first" >&2; exit 1; }
done
version=$(node -p 'require(process.argv[1]).version' "$dist/metadata.json")

platform() { # target → the npm package's directory, with the binary and package.json
  local target=$1 os cpu goos goarch exe dir bin
  os=${target%-*} cpu=${target#*-}
  case $os in linux|darwin) goos=$os exe=httpcodes ;; win32) goos=windows exe=httpcodes.exe ;; esac
  case $cpu in x64) goarch=amd64 ;; arm64) goarch=arm64 ;; esac
  bin=$(node -e '
    const [file, goos, goarch] = process.argv.slice(1);
    const a = require(file).filter((a) => a.type === "Binary" && a.goos === goos && a.goarch === goarch && a.extra?.ID === "httpcodes");
    if (a.length !== 1) { console.error(`npm/build.sh: ${a.length} httpcodes binaries for ${goos}/${goarch} in ${file}`); process.exit(1); }
    console.log(a[0].path);
  ' "$dist/artifacts.json" "$goos" "$goarch")
  case $bin in /*) ;; *) bin=$root/$bin ;; esac
  dir=$out/cli-$target
  rm -rf "$dir"
  mkdir -p "$dir/bin"
  cp "$bin" "$dir/bin/$exe"
  chmod 755 "$dir/bin/$exe"
  cp "$root/LICENSE" "$dir/"
  node -e '
    const [dir, target, os, cpu, version, exe] = process.argv.slice(1);
    const pkg = {
      name: `@httpcodes/cli-${target}`,
      version,
      description: `The httpcodes binary for ${os} ${cpu}; install the httpcodes package, which picks this one on ${os} ${cpu}.`,
      homepage: "https://httpcodes.dev",
      repository: { type: "git", url: "git+https://github.com/httpcodes/httpcodes.git" },
      license: "Apache-2.0",
      os: [os],
      cpu: [cpu],
      files: [`bin/${exe}`],
      preferUnplugged: true,
    };
    require("node:fs").writeFileSync(`${dir}/package.json`, JSON.stringify(pkg, null, 2) + "\n");
    require("node:fs").writeFileSync(`${dir}/README.md`,
      `# ${pkg.name}\n\nThe [httpcodes](https://www.npmjs.com/package/httpcodes) binary for ${os} ${cpu}. ` +
      "Install `httpcodes`, not this package: it depends on this one for the platforms where it runs.\n");
  ' "$dir" "$target" "$os" "$cpu" "$version" "$exe"
  echo "$dir ($(du -k "$dir/bin/$exe" | cut -f1) KiB binary)"
}

launcher() {
  local dir=$out/httpcodes
  rm -rf "$dir"
  mkdir -p "$dir/bin"
  cp "$root/npm/httpcodes/bin/httpcodes.js" "$dir/bin/"
  chmod 755 "$dir/bin/httpcodes.js"
  cp "$root/npm/httpcodes/README.md" "$root/LICENSE" "$dir/"
  node -e '
    const [src, dir, version] = process.argv.slice(1);
    const pkg = require(src);
    pkg.version = version;
    for (const name of Object.keys(pkg.optionalDependencies)) pkg.optionalDependencies[name] = version;
    require("node:fs").writeFileSync(`${dir}/package.json`, JSON.stringify(pkg, null, 2) + "\n");
  ' "$root/npm/httpcodes/package.json" "$dir" "$version"
  echo "$dir"
}

for t in "$@"; do
  case $t in
    all) for p in "${targets[@]}"; do platform "$p"; done; launcher ;;
    httpcodes) launcher ;;
    linux-x64|linux-arm64|darwin-x64|darwin-arm64|win32-x64|win32-arm64) platform "$t" ;;
    *) echo "npm/build.sh: unknown target $t (${targets[*]}, httpcodes, all)" >&2; exit 2 ;;
  esac
done
