import LoopXCore
import LoopXRules
import LoopXSupport
import PostgresNIO

/// The run index on PostgreSQL: appends with a server-assigned sequence and a counter row,
/// and the heartbeat's reads through the partial indexes (no scan of the history).
extension PostgresStore {
    /// One row's columns as stored.
    struct RunColumns {
        var atMicros: Int64?
        var generatedAt: String
        var jsonPath: String
        var markdownPath: String
        var isOverlay: Bool
        var spendKind: String?
        var host: String?
        var line: String

        init(row: JSONObject, line: [UInt8]) {
            let identity = RunIdentity(row: row)
            atMicros = Timestamp(rfc3339: identity.generatedAt).map(PostgresStore.micros)
            generatedAt = identity.generatedAt
            jsonPath = identity.jsonPath
            markdownPath = identity.markdownPath
            isOverlay = RunRecord.isOverlay(row)
            spendKind = isOverlay ? nil : SpendEvent.kind(of: row)?.rawValue
            host = row["host"]?.stringValue
            self.line = String(decoding: line, as: UTF8.self)
        }
    }

    public func appendRun(goalID: String, row: JSONObject, line: [UInt8]) throws(CommandFailure) {
        let c = RunColumns(row: row, line: line)
        // One statement: the row (a run's first row is its base) and the goal's counter row.
        try query(
            """
            WITH inserted AS (
                INSERT INTO loopx_runs (goal_id, at_us, generated_at, json_path, markdown_path, is_base, spend_kind, host, line)
                SELECT \(goalID), \(c.atMicros), \(c.generatedAt), \(c.jsonPath), \(c.markdownPath),
                    NOT \(c.isOverlay) AND NOT EXISTS (
                        SELECT 1 FROM loopx_runs WHERE goal_id = \(goalID) AND generated_at = \(c.generatedAt)
                            AND json_path = \(c.jsonPath) AND markdown_path = \(c.markdownPath)),
                    \(c.spendKind), \(c.host), \(c.line)
                RETURNING is_base)
            INSERT INTO loopx_goal_counts (goal_id, rows, runs)
            SELECT \(goalID), 1, CASE WHEN is_base THEN 1 ELSE 0 END FROM inserted
            ON CONFLICT (goal_id) DO UPDATE SET rows = loopx_goal_counts.rows + EXCLUDED.rows,
                runs = loopx_goal_counts.runs + EXCLUDED.runs
            """, doing: "append a run")
    }

    public func newestRuns(goalID: String, limit: Int, until: Timestamp?) throws(CommandFailure) -> [RunRecord] {
        let count = Int64(max(0, limit))
        let bases: PostgresQueryResult
        if let until {
            bases = try query(
                """
                SELECT seq, line FROM loopx_runs WHERE goal_id = \(goalID) AND is_base AND at_us <= \(PostgresStore.micros(until))
                ORDER BY at_us DESC NULLS LAST, seq DESC LIMIT \(count)
                """, doing: "read the newest runs")
        } else {
            bases = try query(
                """
                SELECT seq, line FROM loopx_runs WHERE goal_id = \(goalID) AND is_base
                ORDER BY at_us DESC NULLS LAST, seq DESC LIMIT \(count)
                """, doing: "read the newest runs")
        }
        let baseRows = try rows(bases)
        guard !baseRows.isEmpty else { return [] }
        let stamps = Array(Set(baseRows.map { RunIdentity(row: $0.row).generatedAt }))
        let overlays = try rows(query(
            """
            SELECT seq, line FROM loopx_runs WHERE goal_id = \(goalID) AND NOT is_base AND generated_at = ANY(\(stamps))
            ORDER BY seq
            """, doing: "read the runs' overlays"))
        var extra: [RunIdentity: [JSONObject]] = [:]
        for overlay in overlays { extra[RunIdentity(row: overlay.row), default: []].append(overlay.row) }
        var records = baseRows.map { base in
            RunRecord(rows: [base.row] + (extra[RunIdentity(row: base.row)] ?? []), firstLine: Int(clamping: base.seq))
        }
        records.sort(by: RunRecord.newestFirst)
        return records
    }

    public func spendEvents(goalID: String, since: Timestamp, until: Timestamp?) throws(CommandFailure) -> [SpendEvent] {
        let upper = until.map(PostgresStore.micros) ?? Int64.max
        let result = try query(
            """
            SELECT seq, line FROM loopx_runs WHERE goal_id = \(goalID) AND is_base AND spend_kind IS NOT NULL
                AND at_us >= \(PostgresStore.micros(since)) AND at_us <= \(upper)
            ORDER BY at_us DESC, seq DESC
            """, doing: "read the window's spends")
        return try rows(result).compactMap { entry in
            Timestamp(rfc3339: entry.row["generated_at"]?.stringValue ?? "").flatMap { SpendEvent(row: entry.row, instant: $0) }
        }
    }

