#!/usr/bin/env bash
# summary: print a token of the local identity provider: ./flextime token --tenant T --role R [--role R2] [--ttl 1h] [--sub NAME] [--alg ES256]
#
# The local stack is the identity provider (in AWS: Cognito or another OIDC provider): an RSA key under
# .flextime/identity/ signs RS256 tokens (iss https://flextime.local/identity, aud flextime, sub, tenant,
# groups = the roles) that the functions trust through the JWKS beside it. Roles: viewer, scheduler,
# publisher, operator; the platform's operators are tenant 'flextime'. The tenant is registered in the
# local database (FlexTime refuses tokens of tenants it does not serve). Default lifetime 1 h, at most 24 h.
#
#   curl -H "Authorization: Bearer $(./flextime token --tenant big12 --role viewer)" ...
set -euo pipefail
cd "$FLEXTIME_ROOT"
source scripts/lib.sh

case "${1:-}" in -h|--help|"") sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;; esac

tenant=""
args=("$@")
for ((i = 0; i < ${#args[@]}; i++)); do
  [[ "${args[$i]}" == --tenant ]] && tenant="${args[$((i + 1))]:-}"
done

TOOLS_JAR=tools/target/flextime-tools-1.0.0-SNAPSHOT.jar
if [[ ! -f "$TOOLS_JAR" || -n "$(find tools/src/main -newer "$TOOLS_JAR" -type f -print -quit)" ]]; then
  mvn -B -q -pl tools -am package -DskipTests >"$FT_LOGS/token-build.log" 2>&1 \
    || { ft_tail_log "$FT_LOGS/token-build.log"; ft_die "could not build the tools module"; }
fi

if [[ "$tenant" =~ ^[a-z0-9][a-z0-9-]{0,62}$ ]]; then
  if ft_port_open "$FLEXTIME_PG_PORT"; then
    PGPASSWORD="$FT_PG_OWNER_PASSWORD" "$FT_PG_BIN/psql" -X -qAt -h "$FT_HOST" -p "$FLEXTIME_PG_PORT" -U "$FT_PG_OWNER" \
      -d "${FLEXTIME_DB_NAME:-$FT_PG_DB}" -c "INSERT INTO tenant (id, created_by) VALUES ('$tenant', 'flextime token') ON CONFLICT (id) DO NOTHING" \
      >/dev/null 2>&1 || ft_warn "tenant $tenant not registered (migrations not applied? ./flextime stack up)"
  else
    ft_warn "PostgreSQL is not running: tenant $tenant not registered (./flextime stack up)"
  fi
fi
exec java -cp "$TOOLS_JAR:tools/target/lib/*" io.flextime.tools.TokenCommand --dir "$FT_HOME/identity" "$@"
