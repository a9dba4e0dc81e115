#!/usr/bin/env bash
# summary: each function's JVM start to ready: java -jar quarkus-run.jar until /q/health/ready answers 200 (3 runs each)
#
# Builds the five functions (mvn package; BENCH_FUNCTIONS="solve backup" for some), then starts each one alone, BENCH_RUNS times (default 3), on
# the local stack with the demo's JVM flags, and times spawn -> first 200 from /q/health/ready (every
# dependency's check up, Kafka consumers connected). Also prints Quarkus' own "started in" figure. Each
# run consumes in a consumer group of its own, from the end of its topics, so nothing else is disturbed.
# Also the CPU the JVM had used when it became ready (user + system, /proc): on a shared machine the wall
# time follows the load, the CPU time does not. Target (issue 22): each function ready in < 2 s on the
# JVM here. Last line: one JSON object {"runs", "jvm_flags", "functions": {fn: {"ready_s": [...],
# "median_ready_s", "cpu_s": [...], "median_cpu_s", "quarkus_started_s"}}, "max_median_ready_s",
# "load_avg_1m"}; the run is recorded in bench/results/.
#
# AppCDS (BENCH_APPCDS=1, the default): before the timed runs each function is started once more (its
# "training" start, timed too: cold_ready_s / cold_cpu_s) with -XX:ArchiveClassesAtExit, stopped once ready,
# so the JVM writes every class it loaded up to ready into target/quarkus-app/app-cds-dynamic.jsa; the
# timed runs map that archive (-XX:SharedArchiveFile) instead of loading and verifying those classes from
# the jars. The archive belongs to this JVM build and this classpath: it is made where it is used (Quarkus'
# quarkus.package.jar.appcds.enabled archives only what static init loads, not the clients started at run
# time). BENCH_APPCDS=0 measures without.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/lib.sh"
source "$(dirname "${BASH_SOURCE[0]}")/lib/results.sh"
cd "$FLEXTIME_ROOT"

RUNS="${BENCH_RUNS:-3}"
APPCDS="${BENCH_APPCDS:-1}"
FUNCTIONS=(${BENCH_FUNCTIONS:-ingest validate solve export backup})
JVM_FLAGS=("${FT_FUNCTION_JVM_FLAGS[@]}") # the demo's (scripts/lib.sh)
mkdir -p "$FT_HOME/bench" "$FT_LOGS"

"$FLEXTIME_ROOT/flextime" stack status >/dev/null || "$FLEXTIME_ROOT/flextime" stack up >&2
ft_load_stack_env

ft_step "Building the functions (mvn package)" >&2
mvn -B -q -DskipTests package -pl "$(printf 'functions/%s,' "${FUNCTIONS[@]}" | sed 's/,$//')" -am \
  >"$FT_LOGS/bench-startup-build.log" 2>&1 || { ft_tail_log "$FT_LOGS/bench-startup-build.log"; ft_die "build failed"; }

free_port() {
  local p
  for p in $(seq 18180 18299); do ft_port_open "$p" || { echo "$p"; return; }; done
  ft_die "no free port in 18180-18299"
}

median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2) }'; }

