import Foundation
import LoopXRules
import LoopXSupport
import Testing

/// `history` reports `raw_index_records` and `unique_runs` (as the original's goal record
/// does) from the appender's side count, without reading the whole index.
@Suite struct HistoryCountTests {
    func counts(_ fixture: GoalFixture, _ extra: [String] = []) throws -> JSONValue? {
        let (result, json) = try fixture.json(["history", "--goal-id", "app"] + extra)
        #expect(result.status == 0, "\(result.stderr)")
        return json?["goals"]?.arrayValue?.first
    }

    @Test func theAppenderKeepsTheCountsAndStaleCountsAreRecounted() throws {
        let runner = try LoopXRunner()
        defer { runner.cleanUp() }
        let fixture = try GoalFixture(runner: runner, goals: [.init(id: "app")])
        for minute in 1...3 {
            let refresh = try runner.run(
                ["refresh-state", "--goal-id", "app", "--no-global-sync", "--now", "2026-01-01T07:0\(minute):00Z"], cwd: fixture.project)
            #expect(refresh.status == 0, "\(refresh.stderr)")
        }
        let reward = try runner.run(
            ["reward", "--goal-id", "app", "--decision", "continue_route", "--reward", "positive", "--reason-summary", "good"],
            cwd: fixture.project)
        #expect(reward.status == 0, "\(reward.stderr)")

        let goal = try counts(fixture)
        #expect(goal?["raw_index_records"] == 4)
        #expect(goal?["unique_runs"] == 3)
        #expect(goal?["record_count_source"] == "side_count")
        let full = try counts(fixture, ["--count-records"])
        #expect(full?["raw_index_records"] == 4)
        #expect(full?["unique_runs"] == 3)

        // Another tool appends a row: the side count is stale and `history` counts the index.
        let row = #"{"classification":"state_refreshed","generated_at":"2026-01-01T07:30:00Z","goal_id":"app","json_path":"x.json","markdown_path":"x.md"}"#
        try runner.write(fixture.indexPath("app"), try runner.read(fixture.indexPath("app")) + row + "\n")
        let stale = try counts(fixture)
        #expect(stale?["raw_index_records"] == 5)
        #expect(stale?["unique_runs"] == 4)
        #expect(stale?["record_count_source"] == "full_scan")
        // The next loopx append recounts, and the side count is current again.
        _ = try runner.run(["refresh-state", "--goal-id", "app", "--no-global-sync", "--now", "2026-01-01T07:40:00Z"], cwd: fixture.project)
        let fresh = try counts(fixture)
        #expect(fresh?["raw_index_records"] == 6)
        #expect(fresh?["unique_runs"] == 5)
        #expect(fresh?["record_count_source"] == "side_count")
    }

    @Test(arguments: ["not json", #"{"bytes": -1, "rows": 1, "runs": 1}"#, #"{"bytes": 0, "rows": 1, "runs": 9}"#, "{\"bytes\": 1, \"bytes\": 2}", ""])
    func aCorruptOrHostileCountFileIsIgnoredAndRecounted(_ text: String) throws {
        let runner = try LoopXRunner()
        defer { runner.cleanUp() }
        let fixture = try GoalFixture(runner: runner, goals: [.init(id: "app")])
        try fixture.addRun("app", at: "2025-12-31T10:00:00Z", classification: "state_refreshed")
        try fixture.addRun("app", at: "2025-12-31T11:00:00Z", classification: "state_refreshed")
        try runner.write("rt/goals/app/runs/index.count.json", text)
        let goal = try counts(fixture)
        #expect(goal?["raw_index_records"] == 2)
        #expect(goal?["unique_runs"] == 2)
        #expect(goal?["record_count_source"] == "full_scan")
    }

    @Test func aGoalWithoutAnIndexCountsZero() throws {
        let runner = try LoopXRunner()
        defer { runner.cleanUp() }
        let fixture = try GoalFixture(runner: runner, goals: [.init(id: "app")])
        let goal = try counts(fixture)
        #expect(goal?["raw_index_records"] == 0)
        #expect(goal?["unique_runs"] == 0)
        #expect(goal?["record_count_source"] == "no_index")
    }
}
