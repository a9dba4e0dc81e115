#!/usr/bin/env bash
# summary: validate: 1,000,000 historical-game rows of a dataset version (< 10 s) and the feasibility pass on every ITC2021 instance (< 2 s each)
#
# Runs functions/validate's ValidateBenchmark (a @QuarkusTest that surefire's default includes skip)
# on the local stack. It looks for the dataset version holding the million historical games in the
# validate test database and, when there is none, generates and loads them with one
# INSERT … SELECT generate_series as the owner (set-up, not timed). Timed: the function's whole
# validation of that version (row checks in PostgreSQL, season checks, score, report to S3 and
# PostgreSQL, quarantine, decision; the CP-SAT probe is off as by configuration), then the checks of
# every ITC2021 instance in data/itc2021. Ends with one JSON line:
#   {"rows": 1000000, "seconds": …, "itc_max_seconds": …, …}
set -euo pipefail
cd "$FLEXTIME_ROOT"
./flextime stack up >/dev/null
mvn -B -q -pl functions/validate -am install -DskipTests
rm -f functions/validate/target/bench-validate.json functions/validate/target/bench-validate.txt
mvn -B -pl functions/validate surefire:test -Dtest=ValidateBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  | grep -E "Tests run:|FAIL" || true
cat functions/validate/target/bench-validate.txt 2>/dev/null || true
if [[ ! -s functions/validate/target/bench-validate.json ]]; then
  echo "validate benchmark failed: see functions/validate/target/surefire-reports" >&2
  exit 1
fi
cat functions/validate/target/bench-validate.json
