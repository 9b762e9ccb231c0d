#!/usr/bin/env bash
# Browser test of the serve-status dashboard: builds loopx, makes a sample project in a temp
# dir (bootstrap, six refresh-state runs at pinned times, one with a `<script>` in its
# recommended action, a reward), serves it on a free loopback port with a pinned clock, and
# drives headless Chromium (Debian's package, installed when missing) through the page: the
# attention queue, the run history on a time axis, the goal view (`#goal=ID`) checked against
# `quota should-run --trace --format json` for the same goal, the injected text rendered as
# text, a reward dry-run preview. Screenshots at 1440 and 390 px (overview and goal view) and
# the dumped DOMs are kept in .build/browser-artifacts/. Exits non-zero on any failure.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
. scripts/lib/deps.sh
out="$root/.build/browser-artifacts"
rm -rf "$out"
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
now="2026-01-05T12:00:00Z"
injected='check <script>document.title="pwned"</script> then **ship** `checkout`'
"$bin" bootstrap --goal-id "$goal" --objective "Ship the checkout flow" --no-global-sync >/dev/null
n=0
for spec in "test_only surface_only" "single_surface outcome_gap" "multi_surface outcome_progress" \
            "implementation outcome_progress" "single_surface primary_goal_outcome"; do
  set -- $spec
  n=$((n + 1))
  "$bin" refresh-state --goal-id "$goal" --now "2026-01-0${n}T09:00:00Z" --no-global-sync \
    --delivery-batch-scale "$1" --delivery-outcome "$2" >/dev/null
done
"$bin" refresh-state --goal-id "$goal" --now "2026-01-05T10:30:00Z" --no-global-sync \
  --recommended-action "$injected" >/dev/null
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
"$bin" serve-status --port 0 --now "$now" --enable-reward-write-api >"$work/server.log" 2>&1 &
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

runtime_digest() { (cd "$LOOPX_RUNTIME_ROOT" && find . -type f -print0 | sort -z | xargs -0 sha256sum) | sha256sum; }
rows_before=$(wc -l <"$LOOPX_RUNTIME_ROOT/goals/$goal/runs/index.jsonl")
runtime_before="$(runtime_digest)"

echo "== headless chromium: overview with a reward preview"
page="$base/?refresh=60&preview=1&goal=$goal&decision=continue_route&reward=positive&reason=browser+preview+check"
run_chromium --dump-dom "$page" >"$out/dashboard.html" || fail "chromium --dump-dom failed: $(tail -n 5 "$work/chromium.log")"
dom="$out/dashboard.html"
items=$(grep -o 'class="item sev-[a-z]*"' "$dom" | wc -l)
[ "$items" -ge 1 ] || fail "no attention items rendered (see $dom)"
grep -q "data-goal=\"$goal\"" "$dom" || fail "the goal $goal is not rendered"
runs=$(grep -o 'class="run o-[a-z_]* s-[a-z_]*' "$dom" | wc -l)
[ "$runs" -ge 6 ] || fail "the time axis shows $runs runs, expected at least 6"
grep -q 'class="run o-primary_goal_outcome s-single_surface' "$dom" || fail "run colours by outcome/scale missing"
grep -q 'class="run o-outcome_progress s-implementation rewarded' "$dom" || fail "the rewarded run is not marked"
grep -q 'data-outcome="none"' "$dom" || fail "the legend has no swatch for none"
grep -Eq 'id="preview-id">[0-9a-f]{24}<' "$dom" || fail "the reward dry-run preview is not shown"
grep -q 'last refreshed' "$dom" || fail "the refresh time is not shown"

echo "== headless chromium: goal view"
goal_page="$base/?refresh=60#goal=$goal"
run_chromium --dump-dom "$goal_page" >"$out/goal-view.html" || fail "chromium --dump-dom of the goal view failed"
curl -fsS "$base/goals/$goal/decision" >"$out/decision.json" || fail "GET /goals/$goal/decision failed"
[ "$(runtime_digest)" = "$runtime_before" ] || fail "loading the page and the goal view changed the runtime directory"
# Only now (the endpoint and the page recorded nothing) ask the CLI, which records its obligation.
"$bin" --format json quota should-run --goal-id "$goal" --trace --now "$now" >"$out/should-run.json" || true
python3 - "$out/goal-view.html" "$out/should-run.json" "$out/decision.json" "$injected" <<'PY' || fail "the goal view checks failed (see $out)"
import html.parser, json, sys
dom_path, cli_path, api_path, injected = sys.argv[1:5]
cli = json.load(open(cli_path)); api = json.load(open(api_path))
problems = []
for key in ("rule_layers", "rule_details", "recorded_obligation"):
    api.pop(key, None)
if api != cli:
    problems.append("GET /goals/ID/decision differs from quota should-run --trace: " +
                    ", ".join(sorted(k for k in set(api) | set(cli) if api.get(k) != cli.get(k))))

