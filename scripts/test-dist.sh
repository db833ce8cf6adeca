#!/usr/bin/env bash
# Tests every way httpcodes is distributed, offline, against a GoReleaser
# snapshot of this checkout:
#   - LICENSE and the license of every package manifest;
#   - .goreleaser.yaml (goreleaser check) and the snapshot it builds: six
#     archives, checksums.txt, the Homebrew cask; a tagged build's version;
#   - install.sh from a local server: a version, the latest, a tampered
#     archive refused;
#   - the npm packages: npm/build.sh, npm pack, an offline npm install, npx
#     httpcodes check, exit status and signals through the launcher;
#   - the VS Code packages for every target, with the server bundled;
#   - the Neovim plugin's help tags and install layouts, the Mason entry;
#   - go vet -vettool=httpcodes-vet on a module with a known bug.
# Exits non-zero on the first failure; nothing is skipped (CI=true or not).
# The snapshot stays in dist/ (gitignored) for a look.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
export NPM_CONFIG_UPDATE_NOTIFIER=false NPM_CONFIG_FUND=false NPM_CONFIG_AUDIT=false

step() { printf '\n== %s\n' "$*"; }
fail() { echo "FAIL: $*" >&2; exit 1; }
ok() { echo "ok: $*"; }
now() { date +%s; }
kib() { echo "$(( ($(stat -c %s "$1") + 1023) / 1024 )) KiB"; }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/httpcodes-dist.XXXXXX")
server_pid=
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null || true
  rm -rf "$tmp"
}
trap cleanup EXIT

step "LICENSE and the package manifests' license"
grep -qx ' *Apache License' LICENSE || fail "LICENSE is not the Apache License"
grep -q 'Version 2.0, January 2004' LICENSE || fail "LICENSE is not Apache-2.0"
grep -q 'Copyright 2026 The httpcodes authors' LICENSE || fail "LICENSE does not name The httpcodes authors"
cmp -s LICENSE editors/vscode/LICENSE || fail "editors/vscode/LICENSE differs from LICENSE: copy it"
for m in editors/vscode/package.json npm/httpcodes/package.json; do
  [ "$(node -p 'require(process.argv[1]).license' "$repo/$m")" = Apache-2.0 ] || fail "$m has no \"license\": \"Apache-2.0\""
done
ok "Apache-2.0 in LICENSE, editors/vscode and npm"

step "GoReleaser (tools/release/go.mod): build it, check .goreleaser.yaml"
start=$(now)
# Linking it takes most of a minute even from a warm build cache: keep the
# binary, keyed by the tool module's go.sum.
goreleaser=${XDG_CACHE_HOME:-$HOME/.cache}/httpcodes-release/goreleaser-$(sha256sum tools/release/go.sum | cut -c1-16)
if [ ! -x "$goreleaser" ]; then
  mkdir -p "$(dirname "$goreleaser")"
  (cd tools/release && go build -o "$goreleaser.partial" github.com/goreleaser/goreleaser/v2)
  mv "$goreleaser.partial" "$goreleaser"
fi
echo "goreleaser built in $(( $(now) - start )) s: $("$goreleaser" --version 2>&1 | grep -m1 GitVersion || true)"
"$goreleaser" check

step "a snapshot release: six archives, checksums.txt, the Homebrew cask"
# The whole release as a tag would make it, publishing nothing: every
# target, because install.sh, npm, the VS Code packages and the Mason entry
# are tested against the archives they name. The image (dockers_v2) needs
# docker buildx and its base images, which this machine cannot fetch: it is
# skipped here, and its definition is checked by goreleaser check above.
start=$(now)
"$goreleaser" release --snapshot --clean --skip=docker >"$tmp/release.log" 2>&1 || { cat "$tmp/release.log"; fail "goreleaser release --snapshot"; }
snapshot_s=$(( $(now) - start ))
version=$(node -p 'require("./dist/metadata.json").version')
echo "snapshot $version built in $snapshot_s s"
archives=()
for p in linux_amd64 linux_arm64 darwin_amd64 darwin_arm64 windows_amd64 windows_arm64; do
  ext=tar.gz; exe=httpcodes
  case $p in windows_*) ext=zip; exe=httpcodes.exe ;; esac
  a=httpcodes_${version}_$p.$ext
  [ -f "dist/$a" ] || fail "dist/$a is missing"
  archives+=("$a")
  listed=$(awk -v f="$a" '$2 == f { print $1 }' dist/checksums.txt)
  [ "$listed" = "$(sha256sum "dist/$a" | cut -d ' ' -f 1)" ] || fail "checksums.txt has no or a wrong SHA-256 for $a"
  if [ "$ext" = zip ]; then
    members=$(python3 -c 'import sys, zipfile; print("\n".join(sorted(zipfile.ZipFile(sys.argv[1]).namelist())))' "dist/$a")
  else
    members=$(tar -tzf "dist/$a" | sort)
  fi
  [ "$members" = "$(printf '%s\n' LICENSE README.md "$exe" | sort)" ] || fail "$a holds $(echo $members), want $exe, LICENSE, README.md"
  echo "$a $(kib "dist/$a")"
