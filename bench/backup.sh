#!/usr/bin/env bash
# summary: our encrypted backup/restore vs pg_dump -Fc / pg_restore on a generated >= 1 GB database, 3 runs, with phases and CPU
#
# Generates the project's own tables (historical_game, game, team, ...) in a dedicated database
# flextime_bench (migrated with the project's migrations), then BENCH_RUNS times (default 3), both
# sides in the same run: our full backup (COPY on 2 connections in one snapshot, zstd + AES-256-GCM,
# multipart to the local S3; the function's JVM started before the first run, so run 1 is its first
# backup) vs `pg_dump -Fc`, and our restore (into a new database created by the restore, as a copy of
# the function's restore template, loaded on 2 connections) vs `pg_restore` (into a new empty database
# created outside its timing): single-job (`pg_restore_s`) and, since ours uses two connections, `-j 2`
# (`pg_restore_j2_s`). Same index build memory for all (maintenance_work_mem 256MB); a CHECKPOINT
# before each timed restore. Each step prints its wall time and the CPU it cost: ours in the JVM
# (/proc of the function) and in the server (every PostgreSQL process, ended backends included), the
# PostgreSQL tools' own process and the server; and our phases (when each ended, from the answer).
# Options (environment): BENCH_ROWS (historical_game rows, default 7000000), BENCH_RUNS (3), BENCH_KEEP=1
# keeps the databases and objects. Last line: one JSON object; the run is recorded in bench/results/.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/lib.sh"
source "$(dirname "${BASH_SOURCE[0]}")/lib/results.sh"
cd "$FLEXTIME_ROOT"

ROWS="${BENCH_ROWS:-7000000}"
RUNS="${BENCH_RUNS:-3}"
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
mvn -B -q -pl functions/backup -am package -DskipTests >"$FT_LOGS/bench-backup-build.log" 2>&1 \
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
trap 'ft_err "bench failed at line $LINENO: $BASH_COMMAND"' ERR
for _ in $(seq 1 120); do
  curl -sf "http://$FT_HOST:$PORT/q/health/ready" >/dev/null 2>&1 && break
  sleep 0.5
done
curl -sf "http://$FT_HOST:$PORT/q/health/ready" >/dev/null || { ft_tail_log "$FT_LOGS/bench-backup-function.log"; ft_die "the function did not start"; }

secs() { awk -v s="$1" -v e="$2" 'BEGIN { printf "%.2f", e - s }'; }
# The backup doors are the platform operators' (README "Identity, roles and audit").
AUTH="Authorization: Bearer $(./flextime token --tenant flextime --role operator --ttl 2h --sub bench)"

