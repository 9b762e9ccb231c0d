#!/usr/bin/env bash
# Start-up cost: `loopx --version` against a trivial Swift program that prints one line,
# both release builds, timed side by side.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
. scripts/lib/build.sh
loopx_build_release >/dev/null
mkdir -p .build/bench
if [ ! -x .build/bench/hello ]; then
  echo 'print("hello")' > .build/bench/hello.swift
  swiftc -O .build/bench/hello.swift -o .build/bench/hello
fi
python3 scripts/bench/lib/timecmd.py --runs "${RUNS:-30}" \
  "trivial-swift=.build/bench/hello" \
  "loopx--version=.build/release/loopx --version"
