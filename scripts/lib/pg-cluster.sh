#!/usr/bin/env bash
# A throw-away PostgreSQL cluster for the store tests, benchmarks and the outage test (issue 20).
#
# Sourced (by scripts/test.sh, scripts/stress-store.sh, scripts/bench/store.sh):
#   loopx_pg_start [--install]   start a cluster; sets LOOPX_PG_DIR, LOOPX_PG_PORT, LOOPX_PG_URL
#   loopx_pg_stop [DIR]          stop the cluster this shell started (or DIR's) and remove its
#                                directory; call it from an EXIT trap
#   loopx_pg_ctl ARGS...         pg_ctl on the running cluster, as its owner (stop -m immediate...)
#   loopx_pg_psql ARGS...        psql as the superuser loopx on the cluster's postgres database
# Or executed, for manual use:
#   eval "$(scripts/lib/pg-cluster.sh start)"   exports LOOPX_TEST_PG_URL and LOOPX_PG_DIR
#   scripts/lib/pg-cluster.sh stop [DIR]         (default $LOOPX_PG_DIR)
#
# The cluster lives in a fresh temporary directory (data, log and the Unix socket), listens on
# a free loopback port (another run's cluster on the same machine takes another port: a port
# lost to a race is retried), and trusts the superuser `loopx` from loopback only. initdb and
# postgres refuse to run as root, so under root they run as the `postgres` user (or `nobody`;
# LOOPX_PG_RUN_AS chooses another), which then owns the directory. --install installs
# Debian's `postgresql` package through apt-get when initdb is missing (as root, or through
# sudo without a password prompt).
# Nothing here touches any other cluster (for example a developer's on port 55432).

# The directory of initdb/pg_ctl/postgres: PG_BINDIR, else Debian's newest
# /usr/lib/postgresql/<version>/bin, else whatever is on PATH.
loopx_pg_bindir() {
  local dir
  if [ -n "${PG_BINDIR:-}" ] && [ -x "$PG_BINDIR/initdb" ]; then echo "$PG_BINDIR"; return 0; fi
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -t/ -k5 -n | tail -n 1)
  if [ -n "$dir" ] && [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then echo "$dir"; return 0; fi
  dir=$(command -v initdb 2>/dev/null) || return 1
  dirname "$(readlink -f "$dir")"
}

# Installs PostgreSQL from the distribution (Debian/Ubuntu: the `postgresql` package).
loopx_pg_install() {
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "pg-cluster: PostgreSQL (initdb) is missing and apt-get is not available" >&2
    return 1
  fi
  local run=()
  if [ "$(id -u)" -ne 0 ]; then
    if ! command -v sudo >/dev/null 2>&1 || ! sudo -n true 2>/dev/null; then
      echo "pg-cluster: PostgreSQL (initdb) is missing; installing it needs root or password-less sudo" >&2
      return 1
    fi
    run=(sudo -n)
  fi
  echo "pg-cluster: PostgreSQL not found; installing the postgresql package through apt..." >&2
  "${run[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2 || return 1
  "${run[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    postgresql postgresql-client >&2 || return 1
  loopx_pg_bindir >/dev/null || { echo "pg-cluster: initdb still not found after installing" >&2; return 1; }
}

# Runs a command as the cluster's owner (LOOPX_PG_USER when root, else as ourselves).
loopx_pg_as_owner() {
  if [ -n "${LOOPX_PG_USER:-}" ]; then
    runuser -u "$LOOPX_PG_USER" -- "$@"
  else
    "$@"
  fi
}

# A TCP port on 127.0.0.1 that nothing listens on right now.
loopx_pg_free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

