#!/usr/bin/env bash
# Times `httpcodes check` over $(go env GOROOT)/src: wall time and peak RSS
# over several runs, after a warm-up run that fills the page cache.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-5}
bin=$(mktemp -d)/httpcodes
go build -o "$bin" ./cmd/httpcodes
src="$(go env GOROOT)/src"
files=$(find "$src" -name '*.go' | wc -l)
bytes=$(du -sb "$src" | cut -f1)
echo "tree: $src ($files .go files, $((bytes / 1000000)) MB), $(nproc) cores"
"$bin" check "$src" > /dev/null 2>&1 || true
for i in $(seq "$runs"); do
  /usr/bin/time -f "run $i: %e s wall, %U s user, %M KB max RSS" "$bin" check "$src" > /dev/null 2>/tmp/httpcodes-bench.$$ || true
  tail -n 1 /tmp/httpcodes-bench.$$
done
rm -f /tmp/httpcodes-bench.$$