class Page(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.stack, self.text, self.nodes, self.scripts = [], {}, [], 0
    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        node = {"tag": tag, "attrs": attrs, "text": "", "parents": list(self.stack)}
        if tag == "script": self.scripts += 1
        self.nodes.append(node)
        if tag not in ("meta", "link", "input", "br", "img", "hr"): self.stack.append(node)
    def handle_endtag(self, tag):
        while self.stack:
            if self.stack.pop()["tag"] == tag: break
    def handle_data(self, data):
        for node in self.stack: node["text"] += data
page = Page(); page.feed(open(dom_path).read())
def find(pred): return [n for n in page.nodes if pred(n)]
by_id = lambda i: find(lambda n: n["attrs"].get("id") == i)
if not by_id("goal-id") or by_id("goal-id")[0]["text"] != cli["goal_id"]:
    problems.append("the goal view does not name the goal")
decision = by_id("decision-value")
if not decision or decision[0]["text"] != cli["decision"]:
    problems.append("decision shown %r, the CLI says %r" % (decision and decision[0]["text"], cli["decision"]))
action = by_id("effective-action")
if not action or action[0]["text"] != (cli.get("effective_action") or "none"):
    problems.append("effective action differs from effective_action")
recommended = by_id("recommended-action")
if not recommended or recommended[0]["text"] != (cli.get("recommended_action") or "none").replace("`", "").replace("**", ""):
    problems.append("recommended action %r differs from the CLI's %r" % (recommended and recommended[0]["text"], cli.get("recommended_action")))
cli_fired = {r["id"] for s in cli["rule_trace"] for r in s["rules"]}
dom_fired = {n["attrs"]["data-rule"] for n in find(lambda n: n["attrs"].get("data-kind") == "fired")}
if not dom_fired or dom_fired != cli_fired:
    problems.append("fired rules differ: page %s, CLI %s" % (sorted(dom_fired), sorted(cli_fired)))
misses = {}
for stage in cli["rule_trace"]:
    for rule in stage.get("evaluated", []):
        if rule["outcome"] == "not_fired" and rule.get("why", {}).get("conjunct"):
            misses[rule["id"]] = rule["why"]["conjunct"]
shown = find(lambda n: n["attrs"].get("data-kind") == "near-miss")
if not shown:
    problems.append("no near miss shown")
for node in shown:
    rule = node["attrs"]["data-rule"]
    if rule not in misses or misses[rule] not in node["text"]:
        problems.append("near miss %s does not match the CLI trace" % rule)
# The time axis: day ticks of the 7-day window ending 2026-01-05T12:00Z, in order.
lane = [n for n in find(lambda n: n["attrs"].get("class") == "ticks")]
labels = [n["text"] for n in find(lambda n: (n["attrs"].get("class") or "").startswith("tick") and n["tag"] == "span" and "data-t" in n["attrs"])]
want = ["30 Dec", "31 Dec", "1 Jan", "2 Jan", "3 Jan", "4 Jan", "5 Jan"]
if labels[:7] != want:
    problems.append("time axis labels %s, expected %s" % (labels[:7], want))
runs = find(lambda n: n["tag"] == "button" and (n["attrs"].get("class") or "").startswith("run "))
lanes = {}
for run in runs:
    axis = [p for p in run["parents"] if p["attrs"].get("class") == "axis"][-1]
    lanes.setdefault(id(axis), []).append(run)
if len(lanes) != 2:
    problems.append("expected the goal's lane in the history and in the goal view, found %d lanes" % len(lanes))
for lane_runs in lanes.values():
    times = [int(n["attrs"]["data-t"]) for n in lane_runs]
    lefts = [float(n["attrs"]["style"].split("left:")[1].rstrip("%;")) for n in lane_runs]
    if len(lane_runs) != 6 or times != sorted(times) or lefts != sorted(lefts) or len(set(lefts)) != len(lefts):
        problems.append("runs are not placed in time order: %s at %s" % (times, lefts))
# The injected run text is text: no element came from it and the title is intact.
if page.scripts != 1 or not by_id("goal-id") or "pwned" in "".join(n["text"] for n in find(lambda n: n["tag"] == "title")):
    problems.append("the injected <script> became markup")
if not find(lambda n: n["tag"] == "div" and n["attrs"].get("class") == "action" and "<script>" in n["text"]):
    problems.append("the injected run text is not shown as text in its attention card")
if not find(lambda n: n["attrs"].get("data-layer") == "builtin"):
    problems.append("the rule layers panel does not list the built-in layer")
for p in problems: print("  - " + p, file=sys.stderr)
sys.exit(1 if problems else 0)
PY
echo "  goal view matches quota should-run --trace: decision $(jq -r .decision "$out/should-run.json"), $(jq '[.rule_trace[].rules[]] | length' "$out/should-run.json") fired rule(s)"

echo "== headless chromium: screenshots"
for spec in "1440,1100,overview,$page" "1440,1400,goal,$goal_page" "390,2600,overview,$page" "390,3600,goal,$goal_page"; do
  IFS=, read -r width height name url <<<"$spec"
  shot="$out/dashboard-$name-$width.png"
  run_chromium --window-size="$width,$height" --screenshot="$shot" "$url" >/dev/null || fail "screenshot $name at $width px failed"
  [ -s "$shot" ] || fail "empty screenshot $name at $width px"
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

echo "test-browser: $items attention item(s), $runs runs on the time axis, goal view checked, preview shown; artifacts in $out"
