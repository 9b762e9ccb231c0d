import Foundation
import LoopXCore
import Testing

/// `quota should-run` reads its arguments with a small dedicated reader on the heartbeat path
/// and falls back to the full parser for anything else. Both must behave identically:
/// same output, same errors, same exit status, for plain lines and odd ones alike.
@Suite struct ShouldRunArgumentsTests {
    static let lines: [[String]] = [
        ["quota", "should-run", "--goal-id", "app", "--format", "json"],
        ["--format", "json", "quota", "should-run", "--goal-id=app"],
        ["quota", "should-run", "--goal-id", "app", "--trace"],
        ["quota", "should-run", "--goal-id", "app", "--trace=full", "--format=json"],
        ["quota", "should-run", "--goal-id", "app", "--agent-id", "agent-7", "--now", "2026-01-02T00:00:00Z", "--format", "json"],
        ["quota", "should-run", "--goal-id", "missing-goal", "--format", "json"],
        ["quota", "should-run", "--goal-id", "../escape"],
        ["quota", "should-run"],
        ["quota", "should-run", "--goal", "app"],
        ["quota", "should-run", "--goal-id", "app", "--goal-id", "other"],
        ["quota", "should-run", "--goal-id", "app", "--format", "yaml"],
        ["quota", "should-run", "--goal-id", "app", "--help"],
        ["quota", "should-run", "--goal-id", "app", "--rules", "no-such-layer.yaml"],
        ["quota", "should-run", "--goal-id", "app", "-x"],
        ["quota", "should-run", "--goal-id"],
        ["--now", "not-a-time", "quota", "should-run", "--goal-id", "app"],
        ["quota", "should-run", "--goal-id", "app", "--read-only", "--format", "json"],
        ["quota", "should-run", "--read-only", "--goal-id=app", "--trace"],
        ["quota", "should-run", "--goal-id", "app", "--read-only=yes"],
        ["quota", "should-run", "--goal-id", "app", "--read-only", "--read-only"],
    ]

    @Test(arguments: lines) func theHeartbeatReaderAgreesWithTheFullParser(_ arguments: [String]) throws {
        let runner = try LoopXRunner()
        defer { runner.cleanUp() }
        let fixture = try GoalFixture(runner: runner, goals: [.init(id: "app")])
        func run(_ environment: [String: String]) throws -> LoopXRunner.Result {
            // Each run starts from the same files: should-run records the obligation it issues.
            try? FileManager.default.removeItem(at: fixture.runtimeRoot.appendingPathComponent("goals/app/obligation.json"))
            try? FileManager.default.removeItem(at: fixture.runtimeRoot.appendingPathComponent("goals/app/decisions.jsonl"))
            return try runner.run(arguments, cwd: fixture.project, environment: environment)
        }
        let fast = try run([:])
        let full = try run(["LOOPX_FAST_ARGS": "off"])
        #expect(fast.status == full.status)
        #expect(fast.stdout == full.stdout)
        #expect(fast.stderr == full.stderr)
        #expect(!(fast.stdout + fast.stderr).isEmpty)
    }
}
