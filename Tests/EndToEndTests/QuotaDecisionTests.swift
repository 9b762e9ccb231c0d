import Foundation
import LoopXCore
import LoopXSupport
import Testing
import LoopXRules

/// Decisions across runs and layers: obligations checked on the next tick, project rule
/// overrides changing the outcome floor, goal explanations, and project fixtures.
@Suite struct QuotaDecisionTests {
    func shouldRun(_ fixture: GoalFixture, at now: String) throws -> (LoopXRunner.Result, JSONValue?) {
        let result = try fixture.runner.run(
            ["quota", "should-run", "--goal-id", "app", "--format", "json"], cwd: fixture.project,
            environment: ["LOOPX_NOW": now])
        return (result, try? JSONParser.parse(result.stdout))
    }

    @Test func anUnmetObligationLapsesAfterTheGraceAndADeliveryDischargesIt() throws {
        let runner = try LoopXRunner()
        defer { runner.cleanUp() }
        let fixture = try GoalFixture(runner: runner, goals: [.init(id: "app")])
        let (first, issued) = try shouldRun(fixture, at: "2026-01-01T08:00:00Z")
        #expect(first.status == 0, "\(first.stderr)")
        #expect(issued?["execution_obligation"]?["must_attempt_work"] == true)
        let ledger = try JSONParser.parse(try runner.read("rt/goals/app/obligation.json"))
        #expect(ledger["issued_at"] == "2026-01-01T08:00:00Z")

        let (_, pending) = try shouldRun(fixture, at: "2026-01-01T08:02:00Z")
        #expect(pending?["execution_obligation"]?["previous_obligation_status"] == "pending")
        #expect(pending?["execution_obligation_lapsed_warning"] == nil)

        let (_, lapsed) = try shouldRun(fixture, at: "2026-01-01T08:08:00Z")
        #expect(lapsed?["execution_obligation"]?["previous_obligation_status"] == "lapsed")
        #expect(lapsed?["execution_obligation_lapsed_warning"]?["issued_at"] == "2026-01-01T08:02:00Z")
        let facts = try runner.run(
            ["rules", "explain", "--goal-id", "app", "--format", "json"], cwd: fixture.project,
            environment: ["LOOPX_NOW": "2026-01-01T08:20:00Z"])
        #expect((try? JSONParser.parse(facts.stdout))?["facts"]?["obligation"]?["status"] == "lapsed")

        // A state write-back naming its delivery outcome, after the obligation, discharges it.
        let refresh = try runner.run(
            ["refresh-state", "--goal-id", "app", "--delivery-outcome", "outcome_progress", "--no-global-sync"],
            cwd: fixture.project, environment: ["LOOPX_NOW": "2026-01-01T08:30:00Z"])
        #expect(refresh.status == 0, "\(refresh.stderr)")
        let (_, discharged) = try shouldRun(fixture, at: "2026-01-01T08:40:00Z")
        #expect(discharged?["execution_obligation"]?["previous_obligation_status"] == "discharged")
        #expect(discharged?["execution_obligation_lapsed_warning"] == nil)
    }

    /// A goal after a handoff whose last three runs moved only surfaces.
    func surfaceStreak(_ runner: LoopXRunner) throws -> GoalFixture {
        let fixture = try GoalFixture(runner: runner, goals: [.init(id: "app", adapterKind: "generic_project_goal_v0", adapterStatus: "connected")])
        try patchGoal(fixture, "app", ["execution_profile": ["outcome_floor": ["outcome_markers": ["benchmark_improved"]]]])
        try fixture.addRun("app", at: "2026-01-01T01:00:00Z", classification: "operator_gate_approved", extra: [
            "operator_gate": ["decision": "approve", "gate": "delivery", "agent_command": "make deliver"],
        ])
        for hour in 2...4 {
            try fixture.addRun("app", at: "2026-01-01T0\(hour):00:00Z", classification: "state_refreshed", extra: [
                "delivery_outcome": "surface_only", "delivery_batch_scale": "multi_surface",
            ])
        }
        return fixture
    }

