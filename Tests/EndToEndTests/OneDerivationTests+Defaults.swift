import Foundation
import LoopXCore
import LoopXSupport
import Testing
import LoopXRules

/// Issue 13: `Rules/facts.yaml` is the one home of the goal and profile defaults. A release
/// layout (`bin/loopx` beside a `Rules/` whose facts.yaml changes some defaults) shows that
/// every command reads the changed value, and that nothing falls back to a value of its own.
extension OneDerivationTests {
    /// `<home>/release/bin/loopx` (a hard link to the binary under test, else a copy) beside
    /// `<home>/release/Rules`: the package's rules with `edit` applied to facts.yaml.
    static func releaseWithFacts(_ runner: LoopXRunner, edit: (String) -> String) throws -> String {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let release = runner.home.appendingPathComponent("release")
        try FileManager.default.createDirectory(at: release.appendingPathComponent("bin"), withIntermediateDirectories: true)
        let rules = release.appendingPathComponent("Rules")
        try FileManager.default.copyItem(at: root.appendingPathComponent("Rules"), to: rules)
        let facts = rules.appendingPathComponent("facts.yaml")
        let text = try String(contentsOf: facts, encoding: .utf8)
        let edited = edit(text)
        #expect(edited != text, "the edit changed facts.yaml")
        try Data(edited.utf8).write(to: facts)
        let binary = release.appendingPathComponent("bin/loopx")
        do {
            try FileManager.default.linkItem(atPath: LoopXRunner.binary, toPath: binary.path)
        } catch {
            try FileManager.default.copyItem(atPath: LoopXRunner.binary, toPath: binary.path)
        }
        return binary.path
    }

    /// facts.yaml with a surface streak threshold of 5, a 12-hour quota window and the
    /// status "dormant" for a goal that declares none.
    static func changedDefaults(_ text: String) -> String {
        text.replacingOccurrences(of: "      surface_streak_threshold: 3\n", with: "      surface_streak_threshold: 5\n")
            .replacingOccurrences(of: "quota: {compute: 1.0, window_hours: 24,", with: "quota: {compute: 1.0, window_hours: 12,")
            .replacingOccurrences(of: "    status: unknown\n", with: "    status: dormant\n")
    }

    @Test func aDefaultChangedInFactsYamlIsTheValueEveryCommandShowsAndDecidesOn() throws {
        let runner = try LoopXRunner()
        defer { runner.cleanUp() }
        let project = try Self.floorProject(runner)
        let binary = try Self.releaseWithFacts(runner, edit: Self.changedDefaults)
        func json(_ arguments: [String]) throws -> JSONValue {
            let result = try runner.run(arguments + ["--format", "json"], cwd: project, binary: binary)
            #expect(result.stderr.isEmpty || result.status != 3, "\(arguments): \(result.stderr)")
            return try JSONParser.parse(result.stdout)
        }
        let history = try json(["history"])["goals"]?.arrayValue?.first
        let registryGoal = try json(["registry"])["goals"]?.arrayValue?.first
        let quotaStatus = try json(["quota", "status"])
        let planned = (quotaStatus["groups"]?.objectValue?.entries ?? []).flatMap { $0.value.arrayValue ?? [] }.first { $0["goal_id"] == "floor" }
        let shouldRun = try json(["quota", "should-run", "--goal-id", "floor", "--read-only"])
        let statusGoal = try json(["status"])["run_history"]?["goals"]?.arrayValue?.first { $0["id"] == "floor" }

        // The threshold: -1 in the registry falls back to the declared 5, everywhere.
        #expect(history?["execution_profile"]?["outcome_floor"]?["surface_streak_threshold"] == 5)
        #expect(registryGoal?["execution_profile"]?["outcome_floor"]?["surface_streak_threshold"] == 5)
        #expect(shouldRun["execution_profile"]?["outcome_floor"]?["surface_streak_threshold"] == 5)
        // ... and should-run decides on it: a surface streak of 4 is under 5, so no recovery.
        #expect(shouldRun["effective_action"] != "outcome_floor_recovery", "\(shouldRun)")
        // The quota window the goal leaves out: the declared 12 hours, everywhere.
        #expect(history?["quota"]?["window_hours"] == 12)
        #expect(registryGoal?["quota"]?["window_hours"] == 12)
        #expect(planned?["quota"]?["window_hours"] == 12)
        #expect(shouldRun["quota"]?["window_hours"] == 12)
        #expect(registryGoal?["quota"]?["allowed_slots"] == 720)
        #expect(statusGoal?["status"] == "active")

        // The status the goal leaves empty: the declared default, everywhere (the rules too).
        let registryPath = "proj/.loopx/registry.json"
        var registry = try JSONParser.parse(try runner.read(registryPath))
        var goal = registry["goals"]?.arrayValue?.first?.objectValue ?? [:]
        goal["status"] = ""
        registry = .object(["schema_version": "0.1", "common_runtime_root": "runtime", "goals": [.object(goal)]])
        try runner.write(registryPath, JSONWriter(sortedKeys: true, pretty: true).string(registry) + "\n")
        #expect(try json(["registry"])["goals"]?.arrayValue?.first?["status"] == "dormant")
        #expect(try json(["history"])["goals"]?.arrayValue?.first?["status"] == "dormant")
        #expect(try json(["status"])["run_history"]?["goals"]?.arrayValue?.first { $0["id"] == "floor" }?["status"] == "dormant")
        let explained = try runner.run(
            ["rules", "explain", "--goal-id", "floor", "--decision", "should_run", "--format", "json"], cwd: project, binary: binary)
        #expect(explained.stdout.contains("\"dormant\""), "the rules read the default status: \(explained.stdout.prefix(400))")
    }

