import Foundation
import LoopXCore
import LoopXSupport
import Testing
import LoopXRules

/// Issue 14, through the binary: every command that loads rules runs the type checker and
/// refuses a broken layer (exit 3, or an attention item in multi-goal views); a rule that
/// fails on real facts makes should-run skip; tighten-only stages refuse loosening without
/// an owner-signed waiver, and an expired waiver closes the gate again.
@Suite struct RulesFailClosedTests {
    /// A project rule of the should_run stage with `when: EXPR` (line 5, column 12 onward).
    static func layer(_ expression: String, priority: Int = 10) -> String {
        """
        rules:
          - id: project.bad
            stage: should_run
            priority: \(priority)
            when: '\(expression)'
            then: {decision: skip}

        """
    }

    /// The issue's expressions with the first error each must raise (at bad.yaml line 5).
    static let broken: [(String, String)] = [
        (#"spend.count + "x" == "y""#, "5:24: error: no matching overload for 'int + string'"),
        ("goal.id > 3", "5:20: error: no matching overload for 'string > int'"),
        (#"spend.count == "3""#, "5:24: error: no matching overload for 'int == string'"),
        ("spend.count", "5:12: error: 'when' must be a bool expression, found int"),
        ("size(1) > 0", "5:12: error: no matching overload for 'size(int)'"),
        ("nosuchfn(goal.id)", "5:12: error: unknown function 'nosuchfn'"),
        ("goal.id.nosuchmethod()", "5:20: error: unknown method 'nosuchmethod' on string"),
        (#"state.agent_todos.exists(t, t.staus == "open")"#, "5:42: error: unknown field 'staus' of 't' (did you mean 'status'?)"),
        ("goal.quota.cmopute", "5:23: error: unknown field 'cmopute' of 'goal.quota' (did you mean 'compute'?)"),
    ]

    @Test(arguments: broken) func aTypeErrorInAProjectLayerRefusesEveryDecision(_ expression: String, _ error: String) throws {
        let runner = try LoopXRunner()
        defer { runner.cleanUp() }
        let fixture = try GoalFixture(runner: runner, goals: [.init(id: "app")])
        try runner.write("proj/.loopx/rules/bad.yaml", Self.layer(expression))
        let expected = ".loopx/rules/bad.yaml:" + error
        for command in [["rules", "check"], ["quota", "should-run", "--goal-id", "app"], ["gate", "check", "--goal-id", "app", "--kind", "push"]] {
            let result = try runner.run(command, cwd: fixture.project)
            let diagnostics = result.stdout + result.stderr  // `rules check` reports on stdout
            #expect(result.status == 3, "\(command): \(result.stdout)")
            #expect(diagnostics.hasPrefix(expected), "\(command): \(diagnostics)")
            #expect(diagnostics.contains("\n    when: '"), "the source line follows")
            #expect(diagnostics.contains("^"), "with a caret")
        }
        let (doctor, report) = try fixture.json(["doctor"])
        #expect(doctor.status != 0)
        let rules = report?["checks"]?.arrayValue?.first { $0["name"] == "rules" }
        #expect(rules?["ok"] == false)
        #expect(rules?["detail"]?.stringValue?.contains(".loopx/rules/bad.yaml:5:") == true)
        // The global view (a registry outside the project) decides each goal with its own
        // project layer: the broken one is an attention item naming the file, and not ok.
        try runner.write("rt/registry.json", try runner.read("proj/.loopx/registry.json"))
        let global = try runner.run(["status", "--registry", "rt/registry.json", "--format", "json"])
        let status = try JSONParser.parse(global.stdout)
        #expect(global.status == 1)
        #expect(status["ok"] == false)
        let item = status["attention_queue"]?["items"]?.arrayValue?.first { $0["goal_id"] == "app" }
        #expect(item?["status"] == "invalid_rules")
        #expect(item?["severity"] == "high")
        #expect(item?["rules_error"]?.stringValue?.contains("proj/.loopx/rules/bad.yaml:5:") == true)
        let goal = status["run_history"]?["goals"]?.arrayValue?.first { $0["id"] == "app" }
        #expect(goal?["ok"] == false)
    }

    @Test func everyOtherCommandThatLoadsRulesRefusesTheBrokenLayerToo() throws {
        let runner = try LoopXRunner()
        defer { runner.cleanUp() }
        let fixture = try GoalFixture(runner: runner, goals: [.init(id: "app")])
        try runner.write("proj/.loopx/rules/bad.yaml", Self.layer("goal.id > 3"))
        for command in [
            ["status"], ["quota", "plan"], ["quota", "status"], ["review-packet", "--goal-id", "app"],
            ["heartbeat-prompt", "--goal-id", "app"], ["rules", "list"], ["rules", "show", "quota.paused"],
            ["rules", "effective"], ["rules", "explain", "--goal-id", "app"],
        ] {
            let result = try runner.run(command, cwd: fixture.project)
            #expect(result.status == 3, "\(command): \(result.stdout)")
            #expect(result.stderr.hasPrefix(".loopx/rules/bad.yaml:5:20: error: no matching overload for 'string > int'"),
                    "\(command): \(result.stderr)")
        }
        // `quota plan` over a registry outside the project plans the goal as not eligible.
        try runner.write("rt/registry.json", try runner.read("proj/.loopx/registry.json"))
        let plan = try runner.run(["quota", "plan", "--registry", "rt/registry.json", "--format", "json"])
        let json = try JSONParser.parse(plan.stdout)
        #expect(json["ok"] == false)
        #expect(plan.stdout.contains("invalid_rules"))
        #expect(!plan.stdout.contains("\"eligible\":[{"))
    }

    @Test func aRuleThatFailsOnTheRealFactsMakesShouldRunSkipNamingIt() throws {
        let runner = try LoopXRunner()
        defer { runner.cleanUp() }
        let fixture = try GoalFixture(runner: runner, goals: [.init(id: "app")])
        let (before, clean) = try fixture.json(["quota", "should-run", "--goal-id", "app"])
        #expect(before.status == 0)
        #expect(clean?["should_run"] == true)
        // Well typed, but the history is empty: indexing it fails when the rule runs.
        try runner.write("proj/.loopx/rules/fragile.yaml", Self.layer(#"history[0].classification == "stuck""#, priority: 2000))
        let (result, json) = try fixture.json(["quota", "should-run", "--goal-id", "app"])
        #expect(result.status != 0)
        #expect(json?["should_run"] == false)
        #expect(json?["decision"] == "skip")
        #expect(json?["ok"] == false)
        #expect(json?["effective_action"] == "rule_error")
        #expect(json?["reason"]?.stringValue?.hasPrefix("rule 'project.bad' (stage should_run) failed to evaluate:") == true)
    }

    /// The issue's first loosening example: both gates patched to `when: "false"`.
    static let looseningGates = """
        overrides:
          patch:
            boundary_gates.private_material: {when: "false"}
            boundary_gates.delivery_needs_validation: {when: "false"}

        """

    static let waivers = """
          waivers:
            boundary_gates.private_material: {owner: ana, reason: registry migration, expires: 2026-01-02}
            boundary_gates.delivery_needs_validation: {owner: ana, reason: registry migration, expires: 2026-01-02}

        """

    @Test func patchingGatesOpenIsRefusedWithoutAWaiverAndClosesAgainWhenItExpires() throws {
        let runner = try LoopXRunner()
        defer { runner.cleanUp() }
        let fixture = try GoalFixture(runner: runner, goals: [.init(id: "app")])
        let push = ["gate", "check", "--goal-id", "app", "--kind", "push", "--path", ".loopx/registry.json", "--scan-clean"]
        try runner.write("proj/.loopx/rules/open.yaml", Self.looseningGates)
        let refused = try runner.run(push, cwd: fixture.project)
        #expect(refused.status == 3)
        #expect(refused.stderr.hasPrefix("""
            .loopx/rules/open.yaml:3:5: error: this would loosen tighten-only stage 'boundary_gates' ('boundary_gates.private_material': a restrictive rule's 'when' may only widen: write it as '(size(private_hits) > 0) || ...'); to do it anyway, declare under overrides.waivers 'boundary_gates.private_material: {owner: ..., reason: ..., expires: YYYY-MM-DD}'
            """), "\(refused.stderr)")
        #expect(refused.stderr.contains("open.yaml:4:5: error: this would loosen tighten-only stage 'boundary_gates' ('boundary_gates.delivery_needs_validation'"))

        try runner.write("proj/.loopx/rules/open.yaml", Self.looseningGates + Self.waivers)
        let waived = try runner.run(push + ["--format", "json"], cwd: fixture.project)
        #expect(waived.status == 0, "\(waived.stderr)")
        let json = try JSONParser.parse(waived.stdout)
        #expect(json["allowed"] == true)
        #expect(json["waivers"]?.arrayValue?.compactMap { $0["owner"]?.stringValue } == ["ana", "ana"])
        let text = try runner.run(push, cwd: fixture.project)
        #expect(text.stdout.contains("- waiver: `boundary_gates.private_material` until 2026-01-02 — registry migration, owner ana"))
        // Global status, run elsewhere, lists the waivers of the goal's own project layer.
        let synced = try runner.run(["sync-global"], cwd: fixture.project)
        #expect(synced.status == 0, "\(synced.stderr)")
        let global = fixture.runtimeRoot.appendingPathComponent("registry.global.json").path
        let elsewhere = try runner.run(["--registry", global, "--format", "json", "status"], cwd: runner.home)
        let globalStatus = try JSONParser.parse(elsewhere.stdout)
        #expect(globalStatus["waivers"]?.arrayValue?.compactMap { $0["owner"]?.stringValue } == ["ana", "ana"], "\(elsewhere.stderr)")

        // On its date the waiver lapses: the gate closes again, and gate check says why.
        let expired = try runner.run(push, cwd: fixture.project, environment: ["LOOPX_NOW": "2026-01-02T00:00:00Z"])
        #expect(expired.status == 1)
        #expect(expired.stdout.contains("**Gated: blocked.**"))
        #expect(expired.stdout.contains("`boundary_gates.private_material` → operator_approval"))
        #expect(expired.stdout.contains("- warning: waiver for `boundary_gates.private_material` expired on 2026-01-02; the rule is back in force"))
        let status = try runner.run(["status"], cwd: fixture.project, environment: ["LOOPX_NOW": "2026-01-02T00:00:00Z"])
        #expect(status.stdout.contains("## Expired waivers"))
    }

    @Test func aProjectRuleThatMakesAPausedGoalRunIsRefusedWithoutAWaiver() throws {
        let runner = try LoopXRunner()
        defer { runner.cleanUp() }
        let fixture = try GoalFixture(runner: runner, goals: [.init(id: "app")])
        try patchGoal(fixture, "app", ["quota": ["compute": 0]])
        let (paused, json) = try fixture.json(["quota", "should-run", "--goal-id", "app"])
        #expect(paused.status != 3)
        #expect(json?["should_run"] == false)
        let rule = """
            rules:
              - id: project.run_anyway
                stage: should_run
                priority: 5000
                when: goal.quota.compute == 0.0
                then: {decision: run, should_run: true, effective_action: normal_run}

            """
        try runner.write("proj/.loopx/rules/run.yaml", rule)
        let refused = try runner.run(["quota", "should-run", "--goal-id", "app"], cwd: fixture.project)
        #expect(refused.status == 3)
        #expect(refused.stderr.hasPrefix(
            ".loopx/rules/run.yaml:2:9: error: this would loosen tighten-only stage 'should_run' ('project.run_anyway': the new rule decides a permissive outcome (should_run: true))"),
                "\(refused.stderr)")
        try runner.write("proj/.loopx/rules/run.yaml", rule + """
            overrides:
              waivers:
                project.run_anyway: {owner: ana, reason: load test of a paused goal, expires: 2026-02-01}

            """)
        let (waived, run) = try fixture.json(["quota", "should-run", "--goal-id", "app"])
        #expect(waived.status == 0, "\(waived.stderr)")
        #expect(run?["should_run"] == true)
        #expect(run?["waivers"]?.arrayValue?.first?["rule"] == "project.run_anyway")
    }
}
