import LoopXSupport
import Testing
@testable import LoopXRules

/// Stage modes, priorities, `on_error`, templates, traces and determinism.
@Suite struct RuleEvaluationTests {
    typealias S = RuleTestSupport

    static func set(_ stage: String, pipeline: String = "decisions:\n  d: [s]\n") throws -> RuleSet {
        try RuleSet.load(layers: [S.builtin(pipeline: pipeline, [("Rules/s.yaml", stage)])], now: S.now)
    }

    static let firstMatch = """
        stage: s
        mode: first_match
        defaults: {level: normal, note: keep}
        variables:
          doubled: n * 2
          big: doubled > 10
        rules:
          - id: s.a_big
            description: first in the file, so it runs first
            when: big && name == "y"
            then: {level: bigger}
          - id: s.b_big
            description: x
            when: big && name == "x"
            then: {level: big, twice: "${doubled}", text: "n=${n} name=${name} list=${[1, 'a']}"}
          - id: s.low_priority_match
            description: last in the file, so it runs last
            when: n > 0
            then: {level: low}
        """

    @Test func firstMatchRunsInFileOrderAndOverlaysDefaults() throws {
        let rules = try Self.set(Self.firstMatch)
        #expect(rules.stages["s"]?.rules.map(\.id) == ["s.a_big", "s.b_big", "s.low_priority_match"])
        #expect(rules.stages["s"]?.rules.map(\.priority) == [300, 200, 100])
        let result = rules.evaluate(decision: "d", facts: ["n": .int(6), "name": .string("x")], now: S.now)
        #expect(result.outputs["s"]?.celLiteral
            == #"{"level": "big", "note": "keep", "twice": 12, "text": "n=6 name=x list=[1, \"a\"]", "rule_id": "s.b_big"}"#)
        let none = rules.evaluate(decision: "d", facts: ["n": .int(0), "name": .string("x")], now: S.now)
        #expect(none.outputs["s"]?.celLiteral == #"{"level": "normal", "note": "keep", "rule_id": null}"#)
        #expect(none.stages[0].decided.isEmpty)
    }

