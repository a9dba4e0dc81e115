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
# -am builds what solve needs (events, and core, whose readers load the instances).
mvn -B -q -pl functions/solve -am install -DskipTests >"$LOG" 2>&1 \
  && mvn -B -q -pl functions/solve test-compile dependency:build-classpath -Dmdep.includeScope=test \
       -Dmdep.outputFile="$CP_FILE" >>"$LOG" 2>&1 \
  || { ft_tail_log "$LOG"; ft_die "build failed"; }

main="$1"; shift
exec java -cp "functions/solve/target/test-classes:functions/solve/target/classes:$(cat "$CP_FILE")" "$main" "$@"
