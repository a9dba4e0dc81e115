#!/usr/bin/env bash
# summary: the main job end to end: upload the Big 12 sample → ingest → validate → solve → draft → publish → signed webhook
#
#   ./flextime demo [--tenant T] [--solve-seconds N] [--sample FILE] [--keep-running] [--no-build]
#
# Builds what is missing, starts the local stack, starts the five functions as separate processes
# (one port each, as separate Lambdas would be), a partner receiver that verifies webhook signatures
# and the local scheduler, then uploads the sample and follows the run on Kafka.
set -euo pipefail
cd "$FLEXTIME_ROOT"
source scripts/lib.sh

TENANT="big12-$(date -u +%m%d%H%M%S)"
SOLVE_SECONDS="${FLEXTIME_DEMO_SOLVE_SECONDS:-45}"
SAMPLE="samples/big12-mbb-2025-26/season.json"
KEEP_RUNNING=false
BUILD=true
while [[ $# -gt 0 ]]; do
  case "$1" in
    --tenant) TENANT="$2"; shift 2 ;;
    --solve-seconds) SOLVE_SECONDS="$2"; shift 2 ;;
    --sample) SAMPLE="$2"; shift 2 ;;
    --keep-running) KEEP_RUNNING=true; shift ;;
    --no-build) BUILD=false; shift ;;
    -h|--help) sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "demo: unknown option $1" >&2; exit 2 ;;
  esac
done

FUNCTIONS=(ingest validate solve export backup)
declare -A PORT=([ingest]=8081 [validate]=8082 [solve]=8083 [export]=8084 [backup]=8085)
RECEIVER_PORT="${FLEXTIME_DEMO_RECEIVER_PORT:-8090}"
RUN_DIR="$FT_RUN"
LOG_DIR="$FT_LOGS"
DEMO_DIR="$FT_HOME/demo/$TENANT"
mkdir -p "$RUN_DIR" "$LOG_DIR" "$DEMO_DIR"
TOOLS_CP="tools/target/flextime-tools-1.0.0-SNAPSHOT.jar:tools/target/lib/*"
STARTED_PIDS=()

step() { printf '\n'; ft_step "$*"; }
# The summary reads the demo tenant's rows as the app role under row-level security (never the owner).
psql_tenant() { PGPASSWORD="$FT_PG_APP_PASSWORD" psql -h "$FT_HOST" -p "$FLEXTIME_PG_PORT" -U "$FT_PG_APP" -d "$FT_PG_DB" -q \
  -c "SET flextime.tenant = '$TENANT'" "$@"; }

cleanup() {
  local pid
  for pid in "${STARTED_PIDS[@]:-}"; do
    [[ -n "$pid" ]] && kill "$pid" 2>/dev/null || true
  done
  for pid in "${STARTED_PIDS[@]:-}"; do
    [[ -n "$pid" ]] && wait "$pid" 2>/dev/null || true
  done
  rm -f "$RUN_DIR"/fn-*.pid "$RUN_DIR"/demo-*.pid
}
interrupted() { echo; echo "interrupted: stopping the functions (the stack keeps running; ./flextime stack down stops it)"; exit 130; }
trap interrupted INT TERM
trap '[[ $KEEP_RUNNING == true ]] || cleanup' EXIT