done
[ "$(wc -l < dist/checksums.txt)" = 6 ] || fail "checksums.txt lists $(wc -l < dist/checksums.txt) files, want the 6 archives"
mkdir "$tmp/x" && tar -xzf "dist/httpcodes_${version}_linux_amd64.tar.gz" -C "$tmp/x"
snapshot_version=$("$tmp/x/httpcodes" version)
case $snapshot_version in
  "httpcodes v"*"-dev"*" linux/amd64 "*) ok "the snapshot says it is no release: $snapshot_version" ;;
  *) fail "the snapshot's version: $snapshot_version" ;;
esac
cask=dist/homebrew/Casks/httpcodes.rb
[ -f "$cask" ] || fail "$cask is missing"
tag=$(node -p 'require("./dist/metadata.json").tag')
grep -q "^  version \"$version\"$" "$cask" || fail "$cask is not of version $version"
for p in darwin_amd64 darwin_arm64 linux_amd64 linux_arm64; do
  a=httpcodes_${version}_$p.tar.gz
  grep -qF "url \"https://github.com/httpcodes/httpcodes/releases/download/$tag/httpcodes_#{version}_$p.tar.gz\"" "$cask" || fail "$cask has no URL for $a"
  grep -q "sha256 \"$(awk -v f="$a" '$2 == f { print $1 }' dist/checksums.txt)\"" "$cask" || fail "$cask lacks the SHA-256 of $a"
done
grep -q 'binary "httpcodes"' "$cask" || fail "$cask installs no httpcodes binary"
ok "$cask: four archives with their checksums, the binary"

step "a tagged release build stamps the tag: no -dev"
# In a clone of HEAD tagged v0.1.0, as the release job would build it (one
# target: the stamping is the same for all six).
git clone -q "$repo" "$tmp/tagged"
git -C "$tmp/tagged" -c user.name=test -c user.email=test@example.com tag -a v0.1.0 -m v0.1.0
(cd "$tmp/tagged" && "$goreleaser" build --clean --single-target --id httpcodes -o "$tmp/tagged-httpcodes" >"$tmp/tagged.log" 2>&1) || { cat "$tmp/tagged.log"; fail "goreleaser build of the tag"; }
tagged=$("$tmp/tagged-httpcodes" version)
want="httpcodes v0.1.0 ($(git -C "$tmp/tagged" rev-parse HEAD | cut -c1-12)) $(go env GOOS)/$(go env GOARCH) $(go env GOVERSION)"
[ "$tagged" = "$want" ] || fail "the tagged build says \"$tagged\", want \"$want\""
ok "$tagged"

