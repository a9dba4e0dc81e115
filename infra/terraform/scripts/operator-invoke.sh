#!/usr/bin/env bash
# Calls an operator door (backups, restores, tenant registration: no API Gateway route) by invoking the
# function's http Lambda directly (its alias `live`, the published version), which only the operators
# role may do (modules/functions/iam.tf). The request is the API Gateway HTTP event the Lambda would
# get from a route, with a platform operator's token of the identity provider, which the function
# verifies like any other (the Door table).
#
#   AWS_PROFILE=flextime-operators FLEXTIME_OPERATOR_TOKEN=<JWT of tenant flextime, role operator> \
#     infra/terraform/scripts/operator-invoke.sh flextime-prod-backup-http restore \
#     '{"targetDatabase":"flextime_restore_20260301","targetTime":"2026-03-01T06:45:00Z"}'
set -euo pipefail
[[ $# -ge 2 ]] || { echo "usage: operator-invoke.sh LAMBDA DOOR [JSON-BODY]" >&2; exit 2; }
lambda="$1" door="$2" body="${3:-}"
[[ "$door" =~ ^[a-zA-Z]+$ ]] || { echo "a door is a @Funq name" >&2; exit 2; }
: "${FLEXTIME_OPERATOR_TOKEN:?set FLEXTIME_OPERATOR_TOKEN to a token of a platform operator}"
read -r -d '' program <<'JQ' || true
{
  version: "2.0", routeKey: ("POST " + $path), rawPath: $path, rawQueryString: "",
  headers: {"content-type": "application/json", "authorization": ("Bearer " + $token)},
  requestContext: {http: {method: "POST", path: $path, protocol: "HTTP/1.1", sourceIp: "127.0.0.1", userAgent: "operator-invoke"},
                   requestId: (now | tostring), routeKey: ("POST " + $path), stage: "$default"},
  body: $body, isBase64Encoded: false
}
JQ
event="$(jq -n --arg path "/$door" --arg body "$body" --arg token "$FLEXTIME_OPERATOR_TOKEN" "$program")"
out=$(mktemp)
trap 'rm -f "$out"' EXIT
aws lambda invoke --function-name "$lambda" --qualifier live --cli-binary-format raw-in-base64-out --payload "$event" "$out" >/dev/null
jq -r '"HTTP \(.statusCode)", (.body // "")' "$out"
