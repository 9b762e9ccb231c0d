import Foundation
import LoopXCore
import Testing

@Suite struct QuotaPlanTests {
    /// Three goals: two eligible (one with more compute), one throttled.
    func threeGoals(_ runner: LoopXRunner) throws -> GoalFixture {
        let fixture = try GoalFixture(runner: runner, goals: [.init(id: "alpha"), .init(id: "beta"), .init(id: "gamma")])
        try patchGoal(fixture, "alpha", ["quota": ["compute": 0.5]])
        try patchGoal(fixture, "gamma", ["quota": ["allowed_slots": 1]])
        _ = try fixture.json(["quota", "spend-slot", "--goal-id", "gamma", "--execute"])
        return fixture
    }

    @Test func planGroupsGoalsByStateAndNamesTheNextAutomaticTurn() throws {
        let runner = try LoopXRunner()
        defer { runner.cleanUp() }
        let fixture = try threeGoals(runner)
        let (result, json) = try fixture.json(["quota", "plan"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(json?["mode"] == "plan")
        #expect(json?["goal_count"] == 3)
        #expect(json?["run_count"] == 1)
        let eligible = json?["groups"]?["eligible"]?.arrayValue?.compactMap { $0["goal_id"]?.stringValue }
        #expect(eligible == ["beta", "alpha"])  // higher compute first
        #expect(json?["groups"]?["throttled"]?.arrayValue?.first?["goal_id"] == "gamma")
        #expect(json?["groups"]?["throttled"]?.arrayValue?.first?["quota"]?["spent_slots"] == 1)
        #expect(json?["next_automatic_turn"]?["goal_id"] == "beta")
        #expect(json?["summary"]?["next_automatic_turn"] == "beta")
        #expect(json?["summary"]?["states"] == ["eligible": 2, "throttled": 1])
        let item = json?["groups"]?["eligible"]?.arrayValue?.first
        #expect(item?["waiting_on"] == "codex")
        #expect(item?["adapter_kind"] == "read_only_project_map_v0")
    }

    @Test func planMarkdownOmitsEmptyGroupsAndStatusShowsThem() throws {
        let runner = try LoopXRunner()
        defer { runner.cleanUp() }
        let fixture = try threeGoals(runner)
        let plan = try runner.run(["quota", "plan"], cwd: fixture.project)
        #expect(plan.status == 0, "\(plan.stderr)")
        #expect(plan.stdout.contains("## eligible (2)"))
        #expect(plan.stdout.contains("## throttled (1)"))
        #expect(!plan.stdout.contains("## paused"))
        let status = try runner.run(["quota", "status"], cwd: fixture.project)
        #expect(status.stdout.contains("## paused (0)"))
        let order = ["## blocked_health", "## operator_gate", "## focus_wait", "## eligible", "## waiting", "## throttled", "## paused"]
        let positions = order.compactMap { status.stdout.range(of: $0)?.lowerBound }
        #expect(positions.count == order.count)
        #expect(positions == positions.sorted())
    }
}
