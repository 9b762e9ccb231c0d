#!/usr/bin/env bash
# Browser test of the serve-status dashboard: builds loopx, makes a sample project in a temp
# dir (bootstrap, a few refresh-state runs, a reward), serves it on a free loopback port,
# loads the page in headless Chromium (Debian's package, installed when missing), checks the
# rendered DOM (attention items, the run timeline, a reward dry-run preview) and saves
# screenshots at 360 and 1440 px into .build/browser/. Exits non-zero on any failure.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
. scripts/lib/deps.sh
out="$root/.build/browser"
mkdir -p "$out"

fail() { echo "test-browser: FAIL: $*" >&2; exit 1; }

browser=""
for candidate in chromium chromium-browser; do
  if command -v "$candidate" >/dev/null 2>&1; then browser="$(command -v "$candidate")"; break; fi
done
if [ -z "$browser" ]; then
  command -v apt-get >/dev/null 2>&1 || fail "chromium is missing and apt-get is not available to install it"
  echo "test-browser: installing Debian's chromium through apt..." >&2
  loopx_run_privileged env DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
  loopx_run_privileged env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >&2
  browser="$(command -v chromium)" || fail "chromium still not on PATH after apt-get install"
fi

if [ -z "${LOOPX_BIN:-}" ]; then
  loopx_ensure_swift
  loopx_ensure_libyaml
  echo "== build"
  swift build --product loopx 2>&1 | tail -n 2
  LOOPX_BIN="$root/.build/debug/loopx"
fi
bin="$LOOPX_BIN"

work="$(mktemp -d)"
server_pid=""
cleanup() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then kill "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
export HOME="$work/home" LOOPX_RUNTIME_ROOT="$work/runtime"
mkdir -p "$HOME" "$work/project"
cd "$work/project"

echo "== sample project"
goal=shop-goal
"$bin" bootstrap --goal-id "$goal" --objective "Ship the checkout flow" --no-global-sync >/dev/null
n=0
for spec in "test_only surface_only" "single_surface outcome_gap" "multi_surface outcome_progress" \
            "implementation outcome_progress" "single_surface primary_goal_outcome"; do
  set -- $spec
  n=$((n + 1))
  "$bin" refresh-state --goal-id "$goal" --now "2026-01-0${n}T09:00:00Z" --no-global-sync \
    --delivery-batch-scale "$1" --delivery-outcome "$2" >/dev/null
done
"$bin" reward --goal-id "$goal" --decision continue_route --reward positive \
  --reason-summary "the checkout outcome moved" --run-generated-at "2026-01-04T09:00:00Z" >/dev/null

echo "== serve-status refuses a non-loopback host"
set +e
"$bin" serve-status --host 0.0.0.0 --port 0 >/dev/null 2>"$work/refused.err"
refused=$?
set -e
[ "$refused" -eq 2 ] || fail "--host 0.0.0.0 exited $refused, expected 2"
grep -q "loopback" "$work/refused.err" || fail "the refusal does not say why: $(cat "$work/refused.err")"

echo "== start serve-status"
"$bin" serve-status --port 0 --enable-reward-write-api >"$work/server.log" 2>&1 &
server_pid=$!
port=""
for _ in $(seq 1 100); do
  port="$(sed -n 's|^loopx serve-status listening on http://127.0.0.1:\([0-9]*\)/.*|\1|p' "$work/server.log" | head -n 1)"
  [ -n "$port" ] && break
  kill -0 "$server_pid" 2>/dev/null || fail "serve-status exited early: $(cat "$work/server.log")"
  sleep 0.1
done
[ -n "$port" ] || fail "serve-status did not report its port: $(cat "$work/server.log")"
base="http://127.0.0.1:$port"
curl -fsS "$base/healthz" | grep -q '"ok" *: *true' || fail "/healthz did not answer ok"
curl -fsS "$base/status.json" >"$out/status.json" || fail "/status.json failed"

run_chromium() {
  "$browser" --headless --no-sandbox --disable-gpu --disable-dev-shm-usage --no-first-run \
    --hide-scrollbars --user-data-dir="$work/chromium-profile" --virtual-time-budget=8000 "$@" 2>>"$work/chromium.log"
}

rows_before=$(wc -l <"$LOOPX_RUNTIME_ROOT/goals/$goal/runs/index.jsonl")
echo "== headless chromium: rendered DOM"
page="$base/?refresh=60&preview=1&goal=$goal&decision=continue_route&reward=positive&reason=browser+preview+check"
run_chromium --dump-dom "$page" >"$out/dashboard.html" || fail "chromium --dump-dom failed: $(tail -n 5 "$work/chromium.log")"
dom="$out/dashboard.html"
items=$(grep -o 'class="item sev-[a-z]*"' "$dom" | wc -l)
[ "$items" -ge 1 ] || fail "no attention items rendered (see $dom)"
grep -q "data-goal=\"$goal\"" "$dom" || fail "the goal $goal is not rendered"
runs=$(grep -o 'class="run o-[a-z_]* s-[a-z_]*' "$dom" | wc -l)
[ "$runs" -ge 5 ] || fail "the timeline shows $runs runs, expected at least 5"
grep -q 'class="run o-primary_goal_outcome s-single_surface' "$dom" || fail "run colours by outcome/scale missing"
grep -q 'rewarded' "$dom" || fail "the rewarded run is not marked"
grep -Eq 'id="preview-id">[0-9a-f]{24}<' "$dom" || fail "the reward dry-run preview is not shown"
grep -q 'last refreshed' "$dom" || fail "the refresh time is not shown"

echo "== headless chromium: screenshots"
for size in 360,1600 1440,1100; do
  width="${size%%,*}"
  run_chromium --window-size="$size" --screenshot="$out/dashboard-$width.png" "$page" >/dev/null \
    || fail "screenshot at $width px failed"
  [ -s "$out/dashboard-$width.png" ] || fail "empty screenshot at $width px"
done
rows_after=$(wc -l <"$LOOPX_RUNTIME_ROOT/goals/$goal/runs/index.jsonl")
[ "$rows_before" -eq "$rows_after" ] || fail "the dry runs wrote to the index ($rows_before -> $rows_after rows)"

echo "== graceful shutdown on SIGTERM"
kill -TERM "$server_pid"
set +e
wait "$server_pid"
status=$?
set -e
server_pid=""
[ "$status" -eq 0 ] || fail "serve-status exited $status after SIGTERM: $(tail -n 5 "$work/server.log")"

echo "test-browser: $items attention item(s), $runs runs on the timeline, preview shown; screenshots in $out"
