# Shared helpers for ./flextime commands. Source it; it is not a command.
#   source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
# shellcheck shell=bash
# shellcheck disable=SC2034  # the settings below are used by the scripts that source this file

if [[ -z "${FLEXTIME_ROOT:-}" ]]; then
  FLEXTIME_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
  export FLEXTIME_ROOT
fi

# ---------------------------------------------------------------------------------------------
# Layout: everything local lives under .flextime/ (git-ignored).
FT_HOME="$FLEXTIME_ROOT/.flextime"
FT_RUN="$FT_HOME/run"        # pid files, lock, stamps
FT_LOGS="$FT_HOME/logs"      # one log per service
FT_LIB="$FT_HOME/lib"        # downloaded server jars (kept by `stack down --purge`)
FT_TOOLS="$FT_HOME/tools"    # compiled stack/tools/*.java (kept by --purge)

# Ports and settings, all overridable from the environment.
FLEXTIME_PG_PORT="${FLEXTIME_PG_PORT:-55432}"
FLEXTIME_REDIS_PORT="${FLEXTIME_REDIS_PORT:-56379}"
FLEXTIME_KAFKA_PORT="${FLEXTIME_KAFKA_PORT:-59092}"
FLEXTIME_KAFKA_CONTROLLER_PORT="${FLEXTIME_KAFKA_CONTROLLER_PORT:-59093}"
FLEXTIME_KAFKA_PARTITIONS="${FLEXTIME_KAFKA_PARTITIONS:-3}"
FLEXTIME_S3_PORT="${FLEXTIME_S3_PORT:-58333}"
FLEXTIME_BUCKETS="${FLEXTIME_BUCKETS:-flextime-uploads flextime-data flextime-exports flextime-backups flextime-audit}"
FT_HOST=127.0.0.1

FT_PG_BIN="${FLEXTIME_PG_BIN:-/usr/lib/postgresql/15/bin}"
FT_PG_DB=flextime
FT_PG_OWNER=flextime
FT_PG_OWNER_PASSWORD=flextime
FT_PG_APP=flextime_app
FT_PG_APP_PASSWORD=flextime_app
FT_PG_BACKUP=flextime_backup
FT_PG_BACKUP_PASSWORD=flextime_backup
FT_S3_ACCESS_KEY=flextime
FT_S3_SECRET_KEY=flextime-secret
FT_S3_REGION=us-east-1

FT_TOPICS_FILE="$FLEXTIME_ROOT/events/src/main/resources/flextime/events/topics.txt"
FT_MIGRATIONS_DIR="$FLEXTIME_ROOT/functions/core/src/main/resources/db/migration"
FT_STACK_POM="$FLEXTIME_ROOT/stack/pom.xml"

# ---------------------------------------------------------------------------------------------
# Output
if [[ -t 1 && -z "${NO_COLOR:-}" ]]; then
  _ft_b=$'\e[1m'; _ft_r=$'\e[31m'; _ft_y=$'\e[33m'; _ft_g=$'\e[32m'; _ft_0=$'\e[0m'
else
  _ft_b=; _ft_r=; _ft_y=; _ft_g=; _ft_0=
fi
ft_info()  { printf '%s\n' "$*"; }
ft_step()  { printf '%s==>%s %s\n' "$_ft_b" "$_ft_0" "$*"; }
ft_ok()    { printf '%s ok %s %s\n' "$_ft_g" "$_ft_0" "$*"; }
ft_warn()  { printf '%swarning:%s %s\n' "$_ft_y" "$_ft_0" "$*" >&2; }
ft_err()   { printf '%serror:%s %s\n' "$_ft_r" "$_ft_0" "$*" >&2; }
ft_die()   { ft_err "$*"; exit 1; }

# Last lines of a log, for failure messages.
ft_tail_log() { # file [lines]
  local f="$1" n="${2:-30}"
  if [[ -s "$f" ]]; then
    printf -- '----- last %s lines of %s -----\n' "$n" "${f#"$FLEXTIME_ROOT"/}" >&2
    tail -n "$n" "$f" >&2
    printf -- '-----\n' >&2
  else
    printf '(log %s is empty or missing)\n' "${f#"$FLEXTIME_ROOT"/}" >&2
  fi
}

# Seconds since the epoch with millisecond precision, and a duration since a start.
ft_now() { date +%s.%N | cut -c1-14; }
ft_since() { awk -v s="$1" -v e="$(ft_now)" 'BEGIN { printf "%.1fs", e - s }'; }

# ---------------------------------------------------------------------------------------------
# Processes and ports

# True if something accepts TCP connections on 127.0.0.1:port.
ft_port_open() { (exec 3<>"/dev/tcp/$FT_HOST/$1") 2>/dev/null; }

