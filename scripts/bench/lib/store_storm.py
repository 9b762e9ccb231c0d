#!/usr/bin/env python3
"""A write storm of many loopx processes against one goal, on the file store or the PostgreSQL
store, and the checks that nothing was lost, torn or granted twice (issue 20). Standard library
and the psql client only. Used by scripts/bench/store.sh and scripts/stress-store.sh.

usage: store_storm.py --bin LOOPX --work DIR [--workers 16] [--commands 300]
                      [--db-url postgres://loopx@127.0.0.1:PORT/DB]      (PostgreSQL store)
                      [--outage-after S --outage-for D --stop-cmd CMD --start-cmd CMD
                       --require-outage-failures --down-check]

Every worker runs COMMANDS writes in turn: refresh-state (a run row), reward (an overlay row),
quota spend-slot --execute (a spend row), todo claim and todo release of one of five shared
todos. A command counts as failed when it exits non-zero, except a claim or release refused
because another agent holds the lease. With an outage (--outage-after), the database is
stopped (--stop-cmd, e.g. `pg_ctl stop -m immediate`) in the middle of the storm and started
again after D seconds; a command may then also fail *clearly*: non-zero exit and the JSON error
envelope with code store_unavailable. Anything else (a crash, a success without its row, a torn
row, a lease granted to two agents at once) fails the check.

Afterwards it prints, and requires 0 of: failed commands, lost rows, torn rows, double grants.
A double grant is two agents both holding one todo's lease at some instant, as seen by the
clients: a successful claim's end to the start of the same agent's next successful release.
On the PostgreSQL store, the rows are counted and checked with SQL in the store's own schema.
"""
import argparse
import collections
import json
import os
import subprocess
import sys
import threading
import time

REFUSED = ("is claimed by", "is leased by")
GOAL = "storm-goal"
BASE = 1767225600  # 2026-01-01T00:00:00Z


def stamp(seconds):
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(seconds))


