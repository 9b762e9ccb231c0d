import LoopXCore
import LoopXRules
import LoopXSupport
import PostgresNIO

/// The obligation and decision logs on PostgreSQL: the obligation is one row per goal; a
/// decision record and its new fact values are one statement.
extension PostgresStore {
    public func obligation(goalID: String) throws(CommandFailure) -> JSONObject? {
        let result = try query("SELECT body FROM loopx_obligations WHERE goal_id = \(goalID)", doing: "read the obligation")
        guard let row = result.first, let body = try? row.decode(String.self) else { return nil }
        return (try? JSONParser.parse(Array(body.utf8), path: "loopx_obligations"))?.objectValue
    }

    public func recordObligation(goalID: String, _ object: JSONObject) throws(CommandFailure) {
        let body = JSONWriter(pretty: true).string(.object(object)) + "\n"
        try query(
            """
            INSERT INTO loopx_obligations (goal_id, body) VALUES (\(goalID), \(body))
            ON CONFLICT (goal_id) DO UPDATE SET body = EXCLUDED.body, updated_at = now()
            """, doing: "record the obligation")
    }

    public func appendDecision(goalID: String, line: [UInt8], at: Timestamp, values: [(digest: String, bytes: [UInt8])]) throws(CommandFailure) {
        let digests = values.map(\.digest)
        let bodies = values.map { String(decoding: $0.bytes, as: UTF8.self) }
        let text = String(decoding: line, as: UTF8.self)
        try query(
            """
            WITH stored AS (
                INSERT INTO loopx_fact_values (goal_id, digest, body)
                SELECT \(goalID), d, b FROM unnest(\(digests)::text[], \(bodies)::text[]) AS v(d, b)
                ON CONFLICT (goal_id, digest) DO NOTHING)
            INSERT INTO loopx_decisions (goal_id, at_us, line) VALUES (\(goalID), \(PostgresStore.micros(at)), \(text))
            """, doing: "append a decision record")
    }

    public func decisionLines(goalID: String, containing needles: [String]) throws(CommandFailure) -> [[UInt8]] {
        let result: PostgresQueryResult
        if needles.isEmpty {
            result = try query("SELECT line FROM loopx_decisions WHERE goal_id = \(goalID) ORDER BY seq", doing: "read the decision log")
        } else {
            result = try query(
                """
                SELECT line FROM loopx_decisions WHERE goal_id = \(goalID)
                    AND EXISTS (SELECT 1 FROM unnest(\(needles)::text[]) AS n(t) WHERE strpos(line, t) > 0)
                ORDER BY seq
                """, doing: "read the decision log")
        }
        return result.compactMap { (try? $0.decode(String.self)).map { Array($0.utf8) } }
    }

    public func decisionValue(goalID: String, digest: String) throws(CommandFailure) -> [UInt8]? {
        let result = try query(
            "SELECT body FROM loopx_fact_values WHERE goal_id = \(goalID) AND digest = \(digest)", doing: "read a fact value")
        return result.first.flatMap { try? $0.decode(String.self) }.map { Array($0.utf8) }
    }
}
