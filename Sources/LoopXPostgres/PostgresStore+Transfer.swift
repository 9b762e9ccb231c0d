import LoopXCore
import LoopXRules
import LoopXSupport
import PostgresNIO

/// `store import` and `store export` on PostgreSQL. An import runs in one transaction under
/// the goal's lock and inserts only the lines the store does not hold yet (compared as a
/// multiset by SHA-256), so a rerun inserts nothing and an export imported back is a no-op.
extension PostgresStore {
    static let batch = 1000

    public func importGoal(_ data: StoreTransfer) throws(CommandFailure) -> StoreTransferCounts {
        let goalID = data.goalID
        return try exclusively(goalID: goalID) { () throws(CommandFailure) -> StoreTransferCounts in
            let runsBefore = try lineCounts(table: "loopx_runs", goalID: goalID)
            let newRuns = PostgresStore.missing(data.runLines, present: runsBefore)
            try insertRuns(goalID: goalID, lines: newRuns)
            try query(
                """
                INSERT INTO loopx_goal_counts (goal_id, rows, runs)
                SELECT \(goalID), count(*), count(*) FILTER (WHERE is_base) FROM loopx_runs WHERE goal_id = \(goalID)
                ON CONFLICT (goal_id) DO UPDATE SET rows = EXCLUDED.rows, runs = EXCLUDED.runs
                """, doing: "recount the runs")
            let decisionsBefore = try lineCounts(table: "loopx_decisions", goalID: goalID)
            let newDecisions = PostgresStore.missing(data.decisionLines, present: decisionsBefore)
            for chunk in PostgresStore.chunks(newDecisions) {
                let lines = chunk.map { String(decoding: $0, as: UTF8.self) }
                let stamps = chunk.map { line -> String in
                    let at = (try? JSONParser.parse(line, path: "decisions"))?["at"]?.stringValue.flatMap(Timestamp.init(rfc3339:))
                    return String(at.map(PostgresStore.micros) ?? 0)
                }
                try query(
                    """
                    INSERT INTO loopx_decisions (goal_id, at_us, line)
                    SELECT \(goalID), a::bigint, l FROM unnest(\(stamps)::text[], \(lines)::text[]) WITH ORDINALITY AS v(a, l, n) ORDER BY n
                    """, doing: "import decision records")
            }
            var valuesInserted = 0
            for chunk in PostgresStore.chunks(data.factValues) {
                let result = try query(
                    """
                    INSERT INTO loopx_fact_values (goal_id, digest, body)
                    SELECT \(goalID), d, b FROM unnest(\(chunk.map(\.digest))::text[], \(chunk.map { String(decoding: $0.bytes, as: UTF8.self) })::text[]) AS v(d, b)
                    ON CONFLICT (goal_id, digest) DO NOTHING RETURNING 1
                    """, doing: "import fact values")
                valuesInserted += result.count
            }
            var obligationInserted = false
            if let obligation = data.obligation {
                let result = try query(
                    """
                    INSERT INTO loopx_obligations (goal_id, body) VALUES (\(goalID), \(String(decoding: obligation, as: UTF8.self)))
                    ON CONFLICT (goal_id) DO NOTHING RETURNING 1
                    """, doing: "import the obligation")
                obligationInserted = result.count == 1
            }
            var leasesInserted = 0
            for lease in data.leases {
                let result = try query(
                    """
                    INSERT INTO loopx_leases (goal_id, todo_id, holder, acquired_at, expires_at, version)
                    VALUES (\(goalID), \(lease.todoID), \(lease.holder), to_timestamp(\(PostgresStore.micros(lease.acquiredAt))::double precision / 1000000),
                        to_timestamp(\(PostgresStore.micros(lease.expiresAt))::double precision / 1000000), 1)
                    ON CONFLICT (goal_id, todo_id) DO NOTHING RETURNING 1
                    """, doing: "import a lease")
                leasesInserted += result.count
            }
            let runsAfter = try lineCounts(table: "loopx_runs", goalID: goalID)
            let decisionsAfter = try lineCounts(table: "loopx_decisions", goalID: goalID)
            let storeRuns = try lines(table: "loopx_runs", goalID: goalID)
            let storeDecisions = try lines(table: "loopx_decisions", goalID: goalID)
            return StoreTransferCounts(
                runs: .init(
                    local: data.runLines.count, inserted: newRuns.count, store: storeRuns.count,
                    localDigest: StoreTransfer.digest(data.runLines), storeDigest: StoreTransfer.digest(storeRuns),
                    contained: PostgresStore.missing(data.runLines, present: runsAfter).isEmpty),
                decisions: .init(
                    local: data.decisionLines.count, inserted: newDecisions.count, store: storeDecisions.count,
                    localDigest: StoreTransfer.digest(data.decisionLines), storeDigest: StoreTransfer.digest(storeDecisions),
                    contained: PostgresStore.missing(data.decisionLines, present: decisionsAfter).isEmpty),
                factValues: (data.factValues.count, valuesInserted), obligation: (data.obligation != nil, obligationInserted),
                leases: (data.leases.count, leasesInserted))
        }
    }

