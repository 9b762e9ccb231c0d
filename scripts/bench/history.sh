#!/usr/bin/env bash
# Benchmark: the common run-history questions cost the same for a 10-row index and a
# 1,000,000-row one, because loopx reads the index backwards from its end and stops once
# answered.
#
#   scripts/bench/history.sh            (or: scripts/bench.sh history)
#
# Times `loopx history --goal-id G --limit 50 --format json`, which reads the newest 50 runs
# (overlays merged) and the spend events of the goal's 24-hour quota window, on both
# indexes, and reports the medians and their ratio (target: within 1.5x).
# Environment: LOOPX_BIN (default: a release build, built if missing), BENCH_HISTORY_ROWS
# (default 1000000), BENCH_RUNS (default 30). Uses hyperfine when installed, else a loop.
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
. "$root/scripts/lib/build.sh"
rows=${BENCH_HISTORY_ROWS:-1000000}
runs=${BENCH_RUNS:-30}
if [ -z "${LOOPX_BIN:-}" ]; then
    (cd "$root" && loopx_build_release >/dev/null)
    LOOPX_BIN="$root/.build/release/loopx"
fi
work=$(mktemp -d "${TMPDIR:-/tmp}/loopx-bench-history.XXXXXX")
trap 'rm -rf "$work"' EXIT
now=2026-06-01T12:00:00Z

python3 - "$work" "$rows" <<'PY'
import json, os, sys
from datetime import datetime, timedelta, timezone
work, rows = sys.argv[1], int(sys.argv[2])
now = datetime(2026, 6, 1, 12, 0, 0, tzinfo=timezone.utc)
def stamp(t): return t.strftime("%Y-%m-%dT%H:%M:%SZ")
def row(goal, t, i, spend=False):
    g = stamp(t)
    r = {"generated_at": g, "goal_id": goal, "classification": "quota_slot_spent" if spend else "state_refreshed",
         "recommended_action": "continue the next bounded progress segment", "health_check": "state_file 1/1; registry_goal 1/1; authority_sources 1",
         "json_path": f"/bench/{goal}/runs/{i}.json", "markdown_path": f"/bench/{goal}/runs/{i}.md",
         "delivery_batch_scale": "implementation"}
    if spend: r["quota_event"] = {"event_type": "quota_slot_spent", "slots": 1}
    return json.dumps(r, separators=(",", ":"), sort_keys=True)
def recent(goal):
    # The same 10 runs in both indexes: the last 20 hours, every 4th a spend, one rewarded.
    out = [row(goal, now - timedelta(hours=20) + timedelta(hours=2 * k), f"recent-{k}", spend=(k % 4 == 0)) for k in range(10)]
    base = json.loads(out[5]); base["human_reward"] = {"reward": "positive", "lesson": {"kind": "priority", "summary": "keep depth"}}
    out.append(json.dumps(base, separators=(",", ":"), sort_keys=True))
    return out
for goal, old in (("small-goal", 0), ("big-goal", rows - 10)):
    d = os.path.join(work, "rt", "goals", goal, "runs"); os.makedirs(d)
    start = now - timedelta(days=30) - timedelta(minutes=old)
    with open(os.path.join(d, "index.jsonl"), "w") as f:
        buf = []
        for i in range(old):
            buf.append(row(goal, start + timedelta(minutes=i), i, spend=(i % 7 == 0)))
            if len(buf) >= 10000: f.write("\n".join(buf) + "\n"); buf = []
        buf += recent(goal)
        f.write("\n".join(buf) + "\n")
goals = [{"id": g, "domain": "bench", "status": "active", "repo": work, "state_file": f"{g}.md", "adapter": {"kind": "bench"},
          "quota": {"compute": 1.0, "window_hours": 24}} for g in ("small-goal", "big-goal")]
json.dump({"schema_version": "0.1", "goals": goals}, open(os.path.join(work, "registry.json"), "w"), indent=2)
PY

cmd() { echo "$LOOPX_BIN --registry $work/registry.json --runtime-root $work/rt --now $now history --goal-id $1 --limit 50 --format json"; }
small_rows=$(wc -l <"$work/rt/goals/small-goal/runs/index.jsonl")
big_rows=$(wc -l <"$work/rt/goals/big-goal/runs/index.jsonl")
big_bytes=$(stat -c %s "$work/rt/goals/big-goal/runs/index.jsonl")

# Sanity: both answer the same question the same way.
for g in small-goal big-goal; do
    $(cmd $g) | python3 -c '
import json, sys
goal = json.load(sys.stdin)["goals"][0]
quota = goal["quota"]
print("%s: %d runs, spent %d slots in 24h (%d events)" % (goal["id"], len(goal["latest_runs"]), quota["spent_slots"], quota["spend_event_count"]))'
done

if command -v hyperfine >/dev/null; then
    hyperfine --warmup 3 --runs "$runs" --export-json "$work/h.json" -N "$(cmd small-goal)" "$(cmd big-goal)" >/dev/null
    read -r small big < <(python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))["results"]; print(r[0]["median"]*1000, r[1]["median"]*1000)' "$work/h.json")
    tool=hyperfine
else
    median() {
        local times=() i s e
        for i in $(seq 1 "$runs"); do
            s=$(date +%s%N); $(cmd "$1") >/dev/null; e=$(date +%s%N)
            times+=($(( (e - s) / 1000 )))
        done
        printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]/1000}'
    }
    $(cmd small-goal) >/dev/null; $(cmd big-goal) >/dev/null
    small=$(median small-goal); big=$(median big-goal); tool="loop of $runs runs"
fi
python3 - "$small" "$big" "$small_rows" "$big_rows" "$big_bytes" "$tool" <<'PY'
import sys
small, big, srows, brows, bbytes, tool = float(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5]), sys.argv[6]
ratio = big / small
print(f"history newest 50 + 24h spend ({tool}, medians):")
print(f"  {srows:>9} rows: {small:8.2f} ms")
print(f"  {brows:>9} rows: {big:8.2f} ms  ({bbytes / 1e6:.0f} MB)")
print(f"  ratio {ratio:.2f}x (target <= 1.5x): {'PASS' if ratio <= 1.5 else 'FAIL'}")
sys.exit(0 if ratio <= 1.5 else 1)
PY
