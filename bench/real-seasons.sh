#!/usr/bin/env bash
# summary: the solver on real conference seasons (data/conferences): feasible, first-feasible seconds, travel ÷ the real schedule's
#
# Options: --seasons a,b (folders of data/conferences; default all)  --variants fixed,same-days,window,free
# (default all)  --time-limit SECONDS per season and variant (default 60)  --workers N  --data DIR
# --results DIR|none (default bench/results). Prints a table; the last line is one JSON object
# {"variants": {<variant>: {"feasible", "median_first_feasible_s", "median_ratio", "max_ratio"}}, "rows": [...]}.
# How the variants are derived: functions/solve/README.md "Real conference seasons".
set -euo pipefail
exec bash "$(dirname "${BASH_SOURCE[0]}")/lib/solve-java.sh" io.flextime.solve.bench.RealSeasonsBenchmark "$@"