    @Test func shadowedIsComputedOnlyWhenTracingAndNeverChangesTheOutput() throws {
        let rules = try Self.set(Self.firstMatch)
        let facts: [String: Value] = ["n": .int(6), "name": .string("x")]
        let off = rules.evaluate(decision: "d", facts: facts, now: S.now, trace: .off)
        let on = rules.evaluate(decision: "d", facts: facts, now: S.now, trace: .on)
        #expect(off.stages[0].rules.isEmpty)
        #expect(on.stages[0].rules.map { "\($0.rule.id) \($0.outcome.rawValue)" }
            == ["s.a_big not_fired", "s.b_big fired", "s.low_priority_match shadowed"])
        #expect(off.outputs["s"]?.celLiteral == on.outputs["s"]?.celLiteral)
    }

    @Test func nearMissNamesTheFirstFalseConjunctAndItsFacts() throws {
        let rules = try Self.set(Self.firstMatch)
        let result = rules.evaluate(decision: "d", facts: ["n": .int(6), "name": .string("z")], now: S.now, trace: .on)
        let miss = try #require(result.stages[0].rules.first { $0.rule.id == "s.b_big" })
        #expect(miss.outcome == .notFired)
        #expect(miss.why?.conjunct == #"name == "x""#)
        #expect(miss.why?.facts.map { "\($0.path)=\($0.value.celLiteral)" } == [#"name="z""#])
        let fired = try #require(result.stages[0].rules.first { $0.rule.id == "s.low_priority_match" })
        #expect(fired.why?.conjunct == nil)
        #expect(fired.why?.facts.map { "\($0.path)=\($0.value.celLiteral)" } == ["n=6"])
        #expect(JSONWriter().string(miss.json)
            == #"{"id":"s.b_big","layer":"builtin","outcome":"not_fired","priority":200,"source":"Rules/s.yaml:12","why":{"conjunct":"name == \"x\"","facts":{"name":"z"}}}"#)
    }

    @Test func fullTraceListsEverySubExpressionInSourceOrder() throws {
        let rules = try Self.set(Self.firstMatch)
        let result = rules.evaluate(decision: "d", facts: ["n": .int(1), "name": .string("x")], now: S.now, trace: .full)
        let low = try #require(result.stages[0].rules.first { $0.rule.id == "s.low_priority_match" })
        #expect(low.nodes.map { "\($0.expression) = \($0.value.celLiteral)" } == ["n > 0 = true", "n = 1", "0 = 0"])
    }

    static let allMatches = """
        stage: s
        mode: all_matches
        on_error: skip
        rules:
          - id: s.one
            description: x
            priority: 2
            when: n >= 1
            then: {msg: "one"}
          - id: s.broken
            description: x
            priority: 1
            when: n / 0 == 1
            then: {msg: "never"}
          - id: s.two
            description: x
            when: n >= 2
            then: {msg: "two", n: "${n}"}
        """

    @Test func allMatchesCollectsItemsAndSkipsErrors() throws {
        let rules = try Self.set(Self.allMatches)
        let result = rules.evaluate(decision: "d", facts: ["n": .int(2)], now: S.now, trace: .on)
        #expect(result.outputs["s"]?.celLiteral == """
            {"items": [{"msg": "one", "id": "s.one"}, {"msg": "two", "n": 2, "id": "s.two"}], "rule_ids": ["s.one", "s.two"], \
            "rule_errors": [{"id": "s.broken", "error": "division by zero"}]}
            """)
        #expect(result.stages[0].rules.map(\.outcome) == [.fired, .error, .fired])
    }

    @Test func failClosedCountsAFailingRuleAsMatched() throws {
        let rules = try Self.set(Self.allMatches.replacingOccurrences(of: "on_error: skip", with: "on_error: fail_closed"))
        let result = rules.evaluate(decision: "d", facts: ["n": .int(1)], now: S.now)
        #expect(result.outputs["s"]?.celLiteral == """
            {"items": [{"msg": "one", "id": "s.one"}, {"msg": "never", "id": "s.broken", "error": "division by zero"}], \
            "rule_ids": ["s.one", "s.broken"], "rule_errors": [{"id": "s.broken", "error": "division by zero"}]}
            """)
    }

    @Test func abortFailsTheDecisionAndStopsLaterStages() throws {
        let pipeline = "decisions:\n  d: [s, t]\n"
        let rules = try RuleSet.load(layers: [S.builtin(pipeline: pipeline, [
            ("Rules/s.yaml", Self.allMatches.replacingOccurrences(of: "on_error: skip", with: "on_error: abort")),
            ("Rules/t.yaml", "stage: t\nmode: first_match\nrules: []\n"),
        ])], now: S.now)
        let result = rules.evaluate(decision: "d", facts: ["n": .int(1)], now: S.now)
        #expect(result.error?.description == "stage 's', rule 's.broken': division by zero")
        #expect(result.stages.isEmpty)
    }

    /// (A `when` the checker can type as non-bool is refused at load; `n` is dyn here.)
    @Test func aNonBoolConditionIsAnError() throws {
        let rules = try Self.set("stage: s\nmode: first_match\nrules:\n  - id: s.a\n    description: x\n    when: n\n")
        let result = rules.evaluate(decision: "d", facts: ["n": .int(1)], now: S.now, trace: .on)
        #expect(result.stages[0].ruleErrors.map(\.message) == ["'when' evaluated to int, not bool"])
        #expect(result.stages[0].rules[0].outcome == .error)
    }

    @Test func laterStagesReadEarlierOutputsAndVariablesStayInTheirStage() throws {
        let pipeline = "decisions:\n  d: [s, t]\n"
        let rules = try RuleSet.load(layers: [S.builtin(pipeline: pipeline, [
            ("Rules/s.yaml", "stage: s\nmode: first_match\ndefaults: {v: 1}\nvariables:\n  hidden: 5\nrules: []\n"),
            ("Rules/t.yaml", """
                stage: t
                mode: first_match
                rules:
                  - id: t.reads
                    description: x
                    when: s.v == 1
                    then: {copy: "${s.v + 1}"}
                """),
        ])], now: S.now)
        let result = rules.evaluate(decision: "d", facts: [:], now: S.now)
        #expect(result.outputs["t"]?.celLiteral == #"{"copy": 2, "rule_id": "t.reads"}"#)
    }

    @Test func unusedVariablesAreNeverEvaluated() throws {
        // `boom` would fail (and show in rule_errors) if it were evaluated eagerly.
        let rules = try Self.set("""
            stage: s
            mode: first_match
            variables:
              boom: 1 / 0
              fine: n + 1
            rules:
              - id: s.a
                description: x
                when: fine == 2
            """)
        let result = rules.evaluate(decision: "d", facts: ["n": .int(1)], now: S.now, trace: .on)
        #expect(result.outputs["s"]?.celLiteral == #"{"rule_id": "s.a"}"#)
        #expect(result.stages[0].ruleErrors.isEmpty)
    }

    @Test func sameInputsGiveByteIdenticalJSON() throws {
        let rules = try RuleSet.load(layers: [try S.demo()], now: S.now)
        let facts = rules.schema.bindings(from: rules.schema.defaults).facts
        let render = { (level: TraceLevel) -> String in
            JSONWriter(sortedKeys: true, pretty: true).string(
                rules.evaluate(decision: "tick", facts: facts, now: S.now, trace: level).json)
        }
        for level in TraceLevel.allCases {
            #expect(render(level) == render(level))
        }
        let again = try RuleSet.load(layers: [try S.demo()], now: S.now)
        #expect(JSONWriter().string(again.evaluate(decision: "tick", facts: facts, now: S.now, trace: .full).json)
            == JSONWriter().string(rules.evaluate(decision: "tick", facts: facts, now: S.now, trace: .full).json))
    }

    @Test func unknownDecisionIsReportedWithASuggestion() throws {
        let rules = try Self.set(Self.allMatches)
        #expect(rules.evaluate(decision: "dd", facts: [:], now: S.now).error?.message == "unknown decision 'dd' (did you mean 'd'?)")
    }
}
