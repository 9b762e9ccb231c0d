import Foundation
import LoopXCore
import LoopXSupport
import Testing
import LoopXRules

@Suite struct ReadOnlyMapTests {
    @Test func mapsAHealthyLaneAndFlagsTheSideLaneWhoseStateDirIsMissing() throws {
        let runner = try LoopXRunner()
        defer { runner.cleanUp() }
        let fixture = try GoalFixture(runner: runner, goals: [
            .init(id: "main"), .init(id: "side", adapterKind: "repo_read_only_map_v0", state: nil),
        ])
        try runner.write("proj/README.md", "# Sample\n")
        try runner.write("proj/Sources/App/main.swift", "print(1)\n")
        try runner.write("proj/Sources/App/util.swift", "let x = 1\n")
        try runner.write("proj/tools/gen.py", "pass\n")
        try runner.write("proj/node_modules/dep/index.js", "x\n")

        let (mainRun, main) = try fixture.json(["read-only-map", "--goal-id", "main"])
        #expect(mainRun.status == 0, "\(mainRun.stderr)")
        #expect(main?["appended"] == true)
        let mainRisks = main?["residual_risks"]?.arrayValue?.compactMap(\.stringValue) ?? []
        #expect(!mainRisks.contains { $0.hasPrefix("project_goal_state_dir_not_detected") })
        #expect(!mainRisks.contains("project_local_goal_state_not_detected"))
        #expect(mainRisks.contains("state_sections_missing:operating_contract,work_clusters,validation_surfaces,private_public_boundary"))
        #expect(mainRisks.contains("standard_validation_surface_not_detected"))
        #expect(main?["recommended_action"] == "validate the parser against the fixture corpus")
        let languages = main?["project_inventory"]?["languages"]?.arrayValue ?? []
        #expect(languages.first?["language"] == "Swift")
        #expect(languages.first?["files"] == 2)
        #expect(!languages.contains { $0["language"] == "JavaScript" })
        #expect(main?["project_inventory"]?["top_level_directories"] == ["Sources", "node_modules", "tools"])
        let row = try fixture.rows("main").first
        #expect(row?["classification"] == "read_only_project_map")
        #expect(row?["project_map"]?["sections_found"] == 3)
        #expect(row?["project_map"]?["files_present"] == 3)  // README.md, .loopx/registry.json, .codex/goals
        #expect(row?["health_check"] == "repo 1/1; state_file 1/1; sections 3/7; files 3/14")
        #expect(row?["state_map"] == nil)
        let jsonPath = row?["json_path"]?.stringValue ?? ""
        let artifact = try JSONParser.parse(String(contentsOfFile: jsonPath, encoding: .utf8))
        #expect(artifact["state_map"]?["sections"]?["Next Action"] == ["validate the parser against the fixture corpus"])
        #expect(artifact["authority_sources"] == [["declares_path": true, "declares_url": false, "kind": "goal_doc", "role": "primary_goal_document"]])

        let (sideRun, side) = try fixture.json(["read-only-map", "--goal-id", "side"])
        #expect(sideRun.status == 0, "\(sideRun.stderr)")
        let sideRisks = side?["residual_risks"]?.arrayValue?.compactMap(\.stringValue) ?? []
        #expect(sideRisks.contains("project_goal_state_dir_not_detected:side"))
        #expect(sideRisks.contains("project_local_goal_state_not_detected"))
        #expect(side?["goal_state"]?["state_dir_exists"] == false)
        #expect(side?["goal_state"]?["project_registry_present"] == true)
    }

    @Test func plannedAdapterNeedsOptInAndDryRunWritesNothing() throws {
        let runner = try LoopXRunner()
        defer { runner.cleanUp() }
        let fixture = try GoalFixture(runner: runner, goals: [.init(id: "big", adapterKind: "warehouse_read_only_map_v0", adapterStatus: "planned")])
        let (preview, json) = try fixture.json(["read-only-map", "--goal-id", "big", "--dry-run"])
        #expect(preview.status == 0, "\(preview.stderr)")
        #expect(json?["opt_in_required"] == true)
        #expect(json?["appended"] == false)
        #expect(json?["residual_risks"]?.arrayValue?.first == "planned_adapter_requires_controller_opt_in")
        #expect(!FileManager.default.fileExists(atPath: fixture.runtimeRoot.path))

        let real = try runner.run(["read-only-map", "--goal-id", "big"], cwd: fixture.project)
        #expect(real.status == 1)
        #expect(real.stderr.contains("needs controller opt-in"))
        #expect(!FileManager.default.fileExists(atPath: fixture.runtimeRoot.path))
    }

    @Test func refusesAdaptersTheGenericMapDoesNotServe() throws {
        let runner = try LoopXRunner()
        defer { runner.cleanUp() }
        let fixture = try GoalFixture(runner: runner, goals: [
            .init(id: "eval", adapterKind: "benchmark_eval_v1"), .init(id: "paused", adapterStatus: "disconnected"),
        ])
        let kind = try runner.run(["read-only-map", "--goal-id", "eval"], cwd: fixture.project)
        #expect(kind.status == 1)
        #expect(kind.stderr.contains("adapter kind 'benchmark_eval_v1'"))
        let status = try runner.run(["read-only-map", "--goal-id", "paused", "--dry-run"], cwd: fixture.project)
        #expect(status.status == 1)
        #expect(status.stderr.contains("adapter status 'disconnected'"))
    }
}
