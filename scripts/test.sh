#!/usr/bin/env bash
# Runs every test of httpcodes, installing what the tests need first. This is
# the README's test command and what CI runs (.ci/run).
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n== %s\n' "$*"; }

step "Go modules"
go mod download

step "tools the browser test needs (Debian's Chromium, Node from the machine)"
if ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-dejavu-core >/dev/null
  else
    echo "chromium is missing: run sudo apt-get install chromium"; exit 1
  fi
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

step "fuzz (short runs; longer ones: go test ./analysis -fuzz FuzzAnalyze)"
go test ./analysis -run '^$' -fuzz '^FuzzAnalyze$' -fuzztime 15s
go test ./analysis -run '^$' -fuzz '^FuzzIncremental$' -fuzztime 15s
go test ./codes -run '^$' -fuzz '^FuzzParsePage$' -fuzztime 10s
go test ./lsp -run '^$' -fuzz '^FuzzStream$' -fuzztime 10s
go test ./lsp -run '^$' -fuzz '^FuzzServer$' -fuzztime 15s

step "the site in a browser (headless Chromium, playwright-core)"
(cd site/e2e && npm ci --no-audit --no-fund --loglevel=error && node --test)

step "language server, black box (Node vscode-languageserver-protocol client)"
(cd lsp/e2e && npm ci --no-audit --no-fund && node --test)

step "the README's example"
set +e
go run ./cmd/httpcodes check examples/ > /dev/null 2>&1
status=$?
set -e
if [ "$status" != 1 ]; then
  echo "httpcodes check examples/ exited $status; the example has findings, so it must exit 1"; exit 1
fi
echo "ok: check examples/ reports its findings (exit 1)"
