import Foundation
import LoopXCore
import LoopXSupport
import Testing
import LoopXRules

@Suite struct OperatorGateTests {
    @Test func approvalWritesTheAgentReadyRowWithArtifacts() throws {
        let runner = try LoopXRunner()
        defer { runner.cleanUp() }
        let fixture = try GoalFixture(runner: runner, goals: [.init(id: "app", adapterStatus: "planned")])
        let (result, json) = try fixture.json([
            "operator-gate", "--goal-id", "app", "--decision", "approve", "--reason-summary", "read-only scope reviewed",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(json?["appended"] == true)
        let rows = try fixture.rows("app")
        #expect(rows.count == 1)
        let row = rows.first
        #expect(row?["classification"] == "operator_gate_approved")
        #expect(row?["generated_at"] == "2026-01-01T08:00:00Z")
        #expect(row?["operator_gate"]?["decision"] == "approve")
        #expect(row?["operator_gate"]?["gate"] == "read_only_map_opt_in")
        #expect(row?["operator_gate"]?["agent_command"] == "loopx read-only-map --goal-id app --dry-run")
        #expect(row?["health_check"] == "operator_gate decision=approve; registry_goal 1/1; agent_command 1/1")
        let jsonPath = row?["json_path"]?.stringValue ?? ""
        let mdPath = row?["markdown_path"]?.stringValue ?? ""
        #expect(jsonPath.hasSuffix("/rt/goals/app/runs/2026-01-01T08-00-00Z-operator-gate.json"))
        let artifact = try JSONParser.parse(String(contentsOfFile: jsonPath, encoding: .utf8))
        #expect(artifact["registry_goal"]?["adapter"]?["status"] == "planned")
        #expect(artifact["operator_gate"] == row?["operator_gate"])
        #expect(try String(contentsOfFile: mdPath, encoding: .utf8).contains("```bash\nloopx read-only-map --goal-id app --dry-run\n```"))
        // The readers the attention rules use see the approval as the newest run.
        let newest = RunHistory(goalDirectory: fixture.runtimeRoot.path + "/goals/app").newest(limit: 1).first
        #expect(newest?.classification == "operator_gate_approved")
        #expect(newest?.fields["operator_gate"]?["agent_command"] == "loopx read-only-map --goal-id app --dry-run")
    }

    @Test func rejectKeepsTheGoalGatedAndDryRunWritesNothing() throws {
        let runner = try LoopXRunner()
        defer { runner.cleanUp() }
        let fixture = try GoalFixture(runner: runner, goals: [.init(id: "app", adapterStatus: "planned")])
        let (preview, previewJSON) = try fixture.json([
            "operator-gate", "--goal-id", "app", "--decision", "reject", "--reason", "too broad", "--dry-run",
        ])
        #expect(preview.status == 0, "\(preview.stderr)")
        #expect(previewJSON?["appended"] == false)
        #expect(previewJSON?["classification"] == "operator_gate_rejected")
        #expect(!FileManager.default.fileExists(atPath: fixture.runtimeRoot.path + "/goals"))
        #expect(!FileManager.default.fileExists(atPath: fixture.runtimeRoot.path + "/registry.global.json"))

        let (_, json) = try fixture.json(["operator-gate", "--goal-id", "app", "--decision", "defer", "--reason", "later", "--lang", "zh"])
        let gate = json?["operator_gate"]
        #expect(gate?["agent_command"] == nil)
        #expect(gate?["operator_question"]?.stringValue?.hasPrefix("是否批准目标 app") == true)
        #expect(json?["classification"] == "operator_gate_deferred")
        #expect(try fixture.rows("app").count == 1)
    }

    @Test func refusesBadDecisionsAndPrivateText() throws {
        let runner = try LoopXRunner()
        defer { runner.cleanUp() }
        let fixture = try GoalFixture(runner: runner, goals: [.init(id: "app")])
        let bad = try runner.run(["operator-gate", "--goal-id", "app", "--decision", "maybe", "--reason", "x"], cwd: fixture.project)
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("invalid --decision 'maybe'"))
        let secret = try runner.run(
            ["operator-gate", "--goal-id", "app", "--decision", "approve", "--reason", "ok", "--agent-command", "curl -H 'Authorization: x'"],
            cwd: fixture.project)
        #expect(secret.status == 2)
        #expect(secret.stderr.contains("--agent-command is not public-safe"))
        let unknown = try runner.run(["operator-gate", "--goal-id", "nope", "--decision", "approve", "--reason", "ok"], cwd: fixture.project)
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("goal 'nope' is not in the registry"))
        #expect(!FileManager.default.fileExists(atPath: fixture.runtimeRoot.path + "/goals"))
    }
}
