#!/usr/bin/env bash
# summary: p50/p99 of the read doors (run status, export listing, solve status) at 200 connections for 30 s each (wrk)
#
# Starts ingest, validate, solve and export on free ports (consumer groups <fn>-bench, moved to the end of
# their topics), runs the Big 12 sample through them once (solve budget 10 s) so the doors answer with
# real data, then loads each read door with wrk (Debian's `wrk`, installed if missing): BENCH_CONNECTIONS
# (200) connections, BENCH_SECONDS (30) s, 2 threads, one door after the other. Client and functions share
# this machine's cores. Target (issue 22): p99 < 20 ms on every read door. Last line: one JSON object
# {"doors": {door: {"p50_ms", "p90_ms", "p99_ms", "requests_per_s", "non_2xx", "socket_errors", "timeouts"}},
#  "p50_ms", "p99_ms" (the worst door's; a door with timeouts counts BENCH_TIMEOUT, 20 s), ...}; the run
# is recorded in bench/results/.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/lib.sh"
source "$(dirname "${BASH_SOURCE[0]}")/lib/results.sh"
cd "$FLEXTIME_ROOT"

CONNECTIONS="${BENCH_CONNECTIONS:-200}"
SECONDS_PER_DOOR="${BENCH_SECONDS:-30}"
FUNCTIONS=(ingest validate solve export)
JVM_FLAGS=(-Xms64m -Xmx768m -XX:+UseSerialGC)
WORK="$FT_HOME/bench/http"
mkdir -p "$WORK" "$FT_LOGS"

command -v wrk >/dev/null 2>&1 || ft_apt_install wrk >&2
"$FLEXTIME_ROOT/flextime" stack status >/dev/null || "$FLEXTIME_ROOT/flextime" stack up >&2
ft_load_stack_env

ft_step "Building the functions and tools (mvn package)" >&2
mvn -B -q -DskipTests package -pl "$(printf 'functions/%s,' "${FUNCTIONS[@]}")tools" -am \
  >"$FT_LOGS/bench-http-build.log" 2>&1 || { ft_tail_log "$FT_LOGS/bench-http-build.log"; ft_die "build failed"; }
TOOLS_CP="tools/target/flextime-tools-1.0.0-SNAPSHOT.jar:tools/target/lib/*"

declare -A PORT
PIDS=()
cleanup() { local p; for p in "${PIDS[@]:-}"; do [[ -n "$p" ]] && kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT
next_port=18300
take_port() { # sets PORT[$1] to the next free port (not in a subshell: next_port must advance)
  while ft_port_open "$next_port"; do next_port=$((next_port + 1)); done
  PORT[$1]="$next_port"; next_port=$((next_port + 1))
}

TENANT="bench-http-$(date +%s)"
# Every door verifies a bearer token (the Door table): a viewer's of the run's tenant for all three (minted
# before the functions start, so the local identity provider's keys exist when they read its JWKS).
BENCH_AUTHORIZATION="${BENCH_AUTHORIZATION:-Bearer $("$FLEXTIME_ROOT/flextime" token --tenant "$TENANT" --role viewer --ttl 2h --sub bench-http)}"

ft_step "Starting ${FUNCTIONS[*]}" >&2
specs=()
for fn in "${FUNCTIONS[@]}"; do
  props="functions/$fn/src/main/resources/application.properties"
  topics=$(grep -E '^mp\.messaging\.incoming\.[^.]+\.topic=' "$props" | cut -d= -f2 | paste -sd, - || true)
  [[ -z "$topics" ]] || specs+=("$fn-bench=$topics")
done
java -cp "$TOOLS_CP" io.flextime.tools.ConsumerGroupsToEnd "$FT_HOST:$FLEXTIME_KAFKA_PORT" "${specs[@]}" >&2
for fn in "${FUNCTIONS[@]}"; do
  take_port "$fn"
  props="functions/$fn/src/main/resources/application.properties"
  opts=()
  for ch in $(grep -E '^mp\.messaging\.incoming\.[^.]+\.topic=' "$props" | sed -E 's/^mp\.messaging\.incoming\.([^.]+)\..*/\1/'); do
    opts+=("-Dmp.messaging.incoming.$ch.group.id=$fn-bench")
  done
  FLEXTIME_HTTP_PORT="${PORT[$fn]}" FLEXTIME_LOCAL_MODE=true QUARKUS_LOG_CONSOLE_JSON_ENABLED=false \
    FLEXTIME_SOLVE_DEFAULT_BUDGET=PT10S \
    java "${JVM_FLAGS[@]}" "${opts[@]}" -jar "functions/$fn/target/quarkus-app/quarkus-run.jar" >"$FT_LOGS/bench-http-$fn.log" 2>&1 &
  PIDS+=($!)
done
for fn in "${FUNCTIONS[@]}"; do
  for _ in $(seq 1 360); do curl -fs -o /dev/null "http://$FT_HOST:${PORT[$fn]}/q/health/ready" && break; sleep 0.5; done
  curl -fs -o /dev/null "http://$FT_HOST:${PORT[$fn]}/q/health/ready" || { ft_tail_log "$FT_LOGS/bench-http-$fn.log"; ft_die "$fn did not start"; }
done

ft_step "One run of the Big 12 sample for tenant $TENANT (the doors' data)" >&2
FLEXTIME_INGEST_URL="http://$FT_HOST:${PORT[ingest]}/ingestUpload" \
  "$FLEXTIME_ROOT/flextime" upload samples/big12-mbb-2025-26/season.json --tenant "$TENANT" >&2
psql_owner() { PGPASSWORD="$FT_PG_OWNER_PASSWORD" "$FT_PG_BIN/psql" -X -qAt -h "$FT_HOST" -p "$FLEXTIME_PG_PORT" -U "$FT_PG_OWNER" -d "$FT_PG_DB" "$@"; }
for _ in $(seq 1 240); do
  [[ "$(psql_owner -c "SELECT count(*) FROM pipeline_event WHERE tenant = '$TENANT' AND type = 'flextime.export.completed.v1'")" == 1 ]] && break
  sleep 1
done
SEASON="$(psql_owner -c "SELECT season FROM schedule_version WHERE tenant = '$TENANT' LIMIT 1")"
JOB="$(psql_owner -c "SELECT id FROM solve_job WHERE tenant = '$TENANT' LIMIT 1")"
[[ -n "$SEASON" && -n "$JOB" ]] || ft_die "the run of $TENANT did not complete (logs: $FT_LOGS/bench-http-*.log)"

# wrk's done() hook prints the figures as one JSON line (latencies in microseconds).
door() { # name url json-body
  local name="$1" url="$2" body="$3" script="$WORK/$1.lua" auth=""
  # (a ${var:+...} expansion in the here-document would drop these quotes: every request was a 401 then)
  [[ -z "$BENCH_AUTHORIZATION" ]] || auth="wrk.headers[\"Authorization\"] = \"$BENCH_AUTHORIZATION\""
  cat >"$script" <<LUA
wrk.method = "POST"
wrk.body = '$body'
wrk.headers["Content-Type"] = "application/json"
$auth
function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format('WRK {"p50_ms":%.3f,"p90_ms":%.3f,"p99_ms":%.3f,"max_ms":%.3f,"requests":%d,"requests_per_s":%.1f,"non_2xx":%d,"socket_errors":%d,"timeouts":%d}\n',
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    summary.requests, summary.requests / (summary.duration / 1e6), e.status, e.connect + e.read + e.write + e.timeout, e.timeout))
end
LUA
  ft_step "$name: $url, $CONNECTIONS connections, ${SECONDS_PER_DOOR} s" >&2
  curl -fsS -o /dev/null -H 'Content-Type: application/json' ${BENCH_AUTHORIZATION:+-H "Authorization: $BENCH_AUTHORIZATION"} \
    -d "$body" "$url" || ft_die "$name does not answer 2xx: curl -d '$body' $url"
  # wrk drops an answer slower than its timeout from the latencies (a socket error instead): the timeout
  # is long enough that a slow door shows as slow, not as missing.
  wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_PER_DOOR}s" --timeout "${BENCH_TIMEOUT:-20}s" --latency -s "$script" "$url" \
    >"$WORK/$name.out" 2>&1
  grep -q "^WRK " "$WORK/$name.out" || { cat "$WORK/$name.out" >&2; ft_die "$name: wrk printed no figures"; }
  # Figures of refused or failed requests measure the refusal, not the door.
  grep -q '"non_2xx":0,' "$WORK/$name.out" || { cat "$WORK/$name.out" >&2; ft_die "$name: answers that are not 2xx (above)"; }
  sed -n 's/^WRK //p' "$WORK/$name.out"
}

