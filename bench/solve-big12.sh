#!/usr/bin/env bash
# summary: CP-SAT engine on the Big 12 men's basketball sample: time to first feasible, objective, bound, gap
#
# Options: --time-limit SECONDS (default 60)  --workers N  --season FILE (default
# samples/big12-mbb-2025-26/season.json)  --overhead true (solve twice, with and without a listener that
# serializes every incumbent). Last line: {"first_feasible_s", "objective", "bound", "gap",
# "checkpoint_overhead", ...}; checkpoint_overhead is null here (the Redis checkpoints belong to the
# job side, see functions/solve/README.md).
set -euo pipefail
exec bash "$(dirname "${BASH_SOURCE[0]}")/lib/solve-java.sh" io.flextime.solve.bench.Big12Benchmark "$@"
