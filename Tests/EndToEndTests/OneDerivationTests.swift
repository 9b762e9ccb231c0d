import Foundation
import LoopXCore
import LoopXSupport
import Testing
import LoopXRules

/// Issue 13, through the binary: every command shows the values the rules decide on (one
/// derivation per fact), and every multi-goal view decides a goal with that goal's own rule
/// layers, whatever the working directory.
@Suite struct OneDerivationTests {
    /// The built-in scenario project with `must_advance: []` and `surface_streak_threshold: -1`
    /// and a surface-only streak at the default threshold, copied under the runner's HOME as `proj/`.
    static func floorProject(_ runner: LoopXRunner) throws -> URL {
        let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Rules/tests/projects/empty-must-advance")
        let project = runner.home.appendingPathComponent("proj")
        try FileManager.default.copyItem(at: source, to: project)
        return project
    }

    @Test func everyCommandShowsTheProfileAndQuotaTheRulesDecideOn() throws {
        let runner = try LoopXRunner()
        defer { runner.cleanUp() }
        let project = try Self.floorProject(runner)
        let registryPath = "proj/.loopx/registry.json"
        var registry = try JSONParser.parse(try runner.read(registryPath))
        var goal = registry["goals"]?.arrayValue?.first?.objectValue ?? [:]
        goal["quota"] = ["compute": 1.0, "window_hours": 24, "allowed_slots": -4]
        registry = .object(["schema_version": "0.1", "common_runtime_root": "runtime", "goals": [.object(goal)]])
        try runner.write(registryPath, JSONWriter(sortedKeys: true, pretty: true).string(registry) + "\n")

        func json(_ arguments: [String]) throws -> JSONValue {
            let result = try runner.run(arguments + ["--format", "json"], cwd: project)
            return try JSONParser.parse(result.stdout)
        }
        let history = try json(["history"])["goals"]?.arrayValue?.first
        let registryGoal = try json(["registry"])["goals"]?.arrayValue?.first
        let quotaStatus = try json(["quota", "status"])
        let planned = (quotaStatus["groups"]?.objectValue?.entries ?? []).flatMap { $0.value.arrayValue ?? [] }
        let plannedItem = planned.first { $0["goal_id"] == "floor" }
        let shouldRun = try json(["quota", "should-run", "--goal-id", "floor", "--read-only"])
        let status = try json(["status"])
        let statusGoal = status["run_history"]?["goals"]?.arrayValue?.first { $0["id"] == "floor" }

        // The profile: the empty list and the invalid threshold fall back to the defaults of
        // Rules/facts.yaml, the same everywhere, and the fallbacks are named.
        let profile = history?["execution_profile"]
        #expect(profile?["outcome_floor"]?["must_advance"] == ["primary_goal_outcome"])
        #expect(profile?["outcome_floor"]?["surface_streak_threshold"] == 3)
        #expect(registryGoal?["execution_profile"] == profile)
        // should-run's answer summarizes the profile it decided on: the same values.
        let summary = shouldRun["execution_profile"]
        for key in ["must_advance", "surface_streak_threshold"] {
            #expect(summary?["outcome_floor"]?[key] == profile?["outcome_floor"]?[key], "should-run execution_profile.outcome_floor.\(key)")
        }
        for key in ["cadence", "minimum_scale", "must_include", "spend_rule"] {
            #expect(summary?[key] == profile?[key], "should-run execution_profile.\(key)")
        }
        #expect(summary?["small_scale_streak_threshold"] == profile?["degradation_policy"]?["small_scale_streak_threshold"])
        let warnings = (registryGoal?["execution_profile_warnings"]?.arrayValue ?? []).compactMap { $0.stringValue }
        #expect(warnings.contains("execution_profile.outcome_floor.must_advance: [] has no valid label; the default applies"))
        #expect(warnings.contains("execution_profile.outcome_floor.surface_streak_threshold: -1 is not a positive integer; the default applies"))
        #expect(history?["execution_profile_warnings"]?.arrayValue?.count == warnings.count)

        // The quota: one normalization and one count of spent slots.
        let quota = shouldRun["quota"]
        for key in ["allowed_slots", "spent_slots", "window_hours"] {
            #expect(quota?[key] != nil && quota?[key] != .null, "should-run quota.\(key)")
            #expect(history?["quota"]?[key] == quota?[key], "history quota.\(key)")
            #expect(plannedItem?["quota"]?[key] == quota?[key], "quota status quota.\(key)")
        }
        #expect(registryGoal?["quota"]?["allowed_slots"] == quota?["allowed_slots"])
        #expect(statusGoal != nil)

        // A project layer's `profile:` block is part of the one derivation: every command
        // shows the threshold the rules use.
        try runner.write("proj/.loopx/rules/profile.yaml", "profile:\n  outcome_floor:\n    surface_streak_threshold: 5\n")
        let layered = try json(["quota", "should-run", "--goal-id", "floor", "--read-only"])
        #expect(layered["execution_profile"]?["outcome_floor"]?["surface_streak_threshold"] == 5)
        #expect(layered["effective_action"] != "outcome_floor_recovery", "a streak of 4 is under 5")
        #expect(try json(["history"])["goals"]?.arrayValue?.first?["execution_profile"]?["outcome_floor"]?["surface_streak_threshold"] == 5)
        #expect(try json(["registry"])["goals"]?.arrayValue?.first?["execution_profile"]?["outcome_floor"]?["surface_streak_threshold"] == 5)
    }

