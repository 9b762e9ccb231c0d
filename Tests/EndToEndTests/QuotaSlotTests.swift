import Foundation
import LoopXCore
import LoopXSupport
import Testing
import LoopXRules

/// Sets keys of a goal's registry entry in a fixture project.
func patchGoal(_ fixture: GoalFixture, _ id: String, _ fields: JSONObject) throws {
    let path = "proj/.loopx/registry.json"
    guard case .object(var registry) = try JSONParser.parse(try fixture.runner.read(path)),
        var goals = registry["goals"]?.arrayValue,
        let index = goals.firstIndex(where: { $0["id"]?.stringValue == id }),
        case .object(var entry) = goals[index]
    else { throw CommandFailure("no goal \(id) in the fixture registry") }
    for field in fields { entry[field.key] = field.value }
    goals[index] = .object(entry)
    registry["goals"] = .array(goals)
    try fixture.runner.write(path, JSONWriter(sortedKeys: true, pretty: true).string(.object(registry)) + "\n")
}

@Suite struct QuotaSlotTests {
    @Test func spendSlotPreviewsByDefaultAndExecuteAppendsOneRow() throws {
        let runner = try LoopXRunner()
        defer { runner.cleanUp() }
        let fixture = try GoalFixture(runner: runner, goals: [.init(id: "app")])
        let registryBefore = fixture.bytes("proj/.loopx/registry.json")

        let (preview, previewJSON) = try fixture.json(["quota", "spend-slot", "--goal-id", "app"])
        #expect(preview.status == 0, "\(preview.stderr)")
        #expect(previewJSON?["dry_run"] == true)
        #expect(previewJSON?["appended"] == false)
        #expect(previewJSON?["before"]?["spent_slots"] == 0)
        #expect(previewJSON?["after"]?["spent_slots"] == 1)
        #expect(!FileManager.default.fileExists(atPath: runner.home.appendingPathComponent(fixture.indexPath("app")).path))

        let (spent, json) = try fixture.json(["quota", "spend-slot", "--goal-id", "app", "--execute", "--source", "controller", "--agent-id", "a1"])
        #expect(spent.status == 0, "\(spent.stderr)")
        #expect(json?["mode"] == "spend-slot")
        #expect(json?["appended"] == true)
        #expect(json?["registry_mutated"] == false)
        #expect(json?["would_throttle"] == false)
        #expect(json?["allowed_by"] == "should_run:run")
        let rows = try fixture.rows("app")
        #expect(rows.count == 1)
        #expect(rows.first?["classification"] == "quota_slot_spent")
        #expect(rows.first?["slots"] == 1)
        #expect(rows.first?["source"] == "controller")
        #expect(rows.first?["agent_id"] == "a1")
        let jsonPath = json?["json_path"]?.stringValue ?? ""
        #expect(jsonPath.hasSuffix("/rt/goals/app/runs/2026-01-01T08-00-00Z-quota-slot-spent.json"))
        let artifact = try JSONParser.parse(String(contentsOfFile: jsonPath, encoding: .utf8))
        #expect(artifact["quota_event"]?["event_type"] == "quota_slot_spent")
        #expect(artifact["quota_event"]?["before"]?["spent_slots"] == 0)
        for forbidden in ["human_reward", "operator_gate", "write_control", "private_evidence", "agent_command"] {
            #expect(artifact["quota_event"]?[forbidden] == nil)
        }
        #expect(FileManager.default.fileExists(atPath: json?["markdown_path"]?.stringValue ?? ""))
        #expect(fixture.bytes("proj/.loopx/registry.json") == registryBefore)

        let (_, after) = try fixture.json(["quota", "should-run", "--goal-id", "app"])
        #expect(after?["quota"]?["spent_slots"] == 1)
    }

    @Test func theLastSlotWouldThrottleAndTheNextSpendIsRefused() throws {
        let runner = try LoopXRunner()
        defer { runner.cleanUp() }
        let fixture = try GoalFixture(runner: runner, goals: [.init(id: "app")])
        try patchGoal(fixture, "app", ["quota": ["allowed_slots": 1]])
        let (first, json) = try fixture.json(["quota", "spend-slot", "--goal-id", "app", "--execute"])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(json?["would_throttle"] == true)
        #expect(json?["after"]?["state"] == "throttled")
        #expect(json?["after"]?["should_run"] == false)

        let (second, refused) = try fixture.json(["quota", "spend-slot", "--goal-id", "app", "--execute"])
        #expect(second.status == 1)
        #expect(refused?["ok"] == false)
        #expect(refused?["refused"] == true)
        #expect(refused?["appended"] == false)
        #expect(refused?["reason"]?.stringValue?.contains("throttled") == true)
        #expect(try fixture.rows("app").count == 1)
    }

    @Test func spendingForAnUnknownGoalIsRefused() throws {
        let runner = try LoopXRunner()
        defer { runner.cleanUp() }
        let fixture = try GoalFixture(runner: runner, goals: [.init(id: "app")])
        let (result, json) = try fixture.json(["quota", "spend-slot", "--goal-id", "ghost", "--execute"])
        #expect(result.status == 1)
        #expect(json?["ok"] == false)
        #expect(json?["error"]?["code"] == "unknown_goal")
        #expect(!FileManager.default.fileExists(atPath: runner.home.appendingPathComponent("rt/goals/ghost").path))
        let (usage, _) = try fixture.json(["quota", "spend-slot", "--goal-id", "app", "--slots", "0"])
        #expect(usage.status == 2)
    }

    @Test func voidSlotAppendsACorrectionThatGivesTheSlotBack() throws {
        let runner = try LoopXRunner()
        defer { runner.cleanUp() }
        let fixture = try GoalFixture(runner: runner, goals: [.init(id: "app")])
        try patchGoal(fixture, "app", ["quota": ["allowed_slots": 1]])
        _ = try fixture.json(["quota", "spend-slot", "--goal-id", "app", "--execute"])
        let (throttled, _) = try fixture.json(["quota", "should-run", "--goal-id", "app"])
        #expect(throttled.status == 0)

        let void = ["quota", "void-slot", "--goal-id", "app", "--void-generated-at", "2026-01-01T08:00:00Z", "--reason-summary", "spent twice"]
        let (preview, previewJSON) = try fixture.json(void + ["--dry-run"])
        #expect(preview.status == 0, "\(preview.stderr)")
        #expect(previewJSON?["appended"] == false)
        #expect(try fixture.rows("app").count == 1)

        let (voided, json) = try fixture.json(void)
        #expect(voided.status == 0, "\(voided.stderr)")
        #expect(json?["slots"] == 1)
        let rows = try fixture.rows("app")
        #expect(rows.count == 2)
        #expect(rows.last?["classification"] == "quota_slot_voided")
        #expect(rows.last?["voided_generated_at"] == "2026-01-01T08:00:00Z")
        let (_, decision) = try fixture.json(["quota", "should-run", "--goal-id", "app"])
        #expect(decision?["quota"]?["spent_slots"] == 0)
        #expect(decision?["state"] == "eligible")

        let (again, _) = try fixture.json(void)
        #expect(again.status == 1)
        let (missing, _) = try fixture.json(["quota", "void-slot", "--goal-id", "app", "--void-generated-at", "2025-01-01T00:00:00Z", "--reason-summary", "x"])
        #expect(missing.status == 1)
    }
}
