#!/usr/bin/env bash
# Scores the findings of bench/corpus.sh against bench/corpus/verdicts.tsv:
# the unreviewed findings (as verdict lines to complete), the verdicts no
# finding matches any more, and precision per language on warnings and
# errors: true / (true + false). Pass --markdown for a Markdown table.
set -euo pipefail
cd "$(dirname "$0")/.."
cache=${HTTPCODES_CORPUS:-$HOME/.cache/httpcodes-corpus}
results=${CORPUS_RESULTS:-$cache/results}
exec go run ./bench/corpus precision -results "$results" -verdicts bench/corpus/verdicts.tsv "$@"
