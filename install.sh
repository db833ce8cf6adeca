#!/bin/sh
# Installs httpcodes from its GitHub release on Linux and macOS:
#
#   curl -fsSL https://raw.githubusercontent.com/httpcodes/httpcodes/main/install.sh | sh
#   curl -fsSL https://raw.githubusercontent.com/httpcodes/httpcodes/main/install.sh | sh -s -- -b /usr/local/bin v0.2.0
#
# usage: install.sh [-b DIR] [VERSION]
#   -b DIR    install into DIR (default: $INSTALL_DIR, else /usr/local/bin as
#             root, else ~/.local/bin)
#   VERSION   a release tag such as v0.2.0 (default: the latest release)
#
# It downloads the archive for this system and checksums.txt, refuses an
# archive whose SHA-256 differs from the one listed, and installs the binary.
# HTTPCODES_RELEASES_URL replaces https://github.com/httpcodes/httpcodes/releases
# (a mirror, or a test's local server): files are fetched from
# $HTTPCODES_RELEASES_URL/download/TAG/FILE, or …/latest/download/FILE.
set -eu

releases=${HTTPCODES_RELEASES_URL:-https://github.com/httpcodes/httpcodes/releases}
dir=${INSTALL_DIR:-}
version=latest

say() { printf 'httpcodes install: %s\n' "$*" >&2; }
die() { say "$*"; exit 1; }

usage() {
  say "usage: install.sh [-b DIR] [VERSION]  (DIR default: \$INSTALL_DIR, /usr/local/bin as root, else ~/.local/bin; VERSION default: latest)"
  exit "$1"
}

while [ $# -gt 0 ]; do
  case $1 in
    -b) [ $# -ge 2 ] || die "-b needs a directory"; dir=$2; shift 2 ;;
    -b*) dir=${1#-b}; shift ;;
    -h|--help) usage 0 ;;
    -*) die "unknown flag $1 (usage: install.sh [-b DIR] [VERSION])" ;;
    *) version=$1; shift ;;
  esac
done

if [ -z "$dir" ]; then
  if [ "$(id -u)" = 0 ]; then dir=/usr/local/bin; else dir=$HOME/.local/bin; fi
fi

case $(uname -s) in
  Linux) os=linux ;;
  Darwin) os=darwin ;;
  MINGW*|MSYS*|CYGWIN*) die "on Windows use install.ps1: irm https://raw.githubusercontent.com/httpcodes/httpcodes/main/install.ps1 | iex" ;;
  *) die "no release build for $(uname -s); build from source: go install github.com/httpcodes/httpcodes/cmd/httpcodes@latest" ;;
esac
case $(uname -m) in
  x86_64|amd64) arch=amd64 ;;
  aarch64|arm64) arch=arm64 ;;
  *) die "no release build for $(uname -m); build from source: go install github.com/httpcodes/httpcodes/cmd/httpcodes@latest" ;;
esac

if command -v curl >/dev/null 2>&1; then
  fetch() { curl -fsSL --proto '=https,http' -o "$2" "$1"; }
elif command -v wget >/dev/null 2>&1; then
  fetch() { wget -q -O "$2" "$1"; }
else
  die "needs curl or wget"
fi
if command -v sha256sum >/dev/null 2>&1; then
  sha256() { sha256sum "$1" | cut -d ' ' -f 1; }
elif command -v shasum >/dev/null 2>&1; then
  sha256() { shasum -a 256 "$1" | cut -d ' ' -f 1; }
elif command -v openssl >/dev/null 2>&1; then
  sha256() { openssl dgst -sha256 -r "$1" | cut -d ' ' -f 1; }
else
  die "needs sha256sum, shasum or openssl to verify the download"
fi

case $version in
  latest) base=$releases/latest/download ;;
  v*) base=$releases/download/$version ;;
  *) version=v$version; base=$releases/download/$version ;;
esac

tmp=$(mktemp -d 2>/dev/null || mktemp -d -t httpcodes)
trap 'rm -rf "$tmp"' EXIT INT TERM

fetch "$base/checksums.txt" "$tmp/checksums.txt" ||
  die "could not download $base/checksums.txt: is $version a release of httpcodes?"

# The archive is httpcodes_<version without v>_<os>_<arch>.tar.gz; for the
# latest release its name, and so the version, is read from checksums.txt.
archive=$(awk -v suffix="_${os}_${arch}.tar.gz" '
  { n = $2; sub(/^\*/, "", n) }
  length(n) > length(suffix) && substr(n, length(n) - length(suffix) + 1) == suffix && n ~ /^httpcodes_/ { print n; exit }
' "$tmp/checksums.txt")
[ -n "$archive" ] || die "the release $version has no archive for $os/$arch"
if [ "$version" != latest ] && [ "$archive" != "httpcodes_${version#v}_${os}_${arch}.tar.gz" ]; then
  die "checksums.txt of $version lists $archive, not the archive of $version"
fi
want=$(awk -v f="$archive" '{ n = $2; sub(/^\*/, "", n) } n == f { print $1; exit }' "$tmp/checksums.txt")

say "downloading $archive"
fetch "$base/$archive" "$tmp/$archive" || die "could not download $base/$archive"
got=$(sha256 "$tmp/$archive")
if [ "$got" != "$want" ]; then
  die "checksum mismatch for $archive: checksums.txt says $want, the download is $got; nothing was installed"
fi

mkdir "$tmp/x"
tar -xzf "$tmp/$archive" -C "$tmp/x" httpcodes || die "$archive has no httpcodes binary"
mkdir -p "$dir" || die "cannot create $dir: choose another with -b DIR"
# Copy beside the target, then rename: a running httpcodes is never half written.
cp "$tmp/x/httpcodes" "$dir/.httpcodes.tmp.$$" || die "cannot write to $dir: choose another with -b DIR, or run as root"
chmod 755 "$dir/.httpcodes.tmp.$$"
mv -f "$dir/.httpcodes.tmp.$$" "$dir/httpcodes"

say "installed $("$dir/httpcodes" version 2>/dev/null || echo httpcodes) in $dir"
case :$PATH: in
  *:"$dir":*) ;;
  *) say "$dir is not on your PATH: add it, e.g. export PATH=\"$dir:\$PATH\"" ;;
esac