# CPU seconds. The function: its process' user + system time. The server: every PostgreSQL process
# (live backends, and through the postmaster's children totals those that ended).
TICKS="$(getconf CLK_TCK)"
PGDATA_DIR="$(ft_pg_base)/data"
jvm_cpu() { awk -v t="$TICKS" '{ sub(/^.*\) /, ""); print ($12 + $13) / t }' "/proc/$FN_PID/stat"; }
server_cpu() {
  local pm
  pm="$(head -n 1 "$PGDATA_DIR/postmaster.pid")"
  # processes come and go while the files are read: cat skips the vanished ones
  { cat /proc/[0-9]*/stat 2>/dev/null || true; } | awk -v t="$TICKS" -v pm="$pm" '
    { pid = $1; line = $0; sub(/^.*\) /, "", line); split(line, f, " ")
      # after the command: f[2] = ppid, f[12] utime, f[13] stime, f[14] cutime, f[15] cstime
      if (pid == pm) total += f[12] + f[13] + f[14] + f[15]
      else if (f[2] == pm) total += f[12] + f[13] }
    END { printf "%.2f", total / t }'
}
cpu_delta() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }
# Runs a PostgreSQL tool; sets WALL, TOOL_CPU (its process, from bash's time) and SERVER_CPU.
timed_tool() {
  local tf s0 t0 t1
  tf="$(mktemp)"
  s0="$(server_cpu)"; t0="$(ft_now)"
  { TIMEFORMAT='%U %S'; time "$@" 2>>"$FT_LOGS/bench-backup-tools.log"; } 2>"$tf"
  t1="$(ft_now)"
  WALL="$(secs "$t0" "$t1")"; SERVER_CPU="$(cpu_delta "$s0" "$(server_cpu)")"
  TOOL_CPU="$(awk '{ printf "%.2f", $1 + $2 }' "$tf")"; rm -f "$tf"
}
# backupNow and restore answer 202 with a job: polls backupJob (every 0.1 s) until it ends; prints its result.
await_job() { # first-answer
  local job="$1" id state
  id="$(jq -r .jobId <<<"$job")"
  state="$(jq -r .state <<<"$job")"
  while [[ "$state" == QUEUED || "$state" == RUNNING ]]; do
    sleep 0.1
    job="$(curl -sS --fail-with-body --max-time 60 -H "$AUTH" -H 'Content-Type: application/json' \
      -d "{\"jobId\":\"$id\"}" "http://$FT_HOST:$PORT/backupJob")"
    state="$(jq -r .state <<<"$job")"
  done
  [[ "$state" == SUCCEEDED ]] || ft_die "job $id $state: $(jq -r .error <<<"$job")"
  jq -c .result <<<"$job"
}
# Calls the function (and waits for its job); sets WALL, JVM_CPU, SERVER_CPU and OUT (the answer, a job's result).
timed_call() { # path json-body
  local s0 j0 t0 t1
  s0="$(server_cpu)"; j0="$(jvm_cpu)"; t0="$(ft_now)"
  OUT="$(curl -sS --fail-with-body --max-time 3600 -H "$AUTH" -H 'Content-Type: application/json' -d "$2" "http://$FT_HOST:$PORT$1")"
  OUT="$(await_job "$OUT")"
  t1="$(ft_now)"
  WALL="$(secs "$t0" "$t1")"; JVM_CPU="$(cpu_delta "$j0" "$(jvm_cpu)")"; SERVER_CPU="$(cpu_delta "$s0" "$(server_cpu)")"
}
pg_restore_timed() { # database [pg_restore options]
  local db="$1"; shift
  drop_db "$db"
  "${PSQL[@]}" -d postgres -c "CREATE DATABASE $db OWNER $FT_PG_OWNER" -c CHECKPOINT
  PGOPTIONS="-c maintenance_work_mem=256MB" timed_tool "$FT_PG_BIN/pg_restore" -h "$FT_HOST" -p "$FLEXTIME_PG_PORT" \
    -U "$FT_PG_OWNER" -d "$db" "$@" "$DUMP"
}
phases() { jq -c '.phases // {}' <<<"$1"; }

