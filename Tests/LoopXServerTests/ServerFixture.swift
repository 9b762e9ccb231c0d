import Foundation
import LoopXCore
import LoopXServer
import LoopXRules
import LoopXSupport

/// A real project on disk (registry, active state, a run history with artifacts) in a temporary
/// HOME, and a `StatusServer` serving it on an ephemeral loopback port.
final class ServerFixture: @unchecked Sendable {
    let home: URL
    var project: URL { home.appendingPathComponent("proj") }
    var runtimeRoot: URL { home.appendingPathComponent("rt") }
    let goal = "app"
    private(set) var port = 0
    private var task: Task<Void, any Error>?

    init() throws {
        home = FileManager.default.temporaryDirectory.appendingPathComponent("loopx-server-\(UUID().uuidString)")
        try write(".codex/loopx/.keep", "")  // the real ~/.codex is never touched: HOME is this folder
        let registry: JSONValue = [
            "schema_version": "0.1", "common_runtime_root": .string(runtimeRoot.path),
            "goals": [[
                "id": .string(goal), "domain": "web", "status": "active", "repo": .string(project.path),
                "state_file": ".codex/goals/app/ACTIVE_GOAL_STATE.md",
                "adapter": ["kind": "read_only_project_map_v0", "status": "connected-read-only"],
            ]],
        ]
        try write("proj/.loopx/registry.json", JSONWriter(sortedKeys: true, pretty: true).string(registry) + "\n")
        try write("proj/.codex/goals/app/ACTIVE_GOAL_STATE.md", """
            ---
            status: active
            objective: "Ship the sample"
            updated_at: 2025-12-31T00:00:00Z
            ---

            # Active Goal State

            ## Objective

            Ship the sample.

            ## Progress Ledger

            - 2025-12-31T00:00:00Z: created the initial active state.

            """)
        try addRun(at: "2025-12-31T09:00:00Z")
        try addRun(at: "2025-12-31T10:00:00Z")
    }

    var indexPath: String { runtimeRoot.path + "/goals/\(goal)/runs/index.jsonl" }

    func write(_ relative: String, _ text: String) throws {
        let url = home.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    /// Appends a run row with real artifact files through the data layer's append.
    func addRun(at generatedAt: String) throws {
        let stem = generatedAt.replacingOccurrences(of: ":", with: "-")
        let runs = "rt/goals/\(goal)/runs/"
        try write(runs + stem + ".json", "{}\n")
        try write(runs + stem + ".md", "# run\n")
        let row: JSONObject = [
            "generated_at": .string(generatedAt), "goal_id": .string(goal), "classification": "state_refreshed",
            "recommended_action": "continue the bounded segment", "delivery_outcome": "outcome_progress",
            "delivery_batch_scale": "single_surface",
            "json_path": .string(home.path + "/" + runs + stem + ".json"), "markdown_path": .string(home.path + "/" + runs + stem + ".md"),
        ]
        try RunHistory(goalDirectory: runtimeRoot.path + "/goals/\(goal)").append(row: row)
    }

    /// Every index line, parsed; throws on a torn or invalid line.
    func indexRows() throws -> [JSONValue] {
        let text = try String(contentsOfFile: indexPath, encoding: .utf8)
        return try text.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map { line in
            try JSONParser.parse(String(line))
        }
    }

    /// The context a request runs in: the project directory, this HOME, a fixed clock.
    var makeContext: @Sendable () throws(CommandFailure) -> LoopXContext {
        let environment = LoopXEnvironment(
            variables: ["HOME": home.path, "LOOPX_NOW": "2026-01-02T03:04:05Z"], workingDirectory: project.path,
            executablePath: "/usr/bin/loopx", executableRealPath: "/usr/bin/loopx")
        return { () throws(CommandFailure) in try LoopXContext(environment: environment, settings: GlobalSettings()) }
    }

    /// Starts the server on port 0 and waits until it is listening.
    func start(writeEnabled: Bool, provider: StatusProvider? = nil, limits: ServerLimits = .standard) async throws -> HTTPClient {
        let api = StatusAPI(provider: provider ?? { [self] in try self.statusPayload() }, context: makeContext, writeEnabled: writeEnabled)
        let server = try StatusServer(host: "127.0.0.1", port: 0, api: api, limits: limits)
        let ready = AsyncStream<Int>.makeStream()
        task = Task { try await server.run(handleSignals: false) { port in ready.continuation.yield(port) } }
        for await bound in ready.stream {
            port = bound
            break
        }
        return HTTPClient(port: port)
    }

    /// A status payload read from the files: the goal's runs, newest first (what a real
    /// collector reads; a torn index would make it throw).
    func statusPayload() throws -> JSONValue {
        let rows = try indexRows()
        return [
            "ok": true,
            "attention_queue": ["items": [["goal_id": .string(goal), "status": "state_refreshed", "waiting_on": "codex",
                "severity": "action", "recommended_action": "continue the bounded segment"]]],
            "run_history": ["goals": [["id": .string(goal), "raw_index_records": .int(Int64(rows.count)), "latest_runs": .array(rows.reversed())]]],
        ]
    }

    func stop() {
        task?.cancel()
        try? FileManager.default.removeItem(at: home)
    }
}
