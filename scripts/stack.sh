#!/usr/bin/env bash
# summary: local services: stack up | down [--purge] | status | restart SERVICE   (PostgreSQL, Redis, Kafka, S3)
#
# Runs PostgreSQL 15, Redis, Kafka 4.1 (KRaft, one node) and S3Proxy on 127.0.0.1 as plain
# processes (no Docker), with all data, logs and pid files under .flextime/. Installs what is
# missing (Debian packages, jars from Maven Central) on first use.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$FLEXTIME_ROOT"

usage() {
  cat <<EOF
usage: ./flextime stack <up|down|status|restart>

  up               start what is not running, wait until each service answers, create the
                   Kafka topics and S3 buckets, apply the SQL migrations (./flextime db migrate),
                   print the endpoints and write them to .flextime/stack.env. Idempotent.
  down [--purge]   stop what 'up' started (data is kept); --purge also deletes the data,
                   logs and config under .flextime/ (downloaded jars and caches are kept)
  status           running/stopped, pid and port of each service; exit 0 if all run, else 3
  restart SERVICE [--down SECONDS]
                   stop one service (postgres, redis, kafka, s3proxy), keep it down that long,
                   start it again (fault tests: the functions must ride through it)

Environment (defaults):
  FLEXTIME_PG_PORT=55432  FLEXTIME_REDIS_PORT=56379  FLEXTIME_S3_PORT=58333
  FLEXTIME_KAFKA_PORT=59092  FLEXTIME_KAFKA_CONTROLLER_PORT=59093  FLEXTIME_KAFKA_PARTITIONS=3
  FLEXTIME_BUCKETS="flextime-uploads flextime-data flextime-exports flextime-backups flextime-audit"
  FLEXTIME_SKIP_MIGRATE=1  skip the migrations in 'up'

Logs: .flextime/logs/<service>.log
EOF
}

# ---------------------------------------------------------------------------------------------
# Paths
FT_CONF="$FT_HOME/conf"
KAFKA_DIR="$FT_HOME/kafka"
KAFKA_CP_FILE="$FT_HOME/kafka.classpath"
REDIS_DIR="$FT_HOME/redis"
S3_DIR="$FT_HOME/s3"
S3PROXY_VERSION="$(sed -n 's:.*<s3proxy.version>\(.*\)</s3proxy.version>.*:\1:p' "$FT_STACK_POM" | head -n 1)"
S3PROXY_JAR="$FT_LIB/s3proxy-$S3PROXY_VERSION-jar-with-dependencies.jar"

PG_BASE=      # set by pg_paths (may live outside .flextime, see ft_pg_base)
pg_paths() {
  [[ -n "$PG_BASE" ]] && return 0
  PG_BASE="$(ft_pg_base)"
  PGDATA_DIR="$PG_BASE/data"
  PG_SOCK="$PG_BASE/sock"
  PG_LOG="$PG_BASE/postgres.log"
}

# ---------------------------------------------------------------------------------------------
# Service probes. *_pid prints the pid of our process if it runs; *_ready is true when it answers.

pg_pid() {
  pg_paths
  [[ -f "$PGDATA_DIR/postmaster.pid" ]] || return 1
  ft_pid_alive "$PGDATA_DIR/postmaster.pid" "$PGDATA_DIR"
}
pg_ready() { "$FT_PG_BIN/pg_isready" -q -h "$FT_HOST" -p "$FLEXTIME_PG_PORT" -t 1 2>/dev/null; }

redis_pid() { ft_pid_alive "$FT_RUN/redis.pid" "redis-server"; }
redis_ready() {
  local r
  r="$(redis-cli -h "$FT_HOST" -p "$FLEXTIME_REDIS_PORT" ping 2>/dev/null || true)"
  [[ "$r" == PONG ]]
}

kafka_pid() { ft_pid_alive "$FT_RUN/kafka.pid" "$FT_CONF/kafka-server.properties"; }
kafka_ready() { ft_port_open "$FLEXTIME_KAFKA_PORT"; }

s3_pid() { ft_pid_alive "$FT_RUN/s3proxy.pid" "$FT_CONF/s3proxy.properties"; }
# A SigV4-signed request with an empty body (S3Proxy wants x-amz-content-sha256, which curl's
# --aws-sigv4 does not add by itself: this is the SHA-256 of nothing).
s3_curl() { # path [curl args...]
  local path="$1"; shift
  curl -sS --max-time 5 --aws-sigv4 "aws:amz:$FT_S3_REGION:s3" \
    --user "$FT_S3_ACCESS_KEY:$FT_S3_SECRET_KEY" \
    -H 'x-amz-content-sha256: e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855' \
    "$@" "http://$FT_HOST:$FLEXTIME_S3_PORT$path"
}
s3_ready() {
  [[ "$(s3_curl / -o /dev/null -w '%{http_code}' 2>/dev/null || true)" == 200 ]]
}

