import LoopXSupport
import Testing
@testable import LoopXRules

/// `RuleSet.clockFreeStages` and `evaluate(...after:)`, which replays use to decide a quiet
/// goal's identical facts once: a stage is clock-free only where its outcome does not depend
/// on `now`, and resuming from the clock-free stages gives exactly what `evaluate` gives.
@Suite struct ClockFreeEvaluationTests {
    typealias S = RuleTestSupport

    static let pipeline = "decisions:\n  d: [s, late]\n"

    static let stage = """
        stage: s
        mode: first_match
        defaults: {level: normal}
        rules:
          - id: s.expired
            description: a lease past its time
            priority: 20
            when: leased && now > timestamp("2026-01-01T00:00:00Z")
            then: {level: expired}
          - id: s.big
            description: x
            priority: 10
            when: n > 5
            then: {level: big}
        """

    static let late = """
        stage: late
        mode: all_matches
        rules:
          - id: late.soft
            description: a clock rule whose errors are set aside
            on_error: skip
            when: now > timestamp("2026-01-01T00:00:00Z") && s.level == "big"
            then: {note: late}
        """

    func rules() throws -> RuleSet {
        try RuleSet.load(layers: [S.builtin(pipeline: Self.pipeline, [("Rules/s.yaml", Self.stage), ("Rules/late.yaml", Self.late)])], now: S.now)
    }

    func json(_ result: DecisionResult) -> [String] {
        result.stages.map { "\($0.stage)=\(JSONWriter().string($0.output.plainJSON))" } + ["fired=\(result.firedRuleIDs)"]
    }

    @Test func aStageThatNeverReachesTheClockIsDecidedOnceAndResumingGivesTheSameResult() throws {
        let rules = try rules()
        let facts: [String: Value] = ["leased": .bool(false), "n": .int(7)]
        let prefix = rules.clockFreeStages(decision: "d", facts: facts)
        // `late` reads now (its error is set aside without it): only `s` is clock-free.
        #expect(prefix.map(\.stage) == ["s"])
        for now in [S.now, S.now.adding(seconds: -400 * 86_400)] {
            let resumed = rules.evaluate(decision: "d", facts: facts, now: now, after: prefix)
            let full = rules.evaluate(decision: "d", facts: facts, now: now)
            #expect(json(resumed) == json(full))
        }
    }

    @Test func aReadOfTheClockThatMattersStopsThePrefix() throws {
        let rules = try rules()
        let facts: [String: Value] = ["leased": .bool(true), "n": .int(7)]
        #expect(rules.clockFreeStages(decision: "d", facts: facts).isEmpty, "s depends on now: nothing may be reused")
        #expect(rules.evaluate(decision: "d", facts: facts, now: S.now, after: []).firedRuleIDs.first == "s.expired")
    }

    @Test func aPrefixOfAnotherDecisionIsIgnored() throws {
        let rules = try rules()
        let facts: [String: Value] = ["leased": .bool(false), "n": .int(1)]
        let foreign = rules.clockFreeStages(decision: "d", facts: ["leased": .bool(false), "n": .int(7)])
        let resumed = rules.evaluate(decision: "d", facts: facts, now: S.now, after: Array(foreign.reversed()) + foreign)
        #expect(json(resumed) == json(rules.evaluate(decision: "d", facts: facts, now: S.now)))
    }
}