loopx_pg_start() {
  local install=false bindir attempt
  [ "${1:-}" = --install ] && install=true
  if ! bindir=$(loopx_pg_bindir); then
    $install || { echo "pg-cluster: PostgreSQL (initdb) is not installed" >&2; return 1; }
    loopx_pg_install || return 1
    bindir=$(loopx_pg_bindir) || return 1
  fi
  LOOPX_PG_BIN=$bindir
  LOOPX_PG_USER=""
  if [ "$(id -u)" -eq 0 ]; then
    if [ -n "${LOOPX_PG_RUN_AS:-}" ]; then LOOPX_PG_USER=$LOOPX_PG_RUN_AS
    elif id postgres >/dev/null 2>&1; then LOOPX_PG_USER=postgres; else LOOPX_PG_USER=nobody; fi
  fi
  LOOPX_PG_DIR=$(mktemp -d "${TMPDIR:-/tmp}/loopx-pg.XXXXXX") || return 1
  chmod 700 "$LOOPX_PG_DIR"
  [ -z "$LOOPX_PG_USER" ] || chown "$LOOPX_PG_USER" "$LOOPX_PG_DIR"
  export LOOPX_PG_DIR LOOPX_PG_BIN LOOPX_PG_USER
  # Not exported: loopx_pg_stop without an argument stops only a cluster this shell started.
  LOOPX_PG_STARTED=$LOOPX_PG_DIR
  # -A trust with listen_addresses=127.0.0.1 below: only local processes reach it.
  if ! (cd "$LOOPX_PG_DIR" && loopx_pg_as_owner "$bindir/initdb" -D "$LOOPX_PG_DIR/data" -U loopx \
        -A trust -E UTF8 --no-locale --no-sync >"$LOOPX_PG_DIR/initdb.log" 2>&1); then
    echo "pg-cluster: initdb failed:" >&2
    tail -n 20 "$LOOPX_PG_DIR/initdb.log" >&2
    return 1
  fi
  # The settings go into postgresql.conf, so that a plain `pg_ctl start` (after the outage
  # test's `pg_ctl stop -m immediate`) brings the same server back. Throw-away data: no fsync
  # (commits still reach the kernel, so an immediate stop loses no acknowledged commit); small
  # shared memory so several clusters fit on one machine.
  for attempt in 1 2 3 4 5; do
    LOOPX_PG_PORT=$(loopx_pg_free_port) || return 1
    loopx_pg_as_owner tee -a "$LOOPX_PG_DIR/data/postgresql.conf" >/dev/null <<CONF
# loopx throw-away test cluster (scripts/lib/pg-cluster.sh)
port = $LOOPX_PG_PORT
listen_addresses = '127.0.0.1'
unix_socket_directories = '$LOOPX_PG_DIR'
fsync = off
full_page_writes = off
max_connections = 200
shared_buffers = 32MB
CONF
    if loopx_pg_ctl -w -t 60 start >"$LOOPX_PG_DIR/pg_ctl.log" 2>&1; then
      break
    fi
    if [ "$attempt" -eq 5 ] || ! grep -qi 'address already in use\|could not bind\|could not create any TCP/IP sockets' "$LOOPX_PG_DIR/postgres.log" 2>/dev/null; then
      echo "pg-cluster: the server did not start:" >&2
      tail -n 20 "$LOOPX_PG_DIR/postgres.log" "$LOOPX_PG_DIR/pg_ctl.log" >&2 2>/dev/null
      return 1
    fi
  done
  local waited=0
  until "$bindir/pg_isready" -q -h 127.0.0.1 -p "$LOOPX_PG_PORT" -U loopx -d postgres 2>/dev/null \
        || pg_isready -q -h 127.0.0.1 -p "$LOOPX_PG_PORT" -U loopx -d postgres 2>/dev/null; do
    waited=$((waited + 1))
    if [ "$waited" -ge 60 ]; then echo "pg-cluster: the server is not ready after 30 s" >&2; return 1; fi
    sleep 0.5
  done
  LOOPX_PG_URL="postgres://loopx@127.0.0.1:$LOOPX_PG_PORT/postgres"
  export LOOPX_PG_PORT LOOPX_PG_URL
}

loopx_pg_ctl() {
  [ -n "${LOOPX_PG_DIR:-}" ] || return 1
  (cd "$LOOPX_PG_DIR" && loopx_pg_as_owner "$LOOPX_PG_BIN/pg_ctl" -D "$LOOPX_PG_DIR/data" \
    -l "$LOOPX_PG_DIR/postgres.log" "$@")
}

loopx_pg_psql() {
  psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$LOOPX_PG_PORT" -U loopx -d "${LOOPX_PG_DB:-postgres}" "$@"
}

loopx_pg_stop() {
  local dir=${1:-${LOOPX_PG_STARTED:-}}
  [ -n "$dir" ] && [ -d "$dir" ] || return 0
  case $dir in "${TMPDIR:-/tmp}"/loopx-pg.*|/tmp/loopx-pg.*) ;; *) echo "pg-cluster: refusing to remove $dir" >&2; return 1 ;; esac
  if [ -f "$dir/data/postmaster.pid" ]; then
    local bindir=${LOOPX_PG_BIN:-$(loopx_pg_bindir)} owner
    owner=$(stat -c %U "$dir/data")
    if [ "$(id -u)" -eq 0 ] && [ "$owner" != root ]; then
      (cd "$dir" && runuser -u "$owner" -- "$bindir/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1) || true
    else
      "$bindir/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
    fi
  fi
  rm -rf "$dir"
  [ "$dir" != "${LOOPX_PG_STARTED:-}" ] || unset LOOPX_PG_STARTED LOOPX_PG_DIR LOOPX_PG_PORT LOOPX_PG_URL
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  set -euo pipefail
  case "${1:-}" in
  start)
    loopx_pg_start --install
    echo "export LOOPX_TEST_PG_URL=$LOOPX_PG_URL LOOPX_PG_DIR=$LOOPX_PG_DIR"
    ;;
  stop)
    [ -n "${2:-${LOOPX_PG_DIR:-}}" ] || { echo "usage: $0 stop [DIR]   (default \$LOOPX_PG_DIR)" >&2; exit 2; }
    loopx_pg_stop "${2:-$LOOPX_PG_DIR}"
    ;;
  *)
    echo "usage: $0 start | stop [DIR]" >&2
    exit 2
    ;;
  esac
fi
