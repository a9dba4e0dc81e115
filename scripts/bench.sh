#!/usr/bin/env bash
# summary: run a benchmark: ./flextime bench <name> [options]  (ingest, validate, solve-ttp, solve-itc, solve-big12, real-seasons, replan, export, backup, http, startup)
#
# Each benchmark is bench/<name>.sh. Benchmarks are not tests: they print figures, and their last
# output line is one JSON object with the figures (see each issue / bench/README.md).
set -euo pipefail
cd "$FLEXTIME_ROOT"

list() {
  local f
  for f in bench/*.sh; do
    [[ -e "$f" ]] || continue
    printf '  %-14s %s\n' "$(basename "$f" .sh)" "$(sed -n 's/^# summary: *//p' "$f" | head -n 1)"
  done
}

name="${1:-}"
if [[ -z "$name" || "$name" == "-h" || "$name" == "--help" ]]; then
  echo "usage: ./flextime bench <name> [options]"
  echo
  list
  exit 0
fi
shift
if [[ ! "$name" =~ ^[a-z][a-z0-9-]*$ || ! -f "bench/$name.sh" ]]; then
  echo "flextime bench: unknown benchmark '$name'" >&2
  list >&2
  exit 2
fi
exec bash "bench/$name.sh" "$@"