class Storm:
    def __init__(self, args):
        self.args = args
        self.bin = args.bin
        self.proj = os.path.join(args.work, "proj")
        self.env = dict(os.environ, HOME=os.path.join(args.work, "home"), LOOPX_NOW=stamp(BASE))
        self.env.pop("LOOPX_STORE_URL", None)
        self.records = []
        self.down_answer = None
        self.lock = threading.Lock()

    def loopx(self, *argv, check=True):
        out = subprocess.run([self.bin, *argv], cwd=self.proj, env=self.env, capture_output=True, text=True)
        if check and out.returncode != 0:
            sys.exit(f"store_storm: setup failed: loopx {' '.join(argv)}\n{out.stdout}{out.stderr}")
        return out

    def setup(self):
        os.makedirs(self.env["HOME"], exist_ok=True)
        os.makedirs(self.proj, exist_ok=True)
        agents = [a for w in range(1, self.args.workers + 1) for a in ("--registered-agent", f"agent-{w}")]
        self.loopx("bootstrap", "--goal-id", GOAL, *agents)
        if self.args.db_url:
            # The store is chosen by the project registry's top-level `store` key.
            path = os.path.join(self.proj, ".loopx", "registry.json")
            registry = json.load(open(path, encoding="utf-8"))
            registry["store"] = self.args.db_url
            with open(path, "w", encoding="utf-8") as f:
                json.dump(registry, f, indent=2)
                f.write("\n")
            self.loopx("store", "migrate", "--format", "json")
        self.loopx("refresh-state", "--goal-id", GOAL)  # a run for the first rewards to bind to
        self.todos = []
        for t in range(1, 6):
            out = self.loopx("todo", "add", "--goal-id", GOAL, "--text", f"shared task {t}", "--format", "json")
            self.todos.append(json.loads(out.stdout)["todo"]["todo_id"])

    def command(self, w, i):
        now = stamp(BASE + w * 1_000_000 + i)
        todo = self.todos[(i // 5) % len(self.todos)]
        kind = i % 5
        if kind == 1:
            return "refresh", ["--now", now, "refresh-state", "--goal-id", GOAL]
        if kind == 2:
            extra = ["--write-active-state-summary"] if i % 10 == 2 else []
            return "reward", ["--now", now, "reward", "--goal-id", GOAL, "--decision", "route_correction",
                              "--reward", "mixed", "--reason-summary", f"storm {w} {i}", *extra]
        if kind == 3:
            return "spend", ["--now", now, "quota", "spend-slot", "--goal-id", GOAL, "--execute", "--agent-id", f"agent-{w}"]
        if kind == 4:
            return "claim", ["todo", "claim", "--goal-id", GOAL, "--todo-id", todo, "--agent-id", f"agent-{w}"]
        return "release", ["todo", "release", "--goal-id", GOAL, "--todo-id", self.todos[((i - 1) // 5) % len(self.todos)],
                           "--agent-id", f"agent-{w}"]

    def worker(self, w):
        mine = []
        for i in range(1, self.args.commands + 1):
            op, argv = self.command(w, i)
            start = time.monotonic()
            out = subprocess.run([self.bin, *argv, "--format", "json"], cwd=self.proj, env=self.env,
                                 capture_output=True, text=True)
            end = time.monotonic()
            mine.append({"worker": w, "i": i, "op": op, "rc": out.returncode, "start": start, "end": end,
                         "stdout": out.stdout, "stderr": out.stderr[:600], "argv": argv})
        with self.lock:
            self.records.extend(mine)

    def outage(self, events):
        time.sleep(self.args.outage_after)
        events.append(("stop", time.monotonic()))
        subprocess.run(self.args.stop_cmd, shell=True, check=False)
        events.append(("stopped", time.monotonic()))
        down = time.monotonic()
        if self.args.down_check:
            # The heartbeat while the store is down: a safe "no" naming the store, never a crash.
            self.down_answer = subprocess.run([self.bin, "quota", "should-run", "--goal-id", GOAL, "--format", "json"],
                                              cwd=self.proj, env=self.env, capture_output=True, text=True)
        time.sleep(max(self.args.outage_for - (time.monotonic() - down), 0))
        events.append(("start", time.monotonic()))
        subprocess.run(self.args.start_cmd, shell=True, check=False)
        events.append(("started", time.monotonic()))

    def run(self):
        threads = [threading.Thread(target=self.worker, args=(w,)) for w in range(1, self.args.workers + 1)]
        events = []
        started = time.monotonic()
        for t in threads:
            t.start()
        outage = None
        if self.args.outage_after is not None:
            outage = threading.Thread(target=self.outage, args=(events,))
            outage.start()
        for t in threads:
            t.join()
        if outage:
            outage.join()
        self.elapsed = time.monotonic() - started
        self.events = events


def parse(text):
    try:
        value = json.loads(text)
        return value if isinstance(value, dict) else None
    except ValueError:
        return None


def check(storm):
    args, records = storm.args, storm.records
    failed, clear_failures, ran = [], 0, collections.Counter()
    succeeded_appends, attempted_appends = 0, 0
    held = collections.defaultdict(list)  # todo -> [(agent, from, to)]
    claims = {}  # (agent, todo) -> end of the successful claim
    for r in sorted(records, key=lambda r: r["start"]):
        ran[r["op"]] += 1
        out = parse(r["stdout"])
        message = (r["stderr"].strip().splitlines() or [""])[0]
        error = (out or {}).get("error") or {}
        if r["rc"] != 0:
            refused = r["op"] in ("claim", "release") and (any(m in message for m in REFUSED) or error.get("code") == "refused")
            if refused:
                continue
            if args.outage_after is not None and out and out.get("ok") is False and error.get("code") == "store_unavailable":
                clear_failures += 1
                if r["op"] in ("refresh", "reward", "spend"):
                    attempted_appends += 1  # the commit may have landed before the connection died
                continue
            failed.append(f"{r['op']} exit {r['rc']}: {message or r['stdout'][:200]}")
            continue
        if out is None:
            failed.append(f"{r['op']} exit 0 without a JSON answer: {r['stdout'][:200]}")
            continue
        if r["op"] in ("refresh", "reward", "spend") and out.get("appended") is True:
            succeeded_appends += 1
        todo_ref = r["argv"][r["argv"].index("--todo-id") + 1] if "--todo-id" in r["argv"] else None
        agent = f"agent-{r['worker']}"
        if r["op"] == "claim" and out.get("effect") in ("claimed", "renewed", "taken_over"):
            claims.setdefault((agent, todo_ref), r["end"])
        elif r["op"] == "release" and out.get("effect") == "released":
            begun = claims.pop((agent, todo_ref), None)
            if begun is not None:
                held[todo_ref].append((agent, begun, r["start"]))
    end_of_storm = max((r["end"] for r in records), default=0)
    for (agent, todo), begun in claims.items():
        held[todo].append((agent, begun, end_of_storm))
    holders = {todo: agent for (agent, todo) in claims}
    ambiguous = {r["argv"][r["argv"].index("--todo-id") + 1] for r in records
                 if r["op"] in ("claim", "release") and r["rc"] != 0 and "store_unavailable" in r["stdout"]}
    double = []
    for todo, spans in held.items():
        spans.sort(key=lambda s: s[1])
        for k in range(1, len(spans)):
            for j in range(k):
                a, b = spans[j], spans[k]
                if a[0] != b[0] and b[1] < a[2]:
                    double.append(f"{todo}: {a[0]} and {b[0]}")
    expected_min = 1 + succeeded_appends  # the setup refresh-state and every acknowledged append
    expected_max = expected_min + attempted_appends
    rows, torn, extra = count_rows(storm, holders, ambiguous)
    lost = max(expected_min - rows, 0)
    phantom = max(rows - expected_max, 0)
    total = sum(ran.values())
    for message in failed[:20]:
        print("failed:", message)
    print(f"commands: {total} ({', '.join(f'{k} {v}' for k, v in sorted(ran.items()))}) in {storm.elapsed:.1f}s, "
          f"{total / max(storm.elapsed, 0.001):.1f} commands/s")
    if args.outage_after is not None:
        marks = ", ".join(f"{name} at {t - min(r['start'] for r in records):.1f}s" for name, t in storm.events)
        print(f"outage: {marks}; commands that failed clearly (store_unavailable): {clear_failures}")
    print(f"failed commands: {len(failed)}")
    print(f"rows: {rows}; acknowledged appends {expected_min}"
          + (f" (+{attempted_appends} unacknowledged)" if attempted_appends else "")
          + f"; lost rows: {lost}; unexplained rows: {phantom}; torn rows: {torn}")
    for line in extra:
        print(line)
    print(f"double grants: {len(double)} {double[:5] if double else ''}".rstrip())
    problems = [line for line in extra if line.startswith("PROBLEM")]
    if storm.down_answer is not None:
        answer = storm.down_answer
        out = parse(answer.stdout) or {}
        safe = answer.returncode != 0 and (out.get("should_run") is False or (out.get("error") or {}).get("code") == "store_unavailable") \
            and "store" in (answer.stdout + answer.stderr).lower()
        text = (answer.stderr.strip().splitlines() or [answer.stdout[:200]])[0]
        print(f"should-run while the store is down: exit {answer.returncode}, should_run={out.get('should_run')}: {text[:240]}")
        if not safe:
            problems.append("PROBLEM: should-run while the store was down was not a clear, safe skip naming the store")
    ok = not failed and not lost and not phantom and not torn and not double and not problems
    if args.outage_after is not None and clear_failures == 0 and args.require_outage_failures:
        print("the outage failed no command: the database was not stopped during the storm")
        ok = False
    kind = "PostgreSQL" if args.db_url else "file"
    print(f"store storm {'ok' if ok else 'FAILED'} ({kind} store): {args.workers} workers x {args.commands} commands")
    return ok


def count_rows(storm, holders, ambiguous):
    """(rows in the goal's run index, torn rows, report lines) from the store itself; on the
    database also its counter row, decision log and leases (store_sql.verify), and whether
    the goal answers again after the outage."""
    if storm.args.db_url:
        import store_sql
        rows, torn, report = store_sql.verify(storm.args.db_url, GOAL, holders, ambiguous)
        status = storm.loopx("store", "status", "--format", "json", check=False)
        answer = storm.loopx("quota", "should-run", "--goal-id", GOAL, "--format", "json", check=False)
        if status.returncode != 0 or (parse(answer.stdout) or {}).get("should_run") is None:
            report.append(f"PROBLEM: after the storm the store does not answer: store status exit {status.returncode}, "
                          f"should-run exit {answer.returncode}: {(answer.stderr or answer.stdout)[:300]}")
        else:
            report.append(f"after the storm: store status ok; should-run answers should_run={parse(answer.stdout).get('should_run')}")
        return rows, torn, report
    index = os.path.join(storm.env["HOME"], ".codex", "loopx", "goals", GOAL, "runs", "index.jsonl")
    data = open(index, encoding="utf-8").read()
    torn = 0 if data.endswith("\n") else 1
    rows = 0
    for line in data.split("\n")[:-1]:
        torn += parse(line) is None
        rows += parse(line) is not None
    return rows, torn, []


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bin", required=True)
    parser.add_argument("--work", required=True)
    parser.add_argument("--workers", type=int, default=16)
    parser.add_argument("--commands", type=int, default=300)
    parser.add_argument("--db-url")
    parser.add_argument("--outage-after", type=float)
    parser.add_argument("--outage-for", type=float, default=2.0)
    parser.add_argument("--stop-cmd")
    parser.add_argument("--start-cmd")
    parser.add_argument("--require-outage-failures", action="store_true")
    parser.add_argument("--down-check", action="store_true", help="run quota should-run while the store is down")
    args = parser.parse_args()
    sys.dont_write_bytecode = True  # no __pycache__ in the checkout
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    storm = Storm(args)
    storm.setup()
    storm.run()
    sys.exit(0 if check(storm) else 1)


if __name__ == "__main__":
    main()
