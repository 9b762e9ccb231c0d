import Foundation
import LoopXCore
import Testing
import LoopXRules

/// Issue 15, finding 1 end to end: hostile numbers in the registry, flags and the run index
/// never trap the binary (a trap is signal 4/5, a Swift runtime abort signal 6); they give a
/// clear message naming the field and its allowed range.
@Suite struct NumberRangeEndToEndTests {
    static let trapSignals: Set<Int32> = [4, 5, 6]
    static let hugeWindow: Int64 = 2_562_047_788_015_216

    func notTrapped(_ result: LoopXRunner.Result) -> Bool {
        !Self.trapSignals.contains(result.status) && !result.stderr.contains("Fatal error")
    }

    @Test func aHugeQuotaWindowBlocksEveryHeartbeatCommandWithoutATrap() throws {
        let runner = try LoopXRunner()
        defer { runner.cleanUp() }
        let fixture = try GoalFixture(runner: runner, goals: [.init(id: "app")])
        try patchGoal(fixture, "app", ["quota": ["window_hours": .int(Self.hugeWindow)]])
        try fixture.addRun("app", at: "2026-01-01T07:00:00Z", classification: "quota_slot_spent", extra: ["slots": 1])
        let message = "goals[0].quota.window_hours 2562047788015216 is outside the allowed range 1...87600 (hours)"
        for arguments in [["quota", "should-run", "--goal-id", "app"], ["quota", "status"],
                          ["quota", "plan"], ["status"], ["gate", "check", "--goal-id", "app", "--kind", "push"],
                          ["registry"], ["history"]] {
            let (result, json) = try fixture.json(arguments)
            #expect(notTrapped(result), "\(arguments): status \(result.status) \(result.stderr)")
            #expect(json != nil, "\(arguments): \(result.stderr)")
            if arguments != ["history"] {
                #expect(result.stdout.contains(message), "\(arguments) does not name the field and range")
            }
        }
        // Fail closed: should-run skips the goal and exits non-zero.
        let (shouldRun, decision) = try fixture.json(["quota", "should-run", "--goal-id", "app"])
        #expect(shouldRun.status == 1)
        #expect(decision?["should_run"] == false && decision?["ok"] == false)
        #expect(decision?["quota"]?["window_hours"] == 87_600)
    }

    @Test func hugeTTLAndSlotFlagsAreUsageErrors() throws {
        let runner = try LoopXRunner()
        defer { runner.cleanUp() }
        let fixture = try GoalFixture(runner: runner, goals: [.init(id: "app")])
        let (listed, list) = try fixture.json(["todo", "list", "--goal-id", "app"])
        let id = try #require(list?["todos"]?.arrayValue?.first?["todo_id"]?.stringValue, "\(listed.stderr)")
        let before = fixture.bytes(fixture.statePath("app"))
        let (claim, _) = try fixture.json(["todo", "claim", "--goal-id", "app", "--todo-id", id, "--agent-id", "codex-a",
                                           "--ttl-minutes", "9223372036854775807"])
        #expect(claim.status == 2, "\(claim.stderr)")
        #expect(claim.stderr.contains("--ttl-minutes 9223372036854775807 is outside the allowed range 1...525600 (minutes)"))
        #expect(fixture.bytes(fixture.statePath("app")) == before)
        for command in [["spend-slot"], ["void-slot", "--void-generated-at", "2026-01-01T07:00:00Z", "--reason-summary", "wrong"]] {
            let (spend, _) = try fixture.json(["quota"] + command + ["--goal-id", "app", "--slots", "9223372036854775807"])
            #expect(spend.status == 2, "\(command): \(spend.stderr)")
            #expect(spend.stderr.contains("--slots 9223372036854775807 is outside the allowed range 1...5256000"), "\(spend.stderr)")
        }
    }

    @Test func aRegistryStoringAHugeClaimTTLRefusesTheClaimClearly() throws {
        let runner = try LoopXRunner()
        defer { runner.cleanUp() }
        let fixture = try GoalFixture(runner: runner, goals: [.init(id: "app")])
        try patchGoal(fixture, "app", ["coordination": ["claim_ttl_minutes": .int(.max)]])
        let (_, list) = try fixture.json(["todo", "list", "--goal-id", "app"])
        let id = try #require(list?["todos"]?.arrayValue?.first?["todo_id"]?.stringValue)
        let (claim, _) = try fixture.json(["todo", "claim", "--goal-id", "app", "--todo-id", id, "--agent-id", "codex-a"])
        #expect(notTrapped(claim))
        #expect(claim.status == 1, "\(claim.stderr)")
        #expect(claim.stderr.contains("goals[0].coordination.claim_ttl_minutes 9223372036854775807 is outside the allowed range 1...525600"))
        let (registry, json) = try fixture.json(["registry"])
        #expect(registry.status == 1)
        #expect(json?["problem_diagnostics"]?.arrayValue?.first?["code"] == "registry_number_out_of_range")
        // An explicit, in-range --ttl-minutes still works.
        let (ok, _) = try fixture.json(["todo", "claim", "--goal-id", "app", "--todo-id", id, "--agent-id", "codex-a", "--ttl-minutes", "45"])
        #expect(ok.status == 0, "\(ok.stderr)")
    }

