import Foundation
import LoopXCore
import LoopXSupport
import Testing
import LoopXRules

@Suite struct RewardTests {
    static let base = [
        "reward", "--goal-id", "app", "--decision", "route_correction", "--reward", "mixed",
        "--reason-summary", "fix lifecycle counters before adding cases",
    ]
    static let lesson = [
        "--lesson-kind", "benchmark_protocol", "--lesson-summary", "Do not expand cases until counters are validated",
        "--lesson-avoid", "expand cases before lifecycle counters", "--lesson-prefer", "validate lifecycle counters first",
    ]

    @Test func dryRunWritesNothingButReturnsTheVisibilityFields() throws {
        let runner = try LoopXRunner()
        defer { runner.cleanUp() }
        let fixture = try GoalFixture(runner: runner, goals: [.init(id: "app")])
        try fixture.addRun("app", at: "2025-12-31T10:00:00Z", classification: "state_refreshed")
        let stateBefore = fixture.bytes(fixture.statePath("app"))
        let indexBefore = fixture.bytes(fixture.indexPath("app"))
        let (result, json) = try fixture.json(Self.base + Self.lesson + ["--write-active-state-summary", "--dry-run"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(fixture.bytes(fixture.statePath("app")) == stateBefore)
        #expect(fixture.bytes(fixture.indexPath("app")) == indexBefore)
        #expect(!FileManager.default.fileExists(atPath: runner.home.path + "/" + fixture.statePath("app") + ".lock"))
        #expect(json?["appended"] == false)
        #expect(json?["active_state_update"]?["would_write"] == true)
        #expect(json?["active_state_update"]?["written"] == false)
        #expect(json?["project_agent_visibility"]?["history_command"] == "loopx history --goal-id app --limit 3")
        #expect(json?["project_agent_visibility"]?["lesson_role"] == "route_warning_only_not_write_control")
        #expect(json?["active_state_summary"]?.stringValue?.contains("not recorded") == true)
        #expect(json?["index_record"]?["human_reward"]?["lesson"]?["kind"] == "benchmark_protocol")
    }

    @Test func lessonIsMergedIntoItsRunAndTheLedgerWriteIsIdempotent() throws {
        let runner = try LoopXRunner()
        defer { runner.cleanUp() }
        let fixture = try GoalFixture(runner: runner, goals: [.init(id: "app")])
        try fixture.addRun("app", at: "2025-12-30T10:00:00Z", classification: "state_refreshed")
        try fixture.addRun("app", at: "2025-12-31T10:00:00Z", classification: "read_only_project_map")
        let stateBefore = try runner.read(fixture.statePath("app"))
        let args = Self.base + Self.lesson + ["--run-generated-at", "2025-12-30T10:00:00Z", "--write-active-state-summary"]
        let (first, json) = try fixture.json(args)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(json?["appended"] == true)
        #expect(json?["active_state_update"]?["written"] == true)

        let runs = RunHistory(goalDirectory: fixture.runtimeRoot.path + "/goals/app").newest(limit: 5)
        #expect(runs.count == 2)
        let judged = runs.first { $0.generatedAt == "2025-12-30T10:00:00Z" }
        #expect(judged?.rowCount == 2)
        #expect(judged?.classification == "state_refreshed")
        #expect(judged?.lesson?["avoid"] == ["expand cases before lifecycle counters"])
        #expect(runs.first?.humanReward == nil)

        let stateAfter = try runner.read(fixture.statePath("app"))
        #expect(stateAfter != stateBefore)
        let ledger = stateAfter.components(separatedBy: "## Progress Ledger\n\n")[1]
        #expect(ledger.hasPrefix("- 2026-01-01T08:00:00Z: Recorded human reward for goal app on run 2025-12-30T10:00:00Z"))
        #expect(stateAfter.contains("updated_at: 2026-01-01T08:00:00Z\n"))
        // Byte-preserving: removing the inserted lines and restoring updated_at gives the original.
        let restored = stateAfter.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.hasPrefix("- 2026-01-01T08:00:00Z:") && !$0.hasPrefix("  - project_agent_visibility:") }
            .joined(separator: "\n").replacingOccurrences(of: "updated_at: 2026-01-01T08:00:00Z", with: "updated_at: 2025-12-31T00:00:00Z")
        #expect(restored == stateBefore)

        let indexAfterFirst = fixture.bytes(fixture.indexPath("app"))
        let (second, again) = try fixture.json(args)
        #expect(second.status == 0)
        #expect(again?["appended"] == false)
        #expect(again?["already_recorded"] == true)
        #expect(again?["active_state_update"]?["already_present"] == true)
        #expect(try runner.read(fixture.statePath("app")) == stateAfter)
        #expect(fixture.bytes(fixture.indexPath("app")) == indexAfterFirst)
    }

    @Test func refusesPrivateTextAndWritesNothing() throws {
        let runner = try LoopXRunner()
        defer { runner.cleanUp() }
        let fixture = try GoalFixture(runner: runner, goals: [.init(id: "app")])
        try fixture.addRun("app", at: "2025-12-31T10:00:00Z", classification: "state_refreshed")
        let indexBefore = fixture.bytes(fixture.indexPath("app"))
        for (flag, value) in [
            ("--follow-up", "read /Users/alice/notes.txt"), ("--lesson-avoid", "token=abc123"),
            ("--reason-summary", "see /home/alice/app/log.txt"), ("--decision", "copy ~/secrets.env"),
        ] {
            var args = Self.base + [flag, value]
            if flag == "--lesson-avoid" { args += ["--lesson-kind", "route", "--lesson-summary", "s"] }
            let result = try runner.run(args, cwd: fixture.project)
            #expect(result.status == 2)
            #expect(result.stderr.contains("\(flag) is not public-safe"))
        }
        #expect(fixture.bytes(fixture.indexPath("app")) == indexBefore)
        let badKind = try runner.run(Self.base + ["--lesson-kind", "vibes", "--lesson-summary", "x"], cwd: fixture.project)
        #expect(badKind.status == 2)
        #expect(badKind.stderr.contains("invalid --lesson-kind 'vibes'"))
        let fresh = try GoalFixture(runner: runner, goals: [.init(id: "app"), .init(id: "new")])
        let noRuns = try runner.run(Self.base.map { $0 == "app" ? "new" : $0 }, cwd: fresh.project)
        #expect(noRuns.status == 1)
        #expect(noRuns.stderr.contains("goal 'new' has no runs to reward"))
        #expect(!FileManager.default.fileExists(atPath: fresh.runtimeRoot.path + "/goals/new"))
        let missing = try runner.run(Self.base + ["--run-generated-at", "2020-01-01T00:00:00Z"], cwd: fixture.project)
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("no run with generated_at '2020-01-01T00:00:00Z'"))
    }

