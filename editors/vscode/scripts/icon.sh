#!/usr/bin/env bash
# Renders images/icon.svg to images/icon.png (128x128, the size the
# Marketplace and Open VSX show) with headless Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
printf '<!doctype html><html><body style="margin:0;background:transparent">%s</body></html>' "$(cat images/icon.svg)" > "$tmp/icon.html"
HOME=$tmp chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --default-background-color=00000000 \
  --window-size=128,128 --screenshot="$tmp/icon.png" "file://$tmp/icon.html" 2>/dev/null
cp "$tmp/icon.png" images/icon.png