    @Test func bootstrapRefusesAHugeClaimTTLAndWritesNothing() throws {
        let runner = try LoopXRunner()
        defer { runner.cleanUp() }
        try runner.write("proj/README.md", "# p\n")
        let project = runner.home.appendingPathComponent("proj")
        let result = try runner.run(["bootstrap", "--goal-id", "app", "--claim-ttl-minutes", "9223372036854775807", "--no-global-sync"], cwd: project)
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stderr.contains("--claim-ttl-minutes 9223372036854775807 is outside the allowed range 1...525600"))
        #expect(!FileManager.default.fileExists(atPath: project.appendingPathComponent(".loopx/registry.json").path))
    }

    @Test func spendRowsSummingPastInt64AndAHugeNegativeVoidNeitherTrapNorFreeQuota() throws {
        let runner = try LoopXRunner()
        defer { runner.cleanUp() }
        let fixture = try GoalFixture(runner: runner, goals: [.init(id: "app")])
        try fixture.addRun("app", at: "2026-01-01T06:00:00Z", classification: "quota_slot_spent", extra: ["slots": .int(.max)])
        try fixture.addRun("app", at: "2026-01-01T06:30:00Z", classification: "quota_slot_spent", extra: ["slots": .int(.max)])
        try fixture.addRun("app", at: "2026-01-01T07:00:00Z", classification: "quota_slot_voided", extra: ["slots": .int(.min)])
        try fixture.addRun("app", at: "2026-01-01T07:30:00Z", classification: "quota_slot_voided",
                           extra: ["slots": .int(.max), "voided_generated_at": "2026-01-01T06:00:00Z"])
        let (shouldRun, decision) = try fixture.json(["quota", "should-run", "--goal-id", "app"])
        #expect(notTrapped(shouldRun), "\(shouldRun.stderr)")
        #expect(decision?["quota"]?["spent_slots"] == 10_512_000)
        let (history, json) = try fixture.json(["history"])
        #expect(notTrapped(history) && history.status == 0, "\(history.stderr)")
        #expect(json?["goals"]?.arrayValue?.first?["quota"]?["spent_slots"] == 10_512_000)
        for arguments in [["status"], ["quota", "plan"], ["quota", "status"]] {
            let (result, _) = try fixture.json(arguments)
            #expect(notTrapped(result), "\(arguments): \(result.stderr)")
        }
    }

    /// One normalization of the quota: every command reports the same numbers, here for a
    /// negative `allowed_slots` (which the goal fact used to read as 0 and `history` as the
    /// derived count).
    @Test func everyCommandReportsTheSameQuotaForANegativeAllowedSlots() throws {
        let runner = try LoopXRunner()
        defer { runner.cleanUp() }
        let fixture = try GoalFixture(runner: runner, goals: [.init(id: "app")])
        try patchGoal(fixture, "app", ["quota": ["allowed_slots": -3, "compute": 0.5, "window_hours": 12]])
        try fixture.addRun("app", at: "2026-01-01T07:00:00Z", classification: "quota_slot_spent", extra: ["slots": 2])
        try fixture.addRun("app", at: "2026-01-01T07:10:00Z", classification: "quota_slot_voided",
                           extra: ["slots": 5, "voided_generated_at": "2025-12-01T00:00:00Z"])
        let (_, history) = try fixture.json(["history"])
        let (_, registry) = try fixture.json(["registry"])
        let (_, status) = try fixture.json(["quota", "status"])
        let (_, shouldRun) = try fixture.json(["quota", "should-run", "--goal-id", "app"])
        let planItem = status?["groups"]?.objectValue?.entries.flatMap { $0.value.arrayValue ?? [] }.first
        let quotas = [history?["goals"]?.arrayValue?.first?["quota"], registry?["goals"]?.arrayValue?.first?["quota"], planItem?["quota"], shouldRun?["quota"]]
        for quota in quotas {
            #expect(quota?["allowed_slots"] == 360, "\(String(describing: quota))")
            #expect(quota?["window_hours"] == 12)
        }
        for quota in [quotas[0], quotas[2], quotas[3]] { #expect(quota?["spent_slots"] == 2, "\(String(describing: quota))") }
        #expect(registry?["problem_diagnostics"]?.arrayValue?.first?["field"] == "goals[0].quota.allowed_slots")
    }
}
