#!/usr/bin/env bash
# Concurrency stress test of every writer of one goal and of the registries, through the CLI.
#
#   scripts/stress.sh [WORKERS] [COMMANDS]     (default 16 workers x 300 commands)
#
# Every worker runs COMMANDS writes against one goal, in turn: refresh-state (with the
# automatic global-registry sync), reward (every other one also writing the active-state
# summary), quota spend-slot --execute, todo claim of one of a few shared todos, and
# bootstrap of a new goal in the same project (project and global registry rewrites).
# Afterwards it prints and requires 0 of each: failed commands (any non-zero exit except a
# claim refused because another agent holds the lease), lost index rows, torn or unparsable
# index lines, double grants (one todo granted to two agents) and lost goals (a bootstrapped
# goal missing from the project or the global registry).
# Uses $LOOPX_BIN (default .build/debug/loopx) and python3 for the final checks.
set -euo pipefail

workers=${1:-16}
commands=${2:-300}
root=$(cd "$(dirname "$0")/.." && pwd)
bin=${LOOPX_BIN:-$root/.build/debug/loopx}
[ -x "$bin" ] || { echo "stress: $bin is not built (run swift build)" >&2; exit 2; }
work=$(mktemp -d "${TMPDIR:-/tmp}/loopx-stress.XXXXXX")
trap 'rm -rf "$work"' EXIT
# A private copy, so a rebuild during the run cannot swap the binary under the workers.
# The rules go beside it, as in a release (quota spend-slot evaluates them).
cp "$bin" "$work/loopx"
cp -R "$root/Rules" "$work/Rules"
bin="$work/loopx"
export HOME="$work/home" LOOPX_NOW=2026-01-01T00:00:00Z
mkdir -p "$HOME" "$work/proj" "$work/out"
cd "$work/proj"

agents=()
for w in $(seq 1 "$workers"); do agents+=(--registered-agent "agent-$w"); done
"$bin" bootstrap --goal-id stress-goal "${agents[@]}" >/dev/null
"$bin" refresh-state --goal-id stress-goal >/dev/null  # a run for the first rewards to bind to
todo_ids=()
for t in 1 2 3 4 5; do
    id=$("$bin" todo add --goal-id stress-goal --text "shared task $t" --format json | python3 -c 'import json,sys; print(json.load(sys.stdin)["todo"]["todo_id"])')
    todo_ids+=("$id")
done

# One command; its stdout goes to out/<worker>-<n>.<op>.json, its exit status and the first
# line of stderr to the worker's log.
step() {
    local w=$1 i=$2 op=$3 rc=0
    shift 3
    "$@" --format json >"$work/out/$w-$i.$op.json" 2>"$work/out/$w-$i.err" || rc=$?
    echo "$op $rc $(head -c 300 "$work/out/$w-$i.err" | head -n 1)" >>"$work/log.$w"
}

