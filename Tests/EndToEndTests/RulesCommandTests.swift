import Foundation
import LoopXSupport
import Testing
import LoopXRules

/// `loopx rules ...` end to end on the demonstration rule set (Tests/Fixtures/demo-rules).
@Suite struct RulesCommandTests {
    static let demo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/demo-rules").path

    func rules(_ runner: LoopXRunner, _ arguments: [String], cwd: URL? = nil) throws -> LoopXRunner.Result {
        try runner.run(["rules"] + arguments + ["--builtin-rules", Self.demo], cwd: cwd)
    }

    @Test func demoFixturesPassWithFullCoverage() throws {
        let runner = try LoopXRunner()
        defer { runner.cleanUp() }
        let result = try rules(runner, ["test", Self.demo + "/tests", "--require-pairs", "--coverage-min", "100"])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.hasSuffix("8 passed, 0 failed\n"))
        #expect(result.stdout.contains("coverage: 100.0% of rules' fire/no-fire sides"))
    }

    @Test func aFailingFixtureExitsOneWithTheNearMiss() throws {
        let runner = try LoopXRunner()
        defer { runner.cleanUp() }
        try runner.write("wrong.test.yaml", """
            tests:
              - name: expects the wrong level
                decision: tick
                now: 2026-01-01T08:00:00Z
                facts: {job: {state: paused}}
                expect: {triage.level: urgent}
            """)
        let result = try rules(runner, ["test", runner.home.path + "/wrong.test.yaml"])
        #expect(result.status == 1)
        #expect(result.stdout.contains("""
              expected triage.level = "urgent"
                   got "quiet"
                stage triage: decided by triage.paused
            """))
        #expect(result.stdout.hasSuffix("0 passed, 1 failed\n"))
        let filtered = try rules(runner, ["test", runner.home.path + "/wrong.test.yaml", "--run", "no such test"])
        #expect(filtered.status == 1)
        #expect(filtered.stderr.contains("no test ran"))
    }

    @Test func junitOutputAndCoverageMinimum() throws {
        let runner = try LoopXRunner()
        defer { runner.cleanUp() }
        let junit = try rules(runner, ["test", Self.demo + "/tests/gates.test.yaml", "--format", "junit"])
        #expect(junit.status == 0, "\(junit.stdout)\(junit.stderr)")
        #expect(junit.stdout.hasPrefix("<?xml"))
        #expect(junit.stdout.contains(#"<testsuite name="#))
        let low = try rules(runner, ["test", Self.demo + "/tests/gates.test.yaml", "--coverage-min", "90"])
        #expect(low.status == 2)
        #expect(low.stderr.contains("below --coverage-min"))
    }

    @Test func invalidRuleFilesExitThreeWithEveryError() throws {
        let runner = try LoopXRunner()
        defer { runner.cleanUp() }
        try runner.write("extra.yaml", """
            rules:
              - id: Bad
                stage: triage
                when: job.state ==
            overrides:
              disable: [gates.secrets]
            """)
        let check = try runner.run(["rules", "check", "--builtin-rules", Self.demo, "--rules", runner.home.path + "/extra.yaml"])
        #expect(check.status == 3)
        #expect(check.stdout.contains("extra.yaml:2:9: error: invalid rule id 'Bad'"))
        #expect(check.stdout.contains("extra.yaml:4:23: error: unexpected end of expression"))
        #expect(check.stdout.contains("extra.yaml:6:13: error: rule 'gates.secrets' is locked"))
        let test = try runner.run(["rules", "test", "--builtin-rules", Self.demo, "--rules", runner.home.path + "/extra.yaml"])
        #expect(test.status == 3)
        #expect(test.stderr.contains("invalid rule id 'Bad'"))
    }

    @Test func listShowEffectiveAndExplain() throws {
        let runner = try LoopXRunner()
        defer { runner.cleanUp() }
        try runner.write(".loopx/rules/local.yaml", """
            overrides:
              patch:
                advice.idle: {priority: 20}
            profile:
              retries: {max: 3}
            """)
        let list = try rules(runner, ["list", "--format", "json"])
        #expect(list.status == 0, "\(list.stderr)")
        let rows = try JSONParser.parse(list.stdout)["rules"]?.arrayValue ?? []
        #expect(rows.count == 11)
        let idle = rows.first { $0["id"] == .string("advice.idle") }
        #expect(idle?["priority"] == .int(20))
        #expect(idle?["patched_by"]?.arrayValue?.first == .string("project .loopx/rules/local.yaml:3"))
        let show = try rules(runner, ["show", "gates.secrets"])
        #expect(show.stdout.contains("- stage: gates, priority 100, on_error fail_closed, locked"))
        #expect(show.stdout.contains("gates.test.yaml:2: touching a key file needs the operator (fired)"))
        let effective = try rules(runner, ["effective"])
        #expect(effective.stdout.contains("- retries.max = `3` — project .loopx/rules/local.yaml:5"))
        try runner.write("facts.json", #"{"job": {"id": "j9", "state": "paused"}}"#)
        let explain = try rules(runner, ["explain", "--facts", runner.home.path + "/facts.json", "--decision", "tick"])
        #expect(explain.status == 0, "\(explain.stderr)")
        #expect(explain.stdout.contains("- **triage** (first_match) → `triage.paused`"))
        #expect(explain.stdout.contains("    - false: `triage.level == \"urgent\"`"))
        let unknown = try rules(runner, ["show", "gates.secret"])
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("did you mean 'gates.secrets'?"))
    }
}