    @Test func aProjectProfileOverrideChangesTheOutcomeFloorAndShowsItsLayer() throws {
        let runner = try LoopXRunner()
        defer { runner.cleanUp() }
        let fixture = try surfaceStreak(runner)
        let (_, builtin) = try fixture.json(["quota", "should-run", "--goal-id", "app"])
        #expect(builtin?["decision"] == "safe_bypass_recovery")
        #expect(builtin?["quota"]?["outcome_gap_threshold"] == 3)

        try runner.write("proj/.loopx/rules/local.yaml", """
            description: This project tolerates longer surface streaks.
            profile:
              outcome_floor:
                surface_streak_threshold: 5

            """)
        let (result, patched) = try fixture.json(["quota", "should-run", "--goal-id", "app"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(patched?["decision"] == "run")
        #expect(patched?["quota"]?["outcome_gap_threshold"] == 5)
        #expect(patched?["quota"]?["post_handoff_outcome_gap_streak"] == 3)
        #expect(patched?["goal_boundary"]?["execution_profile"]?["outcome_floor"]?["surface_streak_threshold"] == 5)

        let (_, effective) = try fixture.json(["rules", "effective", "--goal-id", "app"])
        let field = effective?["profile"]?["fields"]?.arrayValue?.first {
            $0["path"] == "outcome_floor.surface_streak_threshold"
        }
        #expect(field?["layer"] == "project")
        #expect(field?["value"] == 5)
        #expect(field?["source"]?.stringValue?.contains("local.yaml") == true)
        let registryField = effective?["profile"]?["fields"]?.arrayValue?.first { $0["path"] == "outcome_floor.outcome_markers" }
        #expect(registryField?["layer"] == "registry")

        // The trace of the outcome-floor stage shows the threshold the project set.
        let (_, explained) = try fixture.json(["rules", "explain", "--goal-id", "app"])
        let floor = explained?["rule_trace"]?.arrayValue?.first { $0["stage"] == "outcome_floor" }
        #expect(floor?["output"]?["outcome_gap_threshold"] == 5)
        let recovery = floor?["evaluated"]?.arrayValue?.first { $0["id"] == "outcome_floor.recovery_required" }
        #expect(recovery?["outcome"] == "not_fired")
    }

    @Test func rulesExplainForAGoalTracesEveryStage() throws {
        let runner = try LoopXRunner()
        defer { runner.cleanUp() }
        let fixture = try GoalFixture(runner: runner, goals: [.init(id: "app")])
        let (result, json) = try fixture.json(["rules", "explain", "--goal-id", "app", "--full"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(json?["goal_id"] == "app")
        #expect(json?["facts"]?["goal"]?["id"] == "app")
        #expect(json?["trace"] == "full")
        let stages = json?["rule_trace"]?.arrayValue?.compactMap { $0["stage"]?.stringValue }
        #expect(stages?.first == "contract_health")
        #expect(stages?.count == 10)
        let evaluated = json?["rule_trace"]?.arrayValue?.first?["evaluated"]?.arrayValue ?? []
        #expect(evaluated.contains { $0["nodes"] != nil })
        let (_, status) = try fixture.json(["rules", "explain", "--goal-id", "app", "--decision", "status"])
        #expect(status?["rule_trace"]?.arrayValue?.count == 4)
        let (bad, _) = try fixture.json(["rules", "explain", "--goal-id", "app", "--decision", "stauts"])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("did you mean 'status'"))
        let markdown = try runner.run(["rules", "explain", "--goal-id", "app"], cwd: fixture.project)
        #expect(markdown.stdout.hasPrefix("# Decision should_run for `app`"))
        #expect(markdown.stdout.contains("not_fired `attention.goal_not_registered`"))
    }

    @Test func projectFixturesRunThroughTheFactBuilder() throws {
        let runner = try LoopXRunner()
        defer { runner.cleanUp() }
        let result = try runner.run(["rules", "test", "--run", "scenarios"])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.hasSuffix("19 passed, 0 failed\n"))  // none skipped
        // A project fixture that expects the wrong decision fails with the near miss.
        let repo = URL(fileURLWithPath: LoopXRunner.binary).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Rules/tests/projects/throttled-quota").path
        try runner.write("fx/wrong.test.yaml", """
            tests:
              - name: expects a run where the quota is throttled
                project: \(repo)
                goal: busy
                decision: should-run
                now: 2026-01-01T08:00:00Z
                expect: {decision: run}

            """)
        let wrong = try runner.run(["rules", "test", runner.home.appendingPathComponent("fx/wrong.test.yaml").path])
        #expect(wrong.status == 1)
        #expect(wrong.stdout.contains("expected decision = \"run\""))
        #expect(wrong.stdout.contains("got \"skip\""))
    }
}
