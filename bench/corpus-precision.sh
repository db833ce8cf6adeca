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
case $set_ in
  tuning) exec go run ./bench/corpus precision -results "$results" -verdicts bench/corpus/verdicts.tsv "$@" ;;
  holdout) exec go run ./bench/corpus precision -results "$results-holdout" -verdicts bench/corpus/holdout-verdicts.tsv "$@" ;;
  holdout2) exec go run ./bench/corpus precision -results "$results-holdout2" -verdicts bench/corpus/holdout2-verdicts.tsv "$@" ;;
  holdout3) exec go run ./bench/corpus precision -results "$results-holdout3" -verdicts bench/corpus/holdout3-verdicts.tsv "$@" ;;
  holdout4) exec go run ./bench/corpus precision -results "$results-holdout4" -verdicts bench/corpus/holdout4-verdicts.tsv "$@" ;;
  drift) exec go run ./bench/corpus precision -results "$results-drift" -verdicts bench/corpus/drift-verdicts.tsv "$@" ;;
  all)
    echo "== tuning set (the analysis was tuned on it)"
    go run ./bench/corpus precision -results "$results" -verdicts bench/corpus/verdicts.tsv "$@"
    echo
    echo "== holdout set (measured, then its false alarms fixed)"
    go run ./bench/corpus precision -results "$results-holdout" -verdicts bench/corpus/holdout-verdicts.tsv "$@"
    echo
    echo "== holdout2 set (measured, then two of its classes fixed)"
    go run ./bench/corpus precision -results "$results-holdout2" -verdicts bench/corpus/holdout2-verdicts.tsv "$@"
    echo
    echo "== holdout3 set (measured, then its false-alarm classes fixed)"
    go run ./bench/corpus precision -results "$results-holdout3" -verdicts bench/corpus/holdout3-verdicts.tsv "$@"
    echo
    echo "== holdout4 set (chosen after all those fixes, measured once: the honest figure)"
    go run ./bench/corpus precision -results "$results-holdout4" -verdicts bench/corpus/holdout4-verdicts.tsv "$@"
    echo
    echo "== drift set (code beside its own description, undocumented-status)"
    go run ./bench/corpus precision -results "$results-drift" -verdicts bench/corpus/drift-verdicts.tsv "$@"
    ;;
  *) echo "CORPUS_SET=$set_: want tuning, holdout, holdout2, holdout3, holdout4, drift or all" >&2; exit 2 ;;
esac
