#!/usr/bin/env bash
# summary: pipeline runs by correlation id: stages, durations, outcomes, errors  [--tenant T] [--limit N] [RUN_ID]
#
# Reads the pipeline event log (table pipeline_event, written by every function as it publishes) as
# the schema owner, so it sees every tenant. The same view per tenant is served over HTTP by the
# ingest function: POST /pipelineRuns {"tenant":"big12"} and POST /pipelineRun {"tenant":..,"correlationId":..}.
set -euo pipefail
cd "$FLEXTIME_ROOT"
source scripts/lib.sh

TENANT=""
LIMIT=10
RUN=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --tenant) TENANT="$2"; shift 2 ;;
    --limit) LIMIT="$2"; shift 2 ;;
    -h|--help) sed -n '2,7p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) RUN="$1"; shift ;;
  esac
done
[[ "$TENANT" =~ ^[a-z0-9-]*$ && "$LIMIT" =~ ^[0-9]+$ && "$RUN" =~ ^[A-Za-z0-9-]*$ ]] || { echo "status: invalid argument" >&2; exit 2; }
ft_port_open "$FLEXTIME_PG_PORT" || ft_die "PostgreSQL is not running: ./flextime stack up"

PGPASSWORD="$FT_PG_OWNER_PASSWORD" psql -h "$FT_HOST" -p "$FLEXTIME_PG_PORT" -U "$FT_PG_OWNER" -d "${FLEXTIME_DB_NAME:-$FT_PG_DB}" -qAt -F '|' <<SQL |
WITH runs AS (
  SELECT correlation_id, tenant, min(event_time) AS started, max(event_time) AS last
  FROM pipeline_event
  WHERE ('$TENANT' = '' OR tenant = '$TENANT') AND ('$RUN' = '' OR correlation_id = '$RUN')
  GROUP BY correlation_id, tenant ORDER BY max(event_time) DESC LIMIT $LIMIT
), stage_events AS (
  SELECT e.correlation_id, e.event_time, e.type, e.summary,
         CASE split_part(e.type, '.', 2) || '.' || split_part(e.type, '.', 3)
           WHEN 'dataset.ingested' THEN 'ingest' WHEN 'dataset.ingest-failed' THEN 'ingest'
           WHEN 'dataset.validated' THEN 'validate' WHEN 'dataset.rejected' THEN 'validate'
           WHEN 'schedule.solved' THEN 'solve' WHEN 'schedule.infeasible' THEN 'solve'
           WHEN 'export.completed' THEN 'export'
           WHEN 'webhook.delivered' THEN 'webhook' WHEN 'webhook.dead-lettered' THEN 'webhook'
           WHEN 'pipeline.alert' THEN 'alert' END AS stage,
         CASE WHEN e.type ~ '(ingest-failed|rejected|infeasible|dead-lettered)' THEN 'FAILED' ELSE 'ok' END AS outcome
  FROM pipeline_event e JOIN runs r USING (correlation_id)
)
SELECT 'run', r.correlation_id, r.tenant, to_char(r.started, 'YYYY-MM-DD HH24:MI:SS'),
       CASE WHEN EXISTS (SELECT 1 FROM stage_events s WHERE s.correlation_id = r.correlation_id AND s.outcome = 'FAILED') THEN 'FAILED'
            WHEN EXISTS (SELECT 1 FROM stage_events s WHERE s.correlation_id = r.correlation_id AND s.stage = 'export') THEN 'SUCCEEDED'
            ELSE 'RUNNING' END, '', r.last
FROM runs r
UNION ALL
SELECT 'stage', s.correlation_id, s.stage, to_char(s.event_time, 'HH24:MI:SS.MS'), s.outcome,
       CASE WHEN s.stage = 'alert' THEN s.summary->>'severity' || ': ' || (s.summary->>'message')
            ELSE coalesce(round(extract(epoch FROM s.event_time - lag(s.event_time) OVER (PARTITION BY s.correlation_id ORDER BY s.event_time))::numeric, 1)::text || ' s', '') END,
       s.event_time
FROM stage_events s WHERE s.stage IS NOT NULL
ORDER BY 2, 1, 7
SQL
while IFS='|' read -r kind a b c d e _; do
  if [[ "$kind" == run ]]; then
    printf '\nrun %s  tenant %s  started %s  %s\n' "$a" "$b" "$c" "$d"
  else
    printf '  %-9s %-12s %-9s %s\n' "$b" "$c" "$d" "$e"
  fi
done
