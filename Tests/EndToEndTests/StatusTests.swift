import Foundation
import LoopXRules
import LoopXSupport
import Testing

@Suite struct StatusTests {
    static let schemaPath = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("docs/schemas/status.schema.json").path

    func fixture(_ runner: LoopXRunner) throws -> GoalFixture {
        let fixture = try GoalFixture(runner: runner, goals: [
            .init(id: "fresh-map"),
            .init(id: "gated", adapterKind: "sample_read_only_map_v0", adapterStatus: "planned"),
            .init(id: "mapped", adapterKind: "generic_project_goal_v0", adapterStatus: "connected"),
        ])
        try fixture.addRun("mapped", at: "2025-12-31T10:00:00Z", classification: "read_only_project_map")
        return fixture
    }

    @Test func matchesTheDocumentedSchemaWithOneActionPerItem() throws {
        let runner = try LoopXRunner()
        defer { runner.cleanUp() }
        let fixture = try fixture(runner)
        let (result, json) = try fixture.json(["status"])
        #expect(result.status == 0, "\(result.stderr)")
        let status = try #require(json)
        let schema = try JSONParser.parse(String(contentsOfFile: StatusTests.schemaPath, encoding: .utf8))
        #expect(MiniSchema.violations(of: status, against: schema) == [])
        let items = status["attention_queue"]?["items"]?.arrayValue ?? []
        let byGoal = Dictionary(items.map { ($0["goal_id"]?.stringValue ?? "", $0) }, uniquingKeysWith: { a, _ in a })
        #expect(byGoal["fresh-map"]?["status"] == "connected_without_run")
        #expect(byGoal["fresh-map"]?["waiting_on"] == "codex")
        #expect(byGoal["gated"]?["waiting_on"] == "user_or_controller")
        #expect(byGoal["gated"]?["operator_question"]?.stringValue?.isEmpty == false)
        for item in items {
            #expect(item["recommended_action"]?.stringValue?.isEmpty == false, "item without an action: \(item)")
        }
        #expect(status["attention_queue"]?["needs_user_or_controller"] == .int(1))
        let goals = status["run_history"]?["goals"]?.arrayValue ?? []
        #expect(goals.map { $0["id"]?.stringValue ?? "" } == ["fresh-map", "gated", "mapped"])
        #expect(goals.last?["latest_runs"]?.arrayValue?.first?["classification"] == "read_only_project_map")
    }

    @Test func anApprovedOperatorGateMakesTheGoalWaitOnTheAgentWithItsCommand() throws {
        let runner = try LoopXRunner()
        defer { runner.cleanUp() }
        let fixture = try fixture(runner)
        let gate = try fixture.json([
            "operator-gate", "--goal-id", "gated", "--decision", "approve", "--reason", "read-only map is fine",
            "--no-global-sync",
        ])
        #expect(gate.0.status == 0, "\(gate.0.stderr)")
        let (_, json) = try fixture.json(["status", "--goal-id", "gated"])
        let items = json?["attention_queue"]?["items"]?.arrayValue ?? []
        let item = try #require(items.first { $0["goal_id"] == "gated" })
        #expect(item["waiting_on"] == "codex")
        #expect(item["agent_command"]?.stringValue?.contains("read-only-map --goal-id gated") == true)
        #expect(json?["goal_filter"] == "gated")
        #expect(json?["run_history"]?["goals"]?.arrayValue?.count == 1)
    }

    @Test func reportsALapsedObligationAfterTheNextHeartbeat() throws {
        let runner = try LoopXRunner()
        defer { runner.cleanUp() }
        let fixture = try fixture(runner)
        let decide = try runner.run(
            ["quota", "should-run", "--goal-id", "mapped", "--format", "json"], cwd: fixture.project,
            environment: ["LOOPX_NOW": "2026-01-01T08:00:00Z"])
        #expect(try JSONParser.parse(decide.stdout)["execution_obligation"]?["must_attempt_work"] == true)
        let later = try runner.run(
            ["status", "--format", "json"], cwd: fixture.project, environment: ["LOOPX_NOW": "2026-01-01T09:00:00Z"])
        let lapsed = try JSONParser.parse(later.stdout)["lapsed_obligations"]?.arrayValue ?? []
        #expect(lapsed.map { $0["goal_id"]?.stringValue ?? "" } == ["mapped"])
        #expect(lapsed.first?["issued_at"] == "2026-01-01T08:00:00Z")
        let markdown = try runner.run(["status"], cwd: fixture.project, environment: ["LOOPX_NOW": "2026-01-01T09:00:00Z"])
        #expect(markdown.stdout.contains("## Lapsed obligations"))
        #expect(markdown.stdout.contains("- `mapped`: "))
    }

    /// `status` carries each goal's `project_asset.orchestration`, the same value should-run
    /// answers in `goal_boundary.orchestration`, with the spawn policy and coordination.
    @Test func carriesEachGoalsOrchestrationLikeShouldRun() throws {
        let runner = try LoopXRunner()
        defer { runner.cleanUp() }
        let fixture = try fixture(runner)
        try patchGoal(fixture, "mapped", [
            "spawn_policy": ["mode": "multi_subagent", "allowed": true, "max_children": 2, "allowed_domains": ["docs"]],
            "coordination": ["write_scope": ["src/**"]],
        ])
        let (result, json) = try fixture.json(["status"])
        #expect(result.status == 0, "\(result.stderr)")
        let goals = json?["run_history"]?["goals"]?.arrayValue ?? []
        let mapped = goals.first { $0["id"] == "mapped" }
        let asset = mapped?["project_asset"]
        #expect(asset?["orchestration"]?["mode"] == "multi_subagent")
        #expect(asset?["orchestration"]?["spawn_allowed"] == true)
        #expect(asset?["orchestration"]?["max_children"] == 2)
        #expect(asset?["orchestration"]?["allowed_domains"] == ["docs"])
        #expect(asset?["coordination"]?["write_scope"] == ["src/**"])
        #expect(asset?["spawn_policy"]?["allowed"] == true)
        let (_, decided) = try fixture.json(["quota", "should-run", "--goal-id", "mapped", "--read-only"])
        #expect(decided?["goal_boundary"]?["orchestration"] == asset?["orchestration"])
        let fresh = goals.first { $0["id"] == "fresh-map" }
        #expect(fresh?["project_asset"]?["orchestration"]?["mode"] == "default")
    }

    @Test func isDeterministic() throws {
        let runner = try LoopXRunner()
        defer { runner.cleanUp() }
        let fixture = try fixture(runner)
        let first = try fixture.json(["status"]).0.stdout
        let second = try fixture.json(["status"]).0.stdout
        #expect(first == second)
        #expect(!first.isEmpty)
    }
}