declare -A RESULT
RESULT[status]="$(door status "http://$FT_HOST:${PORT[ingest]}/pipelineRuns" "{\"tenant\":\"$TENANT\"}")"
RESULT[export_listing]="$(door export_listing "http://$FT_HOST:${PORT[export]}/exports" "{\"tenant\":\"$TENANT\",\"season\":\"$SEASON\"}")"
RESULT[solve_status]="$(door solve_status "http://$FT_HOST:${PORT[solve]}/solveStatus" "{\"tenant\":\"$TENANT\",\"jobId\":\"$JOB\"}")"

doors="" worst50=0 worst99=0
for d in status export_listing solve_status; do
  r="${RESULT[$d]}"
  [[ -n "$r" ]] || ft_die "no figures for $d (see $WORK/$d.out)"
  p50="$(sed -n 's/.*"p50_ms":\([0-9.]*\).*/\1/p' <<<"$r")"; p99="$(sed -n 's/.*"p99_ms":\([0-9.]*\).*/\1/p' <<<"$r")"
  timeouts="$(sed -n 's/.*"timeouts":\([0-9]*\).*/\1/p' <<<"$r")"
  if (( timeouts > 0 )); then # those answers took longer than the timeout: the door's p99 is at least that
    echo "  $d: $timeouts request(s) without an answer within ${BENCH_TIMEOUT:-20} s" >&2
    p99="$(awk -v a="$p99" -v t="${BENCH_TIMEOUT:-20}" 'BEGIN { print (a > t * 1000 ? a : t * 1000) }')"
  fi
  printf '  %-15s p50 %8.2f ms   p99 %8.2f ms   %s\n' "$d" "$p50" "$p99" "$r" >&2
  worst50="$(awk -v a="$worst50" -v b="$p50" 'BEGIN { print (b > a ? b : a) }')"
  worst99="$(awk -v a="$worst99" -v b="$p99" 'BEGIN { print (b > a ? b : a) }')"
  doors+="\"$d\":$r,"
done
bench_result http "$(printf '{"connections":%s,"seconds_per_door":%s,"threads":2,"timeout_s":%s,"tool":"wrk %s","doors":{%s},"p50_ms":%s,"p99_ms":%s,"target_p99_ms":20}' \
  "$CONNECTIONS" "$SECONDS_PER_DOOR" "${BENCH_TIMEOUT:-20}" "$(wrk --version 2>&1 | head -n1 | awk '{print $2}')" "${doors%,}" "$worst50" "$worst99")"
