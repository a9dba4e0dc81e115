#!/usr/bin/env bash
# summary: export: every format of the Big 12 sample (< 1 s), its analytics reports, and one webhook fanned out to 1,000 local endpoints (< 5 s)
#
# Runs functions/export's ExportBenchmark (a @QuarkusTest that surefire's default includes skip) on
# the local stack, prints its figures, and ends with one JSON line:
#   {"all_formats_s": …, "all_formats_cold_s": …, "files": …, "reports_s": …, "reports_cold_s": …,
#    "fanout_endpoints": 1000, "fanout_s": …}
# reports_s: figures, comparison and both reports in HTML and PDF (median of 7 warm runs).
# all_formats_s is the median of 7 warm renders (a warm Lambda); all_formats_cold_s the first render
# in a fresh JVM.
set -euo pipefail
cd "$FLEXTIME_ROOT"
./flextime stack up >/dev/null
mvn -B -q -pl functions/export -am install -DskipTests
rm -f functions/export/target/bench-export.json
mvn -B -pl functions/export surefire:test -Dtest=ExportBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  | grep -E "Tests run:|FAIL" || true
if [[ ! -s functions/export/target/bench-export.json ]]; then
  echo "export benchmark failed: see functions/export/target/surefire-reports" >&2
  exit 1
fi
cat functions/export/target/bench-export.json