RESULTS="$FT_HOME/bench/backup-runs.jsonl"
: >"$RESULTS"
for run in $(seq 1 "$RUNS"); do
  ft_step "Run $run of $RUNS"
  drop_db "$OURS"
  timed_call /backupNow '{"kind":"FULL"}'
  b_s="$WALL" b_jvm="$JVM_CPU" b_srv="$SERVER_CPU" b_out="$OUT"
  BACKUP_BYTES="$(jq -r .bytes <<<"$b_out")"
  ft_ok "backup: ${b_s}s (CPU: JVM ${b_jvm}s, server ${b_srv}s), $(numfmt --to=iec "$BACKUP_BYTES"); phases ended at $(phases "$b_out")"

  timed_tool "$FT_PG_BIN/pg_dump" -Fc -h "$FT_HOST" -p "$FLEXTIME_PG_PORT" -U "$FT_PG_OWNER" -d "$DB" -f "$DUMP"
  d_s="$WALL" d_cpu="$TOOL_CPU" d_srv="$SERVER_CPU"
  PG_DUMP_BYTES="$(stat -c %s "$DUMP")"
  ft_ok "pg_dump -Fc: ${d_s}s (CPU: pg_dump ${d_cpu}s, server ${d_srv}s), $(numfmt --to=iec "$PG_DUMP_BYTES")"

  "${PSQL[@]}" -d postgres -c CHECKPOINT
  timed_call /restore "{\"targetDatabase\":\"$OURS\"}"
  r_s="$WALL" r_jvm="$JVM_CPU" r_srv="$SERVER_CPU" r_out="$OUT"
  ft_ok "restore: ${r_s}s (CPU: JVM ${r_jvm}s, server ${r_srv}s); phases ended at $(phases "$r_out")"
  ROWS_OK="$("${PSQL[@]}" -At -d "$OURS" -c "SELECT count(*) FROM historical_game")"
  [[ "$ROWS_OK" == "$ROWS" ]] || ft_die "our restore has $ROWS_OK historical games, expected $ROWS"

  pg_restore_timed "$THEIRS"
  p_s="$WALL" p_cpu="$TOOL_CPU" p_srv="$SERVER_CPU"
  ft_ok "pg_restore: ${p_s}s (CPU: pg_restore ${p_cpu}s, server ${p_srv}s)"
  pg_restore_timed "$THEIRS_J2" -j 2
  p2_s="$WALL" p2_cpu="$TOOL_CPU" p2_srv="$SERVER_CPU"
  ft_ok "pg_restore -j 2: ${p2_s}s (CPU: pg_restore ${p2_cpu}s, server ${p2_srv}s)"

  jq -cn --argjson run "$run" --argjson b "$b_s" --argjson bj "$b_jvm" --argjson bs "$b_srv" --argjson bb "$BACKUP_BYTES" \
    --argjson d "$d_s" --argjson dc "$d_cpu" --argjson ds "$d_srv" --argjson db "$PG_DUMP_BYTES" \
    --argjson r "$r_s" --argjson rj "$r_jvm" --argjson rs "$r_srv" \
    --argjson p "$p_s" --argjson pc "$p_cpu" --argjson ps "$p_srv" --argjson p2 "$p2_s" --argjson p2c "$p2_cpu" --argjson p2s "$p2_srv" \
    --argjson bp "$(phases "$b_out")" --argjson rp "$(phases "$r_out")" --argjson load "$(cut -d' ' -f1 /proc/loadavg)" \
    '{run: $run, load_avg_1m: $load, backup_s: $b, pg_dump_s: $d, restore_s: $r, pg_restore_s: $p, pg_restore_j2_s: $p2,
      backup_bytes: $bb, pg_dump_bytes: $db,
      cpu_s: {backup: {jvm: $bj, server: $bs}, pg_dump: {pg_dump: $dc, server: $ds}, restore: {jvm: $rj, server: $rs},
              pg_restore: {pg_restore: $pc, server: $ps}, pg_restore_j2: {pg_restore: $p2c, server: $p2s}},
      backup_phases_ended_at_s: $bp, restore_phases_ended_at_s: $rp}' >>"$RESULTS"
done

bench_result backup "$(jq -cs --argjson dbb "$DB_BYTES" --argjson rows "$ROWS" '{db_bytes: $dbb, historical_rows: $rows, runs: .,
  backup_le_pg_dump: "\(map(select(.backup_s <= .pg_dump_s)) | length)/\(length)",
  restore_le_pg_restore: "\(map(select(.restore_s <= .pg_restore_s)) | length)/\(length)",
  backup_s: (map(.backup_s) | sort | .[length / 2 | floor]), pg_dump_s: (map(.pg_dump_s) | sort | .[length / 2 | floor]),
  restore_s: (map(.restore_s) | sort | .[length / 2 | floor]), pg_restore_s: (map(.pg_restore_s) | sort | .[length / 2 | floor])}' "$RESULTS")"
