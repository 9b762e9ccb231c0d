#!/usr/bin/env python3
"""SQL helpers of the store benchmarks and the outage test, in the shared store's own schema
(Sources/LoopXPostgres/PostgresSchema.swift: loopx_runs, loopx_goal_counts, loopx_leases,
loopx_decisions). Standard library and the psql client only.

usage: store_sql.py set-store REGISTRY URL           the project registry's `store` key
       store_sql.py load-old-runs URL GOAL COUNT      bulk-load COUNT old runs (generate_series)
       store_sql.py counts URL                        rows per goal, counted and from the counter row
"""
import json
import subprocess
import sys
import urllib.parse

# The fixture of scripts/bench/lib/gen_should_run_fixture.py: "now", and the shape of its rows.
NOW = "2026-06-01 12:00:00+00"


def libpq_url(url):
    """The address without loopx's own options, which libpq does not know (statement_timeout)."""
    parts = urllib.parse.urlsplit(url)
    query = [(k, v) for k, v in urllib.parse.parse_qsl(parts.query) if k != "statement_timeout"]
    return urllib.parse.urlunsplit(parts._replace(query=urllib.parse.urlencode(query)))


def psql(url, sql):
    """Rows of one statement, as lists of strings (psql unaligned, tab separated)."""
    url = libpq_url(url)
    out = subprocess.run(["psql", "-X", "-q", "-At", "-F", "\t", "-v", "ON_ERROR_STOP=1", url, "-c", sql],
                         capture_output=True, text=True)
    if out.returncode != 0:
        sys.exit(f"store_sql: psql failed: {out.stderr.strip()}\n  statement: {sql[:400]}")
    return [line.split("\t") for line in out.stdout.splitlines() if line]


def literal(text):
    return "'" + text.replace("'", "''") + "'"


def set_store(registry, url):
    data = json.load(open(registry, encoding="utf-8"))
    data["store"] = url
    with open(registry, "w", encoding="utf-8") as f:
        json.dump(data, f, indent=2)
        f.write("\n")


def load_old_runs(url, goal, count):
    """COUNT runs a minute apart ending three days before NOW, as the file fixture's old rows
    (the same canonical line: compact JSON, sorted keys), and the goal's counter row."""
    if count <= 0:
        return
    g = literal(goal)
    psql(url, f"""
        INSERT INTO loopx_runs (goal_id, at_us, generated_at, json_path, markdown_path, is_base, spend_kind, host, line)
        SELECT {g}, (extract(epoch FROM t) * 1000000)::bigint, s, p || '.json', p || '.md', true, NULL, NULL,
            '{{"classification":"state_refreshed","delivery_batch_scale":"implementation","delivery_outcome":"outcome_progress",'
            || '"generated_at":"' || s || '","goal_id":' || to_json({g}::text)::text
            || ',"health_check":"state_file 1/1; registry_goal 1/1; authority_sources 1","json_path":"' || p || '.json",'
            || '"markdown_path":"' || p || '.md","recommended_action":"continue the next bounded progress segment"}}'
        FROM generate_series(0, {count - 1}) AS i,
            LATERAL (SELECT timestamptz '{NOW}' - interval '3 days' - interval '1 minute' * {count} + interval '1 minute' * i AS t) AS at,
            LATERAL (SELECT to_char(t AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS s,
                            'goals/' || {g} || '/runs/old-' || i AS p) AS names
        """)
    psql(url, f"""
        INSERT INTO loopx_goal_counts (goal_id, rows, runs) VALUES ({g}, {count}, {count})
        ON CONFLICT (goal_id) DO UPDATE SET rows = loopx_goal_counts.rows + {count}, runs = loopx_goal_counts.runs + {count}
        """)
    psql(url, "ANALYZE loopx_runs")


def counts(url):
    for goal, rows, counted in psql(url, """
            SELECT c.goal_id, c.rows, (SELECT count(*) FROM loopx_runs r WHERE r.goal_id = c.goal_id)
            FROM loopx_goal_counts c ORDER BY c.goal_id"""):
        print(f"database rows of {goal}: {int(counted):,} (counter row: {int(rows):,})")


def verify(url, goal, holders, ambiguous):
    """After a storm: (rows, torn rows, report lines) of the goal. A torn row is a line that is
    not one JSON object or whose columns disagree with it; a line "PROBLEM ..." fails the check
    (a counter row that disagrees with the rows, a lease row twice, a live lease whose holder
    is not the one the clients were last granted for a todo no failed command touched)."""
    g = literal(goal)
    report, torn = [], 0
    rows = psql(url, f"SELECT generated_at, json_path, coalesce(host, ''), line FROM loopx_runs WHERE goal_id = {g} ORDER BY seq")
    for generated_at, json_path, _host, line in rows:
        try:
            value = json.loads(line)
        except ValueError:
            value = None
        if not isinstance(value, dict) or value.get("generated_at") != generated_at or value.get("json_path") != json_path:
            torn += 1
    counter = psql(url, f"SELECT rows FROM loopx_goal_counts WHERE goal_id = {g}")
    counted = int(counter[0][0]) if counter else 0
    report.append(f"counter row: {counted} rows (counted {len(rows)})")
    if counted != len(rows):
        report.append(f"PROBLEM: the counter row says {counted} rows, the table holds {len(rows)}")
    bad_decisions = 0
    for (line,) in psql(url, f"SELECT line FROM loopx_decisions WHERE goal_id = {g}"):
        try:
            bad_decisions += not isinstance(json.loads(line), dict)
        except ValueError:
            bad_decisions += 1
    if bad_decisions:
        report.append(f"PROBLEM: {bad_decisions} decision log lines are not JSON objects")
    twice = psql(url, f"SELECT todo_id, count(*) FROM loopx_leases WHERE goal_id = {g} GROUP BY todo_id HAVING count(*) > 1")
    live = {todo: holder for todo, holder in psql(
        url, f"SELECT todo_id, holder FROM loopx_leases WHERE goal_id = {g} AND holder IS NOT NULL AND expires_at > now()")}
    report.append(f"live leases in the database: {len(live)} {sorted(live.items())}; lease rows held twice: {len(twice)}")
    if twice:
        report.append(f"PROBLEM: lease rows held twice: {twice}")
    for todo in sorted(set(live) | set(holders)):
        if todo in ambiguous:
            continue
        if live.get(todo) != holders.get(todo):
            report.append(f"PROBLEM: todo {todo}: the database's holder is {live.get(todo)}, the clients' {holders.get(todo)}")
    return len(rows), torn, report


def main():
    command = sys.argv[1] if len(sys.argv) > 1 else ""
    if command == "set-store" and len(sys.argv) == 4:
        set_store(sys.argv[2], sys.argv[3])
    elif command == "load-old-runs" and len(sys.argv) == 5:
        load_old_runs(sys.argv[2], sys.argv[3], int(sys.argv[4]))
    elif command == "counts" and len(sys.argv) == 3:
        counts(sys.argv[2])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
