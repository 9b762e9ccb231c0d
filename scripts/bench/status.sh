#!/usr/bin/env bash
# `loopx status` over 200 goals x 10,000 runs each (targets: under 0.5 s wall, under 100 MB
# peak). The fixture is generated once under .build/bench/status-<goals>x<runs>.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
. scripts/lib/build.sh
goals="${GOALS:-200}"
runs="${RUNS_PER_GOAL:-10000}"
loopx_build_release >/dev/null
dir=".build/bench/status-${goals}x${runs}"
python3 scripts/bench/lib/gen_status_fixture.py "$dir" --goals "$goals" --runs "$runs" >/dev/null
reg="$(pwd)/$dir/project/.loopx/registry.json"
export LOOPX_NOW=2026-01-01T00:00:00Z
python3 scripts/bench/lib/timecmd.py --runs "${RUNS:-10}" \
  "status-${goals}x${runs}=cd $dir/project && $(pwd)/.build/release/loopx --format json --registry $reg status"
