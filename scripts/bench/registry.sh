#!/usr/bin/env bash
# `loopx registry --format json` over N goals that share one repository (issue 15, finding 7:
# the output used to repeat every goal id under every goal). Prints, per goal count, wall
# seconds, peak memory and output bytes from /usr/bin/time -v.
#   GOALS="5000 10000"   goal counts (default)
#   LOOPX=path           binary to measure (default: the release build)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
. scripts/lib/build.sh
if [ -z "${LOOPX:-}" ]; then
  loopx_build_release >/dev/null
  LOOPX="$(pwd)/.build/release/loopx"
fi
export LOOPX_NOW=2026-01-01T00:00:00Z
for goals in ${GOALS:-5000 10000}; do
  dir=".build/bench/registry-$goals"
  mkdir -p "$dir/project/.loopx"
  python3 - "$dir/project" "$goals" <<'PY'
import json, os, sys
project, count = os.path.abspath(sys.argv[1]), int(sys.argv[2])
goals = [{"id": f"goal-{i}", "domain": "web", "status": "active", "repo": project,
          "state_file": f".codex/goals/goal-{i}/ACTIVE_GOAL_STATE.md",
          "adapter": {"kind": "generic_project_goal_v0", "status": "connected"}} for i in range(count)]
registry = {"schema_version": "0.1", "common_runtime_root": os.path.join(project, "rt"), "goals": goals}
with open(os.path.join(project, ".loopx/registry.json"), "w") as f:
    json.dump(registry, f, indent=2)
PY
  reg="$(pwd)/$dir/project/.loopx/registry.json"
  out="$(mktemp)"
  stats="$(cd "$dir/project" && { /usr/bin/time -v "$LOOPX" --format json --registry "$reg" registry >"$out" || true; } 2>&1)"
  wall="$(printf '%s\n' "$stats" | sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p')"
  rss="$(printf '%s\n' "$stats" | sed -n 's/.*Maximum resident set size (kbytes): //p')"
  printf 'goals=%s wall=%s peak_rss=%s KiB output=%s bytes\n' "$goals" "$wall" "$rss" "$(wc -c <"$out")"
  rm -f "$out"
done
