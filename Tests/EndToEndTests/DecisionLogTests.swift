import Foundation
import LoopXCore
import LoopXSupport
import Testing
import LoopXRules

/// The decision log and its replay: every recording decision is logged, `--read-only` ones
/// are not, a replay under the rules of the time changes nothing, and a raised outcome-floor
/// threshold in a project layer changes exactly the heartbeats whose outcome-floor answer it
/// changes.
@Suite struct DecisionLogTests {
    static let profileLayer = """
        description: This project tolerates longer surface streaks.
        profile:
          outcome_floor:
            surface_streak_threshold: 5

        """

    /// `2026-01-01T00:00:00Z` plus `hours`.
    static func time(hours: Int) -> String {
        let day = 1 + hours / 24
        let hour = hours % 24
        return String(format: "2026-01-%02dT%02d:00:00Z", day, hour)
    }

    func shouldRun(_ fixture: GoalFixture, at now: String, _ extra: [String] = []) throws -> (LoopXRunner.Result, JSONValue) {
        let result = try fixture.runner.run(
            ["quota", "should-run", "--goal-id", "app", "--format", "json"] + extra, cwd: fixture.project,
            environment: ["LOOPX_NOW": now])
        return (result, (try? JSONParser.parse(result.stdout)) ?? .null)
    }

    func replay(_ fixture: GoalFixture, _ extra: [String] = []) throws -> (LoopXRunner.Result, JSONValue) {
        let result = try fixture.runner.run(
            ["rules", "replay", "--format", "json"] + extra, cwd: fixture.project, environment: ["LOOPX_NOW": Self.time(hours: 151)])
        return (result, (try? JSONParser.parse(result.stdout)) ?? .null)
    }

