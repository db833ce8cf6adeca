#!/usr/bin/env bash
# End-to-end tests of the Neovim plugin (editors/nvim) against a freshly built
# `httpcodes serve`: headless Neovim loads the plugin through its own setup{},
# opens a Go file and checks diagnostics, hover, the completion popup, code
# actions, inlay hints, :HttpCodes and :checkhealth (test/e2e.lua).
#
# Runs on Debian's own Neovim (bookworm: 0.7.2, installed with apt-get when
# missing) and on newer Neovims from Debian trixie (0.10) and sid (0.11+),
# which need a newer libc than bookworm's: their .debs are fetched with
# `apt-get download` through private apt lists, unpacked with dpkg-deb into a
# cache, and nvim is run under that suite's own ld-linux.
#
#   editors/nvim/test.sh                     # every version
#   HTTPCODES_NVIM_SUITES="system trixie" editors/nvim/test.sh
#   HTTPCODES_BIN=/path/to/httpcodes editors/nvim/test.sh   # skip the build
#
# The cache is $XDG_CACHE_HOME/httpcodes-nvim (default ~/.cache/httpcodes-nvim;
# HTTPCODES_NVIM_CACHE overrides it); delete it to fetch the newer suites again.
# Exits non-zero when any check fails or a Neovim cannot be set up; nothing is
# skipped.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
cache=${HTTPCODES_NVIM_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/httpcodes-nvim}
suites=${HTTPCODES_NVIM_SUITES:-system trixie sid}
keyring=/usr/share/keyrings/debian-archive-keyring.gpg

now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }
say() { printf '\n== %s\n' "$*"; }
die() { echo "editors/nvim/test.sh: $*" >&2; exit 1; }

as_root_apt() {
  [ "$(id -u)" = 0 ] || die "$1 is missing: run as root, or install it (sudo apt-get install -y $1)"
  # Another apt-get may hold the lock for a while on a shared machine.
  local try
  for try in 1 2 3; do
    apt-get -o DPkg::Lock::Timeout=120 update -qq && break
    [ "$try" = 3 ] && die "apt-get update failed"
    sleep 5
  done
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=120 install -y -qq "$@" >/dev/null
}

tmp=$(mktemp -d "${TMPDIR:-/tmp}/httpcodes-nvim.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

# --- what the machine needs -------------------------------------------------

t=$(now)
say "tools"
case " $suites " in
  *" system "*) command -v nvim >/dev/null || as_root_apt neovim ;;
esac
for tool in apt-get apt-cache dpkg-deb; do
  command -v "$tool" >/dev/null || die "$tool is missing: these tests need a Debian machine"
done
[ -r "$keyring" ] || as_root_apt debian-archive-keyring
echo "ok ($(since "$t") s)"

