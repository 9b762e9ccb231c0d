import Foundation
import LoopXRules
import LoopXSupport
import Testing

/// `configure-goal` and `register-agent`: validated, atomic, a preview until `--execute`.
@Suite struct ConfigureGoalTests {
    func goal(_ fixture: GoalFixture) throws -> JSONValue {
        let registry = try JSONParser.parse(try fixture.runner.read("proj/.loopx/registry.json"))
        return try #require(registry["goals"]?.arrayValue?.first)
    }

    @Test func previewsByDefaultThenWritesWithExecute() throws {
        let runner = try LoopXRunner()
        defer { runner.cleanUp() }
        let fixture = try GoalFixture(runner: runner, goals: [.init(id: "app")])
        let before = fixture.bytes("proj/.loopx/registry.json")
        let arguments = ["configure-goal", "--goal-id", "app", "--waiting-on", "codex", "--adapter-status", "connected",
                         "--quota-compute", "0.5", "--quota-window-hours", "12", "--write-scope", "docs/**", "--no-spawn-allowed"]
        let (preview, json) = try fixture.json(arguments)
        #expect(preview.status == 0, "\(preview.stderr)")
        #expect(json?["dry_run"] == true)
        #expect(json?["written"] == false)
        let fields = json?["changes"]?.arrayValue?.compactMap { $0["field"]?.stringValue } ?? []
        #expect(fields == ["waiting_on", "adapter.status", "quota.compute", "quota.window_hours", "coordination.write_scope", "spawn_policy.allowed"])
        #expect(json?["changes"]?.arrayValue?[1]["before"] == "connected-read-only")
        #expect(fixture.bytes("proj/.loopx/registry.json") == before, "a preview writes nothing")

        let (written, result) = try fixture.json(arguments + ["--execute"])
        #expect(written.status == 0, "\(written.stderr)")
        #expect(result?["written"] == true)
        let entry = try goal(fixture)
        #expect(entry["waiting_on"] == "codex")
        #expect(entry["adapter"]?["status"] == "connected")
        #expect(entry["adapter"]?["kind"] == "read_only_project_map_v0", "fields not named are kept")
        #expect(entry["quota"]?["compute"] == .double(0.5))
        #expect(entry["quota"]?["window_hours"] == 12)
        #expect(entry["coordination"]?["write_scope"] == ["docs/**"])
        #expect(entry["spawn_policy"]?["allowed"] == false)
        #expect(result?["global_sync"]?["ok"] == true)

        // Rerunning with the same values changes nothing and says so.
        let (again, same) = try fixture.json(arguments + ["--execute"])
        #expect(again.status == 0)
        #expect(same?["changes"] == [])
        #expect(same?["written"] == false)

        // The override reaches the rules: the goal now waits on the agent.
        let (_, decision) = try fixture.json(["quota", "should-run", "--goal-id", "app"])
        #expect(decision?["waiting_on"] == "codex")
        // --clear-waiting-on removes it again.
        _ = try fixture.json(["configure-goal", "--goal-id", "app", "--clear-waiting-on", "--execute"])
        #expect(try goal(fixture)["waiting_on"] == nil)
    }

    @Test(arguments: [
        ["--waiting-on", "nobody"], ["--quota-compute", "1.5"], ["--quota-compute", "nan"], ["--quota-window-hours", "0"],
        ["--quota-window-hours", "9223372036854775807"], ["--quota-slot-minutes", "-1"], ["--quota-allowed-slots", "-3"],
        ["--max-children", "1001"], ["--write-scope", "../outside"], ["--orchestration-mode", "swarm"],
        ["--registered-agent", "bad/agent!"], ["--primary-agent", "someone-else", "--registered-agent", "codex-main"],
        ["--adapter-kind", "has space"], [],
    ])
    func refusesBadValuesWithUsageAndWritesNothing(_ extra: [String]) throws {
        let runner = try LoopXRunner()
        defer { runner.cleanUp() }
        let fixture = try GoalFixture(runner: runner, goals: [.init(id: "app")])
        let before = fixture.bytes("proj/.loopx/registry.json")
        let result = try runner.run(["configure-goal", "--goal-id", "app", "--execute"] + extra, cwd: fixture.project)
        #expect(result.status == 2, "\(extra): \(result.stdout) \(result.stderr)")
        #expect(!result.stderr.isEmpty)
        #expect(fixture.bytes("proj/.loopx/registry.json") == before)
    }

    @Test func unknownGoalIsNotOK() throws {
        let runner = try LoopXRunner()
        defer { runner.cleanUp() }
        let fixture = try GoalFixture(runner: runner, goals: [.init(id: "app")])
        let result = try runner.run(["configure-goal", "--goal-id", "nope", "--waiting-on", "codex", "--execute"], cwd: fixture.project)
        #expect(result.status != 0)
        #expect(result.stderr.contains("nope"))
    }

    @Test func registerAgentAddsOnceAndSetsThePrimary() throws {
        let runner = try LoopXRunner()
        defer { runner.cleanUp() }
        let fixture = try GoalFixture(runner: runner, goals: [.init(id: "app")])
        let (first, json) = try fixture.json(
            ["register-agent", "--goal-id", "app", "--agent-id", "codex-main,claude-side", "--primary-agent", "codex-main", "--execute"])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(json?["mode"] == "register-agent")
        _ = try fixture.json(["register-agent", "--goal-id", "app", "--agent-id", "codex-main", "--execute"])
        let coordination = try goal(fixture)["coordination"]
        #expect(coordination?["registered_agents"] == ["codex-main", "claude-side"])
        #expect(coordination?["primary_agent"] == "codex-main")
    }
}
