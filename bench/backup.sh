#!/usr/bin/env bash
# summary: our encrypted backup/restore vs pg_dump -Fc / pg_restore on a generated >= 1 GB database
#
# Generates the project's own tables (historical_game, game, team, ...) in a dedicated database
# flextime_bench (migrated with the project's migrations), then in one run: our full backup
# (zstd + AES-256-GCM, multipart to the local S3; the function's JVM started just before) vs
# `pg_dump -Fc`, and our restore (into a new database created by the restore, as a copy of the
# function's restore template — an empty database it migrates at startup, while our backup runs —
# loaded on 2 connections) vs `pg_restore` (into a new empty database created outside its timing):
# single-job (`pg_restore_s`) and, since ours uses two connections, `-j 2` too (`pg_restore_j2_s`).
# Same index build memory for all (maintenance_work_mem 256MB, what our restore sets); a CHECKPOINT
# before each timed restore, so none pays for the last one's dirty pages.
# Options (environment): BENCH_ROWS (historical_game rows, default 7000000), BENCH_KEEP=1 keeps the
# databases and objects. Last line: one JSON object.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/lib.sh"
cd "$FLEXTIME_ROOT"

ROWS="${BENCH_ROWS:-7000000}"
PORT="${BENCH_HTTP_PORT:-18085}"
DB=flextime_bench
OURS=flextime_restore_bench
THEIRS=flextime_bench_pgrestore
THEIRS_J2=flextime_bench_pgrestore_j2
PREFIX=bench-backups/
DUMP="$FT_HOME/bench/flextime_bench.dump"
export PGPASSWORD="$FT_PG_OWNER_PASSWORD"
PSQL=("$FT_PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$FT_HOST" -p "$FLEXTIME_PG_PORT" -U "$FT_PG_OWNER")
mkdir -p "$FT_HOME/bench" "$FT_LOGS"

"$FLEXTIME_ROOT/flextime" stack status >/dev/null || "$FLEXTIME_ROOT/flextime" stack up

ft_step "Building the backup function"
mvn -B -q -pl functions/backup -am install -DskipTests >"$FT_LOGS/bench-backup-build.log" 2>&1 \
  || { ft_tail_log "$FT_LOGS/bench-backup-build.log"; ft_die "build failed"; }

drop_db() { "${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS $1 WITH (FORCE)"; }
s3() { # method path [curl args]
  local m="$1" p="$2"; shift 2
  curl -sS --max-time 60 -X "$m" --aws-sigv4 "aws:amz:us-east-1:s3" --user "flextime:flextime-secret" \
    -H 'x-amz-content-sha256: e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855' \
    "$@" "http://$FT_HOST:$FLEXTIME_S3_PORT$p"
}
clean_s3() {
  local keys
  keys="$(s3 GET "/flextime-backups/?list-type=2&prefix=$PREFIX&max-keys=1000" | grep -o '<Key>[^<]*</Key>' | sed 's/<[^>]*>//g' || true)"
  for k in $keys; do s3 DELETE "/flextime-backups/$k" -o /dev/null; done
}

ft_step "Generating $DB ($ROWS historical games and more)"
start="$(ft_now)"
drop_db "$DB"; drop_db "$OURS"; drop_db "$THEIRS"; drop_db "$THEIRS_J2"; clean_s3
"${PSQL[@]}" -d postgres -c "CREATE DATABASE $DB OWNER $FT_PG_OWNER"
FLEXTIME_DB_URL="jdbc:postgresql://$FT_HOST:$FLEXTIME_PG_PORT/$DB" FLEXTIME_DB_USER="$FT_PG_OWNER" \
  FLEXTIME_DB_PASSWORD="$FT_PG_OWNER_PASSWORD" "$FLEXTIME_ROOT/flextime" db migrate >/dev/null
"${PSQL[@]}" -d "$DB" <<SQL
-- generated as the owner with triggers quiet: the change log is not part of what is measured
SET session_replication_role = replica;
INSERT INTO dataset (id, tenant, season)
SELECT md5('d' || i)::uuid, 'conf' || (i % 10), 'season-' || i FROM generate_series(1, 200) i;
INSERT INTO dataset_version (id, tenant, dataset_id, version_number, checksum, source_format, name, format,
                             objective_weights, counts, season_start, season_end, time_zone)
