#!/usr/bin/env bash
# Benchmark: `loopx check` boundary scan of a generated 20,000-file tree.
# Usage: scripts/bench/scan.sh [FILES] [RUNS]   (defaults 20000, 5)
# Prints each run's wall time and the median; target (quality bar): under 2 s.
set -euo pipefail
cd "$(dirname "$0")/../.."
files="${1:-20000}"
runs="${2:-5}"

swift build -c release --product loopx >/dev/null
bin="$(swift build -c release --show-bin-path)/loopx"

work="$(mktemp -d "${TMPDIR:-/tmp}/loopx-bench-scan.XXXXXX")"
trap 'rm -rf "$work"' EXIT
tree="$work/tree"
mkdir -p "$tree" "$work/home"
planted="$(python3 scripts/bench/scan-tree.py "$tree" "$files")"
echo "tree: $files files of scanned kinds (+1000 in node_modules, 50 binaries), $planted planted hits"

# Drop cold-cache effects from the first measured run.
HOME="$work/home" "$bin" check --scan-root "$tree" --format json >/dev/null || true

times=()
for ((i = 1; i <= runs; i++)); do
    start=$(date +%s%N)
    status=0
    HOME="$work/home" "$bin" check --scan-root "$tree" --format json >"$work/out.json" || status=$?
    end=$(date +%s%N)
    ms=$(((end - start) / 1000000))
    times+=("$ms")
    echo "run $i: ${ms} ms (exit $status)"
done

python3 - "$work/out.json" "$planted" "${times[@]}" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
planted = int(sys.argv[2])
times = sorted(int(t) for t in sys.argv[3:])
scan = report["public_boundary_scan"]
median = times[len(times) // 2]
print("files scanned: %d, skipped: %s" % (scan["files_scanned"], scan["files_skipped"]))
print("blocking hits: %d (planted %d), references downgraded: %d"
      % (scan["blocking_count"], planted, scan["credential_references_downgraded"]))
print("median: %d ms over %d runs (target < 2000 ms)" % (median, len(times)))
if scan["blocking_count"] != planted:
    sys.exit("scan found %d blocking hits, expected %d" % (scan["blocking_count"], planted))
PY
