import Foundation
import LoopXCore
import LoopXSupport
import Testing
import LoopXRules

@Suite struct ReviewPacketTests {
    static func longState(home: String) -> String {
        let filler = String(repeating: "carefully rework the lifecycle counters and their fixtures ", count: 40)
        return GoalFixture.defaultState.replacingOccurrences(
            of: "- [ ] [P1] Wire the outcome floor into the status page",
            with: "- [ ] [P1] Patch \(home)/proj/src/parser.swift and ~/notes/plan.md then \(filler)")
    }

    @Test func handoffOnlyIsWithinBudgetRedactsPathsAndHasNoPacket() throws {
        let runner = try LoopXRunner()
        defer { runner.cleanUp() }
        var goal = GoalFixture.Goal(id: "app")
        goal.state = Self.longState(home: runner.home.path)
        let fixture = try GoalFixture(runner: runner, goals: [goal])
        let longAction = "rerun " + runner.home.path + "/proj/scripts/check.sh " + String(repeating: "and compare the counters ", count: 60)
        try fixture.addRun("app", at: "2025-12-31T10:00:00Z", classification: "state_refreshed", extra: ["recommended_action": .string(longAction)])
        let runsDir = fixture.runtimeRoot.path + "/goals/app/runs"
        let before = try FileManager.default.contentsOfDirectory(atPath: runsDir).sorted()
        let indexBefore = fixture.bytes(fixture.indexPath("app"))

        let (result, json) = try fixture.json(["review-packet", "--goal-id", "app", "--handoff-only"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(json?["handoff_only"] == true)
        #expect(json?["packet"] == nil)
        #expect(json?["operator_gate_dry_run_command"] == nil)
        #expect(json?["operator_gate_decision_commands"] == nil)
        let handoff = json?["handoff_text"]?.stringValue ?? ""
        #expect(handoff == json?["project_agent_handoff"]?.stringValue)
        #expect(handoff.split(separator: "\n", omittingEmptySubsequences: false).count <= 16)
        #expect(handoff.count <= 1800)
        #expect(json?["handoff_interface_budget"]?["within_budget"] == true)
        #expect(json?["handoff_interface_budget"]?["char_count"] == .int(Int64(handoff.count)))
        #expect(!handoff.contains(runner.home.path))
        #expect(!handoff.contains("~/notes"))
        #expect(handoff.contains("Agent todo: [P1] Patch <local-path> and <local-path> then"))
        for needle in ["Goal guard:", "Forward when:", "Execution boundary:", "Stop when:", "```bash\nloopx history --goal-id app --limit 3\n```"] {
            #expect(handoff.contains(needle), "missing \(needle)")
        }
        #expect(json?["kind"] == "codex")

        let (_, full) = try fixture.json(["review-packet", "--goal-id", "app"])
        #expect(full?["packet"]?.stringValue?.contains("<local-path>") == true)
        #expect(!(try #require(full.map { JSONWriter(sortedKeys: true, pretty: false).string($0) })).contains(runner.home.path))

        let markdown = try runner.run(["review-packet", "--goal-id", "app", "--handoff-only"], cwd: fixture.project)
        #expect(markdown.stdout == handoff + "\n")
        // Read-only: no run, no artifact, no lock file.
        #expect(try FileManager.default.contentsOfDirectory(atPath: runsDir).sorted() == before)
        #expect(fixture.bytes(fixture.indexPath("app")) == indexBefore)
    }

    @Test func approvedGateMakesACodexPacketWithTheApprovedCommand() throws {
        let runner = try LoopXRunner()
        defer { runner.cleanUp() }
        let fixture = try GoalFixture(runner: runner, goals: [.init(id: "app", adapterStatus: "planned")])
        let (gated, before) = try fixture.json(["review-packet", "--goal-id", "app"])
        #expect(gated.status == 0, "\(gated.stderr)")
        #expect(before?["kind"] == "controller")
        #expect(before?["waiting_on"] == "user_or_controller")
        #expect(before?["question"]?.stringValue?.hasPrefix("Approve a read-only project map opt-in for app?") == true)
        #expect(before?["operator_gate_decision_commands"]?["approve"]?.stringValue?.hasPrefix("loopx operator-gate --goal-id app --decision approve") == true)
        #expect(before?["packet"]?.stringValue?.contains("[User-local gate draft]") == true)

        let gate = try runner.run(["operator-gate", "--goal-id", "app", "--decision", "approve", "--reason", "scope ok", "--agent-command", "loopx read-only-map --goal-id app"], cwd: fixture.project)
        #expect(gate.status == 0, "\(gate.stderr)")
        let (_, after) = try fixture.json(["review-packet", "--goal-id", "app"])
        #expect(after?["kind"] == "codex")
        #expect(after?["waiting_on"] == "codex")
        #expect(after?["status"] == "operator_gate_approved")
        #expect(after?["attention"]?["agent_command"] == "loopx read-only-map --goal-id app")
        #expect(after?["project_agent_command"] == "loopx read-only-map --goal-id app")
        #expect(after?["latest_run"]?["operator_gate"]?["decision"] == "approve")
    }

    @Test func rewardKindAndChinesePacketShowTheMergedReward() throws {
        let runner = try LoopXRunner()
        defer { runner.cleanUp() }
        let fixture = try GoalFixture(runner: runner, goals: [.init(id: "app")])
        try fixture.addRun(
            "app", at: "2025-12-31T10:00:00Z", classification: "needs_human_reward",
            extra: ["controller_readiness": ["ready": false, "missing_gates": ["human_reward_capture"]]])
        let indexBefore = fixture.bytes(fixture.indexPath("app"))
        let (_, json) = try fixture.json(["review-packet", "--goal-id", "app", "--lang", "zh"])
        #expect(fixture.bytes(fixture.indexPath("app")) == indexBefore)
        #expect(json?["kind"] == "reward")
        #expect(json?["project_agent_command"] == "loopx history --goal-id app --limit 3")
        let packet = json?["packet"]?.stringValue ?? ""
        #expect(packet.hasPrefix("【LoopX Review Packet】目标 app"))
        #expect(packet.contains("【人只需判断】"))
        #expect(packet.contains("【给项目 Agent】\n目标守卫：本交接只针对目标 app"))
        #expect(packet.hasSuffix("请用中文汇报：改动文件、验证结果和下一步。"))

        let reward = try runner.run([
            "reward", "--goal-id", "app", "--decision", "continue_route", "--reward", "positive", "--reason-summary", "good",
            "--lesson-kind", "route", "--lesson-summary", "keep segments small", "--lesson-avoid", "large rewrites",
        ], cwd: fixture.project)
        #expect(reward.status == 0, "\(reward.stderr)")
        let (_, merged) = try fixture.json(["review-packet", "--goal-id", "app"])
        #expect(merged?["latest_run"]?["human_reward"]?["lesson"]?["avoid"] == ["large rewrites"])
        #expect(merged?["latest_run"]?["classification"] == "needs_human_reward")
    }
}