step "install.sh from a local server: a version, the latest, a tampered archive"
srv=$tmp/srv
mkdir -p "$srv/good/download/v$version" "$srv/good/latest" "$srv/bad/download/v$version"
cp dist/checksums.txt "${archives[@]/#/dist/}" "$srv/good/download/v$version/"
ln -s "../download/v$version" "$srv/good/latest/download"
cp "$srv/good/download/v$version/"* "$srv/bad/download/v$version/"
printf 'x' >> "$srv/bad/download/v$version/httpcodes_${version}_linux_amd64.tar.gz" # one byte more
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
python3 -m http.server "$port" --bind 127.0.0.1 --directory "$srv" >"$tmp/http.log" 2>&1 &
server_pid=$!
for _ in $(seq 100); do curl -fs "http://127.0.0.1:$port/" >/dev/null 2>&1 && break; sleep 0.1; done
curl -fs "http://127.0.0.1:$port/" >/dev/null || fail "the local server did not start: $(cat "$tmp/http.log")"
good=http://127.0.0.1:$port/good
expect_installed() { # dir
  [ -x "$1/httpcodes" ] || fail "no httpcodes in $1"
  [ "$("$1/httpcodes" version)" = "$snapshot_version" ] || fail "$1/httpcodes says $("$1/httpcodes" version)"
}
HTTPCODES_RELEASES_URL=$good INSTALL_DIR=$tmp/i1 sh install.sh "v$version" 2>"$tmp/i1.log" || { cat "$tmp/i1.log"; fail "install.sh v$version"; }
expect_installed "$tmp/i1"
grep -q "installed httpcodes v" "$tmp/i1.log" || fail "install.sh did not say what it installed: $(cat "$tmp/i1.log")"
ok "install.sh v$version (INSTALL_DIR)"
HTTPCODES_RELEASES_URL=$good sh install.sh -b "$tmp/i2" 2>"$tmp/i2.log" || { cat "$tmp/i2.log"; fail "install.sh -b DIR (latest)"; }
expect_installed "$tmp/i2"
ok "install.sh -b DIR (the latest release, its name read from checksums.txt)"
HTTPCODES_RELEASES_URL=$good sh install.sh -b "$tmp/i3" "$version" 2>/dev/null || fail "install.sh $version (no v)"
expect_installed "$tmp/i3"
ok "install.sh VERSION without the v"
set +e
HTTPCODES_RELEASES_URL=http://127.0.0.1:$port/bad sh install.sh -b "$tmp/i4" "v$version" 2>"$tmp/i4.log"
status=$?
HTTPCODES_RELEASES_URL=$good sh install.sh -b "$tmp/i5" v9.9.9 2>"$tmp/i5.log"
status5=$?
set -e
[ "$status" != 0 ] || fail "install.sh installed a tampered archive"
grep -q "checksum mismatch for httpcodes_${version}_linux_amd64.tar.gz" "$tmp/i4.log" || fail "the tampered archive's message: $(cat "$tmp/i4.log")"
[ ! -e "$tmp/i4/httpcodes" ] || fail "a tampered archive left $tmp/i4/httpcodes"
ok "a tampered archive is refused (exit $status): $(cat "$tmp/i4.log" | tail -1)"
[ "$status5" != 0 ] && grep -q "could not download .*/download/v9.9.9/checksums.txt" "$tmp/i5.log" || fail "install.sh v9.9.9: exit $status5, $(cat "$tmp/i5.log")"
ok "a missing version is an error: $(tail -1 "$tmp/i5.log")"
kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; server_pid=

