import Foundation
import LoopXRules
import LoopXSupport

/// A project written as real files under the runner's HOME: `proj/.loopx/registry.json`, the
/// goals' active states, and run histories under the runtime root `rt/`.
struct GoalFixture {
    struct Goal {
        var id: String
        var adapterKind = "read_only_project_map_v0"
        var adapterStatus = "connected-read-only"
        var authoritySources = true
        /// Written as the active state when non-nil.
        var state: String? = GoalFixture.defaultState
    }

    static let defaultState = """
        ---
        status: active
        owner_mode: goal
        objective: "Ship the sample"
        updated_at: 2025-12-31T00:00:00Z
        adapter_id: sample
        ---

        # Active Goal State

        ## Objective

        Ship the sample.

        ## Authority Sources

        - docs/GOAL.md

        ## Agent Todo

        - [ ] [P1] Wire the outcome floor into the status page
        - [ ] [P2] Document the reward overlay

        ## Next Action

        - validate the parser against the fixture corpus

        ## Progress Ledger

        - 2025-12-31T00:00:00Z: created the initial active state.

        """

    let runner: LoopXRunner
    var project: URL { runner.home.appendingPathComponent("proj") }
    var runtimeRoot: URL { runner.home.appendingPathComponent("rt") }

    init(runner: LoopXRunner, goals: [Goal]) throws {
        self.runner = runner
        var entries: [JSONValue] = []
        for goal in goals {
            let statePath = ".codex/goals/\(goal.id)/ACTIVE_GOAL_STATE.md"
            var entry: JSONObject = [
                "id": .string(goal.id), "domain": "web", "status": "active", "repo": .string(project.path),
                "state_file": .string(statePath),
                "adapter": ["kind": .string(goal.adapterKind), "status": .string(goal.adapterStatus)],
            ]
            if goal.authoritySources {
                entry["authority_sources"] = [["kind": "goal_doc", "path": "docs/GOAL.md", "role": "primary_goal_document"]]
            }
            entries.append(.object(entry))
            if let state = goal.state { try runner.write("proj/" + statePath, state) }
        }
        let registry: JSONValue = [
            "schema_version": "0.1", "common_runtime_root": .string(runtimeRoot.path), "goals": .array(entries),
        ]
        try runner.write("proj/.loopx/registry.json", JSONWriter(sortedKeys: true, pretty: true).string(registry) + "\n")
    }

    func statePath(_ goal: String) -> String { "proj/.codex/goals/\(goal)/ACTIVE_GOAL_STATE.md" }
    func indexPath(_ goal: String) -> String { "rt/goals/\(goal)/runs/index.jsonl" }

    /// Appends a run row with real artifact files, as a writer command would.
    func addRun(_ goal: String, at generatedAt: String, classification: String, extra: JSONObject = [:]) throws {
        let stem = generatedAt.replacingOccurrences(of: ":", with: "-")
        let runs = "rt/goals/\(goal)/runs/"
        try runner.write(runs + stem + ".json", "{}\n")
        try runner.write(runs + stem + ".md", "# run\n")
        var row: JSONObject = [
            "generated_at": .string(generatedAt), "goal_id": .string(goal), "classification": .string(classification),
            "recommended_action": "continue the bounded segment", "health_check": "state_file 1/1",
            "json_path": .string(runtimeRoot.path + "/goals/\(goal)/runs/\(stem).json"),
            "markdown_path": .string(runtimeRoot.path + "/goals/\(goal)/runs/\(stem).md"),
        ]
        for entry in extra { row[entry.key] = entry.value }
        let line = JSONWriter(sortedKeys: true, pretty: false).string(.object(row)) + "\n"
        let url = runner.home.appendingPathComponent(indexPath(goal))
        let old = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        try runner.write(indexPath(goal), old + line)
    }

    /// Runs loopx in the project directory and parses its JSON output.
    func json(_ arguments: [String]) throws -> (LoopXRunner.Result, JSONValue?) {
        let result = try runner.run(arguments + ["--format", "json"], cwd: project)
        return (result, try? JSONParser.parse(result.stdout))
    }

    func bytes(_ relative: String) -> Data? {
        try? Data(contentsOf: runner.home.appendingPathComponent(relative))
    }

    /// Index rows as parsed objects.
    func rows(_ goal: String) throws -> [JSONValue] {
        let text = (try? runner.read(indexPath(goal))) ?? ""
        return try text.split(separator: "\n").map { try JSONParser.parse(String($0)) }
    }
}
