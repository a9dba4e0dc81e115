# Sourced by the benchmarks (not a benchmark itself): records a run's figures.
#   bench_result NAME JSON   writes bench/results/<NAME>-<UTC time>.json (the JSON plus when, where, and on
#                            which commit it ran) and prints JSON as the last output line.
# shellcheck shell=bash
bench_result() {
  local name="$1" json="$2" dir="$FLEXTIME_ROOT/bench/results" stamp commit
  stamp="$(date -u +%Y%m%dT%H%M%SZ)"
  commit="$(git -C "$FLEXTIME_ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)"
  mkdir -p "$dir"
  printf '{"bench":"%s","at":"%s","commit":"%s%s","cores":%s,"load_avg_1m":%s,"result":%s}\n' "$name" "$stamp" "$commit" \
    "$(git -C "$FLEXTIME_ROOT" diff --quiet HEAD 2>/dev/null || echo '+changes')" "$(nproc)" \
    "$(cut -d' ' -f1 /proc/loadavg)" "$json" >"$dir/$name-$stamp.json"
  echo "  (recorded in bench/results/$name-$stamp.json)" >&2
  printf '%s\n' "$json"
}
