#!/usr/bin/env python3
"""The project of the should-run benchmarks (scripts/bench/should-run.sh, scripts/bench/store.sh):
two goals with the same registry entry shape, active state and newest 10 runs; small-goal's
run index has those 10 rows, big-goal's ROWS (the older ones a minute apart, three days back).

usage: gen_should_run_fixture.py WORK ROWS   (writes WORK/proj: .loopx/registry.json, rt/, .codex/)
"""
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
