#!/usr/bin/env bash
# Rule engine benchmark: loading+compiling 100 rules, and evaluating a 9-stage pipeline of
# 60 rules over realistic facts (50 runs of history) with tracing off, on and full.
# Medians of repeated batches, release build. Targets: load+compile 100 rules < 5 ms;
# evaluate < 100 µs (trace off), < 1 ms (--trace). Also the built-in Rules/ (load, snapshot).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
. scripts/lib/build.sh
loopx_build_release 2>&1 | tail -n 1
bin="$root/.build/release/loopx"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 scripts/bench/rules_workload.py "$work"
export HOME="$work" LOOPX_NOW=2026-01-03T08:00:00Z
echo "== 100 rules (load+compile)"
"$bin" rules bench --builtin-rules "$work/rules-100" --facts "$work/facts.json" --decision should_run --iterations "${ITERATIONS:-200}"
echo "== 60 rules, 9 stages (evaluate)"
"$bin" rules bench --builtin-rules "$work/rules-60" --facts "$work/facts.json" --decision should_run --iterations "${ITERATIONS:-200}"
echo "== built-in Rules/ (load+compile, snapshot)"
"$bin" rules bench --builtin-rules "$root/Rules" --facts "$work/facts.json" --decision should_run --iterations "${ITERATIONS:-200}"
