#!/usr/bin/env bash
# summary: pipeline runs of a tenant by correlation id: stages, durations, outcomes, errors  [--tenant T] [--limit N] [RUN_ID]
#
# Asks the ingest function's pipelineRuns / pipelineRun doors (it serves the pipeline-wide views), as a
# viewer of the tenant with a token of the local identity provider (./flextime token): the same view,
# and the same authorization, as any client. The tenant defaults to the last demo run's. The ingest
# function must run (./flextime demo --keep-running, or FLEXTIME_INGEST_URL for another one).
# An event a consumer dead-lettered shows as its stage FAILED with the reason (./flextime dlq to replay it).
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
    -h|--help) sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) RUN="$1"; shift ;;
  esac
done
if [[ -z "$TENANT" && -f "$FT_HOME/demo/last-tenant" ]]; then
  TENANT="$(cat "$FT_HOME/demo/last-tenant")"
fi
[[ -n "$TENANT" ]] || { echo "status: give --tenant T (no demo run to default to)" >&2; exit 2; }
[[ "$TENANT" =~ ^[a-z0-9][a-z0-9-]{0,62}$ && "$LIMIT" =~ ^[0-9]+$ && "$RUN" =~ ^[A-Za-z0-9._:-]*$ ]] \
  || { echo "status: invalid argument" >&2; exit 2; }
BASE="${FLEXTIME_INGEST_URL:-http://$FT_HOST:8081/ingestUpload}"
BASE="${BASE%/*}"
curl -fs "$BASE/q/health/ready" >/dev/null 2>&1 \
  || ft_die "the ingest function does not answer at $BASE: run ./flextime demo --keep-running (or set FLEXTIME_INGEST_URL)"
TOKEN="$(./flextime token --tenant "$TENANT" --role viewer --ttl 5m --sub status)"
if [[ -n "$RUN" ]]; then
  door=pipelineRun body="{\"correlationId\":\"$RUN\"}"
else
  door=pipelineRuns body="{\"limit\":$LIMIT}"
fi
ANSWER="$(curl -sS -w '\n%{http_code}' -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' -d "$body" "$BASE/$door")"
CODE="${ANSWER##*$'\n'}"
ANSWER="${ANSWER%$'\n'*}"
[[ "$CODE" == 200 ]] || ft_die "$door answered HTTP $CODE: $ANSWER"
python3 - "$ANSWER" <<'PY'
import json, sys
runs = json.loads(sys.argv[1])
for run in runs if isinstance(runs, list) else [runs]:
    print("\nrun %s  tenant %s  started %s  %s" % (run["correlationId"], run["tenant"], (run.get("startedAt") or "")[:19].replace("T", " "), run["outcome"]))
    for s in run.get("stages") or []:
        took = "" if s.get("seconds") is None else "%.1f s" % s["seconds"]
        print("  %-9s %-12s %-9s %s" % (s["name"], (s.get("endedAt") or "")[11:23], s["outcome"], s.get("detail") or took))
    for e in run.get("errors") or []:
        print("  error     %s" % e)
PY
