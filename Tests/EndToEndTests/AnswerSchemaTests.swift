import Foundation
import LoopXRules
import LoopXSupport
import Testing

/// `loopx schema NAME` prints docs/schemas/NAME.schema.json, and real answers validate
/// against those schemas.
@Suite struct AnswerSchemaTests {
    static let docs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("docs/schemas")
    static let names = ["gate-check", "refresh-state", "review-packet-handoff", "reward", "should-run", "status"]

    static func schema(_ name: String) throws -> JSONValue {
        try JSONParser.parse(String(contentsOf: docs.appendingPathComponent("\(name).schema.json"), encoding: .utf8))
    }

    @Test func theCommandPrintsTheDocsCopyOfEverySchema() throws {
        let runner = try LoopXRunner()
        defer { runner.cleanUp() }
        let listed = try runner.run(["schema"])
        #expect(listed.status == 0)
        #expect(listed.stdout.split(separator: "\n").map { String($0.split(separator: "\t")[0]) } == Self.names)
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.docs.path).filter { $0.hasSuffix(".schema.json") }
        #expect(files.sorted() == Self.names.map { "\($0).schema.json" })
        for name in Self.names {
            let printed = try runner.run(["schema", name])
            #expect(printed.status == 0)
            let file = try String(contentsOf: Self.docs.appendingPathComponent("\(name).schema.json"), encoding: .utf8)
            #expect(printed.stdout == file, "loopx schema \(name) differs from docs/schemas (run scripts/lib/gen-schemas.sh)")
        }
        let unknown = try runner.run(["schema", "shouldrun"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("should-run"))
    }

    func expectValid(_ json: JSONValue?, _ name: String, _ what: String) throws {
        let value = try #require(json, "\(what): no JSON")
        let problems = MiniSchema.violations(of: value, against: try Self.schema(name))
        #expect(problems == [], "\(what): \(problems.prefix(5))")
    }

    @Test func realAnswersValidate() throws {
        let runner = try LoopXRunner()
        defer { runner.cleanUp() }
        var asked = GoalFixture.Goal(id: "asked")
        asked.state = GoalFixture.defaultState.replacingOccurrences(
            of: "## Next Action", with: "## User Todo\n\n- [ ] Which database should the importer target?\n\n## Next Action")
        var gap = GoalFixture.Goal(id: "gap")
        gap.state = GoalFixture.defaultState.replacingOccurrences(of: "- [ ] [P1] Wire the outcome floor into the status page\n- [ ] [P2] Document the reward overlay\n", with: "")
        let fixture = try GoalFixture(runner: runner, goals: [.init(id: "app"), asked, gap])
        for goal in ["app", "asked", "gap"] {
            try fixture.addRun(goal, at: "2025-12-31T10:00:00Z", classification: "state_refreshed")
        }
        var decisions: Set<String> = []
        for goal in ["app", "asked", "gap"] {
            let (_, answer) = try fixture.json(["quota", "should-run", "--goal-id", goal])
            try expectValid(answer, "should-run", "should-run \(goal)")
            decisions.insert(answer?["decision"]?.stringValue ?? "")
        }
        #expect(decisions == ["run", "skip", "self_repair"], "the three goals cover three decisions")
        for kind in [["--kind", "push", "--ref", "main"], ["--kind", "commit", "--validated", "--scan-clean"]] {
            let (_, gate) = try fixture.json(["gate", "check", "--goal-id", "app"] + kind)
            try expectValid(gate, "gate-check", "gate check \(kind)")
        }
        let (_, status) = try fixture.json(["status"])
        try expectValid(status, "status", "status")
        let (_, handoff) = try fixture.json(["review-packet", "--goal-id", "app", "--handoff-only"])
        try expectValid(handoff, "review-packet-handoff", "review-packet --handoff-only")
        #expect(handoff?["char_count"] == handoff?["handoff_interface_budget"]?["char_count"])
        #expect(handoff?["line_count"] == handoff?["handoff_interface_budget"]?["line_count"])
        #expect(handoff?["within_budget"] == true)
        let (_, refresh) = try fixture.json(["refresh-state", "--goal-id", "app", "--no-global-sync"])
        try expectValid(refresh, "refresh-state", "refresh-state")
        let (_, reward) = try fixture.json(
            ["reward", "--goal-id", "app", "--decision", "continue_route", "--reward", "positive", "--reason-summary", "ok", "--dry-run"])
        try expectValid(reward, "reward", "reward --dry-run")
    }
}
