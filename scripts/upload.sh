#!/usr/bin/env bash
# summary: upload a season file to the local S3 and fire the S3 notification: ./flextime upload FILE --tenant T [--season S]
#
# Plays the cloud's part locally (DESIGN §8): puts FILE into the uploads bucket under
# uploads/<tenant>/[<season>/]<name> (SigV4-signed PUT with curl), then delivers the S3
# ObjectCreated notification, in the exact JSON shape AWS gives Lambda, to the ingest function's
# HTTP endpoint (default http://127.0.0.1:8081/ingestUpload, override with FLEXTIME_INGEST_URL), with
# a scheduler's token for the tenant (./flextime token; FLEXTIME_TOKEN gives one of your own): the
# upload door takes keys under uploads/<the token's tenant>/ only.
# FILE may be a folder holding a CSV set: its CSV files are uploaded first and manifest.json last,
# as the manifest is what triggers the ingest.
set -euo pipefail
source "$FLEXTIME_ROOT/scripts/lib.sh"

usage() {
  echo "usage: ./flextime upload FILE|CSV-FOLDER --tenant TENANT [--season SEASON]"
  echo "  env: FLEXTIME_INGEST_URL (default http://127.0.0.1:8081/ingestUpload), FLEXTIME_S3_PORT, FLEXTIME_TOKEN"
}

file="" tenant="" season=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --tenant) tenant="${2:-}"; shift 2 ;;
    --season) season="${2:-}"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    -*) ft_err "unknown option $1"; usage >&2; exit 2 ;;
    *) file="$1"; shift ;;
  esac
done
[[ -n "$file" && -n "$tenant" ]] || { usage >&2; exit 2; }
[[ -e "$file" ]] || ft_die "no such file: $file"
# The contract's id rules (events/.../ids.schema.json), the ones ingest applies.
ids_schema="$FLEXTIME_ROOT/events/src/main/resources/flextime/events/schemas/ids.schema.json"
id_rule() { jq -r --arg id "$1" --arg what "$2" '."$defs"[$id] | if $what == "pattern" then .pattern else .title end' "$ids_schema"; }
[[ "$tenant" =~ $(id_rule tenant pattern) ]] || ft_die "the tenant '$tenant' must be $(id_rule tenant title)"
[[ -z "$season" || "$season" =~ $(id_rule seasonKey pattern) ]] || ft_die "the season key '$season' must be $(id_rule seasonKey title)"

s3="http://127.0.0.1:${FLEXTIME_S3_PORT}"
bucket="${FLEXTIME_BUCKET_UPLOADS:-flextime-uploads}"
ingest_url="${FLEXTIME_INGEST_URL:-http://127.0.0.1:8081/ingestUpload}"
access="${FLEXTIME_S3_ACCESS_KEY:-flextime}"
secret="${FLEXTIME_S3_SECRET_KEY:-flextime-secret}"
prefix="uploads/$tenant/${season:+$season/}"
token="${FLEXTIME_TOKEN:-$("$FLEXTIME_ROOT/flextime" token --tenant "$tenant" --role scheduler --ttl 15m --sub upload)}"

urlencode() { # an S3 key for a URL path: keep '/', escape the rest
  python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1], safe="/"))' "$1"
}
notification_key() { # as S3 writes it in notifications: URL-encoded, spaces as '+'
  python3 -c 'import sys, urllib.parse; print(urllib.parse.quote_plus(sys.argv[1], safe="/"))' "$1"
}

put_and_notify() { # local-file key
  local f="$1" key="$2" size etag sha code event
  size=$(stat -c %s "$f")
  sha=$(sha256sum "$f" | cut -d' ' -f1)
  etag=$(md5sum "$f" | cut -d' ' -f1)
  code=$(curl -sS -o /dev/null -w '%{http_code}' --aws-sigv4 "aws:amz:${AWS_REGION:-us-east-1}:s3" --user "$access:$secret" \
    -H "x-amz-content-sha256: $sha" -T "$f" "$s3/$bucket/$(urlencode "$key")") || ft_die "S3 is not reachable at $s3 (./flextime stack up)"
  [[ "$code" == 200 ]] || ft_die "PUT s3://$bucket/$key failed: HTTP $code"
  ft_ok "put s3://$bucket/$key ($size bytes)"
  event=$(cat <<JSON
{"Records":[{"eventVersion":"2.1","eventSource":"aws:s3","awsRegion":"${AWS_REGION:-us-east-1}","eventTime":"$(date -u +%Y-%m-%dT%H:%M:%S.000Z)","eventName":"ObjectCreated:Put","userIdentity":{"principalId":"AWS:flextime-local"},"requestParameters":{"sourceIPAddress":"127.0.0.1"},"responseElements":{"x-amz-request-id":"$(printf '%016X' "$RANDOM$RANDOM")","x-amz-id-2":"flextime-local"},"s3":{"s3SchemaVersion":"1.0","configurationId":"flextime-uploads","bucket":{"name":"$bucket","ownerIdentity":{"principalId":"flextime"},"arn":"arn:aws:s3:::$bucket"},"object":{"key":"$(notification_key "$key")","size":$size,"eTag":"$etag","sequencer":"$(printf '%016X' "$(date +%s%N)")"}}}]}
JSON
)
  local out
  out=$(curl -sS -w '\n%{http_code}' -H "Authorization: Bearer $token" -H 'Content-Type: application/json' -d "$event" "$ingest_url") \
    || ft_die "the ingest function is not reachable at $ingest_url (start it with FLEXTIME_HTTP_PORT=8081, or set FLEXTIME_INGEST_URL)"
  local status="${out##*$'\n'}" body="${out%$'\n'*}"
  echo "$body"
  [[ "$status" == 200 ]] || ft_die "ingest answered HTTP $status"
}

if [[ -d "$file" ]]; then
  [[ -f "$file/manifest.json" ]] || ft_die "$file is a folder without manifest.json (a CSV set needs one)"
  for f in "$file"/*.csv; do
    [[ -e "$f" ]] && put_and_notify "$f" "$prefix$(basename "$f")" >/dev/null
  done
  put_and_notify "$file/manifest.json" "${prefix}manifest.json"
else
  put_and_notify "$file" "$prefix$(basename "$file")"
fi
