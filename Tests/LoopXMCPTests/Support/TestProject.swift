import Foundation
import LoopXCore
import LoopXRules
import LoopXSupport

/// A throw-away HOME holding a project `proj/` with one registered goal `app` (write scope
/// `docs/**`), its active state and a runtime root `rt/`; runs the built `loopx` in it.
struct TestProject {
    let home: URL
    var project: URL { home.appendingPathComponent("proj") }
    var runtimeRoot: URL { home.appendingPathComponent("rt") }
    static let now = "2026-01-01T08:00:00Z"

    /// The binary under test: `$LOOPX_BIN`, else the package's debug build.
    static var binary: String {
        if let fromEnv = ProcessInfo.processInfo.environment["LOOPX_BIN"], !fromEnv.isEmpty { return fromEnv }
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        return root.appendingPathComponent(".build/debug/loopx").path
    }

    static var fixtures: URL { URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures") }

    init() throws {
        home = FileManager.default.temporaryDirectory.appendingPathComponent("loopx-mcp-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        let state = """
            ---
            status: active
            owner_mode: goal
            objective: "Ship the sample"
            updated_at: 2025-12-31T00:00:00Z
            adapter_id: sample
            ---

            # Active Goal State

            ## Objective

            Ship the sample.

            ## Authority Sources

            - docs/GOAL.md

            ## Agent Todo

            - [ ] [P1] Wire the outcome floor into the status page
            - [ ] [P2] Document the reward overlay

            ## Next Action

            - validate the parser against the fixture corpus

            ## Progress Ledger

            - 2025-12-31T00:00:00Z: created the initial active state.

            """
        try write("proj/.codex/goals/app/ACTIVE_GOAL_STATE.md", state)
        // A fixed modification time: facts report it, and two projects must answer alike.
        try FileManager.default.setAttributes(
            [.modificationDate: Date(timeIntervalSince1970: 1_767_139_200)],
            ofItemAtPath: project.appendingPathComponent(".codex/goals/app/ACTIVE_GOAL_STATE.md").path)
        let goal: JSONValue = [
            "id": "app", "domain": "web", "status": "active", "repo": .string(project.path),
            "state_file": ".codex/goals/app/ACTIVE_GOAL_STATE.md",
            "adapter": ["kind": "read_only_project_map_v0", "status": "connected-read-only"],
            "authority_sources": [["kind": "goal_doc", "path": "docs/GOAL.md", "role": "primary_goal_document"]],
            "coordination": ["write_scope": ["docs/**"]],
        ]
        let registry: JSONValue = ["schema_version": "0.1", "common_runtime_root": .string(runtimeRoot.path), "goals": [goal]]
        try write("proj/.loopx/registry.json", JSONWriter(sortedKeys: true, pretty: true).string(registry) + "\n")
        try setBranch("feature/x")
    }

    /// Points the project's `.git/HEAD` at a branch (nil: a detached HEAD).
    func setBranch(_ branch: String?) throws {
        try write("proj/.git/HEAD", branch.map { "ref: refs/heads/\($0)\n" } ?? "0123456789abcdef0123456789abcdef01234567\n")
    }

    func write(_ relative: String, _ text: String) throws {
        let url = home.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    var environment: [String: String] {
        ["HOME": home.path, "PATH": "/usr/local/bin:/usr/bin:/bin", "LOOPX_NOW": TestProject.now, "LANG": "C.UTF-8"]
    }

    /// Runs `loopx ARGS` in the project directory.
    func run(_ arguments: [String], stdin: String = "", environment extra: [String: String] = [:]) throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: TestProject.binary)
        process.arguments = arguments
        process.currentDirectoryURL = project
        process.environment = environment.merging(extra) { $1 }
        let (out, err, input) = (Pipe(), Pipe(), Pipe())
        (process.standardOutput, process.standardError, process.standardInput) = (out, err, input)
        try process.run()
        input.fileHandleForWriting.write(Data(stdin.utf8))
        try input.fileHandleForWriting.close()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
    }

    func cleanUp() { try? FileManager.default.removeItem(at: home) }
}
