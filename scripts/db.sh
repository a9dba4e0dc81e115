#!/usr/bin/env bash
# summary: database: db migrate [--if-changed] | template [--version V] | psql [--app] [args] | url   (Flyway, psql)
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
          FLEXTIME_DB_URL='jdbc:postgresql://<host>:5432/flextime?sslmode=verify-full&sslrootcert=<RDS CA bundle>' \\
          FLEXTIME_DB_USER=flextime FLEXTIME_DB_PASSWORD=... ./flextime db migrate
        (the password goes to Flyway through the environment, not the command line)

  template [--version V]
        build the restore template flextime_template_v<V> (default: the newest migration): an empty
        database migrated to V whose tables belong to the backup role, marked as a template. Restores
        and backup verifications copy it (the backup role runs no migrations: README "Identity, roles
        and audit"). 'migrate' builds the current one; a backup at an older schema version needs its
        own. Rebuilt only when the migration files changed; local or FLEXTIME_DB_URL as for migrate.

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
  if ((!remote)); then
    # The backup role (created by migration V71, not a superuser) logs in with the stack's password.
    owner_psql postgres -c "ALTER ROLE $FT_PG_BACKUP LOGIN PASSWORD '$FT_PG_BACKUP_PASSWORD'" >/dev/null
  fi
  [[ -n "$stamp" ]] && printf '%s' "$stamp" >"$stamp_file"
  ft_ok "migrations applied ($(ft_since "$start"))"
  cmd_template
}