# --- 1. build what is missing -------------------------------------------------------------------
# A function is stale when its app is missing or older than its sources (or core's, or the events').
stale_modules() {
  local fn jar
  local tools_jar=tools/target/flextime-tools-1.0.0-SNAPSHOT.jar
  if [[ ! -f "$tools_jar" || -n "$(find tools/src/main events/src/main -newer "$tools_jar" -type f -print -quit)" ]]; then
    echo tools
  fi
  for fn in "${FUNCTIONS[@]}"; do
    jar="functions/$fn/target/quarkus-app/quarkus-run.jar"
    if [[ ! -f "$jar" || -n "$(find "functions/$fn/src/main" functions/core/src/main events/src/main -newer "$jar" -type f -print -quit)" ]]; then
      echo "functions/$fn"
    fi
  done
}
STALE=$(stale_modules | paste -sd, -)
if [[ -n "$STALE" && $BUILD == true ]]; then
  step "Building ${STALE//,/, } (first run: Maven downloads its dependencies, a few minutes)"
  # -am also builds what they depend on (events, core); tests are the business of ./flextime test.
  mvn -B -DskipTests install -pl "$STALE" -am 2>&1 | tee "$LOG_DIR/demo-build.log" \
    | grep --line-buffered -E '^\[INFO\] Building FlexTime|BUILD (SUCCESS|FAILURE)|^\[ERROR\]|Downloaded from' \
    | sed -u 's/^\[INFO\] /  /; s/^Downloaded from [^:]*: .*\/\([^/]*\)$/  downloaded \1/' || true
  grep -q "BUILD SUCCESS" "$LOG_DIR/demo-build.log" || { echo "build failed: see $LOG_DIR/demo-build.log" >&2; exit 1; }
elif [[ -n "$STALE" ]]; then
  echo "  (--no-build: running the apps as built, although ${STALE//,/, } changed since)"
fi

# --- 2. the local stack ---------------------------------------------------------------------------
step "Starting the local stack"
./flextime stack up | sed 's/^/  /'
# The functions find this stack's endpoints (a worktree's ports differ from the defaults) in stack.env.
ft_load_stack_env

# --- 3. the five functions, one process each -----------------------------------------------------
# The local identity provider (.flextime/identity): every door needs a token it signed. The demo's
# tenant is registered, and the publisher's token subscribes the partner below.
PUBLISHER_TOKEN="$(./flextime token --tenant "$TENANT" --role publisher --ttl 2h --sub demo)"
echo "$TENANT" >"$FT_HOME/demo/last-tenant"
step "Starting the functions"
for fn in "${FUNCTIONS[@]}"; do
  if [[ -f "$RUN_DIR/fn-$fn.pid" ]] && kill -0 "$(cat "$RUN_DIR/fn-$fn.pid")" 2>/dev/null; then
    kill "$(cat "$RUN_DIR/fn-$fn.pid")" 2>/dev/null || true
    sleep 1
  fi
done
# Their consumer groups start at the end of each topic: what is there already (test runs, earlier
# demos) belongs to other tenants and databases. Groups and topics come from the functions' config.
GROUP_SPECS=()
for fn in "${FUNCTIONS[@]}"; do
  props="functions/$fn/src/main/resources/application.properties"
  topics=$(grep -E '^mp\.messaging\.incoming\.[^.]+\.topic=' "$props" | cut -d= -f2 | paste -sd, - || true)
  group=$(grep -m1 -E '^mp\.messaging\.incoming\.[^.]+\.group\.id=' "$props" | cut -d= -f2 || true)
  if [[ -n "$topics" && -n "$group" ]]; then GROUP_SPECS+=("$group=$topics"); fi
