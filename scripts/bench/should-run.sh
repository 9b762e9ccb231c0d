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

python3 - "$work" "$rows" <<'PY'
import json, os, sys
from datetime import datetime, timedelta, timezone
work, rows = sys.argv[1], int(sys.argv[2])
now = datetime(2026, 6, 1, 12, 0, 0, tzinfo=timezone.utc)
def stamp(t): return t.strftime("%Y-%m-%dT%H:%M:%SZ")
def row(goal, t, name, classification="state_refreshed"):
    r = {"generated_at": stamp(t), "goal_id": goal, "classification": classification,
         "recommended_action": "continue the next bounded progress segment",
         "health_check": "state_file 1/1; registry_goal 1/1; authority_sources 1",
         "json_path": f"goals/{goal}/runs/{name}.json", "markdown_path": f"goals/{goal}/runs/{name}.md",
         "delivery_batch_scale": "implementation", "delivery_outcome": "outcome_progress"}
    if classification == "quota_slot_spent":
        r["slots"] = 1
        r["quota_event"] = {"event_type": "quota_slot_spent", "slots": 1, "source": "heartbeat"}
    return json.dumps(r, separators=(",", ":"), sort_keys=True)
def recent(goal):
    # The newest 10 runs, the same in both indexes: the last 20 hours, every 3rd a spend.
    return [row(goal, now - timedelta(hours=20) + timedelta(hours=2 * k), f"recent-{k}",
                "quota_slot_spent" if k % 3 == 2 else "state_refreshed") for k in range(10)]
os.makedirs(os.path.join(work, "proj", ".loopx"))
for goal, old in (("small-goal", 0), ("big-goal", rows - 10)):
    d = os.path.join(work, "proj", "rt", "goals", goal, "runs"); os.makedirs(d)
    start = now - timedelta(days=3) - timedelta(minutes=old)
    with open(os.path.join(d, "index.jsonl"), "w") as f:
        buf = []
        for i in range(old):
            buf.append(row(goal, start + timedelta(minutes=i), f"old-{i}"))
            if len(buf) >= 10000:
                f.write("\n".join(buf) + "\n"); buf = []
        buf += recent(goal)
        f.write("\n".join(buf) + "\n")
    for k in range(10):  # the newest runs' artifacts exist, as a writer leaves them
        for ext in ("json", "md"):
            open(os.path.join(d, f"recent-{k}.{ext}"), "w").write("{}\n" if ext == "json" else "# run\n")
    state = os.path.join(work, "proj", ".codex", "goals", goal); os.makedirs(state)
    with open(os.path.join(state, "ACTIVE_GOAL_STATE.md"), "w") as f:
        f.write("# Active Goal State\n\n## Objective\n\nBench.\n\n## Agent Todo\n\n- [ ] [P1] expand the parser\n\n"
                "## Next Action\n\n- continue the next bounded progress segment\n")
goals = [{"id": g, "domain": "bench", "status": "active", "repo": os.path.join(work, "proj"),
          "state_file": f".codex/goals/{g}/ACTIVE_GOAL_STATE.md",
          "adapter": {"kind": "generic_project_goal_v0", "status": "connected"}, "quota": {"compute": 1.0, "window_hours": 24}}
         for g in ("small-goal", "big-goal")]
json.dump({"schema_version": "0.1", "common_runtime_root": "rt", "goals": goals},
          open(os.path.join(work, "proj", ".loopx", "registry.json"), "w"), indent=2)
PY

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
