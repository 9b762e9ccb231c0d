#!/usr/bin/env bash
# Benchmark: `quota should-run` costs the same on a goal with a 1,000,000-row run index as on
# one with 10 rows, and stays close to the start-up of a trivial Swift program.
#
#   scripts/bench/should-run.sh            (or: scripts/bench.sh should-run)
#
# Builds a release binary, a project with two goals (same registry, state and newest runs;
# one index has 1,000,000 rows, the other 10) and a trivial Swift program that prints one
# line, then times all three side by side with scripts/bench/lib/timecmd.py (interleaved
# runs, medians). Targets: big/small <= 1.5, big/trivial <= 3.
# Environment: LOOPX_BIN (default: release build), BENCH_ROWS (default 1000000),
# RUNS (default 30).
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
. "$root/scripts/lib/build.sh"
rows=${BENCH_ROWS:-1000000}
if [ -z "${LOOPX_BIN:-}" ]; then
    (cd "$root" && loopx_build_release >/dev/null)
    LOOPX_BIN="$root/.build/release/loopx"
fi
mkdir -p "$root/.build/bench"
if [ ! -x "$root/.build/bench/hello" ]; then
    echo 'print("hello")' > "$root/.build/bench/hello.swift"
    swiftc -O "$root/.build/bench/hello.swift" -o "$root/.build/bench/hello"
fi
work=$(mktemp -d "${TMPDIR:-/tmp}/loopx-bench-should-run.XXXXXX")
trap '[ -n "${KEEP_WORK:-}" ] || rm -rf "$work"' EXIT

python3 "$root/scripts/bench/lib/gen_should_run_fixture.py" "$work" "$rows"

cd "$work/proj"
export HOME="$work" LOOPX_NOW=2026-06-01T12:00:00Z
big_size=$(du -h rt/goals/big-goal/runs/index.jsonl | cut -f1)
echo "index rows: small-goal 10, big-goal $rows ($big_size)"
"$LOOPX_BIN" quota should-run --goal-id big-goal --format json > "$work/big.json" || true
"$LOOPX_BIN" quota should-run --goal-id small-goal --format json > "$work/small.json" || true
python3 - "$work" <<'PY'
import json, sys
w = sys.argv[1]
big, small = (json.load(open(f"{w}/{n}.json")) for n in ("big", "small"))
keys = ("decision", "state", "effective_action")
print("decision big:", [big.get(k) for k in keys], "small:", [small.get(k) for k in keys])
if [big.get(k) for k in keys] != [small.get(k) for k in keys]:
    sys.exit("the two goals decided differently; the benchmark compares like with like only when they agree")
PY
python3 "$root/scripts/bench/lib/timecmd.py" --runs "${RUNS:-30}" \
  "trivial-swift=$root/.build/bench/hello" \
  "should-run-10-rows=$LOOPX_BIN quota should-run --goal-id small-goal --format json" \
  "should-run-1M-rows=$LOOPX_BIN quota should-run --goal-id big-goal --format json"
