import LoopXSupport
import Testing
@testable import LoopXCore
import LoopXRules

/// Issue 15, finding 1: numbers from registries, flags and history rows are range-checked
/// where they enter, and the arithmetic behind them saturates instead of trapping.
@Suite struct NumberRangeTests {
    static let hugeWindow: Int64 = 2_562_047_788_015_216

    @Test func timestampArithmeticSaturatesAtBothEnds() {
        #expect(Timestamp(seconds: .max - 5).adding(seconds: 100).seconds == .max)
        #expect(Timestamp(seconds: .min + 5).adding(seconds: -100).seconds == .min)
        #expect(Timestamp(seconds: 0).adding(minutes: .max).seconds == .max)
        #expect(Timestamp(seconds: 0).adding(minutes: 2).seconds == 120)
        // Rendering and intervals of the extreme instants do not trap either.
        #expect(!Timestamp(seconds: .min).rfc3339.isEmpty && !Timestamp(seconds: .max).rfc3339.isEmpty)
        #expect(Timestamp(seconds: -1).rfc3339 == "1969-12-31T23:59:59Z")
        #expect(Timestamp(seconds: .max).interval(since: Timestamp(seconds: .min)) > 1e19)
    }

    @Test func saturatingHelpersClampInsteadOfTrapping() {
        #expect(Int64.max.saturatingAdding(1) == .max && Int64.min.saturatingAdding(-1) == .min)
        #expect(Int64.min.saturatingSubtracting(1) == .min && Int64.max.saturatingSubtracting(-1) == .max)
        #expect(Int64.max.saturatingMultiplied(by: 60) == .max && Int64.min.saturatingMultiplied(by: 60) == .min)
        #expect(Int64(-3).saturatingMultiplied(by: Int64.max) == .min)
        #expect(Int64.clamping(rounded: 1e300, to: 0...10) == 10 && Int64.clamping(rounded: .nan, to: 0...10) == 0)
        #expect(Int64.clamping(rounded: 4.5, to: 0...10) == 5)
    }

