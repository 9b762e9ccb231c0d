import Foundation
import LoopXRules
import Testing

/// Writers say what they did not do: a `connect` rerun names each passed value it kept, a
/// missing goal document is warned about, and an approval whose default command cannot run
/// for the goal's adapter is refused.
@Suite struct HonestWritesTests {
    @Test func aConnectRerunReportsEachKeptFieldAndHowToReplaceIt() throws {
        let runner = try LoopXRunner()
        defer { runner.cleanUp() }
        let project = try Project(runner)
        let (first, _) = try project.json(["connect", "--goal-id", "shop", "--objective", "Ship the importer", "--write-scope", "src/**"])
        #expect(first.status == 0, "\(first.stderr)")
        let (same, sameJSON) = try project.json(["connect", "--goal-id", "shop", "--objective", "Ship the importer", "--write-scope", "src/**"])
        #expect(same.status == 0)
        #expect(sameJSON["kept_fields"] == .array([]))

        let (second, json) = try project.json([
            "connect", "--goal-id", "shop", "--objective", "Ship the exporter", "--write-scope", "docs/**",
            "--adapter-kind", "sample_read_only_map_v0",
        ])
        #expect(second.status == 0, "\(second.stderr)")
        let kept = json["kept_fields"]?.arrayValue ?? []
        #expect(kept.compactMap { $0["field"]?.stringValue } == ["adapter.kind", "coordination.write_scope", "objective"])
        let scope = kept.first { $0["field"] == "coordination.write_scope" }
        #expect(scope?["kept"] == .array(["src/**"]))
        #expect(scope?["passed"] == .array(["docs/**"]))
        #expect(scope?["replace_with"] == "loopx configure-goal --goal-id shop --clear-write-scope --write-scope 'docs/**' --execute")
        let objective = kept.first { $0["field"] == "objective" }
        #expect(objective?["kept"] == "Ship the importer")
        #expect(objective?["replace_with"]?.stringValue?.contains("--force") == true)

        let markdown = try project.run(["connect", "--goal-id", "shop", "--objective", "Ship the exporter"])
        #expect(markdown.stdout.contains("## Kept, not changed"))
        #expect(markdown.stdout.contains("- `objective` kept \"Ship the importer\" (passed \"Ship the exporter\")"))
    }

    @Test func aMissingGoalDocIsWarnedAbout() throws {
        let runner = try LoopXRunner()
        defer { runner.cleanUp() }
        let project = try Project(runner)
        let (result, json) = try project.json(["connect", "--goal-id", "shop", "--goal-doc", "docs/NOPE.md"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(json["goal_doc_exists"] == false)
        let warnings = json["warnings"]?.arrayValue?.compactMap(\.stringValue) ?? []
        #expect(warnings.count == 1)
        #expect(warnings.first?.hasPrefix("--goal-doc docs/NOPE.md does not exist") == true, "\(warnings)")
    }

    @Test func approvingTheDefaultGateForAnAdapterReadOnlyMapRefusesIsRefused() throws {
        let runner = try LoopXRunner()
        defer { runner.cleanUp() }
        let fixture = try GoalFixture(runner: runner, goals: [.init(id: "app", adapterKind: "generic_project_goal_v0", adapterStatus: "planned")])
        let approve = ["operator-gate", "--goal-id", "app", "--decision", "approve", "--reason-summary", "scope reviewed"]
        let (refused, _) = try fixture.json(approve)
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("not served by read-only-map"), "\(refused.stderr)")
        #expect(try fixture.rows("app").isEmpty)

        let (explicit, _) = try fixture.json(approve + ["--agent-command", "make deliver"])
        #expect(explicit.status == 0, "\(explicit.stderr)")
        #expect(try fixture.rows("app").first?["operator_gate"]?["agent_command"] == "make deliver")
    }
}
