#!/usr/bin/env bash
# summary: dead-lettered events: dlq list | show DLQ [--tenant T] [--run ID] [--event ID] | replay DLQ (filters | --all) [--dry-run]
#
# Reads the consumers' dead-letter topics (ingest.dlq, validate.dlq, solve.dlq, export.dlq) on the local
# stack's broker (io.flextime.tools.DeadLetters). `replay` sends each chosen record back to the topic it
# came from, with its key, value and original headers (plus flextime-redriven-from): the consumers are
# idempotent by event id, so a record replayed twice has one effect, and one that fails again comes back
# to the DLQ with its new reason. Set FLEXTIME_KAFKA_BOOTSTRAP to read another broker.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$FLEXTIME_ROOT"

case "${1:-}" in
  ""|-h|--help) sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
esac

bootstrap="${FLEXTIME_KAFKA_BOOTSTRAP:-$FT_HOST:$FLEXTIME_KAFKA_PORT}"
[[ -n "${FLEXTIME_KAFKA_BOOTSTRAP:-}" ]] || ft_port_open "$FLEXTIME_KAFKA_PORT" || ft_die "Kafka is not running: ./flextime stack up"

tools_jar=tools/target/flextime-tools-1.0.0-SNAPSHOT.jar
if [[ ! -f "$tools_jar" || -n "$(find tools/src/main events/src/main -newer "$tools_jar" -type f -print -quit)" ]]; then
  mkdir -p "$FT_LOGS"
  ft_step "Building the tools" >&2
  # package, not install: the reactor resolves events from its own target/.
  mvn -B -q -pl tools -am package -DskipTests >"$FT_LOGS/dlq-build.log" 2>&1 \
    || { ft_tail_log "$FT_LOGS/dlq-build.log"; ft_die "build failed"; }
fi
exec java -cp "$tools_jar:tools/target/lib/*" io.flextime.tools.DeadLetters "$bootstrap" "$@"