# Dies with a clear message if a port we need is held by something that is not ours.
check_port_free() { # port env-var service
  if ft_port_open "$1"; then
    ft_die "port $1 ($2, for $3) is already in use by $(ft_port_holder "$1"); stop it or set $2 to another port"
  fi
}

# Dies if our process runs but does not answer on the configured port (e.g. the port env var
# changed since it was started).
check_running_answers() { # name pid ready-fn port env-var
  local name="$1" pid="$2" ready="$3" port="$4" var="$5"
  if ! ft_wait_until 5 "$ready"; then
    ft_die "$name is running (pid $pid) but does not answer on port $port; if $var changed since it started, run './flextime stack down' first (log: .flextime/logs/$name.log)"
  fi
}

# ---------------------------------------------------------------------------------------------
# Prerequisites: packages and jars (only work on first use).

ensure_packages() {
  local pkgs=()
  [[ -x "$FT_PG_BIN/postgres" && -x "$FT_PG_BIN/pg_ctl" && -x "$FT_PG_BIN/psql" ]] || pkgs+=(postgresql)
  command -v redis-server >/dev/null 2>&1 || pkgs+=(redis-server)
  command -v redis-cli >/dev/null 2>&1 || pkgs+=(redis-tools)
  command -v curl >/dev/null 2>&1 || pkgs+=(curl)
  command -v jq >/dev/null 2>&1 || pkgs+=(jq)  # scripts read the contract's JSON (ids.schema.json)
  command -v java >/dev/null 2>&1 || ft_die "java (17+) is not on the PATH"
  command -v mvn >/dev/null 2>&1 || ft_die "mvn is not on the PATH"
  if ((${#pkgs[@]})); then
    ft_apt_install "${pkgs[@]}"
    [[ -x "$FT_PG_BIN/postgres" ]] || ft_die "PostgreSQL 15 binaries not found in $FT_PG_BIN after installing 'postgresql'"
  fi
}

kafka_classpath_ok() {
  [[ -s "$KAFKA_CP_FILE" && "$KAFKA_CP_FILE" -nt "$FT_STACK_POM" ]] || return 1
  local IFS=: jar
  # shellcheck disable=SC2013  # the file is one ':'-separated line
  for jar in $(cat "$KAFKA_CP_FILE"); do [[ -f "$jar" ]] || return 1; done
}

ensure_jars() {
  mkdir -p "$FT_LIB" "$FT_LOGS"
  local need_cp=0 need_s3=0
  kafka_classpath_ok || need_cp=1
  [[ -s "$S3PROXY_JAR" ]] || need_s3=1
  if ((need_cp || need_s3)); then
    ft_step "Fetching server jars from Maven Central (first run or stack/pom.xml changed; cached in ~/.m2)"
  fi
  if ((need_cp)); then
    ft_mvn "Kafka $(sed -n 's:.*<kafka.version>\(.*\)</kafka.version>.*:\1:p' "$FT_STACK_POM" | head -n 1) classpath" \
      "$FT_LOGS/mvn-kafka.log" -f "$FT_STACK_POM" dependency:build-classpath \
      -Dmdep.outputFile="$KAFKA_CP_FILE.tmp" -Dmdep.includeScope=runtime \
      || ft_die "could not resolve the Kafka jars (log: .flextime/logs/mvn-kafka.log)"
    mv "$KAFKA_CP_FILE.tmp" "$KAFKA_CP_FILE"
  fi
  if ((need_s3)); then
    ft_mvn "S3Proxy $S3PROXY_VERSION fat jar" "$FT_LOGS/mvn-s3proxy.log" -f "$FT_STACK_POM" \
      dependency:copy -DoutputDirectory="$FT_LIB" \
      || ft_die "could not fetch S3Proxy (log: .flextime/logs/mvn-s3proxy.log)"
    [[ -s "$S3PROXY_JAR" ]] || ft_die "S3Proxy jar missing after download: $S3PROXY_JAR"
  fi
}

# Compiles stack/tools/*.java against the Kafka classpath when they changed.
ensure_tools() {
  local stamp="$FT_TOOLS/.compiled" src newer=0
  for src in "$FLEXTIME_ROOT"/stack/tools/*.java; do
    [[ "$src" -nt "$stamp" ]] && newer=1
  done
  [[ "$KAFKA_CP_FILE" -nt "$stamp" ]] && newer=1
  ((newer)) || return 0
  rm -rf "$FT_TOOLS"; mkdir -p "$FT_TOOLS"
  javac -nowarn -d "$FT_TOOLS" -cp "$(cat "$KAFKA_CP_FILE")" "$FLEXTIME_ROOT"/stack/tools/*.java \
    >"$FT_LOGS/tools-javac.log" 2>&1 || { ft_tail_log "$FT_LOGS/tools-javac.log"; ft_die "could not compile stack/tools"; }
  cat >"$FT_TOOLS/log4j2.properties" <<'EOF'
status = error
appender.err.type = Console
appender.err.name = err
appender.err.target = SYSTEM_ERR
appender.err.layout.type = PatternLayout
appender.err.layout.pattern = %p %c{1}: %m%n
rootLogger.level = error
rootLogger.appenderRef.err.ref = err
EOF
  touch "$stamp"
}

kafka_tool() { # KafkaTopics args...
  java -XX:TieredStopAtLevel=1 -Xmx128m -Dlog4j2.configurationFile="$FT_TOOLS/log4j2.properties" \
    -cp "$FT_TOOLS:$(cat "$KAFKA_CP_FILE")" "$@"
}

# ---------------------------------------------------------------------------------------------
# PostgreSQL

pg_write_conf() {
  cat >"$PGDATA_DIR/flextime.conf" <<EOF
# Written by ./flextime stack up on every start; edit scripts/stack.sh instead.
port = $FLEXTIME_PG_PORT
listen_addresses = '$FT_HOST'
unix_socket_directories = '$PG_SOCK'
max_connections = 200
shared_buffers = 256MB
# Dev box: commits return before the WAL flush (fsync stays on, so no corruption on a crash).
synchronous_commit = off
wal_level = logical
max_replication_slots = 4
max_wal_senders = 4
password_encryption = scram-sha-256
log_line_prefix = '%m [%p] %q%u@%d '
log_min_duration_statement = -1
EOF
  if [[ $EUID -eq 0 ]]; then chown postgres: "$PGDATA_DIR/flextime.conf"; fi
}

pg_init() {
  pg_paths
  local owner
  owner="$(ft_pg_user)"
  mkdir -p "$PG_BASE" "$PGDATA_DIR" "$PG_SOCK"
  if [[ $EUID -eq 0 ]]; then chown "$owner": "$PG_BASE" "$PGDATA_DIR" "$PG_SOCK"; fi
  chmod 700 "$PGDATA_DIR"
  chmod 755 "$PG_BASE"
  chmod 700 "$PG_SOCK"
  if [[ $EUID -eq 0 ]] && ! runuser -u postgres -- test -w "$PGDATA_DIR"; then
    ft_die "the postgres OS user cannot write $PGDATA_DIR (a parent directory is not traversable?)"
  fi
  [[ -f "$PGDATA_DIR/PG_VERSION" ]] && return 0
  ft_step "Initializing the PostgreSQL cluster in ${PGDATA_DIR#"$FLEXTIME_ROOT"/} (first run only)"
  ft_as_pg "$FT_PG_BIN/initdb" -D "$PGDATA_DIR" -U postgres -E UTF8 --locale=C.UTF-8 \
    --auth-local=peer --auth-host=scram-sha-256 >"$FT_LOGS/initdb.log" 2>&1 \
    || { ft_tail_log "$FT_LOGS/initdb.log"; rm -rf "${PGDATA_DIR:?}"/*; ft_die "initdb failed"; }
  echo "include_if_exists = 'flextime.conf'" >>"$PGDATA_DIR/postgresql.conf"
}

pg_start() {
  pg_init
  pg_write_conf
  # The server log lives next to the data (writable by postgres); .flextime/logs links to it.
  if [[ ! -e "$PG_LOG" ]]; then touch "$PG_LOG"; fi
  if [[ $EUID -eq 0 ]]; then chown postgres: "$PG_LOG"; fi
  ln -sfn "$PG_LOG" "$FT_LOGS/postgres.log"
  rm -f "$FT_RUN/pg.setup-done"
  if ! ft_as_pg "$FT_PG_BIN/pg_ctl" -D "$PGDATA_DIR" -l "$PG_LOG" -w -t 60 -s start >>"$FT_LOGS/pg_ctl.log" 2>&1 9>&-; then
    ft_tail_log "$PG_LOG"
    ft_die "PostgreSQL failed to start on port $FLEXTIME_PG_PORT"
  fi
}

# Roles and database; idempotent. Runs after each start of the server (and when never run).
pg_setup() {
  pg_paths
  local marker="$FT_RUN/pg.setup-done"   # removed by each start of the server
  [[ -f "$marker" ]] && return 0
  ft_as_pg "$FT_PG_BIN/psql" -X -q -h "$PG_SOCK" -p "$FLEXTIME_PG_PORT" -U postgres -d postgres \
    -v ON_ERROR_STOP=1 >"$FT_LOGS/pg-setup.log" 2>&1 <<EOF || { ft_tail_log "$FT_LOGS/pg-setup.log"; ft_die "could not create the PostgreSQL roles/database"; }
DO \$\$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$FT_PG_OWNER') THEN
    CREATE ROLE $FT_PG_OWNER LOGIN SUPERUSER CREATEDB CREATEROLE PASSWORD '$FT_PG_OWNER_PASSWORD';
  ELSE
    ALTER ROLE $FT_PG_OWNER LOGIN SUPERUSER CREATEDB CREATEROLE PASSWORD '$FT_PG_OWNER_PASSWORD';
  END IF;
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$FT_PG_APP') THEN
    CREATE ROLE $FT_PG_APP LOGIN PASSWORD '$FT_PG_APP_PASSWORD' NOSUPERUSER NOBYPASSRLS;
  ELSE
    ALTER ROLE $FT_PG_APP LOGIN PASSWORD '$FT_PG_APP_PASSWORD' NOSUPERUSER NOBYPASSRLS;
  END IF;
END
\$\$;
SELECT 'CREATE DATABASE $FT_PG_DB OWNER $FT_PG_OWNER'
 WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = '$FT_PG_DB')\gexec
EOF
  touch "$marker"
}

pg_stop() {
  local pid
  rm -f "$FT_RUN/pg.setup-done"
  pid="$(pg_pid)" || return 0
  ft_as_pg "$FT_PG_BIN/pg_ctl" -D "$PGDATA_DIR" -m fast -w -t 60 -s stop >>"$FT_LOGS/pg_ctl.log" 2>&1 || true
  ft_wait_exit "$pid" 30 postgres
}

pg_after_ready() { pg_setup; }

# ---------------------------------------------------------------------------------------------
# Redis

redis_start() {
  mkdir -p "$REDIS_DIR" "$FT_CONF" "$FT_RUN" "$FT_LOGS"
  cat >"$FT_CONF/redis.conf" <<EOF
# Written by ./flextime stack up on every start.
bind $FT_HOST
port $FLEXTIME_REDIS_PORT
protected-mode no
daemonize yes
pidfile $FT_RUN/redis.pid
logfile $FT_LOGS/redis.log
dir $REDIS_DIR
appendonly yes
appendfsync everysec
save ""
EOF
  rm -f "$FT_RUN/redis.pid"
  redis-server "$FT_CONF/redis.conf" >>"$FT_LOGS/redis.log" 2>&1 9>&- \
    || { ft_tail_log "$FT_LOGS/redis.log"; ft_die "redis-server failed to start"; }
}

redis_stop() {
  local pid
  pid="$(redis_pid)" || return 0
  kill -TERM "$pid" 2>/dev/null || true
  ft_wait_exit "$pid" 20 redis
  rm -f "$FT_RUN/redis.pid"
}

redis_after_ready() { :; }

# ---------------------------------------------------------------------------------------------
# Kafka

kafka_new_cluster_id() {
  # Same shape as kafka-storage random-uuid (base64url of 16 random bytes, not starting with '-').
  local id
  while :; do
    id="$(head -c 16 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n')"
    [[ "$id" != -* ]] && break
  done
  printf '%s' "$id"
}

kafka_write_conf() {
  mkdir -p "$FT_CONF" "$KAFKA_DIR/data"
  cat >"$FT_CONF/kafka-server.properties" <<EOF
# Written by ./flextime stack up on every start. Single node, KRaft (broker + controller).
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@$FT_HOST:$FLEXTIME_KAFKA_CONTROLLER_PORT
listeners=PLAINTEXT://$FT_HOST:$FLEXTIME_KAFKA_PORT,CONTROLLER://$FT_HOST:$FLEXTIME_KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://$FT_HOST:$FLEXTIME_KAFKA_PORT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
log.dirs=$KAFKA_DIR/data
num.partitions=$FLEXTIME_KAFKA_PARTITIONS
default.replication.factor=1
min.insync.replicas=1
offsets.topic.replication.factor=1
offsets.topic.num.partitions=10
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
transaction.state.log.num.partitions=10
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
# Topics are created explicitly from events/.../topics.txt; auto-creation stays on for tests.
auto.create.topics.enable=true
num.network.threads=2
num.io.threads=4
log.retention.hours=168
EOF
  cat >"$FT_CONF/kafka-log4j2.properties" <<EOF
status = warn
appender.out.type = Console
appender.out.name = out
appender.out.layout.type = PatternLayout
appender.out.layout.pattern = [%d] %p %m (%c)%n
rootLogger.level = info
rootLogger.appenderRef.out.ref = out
logger.statechange.name = state.change.logger
logger.statechange.level = warn
logger.request.name = kafka.request.logger
logger.request.level = warn
logger.authorizer.name = kafka.authorizer.logger
logger.authorizer.level = warn
EOF
}

kafka_start() {
  kafka_write_conf
  local cp
  cp="$(cat "$KAFKA_CP_FILE")"
  if [[ ! -f "$KAFKA_DIR/data/meta.properties" ]]; then
    [[ -s "$KAFKA_DIR/cluster.id" ]] || kafka_new_cluster_id >"$KAFKA_DIR/cluster.id"
    rm -f "$KAFKA_DIR/topics.stamp"
    java -Xmx256m -XX:TieredStopAtLevel=1 -Dlog4j2.configurationFile="$FT_CONF/kafka-log4j2.properties" \
      -cp "$cp" kafka.tools.StorageTool format -t "$(cat "$KAFKA_DIR/cluster.id")" \
      -c "$FT_CONF/kafka-server.properties" >>"$FT_LOGS/kafka-format.log" 2>&1 \
      || { ft_tail_log "$FT_LOGS/kafka-format.log"; ft_die "formatting the Kafka storage failed"; }
  fi
  ft_spawn "$FT_RUN/kafka.pid" "$FT_LOGS/kafka.log" \
    java -Xms256m -Xmx512m -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -XX:+ExitOnOutOfMemoryError \
    -Djava.awt.headless=true -Dkafka.logs.dir="$FT_LOGS" \
    -Dlog4j2.configurationFile="$FT_CONF/kafka-log4j2.properties" \
    -cp "$cp" kafka.Kafka "$FT_CONF/kafka-server.properties"
}

# Creates the topics of topics.txt once the broker answers admin calls. Skipped when the file,
# partition count and cluster are unchanged since the last successful run.
kafka_topics() {
  local stamp_file="$KAFKA_DIR/topics.stamp" stamp src="$FT_TOPICS_FILE"
  if [[ ! -f "$FT_TOPICS_FILE" ]]; then
    ft_warn "no topic list at ${FT_TOPICS_FILE#"$FLEXTIME_ROOT"/}: creating no topics"
    src=-
  fi
  stamp="$( { [[ "$src" == - ]] || cat "$src"; echo "$FLEXTIME_KAFKA_PARTITIONS"; cat "$KAFKA_DIR/cluster.id" 2>/dev/null; } | sha256sum | cut -c1-32)"
  if [[ "${1:-}" != --force && -f "$stamp_file" && "$(cat "$stamp_file")" == "$stamp" ]]; then
    return 0
  fi
  ensure_tools
  local out
  if ! out="$(kafka_tool KafkaTopics ensure "$FT_HOST:$FLEXTIME_KAFKA_PORT" "$FLEXTIME_KAFKA_PARTITIONS" "$src" 90 2>&1)"; then
    printf '%s\n' "$out" >&2
    ft_tail_log "$FT_LOGS/kafka.log"
    ft_die "Kafka does not accept admin calls / topic creation failed"
  fi
  printf '%s\n' "$out" | sed 's/^/    kafka /'
  [[ "$src" == - ]] || printf '%s' "$stamp" >"$stamp_file"
}

kafka_stop() {
  local pid
  pid="$(kafka_pid)" || return 0
  kill -TERM "$pid" 2>/dev/null || true
  ft_wait_exit "$pid" 45 kafka
  rm -f "$FT_RUN/kafka.pid"
}

# A broker this 'up' started may be new (storage just formatted): create the topics without the stamp.
kafka_after_ready() { if [[ "${1:-}" == started ]]; then kafka_topics --force; else kafka_topics; fi; }

# ---------------------------------------------------------------------------------------------
# S3Proxy

s3_write_conf() {
  mkdir -p "$FT_CONF" "$S3_DIR"
  cat >"$FT_CONF/s3proxy.properties" <<EOF
# Written by ./flextime stack up on every start.
s3proxy.endpoint=http://$FT_HOST:$FLEXTIME_S3_PORT
s3proxy.authorization=aws-v2-or-v4
s3proxy.identity=$FT_S3_ACCESS_KEY
s3proxy.credential=$FT_S3_SECRET_KEY
s3proxy.ignore-unknown-headers=true
jclouds.provider=filesystem
jclouds.identity=$FT_S3_ACCESS_KEY
jclouds.credential=$FT_S3_SECRET_KEY
jclouds.filesystem.basedir=$S3_DIR
EOF
}

# The filesystem backend maps each directory of the basedir to a bucket.
s3_make_bucket_dirs() {
  local b
  mkdir -p "$S3_DIR"
  for b in $FLEXTIME_BUCKETS; do
    [[ "$b" =~ ^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$ ]] || ft_die "invalid bucket name in FLEXTIME_BUCKETS: '$b'"
    mkdir -p "$S3_DIR/$b"
  done
}

s3_start() {
  s3_write_conf
  s3_make_bucket_dirs
  ft_spawn "$FT_RUN/s3proxy.pid" "$FT_LOGS/s3proxy.log" \
    java -Xms64m -Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:+ExitOnOutOfMemoryError \
    -Djava.awt.headless=true -Dlogback.statusListenerClass=ch.qos.logback.core.status.NopStatusListener \
    -jar "$S3PROXY_JAR" --properties "$FT_CONF/s3proxy.properties"
}

# Checks that the listing shows every bucket; creates missing ones with a signed PUT.
s3_buckets() {
  local listing b missing=()
  s3_make_bucket_dirs
  listing="$(s3_curl / 2>&1)" || { ft_err "listing buckets failed: $listing"; return 1; }
  for b in $FLEXTIME_BUCKETS; do
    grep -q "<Name>$b</Name>" <<<"$listing" || missing+=("$b")
  done
  for b in "${missing[@]}"; do
    local code
    code="$(s3_curl "/$b" -X PUT -o /dev/null -w '%{http_code}' 2>/dev/null || true)"
    [[ "$code" == 200 || "$code" == 409 ]] || { ft_err "could not create bucket $b (HTTP $code)"; return 1; }
  done
}

s3_stop() {
  local pid
  pid="$(s3_pid)" || return 0
  kill -TERM "$pid" 2>/dev/null || true
  ft_wait_exit "$pid" 20 s3proxy
  rm -f "$FT_RUN/s3proxy.pid"
}

s3_after_ready() { s3_buckets || { ft_tail_log "$FT_LOGS/s3proxy.log"; ft_die "S3 bucket setup failed"; }; }

# ---------------------------------------------------------------------------------------------
# The services, one description each. A service's own section above defines <prefix>_pid,
# <prefix>_ready, <prefix>_start, <prefix>_stop and <prefix>_after_ready (run once it answers; given
# "started" when this 'up' started it); the commands below only loop over this table.

SERVICES=(postgres redis kafka s3proxy)          # display order (status, waits)
START_ORDER=(kafka s3proxy redis postgres)       # slowest first: the JVMs boot while the others start
declare -A PREFIX=([postgres]=pg [redis]=redis [kafka]=kafka [s3proxy]=s3)
declare -A PORT_VAR=([postgres]=FLEXTIME_PG_PORT [redis]=FLEXTIME_REDIS_PORT [kafka]=FLEXTIME_KAFKA_PORT
  [s3proxy]=FLEXTIME_S3_PORT)
declare -A MORE_PORTS=([kafka]="FLEXTIME_KAFKA_CONTROLLER_PORT:kafka controller")
declare -A READY_TIMEOUT=([postgres]=30 [redis]=30 [kafka]=90 [s3proxy]=60)

svc() { # service verb [args...]: runs <prefix>_<verb>
  local name="$1" verb="$2"; shift 2
  "${PREFIX[$name]}_$verb" "$@"
}
svc_port() { printf '%s' "${!PORT_VAR[$1]}"; }
svc_log() {
  if [[ "$1" == postgres ]]; then pg_paths; printf '%s' "$PG_LOG"; else printf '%s' "$FT_LOGS/$1.log"; fi
}

# ---------------------------------------------------------------------------------------------
# Commands

write_env() {
  local jdbc="jdbc:postgresql://$FT_HOST:$FLEXTIME_PG_PORT/$FT_PG_DB"
  cat >"$FT_HOME/stack.env.tmp" <<EOF
# Written by ./flextime stack up. Source it: set -a; . .flextime/stack.env; set +a
FLEXTIME_PG_HOST=$FT_HOST
FLEXTIME_PG_PORT=$FLEXTIME_PG_PORT
FLEXTIME_PG_DATABASE=$FT_PG_DB
FLEXTIME_PG_JDBC_URL=$jdbc
FLEXTIME_PG_USER=$FT_PG_OWNER
FLEXTIME_PG_PASSWORD=$FT_PG_OWNER_PASSWORD
FLEXTIME_PG_APP_USER=$FT_PG_APP
FLEXTIME_PG_APP_PASSWORD=$FT_PG_APP_PASSWORD
FLEXTIME_REDIS_PORT=$FLEXTIME_REDIS_PORT
FLEXTIME_REDIS_URL=redis://$FT_HOST:$FLEXTIME_REDIS_PORT
FLEXTIME_KAFKA_PORT=$FLEXTIME_KAFKA_PORT
FLEXTIME_KAFKA_BOOTSTRAP=$FT_HOST:$FLEXTIME_KAFKA_PORT
FLEXTIME_S3_PORT=$FLEXTIME_S3_PORT
FLEXTIME_S3_ENDPOINT=http://$FT_HOST:$FLEXTIME_S3_PORT
FLEXTIME_S3_REGION=$FT_S3_REGION
FLEXTIME_S3_ACCESS_KEY=$FT_S3_ACCESS_KEY
FLEXTIME_S3_SECRET_KEY=$FT_S3_SECRET_KEY
FLEXTIME_BUCKETS="$FLEXTIME_BUCKETS"
EOF
  mv "$FT_HOME/stack.env.tmp" "$FT_HOME/stack.env"
}

print_endpoints() {
  cat <<EOF
  postgres  jdbc:postgresql://$FT_HOST:$FLEXTIME_PG_PORT/$FT_PG_DB  (owner $FT_PG_OWNER/$FT_PG_OWNER_PASSWORD, app $FT_PG_APP/$FT_PG_APP_PASSWORD)
  redis     redis://$FT_HOST:$FLEXTIME_REDIS_PORT
  kafka     $FT_HOST:$FLEXTIME_KAFKA_PORT
  s3        http://$FT_HOST:$FLEXTIME_S3_PORT  (path-style, key $FT_S3_ACCESS_KEY / $FT_S3_SECRET_KEY, region $FT_S3_REGION)
  env       .flextime/stack.env
EOF
}

lock_stack() {
  mkdir -p "$FT_RUN"
  exec 9>"$FT_RUN/stack.lock"
  if ! flock -n 9; then
    ft_info "waiting for another ./flextime stack command to finish (lock held by pid $(ft_file_holders "$FT_RUN/stack.lock")) ..."
    flock -w 600 9 || ft_die "timed out waiting for the stack lock ($FT_RUN/stack.lock)"
  fi
}

cmd_up() {
  local t0 name started=()
  declare -A pid_of=()
  t0="$(ft_now)"
  lock_stack
  mkdir -p "$FT_RUN" "$FT_LOGS" "$FT_CONF"
  pg_paths
  for name in "${SERVICES[@]}"; do pid_of[$name]="$(svc "$name" pid || true)"; done

  local missing=0 extra var
  for name in "${SERVICES[@]}"; do
    [[ -z "${pid_of[$name]}" ]] || continue
    missing=1
    # Refuse early, before installing or starting anything, if a port is taken by a stranger.
    check_port_free "$(svc_port "$name")" "${PORT_VAR[$name]}" "$name"
    for extra in ${MORE_PORTS[$name]:+"${MORE_PORTS[$name]}"}; do
      var="${extra%%:*}"
      check_port_free "${!var}" "$var" "${extra#*:}"
    done
  done
  if ((missing)); then
    ensure_packages
    ensure_jars
    ft_step "Starting services"
    for name in "${START_ORDER[@]}"; do
      [[ -n "${pid_of[$name]}" ]] || { svc "$name" start; started+=("$name"); }
    done
  fi

  # Wait for each service (a process that dies meanwhile fails fast with its log), then set it up.
  local deadline log port
  for name in "${SERVICES[@]}"; do
    port="$(svc_port "$name")"
    if [[ " ${started[*]} " == *" $name "* ]]; then
      log="$(svc_log "$name")"
      deadline=$((SECONDS + READY_TIMEOUT[$name]))
      until svc "$name" ready; do
        svc "$name" pid >/dev/null || { ft_tail_log "$log"; ft_die "$name exited during startup (log: ${log#"$FLEXTIME_ROOT"/})"; }
        ((SECONDS < deadline)) || { ft_tail_log "$log"; ft_die "$name did not answer on port $port (${PORT_VAR[$name]}) within ${READY_TIMEOUT[$name]} s"; }
        sleep 0.1
      done
      svc "$name" after_ready started
    else
      check_running_answers "$name" "${pid_of[$name]}" "${PREFIX[$name]}_ready" "$port" "${PORT_VAR[$name]}"
      svc "$name" after_ready
    fi
  done

  write_env
  if ((${#started[@]})); then
    ft_ok "started ${started[*]} in $(ft_since "$t0")"
  fi

  if [[ -z "${FLEXTIME_SKIP_MIGRATE:-}" ]]; then
    # Local database only: FLEXTIME_DB_* must not redirect 'stack up' to a remote database.
    env -u FLEXTIME_DB_URL -u FLEXTIME_DB_USER -u FLEXTIME_DB_PASSWORD \
      bash "$FLEXTIME_ROOT/scripts/db.sh" migrate --if-changed
  fi

  ft_ok "stack up ($(ft_since "$t0"))"
  print_endpoints
}

cmd_down() {
  local purge=0 name
  case "${1:-}" in
    --purge) purge=1 ;;
    "") ;;
    *) ft_die "unknown option for 'stack down': $1" ;;
  esac
  lock_stack
  pg_paths
  local stopped=() waits=() left=()
  for name in "${SERVICES[@]}"; do
    svc "$name" pid >/dev/null && stopped+=("$name")
  done
  # Stop in parallel; each waits for its process to exit.
  for name in "${SERVICES[@]}"; do
    svc "$name" stop &
    waits+=($!)
  done
  wait "${waits[@]}" || true

  # Verify nothing of ours is left.
  for name in "${SERVICES[@]}"; do
    svc "$name" pid >/dev/null && left+=("$name")
  done
  ((${#left[@]} == 0)) || ft_die "still running after stop: ${left[*]}"

  if ((purge)); then
    # Keep the downloads (lib/, tools/, kafka.classpath); delete data, logs, config, state.
    local real_pg
    real_pg="$(readlink -f "$FT_HOME/pg" 2>/dev/null || true)"
    if [[ -n "$real_pg" && "$real_pg" != "$FT_HOME/pg" && "$real_pg" == /var/lib/flextime/* ]]; then
      rm -rf "$real_pg"
      rmdir "$(dirname "$real_pg")" /var/lib/flextime 2>/dev/null || true
    fi
    rm -rf "$FT_HOME/pg" "$REDIS_DIR" "$KAFKA_DIR" "$S3_DIR" "$FT_CONF" "$FT_LOGS" \
      "$FT_HOME/stack.env"
    find "$FT_RUN" -mindepth 1 ! -name stack.lock -delete 2>/dev/null || true
    ft_ok "stopped ${stopped[*]:-nothing}; purged data under .flextime/ (kept lib/, tools/, kafka.classpath)"
  else
    ft_ok "stopped ${stopped[*]:-nothing (nothing was running)}; data kept in .flextime/"
  fi
}

cmd_status() {
  pg_paths
  local all=0 name pid state port extra var
  printf '%-9s %-8s %-8s %s\n' SERVICE STATE PID PORT
  for name in "${SERVICES[@]}"; do
    if pid="$(svc "$name" pid)"; then
      if svc "$name" ready; then state=running; else state=starting; all=1; fi
    else
      pid=-; state=stopped; all=1
    fi
    port="$(svc_port "$name")"
    for extra in ${MORE_PORTS[$name]:+"${MORE_PORTS[$name]}"}; do
      var="${extra%%:*}"
      port+=" (${extra#*:} ${!var})"
    done
    printf '%-9s %-8s %-8s %s\n' "$name" "$state" "$pid" "$port"
  done
  if ((all)); then return 3; fi
  return 0
}

# Stops one service, keeps it down for --down seconds (an outage as the functions see it), then
# brings it back with 'up'. For fault tests and trying out recovery by hand.
cmd_restart() {
  local name="${1:-}" down=0
  shift || true
  if [[ "${1:-}" == --down ]]; then down="${2:-}"; shift 2; fi
  [[ "$down" =~ ^[0-9]+$ ]] || ft_die "--down takes whole seconds"
  [[ -n "$name" && -n "${PREFIX[$name]:-}" ]] \
    || ft_die "usage: ./flextime stack restart <$(IFS='|'; echo "${SERVICES[*]}")> [--down SECONDS]"
  lock_stack
  pg_paths
  local t0
  t0="$(ft_now)"
  svc "$name" stop
  ft_ok "stopped $name"
  sleep "$down"
  exec 9>&-   # cmd_up takes the stack lock itself
  FLEXTIME_SKIP_MIGRATE=1 cmd_up >/dev/null
  ft_ok "restarted $name (down $(ft_since "$t0"))"
}

sub="${1:-}"
[[ $# -gt 0 ]] && shift
case "$sub" in
  up) cmd_up "$@" ;;
  restart) cmd_restart "$@" ;;
  down) cmd_down "$@" ;;
  status) cmd_status "$@" ;;
  -h|--help|help|"") usage ;;
  *) ft_err "unknown stack command '$sub'"; usage >&2; exit 2 ;;
esac
