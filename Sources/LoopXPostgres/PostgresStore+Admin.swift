import LoopXCore
import LoopXRules
import LoopXSupport
import PostgresNIO

/// `store migrate` and `store status` on PostgreSQL.
extension PostgresStore {
    public func migrate() throws(CommandFailure) -> StoreMigration {
        try query("BEGIN", doing: "begin the migration", checkSchema: false)
        do throws(CommandFailure) {
            try query("SELECT pg_advisory_xact_lock(\(PostgresSchema.migrationLock))", doing: "lock the schema", checkSchema: false)
            try query(PostgresQuery(unsafeSQL: PostgresSchema.versionTable), doing: "create the version table", checkSchema: false)
            let before = try schemaVersionInStore(connection(checkSchema: false))
            guard before <= PostgresStore.schemaVersion else {
                throw CommandFailure(
                    "the shared store \(url.redacted) has schema version \(before), newer than this loopx's \(PostgresStore.schemaVersion)",
                    hint: "upgrade loopx on this machine", code: .storeSchema)
            }
            var applied: [Int] = []
            for migration in PostgresSchema.migrations where migration.version > before {
                for statement in migration.statements {
                    try query(PostgresQuery(unsafeSQL: statement), doing: "apply schema version \(migration.version)", checkSchema: false)
                }
                try query(
                    "INSERT INTO loopx_schema (version, description) VALUES (\(migration.version), \(migration.description))",
                    doing: "record schema version \(migration.version)", checkSchema: false)
                applied.append(migration.version)
            }
            try query("COMMIT", doing: "commit the migration", checkSchema: false)
            state.withLock { $0.schemaChecked = false }
            return StoreMigration(versionBefore: before, versionAfter: applied.last ?? before, applied: applied)
        } catch {
            _ = try? query("ROLLBACK", doing: "roll back the migration", checkSchema: false)
            throw error
        }
    }

    public func status() throws(CommandFailure) -> JSONObject {
        let connection = try connection(checkSchema: false)
        let version = try schemaVersionInStore(connection)
        let server = try query("SELECT current_setting('server_version'), current_setting('statement_timeout')", doing: "read the server", checkSchema: false)
        var out: JSONObject = [
            "reachable": true, "schema_version": .int(Int64(version)), "schema_version_expected": .int(Int64(PostgresStore.schemaVersion)),
            "schema_current": .bool(version == PostgresStore.schemaVersion),
        ]
        if let row = server.first, let (serverVersion, timeout) = try? row.decode((String, String).self) {
            out["server_version"] = .string(serverVersion)
            out["statement_timeout"] = .string(timeout)
        }
        guard version > 0 else { return out }
        let counts = try query(
            """
            SELECT (SELECT count(*) FROM loopx_runs), (SELECT count(*) FROM loopx_leases WHERE holder IS NOT NULL AND expires_at > now()),
                (SELECT count(*) FROM loopx_obligations), (SELECT count(*) FROM loopx_decisions), (SELECT count(*) FROM loopx_fact_values),
                (SELECT count(*) FROM loopx_goal_counts)
            """, doing: "count the rows", checkSchema: false)
        if let row = counts.first, let (runs, leases, obligations, decisions, values, goals) = try? row.decode((Int64, Int64, Int64, Int64, Int64, Int64).self) {
            out["rows"] = [
                "runs": .int(runs), "live_leases": .int(leases), "obligations": .int(obligations), "decisions": .int(decisions),
                "fact_values": .int(values), "goals": .int(goals),
            ]
        }
        return out
    }
}