step "npm: build the packages, pack them, install offline, run npx httpcodes"
OUT=$tmp/npm npm/build.sh all
mkdir "$tmp/tarballs"
for d in "$tmp"/npm/*/; do
  [ "$(node -p 'require(process.argv[1]).license' "$d/package.json")" = Apache-2.0 ] || fail "$d/package.json has no Apache-2.0 license"
  (cd "$tmp/tarballs" && npm pack --silent "$d" >/dev/null)
done
for t in "$tmp"/tarballs/*.tgz; do echo "$(basename "$t") $(kib "$t")"; done
node -e '
  const pkg = require(process.argv[1]);
  const want = ["linux-x64", "linux-arm64", "darwin-x64", "darwin-arm64", "win32-x64", "win32-arm64"].map((t) => "@httpcodes/cli-" + t);
  const got = Object.keys(pkg.optionalDependencies);
  if (JSON.stringify(got) !== JSON.stringify(want) || Object.values(pkg.optionalDependencies).some((v) => v !== pkg.version)) {
    console.error("httpcodes optionalDependencies:", pkg.optionalDependencies); process.exit(1);
  }
' "$tmp/npm/httpcodes/package.json" || fail "the main package's optional dependencies"
listing=$(tar -tvzf "$tmp/tarballs/httpcodes-cli-linux-x64-$version.tgz")
grep -q '^-rwxr-xr-x .* package/bin/httpcodes$' <<<"$listing" || fail "the linux-x64 tarball's binary is not executable: $listing"
proj=$tmp/project
mkdir "$proj"
echo '{"name": "uses-httpcodes", "private": true}' > "$proj/package.json"
# --offline: the platform package comes from its tarball, and the five for
# other platforms, optional and unavailable offline, are left out.
(cd "$proj" && npm install --offline --no-audit --no-fund --loglevel=error \
  "$tmp/tarballs/httpcodes-$version.tgz" "$tmp/tarballs/httpcodes-cli-linux-x64-$version.tgz") || fail "npm install --offline"
cat > "$proj/handlers.go" <<'EOF'
package api

import "net/http"

func login(w http.ResponseWriter, r *http.Request) {
	http.Redirect(w, r, "/login", 200)
}
EOF
set +e
(cd "$proj" && npx --offline httpcodes check handlers.go) >"$tmp/npx.out" 2>&1
status=$?
set -e
cat "$tmp/npx.out"
[ "$status" = 1 ] || fail "npx httpcodes check exited $status, want 1"
grep -q '^handlers.go:6:32: error: http.Redirect with 200 OK: a redirect needs a 3xx code;.* \[redirect-status\]$' "$tmp/npx.out" || fail "npx httpcodes check did not report the redirect-status finding"
ok "npx httpcodes check: the finding and exit 1"
[ "$(cd "$proj" && npx --offline httpcodes version)" = "$snapshot_version" ] || fail "npx httpcodes version"
set +e
(cd "$proj" && npx --offline httpcodes check no-such-file.go) >/dev/null 2>&1
status=$?
set -e
[ "$status" = 2 ] || fail "npx httpcodes check no-such-file.go exited $status, want 2"
ok "npx httpcodes: version, and exit 2 passed through"
# A signal to the launcher reaches the binary, and the launcher ends as the
# binary does: httpcodes serve ends on SIGTERM with status 1 (run directly
# here for the comparison); a binary killed by a signal makes the launcher
# end by the same signal.
serve_bin=$proj/node_modules/@httpcodes/cli-linux-x64/bin/httpcodes
"$serve_bin" serve < <(sleep 30) >/dev/null 2>&1 &
direct=$!
sleep 1
kill -TERM "$direct"
set +e; wait "$direct"; direct_status=$?; set -e
start_launcher() {
  "$proj/node_modules/.bin/httpcodes" serve < <(sleep 30) >/dev/null 2>&1 &
  launcher=$!
  child=
  for _ in $(seq 100); do child=$(pgrep -P "$launcher" -x httpcodes || true); [ -n "$child" ] && break; sleep 0.1; done
  [ -n "$child" ] || fail "the launcher started no httpcodes serve"
}
start_launcher
kill -TERM "$launcher"
set +e; wait "$launcher"; status=$?; set -e
[ "$status" = "$direct_status" ] || fail "after SIGTERM the launcher exited $status; httpcodes serve itself exits $direct_status"
! kill -0 "$child" 2>/dev/null || fail "httpcodes serve ($child) still runs after the launcher got SIGTERM"
ok "SIGTERM to the launcher reaches httpcodes serve; both end, with its status ($status)"
start_launcher
kill -KILL "$child"
set +e; wait "$launcher"; status=$?; set -e
[ "$status" = 137 ] || fail "the binary was killed by SIGKILL, and the launcher exited $status, want 137 (the same signal)"
ok "a binary killed by a signal: the launcher ends by that signal (137)"

step "VS Code: a package per target, each with its server"
(cd editors/vscode && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)
ext_version=$(node -p 'require("./editors/vscode/package.json").version')
for t in linux-x64 linux-arm64 alpine-x64 alpine-arm64 darwin-x64 darwin-arm64 win32-x64 win32-arm64; do
  v=$tmp/vsix/httpcodes-$ext_version-$t.vsix
  mkdir -p "$tmp/vsix"
  (cd editors/vscode && HTTPCODES_DIST=$repo/dist npm run --silent "package:$t" -- --out "$v" >"$tmp/vsce.log" 2>&1) || { cat "$tmp/vsce.log"; fail "npm run package:$t"; }
  python3 - "$v" "$t" <<'EOF' || fail "$v"
import re, sys, zipfile
path, target = sys.argv[1], sys.argv[2]
z = zipfile.ZipFile(path)
names = set(z.namelist())
exe = "extension/bin/httpcodes.exe" if target.startswith("win32") else "extension/bin/httpcodes"
for want in [exe, "extension/LICENSE.txt", "extension/images/icon.png", "extension/dist/extension.js", "extension/package.json"]:
    if want not in names:
        sys.exit(f"{path} lacks {want}: {sorted(names)}")
others = [n for n in names if n.startswith("extension/bin/") and n != exe]
if others:
    sys.exit(f"{path} holds other binaries too: {others}")
manifest = z.read("extension.vsixmanifest").decode()
if f'TargetPlatform="{target}"' not in manifest:
    sys.exit(f"{path}: the manifest names no TargetPlatform {target}")
head = z.read(exe)[:4]
magic = {"linux": b"\x7fELF", "alpin": b"\x7fELF", "darwi": b"\xcf\xfa\xed\xfe", "win32": b"MZ"}[target[:5]]
if not head.startswith(magic):
    sys.exit(f"{path}: {exe} is not a {target} executable")
if not target.startswith("win32") and (z.getinfo(exe).external_attr >> 16) & 0o111 == 0:
    sys.exit(f"{path}: {exe} is not executable")
EOF
  echo "$(basename "$v") $(kib "$v")"
done
[ ! -e editors/vscode/bin ] || fail "packaging left editors/vscode/bin behind"
ok "eight .vsix files, each with its platform's server and the manifest's TargetPlatform"

step "Neovim: help tags, the lazy.nvim and native-package layouts, the Mason entry"
command -v nvim >/dev/null || fail "nvim is missing: apt-get install neovim"
nvim_env=(env HOME="$tmp/nvim-home" XDG_STATE_HOME="$tmp/nvim-home/s" XDG_DATA_HOME="$tmp/nvim-home/d" XDG_CACHE_HOME="$tmp/nvim-home/c" XDG_CONFIG_HOME="$tmp/nvim-home/cfg")
mkdir -p "$tmp/nvim-tags/doc"
cp editors/nvim/doc/httpcodes.txt "$tmp/nvim-tags/doc/"
"${nvim_env[@]}" timeout 60 nvim --headless --clean -n -i NONE -c "helptags $tmp/nvim-tags/doc" -c q </dev/null
diff -u editors/nvim/doc/tags "$tmp/nvim-tags/doc/tags" || fail "editors/nvim/doc/tags is stale: run nvim --headless -c 'helptags editors/nvim/doc' -c q"
ok "doc/tags matches doc/httpcodes.txt"
# lazy.nvim puts the plugin's editors/nvim on 'runtimepath' (README); no helptags run.
"${nvim_env[@]}" timeout 60 nvim --headless -n -i NONE --cmd "set rtp^=$repo/editors/nvim" -u editors/nvim/test/install.lua </dev/null || fail "the plugin on 'runtimepath'"
# No plugin manager: a native package (README), no helptags run.
mkdir -p "$tmp/pack/pack/httpcodes/start"
ln -s "$repo/editors/nvim" "$tmp/pack/pack/httpcodes/start/httpcodes"
"${nvim_env[@]}" timeout 60 nvim --headless -n -i NONE --cmd "set packpath^=$tmp/pack" -u editors/nvim/test/install.lua </dev/null || fail "the plugin as a native package"
files=$(sed -n 's/^ *file: //p' editors/nvim/mason/package.yaml)
[ "$(echo "$files" | wc -l)" = 6 ] || fail "editors/nvim/mason/package.yaml names $(echo "$files" | wc -l) archives, want 6"
while IFS= read -r f; do
  a=${f//'{{ version | strip_prefix "v" }}'/$version}
  [ -f "dist/$a" ] || fail "the Mason entry names $f, and the release has no $a"
done <<<"$files"
grep -q '^  id: pkg:github/httpcodes/httpcodes@v' editors/nvim/mason/package.yaml || fail "the Mason entry's source id"
ok "the Mason entry names the six release archives"

step "go vet -vettool=httpcodes-vet on a module with a known bug"
go build -o "$tmp/httpcodes-vet" ./cmd/httpcodes-vet
mod=$tmp/vetmod
mkdir "$mod"
printf 'module example.com/vetme\n\ngo 1.22\n' > "$mod/go.mod"
cat > "$mod/main.go" <<'EOF'
package main

import "net/http"

func login(w http.ResponseWriter, r *http.Request) {
	http.Redirect(w, r, "/login", 200)
}

func created(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(201)
}

func main() {
	http.HandleFunc("/login", login)
	http.HandleFunc("/created", created)
}
EOF
set +e
(cd "$mod" && GOFLAGS= go vet -vettool="$tmp/httpcodes-vet" ./...) >"$tmp/vet.out" 2>&1
status=$?
set -e
cat "$tmp/vet.out"
[ "$status" != 0 ] || fail "go vet passed a module with http.Redirect(…, 200)"
grep -Eq '^(\./)?main\.go:6:32: http\.Redirect with 200 OK: a redirect needs a 3xx code;.* \[redirect-status\]$' "$tmp/vet.out" || fail "go vet did not report redirect-status at main.go:6:32"
! grep -q 'prefer-constant' "$tmp/vet.out" || fail "go vet reported a hint at the default severity"
set +e
(cd "$mod" && GOFLAGS= go vet -vettool="$tmp/httpcodes-vet" -httpcodes.severity=hint ./...) >"$tmp/vet-hint.out" 2>&1
set -e
grep -Eq '^(\./)?main\.go:10:16: 201 is 201 Created; write http\.StatusCreated \[prefer-constant\]$' "$tmp/vet-hint.out" || fail "go vet -httpcodes.severity=hint: $(cat "$tmp/vet-hint.out")"
ok "go vet -vettool reports the finding (exit $status); -httpcodes.severity=hint adds the hint"

echo
echo "distribution: snapshot $version in $snapshot_s s; all passed"
