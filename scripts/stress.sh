#!/usr/bin/env bash
# Concurrency stress test of the run history and todo leases, through the CLI.
#
#   scripts/stress.sh [WORKERS] [ROWS]     (default 8 workers x 500 rows)
#
# Every worker appends ROWS state_refreshed runs to one goal's index (refresh-state) and,
# every 10th row, tries to claim one of a few shared todos. Afterwards: every index line
# parses, no row is lost, and no todo was granted to two agents.
# Uses $LOOPX_BIN (default .build/debug/loopx) and python3 for the final JSON checks.
set -euo pipefail

workers=${1:-8}
rows=${2:-500}
root=$(cd "$(dirname "$0")/.." && pwd)
bin=${LOOPX_BIN:-$root/.build/debug/loopx}
[ -x "$bin" ] || { echo "stress: $bin is not built (run swift build)" >&2; exit 2; }
work=$(mktemp -d "${TMPDIR:-/tmp}/loopx-stress.XXXXXX")
trap 'rm -rf "$work"' EXIT
# A private copy, so a rebuild during the run cannot swap the binary under the workers.
cp "$bin" "$work/loopx"
bin="$work/loopx"
export HOME="$work/home" LOOPX_NOW=2026-01-01T00:00:00Z
mkdir -p "$HOME" "$work/proj"
cd "$work/proj"

agents=()
for w in $(seq 1 "$workers"); do agents+=(--registered-agent "agent-$w"); done
"$bin" bootstrap --goal-id stress-goal --no-global-sync "${agents[@]}" >/dev/null
todo_ids=()
for t in 1 2 3 4 5; do
    id=$("$bin" todo add --goal-id stress-goal --text "shared task $t" --format json | python3 -c 'import json,sys; print(json.load(sys.stdin)["todo"]["todo_id"])')
    todo_ids+=("$id")
done

worker() {
    local w=$1 i base=1767225600 # 2026-01-01T00:00:00Z
    for i in $(seq 1 "$rows"); do
        local now
        now=$(date -u -d "@$((base + w * 1000000 + i))" +%Y-%m-%dT%H:%M:%SZ)
        "$bin" --now "$now" refresh-state --goal-id stress-goal --no-global-sync --format json >/dev/null
        if (( i % 10 == 0 )); then
            local todo=${todo_ids[$(( (i / 10) % ${#todo_ids[@]} ))]}
            if out=$("$bin" todo claim --goal-id stress-goal --todo-id "$todo" --agent-id "agent-$w" --format json 2>/dev/null); then
                echo "$todo agent-$w $(echo "$out" | python3 -c 'import json,sys; print(json.load(sys.stdin)["effect"])')" >>"$work/claims.$w"
            fi
        fi
    done
}

start=$(date +%s)
for w in $(seq 1 "$workers"); do worker "$w" & done
wait
elapsed=$(( $(date +%s) - start ))

index="$HOME/.codex/loopx/goals/stress-goal/runs/index.jsonl"
cat "$work"/claims.* 2>/dev/null >"$work/claims" || true
python3 - "$index" "$work/claims" "$((workers * rows))" <<'PY'
import json, sys, collections
index, claims, expected = sys.argv[1], sys.argv[2], int(sys.argv[3])
lines = open(index, encoding="utf-8").read().split("\n")
assert lines[-1] == "", "index does not end with a newline"
rows = [json.loads(line) for line in lines[:-1]]           # raises on any torn or mixed line
keys = {(r["generated_at"], r["json_path"]) for r in rows}
assert len(rows) == expected, f"{len(rows)} rows, expected {expected}"
assert len(keys) == expected, f"{len(keys)} distinct runs, expected {expected}"
holders = collections.defaultdict(set)
grants = collections.Counter()
for line in open(claims):
    todo, agent, effect = line.split()
    holders[todo].add(agent)
    if effect in ("claimed", "taken_over"):
        grants[todo] += 1
twice = {t: a for t, a in holders.items() if len(a) > 1}
assert not twice, f"todos granted to more than one agent: {twice}"
assert all(n == 1 for n in grants.values()), f"granted more than once: {grants}"
print(f"stress ok: {len(rows)} rows, {len(holders)} todos each granted to exactly one agent")
PY
echo "stress: $workers workers x $rows rows in ${elapsed}s"