    @Test func markdownHasTheWriteEffectSectionAndZhSummary() throws {
        let runner = try LoopXRunner()
        defer { runner.cleanUp() }
        let fixture = try GoalFixture(runner: runner, goals: [.init(id: "app")])
        try fixture.addRun("app", at: "2025-12-31T10:00:00Z", classification: "state_refreshed")
        let result = try runner.run(Self.base + ["--dry-run", "--lang", "zh"], cwd: fixture.project)
        #expect(result.status == 0, "\(result.stderr)")
        let effect = result.stdout.components(separatedBy: "## Write effect\n\n")
        #expect(effect.count == 2)
        #expect(effect.last?.hasPrefix("- selected_run: `2025-12-31T10:00:00Z` (state_refreshed)\n- run_overlay: 仅预览") == true)
        #expect(result.stdout.contains("人工奖励预览（未写入）：目标 app"))
        #expect(result.stdout.range(of: "## Write effect")!.lowerBound < result.stdout.range(of: "## Reward")!.lowerBound)
    }

    @Test func bootstrappedProjectShowsTheLessonInHistory() throws {
        let runner = try LoopXRunner()
        defer { runner.cleanUp() }
        let project = runner.home.appendingPathComponent("proj")
        try FileManager.default.createDirectory(at: project, withIntermediateDirectories: true)
        let boot = try runner.run(["bootstrap", "--goal-id", "app", "--objective", "Ship the sample"], cwd: project)
        #expect(boot.status == 0, "\(boot.stderr)")
        let refresh = try runner.run(["refresh-state", "--goal-id", "app"], cwd: project)
        #expect(refresh.status == 0, "\(refresh.stderr)")
        let reward = try runner.run(Self.base + Self.lesson, cwd: project)
        #expect(reward.status == 0, "\(reward.stderr)")
        let history = try runner.run(["history", "--goal-id", "app", "--format", "json"], cwd: project)
        #expect(history.status == 0, "\(history.stderr)")
        let run = try JSONParser.parse(history.stdout)["runs"]?.arrayValue?.first
        #expect(run?["classification"] == "state_refreshed")
        #expect(run?["human_reward"]?["reward"] == "mixed")
        #expect(run?["human_reward"]?["lesson"]?["prefer"] == ["validate lifecycle counters first"])
        #expect(try JSONParser.parse(history.stdout)["run_count"] == 1)
    }
}
