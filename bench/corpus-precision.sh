#!/usr/bin/env bash
# Scores the findings of bench/corpus.sh against the reviewed verdicts: the
# unreviewed findings (as verdict lines to complete), the verdicts no finding
# matches any more, and precision per language on warnings and errors:
# true / (true + false). Pass --markdown for Markdown tables.
#
#   CORPUS_SET  tuning, holdout, holdout2, holdout3, holdout4, drift or all (default all): which set to score.
#               tuning: $CORPUS_RESULTS against bench/corpus/verdicts.tsv, the
#               projects the analysis was tuned on (their precision flatters);
#               holdout: $CORPUS_RESULTS-holdout against
#               bench/corpus/holdout-verdicts.tsv, measured, then its false
#               alarms fixed (tuning data since);
#               holdout2: $CORPUS_RESULTS-holdout2 against
#               bench/corpus/holdout2-verdicts.tsv, measured, then two of its
#               classes fixed;
#               holdout3: $CORPUS_RESULTS-holdout3 against
#               bench/corpus/holdout3-verdicts.tsv, measured, then its false-alarm classes
#               fixed (issue 16);
#               holdout4: $CORPUS_RESULTS-holdout4 against
#               bench/corpus/holdout4-verdicts.tsv, chosen after all those
#               fixes and measured once against them: the honest figure;
#               drift: $CORPUS_RESULTS-drift against
#               bench/corpus/drift-verdicts.tsv, projects that publish their
#               own description beside their handlers (undocumented-status,
#               issue 21).
set -euo pipefail
cd "$(dirname "$0")/.."
cache=${HTTPCODES_CORPUS:-$HOME/.cache/httpcodes-corpus}
results=${CORPUS_RESULTS:-$cache/results}
set_=${CORPUS_SET:-all}
# set  results suffix  verdict file  what it is
sets=(
  "tuning||verdicts.tsv|the analysis was tuned on it"
  "holdout|-holdout|holdout-verdicts.tsv|measured, then its false alarms fixed"
  "holdout2|-holdout2|holdout2-verdicts.tsv|measured, then its false-alarm classes fixed"
  "holdout3|-holdout3|holdout3-verdicts.tsv|measured, then its false-alarm classes fixed"
  "holdout4|-holdout4|holdout4-verdicts.tsv|chosen after all those fixes, measured once, then its classes fixed"
  "drift|-drift|drift-verdicts.tsv|code beside its own description, undocumented-status"
)
names=()
found=0
for row in "${sets[@]}"; do
  IFS='|' read -r name suffix verdicts what <<<"$row"
  names+=("$name")
  [[ $set_ == all || $set_ == "$name" ]] || continue
  if [[ $set_ == all ]]; then
    (( found )) && echo
    echo "== $name set ($what)"
  fi
  go run ./bench/corpus precision -results "$results$suffix" -verdicts "bench/corpus/$verdicts" "$@"
  found=1
done
if (( ! found )); then
  echo "CORPUS_SET=$set_: want ${names[*]} or all" >&2
  exit 2
fi