# fetch_suite SUITE: unpack SUITE's neovim and the libraries it needs under
# $cache/SUITE/root, once. Installs nothing system-wide.
fetch_suite() {
  local suite=$1 dir="$cache/$1"
  local root="$dir/root"
  if [ -f "$root/.complete" ]; then
    echo "cached: $(cat "$root/.complete")"
    return
  fi
  rm -rf "$dir"
  mkdir -p "$dir/etc" "$dir/lists/partial" "$dir/cache/archives/partial" "$dir/debs" "$root"
  echo "deb [signed-by=$keyring] http://deb.debian.org/debian $suite main" >"$dir/etc/sources.list"
  local opts=(
    -o "Dir::Etc::sourcelist=$dir/etc/sources.list" -o "Dir::Etc::sourceparts=-"
    -o "Dir::State::Lists=$dir/lists" -o "Dir::Cache=$dir/cache"
    -o "Dir::State::status=/dev/null" -o "APT::Sandbox::User=root"
  )
  apt-get "${opts[@]}" -qq update
  # neovim and everything it depends on, in that suite (a dozen packages:
  # libc6, luajit, libuv, tree-sitter, …); virtual packages are skipped.
  local pkgs
  pkgs=$(apt-cache "${opts[@]}" depends --recurse --no-recommends --no-suggests \
    --no-conflicts --no-breaks --no-replaces --no-enhances neovim | grep -v '^[ <]' | sort -u)
  [ -n "$pkgs" ] || die "no neovim in Debian $suite"
  # shellcheck disable=SC2086
  (cd "$dir/debs" && apt-get "${opts[@]}" -qq download $pkgs)
  local deb
  for deb in "$dir"/debs/*.deb; do
    dpkg-deb -x "$deb" "$root"
  done
  local version
  version=$(apt-cache "${opts[@]}" show neovim | sed -n 's/^Version: //p' | head -1)
  rm -rf "$dir/debs" "$dir/cache" "$dir/lists"
  echo "Debian $suite neovim $version ($(echo $pkgs | wc -w) packages)" >"$root/.complete"
  echo "fetched: $(cat "$root/.complete")"
}

# nvim_cmd SUITE: print the command that runs that suite's nvim, one word a line.
nvim_cmd() {
  if [ "$1" = system ]; then
    command -v nvim
    return
  fi
  local root="$cache/$1/root" ld
  ld=$(find "$root/usr/lib" -maxdepth 2 -name 'ld-linux*.so.*' | head -1)
  [ -n "$ld" ] || die "no ld-linux in $root"
  local triplet
  triplet=$(basename "$(dirname "$ld")")
  printf '%s\n' "$ld" --library-path "$root/usr/lib/$triplet:$root/lib/$triplet" "$root/usr/bin/nvim"
}

for suite in $suites; do
  case $suite in
    system) ;;
    trixie | sid | forky | testing | unstable)
      t=$(now)
      say "Neovim from Debian $suite"
      fetch_suite "$suite"
      echo "ok ($(since "$t") s)"
      ;;
    *) die "unknown suite $suite: use system, trixie, sid, forky, testing or unstable" ;;
  esac
done

# --- the binary -------------------------------------------------------------

t=$(now)
say "httpcodes binary"
if [ -n "${HTTPCODES_BIN:-}" ]; then
  bin=$HTTPCODES_BIN
else
  bin="$tmp/bin/httpcodes"
  (cd "$repo" && go build -o "$bin" ./cmd/httpcodes)
fi
"$bin" version
# test/lsp_enable.lua starts the server by its name, `httpcodes`, from $PATH.
mkdir -p "$tmp/path"
ln -s "$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")" "$tmp/path/httpcodes"
echo "ok ($(since "$t") s)"

# --- the tests ----------------------------------------------------------------

failed=()
for suite in $suites; do
  nvim_cmd "$suite" >"$tmp/nvim-cmd"
  mapfile -t nvim <"$tmp/nvim-cmd"
  run="$tmp/run-$suite"
  mkdir -p "$run/home" "$run/config" "$run/data" "$run/state" "$run/cache"
  extra_rtp=""
  vimruntime=""
  if [ "$suite" != system ]; then
    root="$cache/$suite/root"
    vimruntime="$root/usr/share/nvim/runtime"
    extra_rtp="$root/usr/lib/nvim" # the bundled tree-sitter parsers (markdown for hover)
  fi
  version=$(env ${vimruntime:+VIMRUNTIME="$vimruntime"} "${nvim[@]}" --version | head -1)
  say "$version ($suite)"
  if [ "$suite" != system ]; then
    case $version in
      "NVIM v0."[0-9]."*") die "$suite's $version is older than 0.10" ;;
    esac
  fi
  for script in e2e lsp_enable; do
    rm -rf "$run/work" && mkdir -p "$run/work" && cp -r "$here/test/testdata/." "$run/work/"
    echo "-- test/$script.lua"
    t=$(now)
    set +e
    (
      cd "$run/work"
      env HOME="$run/home" XDG_CONFIG_HOME="$run/config" XDG_DATA_HOME="$run/data" \
        XDG_STATE_HOME="$run/state" XDG_CACHE_HOME="$run/cache" \
        PATH="$tmp/path:$PATH" \
        ${vimruntime:+VIMRUNTIME="$vimruntime"} \
        HTTPCODES_PLUGIN="$here" HTTPCODES_BIN="$bin" HTTPCODES_WORK="$run/work" \
        HTTPCODES_EXTRA_RTP="$extra_rtp" \
        timeout -k 5 120 "${nvim[@]}" --headless --clean -n -u "$here/test/$script.lua" handlers.go </dev/null
    ) 2>&1 | tee "$run/$script.log"
    status=${PIPESTATUS[0]}
    set -e
    echo
    # An error in a callback does not stop Neovim, nor does a server that
    # exits with a non-zero status ("Client … quit with exit code 2"); both fail.
    if grep -qE 'Error executing|Error detected while processing|quit with exit code|(^|[^A-Za-z])E[0-9]{2,4}: ' "$run/$script.log"; then
      echo "Neovim reported errors (above)"
      [ "$status" = 0 ] && status=97
    fi
    if [ "$status" = 0 ]; then
      echo "ok: $version, test/$script.lua ($(since "$t") s)"
    else
      echo "FAIL: $version, test/$script.lua exited $status ($(since "$t") s)"
      failed+=("$version $script")
    fi
  done
done

if [ "${#failed[@]}" -gt 0 ]; then
  echo
  echo "Neovim plugin tests failed on: ${failed[*]}"
  exit 1
fi
echo
echo "Neovim plugin tests passed on: $suites"