json_fns=""
max_median=0
for fn in "${FUNCTIONS[@]}"; do
  props="functions/$fn/src/main/resources/application.properties"
  channels=$(grep -E '^mp\.messaging\.incoming\.[^.]+\.topic=' "$props" | sed -E 's/^mp\.messaging\.incoming\.([^.]+)\.topic=.*/\1/' || true)
  readies=() started=() cpus=() cold_ready=null cold_cpu=null
  archive="functions/$fn/target/quarkus-app/app-cds-dynamic.jsa"
  rm -f "$archive"
  first=1; [[ "$APPCDS" == 1 ]] && first=0
  for run in $(seq "$first" "$RUNS"); do
    port="$(free_port)"
    cds=()
    # no archive yet (removed above): the training start writes it; the timed starts map it
    if [[ "$APPCDS" == 1 ]]; then read -r -a cds <<<"$(ft_appcds_flags "$fn")"; fi
    opts=()
    for ch in $channels; do
      opts+=("-Dmp.messaging.incoming.$ch.group.id=bench-startup-$fn-$$-$run" "-Dmp.messaging.incoming.$ch.auto.offset.reset=latest")
    done
    log="$FT_LOGS/bench-startup-$fn-$run.log"
    t0="$(ft_now)"
    FLEXTIME_HTTP_PORT="$port" FLEXTIME_LOCAL_MODE=true QUARKUS_LOG_CONSOLE_JSON_ENABLED=false \
      java "${JVM_FLAGS[@]}" "${cds[@]}" "${opts[@]}" -jar "functions/$fn/target/quarkus-app/quarkus-run.jar" >"$log" 2>&1 &
    pid=$!
    until curl -fs -o /dev/null "http://$FT_HOST:$port/q/health/ready"; do
      if ! kill -0 "$pid" 2>/dev/null || (( $(awk -v s="$t0" -v n="$(ft_now)" 'BEGIN { print (n - s > 180) }') )); then
        kill "$pid" 2>/dev/null || true
        ft_tail_log "$log"; ft_die "$fn did not become ready"
      fi
      sleep 0.02
    done
    t1="$(ft_now)"
    cpu="$(awk -v t="$(getconf CLK_TCK)" '{ sub(/^.*\) /, ""); printf "%.2f", ($12 + $13) / t }' "/proc/$pid/stat")"
    kill "$pid"; wait "$pid" 2>/dev/null || true
    ready="$(awk -v s="$t0" -v e="$t1" 'BEGIN { printf "%.2f", e - s }')"
    quarkus="$(sed -n 's/.* started in \([0-9.]*\)s.*/\1/p' "$log" | head -n 1)"
    if (( run == 0 )); then # the training start: the JVM wrote the archive as it exited
      [[ -s "$archive" ]] || { ft_tail_log "$log"; ft_die "$fn: no AppCDS archive written"; }
      cold_ready="$ready" cold_cpu="$cpu"
      printf '  %-9s cold (writes the AppCDS archive): ready %6.2f s, %5.2f CPU-s\n' "$fn" "$ready" "$cpu" >&2
      continue
    fi
    readies+=("$ready"); started+=("${quarkus:-null}"); cpus+=("$cpu")
    printf '  %-9s run %d: ready %6.2f s, %5.2f CPU-s  (Quarkus: started in %s s)\n' "$fn" "$run" "$ready" "$cpu" "${quarkus:-?}" >&2
  done
  med="$(printf '%s\n' "${readies[@]}" | median)"
  med_q="$(printf '%s\n' "${started[@]}" | grep -v null | median || echo null)"
  med_cpu="$(printf '%s\n' "${cpus[@]}" | median)"
  max_median="$(awk -v a="$max_median" -v b="$med" 'BEGIN { print (b > a ? b : a) }')"
  json_fns+="$(printf '"%s":{"ready_s":[%s],"median_ready_s":%s,"cpu_s":[%s],"median_cpu_s":%s,"quarkus_started_s":%s,"cold_ready_s":%s,"cold_cpu_s":%s},' "$fn" \
    "$(IFS=,; echo "${readies[*]}")" "$med" "$(IFS=,; echo "${cpus[*]}")" "$med_cpu" "${med_q:-null}" "$cold_ready" "$cold_cpu")"
done

bench_result startup "$(printf '{"runs":%s,"jvm_flags":"%s","appcds":%s,"functions":{%s},"max_median_ready_s":%s,"target_s":2}' \
  "$RUNS" "${JVM_FLAGS[*]}" "$([[ "$APPCDS" == 1 ]] && echo true || echo false)" "${json_fns%,}" "$max_median")"
