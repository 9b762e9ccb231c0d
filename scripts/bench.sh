#!/usr/bin/env bash
# Runs a benchmark: scripts/bench.sh NAME [ARGS...] runs scripts/bench/NAME.sh;
# scripts/bench.sh all runs every one. Figures go to stdout; record them in docs/benchmarks.md.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
available=$(ls scripts/bench/*.sh 2>/dev/null | xargs -n1 basename 2>/dev/null | sed 's/\.sh$//' | tr '\n' ' ')
name="${1:-}"
if [ -z "$name" ]; then
  echo "usage: scripts/bench.sh NAME [ARGS...]   (NAME: ${available}all)" >&2
  exit 2
fi
shift
if [ "$name" = all ]; then
  for script in scripts/bench/*.sh; do
    echo "== $(basename "$script" .sh)"
    bash "$script" "$@"
  done
  exit 0
fi
if [ ! -f "scripts/bench/$name.sh" ]; then
  echo "unknown benchmark '$name' (available: ${available})" >&2
  exit 2
fi
exec bash "scripts/bench/$name.sh" "$@"