# psql as the schema owner on a database of the same server (local stack, or FLEXTIME_DB_URL's).
owner_psql() { # database, psql args...
  local db="$1"; shift
  if [[ -n "${FLEXTIME_DB_URL:-}" ]]; then
    [[ "$FLEXTIME_DB_URL" =~ ^jdbc:postgresql://([^:/?]+)(:([0-9]+))?/[^?]*(\?(.*))?$ ]] \
      || ft_die "FLEXTIME_DB_URL is not a jdbc:postgresql://host[:port]/db URL"
    local sslmode
    sslmode="$(grep -o 'sslmode=[a-z-]*' <<<"${BASH_REMATCH[5]}" | cut -d= -f2 || true)"
    local rootcert
    rootcert="$(grep -o 'sslrootcert=[^&]*' <<<"${BASH_REMATCH[5]}" | cut -d= -f2- || true)"
    env PGPASSWORD="${FLEXTIME_DB_PASSWORD:-}" PGSSLMODE="${sslmode:-require}" ${rootcert:+"PGSSLROOTCERT=$rootcert"} \
      PGOPTIONS='-c client_min_messages=warning' psql -X -qAt -v ON_ERROR_STOP=1 -h "${BASH_REMATCH[1]}" -p "${BASH_REMATCH[3]:-5432}" -U "$FLEXTIME_DB_USER" -d "$db" "$@"
  else
    PGPASSWORD="$FT_PG_OWNER_PASSWORD" PGOPTIONS='-c client_min_messages=warning' "$FT_PG_BIN/psql" -X -qAt -v ON_ERROR_STOP=1 -h "$FT_HOST" -p "$FLEXTIME_PG_PORT" \
      -U "$FT_PG_OWNER" -d "$db" "$@"
  fi
}

cmd_template() {
  local target=""
  while (($#)); do
    case "$1" in
      --version) target="${2:?--version needs a value}"; shift ;;
      -h|--help) usage; return 0 ;;
      *) ft_die "unknown option for 'db template': $1" ;;
    esac
    shift
  done
  [[ -z "$target" || "$target" =~ ^[0-9]+(\.[0-9]+)*$ ]] || ft_die "--version: a migration version such as 71"
  local files version
  files="$(find "$FT_MIGRATIONS_DIR" -type f -name 'V*.sql' | sort)"
  # The newest migration (or the one asked for) names the template.
  version="${target:-$(basename -a $files | sed -E 's/^V([0-9._]+)__.*/\1/' | sort -t. -k1,1n -k2,2n | tail -n 1)}"
  local name="flextime_template_v${version//./_}" build="flextime_template_build_$$" sig
  # shellcheck disable=SC2086
  sig="$(cat $files | sha256sum | cut -c1-32)${target:+-$target}"
  local comment="flextime restore template $sig"
  if [[ "$(owner_psql postgres -c "SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = '$name'")" == "$comment" ]]; then
    return 0
  fi
  local url
  if [[ -n "${FLEXTIME_DB_URL:-}" ]]; then url="${FLEXTIME_DB_URL%%\?*}"; url="${url%/*}/$build${FLEXTIME_DB_URL#"${FLEXTIME_DB_URL%%\?*}"}"
  else url="jdbc:postgresql://$FT_HOST:$FLEXTIME_PG_PORT/$build"; fi
  ft_step "Restore template $name (schema version $version)"
  owner_psql postgres -c "DROP DATABASE IF EXISTS $build" -c "CREATE DATABASE $build" >/dev/null
  local rc=0
  FLYWAY_URL="$url" FLYWAY_USER="${FLEXTIME_DB_USER:-$FT_PG_OWNER}" FLYWAY_PASSWORD="${FLEXTIME_DB_PASSWORD:-$FT_PG_OWNER_PASSWORD}" \
  REDGATE_DISABLE_TELEMETRY=true FLYWAY_TELEMETRY_OPTOUT=true \
    mvn -B -f "$FT_STACK_POM" flyway:migrate -Dflyway.url="$url" -Dflyway.user="${FLEXTIME_DB_USER:-$FT_PG_OWNER}" \
      -Dflyway.locations="filesystem:$FT_MIGRATIONS_DIR" ${target:+-Dflyway.target=$target} \
      >"$FT_LOGS/flyway-template.log" 2>&1 || rc=$?
  if ((rc != 0)); then
    owner_psql postgres -c "DROP DATABASE IF EXISTS $build" >/dev/null || true
    ft_tail_log "$FT_LOGS/flyway-template.log" 40
    ft_die "building the restore template failed (log: .flextime/logs/flyway-template.log)"
  fi
  # The backup role owns the template's tables: a restore into a copy loads them and drops and rebuilds
  # their keys and indexes, which needs ownership. Handing a table over needs membership in the new owner
  # unless one is a superuser (on RDS the owner is the master user: CREATEROLE, not a superuser).
  owner_psql "$build" -c "DO \$\$ BEGIN
      IF NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user)
         AND NOT pg_has_role(current_user, '$FT_PG_BACKUP', 'MEMBER') THEN
        EXECUTE format('GRANT $FT_PG_BACKUP TO %I', current_user);
      END IF; END \$\$" >/dev/null
  owner_psql "$build" -c "DO \$\$ DECLARE t record; BEGIN
      FOR t IN SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
               WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') LOOP
        EXECUTE format('ALTER TABLE public.%I OWNER TO $FT_PG_BACKUP', t.relname);
      END LOOP; END \$\$" >/dev/null
  # A template of the same version built from other migration files (edited while in development) goes.
  owner_psql postgres -c "DO \$\$ BEGIN IF EXISTS (SELECT FROM pg_database WHERE datname = '$name') THEN
      EXECUTE 'ALTER DATABASE $name IS_TEMPLATE false'; END IF; END \$\$" -c "DROP DATABASE IF EXISTS $name" \
    -c "COMMENT ON DATABASE $build IS '$comment'" \
    -c "ALTER DATABASE $build RENAME TO $name" \
    -c "ALTER DATABASE $name WITH IS_TEMPLATE true ALLOW_CONNECTIONS false" >/dev/null
  ft_ok "restore template $name"
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
  template) cmd_template "$@" ;;
  psql) cmd_psql "$@" ;;
  url) local_url ;;
  -h|--help|help|"") usage ;;
  *) ft_err "unknown db command '$sub'"; usage >&2; exit 2 ;;
esac