SELECT md5('v' || i)::uuid, 'conf' || (i % 10), md5('d' || i)::uuid, 1, md5('c' || i), 'json', 'Season ' || i,
       '{"rounds": 2, "mirrored": true}', '{"travel": 1.0, "breaks": 5}', '{"teams": 16}', date '2025-11-03',
       date '2026-03-08', 'America/Chicago'
FROM generate_series(1, 200) i;
INSERT INTO team (version_id, tenant, team_id, position, name, venue_id, time_zone, attributes)
SELECT md5('v' || v)::uuid, 'conf' || (v % 10), 'T' || t, t, 'Team ' || t || ' of season ' || v, 'V' || t,
       'America/Chicago', jsonb_build_object('conference', 'conf' || (v % 10), 'rank', t)
FROM generate_series(1, 200) v, generate_series(1, 16) t;
INSERT INTO venue (version_id, tenant, venue_id, name, city, latitude, longitude, capacity, time_zone)
SELECT md5('v' || v)::uuid, 'conf' || (v % 10), 'V' || t, 'Arena ' || t, 'City ' || t, 30 + t * 0.37, -97 + t * 0.41,
       8000 + t * 100, 'America/Chicago'
FROM generate_series(1, 200) v, generate_series(1, 16) t;
INSERT INTO historical_game (version_id, tenant, row_number, season, game_date, home_team, away_team, home_score,
                             away_score, venue_id, neutral)
SELECT md5('v' || (i % 200 + 1))::uuid, 'conf' || (i % 10), i, (1990 + i % 35)::text || '-' || (1991 + i % 35)::text,
       date '1990-11-01' + (i % 12000), 'Team ' || (i % 353) || ' University', 'Team ' || ((i * 7) % 353) || ' College',
       50 + (i * 13) % 50, 50 + (i * 17) % 50, 'V' || (i % 353), i % 17 = 0
FROM generate_series(1, $ROWS) i;
INSERT INTO schedule_version (id, tenant, dataset_version_id, job_id, season, status, objective, metrics)
SELECT md5('s' || i)::uuid, 'conf' || (i % 10), md5('v' || i)::uuid, md5('j' || i)::uuid, 'season-' || i, 'OPTIMAL',
       12345.5 + i, jsonb_build_object('travel', i, 'violations', jsonb_build_array(i, i + 1))
FROM generate_series(1, 200) i;
INSERT INTO game (schedule_version_id, tenant, game_number, slot_index, game_date, home_team, away_team, venue_id)
SELECT md5('s' || (i % 200 + 1))::uuid, 'conf' || ((i % 200 + 1) % 10), i, i % 40, date '2025-11-03' + (i % 120),
       'T' || (i % 16), 'T' || ((i + 5) % 16), 'V' || (i % 16)
FROM generate_series(1, $((ROWS / 7))) i;
ANALYZE;
SQL
DB_BYTES="$("${PSQL[@]}" -At -d "$DB" -c "SELECT pg_database_size(current_database())")"
ft_ok "generated $(numfmt --to=iec "$DB_BYTES") in $(ft_since "$start")"

ft_step "Starting the backup function against $DB (port $PORT)"
FLEXTIME_HTTP_PORT="$PORT" FLEXTIME_DB_NAME="$DB" FLEXTIME_BACKUP_PREFIX="$PREFIX" \
  QUARKUS_LOG_CONSOLE_JSON_ENABLED=false java -Xmx1g -jar functions/backup/target/quarkus-app/quarkus-run.jar \
  >"$FT_LOGS/bench-backup-function.log" 2>&1 &
FN_PID=$!
cleanup() {
  kill "$FN_PID" 2>/dev/null || true
  if [[ "${BENCH_KEEP:-0}" != 1 ]]; then
    drop_db "$OURS" || true; drop_db "$THEIRS" || true; drop_db "$THEIRS_J2" || true; drop_db "$DB" || true
    clean_s3 || true; rm -f "$DUMP"
  fi
}
trap cleanup EXIT
for _ in $(seq 1 120); do
  curl -sf "http://$FT_HOST:$PORT/q/health/ready" >/dev/null 2>&1 && break
  sleep 0.5