    public func exportGoal(goalID: String) throws(CommandFailure) -> StoreTransfer {
        var data = StoreTransfer(goalID: goalID)
        data.runLines = try lines(table: "loopx_runs", goalID: goalID)
        data.decisionLines = try lines(table: "loopx_decisions", goalID: goalID)
        let values = try query(
            "SELECT digest, body FROM loopx_fact_values WHERE goal_id = \(goalID) ORDER BY digest", doing: "export fact values")
        data.factValues = values.compactMap { row in
            (try? row.decode((String, String).self)).map { (digest: $0.0, bytes: Array($0.1.utf8)) }
        }
        let obligation = try query("SELECT body FROM loopx_obligations WHERE goal_id = \(goalID)", doing: "export the obligation")
        data.obligation = obligation.first.flatMap { try? $0.decode(String.self) }.map { Array($0.utf8) }
        data.leases = try leases(goalID: goalID)
        return data
    }

    /// The lines of a goal in a table, in append order.
    func lines(table: String, goalID: String) throws(CommandFailure) -> [[UInt8]] {
        let result = try query(
            PostgresQuery(unsafeSQL: "SELECT line FROM \(table) WHERE goal_id = $1 ORDER BY seq", binds: binds(goalID)), doing: "read \(table)")
        return result.compactMap { (try? $0.decode(String.self)).map { Array($0.utf8) } }
    }

    /// How many times the store holds each line (by SHA-256) of a goal in a table.
    func lineCounts(table: String, goalID: String) throws(CommandFailure) -> [String: Int] {
        let result = try query(
            PostgresQuery(
                unsafeSQL: "SELECT encode(sha256(convert_to(line, 'UTF8')), 'hex'), count(*) FROM \(table) WHERE goal_id = $1 GROUP BY 1",
                binds: binds(goalID)),
            doing: "count \(table)")
        var counts: [String: Int] = [:]
        for row in result {
            if let (digest, count) = try? row.decode((String, Int64).self) { counts[digest] = Int(count) }
        }
        return counts
    }

    /// The lines beyond what the store holds: the k-th copy of a line is missing when the
    /// store holds fewer than k copies.
    static func missing(_ lines: [[UInt8]], present: [String: Int]) -> [[UInt8]] {
        var seen: [String: Int] = [:]
        return lines.filter { line in
            let digest = Digest.sha256Hex(line)
            seen[digest, default: 0] += 1
            return (seen[digest] ?? 0) > (present[digest] ?? 0)
        }
    }

    /// Inserts index lines in batches, each run's first row (not yet in the store) its base.
    func insertRuns(goalID: String, lines: [[UInt8]]) throws(CommandFailure) {
        guard !lines.isEmpty else { return }
        let based = try query(
            "SELECT generated_at, json_path, markdown_path FROM loopx_runs WHERE goal_id = \(goalID) AND is_base", doing: "read the runs")
        var bases = Set<[String]>()
        for row in based { if let (a, b, c) = try? row.decode((String, String, String).self) { bases.insert([a, b, c]) } }
        for chunk in PostgresStore.chunks(lines) {
            var columns: [[String]] = Array(repeating: [], count: 9)
            for line in chunk {
                guard let row = (try? JSONParser.parse(line, path: "index.jsonl"))?.objectValue else { continue }
                let c = RunColumns(row: row, line: line)
                let isBase = !c.isOverlay && bases.insert([c.generatedAt, c.jsonPath, c.markdownPath]).inserted
                let values = [
                    c.atMicros.map(String.init) ?? "", c.generatedAt, c.jsonPath, c.markdownPath, isBase ? "t" : "f",
                    c.spendKind ?? "", c.host ?? "", c.line,
                ]
                for (index, value) in values.enumerated() { columns[index].append(value) }
            }
            try query(
                """
                INSERT INTO loopx_runs (goal_id, at_us, generated_at, json_path, markdown_path, is_base, spend_kind, host, line)
                SELECT \(goalID), NULLIF(a, '')::bigint, g, j, m, b::boolean, NULLIF(k, ''), NULLIF(h, ''), l
                FROM unnest(\(columns[0])::text[], \(columns[1])::text[], \(columns[2])::text[], \(columns[3])::text[],
                    \(columns[4])::text[], \(columns[5])::text[], \(columns[6])::text[], \(columns[7])::text[])
                    WITH ORDINALITY AS v(a, g, j, m, b, k, h, l, n)
                ORDER BY n
                """, doing: "import runs")
        }
    }

    static func chunks<T>(_ items: [T]) -> [ArraySlice<T>] {
        stride(from: 0, to: items.count, by: batch).map { items[$0..<min($0 + batch, items.count)] }
    }
}