    @Test func theOutcomeFloorCaseRunsARecoveryWithTheDefaultMustAdvance() throws {
        let runner = try LoopXRunner()
        defer { runner.cleanUp() }
        let project = try Self.floorProject(runner)
        let result = try runner.run(["quota", "should-run", "--goal-id", "floor", "--read-only", "--format", "json"], cwd: project)
        let answer = try JSONParser.parse(result.stdout)
        #expect(answer["effective_action"] == "outcome_floor_recovery", "\(result.stdout)")
        #expect(answer["heartbeat_recommendation"]?["recommended_mode"] == "outcome_floor_recovery")
        #expect(answer["requires_user_action"] != true)
    }

    /// Two projects in one global registry: `paused` has a layer that pauses every goal,
    /// `app` has none.
    static func twoProjects(_ runner: LoopXRunner) throws -> (global: String, pausedProject: URL) {
        var goals: [JSONValue] = []
        for name in ["app", "paused"] {
            let state = ".codex/goals/\(name)/ACTIVE_GOAL_STATE.md"
            try runner.write("\(name)/\(state)", GoalFixture.defaultState)
            goals.append([
                "id": .string(name), "domain": "web", "status": "active", "repo": .string(runner.home.appendingPathComponent(name).path),
                "state_file": .string(state), "adapter": ["kind": "generic_project_goal_v0", "status": "connected"],
                "authority_sources": [["kind": "goal_doc", "path": "docs/GOAL.md", "role": "primary_goal_document"]],
            ])
        }
        try runner.write("paused/.loopx/rules/pause.yaml", """
            rules:
              - id: project.pause_everything
                stage: quota
                priority: 9000
                when: "true"
                then: {state: paused, reason: "paused by the project layer"}

            """)
        let registry: JSONValue = ["schema_version": "0.1", "common_runtime_root": .string(runner.home.appendingPathComponent("rt").path), "goals": .array(goals)]
        try runner.write("rt/registry.json", JSONWriter(sortedKeys: true, pretty: true).string(registry) + "\n")
        return (runner.home.appendingPathComponent("rt/registry.json").path, runner.home.appendingPathComponent("paused"))
    }

    @Test func aProjectLayerNeverDecidesAnotherProjectsGoal() throws {
        let runner = try LoopXRunner()
        defer { runner.cleanUp() }
        let (global, pausedProject) = try Self.twoProjects(runner)
        func quotaState(_ arguments: [String], cwd: URL) throws -> [String: String] {
            let result = try runner.run(["--registry", global, "--format", "json"] + arguments, cwd: cwd)
            let plan = try JSONParser.parse(result.stdout)
            var states: [String: String] = [:]
            for (group, items) in plan["groups"]?.objectValue ?? [:] {
                for item in items.arrayValue ?? [] { states[item["goal_id"]?.stringValue ?? ""] = group }
            }
            return states
        }
        // From inside the pausing project and from elsewhere, the same answer per goal: each
        // goal decided by its own layers, as its heartbeat decides it.
        for cwd in [pausedProject, runner.home] {
            for command in [["quota", "plan"], ["quota", "status"]] {
                let states = try quotaState(command, cwd: cwd)
                #expect(states["paused"] == "paused", "\(command) from \(cwd.lastPathComponent): \(states)")
                #expect(states["app"] != "paused", "\(command) from \(cwd.lastPathComponent): \(states)")
            }
            let heartbeat = try runner.run(["--registry", global, "--format", "json", "quota", "should-run", "--goal-id", "app", "--read-only"], cwd: cwd)
            #expect(try JSONParser.parse(heartbeat.stdout)["state"] != "paused")
            let status = try runner.run(["--registry", global, "--format", "json", "status"], cwd: cwd)
            let items = try JSONParser.parse(status.stdout)["attention_queue"]?["items"]?.arrayValue ?? []
            #expect(!items.contains { $0["goal_id"] == "app" && $0["status"] == "paused" }, "\(status.stdout)")
        }
    }

    @Test func aBrokenLayerInOneProjectMakesGlobalStatusNotOkAndNamesTheFile() throws {
        let runner = try LoopXRunner()
        defer { runner.cleanUp() }
        let (global, _) = try Self.twoProjects(runner)
        try runner.write("paused/.loopx/rules/pause.yaml", "rules:\n  - id: project.broken\n    stage: quota\n    when: goal.id > 3\n    then: {state: paused}\n")
        let result = try runner.run(["--registry", global, "--format", "json", "status"], cwd: runner.home)
        let status = try JSONParser.parse(result.stdout)
        #expect(result.status == 1)
        #expect(status["ok"] == false)
        let item = status["attention_queue"]?["items"]?.arrayValue?.first { $0["goal_id"] == "paused" }
        #expect(item?["status"] == "invalid_rules")
        #expect(item?["rules_error"]?.stringValue?.contains("paused/.loopx/rules/pause.yaml:4:") == true, "\(result.stdout)")
        // The other project's goal is still decided.
        let app = status["run_history"]?["goals"]?.arrayValue?.first { $0["id"] == "app" }
        #expect(app != nil)
        // history and registry name the broken layer instead of showing a profile it would not use.
        let history = try JSONParser.parse(try runner.run(["--registry", global, "--format", "json", "history"], cwd: runner.home).stdout)
        let pausedHistory = history["goals"]?.arrayValue?.first { $0["id"] == "paused" }
        #expect(pausedHistory?["execution_profile"] == .null)
        #expect(pausedHistory?["invalid_rules"]?.stringValue?.contains("pause.yaml:4:") == true)
    }
}
