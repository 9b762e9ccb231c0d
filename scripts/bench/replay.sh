#!/usr/bin/env bash
# Benchmark: `loopx rules replay` over 10,000 logged decisions, and the cost of the decision
# log on `quota should-run` (logging on vs LOOPX_DECISION_LOG=off).
#
#   scripts/bench/replay.sh            (or: scripts/bench.sh replay)
#
# Builds a release binary and a project with one goal (10 runs), records 20 real heartbeats
# (should-run at 20 instants), then repeats those log lines with shifted times to 10,000
# records (the facts they reference are the real stored ones). Times the replay (target
# < 2 s) and should-run with the log on and off side by side (target: on/off <= 1.10).
# Environment: LOOPX_BIN (default: release build), BENCH_DECISIONS (default 10000),
# RUNS (default 30).
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
. "$root/scripts/lib/build.sh"
count=${BENCH_DECISIONS:-10000}
if [ -z "${LOOPX_BIN:-}" ]; then
    (cd "$root" && loopx_build_release >/dev/null)
    LOOPX_BIN="$root/.build/release/loopx"
fi
work=$(mktemp -d "${TMPDIR:-/tmp}/loopx-bench-replay.XXXXXX")
trap '[ -n "${KEEP_WORK:-}" ] || rm -rf "$work"' EXIT

python3 - "$work" <<'PY'
import json, os, sys
from datetime import datetime, timedelta, timezone
work = sys.argv[1]
now = datetime(2026, 6, 1, 12, 0, 0, tzinfo=timezone.utc)
def stamp(t): return t.strftime("%Y-%m-%dT%H:%M:%SZ")
for goal in ("replay-goal", "replay-clocked", "log-on", "log-off"):
    d = os.path.join(work, "proj", "rt", "goals", goal, "runs"); os.makedirs(d)
    with open(os.path.join(d, "index.jsonl"), "w") as f:
        for k in range(10):
            t = now - timedelta(hours=20) + timedelta(hours=2 * k)
            row = {"generated_at": stamp(t), "goal_id": goal, "classification": "state_refreshed",
                   "recommended_action": "continue", "health_check": "state_file 1/1",
                   "delivery_outcome": "outcome_progress"}
            if goal == "replay-clocked" and k == 0:
                # an operator decision: the warnings stage compares its age with `now`, so
                # every record of this goal must be decided at its own instant
                row["operator_gate"] = {"decision": "approve", "gate": "delivery"}
            f.write(json.dumps(row, sort_keys=True) + "\n")
    state = os.path.join(work, "proj", ".codex", "goals", goal); os.makedirs(state)
    open(os.path.join(state, "ACTIVE_GOAL_STATE.md"), "w").write(
        "# Active Goal State\n\n## Objective\n\nBench.\n\n## Next Action\n\n- continue\n")
goals = [{"id": g, "domain": "bench", "status": "active", "repo": os.path.join(work, "proj"),
          "state_file": f".codex/goals/{g}/ACTIVE_GOAL_STATE.md",
          "adapter": {"kind": "generic_project_goal_v0", "status": "connected"}}
         for g in ("replay-goal", "replay-clocked", "log-on", "log-off")]
goals[3]["decision_log"] = False
os.makedirs(os.path.join(work, "proj", ".loopx"))
json.dump({"schema_version": "0.1", "common_runtime_root": "rt", "goals": goals},
          open(os.path.join(work, "proj", ".loopx", "registry.json"), "w"), indent=2)
PY

cd "$work/proj"
export HOME="$work"
for goal in replay-goal replay-clocked; do
for k in $(seq 0 19); do
    LOOPX_NOW=$(python3 -c "from datetime import datetime,timedelta;print((datetime(2026,6,1,12)+timedelta(minutes=5*$k)).strftime('%Y-%m-%dT%H:%M:%SZ'))") \
        "$LOOPX_BIN" quota should-run --goal-id "$goal" --format json >/dev/null || true
done
python3 - "rt/goals/$goal/decisions.jsonl" "$count" <<'PY'
import json, sys
from datetime import datetime, timedelta
path, count = sys.argv[1], int(sys.argv[2])
seed = [json.loads(l) for l in open(path) if l.strip()]
start = datetime(2026, 5, 1)
with open(path, "w") as f:
    for i in range(count):
        r = dict(seed[i % len(seed)])
        r["at"] = (start + timedelta(minutes=5 * i)).strftime("%Y-%m-%dT%H:%M:%SZ")
        f.write(json.dumps(r, separators=(",", ":"), sort_keys=True) + "\n")
PY
done
echo "decisions logged: $(wc -l < rt/goals/replay-goal/decisions.jsonl) ($(du -h rt/goals/replay-goal/decisions.jsonl | cut -f1)), facts values: $(ls rt/goals/replay-goal/facts | wc -l)"
export LOOPX_NOW=2026-06-01T12:00:00Z
status=0
"$LOOPX_BIN" rules replay --goal-id replay-goal --format json > "$work/replay.json" || status=$?
python3 -c "import json,sys; r=json.load(open('$work/replay.json')); print('replayed', r['replayed'], 'changed', r['changed'], 'exit $status')"
"$LOOPX_BIN" rules replay --goal-id replay-clocked --format json > "$work/replay-clocked.json" || status=$?
python3 -c "import json,sys; r=json.load(open('$work/replay-clocked.json')); print('clocked: replayed', r['replayed'], 'changed', r['changed'], 'exit $status')"
python3 "$root/scripts/bench/lib/timecmd.py" --runs "${BENCH_REPLAY_RUNS:-5}" --warmup 1 \
  "replay-$count=$LOOPX_BIN rules replay --goal-id replay-goal --format json" \
  "replay-$count-clocked=$LOOPX_BIN rules replay --goal-id replay-clocked --format json"
python3 "$root/scripts/bench/lib/timecmd.py" --runs "${RUNS:-30}" \
  "should-run-log-off=$LOOPX_BIN quota should-run --goal-id log-off --format json" \
  "should-run-log-on=$LOOPX_BIN quota should-run --goal-id log-on --format json"
