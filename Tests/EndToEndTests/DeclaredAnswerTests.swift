import Foundation
import LoopXRules
import LoopXSupport
import Testing

/// The should-run answer is assembled from `answers:` of pipeline.yaml: a rule set that adds
/// a stage and an answer field in YAML alone sees the field in `quota should-run`'s JSON.
@Suite struct DeclaredAnswerTests {
    static let rules = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Rules")

    /// A release-shaped install in HOME (`bin/loopx` beside `Rules/`, which the binary prefers
    /// to any other rules): the built-in rules with `edit` applied to pipeline.yaml, plus `extra`.
    func install(_ runner: LoopXRunner, pipeline edit: (String) -> String, extra: [String: String]) throws -> String {
        for name in try FileManager.default.contentsOfDirectory(atPath: Self.rules.path) where name.hasSuffix(".yaml") {
            var text = try String(contentsOf: Self.rules.appendingPathComponent(name), encoding: .utf8)
            if name == "pipeline.yaml" { text = edit(text) }
            try runner.write("install/Rules/" + name, text)
        }
        for (name, text) in extra { try runner.write("install/Rules/" + name, text) }
        let binary = runner.home.appendingPathComponent("install/bin/loopx")
        try FileManager.default.createDirectory(at: binary.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: LoopXRunner.binary, toPath: binary.path)
        return binary.path
    }

    @Test func aStageAndAnAnswerFieldAddedInYAMLAloneShowInTheAnswer() throws {
        let runner = try LoopXRunner()
        defer { runner.cleanUp() }
        let fixture = try GoalFixture(runner: runner, goals: [.init(id: "app")])
        let stage = """
            stage: lucky
            description: A stage only this test adds.
            mode: first_match
            defaults:
              number: 7
              said: ${"goal " + goal.id}
            rules: []

            """
        let binary = try install(runner, pipeline: { text in
            text.replacingOccurrences(of: "    - warnings\n", with: "    - warnings\n    - lucky\n", options: [], range: nil)
                + "      lucky_number: lucky.number\n      lucky_words: {from: lucky.said, omit_empty: true}\n"
        }, extra: ["lucky.yaml": stage])
        let result = try runner.run(
            ["quota", "should-run", "--goal-id", "app", "--read-only", "--format", "json"], cwd: fixture.project, binary: binary)
        #expect(result.stderr == "")
        let answer = try JSONParser.parse(result.stdout)
        #expect(answer["lucky_number"] == .int(7))
        #expect(answer["lucky_words"] == "goal app")
    }
}
