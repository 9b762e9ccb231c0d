#!/usr/bin/env python3
"""Writes a synthetic but realistic rule set for scripts/bench/rules.sh: DIR/rules-N (a
built-in-style directory of 9 stages holding N rules in total) and DIR/facts.json (a goal
with 50 runs of history, an active state with todos, spend events)."""
import json
import os
import sys

STAGES = ["attention", "quota", "outcome_floor", "should_run", "heartbeat_recommendation",
          "work_lane", "execution_obligation", "delivery_contract", "warnings"]

CONDITIONS = [
    'goal.adapter.status == "connected" && size(history) > {k}',
    'recent_surface >= {k} && goal.quota.compute > 0.{k}',
    'history.exists(h, h.classification == "blocked_{k}") || goal.id.startsWith("x{k}")',
    'open_todos > {k} && state.next_action.contains("step")',
    '"{prev}" in ["attention", "quota"] || {prev}.rule_id == "r{k}"',
    'now - history[0].generated_at > duration("{k}h") && goal.paused == false',
    'history.filter(h, h.delivery_scale == "small").size() >= {k} && spend.count < 10',
    'goal.coordination.write_scope.size() == {k} || goal.labels.exists(l, l == "team{k}")',
]


def rule(stage, index, prev):
    cond = CONDITIONS[index % len(CONDITIONS)].format(k=index % 7 + 1, prev=prev)
    if "{}.rule_id".format(prev) in cond and prev == "":
        cond = "goal.paused"
    return {
        "id": "{}.rule_{:03d}".format(stage, index),
        "description": "synthetic rule {}".format(index),
        "priority": 1000 - index,
        "when": cond,
        "then": {"state": "s{}".format(index), "reason": "rule {} for ${{goal.id}}".format(index),
                 "count": "${size(history)}"},
    }


def write_rules(directory, total):
    os.makedirs(directory, exist_ok=True)
    with open(os.path.join(directory, "pipeline.yaml"), "w") as f:
        json.dump({"decisions": {"should_run": STAGES}}, f, indent=1)
    with open(os.path.join(directory, "facts.yaml"), "w") as f:
        json.dump({"facts": {"now": "timestamp", "goal": {"*": "dyn"},
                             "history": [{"generated_at": "timestamp", "*": "dyn"}],
                             "state": "dyn", "spend": "dyn"}}, f, indent=1)
    per = [total // len(STAGES) + (1 if i < total % len(STAGES) else 0) for i in range(len(STAGES))]
    n = 0
    for position, stage in enumerate(STAGES):
        prev = STAGES[position - 1] if position > 0 else ""
        rules = []
        for _ in range(per[position]):
            rules.append(rule(stage, n, prev if prev else "attention"))
            n += 1
        if position == 0:
            for r in rules:
                if "attention" in r["when"]:
                    r["when"] = "goal.paused || size(history) > 40"
        doc = {
            "stage": stage, "description": "synthetic stage", "mode":
                "all_matches" if stage == "warnings" else "first_match",
            "variables": {
                "recent_surface": 'history.filter(h, h.classification == "surface").size()',
                "open_todos": 'state.todos.filter(t, t.status == "open").size()',
            },
            "rules": rules,
        }
        if stage != "warnings":
            doc["defaults"] = {"state": "none", "reason": "no rule matched"}
        with open(os.path.join(directory, stage + ".yaml"), "w") as f:
            json.dump(doc, f, indent=1)


def write_facts(path):
    history = []
    for i in range(50):
        history.append({
            "generated_at": "2026-01-0{}T{:02d}:00:00Z".format(1 + (i // 24) % 3, 23 - i % 24),
            "classification": ["surface", "delivery", "blocked_1"][i % 3],
            "delivery_scale": ["small", "medium"][i % 2],
            "recommended_action": "continue step {}".format(i),
            "outcome": "ok", "run_id": "run-{:04d}".format(i),
        })
    facts = {
        "goal": {"id": "demo-goal", "paused": False, "labels": ["team3", "infra"],
                 "adapter": {"kind": "read_only_project_map_v0", "status": "connected"},
                 "quota": {"compute": 0.5, "window_hours": 24},
                 "coordination": {"write_scope": ["src/", "docs/"], "claim_ttl_minutes": 90},
                 "objective": "keep the map fresh", "domain": "example.org"},
        "history": history,
        "state": {"exists": True, "next_action": "do the next step",
                  "sections": {"Next Action": "- do the next step", "Notes": "none"},
                  "todos": [{"id": "t{}".format(i), "status": "open" if i % 2 else "done",
                             "text": "todo {}".format(i)} for i in range(10)]},
        "spend": {"count": 3, "slots": 3, "newest": "2026-01-03T07:00:00Z"},
    }
    with open(path, "w") as f:
        json.dump(facts, f, indent=1)


if __name__ == "__main__":
    out = sys.argv[1]
    for total in (60, 100):
        write_rules(os.path.join(out, "rules-{}".format(total)), total)
    write_facts(os.path.join(out, "facts.json"))