    @Test func fiftyHeartbeatsReplayFaithfullyAndARaisedThresholdChangesExactlyTheFloorAnswers() throws {
        let runner = try LoopXRunner()
        defer { runner.cleanUp() }
        let fixture = try GoalFixture(runner: runner, goals: [.init(id: "app", adapterKind: "generic_project_goal_v0", adapterStatus: "connected")])
        try patchGoal(fixture, "app", ["execution_profile": ["outcome_floor": ["outcome_markers": ["benchmark_improved"]]]])
        try fixture.addRun("app", at: Self.time(hours: 0), classification: "operator_gate_approved", extra: [
            "operator_gate": ["decision": "approve", "gate": "delivery", "agent_command": "make deliver"],
        ])
        try runner.write("raised.yaml", Self.profileLayer)
        // 50 heartbeats 3 hours apart (about six days). Before each, a run lands: mostly
        // surface-only (the gap streak grows), every seventh one advances the outcome (it resets).
        var expectedChanged: [String] = []
        var streak = 0
        for tick in 1...50 {
            let runAt = Self.time(hours: 3 * tick - 1)
            if tick % 7 == 0 {
                try fixture.addRun("app", at: runAt, classification: "state_refreshed", extra: ["delivery_outcome": "outcome_progress"])
                streak = 0
            } else {
                try fixture.addRun("app", at: runAt, classification: "state_refreshed", extra: [
                    "delivery_outcome": "surface_only", "delivery_batch_scale": "multi_surface",
                ])
                streak += 1
            }
            let now = Self.time(hours: 3 * tick)
            // The candidate's answer at the moment, without recording anything.
            let (candidateRun, candidate) = try shouldRun(fixture, at: now, ["--read-only", "--rules", runner.home.path + "/raised.yaml"])
            #expect(candidateRun.status == 0 || candidateRun.status == 1, "\(candidateRun.stderr)")
            let (logged, answer) = try shouldRun(fixture, at: now)
            #expect(logged.stderr.isEmpty, "\(logged.stderr)")
            let key = { (json: JSONValue) in [json["decision"], json["heartbeat_recommendation"]?["recommended_mode"]] }
            if key(answer) != key(candidate) { expectedChanged.append(now) }
            // The threshold moves from 3 to 5: only streaks of 3 and 4 decide differently.
            #expect((key(answer) != key(candidate)) == (streak == 3 || streak == 4), "tick \(tick) streak \(streak)")
        }
        #expect(!expectedChanged.isEmpty)
        let lines = try runner.read("rt/goals/app/decisions.jsonl").split(separator: "\n")
        #expect(lines.count == 50)

        // The rules of the time: every record replays to its logged answer.
        let (same, sameJSON) = try replay(fixture, ["--goal-id", "app"])
        #expect(same.status == 0, "\(same.stdout)\(same.stderr)")
        #expect(sameJSON["replayed"] == 50)
        #expect(sameJSON["changed"] == 0)
        #expect(sameJSON["goals"]?.arrayValue?.first?["same_rules"] == 50)

        // Raise the threshold in the project layer and replay the last week.
        try runner.write("proj/.loopx/rules/local.yaml", Self.profileLayer)
        let (raised, raisedJSON) = try replay(fixture, ["--since", "7d"])
        #expect(raised.status == 1, "\(raised.stderr)")
        let changes = raisedJSON["goals"]?.arrayValue?.first?["changes"]?.arrayValue ?? []
        #expect(changes.compactMap { $0["at"]?.stringValue } == expectedChanged)
        for change in changes {
            #expect(change["rule"]?["id"] == "outcome_floor.recovery_required")
            #expect(change["rule"]?["was"] == "fired")
            #expect(change["rule"]?["outcome"] == "not_fired")
            #expect(change["rule"]?["why"]?["conjunct"] != nil)
            #expect(change["old"]?["decision"] != change["new"]?["decision"])
        }
        let markdown = try fixture.runner.run(["rules", "replay"], cwd: fixture.project, environment: ["LOOPX_NOW": Self.time(hours: 151)])
        #expect(markdown.status == 1)
        #expect(markdown.stdout.contains("\(expectedChanged.count) would change"))
        #expect(markdown.stdout.contains("outcome_floor.recovery_required"))

        // The same candidate given as --rules, before the project layer existed, agrees.
        try FileManager.default.removeItem(atPath: runner.home.path + "/proj/.loopx/rules/local.yaml")
        let (viaFlag, viaFlagJSON) = try replay(fixture, ["--rules", runner.home.path + "/raised.yaml"])
        #expect(viaFlag.status == 1)
        #expect(viaFlagJSON["changed"] == .int(Int64(expectedChanged.count)))
        let (back, _) = try replay(fixture)
        #expect(back.status == 0, "\(back.stdout)")

        // The same candidate from git: the layer as committed at a revision (the working tree
        // no longer has it), and a revision without it changes nothing.
        try runner.write("proj/.loopx/rules/local.yaml", Self.profileLayer)
        try git(fixture.project, ["init", "-q"])
        try git(fixture.project, ["add", ".loopx/rules/local.yaml"])
        try git(fixture.project, ["commit", "-q", "-m", "raise the threshold"])
        try git(fixture.project, ["rm", "-q", ".loopx/rules/local.yaml"])
        try git(fixture.project, ["commit", "-q", "-m", "back to the built-in threshold"])
        let (atRaised, atRaisedJSON) = try replay(fixture, ["--git-rev", "HEAD~1"])
        #expect(atRaised.status == 1, "\(atRaised.stderr)")
        #expect(atRaisedJSON["changed"] == .int(Int64(expectedChanged.count)))
        #expect(atRaisedJSON["git_rev"] == "HEAD~1")
        let (atHead, _) = try replay(fixture, ["--git-rev", "HEAD"])
        #expect(atHead.status == 0, "\(atHead.stdout)\(atHead.stderr)")
        let (unknown, _) = try replay(fixture, ["--git-rev", "no-such-rev"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("--git-rev 'no-such-rev': no such commit"), "\(unknown.stderr)")
    }

    /// Runs git in `directory` with a fixed identity (the test's HOME has no git config).
    func git(_ directory: URL, _ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/git")
        process.arguments = ["-C", directory.path, "-c", "user.name=loopx test", "-c", "user.email=test@loopx.invalid"] + arguments
        process.environment = ["HOME": directory.path, "PATH": "/usr/bin:/bin", "GIT_CONFIG_NOSYSTEM": "1"]
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "git \(arguments)")
    }

