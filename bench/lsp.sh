#!/usr/bin/env bash
# Measures the language server against docs/DESIGN.md's bars: builds httpcodes,
# drives `httpcodes serve --stdio` from bench/lspbench (hover round trip,
# diagnostics after an edit to a 10,000-line file, memory idle and with
# 1,000 open documents), then runs the in-process benchmarks of lsp/ for
# the diagnostics figure without the transport and the debounce.
# Set SKIP_GO_BENCH=1 to leave the in-process benchmarks out.
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/httpcodes" ./cmd/httpcodes
go build -o "$tmp/lspbench" ./bench/lspbench

echo "== language server over stdio ($(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)) =="
"$tmp/lspbench" -bin "$tmp/httpcodes" "$@"

if [ "${SKIP_GO_BENCH:-}" != 1 ]; then
  echo
  echo "== in process: go test ./lsp -bench . (bar: DiagnosticsAfterEdit10kLines < 20 ms/op) =="
  go test ./lsp -run '^$' -bench . -benchmem -count "${COUNT:-3}" |
    awk '/^Benchmark/ { printf "  %-44s %8.2f ms/op", $1, $3 / 1e6; for (i = 5; i < NF; i += 2) printf "   %s %s", $i, $(i+1); print "" }'
fi
