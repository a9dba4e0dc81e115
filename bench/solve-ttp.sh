#!/usr/bin/env bash
# summary: CP-SAT engine on Traveling Tournament instances (NL4..NL12): travel vs best known, per instance
#
# Options: --instances NL4,NL6,... (default NL4,NL6,NL8,NL10,NL12)  --time-limit SECONDS per instance
# (default 60)  --workers N (default: all cores). Reads data/ttp (--data DIR for another copy). Prints a table; the last
# line is {"results": [{"instance","status","objective","best_known","ratio","seconds","feasible",...}],
# "feasible", "total", "median_ratio"}.
set -euo pipefail
exec bash "$(dirname "${BASH_SOURCE[0]}")/lib/solve-java.sh" io.flextime.solve.bench.SolveBenchmark ttp "$@"
