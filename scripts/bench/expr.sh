#!/usr/bin/env bash
# Times `loopx expr eval --jsonl` against Google's C++ CEL runtime (cel-expr-python) on the
# shared policy workload, side by side in one run. Usage: scripts/bench/expr.sh [FACTS] [RUNS]
set -euo pipefail

cd "$(dirname "$0")/../.."
. scripts/lib/build.sh
FACTS="${1:-2000}"
RUNS="${2:-3}"
SHARED="${LOOPX_SHARED:-../shared}"
BENCH="$SHARED/bench"
VENV=".build/bench-venv"
OUT_DIR="${BENCH_OUT_DIR:-.build/bench-out}"

if [ ! -f "$BENCH/policy-workload/bench.py" ]; then
    echo "expr bench: $BENCH/policy-workload/bench.py not found (set LOOPX_SHARED)" >&2
    exit 2
fi

loopx_build_release >&2

adapters=("loopx=.build/release/loopx expr eval --jsonl")
if [ ! -x "$VENV/bin/python" ]; then
    python3 -m venv "$VENV" >&2 || true
fi
if [ -x "$VENV/bin/python" ] && ! "$VENV/bin/python" -c "import cel_expr_python" 2>/dev/null; then
    "$VENV/bin/pip" install --quiet cel-expr-python cel-python protobuf >&2 \
        || echo "expr bench: pip could not install the peers; timing loopx alone" >&2
fi
if [ -x "$VENV/bin/python" ] && "$VENV/bin/python" -c "import cel_expr_python" 2>/dev/null; then
    adapters+=("celcpp=$VENV/bin/python $BENCH/adapters/celcpp_adapter.py")
else
    echo "expr bench: cel-expr-python unavailable; skipping the cel-cpp peer" >&2
fi

mkdir -p "$OUT_DIR"
python3 "$BENCH/policy-workload/bench.py" "${adapters[@]}" \
    --facts "$FACTS" --runs "$RUNS" --out-dir "$OUT_DIR" --report "$OUT_DIR/expr-bench.json"