done
curl -sf "http://$FT_HOST:$PORT/q/health/ready" >/dev/null || { ft_tail_log "$FT_LOGS/bench-backup-function.log"; ft_die "the function did not start"; }

secs() { awk -v s="$1" -v e="$2" 'BEGIN { printf "%.2f", e - s }'; }
# The backup doors are the platform operators' (README "Identity, roles and audit").
AUTH="Authorization: Bearer $(./flextime token --tenant flextime --role operator --ttl 2h --sub bench)"

ft_step "Our full backup (zstd + AES-256-GCM, multipart to S3)"
t0="$(ft_now)"
OUT="$(curl -sS --fail-with-body --max-time 3600 -H "$AUTH" -H 'Content-Type: application/json' -d '{"kind":"FULL"}' "http://$FT_HOST:$PORT/backupNow")"
t1="$(ft_now)"
BACKUP_S="$(secs "$t0" "$t1")"
BACKUP_BYTES="$(sed -n 's/.*"bytes":\([0-9]*\).*/\1/p' <<<"$OUT")"
ft_ok "backup: ${BACKUP_S}s, $(numfmt --to=iec "$BACKUP_BYTES")"

ft_step "pg_dump -Fc"
t0="$(ft_now)"
"$FT_PG_BIN/pg_dump" -Fc -h "$FT_HOST" -p "$FLEXTIME_PG_PORT" -U "$FT_PG_OWNER" -d "$DB" -f "$DUMP"
t1="$(ft_now)"
PG_DUMP_S="$(secs "$t0" "$t1")"
PG_DUMP_BYTES="$(stat -c %s "$DUMP")"
ft_ok "pg_dump: ${PG_DUMP_S}s, $(numfmt --to=iec "$PG_DUMP_BYTES")"

ft_step "Our restore into $OURS (created by the restore from its template)"
"${PSQL[@]}" -d postgres -c CHECKPOINT
t0="$(ft_now)"
curl -sS --fail-with-body --max-time 3600 -H "$AUTH" -H 'Content-Type: application/json' \
  -d "{\"targetDatabase\":\"$OURS\"}" "http://$FT_HOST:$PORT/restore" >"$FT_HOME/bench/restore.json"
t1="$(ft_now)"
RESTORE_S="$(secs "$t0" "$t1")"
ft_ok "restore: ${RESTORE_S}s"

pg_restore_timed() { # database [pg_restore options]: prints the seconds
  local db="$1"; shift
  "${PSQL[@]}" -d postgres -c "CREATE DATABASE $db OWNER $FT_PG_OWNER" -c CHECKPOINT
  local t0 t1
  t0="$(ft_now)"
  PGOPTIONS="-c maintenance_work_mem=256MB" "$FT_PG_BIN/pg_restore" -h "$FT_HOST" -p "$FLEXTIME_PG_PORT" -U "$FT_PG_OWNER" \
    -d "$db" "$@" "$DUMP"
  t1="$(ft_now)"
  secs "$t0" "$t1"
}
ft_step "pg_restore into $THEIRS (one job)"
PG_RESTORE_S="$(pg_restore_timed "$THEIRS")"
ft_ok "pg_restore: ${PG_RESTORE_S}s"
ft_step "pg_restore -j 2 into $THEIRS_J2"
PG_RESTORE_J2_S="$(pg_restore_timed "$THEIRS_J2" -j 2)"
ft_ok "pg_restore -j 2: ${PG_RESTORE_J2_S}s"

ROWS_OK="$("${PSQL[@]}" -At -d "$OURS" -c "SELECT count(*) FROM historical_game")"
[[ "$ROWS_OK" == "$ROWS" ]] || ft_die "our restore has $ROWS_OK historical games, expected $ROWS"

printf '{"db_bytes":%s,"backup_s":%s,"pg_dump_s":%s,"backup_bytes":%s,"pg_dump_bytes":%s,"restore_s":%s,"pg_restore_s":%s,"pg_restore_j2_s":%s}\n' \
  "$DB_BYTES" "$BACKUP_S" "$PG_DUMP_S" "$BACKUP_BYTES" "$PG_DUMP_BYTES" "$RESTORE_S" "$PG_RESTORE_S" "$PG_RESTORE_J2_S"
