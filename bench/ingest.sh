#!/usr/bin/env bash
# summary: 1,000,000 historical games: CSV → local S3 → ingest (streaming into PostgreSQL) vs psql \copy; rows/s, peak RSS
#
# Generates a 1M-row historical-games CSV, puts it beside the Big 12 sample's CSV set in the local
# S3 (uploads/bench-ingest/...), starts the ingest function as a process (its own database
# flextime_bench_ingest, heap capped at 512 MB to show memory stays flat), asks it over HTTP to
# ingest the set's manifest, and times that request. Then loads the same file with psql \copy into a
# table identical to historical_game (LIKE ... INCLUDING ALL) and prints both rates and the ratio.
# Last line: one JSON object. Options: --rows N (default 1000000).
set -euo pipefail
source "$FLEXTIME_ROOT/scripts/lib.sh"
cd "$FLEXTIME_ROOT"

rows=1000000
while [[ $# -gt 0 ]]; do
  case "$1" in
    --rows) rows="$2"; shift 2 ;;
    *) ft_die "unknown option $1 (use --rows N)" ;;
  esac
done

work="$FLEXTIME_ROOT/.flextime/bench/ingest"
db=flextime_bench_ingest
port="${FLEXTIME_BENCH_INGEST_PORT:-18081}"
tenant=bench-ingest
run_id="$(date +%s)"
prefix="uploads/$tenant/run-$run_id/"
s3="http://127.0.0.1:${FLEXTIME_S3_PORT}"
psql_owner=(env PGPASSWORD=flextime /usr/bin/psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$FLEXTIME_PG_PORT" -U flextime)
mkdir -p "$work"
calc() { awk "BEGIN { printf \"%.6f\", $1 }"; }

./flextime stack status >/dev/null 2>&1 || ./flextime stack up

ft_step "build the ingest function"
mvn -B -q -pl functions/ingest -am install -DskipTests

ft_step "database $db"
"${psql_owner[@]}" -d postgres -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" -c "CREATE DATABASE $db OWNER flextime"
FLEXTIME_DB_URL="jdbc:postgresql://127.0.0.1:$FLEXTIME_PG_PORT/$db" FLEXTIME_DB_USER=flextime FLEXTIME_DB_PASSWORD=flextime \
  ./flextime db migrate >/dev/null

ft_step "generate $rows historical games"
set_dir="$work/set"
rm -rf "$set_dir" && mkdir -p "$set_dir"
cp samples/big12-mbb-2025-26/csv/*.csv "$set_dir/"
python3 - "$rows" "$set_dir/historical_games.csv" <<'PY'
import datetime, random, sys
n, path = int(sys.argv[1]), sys.argv[2]
teams = ["arizona", "arizona-state", "baylor", "byu", "cincinnati", "colorado", "houston", "iowa-state", "kansas",
         "kansas-state", "oklahoma-state", "tcu", "texas-tech", "ucf", "utah", "west-virginia"]
rnd = random.Random(12)
day0 = datetime.date(1990, 11, 1)
with open(path, "w") as f:
    f.write("season,date,home_team,away_team,home_score,away_score,venue_id,neutral\n")
    for i in range(n):
        d = day0 + datetime.timedelta(days=i // 8 % 12000)
        h, a = rnd.sample(teams, 2)
        season = f"{d.year if d.month > 6 else d.year - 1}-{(d.year + 1 if d.month > 6 else d.year) % 100:02d}"
        neutral = rnd.random() < 0.03
        f.write(f"{season},{d.isoformat()},{h},{a},{rnd.randint(45, 110)},{rnd.randint(45, 110)},"
                f"{'' if neutral else h + '-arena'},{'true' if neutral else 'false'}\n")
PY
cat > "$set_dir/manifest.json" <<JSON
{"format":"flextime-csv-set","version":1,"files":{"season":"season.csv","teams":"teams.csv","venues":"venues.csv",
 "slots":"slots.csv","constraints":"constraints.csv","historical_games":"historical_games.csv"}}
JSON
csv_bytes=$(stat -c %s "$set_dir/historical_games.csv")
ft_info "historical_games.csv: $((csv_bytes / 1024 / 1024)) MB"

ft_step "put the CSV set into s3://flextime-uploads/$prefix"
for f in "$set_dir"/*.csv "$set_dir/manifest.json"; do
  sha=$(sha256sum "$f" | cut -d' ' -f1)
  code=$(curl -sS -o /dev/null -w '%{http_code}' --aws-sigv4 "aws:amz:us-east-1:s3" --user flextime:flextime-secret \
    -H "x-amz-content-sha256: $sha" -T "$f" "$s3/flextime-uploads/$prefix$(basename "$f")")
  [[ "$code" == 200 ]] || ft_die "PUT $(basename "$f") failed: HTTP $code"
done

ft_step "start the ingest function on port $port"
log="$work/ingest.log"
FLEXTIME_HTTP_PORT=$port FLEXTIME_DB_NAME=$db FLEXTIME_INGEST_MAX_UPLOAD_BYTES=2147483648 \
  FLEXTIME_INGEST_MAX_UNPACKED_BYTES=4294967296 QUARKUS_LOG_CONSOLE_JSON_ENABLED=false \
  java -Xmx512m -jar functions/ingest/target/quarkus-app/quarkus-run.jar >"$log" 2>&1 &
pid=$!
cleanup() { kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; }
trap cleanup EXIT
for _ in $(seq 1 120); do
  curl -sf "http://127.0.0.1:$port/q/health/ready" >/dev/null 2>&1 && break
  kill -0 "$pid" 2>/dev/null || { tail -30 "$log"; ft_die "the ingest function did not start"; }
  sleep 0.5
done
rss_kb() { awk '/^VmRSS/ {print $2}' "/proc/$pid/status"; }
rss_before=$(rss_kb)

ft_step "ingest (HTTP → S3 stream → PostgreSQL)"
peak_file="$work/peak_rss_kb"
echo "$rss_before" >"$peak_file"
( while kill -0 "$pid" 2>/dev/null; do r=$(rss_kb 2>/dev/null || echo 0); p=$(cat "$peak_file"); \
    (( r > p )) && echo "$r" >"$peak_file"; sleep 0.2; done ) &
sampler=$!
t0=$(date +%s.%N)
answer=$(curl -sS -m 1800 -H 'Content-Type: application/json' \
  -d "{\"tenant\":\"$tenant\",\"bucket\":\"flextime-uploads\",\"key\":\"${prefix}manifest.json\"}" \
  "http://127.0.0.1:$port/ingest")
t1=$(date +%s.%N)
kill "$sampler" 2>/dev/null || true
echo "$answer"
echo "$answer" | grep -q '"status":"INGESTED"' || { tail -40 "$log"; ft_die "ingest did not succeed"; }
version=$(echo "$answer" | sed -n 's/.*"versionId":"\([^"]*\)".*/\1/p')
stored=$("${psql_owner[@]}" -d "$db" -At -c "SELECT count(*) FROM historical_game WHERE version_id = '$version'")
[[ "$stored" == "$rows" ]] || ft_die "stored $stored rows, expected $rows"
peak_kb=$(cat "$peak_file")
ingest_s=$(calc "$t1 - $t0")

ft_step "psql \\copy of the same file into an identical table"
"${psql_owner[@]}" -d "$db" <<SQL
DROP TABLE IF EXISTS bench_copy;
CREATE TABLE bench_copy (LIKE historical_game INCLUDING ALL);
CREATE SEQUENCE bench_copy_row START 2;
ALTER TABLE bench_copy ALTER version_id SET DEFAULT '$version', ALTER tenant SET DEFAULT '$tenant',
    ALTER row_number SET DEFAULT nextval('bench_copy_row');
SQL
c0=$(date +%s.%N)
"${psql_owner[@]}" -d "$db" -c "\\copy bench_copy (season, game_date, home_team, away_team, home_score, away_score, venue_id, neutral) FROM '$set_dir/historical_games.csv' WITH (FORMAT csv, HEADER true)"
c1=$(date +%s.%N)
copied=$("${psql_owner[@]}" -d "$db" -At -c "SELECT count(*) FROM bench_copy")
copy_s=$(calc "$c1 - $c0")

rate=$(calc "$rows / $ingest_s")
copy_rate=$(calc "$copied / $copy_s")
ratio=$(calc "$rate / $copy_rate")
peak_mb=$(calc "$peak_kb / 1024")
before_mb=$(calc "$rss_before / 1024")
printf 'ingest:  %d rows in %.1f s = %.0f rows/s (S3 download, parse, checks, INSERT ... unnest in one transaction)\n' "$rows" "$ingest_s" "$rate"
printf '\\copy:   %d rows in %.1f s = %.0f rows/s\n' "$copied" "$copy_s" "$copy_rate"
printf 'ratio:   %.2f of \\copy\n' "$ratio"
printf 'memory:  RSS %.0f MB before the ingest, peak %.0f MB during it (-Xmx512m; CSV is %d MB)\n' "$before_mb" "$peak_mb" "$((csv_bytes / 1024 / 1024))"
printf '{"rows":%d,"rows_per_s":%.0f,"copy_rows_per_s":%.0f,"ratio_to_copy":%.3f,"peak_rss_mb":%.0f,"rss_before_mb":%.0f,"ingest_s":%.2f,"copy_s":%.2f,"csv_mb":%d}\n' \
  "$rows" "$rate" "$copy_rate" "$ratio" "$peak_mb" "$before_mb" "$ingest_s" "$copy_s" "$((csv_bytes / 1024 / 1024))"
