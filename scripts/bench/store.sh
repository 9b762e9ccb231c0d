#!/usr/bin/env bash
# Benchmarks of the shared PostgreSQL store (issue 20), each beside the file store:
#
#   scripts/bench/store.sh [storm|should-run|all]      (or: scripts/bench.sh store ...)
#
# storm       16 processes x 300 mixed writes on one goal (refresh-state, reward, quota
#             spend-slot --execute, todo claim and release; scripts/bench/lib/store_storm.py)
#             against the database store, then the same against the file store. Prints for
#             each: throughput, failed commands, lost and torn rows, double grants (all must
#             be 0; a claim or release refused because another agent holds the lease is not
#             a failure).
# should-run  `quota should-run` on the database store with 1,000,000 runs in the goal's
#             history against the same with 10 runs, and against the file store with
#             1,000,000 runs (the project of scripts/bench/should-run.sh; the database rows
#             are bulk-loaded with SQL in the store's schema, see lib/store_sql.py). Medians
#             with scripts/bench/lib/timecmd.py. Targets: 1M / 10 runs <= 1.5 on the
#             database; database 1M / file 1M <= 2.
#
# The database is a throw-away cluster (scripts/lib/pg-cluster.sh) on a free loopback port,
# unless BENCH_PG_URL names a superuser URL of another server (each part creates its own
# database there and drops it after).
# Environment: LOOPX_BIN (default: the release build), BENCH_WORKERS (16), BENCH_COMMANDS
# (300), BENCH_ROWS (1000000), RUNS (30), BENCH_STORE_OPTIONS (options of the storm's store
# address, e.g. statement_timeout=30000).
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
. "$root/scripts/lib/build.sh"
. "$root/scripts/lib/pg-cluster.sh"
part=${1:-all}
case $part in storm|should-run|all) ;; *) echo "usage: scripts/bench/store.sh [storm|should-run|all]" >&2; exit 2 ;; esac
if [ -z "${LOOPX_BIN:-}" ]; then
    (cd "$root" && loopx_build_release >/dev/null)
    LOOPX_BIN="$root/.build/release/loopx"
fi
work=$(mktemp -d "${TMPDIR:-/tmp}/loopx-bench-store.XXXXXX")
dbs=()
cleanup() {
    if [ -n "${admin_url:-}" ]; then
        for db in "${dbs[@]}"; do psql -X -q "$admin_url" -c "DROP DATABASE IF EXISTS $db" >/dev/null 2>&1 || true; done
    fi
    loopx_pg_stop
    [ -n "${KEEP_WORK:-}" ] || rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# A private copy of the binary with the rules beside it, as in a release.
cp "$LOOPX_BIN" "$work/loopx"
cp -R "$root/Rules" "$work/Rules"
bin="$work/loopx"

if [ -n "${BENCH_PG_URL:-}" ]; then
    admin_url=$BENCH_PG_URL
else
    loopx_pg_start --install
    admin_url=$LOOPX_PG_URL
fi
# A fresh database on the server: prints its URL.
new_database() {
    local name="loopx_bench_$1_$$"
    psql -X -q -v ON_ERROR_STOP=1 "$admin_url" -c "CREATE DATABASE $name" >/dev/null
    dbs+=("$name")
    python3 -c 'import sys, urllib.parse as u; p = u.urlsplit(sys.argv[1]); print(u.urlunsplit(p._replace(path="/" + sys.argv[2])))' "$admin_url" "$name"
}

if [ "$part" = storm ] || [ "$part" = all ]; then
    workers=${BENCH_WORKERS:-16} commands=${BENCH_COMMANDS:-300}
    echo "== storm: $workers processes x $commands mixed writes, database store then file store"
    db_url=$(new_database storm)${BENCH_STORE_OPTIONS:+?$BENCH_STORE_OPTIONS}
    status=0
    python3 "$root/scripts/bench/lib/store_storm.py" --bin "$bin" --work "$work/storm-db" \
        --workers "$workers" --commands "$commands" --db-url "$db_url" || status=1
    python3 "$root/scripts/bench/lib/store_storm.py" --bin "$bin" --work "$work/storm-files" \
        --workers "$workers" --commands "$commands" || status=1
    [ "$status" -eq 0 ] || { echo "storm: FAILED" >&2; exit 1; }
fi

if [ "$part" = should-run ] || [ "$part" = all ]; then
    rows=${BENCH_ROWS:-1000000}
    echo "== should-run: database store with $rows and 10 runs, file store with $rows runs"
    # The file store: the project of scripts/bench/should-run.sh.
    python3 "$root/scripts/bench/lib/gen_should_run_fixture.py" "$work/sr-files" "$rows"
    # The database store: the same registry and active states with only the newest 10 runs
    # in each goal's files; both goals' files are imported, then big-goal's older runs are
    # bulk-loaded with SQL (later sequence numbers; the heartbeat orders runs by their time).
    python3 "$root/scripts/bench/lib/gen_should_run_fixture.py" "$work/sr-db" 10
    db_url=$(new_database should_run)
    python3 "$root/scripts/bench/lib/store_sql.py" set-store "$work/sr-db/proj/.loopx/registry.json" "$db_url"
    export HOME="$work" LOOPX_NOW=2026-06-01T12:00:00Z
    (cd "$work/sr-db/proj" && "$bin" store migrate --format json >/dev/null)
    for goal in big-goal small-goal; do
        (cd "$work/sr-db/proj" && "$bin" store import --goal-id "$goal" --format json >/dev/null)
    done
    started=$(date +%s.%N)
    python3 "$root/scripts/bench/lib/store_sql.py" load-old-runs "$db_url" big-goal "$((rows - 10))"
    python3 -c 'import sys, time; print(f"loaded {int(sys.argv[2]):,} runs into the database in {time.time() - float(sys.argv[1]):.1f} s")' "$started" "$rows"
    python3 "$root/scripts/bench/lib/store_sql.py" counts "$db_url"
    # Like with like: the three goals must reach the same decision.
    for name in files:big db:big db:small; do
        dir=${name%%:*} goal=${name#*:}-goal
        (cd "$work/sr-$dir/proj" && "$bin" quota should-run --goal-id "$goal" --format json >"$work/$dir-$goal.json" || true)
    done
    python3 - "$work" <<'PY'
import json, sys
w, keys = sys.argv[1], ("decision", "state", "effective_action", "should_run")
answers = {n: json.load(open(f"{w}/{n}.json")) for n in ("files-big-goal", "db-big-goal", "db-small-goal")}
for name, a in answers.items():
    print(f"decision {name}:", [a.get(k) for k in keys])
if len({json.dumps([a.get(k) for k in keys]) for a in answers.values()}) != 1:
    sys.exit("the goals decided differently; the benchmark compares like with like only when they agree")
PY
    python3 "$root/scripts/bench/lib/timecmd.py" --runs "${RUNS:-30}" \
      "db-should-run-10-runs=cd $work/sr-db/proj && $bin quota should-run --goal-id small-goal --format json" \
      "db-should-run-1M-runs=cd $work/sr-db/proj && $bin quota should-run --goal-id big-goal --format json" \
      "file-should-run-1M-runs=cd $work/sr-files/proj && $bin quota should-run --goal-id big-goal --format json"
fi