    @Test func aHugeWindowIsPulledIntoRangeAndReported() throws {
        let fields = try TestFiles.builtinFields()
        let goal = GoalEntry(["id": "g", "quota": ["window_hours": .int(Self.hugeWindow), "slot_minutes": .int(.max)]])
        let quota = QuotaConfig(goal: goal, defaults: fields.quota)
        #expect(quota.windowHours == 87_600 && quota.slotMinutes == 5_256_000)
        #expect(quota.violations.map(\.field) == ["quota.window_hours", "quota.slot_minutes"])
        #expect(quota.violations.first?.message(goalIndex: 2)
            == "goals[2].quota.window_hours 2562047788015216 is outside the allowed range 1...87600 (hours)")
        #expect(quota.windowSeconds == 87_600 * 3600)
        // The goal fact reads the same normalization, and its window never overflows.
        let fact = GoalFacts.goal(goal, id: "g", fields: fields, quota: quota)
        #expect(fact["quota"]?["window_hours"] == 87_600)
        #expect(QuotaConfig.violations(of: goal) == quota.violations)
    }

    @Test func negativeAllowedSlotsNormalizeOnceToTheDerivedCount() throws {
        let defaults = try TestFiles.builtinFields().quota
        let goal = GoalEntry(["id": "g", "quota": ["allowed_slots": -5, "compute": 0.5, "keep": "me"]])
        let quota = QuotaConfig(goal: goal, defaults: defaults)
        #expect(quota.allowedSlots == 720)
        #expect(quota.violations.map(\.field) == ["quota.allowed_slots"])
        let fact = GoalFacts.quota(goal, normalized: quota)
        #expect(fact["allowed_slots"] == 720 && fact["window_hours"] == 24 && fact["keep"] == "me")
        // Types that are not numbers are problems too, and fall back to the defaults.
        let typed = QuotaConfig(goal: GoalEntry(["id": "g", "quota": ["window_hours": "24", "compute": 3.0]]), defaults: defaults)
        #expect(typed.windowHours == 24 && typed.compute == 1.0)
        #expect(typed.violations.map(\.field) == ["quota.compute", "quota.window_hours"])
        #expect(QuotaConfig.violations(of: GoalEntry(["id": "g", "quota": ["window_hours": 24, "compute": 0.5]])).isEmpty)
    }

    @Test func registryProblemsNameThePathTheFieldAndTheRange() throws {
        let json: JSONValue = ["goals": [
            ["id": "a", "repo": "/r", "domain": "d", "state_file": "s.md", "adapter": ["kind": "k"],
             "quota": ["window_hours": .int(Self.hugeWindow)]],
            ["id": "b", "repo": "/r", "domain": "d", "state_file": "t.md", "adapter": ["kind": "k"],
             "coordination": ["claim_ttl_minutes": .int(.max)], "spawn_policy": ["max_children": -1]],
        ]]
        let registry = try Registry(json: json, path: "/p/registry.json")
        let problems = registry.problems(environment: TestFiles.environment(home: "/h", cwd: "/r"))
        #expect(problems.map(\.code) == [.quotaOutOfRange, .numberOutOfRange, .numberOutOfRange])
        #expect(problems.map(\.field) == ["goals[0].quota.window_hours", "goals[1].coordination.claim_ttl_minutes", "goals[1].spawn_policy.max_children"])
        #expect(problems[0].text == "registry_quota_out_of_range: /p/registry.json: goals[0].quota.window_hours 2562047788015216 is outside the allowed range 1...87600 (hours)")
        #expect(problems[1].message.hasSuffix("9223372036854775807 is outside the allowed range 1...525600 (minutes)"))
        #expect(problems[0].json["field"] == "goals[0].quota.window_hours")
        #expect(registry.goals[1].claimTTL(default: 30).minutes == 525_600)
    }

    @Test func absurdSpendAndVoidRowsCannotOverflowOrFreeQuota() {
        let at = TestFiles.time("2026-01-01T07:00:00Z")
        func event(_ kind: String, _ slots: Int64) -> SpendEvent? {
            SpendEvent(row: ["generated_at": "2026-01-01T07:00:00Z", "classification": .string(kind), "slots": .int(slots)], instant: at)
        }
        let huge = event("quota_slot_spent", .max), negative = event("quota_slot_spent", -7)
        #expect(huge?.slots == 5_256_000 && huge?.recordedSlotsOutOfRange == .max)
        #expect(negative?.slots == 1)
        let void = event("quota_slot_voided", .min)
        #expect(void?.slots == 0 && void?.signedSlots == 0 && void?.recordedSlotsOutOfRange == .min)
        let events = [huge, huge, void, event("quota_slot_voided", .max)].compactMap { $0 }
        let tally = QuotaConfig.tally(events, since: TestFiles.time("2026-01-01T00:00:00Z"))
        #expect(tally.spentSlots == 10_512_000 && tally.voidedSlots == 0 && tally.netSlots == 10_512_000)
        // Sums saturate even past the per-row cap.
        var many = QuotaConfig.SpendTally()
        many.spentSlots = .max
        many.voidedSlots = .min
        #expect(many.netSlots == .max)
    }

    @Test func flagsOutsideTheirRangeAreUsageErrors() {
        #expect(throws: CommandFailure.self) { try NumberRange.claimTTLMinutes.checkedFlag(.max, flag: "--ttl-minutes") }
        let failure = #expect(throws: CommandFailure.self) { try NumberRange.claimTTLMinutes.checkedFlag(0, flag: "--ttl-minutes") }
        #expect(failure?.status == .usage)
        #expect(failure?.message == "--ttl-minutes 0 is outside the allowed range 1...525600 (minutes)")
        #expect((try? NumberRange.claimTTLMinutes.checkedFlag(525_600, flag: "--ttl-minutes")) == 525_600)
        var options = BootstrapOptions()
        options.claimTTLMinutes = .max
        #expect(throws: CommandFailure.self) { try options.validatedLists() }
        options.claimTTLMinutes = 45
        options.maxChildren = 1_001
        #expect(throws: CommandFailure.self) { try options.validatedLists() }
        options.maxChildren = 3
        #expect((try? options.validatedLists()) != nil)
    }

    @Test func aTodoLeaseOutsideItsRangeIsRefusedNotTrapped() throws {
        let document = ActiveStateDocument(text: "# State\n\n## Agent Todo\n\n- [ ] [P1] Do the thing\n")
        var editor = TodoEditor(document: document, now: TestFiles.time("2026-01-01T08:00:00Z"))
        let id = try #require(document.todos.first?.id)
        #expect(throws: TodoEditor.Refusal.self) { try editor.claim(id: id, agent: "codex-a", ttlMinutes: .max) }
        let (claimed, _) = try editor.claim(id: id, agent: "codex-a", ttlMinutes: 525_600)
        #expect(claimed.claimExpiresAt == TestFiles.time("2027-01-01T08:00:00Z"))
    }
}
