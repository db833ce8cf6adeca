#!/usr/bin/env bash
# Tests the VS Code extension end to end: installs what the test needs (on a
# fresh Debian machine, as root), type-checks, builds and packages the
# extension for this platform with the server bundled (npm run
# package:linux-x64), and runs e2e/ — code-server 4.100.3 with that .vsix,
# driven by playwright-core in Debian's Chromium. Exits non-zero on any
# failure; it never skips (CI=true or not).
#
# code-server is installed once under .code-server/ (gitignored); set
# CODE_SERVER_CACHE to keep it elsewhere. The screenshots of each run are in
# e2e/artifacts/.
set -euo pipefail
cd "$(dirname "$0")"
here=$(pwd)
export NPM_CONFIG_UPDATE_NOTIFIER=false

CODE_SERVER_VERSION=4.100.3 # the newest whose engines.node accepts Node 20
cache=${CODE_SERVER_CACHE:-$here/.code-server}
cs_root=$cache/$CODE_SERVER_VERSION
export CODE_SERVER_DIR=$cs_root/node_modules/code-server

step() { printf '\n== %s\n' "$*"; }
now() { date +%s; }

step "tools: Node, Go, Chromium and the libraries code-server builds against"
command -v node >/dev/null || { echo "node is missing: install Node.js 20 or later"; exit 1; }
command -v go >/dev/null || { echo "go is missing: install Go 1.26 or later"; exit 1; }
node_major=$(node -p 'process.versions.node.split(".")[0]')
if [ "$node_major" -lt 20 ]; then
  echo "Node $(node --version) is too old: code-server $CODE_SERVER_VERSION and the packaging tools need Node 20"; exit 1
fi
# chromium drives the workbench; the -dev packages and pkg-config build
# code-server's native modules; ripgrep replaces the binary @vscode/ripgrep
# would download from GitHub.
packages=(chromium fonts-dejavu-core libkrb5-dev libxkbfile-dev libsecret-1-dev libx11-dev pkg-config ripgrep)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  if [ "$(id -u)" != 0 ]; then
    echo "missing Debian packages: ${missing[*]}; run: sudo apt-get install ${missing[*]}"; exit 1
  fi
  echo "installing ${missing[*]}"
  # Another apt-get may be running (other editors' tests install too): wait for its lock.
  apt-get -o DPkg::Lock::Timeout=600 update -qq
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq "${missing[@]}" >/dev/null
fi

step "code-server $CODE_SERVER_VERSION"
if [ -f "$cs_root/.installed" ] && [ -f "$CODE_SERVER_DIR/out/node/entry.js" ]; then
  echo "cached in $cs_root"
else
  start=$(now)
  # A plain `npm install code-server` fails here: its postinstall wants
  # unsafe-perm as root and downloads ripgrep from GitHub. Install without
  # scripts, then do by hand what the postinstall does (EDITORS-TESTING.md).
  rm -rf "$cs_root.partial"
  mkdir -p "$cs_root.partial"
  (
    cd "$cs_root.partial"
    echo '{"name": "code-server-for-tests", "private": true}' > package.json
    npm install --no-audit --no-fund --loglevel=error --ignore-scripts "code-server@$CODE_SERVER_VERSION"
    npm rebuild argon2 --loglevel=error
    vscode=node_modules/code-server/lib/vscode
    (cd "$vscode" && npm install --omit=dev --ignore-scripts --no-audit --no-fund --loglevel=error)
    mkdir -p "$vscode/node_modules/@vscode/ripgrep/bin"
    cp "$(command -v rg)" "$vscode/node_modules/@vscode/ripgrep/bin/rg"
    (cd "$vscode" && npm_config_yes=true npm_config_unsafe_perm=true npm rebuild --loglevel=error)
    ln -sfn node_modules "$vscode/node_modules.asar"
    ln -sfn code-linux.sh "$vscode/bin/remote-cli/code-server"
    ln -sfn browser-linux.sh "$vscode/bin/helpers/browser.sh"
    (cd "$vscode/extensions" && npm install --omit=dev --no-audit --no-fund --loglevel=error)
  )
  rm -rf "$cs_root"
  mv "$cs_root.partial" "$cs_root"
  touch "$cs_root/.installed"
  echo "installed in $(( $(now) - start )) s"
fi

step "the extension: npm ci, then type-check, bundle and package with the server bundled (vscode:prepublish runs tsc and esbuild)"
# No install scripts: the ones here (keytar, vsce-sign, esbuild) matter
# for publishing, not for packaging.
start=$(now)
npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
# The platform-specific package for this machine, as released: the server
# built as GoReleaser builds it (static, stripped), in bin/.
case $(go env GOARCH) in amd64) target=linux-x64 ;; arm64) target=linux-arm64 ;; *) echo "no VS Code target for $(go env GOARCH)"; exit 1 ;; esac
bin_tmp=$(mktemp -d)
trap 'rm -rf "$bin_tmp"' EXIT
(cd ../.. && CGO_ENABLED=0 go build -trimpath -ldflags "-s -w" -o "$bin_tmp/httpcodes" ./cmd/httpcodes)
HTTPCODES_BIN=$bin_tmp/httpcodes npm run --silent "package:$target" -- --out "$here/httpcodes.vsix"
echo "packaged $target in $(( $(now) - start )) s: $(du -k "$here/httpcodes.vsix" | cut -f1) KiB"
export HTTPCODES_VSIX=$here/httpcodes.vsix # the test installs this one, and runs its bundled server

step "the e2e test's dependencies"
(cd e2e && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)

step "end to end in code-server (Chromium, playwright-core)"
start=$(now)
(cd e2e && node --test)
echo "e2e passed in $(( $(now) - start )) s; screenshots in e2e/artifacts/"