done
if [[ ${#GROUP_SPECS[@]} -gt 0 ]]; then
  java -cp "$TOOLS_CP" io.flextime.tools.ConsumerGroupsToEnd "$FT_HOST:$FLEXTIME_KAFKA_PORT" "${GROUP_SPECS[@]}" \
    || echo "  (could not move the consumer groups to the end of their topics; they will skip foreign events one by one)"
fi
for fn in "${FUNCTIONS[@]}"; do
  ! ft_port_open "${PORT[$fn]}" || { echo "port ${PORT[$fn]} (for $fn) is taken by another process" >&2; exit 1; }
  # The solve budget of an auto-solve is the function's flextime.solve.default-time-budget.
  FLEXTIME_HTTP_PORT="${PORT[$fn]}" FLEXTIME_LOCAL_MODE=true QUARKUS_LOG_CONSOLE_JSON_ENABLED=true \
    FLEXTIME_SOLVE_DEFAULT_BUDGET="PT${SOLVE_SECONDS}S" \
    java "${FT_FUNCTION_JVM_FLAGS[@]}" $(ft_appcds_flags "$fn") \
    -jar "functions/$fn/target/quarkus-app/quarkus-run.jar" >"$LOG_DIR/fn-$fn.log" 2>&1 &
  STARTED_PIDS+=($!)
  echo $! >"$RUN_DIR/fn-$fn.pid"
done
for fn in "${FUNCTIONS[@]}"; do
  t0=$SECONDS
  until curl -fs "http://127.0.0.1:${PORT[$fn]}/q/health/ready" >/dev/null 2>&1; do
    if ! kill -0 "$(cat "$RUN_DIR/fn-$fn.pid")" 2>/dev/null || (( SECONDS - t0 > 90 )); then
      echo "  ✗ $fn did not become ready; last lines of $LOG_DIR/fn-$fn.log:" >&2
      tail -n 30 "$LOG_DIR/fn-$fn.log" >&2
      exit 1
    fi
    sleep 0.5
  done
  printf '  ✓ %-9s http://127.0.0.1:%s  (log %s)\n' "$fn" "${PORT[$fn]}" "$LOG_DIR/fn-$fn.log"
done

# --- 4. a partner subscribed to the tenant's schedules ---------------------------------------------
step "Subscribing a partner (local receiver verifying Standard Webhooks signatures)"
SUBSCRIPTION=$(curl -fsS -X POST "http://127.0.0.1:${PORT[export]}/subscribe" -H 'Content-Type: application/json' \
  -H "Authorization: Bearer $PUBLISHER_TOKEN" \
  -d "{\"url\":\"http://127.0.0.1:$RECEIVER_PORT/partners/tv\",\"description\":\"demo partner (TV)\"}")
SECRET=$(grep -o '"secret":"whsec_[^"]*"' <<<"$SUBSCRIPTION" | cut -d'"' -f4)
ENDPOINT=$(grep -o '"id":"ep_[^"]*"' <<<"$SUBSCRIPTION" | head -n1 | cut -d'"' -f4)
[[ -n "$SECRET" ]] || { echo "subscription failed: $SUBSCRIPTION" >&2; exit 1; }
! ft_port_open "$RECEIVER_PORT" || { echo "port $RECEIVER_PORT (partner receiver) is taken" >&2; exit 1; }
java -cp "$TOOLS_CP" io.flextime.tools.PartnerReceiver "$RECEIVER_PORT" "$SECRET" "$DEMO_DIR/received.jsonl" \
  >"$LOG_DIR/demo-receiver.log" 2>&1 &
STARTED_PIDS+=($!)
echo "  ✓ endpoint $ENDPOINT → http://127.0.0.1:$RECEIVER_PORT/partners/tv"

# --- 5. the cloud's part: schedules (EventBridge) --------------------------------------------------
java -cp "$TOOLS_CP" io.flextime.tools.LocalScheduler scripts/schedules.local "$FT_HOME/identity" >"$LOG_DIR/demo-scheduler.log" 2>&1 &
STARTED_PIDS+=($!)

# --- 6. upload and follow the run ------------------------------------------------------------------
step "Running the pipeline for tenant $TENANT (solve budget ${SOLVE_SECONDS} s)"
rm -f "$DEMO_DIR/ready"
rm -f "$DEMO_DIR/draft"
java -cp "$TOOLS_CP" io.flextime.tools.PipelineWatch "$FT_HOST:$FLEXTIME_KAFKA_PORT" "$TENANT" "$SOLVE_SECONDS" \
  $(( SOLVE_SECONDS + 240 )) "$DEMO_DIR/ready" "$DEMO_DIR/summary.json" "$DEMO_DIR/draft" &
WATCH=$!
STARTED_PIDS+=($WATCH)
until [[ -f "$DEMO_DIR/ready" ]]; do kill -0 $WATCH 2>/dev/null || { echo "watcher failed" >&2; exit 1; }; sleep 0.2; done
# The upload prints the ingest function's answer (JSON) after its own line; the watcher shows the stage.
FLEXTIME_INGEST_URL="http://127.0.0.1:${PORT[ingest]}/ingestUpload" ./flextime upload "$SAMPLE" --tenant "$TENANT" \
  | grep --line-buffered -v '^\[' | sed -u 's/^/  /'
# The solved schedule is a draft: nothing reaches partners until a publisher publishes it.
until [[ -f "$DEMO_DIR/draft" ]]; do kill -0 $WATCH 2>/dev/null || break; sleep 0.3; done
if [[ -f "$DEMO_DIR/draft" ]]; then
  DRAFT=$(tr -d '[:space:]' <"$DEMO_DIR/draft")
  echo "  → publishing draft $DRAFT (publishSchedule, publisher token): partners hear of it only now"
  PUBLICATION=$(curl -sS -X POST "http://127.0.0.1:${PORT[export]}/publishSchedule" -H 'Content-Type: application/json' \
    -H "Authorization: Bearer $PUBLISHER_TOKEN" -d "{\"scheduleVersionId\":\"$DRAFT\"}")
  grep -q '"publicationNumber"' <<<"$PUBLICATION" || { echo "  publishSchedule failed: $PUBLICATION" >&2; kill $WATCH 2>/dev/null; exit 1; }
fi
set +e
wait $WATCH
OUTCOME=$?
set -e

# --- 7. summary ------------------------------------------------------------------------------------
step "Summary"
if [[ $OUTCOME -ne 0 ]]; then
  echo "  the run did not complete (see $LOG_DIR/fn-*.log and ./flextime status)"
  exit 1
fi
psql_tenant -At -c "SELECT format('  %s games, total travel %s km, objective %s, gap %s%%', count(g.*),
      round(s.travel_total::numeric), round(s.objective::numeric), round((100 * s.gap)::numeric, 2))
    FROM schedule_version s JOIN game g ON g.schedule_version_id = s.id
    WHERE s.tenant = '$TENANT' GROUP BY s.id ORDER BY s.created_at DESC LIMIT 1"
echo
echo "  team                        travel km   breaks"
psql_tenant -At -F $'\t' -c "SELECT t.key, round(t.value::numeric), coalesce(b.value, '0')
    FROM schedule_version s
    CROSS JOIN LATERAL jsonb_each_text(s.metrics->'travelPerTeam') t
    LEFT JOIN LATERAL jsonb_each_text(s.metrics->'breaksPerTeam') b ON b.key = t.key
    WHERE s.tenant = '$TENANT' ORDER BY t.value::numeric DESC" \
  | while IFS=$'\t' read -r team km breaks; do printf '  %-28s %9s   %6s\n' "$team" "$km" "$breaks"; done
echo
MANIFEST=$(grep -o '"manifestKey" *: *"[^"]*"' "$DEMO_DIR/summary.json" | head -n 1 | cut -d'"' -f4)
echo "  exports: s3://flextime-exports/${MANIFEST%manifest.json}"
# "file" is each object's full key; show it relative to the export folder.
grep -o '"file" *: *"[^"]*"' "$DEMO_DIR/summary.json" | cut -d'"' -f4 | sort -u | sed "s|^${MANIFEST%manifest.json}||; s|^|    |"
echo "    manifest.json"
SCHEDULE_VERSION=$(grep -o '"scheduleVersionId" *: *"[^"]*"' "$DEMO_DIR/summary.json" | head -n 1 | cut -d'"' -f4)
echo "  download links (pre-signed, 1 h): curl -s localhost:${PORT[export]}/exports -H 'content-type: application/json' \\"
echo "    -H \"Authorization: Bearer \$(./flextime token --tenant $TENANT --role viewer)\" -d '{\"scheduleVersionId\":\"$SCHEDULE_VERSION\"}'"
echo
VERIFIED=$(grep -c '"verified":true' "$DEMO_DIR/received.jsonl" 2>/dev/null || true)
echo "  partner deliveries verified: ${VERIFIED:-0} (in $DEMO_DIR/received.jsonl)"
echo "  audit trail: curl -s localhost:${PORT[ingest]}/auditEvents -H 'content-type: application/json' \\"
echo "    -H \"Authorization: Bearer \$(./flextime token --tenant $TENANT --role operator)\" -d '{}'"
echo "  status of this run (functions running): ./flextime status --tenant $TENANT"
if [[ $KEEP_RUNNING == true ]]; then
  echo "  functions keep running (--keep-running); stop them with Ctrl-C"
  trap cleanup INT TERM
  wait
fi
