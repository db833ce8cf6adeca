#!/usr/bin/env bash
# Runs every test of httpcodes, installing what the tests need first. This is
# the README's test command and what CI runs (.ci/run).
#
#   scripts/test.sh            everything: Go, fuzzing, the browser and the editors
#   scripts/test.sh --go-only  the fast loop: gofmt, vet, staticcheck and go test
#
# The browser and editor suites need Debian packages (Chromium, Neovim, Emacs,
# Vim with ALE). As root this script installs them; otherwise install them
# once with the apt-get line it prints, then run it again as yourself.
set -euo pipefail
cd "$(dirname "$0")/.."

go_only=false
case "${1:-}" in
  --go-only) go_only=true ;;
  "") ;;
  *) echo "usage: scripts/test.sh [--go-only]"; exit 2 ;;
esac

step() { printf '\n== %s\n' "$*"; }

step "Go modules"
go mod download

if $go_only; then
  step "gofmt"
  unformatted=$(gofmt -l $(git ls-files '*.go' 2>/dev/null || find . -name '*.go' -not -path './.git/*'))
  [ -z "$unformatted" ] || { echo "gofmt would change:"; echo "$unformatted"; exit 1; }
  step "go vet"
  go vet ./...
  step "staticcheck"
  go run honnef.co/go/tools/cmd/staticcheck@v0.8.2 ./...
  step "go test"
  go test -count=1 ./...
  exit 0
fi

step "Debian packages the browser and editor tests need (one apt-get for all)"
# Chromium for the site and VS Code tests; Neovim, Emacs with eglot and Vim
# with ALE for the editor tests; the libraries code-server's native modules
# build against. Each editor suite installs what it misses itself too; doing
# it here once saves an apt-get update per suite.
packages=(chromium fonts-dejavu-core neovim emacs-nox elpa-eglot elpa-use-package vim vim-ale
  python3 libkrb5-dev libxkbfile-dev libsecret-1-dev libx11-dev pkg-config ripgrep pre-commit)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ]; then
    echo "missing Debian packages: ${missing[*]}"
    echo "install them once: sudo apt-get install -y --no-install-recommends ${missing[*]}"
    echo "then run scripts/test.sh again as yourself (scripts/test.sh --go-only skips the browser and editor suites)"
    exit 1
  fi
  echo "installing ${missing[*]}"
  apt-get -o DPkg::Lock::Timeout=300 update -qq
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300 install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
command -v node >/dev/null || { echo "node is missing: install Node.js 20 or later"; exit 1; }

step "gofmt"
unformatted=$(gofmt -l $(git ls-files '*.go' 2>/dev/null || find . -name '*.go' -not -path './.git/*'))
if [ -n "$unformatted" ]; then
  echo "gofmt would change:"; echo "$unformatted"; exit 1
fi

step "go vet"
go vet ./...

step "staticcheck"
go run honnef.co/go/tools/cmd/staticcheck@v0.8.2 ./...

step "go test"
go test -count=1 ./...

step "go test -race (the analysis of large files and the server run goroutines)"
go test -count=1 -race ./analysis ./lsp

step "fuzz (longer runs: go test ./analysis -run '^\$' -fuzz FuzzScanners -fuzztime 10m)"
# The scanner targets start from every testdata file cut after each first
# word of a line and at its last bytes (fuzzSeeds); gathering that baseline
# takes the first seconds of each run.
go test ./analysis -run '^$' -fuzz '^FuzzScanners$' -fuzztime 90s
go test ./analysis -run '^$' -fuzz '^FuzzAnalyze$' -fuzztime 60s
go test ./analysis -run '^$' -fuzz '^FuzzIncremental$' -fuzztime 60s
go test ./codes -run '^$' -fuzz '^FuzzParsePage$' -fuzztime 10s
go test ./config -run '^$' -fuzz '^FuzzParse$' -fuzztime 10s
go test ./lsp -run '^$' -fuzz '^FuzzStream$' -fuzztime 10s
go test ./lsp -run '^$' -fuzz '^FuzzServer$' -fuzztime 15s

step "the site in a browser (headless Chromium, playwright-core)"
(cd site/e2e && npm ci --no-audit --no-fund --loglevel=error && node --test)

step "language server, black box (Node vscode-languageserver-protocol client)"
(cd lsp/e2e && npm ci --no-audit --no-fund && node --test)

step "editors, headless: Emacs eglot, Vim ALE and the other editors' configs"
bash editors/test/run.sh

step "editors, headless: the Neovim plugin on Neovim 0.7.2, 0.10 and 0.12"
bash editors/nvim/test.sh

step "editors: the VS Code extension in the real workbench (code-server in Chromium)"
bash editors/vscode/test.sh

step "distribution: GoReleaser snapshot, install.sh, npm, VS Code packages, Neovim, go vet -vettool"
bash scripts/test-dist.sh

step "the GitHub Action's steps (scripts/action.sh) in a temporary repository"
bash scripts/test-action.sh

step "pre-commit: the hooks of .pre-commit-hooks.yaml on a temporary repository"
bash scripts/test-pre-commit.sh

step "the README's example"
set +e
go run ./cmd/httpcodes check examples/ > /dev/null 2>&1
status=$?
set -e
if [ "$status" != 1 ]; then
  echo "httpcodes check examples/ exited $status; the example has findings, so it must exit 1"; exit 1
fi
echo "ok: check examples/ reports its findings (exit 1)"