# "pid N (command line)" of whatever listens on the port, or "an unknown process".
ft_port_holder() {
  local port="$1" pid="" inode hexport line
  if command -v ss >/dev/null 2>&1; then
    pid="$(ss -ltnpH "sport = :$port" 2>/dev/null | grep -o 'pid=[0-9]*' | head -n 1 | cut -d= -f2 || true)"
  fi
  if [[ -z "$pid" ]]; then
    # Fallback without iproute2: listening socket inode from /proc/net/tcp*, then its owner.
    hexport="$(printf '%04X' "$port")"
    inode="$(awk -v p=":$hexport" '$2 ~ p"$" && $4 == "0A" { print $10; exit }' /proc/net/tcp /proc/net/tcp6 2>/dev/null || true)"
    if [[ -n "$inode" ]]; then
      line="$(find /proc/[0-9]*/fd -lname "socket:\[$inode\]" 2>/dev/null | head -n 1 || true)"
      pid="$(cut -d/ -f3 <<<"$line")"
    fi
  fi
  if [[ -n "$pid" && -r "/proc/$pid/cmdline" ]]; then
    printf 'pid %s (%s)' "$pid" "$(tr '\0' ' ' <"/proc/$pid/cmdline" | cut -c1-160 | sed 's/ *$//')"
  else
    printf 'an unknown process'
  fi
}

# Prints the pid from a pid file if that process is alive and its command line contains the
# pattern (guards against a reused pid). Returns 1 otherwise.
ft_pid_alive() { # pidfile pattern
  local pidfile="$1" pattern="$2" pid
  [[ -s "$pidfile" ]] || return 1
  pid="$(head -n 1 "$pidfile" | tr -dc '0-9')"
  [[ -n "$pid" && -r "/proc/$pid/cmdline" ]] || return 1
  # A zombie is not alive.
  [[ "$(awk '/^State:/ { print $2 }' "/proc/$pid/status" 2>/dev/null)" != Z ]] || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" | grep -qF -- "$pattern" || return 1
  printf '%s' "$pid"
}

# Polls a command until it succeeds or the timeout (seconds) passes.
ft_wait_until() { # timeout_s command...
  local deadline=$((SECONDS + $1)); shift
  until "$@"; do
    ((SECONDS < deadline)) || return 1
    sleep 0.1
  done
}

# Waits for a pid to exit; SIGKILLs it after the timeout.
ft_wait_exit() { # pid timeout_s name
  local pid="$1" name="$3" deadline=$((SECONDS + $2))
  while kill -0 "$pid" 2>/dev/null; do
    if [[ "$(awk '/^State:/ { print $2 }' "/proc/$pid/status" 2>/dev/null)" == Z ]]; then return 0; fi
    if ((SECONDS >= deadline)); then
      ft_warn "$name (pid $pid) did not stop in $2 s; killing it"
      kill -KILL "$pid" 2>/dev/null || true
      sleep 0.2
      return 0
    fi
    sleep 0.1
  done
}

# Starts a command detached from this shell (own session, no terminal), output to a log,
# and writes the pid of the command itself (not of a wrapper) to the pid file.
ft_spawn() { # pidfile logfile command...
  local pidfile="$1" log="$2"; shift 2
  rm -f "$pidfile"
  mkdir -p "$(dirname "$log")"
  printf '===== %s: started by ./flextime: %s\n' "$(date '+%F %T')" "$*" | cut -c1-300 >>"$log"
  # shellcheck disable=SC2016  # $$ and "$@" expand in the child bash
  # fd 9 is the stack lock (see lock_stack): a long-lived server must not inherit it.
  setsid bash -c 'echo $$ > "$1"; shift 2; exec "$@" </dev/null >>"$0" 2>&1' "$log" "$pidfile" x "$@" \
    </dev/null >/dev/null 2>&1 9>&- &
  ft_wait_until 5 test -s "$pidfile" || ft_die "could not start: $*"
}

# ---------------------------------------------------------------------------------------------
# Installing things

