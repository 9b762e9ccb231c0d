#!/usr/bin/env bash
# Outage test of the shared PostgreSQL store (issue 20): a write storm of loopx processes
# against one goal, the database stopped with `pg_ctl stop -m immediate` in the middle of it
# and started again.
#
#   scripts/stress-store.sh [WORKERS] [COMMANDS]     (default 8 workers x 40 commands)
#
# Starts its own throw-away cluster (scripts/lib/pg-cluster.sh; never a shared one), migrates
# a fresh database, and runs scripts/bench/lib/store_storm.py with the outage: refresh-state,
# reward, quota spend-slot --execute, todo claim and release, every command either succeeding
# or failing clearly (non-zero exit with the store_unavailable error envelope). Afterwards,
# with the server back: no lost or torn rows, no lease held twice (SQL), no double grant, and
# the goal answers `quota should-run` and `store status` again. While the server is down,
# `quota should-run` must skip (should_run false) with a reason naming the store.
# Environment: LOOPX_BIN (default .build/debug/loopx), OUTAGE_AFTER (seconds, default 4),
# OUTAGE_FOR (seconds, default 2).
set -euo pipefail

workers=${1:-8}
commands=${2:-40}
root=$(cd "$(dirname "$0")/.." && pwd)
bin=${LOOPX_BIN:-$root/.build/debug/loopx}
[ -x "$bin" ] || { echo "stress-store: $bin is not built (run swift build)" >&2; exit 2; }
. "$root/scripts/lib/pg-cluster.sh"
work=$(mktemp -d "${TMPDIR:-/tmp}/loopx-stress-store.XXXXXX")
trap 'loopx_pg_stop; rm -rf "$work"' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
# A private copy, so a rebuild during the run cannot swap the binary under the workers; the
# rules beside it, as in a release.
cp "$bin" "$work/loopx"
cp -R "$root/Rules" "$work/Rules"
bin="$work/loopx"

loopx_pg_start --install
db="loopx_outage_$$"
loopx_pg_psql -c "CREATE DATABASE $db"
url="postgres://loopx@127.0.0.1:$LOOPX_PG_PORT/$db"
echo "stress-store: throw-away PostgreSQL on 127.0.0.1:$LOOPX_PG_PORT, database $db"

# What the storm's outage thread runs (a child process: the cluster's functions, re-sourced).
ctl=". '$root/scripts/lib/pg-cluster.sh'; loopx_pg_ctl"
python3 "$root/scripts/bench/lib/store_storm.py" --bin "$bin" --work "$work" \
  --workers "$workers" --commands "$commands" --db-url "$url" \
  --outage-after "${OUTAGE_AFTER:-4}" --outage-for "${OUTAGE_FOR:-2}" --require-outage-failures \
  --stop-cmd "bash -c \"$ctl -m immediate -w stop\" >/dev/null" \
  --start-cmd "bash -c \"$ctl -w -t 60 start\" >/dev/null" \
  --down-check
