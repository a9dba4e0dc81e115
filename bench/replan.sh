#!/usr/bin/env bash
# summary: in-season re-plan on the Big 12 sample: seconds to the new draft, games moved, hard violations, travel change
#
# Options: --seconds S (re-plan budget, default 9)  --long-run-seconds S (the same re-plan run long for the
# fewest moves it finds; default 60, the issue's comparison is 600; 0 skips it)  --base-seconds S (solve of the
# base schedule, default 30)  --change-weight W (default 1000: moves first)  --workers N  --seed N  --season FILE. Scenarios
# (frozen first half): (a) one game postponed, (b) one arena unavailable for a week, (c) one team unavailable
# for 5 days. Last line: {"scenarios": [{"name", "seconds", "moved", "hard_violations", "travel_delta_km",
# "long_run_moved", ...}], ...}; recorded in bench/results/replan-<time>.json. functions/solve/README.md "Re-plan".
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/lib.sh"
source "$(dirname "${BASH_SOURCE[0]}")/lib/results.sh"
OUT="$(mktemp)"
trap 'rm -f "$OUT"' EXIT
bash "$(dirname "${BASH_SOURCE[0]}")/lib/solve-java.sh" io.flextime.solve.bench.ReplanBenchmark "$@" | tee "$OUT" | sed '$d'
bench_result replan "$(tail -n 1 "$OUT")"
