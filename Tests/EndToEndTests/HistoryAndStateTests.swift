import Foundation
import LoopXSupport
import Testing
import LoopXRules

@Suite struct HistoryAndStateTests {
    func bootstrapped(_ runner: LoopXRunner, agents: [String] = []) throws -> Project {
        let project = try Project(runner)
        let result = try project.run(["bootstrap", "--goal-id", "shop", "--no-global-sync"] + agents.flatMap { ["--registered-agent", $0] })
        #expect(result.status == 0, "\(result.stderr)")
        return project
    }

    @Test func refreshStateAppendsARunThatHistoryShows() throws {
        let runner = try LoopXRunner()
        defer { runner.cleanUp() }
        let project = try bootstrapped(runner)
        let state = try project.read(project.statePath("shop")).replacingOccurrences(
            of: "## Next Action\n\n", with: "## Next Action\n\n- Copy /Users/me/secret.txt into docs\n- Wire the importer\n  into the CLI\n")
        try project.write(project.statePath("shop"), state)

        let (dry, dryJSON) = try project.json(["refresh-state", "--goal-id", "shop", "--dry-run", "--no-global-sync"])
        #expect(dry.status == 0, "\(dry.stderr)")
        #expect(dryJSON["appended"] == false)
        #expect(!project.exists(project.indexPath("shop")))

        let (refresh, json) = try project.json([
            "refresh-state", "--goal-id", "shop", "--delivery-batch-scale", "implementation", "--delivery-outcome", "outcome_progress",
        ])
        #expect(refresh.status == 0, "\(refresh.stderr)")
        #expect(json["recommended_action"] == "Wire the importer into the CLI")
        let jsonPath = try #require(json["json_path"]?.stringValue)
        #expect(project.exists(jsonPath))
        #expect(try JSONParser.parse(try project.read(jsonPath))["state"]?["sha256_16"]?.stringValue?.count == 16)

        let (history, historyJSON) = try project.json(["history", "--goal-id", "shop", "--limit", "5"])
        #expect(history.status == 0)
        let run = try #require(historyJSON["runs"]?.arrayValue?.first)
        #expect(run["classification"] == "state_refreshed")
        #expect(run["delivery_batch_scale"] == "implementation")
        #expect(run["json_exists"] == true)
        #expect(historyJSON["goals"]?.arrayValue?.first?["quota"]?["allowed_slots"] == 1440)

        for bad in [["--delivery-batch-scale", "huge"], ["--delivery-outcome", "great"], ["--classification", "leak password here"]] {
            #expect(try project.run(["refresh-state", "--goal-id", "shop", "--no-global-sync"] + bad).status == 2, "\(bad)")
        }
        #expect(try project.read(project.indexPath("shop")).split(separator: "\n").count == 1)
    }