    @Test func readOnlyDecisionsRecordNothingAndTheLogListsChangesAndObligations() throws {
        let runner = try LoopXRunner()
        defer { runner.cleanUp() }
        let fixture = try GoalFixture(runner: runner, goals: [.init(id: "app")])
        let (readOnly, _) = try shouldRun(fixture, at: "2026-01-01T08:00:00Z", ["--read-only"])
        #expect(readOnly.status == 0, "\(readOnly.stderr)")
        #expect(!FileManager.default.fileExists(atPath: runner.home.path + "/rt/goals/app/obligation.json"))
        #expect(!FileManager.default.fileExists(atPath: runner.home.path + "/rt/goals/app/decisions.jsonl"))
        let full = try runner.run(
            ["quota", "should-run", "--goal-id", "app", "--read-only"], cwd: fixture.project, environment: ["LOOPX_FAST_ARGS": "off"])
        #expect(full.status == 0, "\(full.stderr)")
        #expect(!FileManager.default.fileExists(atPath: runner.home.path + "/rt/goals/app/obligation.json"))
        let gate = try runner.run(["gate", "check", "--goal-id", "app", "--kind", "commit", "--read-only"], cwd: fixture.project)
        #expect(gate.status == 0 || gate.status == 1)
        #expect(!FileManager.default.fileExists(atPath: runner.home.path + "/rt/goals/app/decisions.jsonl"))

        // Three ticks: issued, lapsed at the next (10 minutes later) and re-issued.
        _ = try shouldRun(fixture, at: "2026-01-01T08:00:00Z")
        _ = try shouldRun(fixture, at: "2026-01-01T08:10:00Z")
        _ = try shouldRun(fixture, at: "2026-01-01T08:20:00Z")
        let pushed = try runner.run(
            ["gate", "check", "--goal-id", "app", "--kind", "push", "--ref", "main"], cwd: fixture.project,
            environment: ["LOOPX_NOW": "2026-01-01T08:21:00Z"])
        #expect(pushed.status == 1)
        let later = ["LOOPX_NOW": "2026-01-01T08:40:00Z"]
        let listed = try runner.run(["decisions", "--goal-id", "app", "--format", "json"], cwd: fixture.project, environment: later)
        let json = try? JSONParser.parse(listed.stdout)
        #expect(listed.status == 0, "\(listed.stderr)")
        let decisions = json?["decisions"]?.arrayValue ?? []
        #expect(decisions.count == 4)
        #expect(decisions.first?["kind"] == "gate")
        #expect(decisions.first?["answer"]?["allowed"] == false)
        #expect(decisions.last?["kind"] == "should_run")
        #expect(decisions.last?["fired"]?.arrayValue?.isEmpty == false)
        #expect(decisions.last?["layers"]?.arrayValue?.first?["kind"] == "builtin")
        let obligations = json?["obligations"]?.arrayValue ?? []
        #expect(obligations.map { $0["status"] } == ["lapsed", "lapsed", "lapsed"])
        let status = try? JSONParser.parse(
            try runner.run(["status", "--goal-id", "app", "--format", "json"], cwd: fixture.project, environment: later).stdout)
        #expect(status?["run_history"]?["goals"]?.arrayValue?.first?["obligation_lapses_7d"] == 3)

        // Facts are stored once per distinct value: the goal, health and project facts of the
        // three ticks are the same files.
        let stored = try FileManager.default.contentsOfDirectory(atPath: runner.home.path + "/rt/goals/app/facts")
        let references = decisions.map { $0["facts"]?.objectValue?.count ?? 0 }.reduce(0, +)
        #expect(stored.count < references)

        // Logging can be turned off per goal.
        try patchGoal(fixture, "app", ["decision_log": false])
        _ = try shouldRun(fixture, at: "2026-01-01T08:30:00Z")
        let (_, after) = try fixture.json(["decisions", "--goal-id", "app"])
        #expect(after?["total"] == 4)
        #expect(after?["logging"] == false)
    }
}
