import Foundation
import LoopXRules
import LoopXSupport
import Testing

/// `quota should-run --read-only` and `--now T` are pure reads: they leave the runtime
/// directory byte-identical, and `--now` computes every fact as of `T`.
@Suite struct ShouldRunReplayTests {
    /// Every regular file under `directory`, by relative path, with its bytes.
    static func snapshot(_ directory: URL) -> [String: Data] {
        var files: [String: Data] = [:]
        let base = directory.standardizedFileURL.path
        guard let walker = FileManager.default.enumerator(atPath: base) else { return files }
        while let relative = walker.nextObject() as? String {
            let path = base + "/" + relative
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { continue }
            files[relative] = isDirectory.boolValue ? Data("<dir>".utf8) : (FileManager.default.contents(atPath: path) ?? Data())
        }
        return files
    }

    func fixture(_ runner: LoopXRunner) throws -> GoalFixture {
        let fixture = try GoalFixture(runner: runner, goals: [.init(id: "app")])
        try fixture.addRun("app", at: "2026-01-01T06:00:00Z", classification: "state_refreshed")
        return fixture
    }

    @Test(arguments: [["--read-only"], ["--now", "2026-01-01T09:00:00Z"], ["--now=2026-01-01T09:00:00Z", "--read-only"]])
    func aPureShouldRunLeavesTheRuntimeDirectoryByteIdentical(_ extra: [String]) throws {
        let runner = try LoopXRunner()
        defer { runner.cleanUp() }
        let fixture = try fixture(runner)
        let before = ShouldRunReplayTests.snapshot(fixture.runtimeRoot)
        for format in ["json", "markdown"] {
            let result = try runner.run(
                ["quota", "should-run", "--goal-id", "app", "--format", format] + extra, cwd: fixture.project)
            #expect(result.status == 0 || result.status == 1, "\(result.stderr)")
            #expect(!result.stdout.isEmpty)
        }
        let after = ShouldRunReplayTests.snapshot(fixture.runtimeRoot)
        #expect(after == before, "written: \(Set(after.keys).symmetricDifference(before.keys).sorted())")
        // The same call twice gives the same answer: nothing recorded in between.
        let first = try runner.run(["quota", "should-run", "--goal-id", "app", "--format", "json"] + extra, cwd: fixture.project)
        let second = try runner.run(["quota", "should-run", "--goal-id", "app", "--format", "json"] + extra, cwd: fixture.project)
        #expect(first.stdout == second.stdout)
    }

    @Test func aReplayWithNowIgnoresRunsObligationsAndStateChangesAfterIt() throws {
        let runner = try LoopXRunner()
        defer { runner.cleanUp() }
        let fixture = try fixture(runner)
        try fixture.addRun("app", at: "2026-01-01T10:00:00Z", classification: "state_refreshed", extra: [
            "delivery_outcome": "outcome_progress",
        ])
        try fixture.addRun("app", at: "2026-01-01T11:00:00Z", classification: "quota_slot_spent", extra: [
            "quota_event": ["event_type": "quota_slot_spent", "slots": 1],
        ])
        try runner.write("rt/goals/app/obligation.json", """
            {"issued_at": "2026-01-01T10:30:00Z", "kind": "delivery", "must_attempt_work": true, "schema_version": "loopx_obligation_v1"}

            """)
        // The state file was written just now (the wall clock), long after the replayed instant.
        let explain = try runner.run(
            ["rules", "explain", "--goal-id", "app", "--format", "json", "--now", "2026-01-01T09:00:00Z"], cwd: fixture.project)
        #expect(explain.status == 0, "\(explain.stderr)")
        let facts = try JSONParser.parse(explain.stdout)["facts"]
        let history = facts?["history"]?.arrayValue ?? []
        #expect(history.count == 1)
        #expect(history.first?["generated_at"] == "2026-01-01T06:00:00Z")
        #expect(facts?["spend"]?["count"] == 0)
        #expect(facts?["obligation"]?["status"] == "none")
        #expect(facts?["state"]?["modified_at"] == "2026-01-01T09:00:00Z")

        // Live (after every row), the same facts see them all.
        let live = try runner.run(
            ["rules", "explain", "--goal-id", "app", "--format", "json", "--now", "2026-01-01T12:00:00Z"], cwd: fixture.project)
        let liveFacts = try JSONParser.parse(live.stdout)["facts"]
        #expect(liveFacts?["history"]?.arrayValue?.count == 3)
        #expect(liveFacts?["spend"]?["count"] == 1)
        #expect(liveFacts?["obligation"]?["exists"] == true)
    }
}
