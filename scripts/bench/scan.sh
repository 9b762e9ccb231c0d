#!/usr/bin/env bash
# Benchmark: the public/private boundary scan of `loopx check` on a generated tree of 20,000
# files of scanned kinds (about 100 MB; plus 1,000 files in node_modules and 50 binaries that
# must be skipped, and 5 planted hits that must be found).
#
#   scripts/bench/scan.sh            (or: scripts/bench.sh scan)
#
# Reports the median wall time of `loopx check --scan-root TREE --format json` (target: under
# 2 s on the 2-core machine), its peak memory, and the CPU seconds of one run (wall time on a
# shared machine includes waiting for the CPU; CPU time does not).
# Environment: LOOPX_BIN (default: a release build, built if missing), BENCH_SCAN_FILES
# (default 20000), BENCH_RUNS (default 10), BENCH_SCAN_GIT=1 to make the tree a git repository
# with every file staged (adds the `git ls-files` path; node_modules is then tracked but still
# skipped).
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
. "$root/scripts/lib/build.sh"
files=${BENCH_SCAN_FILES:-20000}
runs=${BENCH_RUNS:-10}
if [ -z "${LOOPX_BIN:-}" ]; then
    (cd "$root" && loopx_build_release >/dev/null)
    LOOPX_BIN="$root/.build/release/loopx"
fi
work=$(mktemp -d "${TMPDIR:-/tmp}/loopx-bench-scan.XXXXXX")
trap 'rm -rf "$work"' EXIT
tree="$work/tree"
mkdir -p "$tree" "$work/home"
planted=$(python3 "$root/scripts/bench/scan-tree.py" "$tree" "$files")
echo "tree: $files files of scanned kinds (+1,000 in node_modules, 50 binaries), $planted planted hits"
if [ "${BENCH_SCAN_GIT:-0}" = 1 ]; then
    git -C "$tree" init -q && git -C "$tree" add -A
    echo "git: every file staged"
fi

command="HOME=$work/home $LOOPX_BIN check --scan-root $tree --format json"
# Correctness first: the planted hits, and nothing else, are found.
status=0
sh -c "$command" >"$work/out.json" || status=$?
python3 - "$work/out.json" "$planted" "$status" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
planted, status = int(sys.argv[2]), int(sys.argv[3])
scan = report["public_boundary_scan"]
print("files scanned: %d, skipped: %s" % (scan["files_scanned"], scan["files_skipped"]))
print("blocking hits: %d (planted %d), references downgraded: %d, exit %d"
      % (scan["blocking_count"], planted, scan["credential_references_downgraded"], status))
if scan["blocking_count"] != planted or status != 1:
    sys.exit("the scan did not find exactly the planted hits")
PY

/usr/bin/time -f "cpu: %U s user + %S s system, wall %e s, peak %M KiB" sh -c "$command >/dev/null" || true
python3 "$root/scripts/bench/lib/timecmd.py" --runs "$runs" --warmup 1 "check-scan-$files=$command"
