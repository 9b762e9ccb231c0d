import Foundation
import LoopXCore
import LoopXRules
import LoopXSupport
import Testing

@testable import LoopXPostgres

/// The PostgreSQL store's own guarantees, against a real server (`LOOPX_TEST_PG_URL`): one
/// database per test, dropped after.
@Suite(.serialized, .enabled(if: ScratchDatabase.available, ScratchDatabase.skipNote))
struct PostgresStoreTests {
    @Test func theHeartbeatReadsGoThroughIndexesNotTheHistory() throws {
        let database = try ScratchDatabase()
        defer { database.drop() }
        let store = try database.migratedStore()
        defer { store.shutdown() }
        // 20,000 runs, one spend in 50; the planner's choice is what keeps the cost flat.
        try database.sql("""
            INSERT INTO loopx_runs (goal_id, at_us, generated_at, json_path, markdown_path, is_base, spend_kind, line)
            SELECT 'g', 1700000000000000 + i::bigint * 1000000, 'x' || i, '', '', true, CASE WHEN i % 50 = 0 THEN 'quota_slot_spent' END, '{}'
            FROM generate_series(1, 20000) AS i
            """)
        try database.sql("ANALYZE loopx_runs")
        let newest = try database.sql(
            "EXPLAIN SELECT seq, line FROM loopx_runs WHERE goal_id = 'g' AND is_base ORDER BY at_us DESC NULLS LAST, seq DESC LIMIT 50")
        #expect(newest.contains("loopx_runs_newest"), "\(newest)")
        #expect(!newest.contains("Seq Scan"), "\(newest)")
        let spends = try database.sql("""
            EXPLAIN SELECT seq, line FROM loopx_runs WHERE goal_id = 'g' AND is_base AND spend_kind IS NOT NULL
            AND at_us >= 1700019000000000 AND at_us <= 1700020000000000 ORDER BY at_us DESC, seq DESC
            """)
        #expect(spends.contains("loopx_runs_spends"), "\(spends)")
        #expect(!spends.contains("Seq Scan"), "\(spends)")
    }

    @Test func appendsGetTheServerSequenceAndTheCounterRow() throws {
        let database = try ScratchDatabase()
        defer { database.drop() }
        let store = try database.migratedStore()
        defer { store.shutdown() }
        let base: JSONObject = ["generated_at": "2026-01-01T08:00:00Z", "json_path": "/r/a.json", "markdown_path": "/r/a.md", "classification": "delivery"]
        var overlay = base
        overlay["human_reward"] = ["reward": "positive"]
        for row in [base, overlay, base] { try store.appendRun(goalID: "g", row: row, line: Array(RunHistory.line(for: row).dropLast())) }
        let counts = try store.counts(goalID: "g")
        #expect(counts.rows == 3)
        #expect(counts.runs == 1)
        let runs = try store.newestRuns(goalID: "g", limit: 10, until: nil)
        #expect(runs.count == 1)
        #expect(runs.first?.humanReward?["reward"] == "positive")
        #expect(try database.sql("SELECT string_agg(seq::text, ',' ORDER BY seq) FROM loopx_runs") == "1,2,3")
    }

    @Test func sixteenConcurrentClaimsGrantOneLease() throws {
        let database = try ScratchDatabase()
        defer { database.drop() }
        let setup = try database.migratedStore()
        setup.shutdown()
        let granted = Granted()
        DispatchQueue.concurrentPerform(iterations: 16) { index in
            let store = PostgresStore(url: database.storeURL)
            defer { store.shutdown() }
            if let answer = try? store.claimLease(goalID: "g", todoID: "t1", agent: "agent-\(index)", ttlMinutes: 30, dryRun: false),
                answer.effect != .refused
            {
                granted.add(answer.lease?.holder ?? "")
            }
        }
        #expect(granted.holders.count == 1)
        #expect(try database.sql("SELECT holder FROM loopx_leases") == granted.holders.first)
        #expect(try database.sql("SELECT version FROM loopx_leases") == "1")
    }

    @Test func aStatementOverItsTimeoutFailsAsStoreUnavailable() throws {
        let database = try ScratchDatabase()
        defer { database.drop() }
        var url = database.storeURL
        url.statementTimeoutMilliseconds = 200
        let store = PostgresStore(url: url)
        defer { store.shutdown() }
        _ = try store.migrate()
        do {
            try store.query("SELECT pg_sleep(5)", doing: "sleep")
            Issue.record("the statement outlived its timeout")
        } catch {
            #expect(error.code == .storeUnavailable)
            #expect(error.message.contains("statement timeout") || error.message.contains("canceling"), "\(error.message)")
        }
        // The store still answers afterwards (a new connection when the old one was dropped).
        #expect(try store.counts(goalID: "g").rows == 0)
    }

    @Test func migrateRefusesAStoreWithANewerSchema() throws {
        let database = try ScratchDatabase()
        defer { database.drop() }
        let store = try database.migratedStore()
        defer { store.shutdown() }
        try database.sql("INSERT INTO loopx_schema (version, description) VALUES (99, 'future')")
        let fresh = PostgresStore(url: database.storeURL)
        defer { fresh.shutdown() }
        #expect(throws: CommandFailure.self) { try fresh.counts(goalID: "g") }
        do { _ = try fresh.migrate() } catch { #expect(error.code == .storeSchema) }
    }
}

/// The holders granted, from many threads.
final class Granted: @unchecked Sendable {
    private let lock = NSLock()
    private var list: [String] = []
    func add(_ holder: String) { lock.lock(); list.append(holder); lock.unlock() }
    var holders: [String] { lock.lock(); defer { lock.unlock() }; return list }
}

/// A throw-away database on the `LOOPX_TEST_PG_URL` server.
struct ScratchDatabase {
    static var serverURL: String? {
        guard let url = ProcessInfo.processInfo.environment["LOOPX_TEST_PG_URL"], !url.isEmpty else { return nil }
        return url
    }

    static var available: Bool { serverURL != nil }
    static let skipNote: Comment = "set LOOPX_TEST_PG_URL (e.g. postgres://loopx@127.0.0.1:55432/postgres) to run the PostgreSQL store suites"

    let name: String
    let storeURL: StoreURL

    init() throws {
        let server = try StoreURL.parse(ScratchDatabase.serverURL ?? "")
        name = "loopx_t_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(16)
        var url = server
        url.database = name
        url.statementTimeoutMilliseconds = 30_000
        storeURL = url
        try ScratchDatabase.psql(ScratchDatabase.serverURL ?? "", "CREATE DATABASE \(name)")
    }

    func migratedStore() throws -> PostgresStore {
        let store = PostgresStore(url: storeURL)
        _ = try store.migrate()
        return store
    }

    @discardableResult
    func sql(_ statement: String) throws -> String {
        try ScratchDatabase.psql("postgres://\(storeURL.user)@\(storeURL.host):\(storeURL.port)/\(name)", statement)
    }

    func drop() {
        _ = try? ScratchDatabase.psql(ScratchDatabase.serverURL ?? "", "DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
    }

    @discardableResult
    static func psql(_ url: String, _ sql: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["psql", url, "-X", "-q", "-t", "-A", "-v", "ON_ERROR_STOP=1", "-c", sql]
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        let errors = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw CommandFailure("psql: \(String(decoding: errors, as: UTF8.self))") }
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