worker() {
    local w=$1 i base=1767225600 # 2026-01-01T00:00:00Z
    for i in $(seq 1 "$commands"); do
        local now
        now=$(date -u -d "@$((base + w * 1000000 + i))" +%Y-%m-%dT%H:%M:%SZ)
        case $((i % 5)) in
        1) step "$w" "$i" refresh "$bin" --now "$now" refresh-state --goal-id stress-goal ;;
        2)
            local summary=()
            (( i % 10 == 2 )) && summary=(--write-active-state-summary)
            step "$w" "$i" reward "$bin" --now "$now" reward --goal-id stress-goal --decision route_correction \
                --reward mixed --reason-summary "stress $w $i" "${summary[@]}" ;;
        3) step "$w" "$i" spend "$bin" --now "$now" quota spend-slot --goal-id stress-goal --execute --agent-id "agent-$w" ;;
        4)
            local todo=${todo_ids[$(( (i / 5) % ${#todo_ids[@]} ))]}
            step "$w" "$i" claim "$bin" todo claim --goal-id stress-goal --todo-id "$todo" --agent-id "agent-$w" ;;
        0) step "$w" "$i" bootstrap "$bin" --now "$now" bootstrap --goal-id "other-$w-$i" ;;
        esac
    done
}

start=$(date +%s.%N)
for w in $(seq 1 "$workers"); do worker "$w" & done
wait
elapsed=$(python3 -c "import sys; print(f'{float(sys.argv[2]) - float(sys.argv[1]):.1f}')" "$start" "$(date +%s.%N)")

python3 - "$work" "$HOME/.codex/loopx" "$work/proj/.loopx/registry.json" "$workers" "$commands" "$elapsed" <<'PY'
import collections, glob, json, os, sys
work, runtime, project_registry, workers, commands, elapsed = sys.argv[1:7]
workers, commands = int(workers), int(commands)
refused_claim = ("is claimed by", "is leased by")
failed, ran = [], collections.Counter()
for log in glob.glob(os.path.join(work, "log.*")):
    for line in open(log, encoding="utf-8"):
        op, rc, *message = line.rstrip("\n").split(" ", 2)
        ran[op] += 1
        message = message[0] if message else ""
        if rc != "0" and not (op == "claim" and any(m in message for m in refused_claim)):
            failed.append(f"{op} exit {rc}: {message}")

def output(path):
    try:
        return json.load(open(path, encoding="utf-8"))
    except (ValueError, OSError):
        return None

# Rows the commands say they appended (plus the setup refresh), against the index.
expected, grants, goals = 1, collections.defaultdict(set), ["stress-goal"]
for path in glob.glob(os.path.join(work, "out", "*.json")):
    op = path.rsplit(".", 2)[-2]
    out = output(path)
    if out is None:
        continue
    if op in ("refresh", "reward", "spend") and out.get("appended") is True:
        expected += 1
    elif op == "claim" and out.get("effect") in ("claimed", "renewed", "taken_over"):
        grants[out["todo"]["todo_id"] if isinstance(out.get("todo"), dict) else out.get("todo_id")].add(out.get("agent_id") or os.path.basename(path).split("-")[0])
    elif op == "bootstrap":
        goals.append(out.get("goal_id"))

index = os.path.join(runtime, "goals", "stress-goal", "runs", "index.jsonl")
data = open(index, encoding="utf-8").read()
lines = data.split("\n")
torn = 0 if data.endswith("\n") else 1
rows = 0
for line in lines[:-1]:
    try:
        row = json.loads(line)
        rows += isinstance(row, dict)
        torn += not isinstance(row, dict)
    except ValueError:
        torn += 1
lost_rows = max(expected - rows, 0)
double = {todo: sorted(agents) for todo, agents in grants.items() if len(agents) > 1}

def goal_ids(path):
    return {g.get("id") for g in json.load(open(path, encoding="utf-8")).get("goals", []) if isinstance(g, dict)}
project_ids, global_ids = goal_ids(project_registry), goal_ids(os.path.join(runtime, "registry.global.json"))
lost_goals = [g for g in goals if g not in project_ids or g not in global_ids]
leftovers = [n for n in os.listdir(os.path.join(runtime, "goals", "stress-goal", "runs")) if ".tmp-" in n]

total = sum(ran.values())
for message in failed[:20]:
    print("failed:", message)
print(f"commands: {total} ({', '.join(f'{k} {v}' for k, v in sorted(ran.items()))}) in {elapsed}s, {total / max(float(elapsed), 0.001):.1f} commands/s")
print(f"failed commands: {len(failed)}")
print(f"index rows: {rows} of {expected} appended; lost lines: {lost_rows}; torn lines: {torn}")
print(f"double grants: {len(double)} {double if double else ''}".rstrip())
print(f"goals: {len(goals)} bootstrapped; lost goals: {len(lost_goals)} {lost_goals[:5] if lost_goals else ''}".rstrip())
print(f"temporary files left in runs/: {len(leftovers)}")
ok = not failed and not lost_rows and rows == expected and not torn and not double and not lost_goals and not leftovers
print(f"stress {'ok' if ok else 'FAILED'}: {workers} workers x {commands} commands")
sys.exit(0 if ok else 1)
PY
