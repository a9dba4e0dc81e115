#!/usr/bin/env bash
# summary: database: db migrate [--if-changed] | psql [--app] [args] | url   (Flyway, psql)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$FLEXTIME_ROOT"

usage() {
  cat <<EOF
usage: ./flextime db <migrate|psql|url>

  migrate [--if-changed]
        apply the SQL migrations in functions/core/src/main/resources/db/migration with Flyway
        (flyway-maven-plugin from stack/pom.xml). By default against the local stack's database
        as role '$FT_PG_OWNER'. --if-changed skips the run when neither the migration files nor
        the local database changed since the last successful run (used by 'stack up').

        Any other database, e.g. an AWS RDS instance, by environment:
          FLEXTIME_DB_URL=jdbc:postgresql://<host>:5432/flextime?sslmode=require \\
          FLEXTIME_DB_USER=flextime FLEXTIME_DB_PASSWORD=... ./flextime db migrate
        (the password goes to Flyway through the environment, not the command line)

  psql [--app] [psql args...]
        open psql on the local database over TCP as '$FT_PG_OWNER' (--app: as '$FT_PG_APP')
  url   print the local JDBC URL
EOF
}

local_url() { echo "jdbc:postgresql://$FT_HOST:$FLEXTIME_PG_PORT/$FT_PG_DB"; }

# Identity of the local database (cluster id + database oid): a re-created database or
# cluster invalidates the migration stamp.
local_db_identity() {
  PGPASSWORD="$FT_PG_OWNER_PASSWORD" "$FT_PG_BIN/psql" -X -qAt -h "$FT_HOST" -p "$FLEXTIME_PG_PORT" \
    -U "$FT_PG_OWNER" -d "$FT_PG_DB" -c \
    "select (select system_identifier from pg_control_system()) || ':' || oid from pg_database where datname = current_database()" \
    2>/dev/null
}

cmd_migrate() {
  local if_changed=0
  while (($#)); do
    case "$1" in
      --if-changed) if_changed=1 ;;
      -h|--help) usage; return 0 ;;
      *) ft_die "unknown option for 'db migrate': $1" ;;
    esac
    shift
  done

  local files
  files="$(find "$FT_MIGRATIONS_DIR" -type f \( -name '*.sql' -o -name '*.java' \) 2>/dev/null | sort || true)"
  if [[ -z "$files" ]]; then
    ft_info "    db: no migrations in ${FT_MIGRATIONS_DIR#"$FLEXTIME_ROOT"/} yet; skipping"
    return 0
  fi

  local url user password remote=0
  if [[ -n "${FLEXTIME_DB_URL:-}" ]]; then
    remote=1
    url="$FLEXTIME_DB_URL"
    user="${FLEXTIME_DB_USER:?FLEXTIME_DB_USER must be set with FLEXTIME_DB_URL}"
    password="${FLEXTIME_DB_PASSWORD:-}"
  else
    url="$(local_url)"
    user="${FLEXTIME_DB_USER:-$FT_PG_OWNER}"
    password="${FLEXTIME_DB_PASSWORD:-$FT_PG_OWNER_PASSWORD}"
  fi

  local stamp="" stamp_file="$FT_RUN/migrate.stamp" identity
  if ((!remote)); then
    "$FT_PG_BIN/pg_isready" -q -h "$FT_HOST" -p "$FLEXTIME_PG_PORT" -t 2 \
      || ft_die "the local database does not answer on port $FLEXTIME_PG_PORT: run './flextime stack up' (or set FLEXTIME_DB_URL)"
    identity="$(local_db_identity || true)"
    # shellcheck disable=SC2086
    stamp="$( { echo "$url $user $identity"; sha256sum $files; } | sha256sum | cut -c1-32)"
    if ((if_changed)) && [[ -n "$identity" && -f "$stamp_file" && "$(cat "$stamp_file")" == "$stamp" ]]; then
      return 0
    fi
  fi

  local log="$FT_LOGS/flyway.log" start rc=0
  mkdir -p "$FT_LOGS" "$FT_RUN"
  start="$(ft_now)"
  ft_step "Flyway migrate: $url as $user ($(wc -l <<<"$files") files)"
  # Credentials through Flyway's environment variables (not visible in ps); no telemetry
  # (the network is closed on CI, a blocked call would only cost time).
  FLYWAY_URL="$url" FLYWAY_USER="$user" FLYWAY_PASSWORD="$password" \
  FLYWAY_LOCATIONS="filesystem:$FT_MIGRATIONS_DIR" \
  REDGATE_DISABLE_TELEMETRY=true FLYWAY_TELEMETRY_OPTOUT=true \
    mvn -B -f "$FT_STACK_POM" flyway:migrate \
      -Dflyway.url="$url" -Dflyway.user="$user" -Dflyway.locations="filesystem:$FT_MIGRATIONS_DIR" \
      >"$log" 2>&1 || rc=$?
  grep -E 'Database: |Migrating |Successfully applied|is up to date|Current version|WARN|ERROR|Downloaded from' "$log" \
    | grep -v '^Downloaded from' | sed -e 's/^\[[A-Z]*\] //' -e 's/^/    /' | awk '!seen[$0]++' || true
  if ((rc != 0)); then
    ft_tail_log "$log" 40
    ft_die "Flyway migrate failed (full log: .flextime/logs/flyway.log)"
  fi
  [[ -n "$stamp" ]] && printf '%s' "$stamp" >"$stamp_file"
  ft_ok "migrations applied ($(ft_since "$start"))"
}

cmd_psql() {
  local user="$FT_PG_OWNER" pw="$FT_PG_OWNER_PASSWORD"
  if [[ "${1:-}" == --app ]]; then user="$FT_PG_APP"; pw="$FT_PG_APP_PASSWORD"; shift; fi
  PGPASSWORD="$pw" exec "$FT_PG_BIN/psql" -X -h "$FT_HOST" -p "$FLEXTIME_PG_PORT" -U "$user" -d "$FT_PG_DB" "$@"
}

sub="${1:-}"
[[ $# -gt 0 ]] && shift
case "$sub" in
  migrate) cmd_migrate "$@" ;;
  psql) cmd_psql "$@" ;;
  url) local_url ;;
  -h|--help|help|"") usage ;;
  *) ft_err "unknown db command '$sub'"; usage >&2; exit 2 ;;
esac
