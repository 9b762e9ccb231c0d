import Foundation
import LoopXSupport
import Testing
import LoopXRules

@Suite struct BootstrapTests {
    @Test func secondBootstrapKeepsEverythingAndForceReplaces() throws {
        let runner = try LoopXRunner()
        defer { runner.cleanUp() }
        let project = try Project(runner)
        let (first, firstJSON) = try project.json(["bootstrap", "--goal-id", "shop", "--objective", "Ship the importer"])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(firstJSON["registry_goal_action"] == "appended")
        #expect(firstJSON["state_action"] == "created")
        #expect((firstJSON["next_commands"]?.arrayValue?.count ?? 0) >= 5)
        #expect(firstJSON["private_boundary_note"]?.stringValue?.contains(".gitignore") == true)
        let global = try JSONParser.parse(try project.read(project.runtimeRoot + "/registry.global.json"))
        #expect(global["registry_role"] == "global-local")
        #expect(global["goals"]?.arrayValue?.first?["source_registry"] == .string(project.registryPath))

        // Hand edits survive a rerun.
        let edited = try project.read(project.statePath("shop")) + "- a note the user added\n"
        try project.write(project.statePath("shop"), edited)
        let registryBefore = try project.read(project.registryPath)
        let (second, secondJSON) = try project.json(["bootstrap", "--goal-id", "shop", "--objective", "Something else", "--domain", "other"])
        #expect(second.status == 0, "\(second.stderr)")
        #expect(secondJSON["registry_goal_action"] == "kept-existing")
        #expect(secondJSON["state_action"] == "kept-existing")
        #expect(try project.read(project.statePath("shop")) == edited)
        #expect(try project.read(project.registryPath) == registryBefore)

        // Dry-run with --force reports and writes nothing.
        let (dry, dryJSON) = try project.json(["bootstrap", "--goal-id", "shop", "--force", "--domain", "other", "--dry-run"])
        #expect(dry.status == 0)
        #expect(dryJSON["registry_goal_action"] == "would-replace")
        #expect(try project.read(project.registryPath) == registryBefore)

        let (forced, forcedJSON) = try project.json(["bootstrap", "--goal-id", "shop", "--force", "--domain", "other", "--objective", "New objective"])
        #expect(forced.status == 0)
        #expect(forcedJSON["registry_goal_action"] == "replaced")
        #expect(!(try project.read(project.statePath("shop"))).contains("a note the user added"))
        #expect(try project.read(project.statePath("shop")).contains("New objective"))
        let registry = try JSONParser.parse(try project.read(project.registryPath))
        #expect(registry["goals"]?.arrayValue?.count == 1)
        #expect(registry["goals"]?.arrayValue?.first?["domain"] == "other")
    }

    @Test func twoGoalsInOneRepoAndASharedStateFileProblem() throws {
        let runner = try LoopXRunner()
        defer { runner.cleanUp() }
        let project = try Project(runner)
        #expect(try project.run(["bootstrap", "--goal-id", "alpha", "--no-global-sync"]).status == 0)
        #expect(try project.run(["bootstrap", "--goal-id", "beta", "--no-global-sync", "--registered-agent", "codex-main"]).status == 0)
        let (ok, okJSON) = try project.json(["registry"])
        #expect(ok.status == 0, "\(ok.stdout)")
        #expect(okJSON["goal_count"] == 2)
        let states = okJSON["goals"]?.arrayValue?.compactMap { $0["state_file_abs"]?.stringValue } ?? []
        #expect(Set(states).count == 2)
        #expect(okJSON["goals"]?.arrayValue?.allSatisfy { $0["repo_goal_count"] == 2 } == true)

        // Point beta at alpha's state file: the registry now has a problem.
        let text = try project.read(project.registryPath).replacingOccurrences(of: ".codex/goals/beta/", with: ".codex/goals/alpha/")
        try project.write(project.registryPath, text)
        let (bad, badJSON) = try project.json(["registry"])
        #expect(bad.status == 1)
        let codes = badJSON["problem_diagnostics"]?.arrayValue?.compactMap { $0["code"]?.stringValue }
        #expect(codes == ["registry_state_file_shared"])
    }

    @Test func invalidGoalIDsAreRefusedBeforeAnyPathIsBuilt() throws {
        let runner = try LoopXRunner()
        defer { runner.cleanUp() }
        let project = try Project(runner)
        for bad in ["..", "a/b", "../escape", ".hidden"] {
            let result = try project.run(["bootstrap", "--goal-id", bad])
            #expect(result.status == 2, "\(bad)")
            #expect(result.stderr.contains("invalid goal id"))
        }
        #expect(!project.exists(project.path + "/.loopx"))
        #expect(!project.exists(runner.home.path + "/escape"))
    }

    @Test func commandsOutsideAProjectFallBackToTheGlobalRegistry() throws {
        let runner = try LoopXRunner()
        defer { runner.cleanUp() }
        let project = try Project(runner)
        #expect(try project.run(["bootstrap", "--goal-id", "shop"]).status == 0)
        let elsewhere = try Project(runner, name: "elsewhere")
        let (result, json) = try elsewhere.json(["registry"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(json["global_fallback"] == true)
        #expect(json["registry_role"] == "global-local")
        #expect(json["goals"]?.arrayValue?.first?["authority_sources"] == .array([]))
        // An explicit --registry never falls back.
        let explicit = try elsewhere.run(["--registry", ".loopx/registry.json", "registry"])
        #expect(explicit.status == 1)
        #expect(explicit.stderr.contains("does not exist"))
    }

    @Test func routeCollisionsNeedReplaceStateAndLeaveABackup() throws {
        let runner = try LoopXRunner()
        defer { runner.cleanUp() }
        let first = try Project(runner, name: "one")
        let second = try Project(runner, name: "two")
        #expect(try first.run(["bootstrap", "--goal-id", "shared"]).status == 0)
        let globalPath = first.runtimeRoot + "/registry.global.json"
        let before = try first.read(globalPath)
        let collided = try second.run(["bootstrap", "--goal-id", "shared"])
        #expect(collided.status == 1)
        #expect(collided.stderr.contains("route collision"))
        #expect(try first.read(globalPath) == before)
        #expect(!second.exists(second.registryPath))
        #expect(try second.run(["bootstrap", "--goal-id", "shared", "--no-global-sync"]).status == 0)
        let (replaced, json) = try second.json(["sync-global", "--replace-state"])
        #expect(replaced.status == 0, "\(replaced.stderr)")
        let backup = try #require(json["backup_path"]?.stringValue)
        #expect(try first.read(backup) == before)
        let global = try JSONParser.parse(try first.read(globalPath))
        #expect(global["goals"]?.arrayValue?.first?["repo"] == .string(second.path))
    }
}
