#!/usr/bin/env bash
# Benchmark: one very long line in a goal's run history costs time linear in its bytes and
# is skipped unparsed (lines over RunHistory.maxLineBytes, 1 MiB, are invalid lines).
#
#   scripts/bench/long-line.sh          (or: scripts/bench.sh long-line)
#
# Writes an index of 20 ordinary rows with one line of BENCH_LONG_LINE_MB megabytes (default
# 5 10 20 40) in the middle, and times `history --limit 50` and `quota should-run` on it.
# Target: under 0.5 s each at 40 MB. Environment: LOOPX_BIN (default: a release build, built
# if missing), BENCH_LONG_LINE_MB, BENCH_RUNS (default 3).
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
. "$root/scripts/lib/build.sh"
sizes=${BENCH_LONG_LINE_MB:-5 10 20 40}
runs=${BENCH_RUNS:-3}
if [ -z "${LOOPX_BIN:-}" ]; then
    (cd "$root" && loopx_build_release >/dev/null)
    LOOPX_BIN="$root/.build/release/loopx"
fi
work=$(mktemp -d "${TMPDIR:-/tmp}/loopx-bench-long-line.XXXXXX")
trap 'rm -rf "$work"' EXIT
now=2026-06-01T12:00:00Z
status=0
for mb in $sizes; do
    python3 - "$work" "$mb" <<'PY'
import json, os, sys
work, mb = sys.argv[1], int(sys.argv[2])
d = os.path.join(work, "rt", "goals", "g", "runs"); os.makedirs(d, exist_ok=True)
def row(i, note=""):
    r = {"generated_at": "2026-06-01T%02d:%02d:00Z" % (i // 60, i % 60), "goal_id": "g", "classification": "state_refreshed",
         "json_path": f"/r/{i}.json", "markdown_path": f"/r/{i}.md"}
    if note: r["note"] = note
    return json.dumps(r, separators=(",", ":"))
rows = [row(i) for i in range(10)] + [row(10, "n" * (mb * 1000 * 1000))] + [row(i) for i in range(11, 21)]
open(os.path.join(d, "index.jsonl"), "w").write("\n".join(rows) + "\n")
goals = [{"id": "g", "domain": "bench", "status": "active", "repo": work, "state_file": "g.md", "adapter": {"kind": "bench"}}]
json.dump({"schema_version": "0.1", "goals": goals}, open(os.path.join(work, "registry.json"), "w"))
PY
    for question in "history --goal-id g --limit 50" "quota should-run --goal-id g"; do
        best=""
        for _ in $(seq 1 "$runs"); do
            s=$(date +%s%N)
            "$LOOPX_BIN" --registry "$work/registry.json" --runtime-root "$work/rt" --now "$now" $question --format json >/dev/null || true
            e=$(date +%s%N)
            t=$(( (e - s) / 1000000 ))
            if [ -z "$best" ] || [ "$t" -lt "$best" ]; then best=$t; fi
        done
        verdict=PASS
        if [ "$mb" -ge 40 ] && [ "$best" -ge 500 ]; then verdict=FAIL; status=1; fi
        printf '%3d MB line  %-32s %6d ms  %s\n' "$mb" "$question" "$best" "$([ "$mb" -ge 40 ] && echo "$verdict (target < 500 ms)" || true)"
    done
done
exit $status