    public func allRows(goalID: String) throws(CommandFailure) -> [JSONObject] {
        try rows(query("SELECT seq, line FROM loopx_runs WHERE goal_id = \(goalID) ORDER BY seq", doing: "read the run index")).map(\.row)
    }

    public func rows(goalID: String, mentioning text: String) throws(CommandFailure) -> [JSONObject] {
        try rows(query(
            "SELECT seq, line FROM loopx_runs WHERE goal_id = \(goalID) AND strpos(line, \(text)) > 0 ORDER BY seq DESC",
            doing: "search the run index")).map(\.row)
    }

    public func counts(goalID: String) throws(CommandFailure) -> RunIndexCount {
        let result = try query("SELECT rows, runs FROM loopx_goal_counts WHERE goal_id = \(goalID)", doing: "read the run counts")
        guard let row = result.first else { return RunIndexCount(bytes: 0, rows: 0, runs: 0) }
        do {
            let (rows, runs) = try row.decode((Int64, Int64).self)
            return RunIndexCount(bytes: 0, rows: rows, runs: runs)
        } catch {
            throw describe(error, doing: "decode the run counts")
        }
    }

    public func run(goalID: String, generatedAt: String) throws(CommandFailure) -> RunRecord? {
        let found = try rows(query(
            "SELECT seq, line FROM loopx_runs WHERE goal_id = \(goalID) AND generated_at = \(generatedAt) ORDER BY seq",
            doing: "look up a run"))
        // The newest-appended base row wins; its overlays merge after it in append order.
        guard let base = found.last(where: { !RunRecord.isOverlay($0.row) }) else { return nil }
        let identity = RunIdentity(row: base.row)
        let overlays = found.filter { $0.seq != base.seq && RunIdentity(row: $0.row) == identity && RunRecord.isOverlay($0.row) }
        return RunRecord(rows: [base.row] + overlays.map(\.row))
    }

    /// How long a writer waits in the goal's queue (`spend-slot --execute`, appends under the
    /// lock) before it gives up with `store_unavailable`.
    static let goalLockWaitSeconds: Int64 = 60

    public func exclusively<T>(goalID: String, _ body: () throws(CommandFailure) -> T) throws(CommandFailure) -> T {
        if state.withLock({ $0.inTransaction }) { return try body() }
        try query("BEGIN", doing: "begin a transaction")
        state.withLock { $0.inTransaction = true }
        do throws(CommandFailure) {
            // Waiting for the goal's lock has its own budget: under 16 concurrent spenders the
            // queue can outlast one statement's timeout while every holder is healthy.
            let wait = PostgresStore.goalLockWaitSeconds
            try query("SET LOCAL lock_timeout = \(unescaped: String(wait * 1000))", doing: "set the lock budget")
            try query("SET LOCAL statement_timeout = \(unescaped: String(wait * 1000))", doing: "set the lock budget")
            try query(
                "SELECT pg_advisory_xact_lock(hashtextextended(\("loopx:" + goalID), 0))", doing: "lock the goal",
                deadline: wait + 1)
            try query("SET LOCAL lock_timeout = \(unescaped: String(url.statementTimeoutMilliseconds))", doing: "restore the timeouts")
            try query("SET LOCAL statement_timeout = \(unescaped: String(url.statementTimeoutMilliseconds))", doing: "restore the timeouts")
            let value = try body()
            state.withLock { $0.inTransaction = false }
            try query("COMMIT", doing: "commit")
            return value
        } catch {
            state.withLock { $0.inTransaction = false }
            _ = try? query("ROLLBACK", doing: "roll back")
            throw error
        }
    }

    /// `(seq, parsed line)` of each result row; a line that is not a JSON object is skipped.
    func rows(_ result: PostgresQueryResult) throws(CommandFailure) -> [(seq: Int64, row: JSONObject)] {
        var out: [(seq: Int64, row: JSONObject)] = []
        out.reserveCapacity(result.count)
        for row in result {
            do {
                let (seq, line) = try row.decode((Int64, String).self)
                guard let object = try? JSONParser.parse(Array(line.utf8), path: "loopx_runs").objectValue else { continue }
                out.append((seq, object))
            } catch {
                throw describe(error, doing: "decode the run rows")
            }
        }
        return out
    }

    /// Microseconds since the epoch, saturating.
    static func micros(_ instant: Timestamp) -> Int64 {
        instant.seconds.multipliedReportingOverflow(by: 1_000_000).overflow
            ? (instant.seconds < 0 ? Int64.min : Int64.max)
            : (instant.seconds * 1_000_000).saturatingAdding(Int64(instant.nanos / 1000))
    }

    static func timestamp(micros: Int64) -> Timestamp {
        let seconds = micros >= 0 ? micros / 1_000_000 : (micros - 999_999) / 1_000_000
        return Timestamp(seconds: seconds, nanos: Int32((micros - seconds * 1_000_000) * 1000))
    }
}
