#!/usr/bin/env bash
# Builds loopx and runs every test suite: the Swift tests (unit and end-to-end through the
# built binary), the built-in rule fixtures, and the CEL conformance sample when ../shared is
# beside the checkout. Exits non-zero on any failure.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
. scripts/lib/deps.sh
loopx_ensure_swift
loopx_ensure_libyaml

echo "== build"
swift build 2>&1 | tail -n 3
bin="$root/.build/debug/loopx"

# The install end-to-end test (a release build of a fresh clone) is slow: it runs in CI, or
# locally with LOOPX_SLOW_TESTS=1.
if [ "${CI:-}" = true ]; then export LOOPX_SLOW_TESTS=1; fi

# The PostgreSQL store suites (issue 20) run against a throw-away cluster in a temporary
# directory on a free loopback port, stopped and removed on exit (scripts/lib/pg-cluster.sh);
# PostgreSQL is installed from the distribution when missing. A LOOPX_TEST_PG_URL already set
# (a superuser URL) is used instead; LOOPX_TEST_PG=off skips them. Under CI a cluster that
# cannot be installed or started fails the run; elsewhere the store suites are skipped.
. scripts/lib/pg-cluster.sh
trap 'loopx_pg_stop' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
pg_note=""
if [ -n "${LOOPX_TEST_PG_URL:-}" ]; then
  pg_note="against the given LOOPX_TEST_PG_URL"
elif [ "${LOOPX_TEST_PG:-}" = off ]; then
  pg_note="store suites skipped (LOOPX_TEST_PG=off)"
elif loopx_pg_start --install; then
  export LOOPX_TEST_PG_URL="$LOOPX_PG_URL"
  pg_note="store suites against a throw-away PostgreSQL on 127.0.0.1:$LOOPX_PG_PORT"
elif [ "${CI:-}" = true ]; then
  echo "error: CI needs PostgreSQL for the store suites, and the throw-away cluster did not start" >&2
  exit 1
else
  loopx_pg_stop
  pg_note="PostgreSQL store suites SKIPPED: no PostgreSQL (install the postgresql package, or set LOOPX_TEST_PG_URL)"
fi
echo "== PostgreSQL: $pg_note"
echo "== swift test${LOOPX_SLOW_TESTS:+ (with the slow install test)}"
set +e
LOOPX_BIN="$bin" swift test 2>&1 | tee .build/swift-test.log
status=${PIPESTATUS[0]}
set -e
if [ "$status" -ne 0 ]; then
  echo "swift test failed (exit $status); failures:" >&2
  grep -E '✘|error:' .build/swift-test.log | head -n 40 >&2 || true
  exit "$status"
fi

# The shared store's outage test: a write storm while its own throw-away cluster is stopped
# with `pg_ctl stop -m immediate` and restarted (needs the PostgreSQL server programs).
if [ -n "${LOOPX_TEST_PG_URL:-}" ] && loopx_pg_bindir >/dev/null; then
  echo "== PostgreSQL store outage test (scripts/stress-store.sh)"
  LOOPX_BIN="$bin" bash scripts/stress-store.sh 8 25
elif [ -n "${LOOPX_TEST_PG_URL:-}" ]; then
  echo "== PostgreSQL store outage test SKIPPED: no local PostgreSQL server programs (initdb, pg_ctl)"
fi

echo "== loopx rules check and rules test --require-pairs (built-in rules and scenarios)"
"$bin" rules check
"$bin" rules test --require-pairs

# Interoperability with an independent MCP client: the official Python SDK (`mcp` on PyPI) in
# a virtualenv under the build folder drives `loopx mcp` (initialize, list tools, should_run,
# gate_check) and compares each answer with the CLI's JSON.
echo "== MCP interop (Python SDK client against loopx mcp)"
venv="$root/.build/py-mcp"
if [ ! -x "$venv/bin/python" ]; then
  # Debian ships venv apart (python3-venv); install it once when missing.
  if ! python3 -m venv "$venv" 2>/dev/null; then
    rm -rf "$venv"
    loopx_run_privileged env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv >&2
    python3 -m venv "$venv"
  fi
fi
if ! "$venv/bin/python" -c 'import mcp' 2>/dev/null; then
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check 'mcp>=1.9,<3'
fi
"$venv/bin/python" scripts/interop/mcp_client.py "$bin"

# The CEL conformance sample lives beside the checkout (../shared), as in CI.
conformance="$root/../shared/conformance/run.py"
if [ -f "$conformance" ]; then
  echo "== CEL conformance (every section)"
  python3 "$conformance" "$bin expr eval --jsonl"
  echo "== CEL conformance through the static type checker (no false alarms)"
  python3 "$conformance" "$bin expr eval --jsonl --check"
else
  echo "== CEL conformance skipped: $conformance not found (it ships beside the checkout in CI)"
fi
echo "== all test suites passed ($pg_note)"
