#!/usr/bin/env bash
# Shared by solve-ttp.sh, solve-itc.sh and solve-big12.sh (not a benchmark itself): builds the solve
# function with its test classes and runs a benchmark main from them. Usage: solve-java.sh MAIN [args...]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../../scripts/lib.sh"
cd "$FLEXTIME_ROOT"
mkdir -p "$FT_HOME/bench" "$FT_LOGS"
LOG="$FT_LOGS/bench-solve-build.log"
CP_FILE="$FT_HOME/bench/solve-test.classpath"

ft_step "Building the solve function and its benchmark mains" >&2
# -am builds what solve needs (events, core, ingest's readers) in the same reactor, without installing
# anything into ~/.m2: the classpath points at each module's target/ folders, so two checkouts (or a
# build in another worktree) never mix their snapshots.
mvn -B -q -pl functions/solve -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile=target/bench.classpath >"$LOG" 2>&1 \
  || { ft_tail_log "$LOG"; ft_die "build failed"; }
cp functions/solve/target/bench.classpath "$CP_FILE"

main="$1"; shift
exec java -cp "functions/solve/target/test-classes:functions/solve/target/classes:$(cat "$CP_FILE")" "$main" "$@"
