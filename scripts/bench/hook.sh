#!/usr/bin/env bash
# Benchmark: `loopx hook claude-code` (the Claude Code PreToolUse hook, run before every tool
# call) against the start-up of a trivial Swift program. Target: hook median <= 2.5x trivial.
#
#   scripts/bench/hook.sh            (or: scripts/bench.sh hook)
#
# Builds a release binary (unless LOOPX_BIN is set), a project with one goal (write scope
# docs/**) and three recorded events: a force-push (ask), a write outside the scope (ask) and
# an ungoverned Read (no output), then times them side by side with hyperfine when installed
# (`apt-get install -y hyperfine`; 1.17 or later, for --input), else with
# scripts/bench/lib/timecmd.py (interleaved runs, medians; every command through the same shell). Environment: LOOPX_BIN, RUNS (default 30).
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
. "$root/scripts/lib/build.sh"
if [ -z "${LOOPX_BIN:-}" ]; then
    (cd "$root" && loopx_build_release >/dev/null)
    LOOPX_BIN="$root/.build/release/loopx"
fi
mkdir -p "$root/.build/bench"
if [ ! -x "$root/.build/bench/hello" ]; then
    echo 'print("hello")' > "$root/.build/bench/hello.swift"
    swiftc -O "$root/.build/bench/hello.swift" -o "$root/.build/bench/hello"
fi
work=$(mktemp -d "${TMPDIR:-/tmp}/loopx-bench-hook.XXXXXX")
trap '[ -n "${KEEP_WORK:-}" ] || rm -rf "$work"' EXIT

proj="$work/proj"
mkdir -p "$proj/.loopx" "$proj/.git" "$proj/.codex/goals/app"
echo "ref: refs/heads/main" > "$proj/.git/HEAD"
printf -- '---\nstatus: active\n---\n\n# Active Goal State\n\n## Next Action\n\n- benchmark the hook\n' \
    > "$proj/.codex/goals/app/ACTIVE_GOAL_STATE.md"
cat > "$proj/.loopx/registry.json" <<JSON
{"schema_version": "0.1", "common_runtime_root": "$work/rt", "goals": [{"id": "app", "domain": "web",
 "status": "active", "repo": "$proj", "state_file": ".codex/goals/app/ACTIVE_GOAL_STATE.md",
 "adapter": {"kind": "generic_project_goal_v0", "status": "connected"},
 "coordination": {"write_scope": ["docs/**"]}}]}
JSON
event() { printf '{"hook_event_name":"PreToolUse","cwd":"%s","tool_name":"%s","tool_input":%s}\n' "$proj" "$1" "$2"; }
event Bash '{"command":"git push --force origin main"}' > "$work/force-push.json"
event Write "{\"file_path\":\"$proj/src/main.swift\",\"content\":\"x\"}" > "$work/write-outside.json"
event Read "{\"file_path\":\"$proj/README.md\"}" > "$work/read.json"

export HOME="$work" LOOPX_NOW=2026-06-01T12:00:00Z
cd "$proj"
for name in force-push write-outside read; do
    printf '%-14s -> %s\n' "$name" "$("$LOOPX_BIN" hook claude-code < "$work/$name.json" | head -c 120)"
done
runs=${RUNS:-30}
# hyperfine feeds stdin with --input from 1.17 on; older ones (Debian's) fall back to timecmd.py.
if command -v hyperfine >/dev/null 2>&1 && hyperfine --help 2>/dev/null | grep -q -- '--input'; then
    hyperfine -N --warmup 3 --runs "$runs" \
        -n trivial-swift "$root/.build/bench/hello" \
        -n hook-force-push --input "$work/force-push.json" "$LOOPX_BIN hook claude-code" \
        -n hook-write-outside --input "$work/write-outside.json" "$LOOPX_BIN hook claude-code" \
        -n hook-read-ungoverned --input "$work/read.json" "$LOOPX_BIN hook claude-code" \
        -n should-run "$LOOPX_BIN --format json quota should-run --goal-id app --read-only" \
        -n loopx--version "$LOOPX_BIN --version"
else
    python3 "$root/scripts/bench/lib/timecmd.py" --runs "$runs" \
        "trivial-swift=$root/.build/bench/hello" \
        "hook-force-push=$LOOPX_BIN hook claude-code < $work/force-push.json" \
        "hook-write-outside=$LOOPX_BIN hook claude-code < $work/write-outside.json" \
        "hook-read-ungoverned=$LOOPX_BIN hook claude-code < $work/read.json" \
        "should-run=$LOOPX_BIN --format json quota should-run --goal-id app --read-only" \
        "loopx--version=$LOOPX_BIN --version"
fi
