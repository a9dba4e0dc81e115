#!/usr/bin/env bash
# summary: CP-SAT engine on the ITC2021 instances (Early, Middle, Test): feasibility and ratio to best known
#
# Options: --instances Early_1,Test4,... (default: all 38)  --time-limit SECONDS per instance (default
# 600, the issue's budget: 6+ hours for all; pass a shorter limit for a quick look)  --workers N.
# Reads data/itc2021 (--data DIR for another copy). Prints a table; the last line is {"results": [...], "feasible",
# "total", "median_ratio"}.
set -euo pipefail
exec bash "$(dirname "${BASH_SOURCE[0]}")/lib/solve-java.sh" io.flextime.solve.bench.SolveBenchmark itc "$@"