# Installs Debian packages that are missing; `apt-get update` runs at most once per command.
_FT_APT_UPDATED=
ft_apt_install() { # package...
  local sudo=()
  if [[ $EUID -ne 0 ]]; then
    command -v sudo >/dev/null 2>&1 || ft_die "need root (or sudo) to apt-get install $*"
    sudo=(sudo)
  fi
  mkdir -p "$FT_LOGS"
  local log="$FT_LOGS/apt.log" start
  start="$(ft_now)"
  ft_step "Installing Debian packages: $* (first run only)"
  if [[ -z "$_FT_APT_UPDATED" ]]; then
    ft_info "    apt-get update ..."
    if ! "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update >>"$log" 2>&1; then
      ft_tail_log "$log"; ft_die "apt-get update failed"
    fi
    _FT_APT_UPDATED=1
  fi
  # Show progress (one line per package set up) but keep the full output in the log.
  if ! "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
      -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold "$@" 2>&1 \
      | tee -a "$log" | { grep --line-buffered -E '^Setting up ' || true; } | sed -u 's/^/    /'; then
    :
  fi
  local p missing=()
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  if ((${#missing[@]})); then
    ft_tail_log "$log"; ft_die "apt-get install failed for: ${missing[*]} (full log: .flextime/logs/apt.log)"
  fi
  ft_info "    installed in $(ft_since "$start")"
}

# Runs Maven, showing a dot per downloaded file (first runs fetch a lot), full output to a log.
# Fails with the log's tail.
ft_mvn() { # description logfile mvn-args...
  local what="$1" log="$2"; shift 2
  mkdir -p "$FT_LOGS"
  local start rc
  start="$(ft_now)"
  printf '    %s ' "$what"
  set +e
  mvn -B "$@" >"$log" 2>&1 &
  local mpid=$! seen=0 n
  while kill -0 "$mpid" 2>/dev/null; do
    n="$(grep -c 'Downloaded from' "$log" 2>/dev/null)"
    while ((seen < n)); do
      if ((seen % 10 == 0)); then printf '.'; fi
      seen=$((seen + 1))
    done
    sleep 0.3
  done
  wait "$mpid"; rc=$?
  set -e
  n="$(grep -c 'Downloaded from' "$log" 2>/dev/null || true)"
  if ((rc != 0)); then
    printf ' FAILED\n'
    ft_tail_log "$log" 40
    return "$rc"
  fi
  if ((n > 0)); then printf ' %s files downloaded,' "$n"; fi
  printf ' done in %s\n' "$(ft_since "$start")"
}

# ---------------------------------------------------------------------------------------------
# PostgreSQL location. The cluster runs as the `postgres` OS user when we are root, so its
# directories must be reachable by that user; unix socket paths are limited to 107 bytes.
# .flextime/pg is a real directory when that works, else a symlink to /var/lib/flextime/<id>/pg.
ft_pg_user() { if [[ $EUID -eq 0 ]]; then echo postgres; else id -un; fi; }

# Runs a command as the cluster's OS user, from / (the cwd may not be readable by it).
ft_as_pg() {
  if [[ $EUID -eq 0 ]]; then
    (cd / && runuser -u postgres -- "$@")
  else
    (cd / && "$@")
  fi
}

ft_pg_base() {
  if [[ -L "$FT_HOME/pg" || -d "$FT_HOME/pg" ]]; then
    readlink -f "$FT_HOME/pg"
    return
  fi
  local base="$FT_HOME/pg"
  local sock="$base/sock/.s.PGSQL.$FLEXTIME_PG_PORT"
  mkdir -p "$FT_HOME"
  if ((${#sock} > 100)) || { [[ $EUID -eq 0 ]] && ! runuser -u postgres -- test -x "$FT_HOME"; }; then
    local id
    id="$(printf '%s' "$FLEXTIME_ROOT" | sha256sum | cut -c1-12)"
    base="/var/lib/flextime/$id/pg"
    mkdir -p "$base"
    chmod 755 /var/lib/flextime "/var/lib/flextime/$id"
    ln -sfn "$base" "$FT_HOME/pg"
    ft_warn "the postgres user cannot use $FT_HOME (not traversable or path too long for a socket); the cluster lives in $base (linked from .flextime/pg)" >&2
  fi
  printf '%s' "$base"
}

# Pids of the processes holding a file open (e.g. the stack lock).
ft_file_holders() {
  find /proc/[0-9]*/fd -lname "$1" 2>/dev/null | cut -d/ -f3 | sort -un | tr '\n' ' ' || true
}

# The JVM flags of a function started here (the demo, bench startup): a small heap, the serial collector,
# C1 only (start-up over peak speed; the Lambda functions' JAVA_TOOL_OPTIONS stop at C1 too).
FT_FUNCTION_JVM_FLAGS=(-Xms64m -Xmx768m -XX:+UseSerialGC -XX:TieredStopAtLevel=1)

# ft_appcds_flags <function>: AppCDS for the function's JVM (bench/startup.sh says why the dynamic archive
# is made where it is used). Maps functions/<fn>/target/quarkus-app/app-cds-dynamic.jsa when no jar of the
# app is newer than it; otherwise removes it and has this JVM write it when it exits (a stale or broken
# archive is never fatal: the JVM then loads the classes from the jars). JDK 17 has no
# -XX:+AutoCreateSharedArchive (JDK 19), hence the two cases.
ft_appcds_flags() {
  local app="functions/$1/target/quarkus-app"
  local archive="$app/app-cds-dynamic.jsa"
  if [[ -s "$archive" && -z "$(find "$app" -name '*.jar' -newer "$archive" -print -quit)" ]]; then
    echo "-XX:SharedArchiveFile=$archive -Xlog:cds=off -Xlog:cds+dynamic=off"
  else
    rm -f "$archive"
    echo "-XX:ArchiveClassesAtExit=$archive -Xlog:cds=off -Xlog:cds+dynamic=off"
  fi
}

# Loads .flextime/stack.env (written by `stack up`) into the environment, exported.
ft_load_stack_env() {
  if [[ -f "$FT_HOME/stack.env" ]]; then
    set -a
    # shellcheck disable=SC1091
    source "$FT_HOME/stack.env"
    set +a
  fi
}