    @Test func bootstrapWritesTheDefaultsOfFactsYaml() throws {
        let runner = try LoopXRunner()
        defer { runner.cleanUp() }
        let binary = try Self.releaseWithFacts(runner) { text in
            Self.changedDefaults(text).replacingOccurrences(of: "      claim_ttl_minutes: 30\n", with: "      claim_ttl_minutes: 45\n")
        }
        try FileManager.default.createDirectory(at: runner.home.appendingPathComponent("shop"), withIntermediateDirectories: true)
        let result = try runner.run(
            ["bootstrap", "--goal-id", "shop", "--no-global-sync", "--format", "json"], cwd: runner.home.appendingPathComponent("shop"),
            binary: binary)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        let goal = try JSONParser.parse(try runner.read("shop/.loopx/registry.json"))["goals"]?.arrayValue?.first
        #expect(goal?["coordination"]?["claim_ttl_minutes"] == 45)
        #expect(goal?["execution_profile"]?["outcome_floor"]?["surface_streak_threshold"] == 5)
    }

    @Test func aFactsYamlWithoutAGoalDefaultFailsClosedAsInvalidRules() throws {
        let runner = try LoopXRunner()
        defer { runner.cleanUp() }
        let project = try Self.floorProject(runner)
        let binary = try Self.releaseWithFacts(runner) { text in
            text.replacingOccurrences(of: "quota: {compute: 1.0, window_hours: 24, slot_minutes: 1, allowed_slots: 1440}", with: "quota: {compute: 1.0}")
        }
        for arguments in [["history"], ["registry"], ["quota", "should-run", "--goal-id", "floor", "--read-only"], ["status"]] {
            let result = try runner.run(arguments + ["--format", "json"], cwd: project, binary: binary)
            #expect(result.status == 3, "\(arguments): \(result.stdout)\(result.stderr)")
            #expect((result.stdout + result.stderr).contains("goal.quota.window_hours"), "\(arguments)")
        }
    }

    @Test func aNormalizeRuleWithoutADefaultIsAPositionedRuleError() throws {
        let runner = try LoopXRunner()
        defer { runner.cleanUp() }
        let binary = try Self.releaseWithFacts(runner) { text in
            text.replacingOccurrences(of: "    goal.role: {kind: string, fallback_when: empty}\n", with: "    goal.next_probe: {kind: label}\n")
        }
        let result = try runner.run(["rules", "check"], binary: binary)
        #expect(result.status == 3)
        #expect(result.stdout.contains("facts.yaml:") && (result.stdout + result.stderr).contains("'goal.next_probe' needs a valid default"),
                "\(result.stdout)\(result.stderr)")
    }
}
