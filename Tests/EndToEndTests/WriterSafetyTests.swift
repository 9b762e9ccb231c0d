import Foundation
import LoopXCore
import LoopXSupport
import Testing
import LoopXRules

/// Writers that race, tie or fail half-way (issue 15, findings 3, 4 and 9): concurrent global
/// syncs never refuse each other, the later of two runs in one second is the newer, and
/// multi-step commands complete or leave nothing.
@Suite struct WriterSafetyTests {
    /// Runs loopx processes all at once (one thread each, not limited to the core count) and
    /// returns their results.
    static func concurrently(_ runs: [@Sendable () throws -> LoopXRunner.Result]) -> [LoopXRunner.Result?] {
        let results = ResultBox(count: runs.count)
        let group = DispatchGroup()
        for (index, run) in runs.enumerated() {
            DispatchQueue.global().async(group: group) { results.set(index, try? run()) }
        }
        group.wait()
        return results.values
    }

    /// Runs loopx under `ulimit -f` with SIGXFSZ ignored, so a write past the limit fails
    /// with EFBIG as on a full disk; returns the exit status.
    static func runWithFileSizeLimit(kibibytes: Int, _ arguments: [String], home: URL, cwd: URL) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", "trap '' XFSZ; ulimit -f \(kibibytes); exec \"$0\" \"$@\"", LoopXRunner.binary] + arguments
        process.currentDirectoryURL = cwd
        process.environment = ["HOME": home.path, "PATH": "/usr/local/bin:/usr/bin:/bin", "LOOPX_NOW": "2026-01-01T08:00:00Z", "LANG": "C.UTF-8"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    @Test func concurrentRefreshesAllSyncTheGlobalRegistry() throws {
        let runner = try LoopXRunner()
        defer { runner.cleanUp() }
        let project = try Project(runner)
        #expect(try project.run(["bootstrap", "--goal-id", "app"]).status == 0)
        let runs: [@Sendable () throws -> LoopXRunner.Result] = (0..<12).map { n in
            { try project.run(["--now", "2026-01-01T08:00:\(10 + n)Z", "refresh-state", "--goal-id", "app"]) }
        }
        let results = Self.concurrently(runs)
        for result in results {
            #expect(result?.status == 0, "\(result?.stderr ?? "did not run")")
        }
        let rows = try String(contentsOfFile: project.indexPath("app"), encoding: .utf8).split(separator: "\n")
        #expect(rows.count == 12)
        let global = try JSONParser.parse(try project.read(project.runtimeRoot + "/registry.global.json"))
        #expect(global["goals"]?.arrayValue?.count == 1)
    }

    @Test func concurrentBootstrapsOfOtherGoalsKeepEveryGoal() throws {
        let runner = try LoopXRunner()
        defer { runner.cleanUp() }
        let project = try Project(runner)
        let runs: [@Sendable () throws -> LoopXRunner.Result] = (0..<12).map { n in { try project.run(["bootstrap", "--goal-id", "goal-\(n)"]) } }
        for result in Self.concurrently(runs) {
            #expect(result?.status == 0, "\(result?.stderr ?? "did not run")")
        }
        for path in [project.registryPath, project.runtimeRoot + "/registry.global.json"] {
            let ids = Set((try JSONParser.parse(try project.read(path))["goals"]?.arrayValue ?? []).compactMap { $0["id"]?.stringValue })
            #expect(ids == Set((0..<12).map { "goal-\($0)" }), "\(path)")
        }
    }

    /// The gate decision recorded last wins, even within one second (`LOOPX_NOW` is fixed).
    @Test(arguments: [("approve", "reject", "operator_gate_rejected"), ("defer", "approve", "operator_gate_approved")])
    func theLaterGateDecisionInOneSecondWins(first: String, second: String, classification: String) throws {
        let runner = try LoopXRunner()
        defer { runner.cleanUp() }
        let fixture = try GoalFixture(runner: runner, goals: [.init(id: "app", adapterStatus: "planned")])
        for decision in [first, second] {
            let (result, _) = try fixture.json(["operator-gate", "--goal-id", "app", "--decision", decision, "--reason-summary", "scope reviewed"])
            #expect(result.status == 0, "\(result.stderr)")
        }
        let (history, json) = try fixture.json(["history", "--goal-id", "app", "--limit", "1"])
        #expect(history.status == 0, "\(history.stderr)")
        #expect(json?["runs"]?.arrayValue?.first?["classification"] == .string(classification))
        let newest = RunHistory(goalDirectory: fixture.runtimeRoot.path + "/goals/app").newest(limit: 2)
        #expect(newest.map(\.classification) == [classification, "operator_gate_\(first == "approve" ? "approved" : "deferred")"])
        #expect(RunHistory(goalDirectory: fixture.runtimeRoot.path + "/goals/app").scanAll().runs.first?.classification == classification)
        let (_, decision) = try fixture.json(["quota", "should-run", "--goal-id", "app"])
        let mode = decision?["heartbeat_recommendation"]?["recommended_mode"]?.stringValue
        #expect((mode == "run_agent_command") == (second == "approve"), "\(mode ?? "no mode")")
    }

    @Test func bootstrapRoutedElsewhereWritesNothing() throws {
        let runner = try LoopXRunner()
        defer { runner.cleanUp() }
        let first = try Project(runner, name: "one")
        let second = try Project(runner, name: "two")
        #expect(try first.run(["bootstrap", "--goal-id", "shared"]).status == 0)
        let collided = try second.run(["bootstrap", "--goal-id", "shared"])
        #expect(collided.status == 1)
        #expect(collided.stderr.contains("route collision"))
        #expect(collided.stderr.contains("sync-global --replace-state"))
        #expect(!collided.stderr.contains("rerun with --replace-state"))
        #expect(!second.exists(second.registryPath))
        #expect(!second.exists(second.statePath("shared")))
        // The hint's way works: bootstrap without the sync, then move the route.
        #expect(try second.run(["bootstrap", "--goal-id", "shared", "--no-global-sync"]).status == 0)
        let moved = try second.run(["sync-global", "--replace-state"])
        #expect(moved.status == 0, "\(moved.stderr)")
    }

    /// A state write that cannot happen (the file-size limit stands in for a full disk, which
    /// stops root too) leaves the index untouched.
    @Test func rewardThatCannotWriteTheStateAppendsNothing() throws {
        let runner = try LoopXRunner()
        defer { runner.cleanUp() }
        let fixture = try GoalFixture(runner: runner, goals: [.init(id: "app")])
        try fixture.addRun("app", at: "2025-12-31T10:00:00Z", classification: "state_refreshed")
        let statePath = runner.home.path + "/" + fixture.statePath("app")
        let state = try String(contentsOfFile: statePath, encoding: .utf8)
        try (state + "\n" + String(repeating: "padding line for the file-size limit\n", count: 400)).write(toFile: statePath, atomically: true, encoding: .utf8)
        let indexBefore = fixture.bytes(fixture.indexPath("app"))
        let stateBefore = fixture.bytes(fixture.statePath("app"))
        let arguments = [
            "reward", "--goal-id", "app", "--decision", "route_correction", "--reward", "mixed",
            "--reason-summary", "counters first", "--write-active-state-summary",
        ]
        // 8 KiB: enough for the index, not for the ~15 KiB state file.
        let status = try Self.runWithFileSizeLimit(kibibytes: 8, arguments, home: runner.home, cwd: fixture.project)
        #expect(status == 1)
        #expect(fixture.bytes(fixture.indexPath("app")) == indexBefore)
        #expect(fixture.bytes(fixture.statePath("app")) == stateBefore)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: (statePath as NSString).deletingLastPathComponent)
            .filter { $0.contains(".tmp-") }
        #expect(leftovers.isEmpty, "\(leftovers)")
        // Without the limit the same command writes both.
        let done = try runner.run(arguments, cwd: fixture.project)
        #expect(done.status == 0, "\(done.stderr)")
        #expect(try fixture.rows("app").count == 2)
    }

    @Test func theNextWriterRemovesStaleLeftoversOfKilledWriters() throws {
        let runner = try LoopXRunner()
        defer { runner.cleanUp() }
        let fixture = try GoalFixture(runner: runner, goals: [.init(id: "app")])
        let runs = runner.home.path + "/rt/goals/app/runs"
        try FileManager.default.createDirectory(atPath: runs, withIntermediateDirectories: true)
        let old = Date(timeIntervalSinceNow: -600)
        let stale = [".2025-12-31T10-00-00Z.json.tmp-AbC123", "2025-12-31T10-00-00Z.json", ".2025-12-31T10-00-01Z.md.tmp-XyZ789"]
        let young = [".2025-12-31T11-00-00Z.json.tmp-QqQ111", "2025-12-31T11-00-00Z.json"]
        for name in stale + young {
            #expect(FileManager.default.createFile(atPath: runs + "/" + name, contents: Data()))
        }
        for name in stale { try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: runs + "/" + name) }
        // An old, complete run is kept.
        try Data("{}\n".utf8).write(to: URL(fileURLWithPath: runs + "/2025-12-30T10-00-00Z.json"))
        try Data("# run\n".utf8).write(to: URL(fileURLWithPath: runs + "/2025-12-30T10-00-00Z.md"))
        for name in ["2025-12-30T10-00-00Z.json", "2025-12-30T10-00-00Z.md"] {
            try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: runs + "/" + name)
        }
        let (result, _) = try fixture.json(["refresh-state", "--goal-id", "app", "--no-global-sync"])
        #expect(result.status == 0, "\(result.stderr)")
        let names = Set(try FileManager.default.contentsOfDirectory(atPath: runs))
        for name in stale { #expect(!names.contains(name), "\(name)") }
        for name in young + ["2025-12-30T10-00-00Z.json", "2025-12-30T10-00-00Z.md"] { #expect(names.contains(name), "\(name)") }
    }
}

/// Results written from concurrent closures.
final class ResultBox: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [LoopXRunner.Result?]

    init(count: Int) { stored = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: LoopXRunner.Result?) {
        lock.lock()
        stored[index] = value
        lock.unlock()
    }

    var values: [LoopXRunner.Result?] {
        lock.lock()
        defer { lock.unlock() }
        return stored
    }
}
