#!/usr/bin/env bash
# summary: CP-SAT engine on the Big 12 men's basketball sample: time to first feasible, objective, bound, gap
#
# Options: --time-limit SECONDS (default 60)  --workers N  --season FILE (default
# samples/big12-mbb-2025-26/season.json)  --overhead true (solve twice, with and without a listener that
# serializes every incumbent)  --checkpoints false (skip the second solve). Last line: {"first_feasible_s",
# "objective", "bound", "gap", "checkpoint_overhead", ...}. checkpoint_overhead: the same solve run again
# through the job's checkpoint path (InvocationMonitor writing to the local stack's Redis, started here
# when down); the checkpoint thread's CPU time / the solve's wall time (functions/solve/README.md).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/lib.sh"
"$FLEXTIME_ROOT/flextime" stack status >/dev/null || "$FLEXTIME_ROOT/flextime" stack up >&2
exec bash "$(dirname "${BASH_SOURCE[0]}")/lib/solve-java.sh" io.flextime.solve.bench.Big12Benchmark "$@"
