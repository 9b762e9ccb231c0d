#!/usr/bin/env python3
"""Writes a project with G goals, each with R runs in its index, for `scripts/bench/status.sh`.

usage: gen_status_fixture.py DIR --goals 200 --runs 10000
DIR gets: project/.loopx/registry.json, project/.codex/goals/<id>/ACTIVE_GOAL_STATE.md and
runtime/goals/<id>/runs/index.jsonl. Rerunning with the same arguments reuses what exists.
"""
import argparse
import json
import os
from datetime import datetime, timedelta, timezone

SCALES = ["single_surface", "multi_surface", "implementation", "test_only"]
OUTCOMES = ["surface_only", "outcome_progress", "outcome_gap", "primary_goal_outcome"]
STATE = """---
status: active
owner_mode: agent
objective: Benchmark goal {gid}
---

# Active Goal State

## Objective

Benchmark goal {gid}.

## Next Action

- Continue the next bounded segment of {gid}.

## Agent Todo

- [ ] [P1] Advance the benchmark lane of {gid}
- [x] [P2] Map the repository

## User Todo

- [ ] Review the benchmark plan
"""


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("dir")
    parser.add_argument("--goals", type=int, default=200)
    parser.add_argument("--runs", type=int, default=10000)
    args = parser.parse_args()
    root = os.path.abspath(args.dir)
    project = os.path.join(root, "project")
    runtime = os.path.join(root, "runtime")
    marker = os.path.join(root, f".complete-{args.goals}-{args.runs}")
    if os.path.exists(marker):
        print(root)
        return
    os.makedirs(os.path.join(project, ".loopx"), exist_ok=True)
    goals = []
    start = datetime(2025, 1, 1, tzinfo=timezone.utc)
    for g in range(args.goals):
        gid = f"bench-goal-{g:03d}"
        state_rel = f".codex/goals/{gid}/ACTIVE_GOAL_STATE.md"
        os.makedirs(os.path.dirname(os.path.join(project, state_rel)), exist_ok=True)
        with open(os.path.join(project, state_rel), "w") as f:
            f.write(STATE.format(gid=gid))
        goals.append({
            "id": gid, "domain": "bench", "status": "active", "role": "controller", "repo": project,
            "state_file": state_rel, "adapter": {"kind": "generic_project_goal_v0", "status": "connected"},
            "quota": {"compute": 1.0, "window_hours": 24},
        })
        runs_dir = os.path.join(runtime, "goals", gid, "runs")
        os.makedirs(runs_dir, exist_ok=True)
        with open(os.path.join(runs_dir, "index.jsonl"), "w") as f:
            for r in range(args.runs):
                at = (start + timedelta(minutes=10 * r)).strftime("%Y-%m-%dT%H:%M:%SZ")
                stem = at.replace(":", "-")
                row = {
                    "generated_at": at, "goal_id": gid, "classification": "state_refreshed",
                    "recommended_action": "continue the next bounded segment",
                    "health_check": "state_file 1/1", "json_path": f"{runs_dir}/{stem}.json",
                    "markdown_path": f"{runs_dir}/{stem}.md",
                    "delivery_batch_scale": SCALES[r % 4], "delivery_outcome": OUTCOMES[r % 4],
                }
                f.write(json.dumps(row, separators=(",", ":")) + "\n")
    registry = {"schema_version": "0.1", "updated_at": "2026-01-01T00:00:00Z",
                "common_runtime_root": runtime, "goals": goals}
    with open(os.path.join(project, ".loopx", "registry.json"), "w") as f:
        json.dump(registry, f, indent=2)
    open(marker, "w").close()
    print(root)


if __name__ == "__main__":
    main()
