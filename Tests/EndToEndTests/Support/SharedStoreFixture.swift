import Foundation
import LoopXRules
import LoopXSupport
import Testing

/// A throw-away database on the test server named by `LOOPX_TEST_PG_URL` (a superuser URL such
/// as `postgres://loopx@127.0.0.1:55432/postgres`): `CREATE DATABASE loopx_t_<random>` on
/// creation, dropped by `drop()`. Without the variable the store suites are skipped, visibly.
struct TestDatabase {
    static var serverURL: String? {
        guard let url = ProcessInfo.processInfo.environment["LOOPX_TEST_PG_URL"], !url.isEmpty else { return nil }
        return url
    }

    static var available: Bool { serverURL != nil }
    static let skipNote: Comment = "set LOOPX_TEST_PG_URL (e.g. postgres://loopx@127.0.0.1:55432/postgres) to run the PostgreSQL store suites"

    let name: String
    /// The URL of the new database (the server URL with its database replaced).
    let url: String

    init() throws {
        guard let server = TestDatabase.serverURL else { throw CommandFailureStub("LOOPX_TEST_PG_URL is not set") }
        name = "loopx_t_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(16)
        var base = server
        if let query = base.firstIndex(of: "?") { base = String(base[..<query]) }
        guard let slash = base.range(of: "/", options: .backwards), slash.lowerBound > base.index(base.startIndex, offsetBy: 11) else {
            throw CommandFailureStub("LOOPX_TEST_PG_URL has no database part")
        }
        url = String(base[..<slash.lowerBound]) + "/" + name
        try TestDatabase.psql(server, "CREATE DATABASE \(name)")
    }

    /// Runs one SQL statement with psql against `url`; its output.
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
        guard process.terminationStatus == 0 else {
            throw CommandFailureStub("psql failed: \(String(decoding: errors, as: UTF8.self))")
        }
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @discardableResult
    func sql(_ statement: String) throws -> String { try TestDatabase.psql(url, statement) }

    func drop() {
        guard let server = TestDatabase.serverURL else { return }
        _ = try? TestDatabase.psql(server, "DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
    }
}

struct CommandFailureStub: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// One "machine": its own HOME, project copy and runtime root, sharing the database through
/// `LOOPX_STORE_URL`, with its own `LOOPX_AGENT_HOST`.
struct Machine {
    let runner: LoopXRunner
    let fixture: GoalFixture
    let host: String
    let storeURL: String

    init(host: String, storeURL: String, goals: [GoalFixture.Goal] = [.init(id: "app")]) throws {
        runner = try LoopXRunner()
        fixture = try GoalFixture(runner: runner, goals: goals)
        self.host = host
        self.storeURL = storeURL
    }

    var environment: [String: String] { ["LOOPX_STORE_URL": storeURL, "LOOPX_AGENT_HOST": host] }

    /// Runs loopx in the project with `--format json`; the result and the parsed answer.
    func json(_ arguments: [String], environment extra: [String: String] = [:]) throws -> (LoopXRunner.Result, JSONValue?) {
        var env = environment
        for (key, value) in extra { env[key] = value }
        let result = try runner.run(arguments + ["--format", "json"], cwd: fixture.project, environment: env)
        return (result, try? JSONParser.parse(result.stdout))
    }

    /// Starts `count` loopx processes at once with the same arguments (from one shell, each
    /// answer to its own file); their exit statuses and answers.
    func concurrently(_ count: Int, _ arguments: [String]) throws -> [(Int32, JSONValue?)] {
        let dir = runner.home.appendingPathComponent("concurrent-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let script = """
            for i in $(seq 1 \(count)); do ( "$0" "$@" --format json > "$OUT/out.$i" 2>/dev/null; echo $? > "$OUT/rc.$i" ) & done; wait
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", script, LoopXRunner.binary] + arguments
        process.currentDirectoryURL = fixture.project
        var env = ["HOME": runner.home.path, "PATH": "/usr/local/bin:/usr/bin:/bin", "LOOPX_NOW": "2026-01-01T08:00:00Z", "LANG": "C.UTF-8", "OUT": dir.path]
        for (key, value) in environment { env[key] = value }
        process.environment = env
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return (1...count).map { index in
            let rc = (try? String(contentsOf: dir.appendingPathComponent("rc.\(index)"), encoding: .utf8))
                .flatMap { Int32($0.trimmingCharacters(in: .whitespacesAndNewlines)) } ?? -1
            let out = (try? String(contentsOf: dir.appendingPathComponent("out.\(index)"), encoding: .utf8)) ?? ""
            return (rc, try? JSONParser.parse(out))
        }
    }

    func cleanUp() { runner.cleanUp() }
}