    @Test func rewardOverlaysMergeIntoTheirRun() throws {
        let runner = try LoopXRunner()
        defer { runner.cleanUp() }
        let project = try bootstrapped(runner)
        let (_, json) = try project.json(["refresh-state", "--goal-id", "shop", "--no-global-sync", "--delivery-batch-scale", "single_surface"])
        let row = try #require(json["index_record"]?.objectValue)
        var overlay = row
        overlay["delivery_batch_scale"] = nil
        overlay["human_reward"] = ["reward": "positive", "decision": "keep", "lesson": ["kind": "priority", "summary": "prefer depth"]]
        let writer = JSONWriter(sortedKeys: true, pretty: false)
        let extra = writer.string(.object(row)) + "\n" + writer.string(.object(overlay)) + "\n" + "{torn"
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: project.indexPath("shop")))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(extra.utf8))
        try handle.close()

        let (history, historyJSON) = try project.json(["history", "--goal-id", "shop", "--chart", "--count-records"])
        #expect(history.status == 0, "\(history.stderr)")
        let runs = historyJSON["runs"]?.arrayValue ?? []
        #expect(runs.count == 1)
        #expect(runs.first?["human_reward"]?["lesson"]?["summary"] == "prefer depth")
        #expect(runs.first?["delivery_batch_scale"] == "single_surface")
        let goal = historyJSON["goals"]?.arrayValue?.first
        #expect(goal?["raw_index_records"] == 4 && goal?["unique_runs"] == 1 && goal?["torn_last_line"] == true)
        let chart = historyJSON["chart"]?.arrayValue?.compactMap(\.stringValue) ?? []
        #expect(chart.contains("  scale   |s|") && chart.contains("  reward  |L|"))
    }

    @Test func todoLeasesThroughTheCLI() throws {
        let runner = try LoopXRunner()
        defer { runner.cleanUp() }
        let project = try bootstrapped(runner, agents: ["codex-a", "codex-b"])
        let before = try project.read(project.statePath("shop"))
        let (added, addJSON) = try project.json(["todo", "add", "--goal-id", "shop", "--text", "[P1] Wire the importer"])
        #expect(added.status == 0, "\(added.stderr)")
        let id = try #require(addJSON["todo"]?["todo_id"]?.stringValue)
        let after = try project.read(project.statePath("shop"))
        #expect(after.hasPrefix(before.components(separatedBy: "## Next Action")[0]))
        #expect(after.contains("## Agent Todo\n\n- [ ] [P1] Wire the importer\n  <!-- loopx:todo todo_id=\(id) status=open"))

        let (preview, previewJSON) = try project.json(["todo", "claim", "--goal-id", "shop", "--todo-id", id, "--agent-id", "codex-a", "--dry-run"])
        #expect(preview.status == 0 && previewJSON["written"] == false)
        #expect(previewJSON["lines"]?.arrayValue?.last?.stringValue?.contains("claimed_by=codex-a") == true)
        #expect(try project.read(project.statePath("shop")) == after)
        #expect(try project.run(["todo", "claim", "--goal-id", "shop", "--todo-id", id, "--agent-id", "codex-a"]).status == 0)
        let refused = try project.run(["todo", "claim", "--goal-id", "shop", "--todo-id", id, "--agent-id", "codex-b"])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("claimed by codex-a"))
        let stranger = try project.run(["todo", "claim", "--goal-id", "shop", "--todo-id", id, "--agent-id", "codex-z"])
        #expect(stranger.status == 1 && stranger.stderr.contains("not registered"))
        // After the 30-minute lease expires, another agent takes over.
        let (takeover, takeoverJSON) = try project.json(["--now", "2026-01-01T08:31:00Z", "todo", "claim", "--goal-id", "shop", "--todo-id", id, "--agent-id", "codex-b"])
        #expect(takeover.status == 0)
        #expect(takeoverJSON["effect"] == "taken_over")
        let (done, doneJSON) = try project.json(["--now", "2026-01-01T08:40:00Z", "todo", "complete", "--goal-id", "shop", "--todo-id", id, "--agent-id", "codex-b", "--evidence", "unit tests pass"])
        #expect(done.status == 0, "\(done.stderr)")
        #expect(doneJSON["todo"]?["status"] == "done")
        #expect(try project.read(project.statePath("shop")).contains("- [x] [P1] Wire the importer"))
        let (_, list) = try project.json(["todo", "list", "--goal-id", "shop", "--status", "done"])
        #expect(list["todos"]?.arrayValue?.count == 1)
    }

    @Test func archiveRuntimeRefusals() throws {
        let runner = try LoopXRunner()
        defer { runner.cleanUp() }
        let project = try bootstrapped(runner)
        #expect(try project.run(["refresh-state", "--goal-id", "shop", "--no-global-sync"]).status == 0)
        let goalDir = project.runtimeRoot + "/goals/shop"
        let registered = try project.run(["archive-runtime", "--goal-id", "shop", "--execute"])
        #expect(registered.status == 1 && registered.stderr.contains("still registered"))
        let (dry, dryJSON) = try project.json(["archive-runtime", "--goal-id", "shop", "--allow-registered"])
        #expect(dry.status == 0)
        #expect(dryJSON["action"] == "would-move")
        #expect(project.exists(goalDir))

        // A goal directory that is a symlink to somewhere else is never moved.
        let outside = runner.home.path + "/outside"
        try FileManager.default.createDirectory(atPath: outside, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: project.runtimeRoot + "/goals/escape", withDestinationPath: outside)
        let escaped = try project.run(["archive-runtime", "--goal-id", "escape", "--execute"])
        #expect(escaped.status == 1 && escaped.stderr.contains("outside"))
        #expect(project.exists(outside))
        #expect(try project.run(["archive-runtime", "--goal-id", "missing", "--execute"]).status == 1)
        #expect(try project.run(["archive-runtime", "--goal-id", "../x"]).status == 2)

        try FileManager.default.createDirectory(atPath: project.runtimeRoot + "/goals/old/runs", withIntermediateDirectories: true)
        let (moved, movedJSON) = try project.json(["archive-runtime", "--goal-id", "old", "--execute"])
        #expect(moved.status == 0, "\(moved.stderr)")
        #expect(movedJSON["archive_path"] == .string(project.runtimeRoot + "/archived-goals/old-20260101T080000Z"))
        #expect(project.exists(project.runtimeRoot + "/archived-goals/old-20260101T080000Z/runs"))
        #expect(!project.exists(project.runtimeRoot + "/goals/old"))
    }
}
