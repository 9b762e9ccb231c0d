import Foundation
import LoopXRules
import Testing

/// Quota spends are bookkeeping rows in the run index: a reward without `--run-generated-at`
/// never lands on one, and `history --chart` never draws one as a delivery run.
@Suite struct SpendBookkeepingTests {
    func fixtureWithSpendAfterDelivery(_ runner: LoopXRunner) throws -> GoalFixture {
        let fixture = try GoalFixture(runner: runner, goals: [.init(id: "app")])
        try fixture.addRun("app", at: "2025-12-31T10:00:00Z", classification: "state_refreshed", extra: [
            "delivery_outcome": "outcome_progress", "delivery_batch_scale": "single_surface",
        ])
        try fixture.addRun("app", at: "2025-12-31T11:00:00Z", classification: "quota_slot_spent", extra: [
            "quota_event": ["event_type": "quota_slot_spent", "slots": 1],
        ])
        return fixture
    }

    @Test func aRewardWithoutARunJudgesTheNewestDeliveryRunNotTheSpend() throws {
        let runner = try LoopXRunner()
        defer { runner.cleanUp() }
        let fixture = try fixtureWithSpendAfterDelivery(runner)
        let (result, json) = try fixture.json(RewardTests.base + ["--dry-run"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(json?["index_record"]?["generated_at"] == "2025-12-31T10:00:00Z", "\(result.stdout)")
    }

    @Test func aRewardWithOnlySpendsRefusesClearly() throws {
        let runner = try LoopXRunner()
        defer { runner.cleanUp() }
        let fixture = try GoalFixture(runner: runner, goals: [.init(id: "app")])
        try fixture.addRun("app", at: "2025-12-31T11:00:00Z", classification: "quota_slot_spent")
        let (result, _) = try fixture.json(RewardTests.base)
        #expect(result.status != 0)
        #expect(result.stderr.contains("no delivery run to reward"), "\(result.stderr)")
    }

    @Test func theChartDrawsDeliveryRunsOnlyAndCountsSpends() throws {
        let runner = try LoopXRunner()
        defer { runner.cleanUp() }
        let fixture = try fixtureWithSpendAfterDelivery(runner)
        let (result, json) = try fixture.json(["history", "--goal-id", "app", "--chart"])
        #expect(result.status == 0, "\(result.stderr)")
        let chart = json?["chart"]?.arrayValue?.compactMap(\.stringValue) ?? []
        #expect(chart.first == "app (1 runs, oldest → newest; 1 quota spend not drawn)", "\(chart)")
        #expect(chart.contains("  scale   |s|"))
        #expect(chart.contains("  outcome |+|"))
    }
}
