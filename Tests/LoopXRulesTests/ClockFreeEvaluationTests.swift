import Testing
@testable import LoopXRules

/// `RuleSet.evaluateWithoutClock`, which replays use to decide a quiet goal's identical facts
/// once: it succeeds only where the outcome does not depend on `now`.
@Suite struct ClockFreeEvaluationTests {
    typealias S = RuleTestSupport

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

    static let skipping = """
        stage: s
        mode: all_matches
        rules:
          - id: s.soft
            description: a clock rule whose errors are set aside
            on_error: skip
            when: now > timestamp("2026-01-01T00:00:00Z")
            then: {note: late}
        """

    func rules(_ stage: String) throws -> RuleSet {
        try RuleSet.load(layers: [S.builtin([("Rules/s.yaml", stage)])], now: S.now)
    }

    @Test func factsThatNeverReachTheClockDecideTheSameWithoutIt() throws {
        let rules = try rules(Self.stage)
        let facts: [String: Value] = ["leased": .bool(false), "n": .int(7)]
        let free = rules.evaluateWithoutClock(decision: "d", facts: facts)
        let clocked = rules.evaluate(decision: "d", facts: facts, now: S.now)
        #expect(free?.error == nil)
        #expect(free?.stage("s")?.output.plainJSON == clocked.stage("s")?.output.plainJSON)
        #expect(free?.firedRuleIDs == ["s.big"])
    }

    @Test func aReadOfTheClockThatMattersFails() throws {
        let rules = try rules(Self.stage)
        let free = rules.evaluateWithoutClock(decision: "d", facts: ["leased": .bool(true), "n": .int(7)])
        #expect(free == nil, "the answer depends on now: it must not be reused at another instant")
        #expect(rules.evaluate(decision: "d", facts: ["leased": .bool(true), "n": .int(7)], now: S.now).firedRuleIDs == ["s.expired"])
    }

    @Test func aSetAsideRuleErrorShowsInTheOutput() throws {
        let rules = try rules(Self.skipping)
        #expect(rules.evaluateWithoutClock(decision: "d", facts: [:]) == nil, "a set-aside error may hide a clock read")
        #expect(rules.evaluate(decision: "d", facts: [:], now: S.now).stage("s")?.output.plainJSON["rule_errors"] == nil)
    }
}
