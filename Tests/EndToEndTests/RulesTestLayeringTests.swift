import Foundation
import Testing

/// `rules test` runs each fixture against the layers its owner controls: built-in fixtures
/// against the built-in rules alone, a project's own fixtures against every layer.
@Suite struct RulesTestLayeringTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    @Test func aProjectProfileOverrideDoesNotFailTheBuiltInFixturesButTestsItsOwn() throws {
        let runner = try LoopXRunner()
        defer { runner.cleanUp() }
        try runner.write("proj/.loopx/rules/local.yaml", """
            description: This project tolerates longer surface streaks.
            profile:
              outcome_floor:
                surface_streak_threshold: 5
            rules:
              - id: project.note_paused
                stage: warnings
                description: Paused goals get a note.
                when: goal.status == "paused"
                then: {warning: paused_note, message: "the goal is paused"}

            """)
        try runner.write("proj/.loopx/rules/local.test.yaml", """
            tests:
              - name: the project's own rule fires on a paused goal
                now: 2026-01-01T08:00:00Z
                facts:
                  goal: {status: paused}
                expect:
                  fired: [project.note_paused]

            """)
        let builtin = RulesTestLayeringTests.repository.appendingPathComponent("Rules").path
        let result = try runner.run(["rules", "test", "--builtin-rules", builtin], cwd: runner.home.appendingPathComponent("proj"))
        #expect(result.status == 0, "\(result.stdout.split(separator: "\n").filter { $0.hasPrefix("FAIL") })\n\(result.stderr)")
        #expect(result.stdout.contains("PASS .loopx/rules/local.test.yaml"), "\(result.stdout.suffix(400))")
        #expect(result.stdout.hasSuffix(" 0 failed\n"))
    }

    @Test func theRulesGuidesTestStepPassesWhereTheGuideRunsIt() throws {
        let runner = try LoopXRunner()
        defer { runner.cleanUp() }
        let project = RulesTestLayeringTests.repository.appendingPathComponent("docs/examples/project")
        let result = try runner.run(["rules", "test", "--builtin-rules", "../rules", "../rules/tests", "--coverage"], cwd: project)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.hasSuffix("3 passed, 0 failed\n"))
    }
}
