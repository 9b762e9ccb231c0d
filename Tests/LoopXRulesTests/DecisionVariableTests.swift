import Testing
@testable import LoopXRules

/// `pipeline.yaml`'s `variables:`: derivations shared by every stage, evaluated lazily and at
/// most once per decision evaluation, type-checked, carried by snapshots, built-in only.
@Suite struct DecisionVariableTests {
    typealias S = RuleTestSupport

    static let pipeline = """
        decisions:
          d: [a, b, c]
        variables:
          doubled: n * 2
          # read through `doubled_plus`, declared before what it reads
          doubled_plus: doubled + 1
          unread: n + 100
        """

    static func stage(_ name: String, _ when: String, variables: String = "") -> (String, String) {
        ("Rules/\(name).yaml", """
            stage: \(name)
            mode: first_match
            defaults: {seen: '${doubled}'}
            \(variables)rules:
              - id: \(name).big
                description: the doubled number is big
                when: \(when)
                then: {big: true}
            """)
    }

    static let layers = [S.builtin(pipeline: pipeline, [
        stage("a", "doubled > 10"),
        stage("b", "doubled_plus > 10"),
        stage("c", "more > 10", variables: "variables:\n  more: doubled_plus + doubled\n"),
    ])]

    @Test func aDecisionVariableIsEvaluatedOnceAcrossStagesAndAnUnreadOneNever() throws {
        let rules = try RuleSet.load(layers: Self.layers, now: S.now)
        let traced = rules.evaluate(decision: "d", facts: ["n": .int(6)], now: S.now, trace: .on)
        // `doubled` is read by all three stages' defaults and rules, `doubled_plus` by two and
        // by a stage variable: each is evaluated once; `unread` never.
        #expect(traced.decisionVariables.map(\.name) == ["doubled", "doubled_plus"])
        #expect(traced.decisionVariables.map(\.value.celLiteral) == ["12", "13"])
        #expect(traced.firedRuleIDs == ["a.big", "b.big", "c.big"])
        #expect(traced.outputs["c"]?.celLiteral == #"{"seen": 12, "big": true, "rule_id": "c.big"}"#)
        let quiet = rules.evaluate(decision: "d", facts: ["n": .int(2)], now: S.now)
        #expect(quiet.firedRuleIDs == [])
        #expect(quiet.outputs["a"]?.celLiteral == #"{"seen": 4, "rule_id": null}"#)
    }

    @Test func aSingleStageEvaluationSeesTheDecisionVariables() throws {
        let rules = try RuleSet.load(layers: Self.layers, now: S.now)
        let result = try rules.evaluate(stage: "c", bindings: ["n": .int(6)]).get()
        #expect(result.decided.map(\.id) == ["c.big"])
    }

    @Test func aRestoredSnapshotDecidesWithTheSameDecisionVariables() throws {
        let cold = try RuleSet.load(layers: Self.layers, now: S.now)
        let key = RuleSetSnapshot.key(layers: Self.layers, buildID: "test")
        let bytes = try #require(RuleSetSnapshot.encode(cold, key: key))
        let restored = try RuleSetSnapshot.decode(bytes, key: key, layers: Self.layers)
        #expect(restored.decisionVariables.map(\.name) == cold.decisionVariables.map(\.name))
        for n: Int64 in [2, 6] {
            let a = cold.evaluate(decision: "d", facts: ["n": .int(n)], now: S.now, trace: .on)
            let b = restored.evaluate(decision: "d", facts: ["n": .int(n)], now: S.now, trace: .on)
            #expect(a.outputs.mapValues(\.celLiteral) == b.outputs.mapValues(\.celLiteral))
            #expect(a.decisionVariables.map(\.name) == b.decisionVariables.map(\.name))
        }
    }

    @Test func aDecisionVariableReadingAStageIsAPositionedError() {
        let pipeline = "decisions:\n  d: [a, b, c]\nvariables:\n  doubled: n * 2\n  doubled_plus: a.seen + 1\n  unread: n\n"
        let rendered = S.loadErrors([S.builtin(pipeline: pipeline, [
            Self.stage("a", "doubled > 10"), Self.stage("b", "doubled_plus > 10"), Self.stage("c", "doubled > 1"),
        ])])
        #expect(rendered == """
            Rules/pipeline.yaml:5:17: error: decision variable 'doubled_plus' reads stage 'a': decision variables are shared by every stage, so they read facts and other decision variables only
              doubled_plus: a.seen + 1
                            ^
            """)
    }

    @Test func aCycleOfDecisionVariablesIsAPositionedError() {
        let pipeline = "decisions:\n  d: [a, b, c]\nvariables:\n  doubled: doubled_plus * 2\n  doubled_plus: doubled + 1\n"
        let rendered = S.loadErrors([S.builtin(pipeline: pipeline, [
            Self.stage("a", "doubled > 10"), Self.stage("b", "doubled_plus > 10"), Self.stage("c", "doubled > 1"),
        ])])
        #expect(rendered.hasPrefix("""
            Rules/pipeline.yaml:4:3: error: decision variables form a cycle: 'doubled' -> 'doubled_plus' -> 'doubled'; a variable cannot depend on itself
              doubled: doubled_plus * 2
              ^
            """))
    }

    @Test func aStageVariableCannotRedeclareADecisionVariable() {
        let rendered = S.loadErrors([S.builtin(pipeline: Self.pipeline, [
            Self.stage("a", "doubled > 10"), Self.stage("b", "doubled_plus > 10"),
            Self.stage("c", "doubled > 1", variables: "variables:\n  doubled: n * 2\n"),
        ])])
        #expect(rendered == """
            Rules/c.yaml:5:3: error: variable 'doubled' is already a decision variable (Rules/pipeline.yaml:4); read that one instead of declaring it again
              doubled: n * 2
              ^
            """)
    }

    @Test func aDecisionVariableIsTypeCheckedWhereItIsWritten() {
        let pipeline = """
            decisions:\n  d: [a, b, c]\nvariables:\n  doubled: n * 2\n  label: '"big"'\n  bad: 1 + "x"
            """
        let rendered = S.loadErrors([S.builtin(pipeline: pipeline, [
            Self.stage("a", "doubled > 10"), Self.stage("b", "label"), Self.stage("c", "bad == 1"),
        ])])
        // The variable's own error where it is written; its (string) type where a stage reads it.
        #expect(rendered == """
            Rules/pipeline.yaml:6:10: error: no matching overload for 'int + string'
              bad: 1 + "x"
                     ^
            Rules/b.yaml:7:11: error: 'when' must be a bool expression, found string
                when: label
                      ^
            """)
    }

    @Test func aLayerCannotDeclareOrRedefineADecisionVariable() {
        let rendered = S.loadErrors(Self.layers + [S.layer(.project, [(".loopx/rules/local.yaml", "variables:\n  doubled: n * 3\n")])])
        #expect(rendered.hasPrefix(".loopx/rules/local.yaml:1:1: error: unknown key 'variables'"))
    }

    @Test func theBuiltinRulesNameEachSharedDerivationOnce() throws {
        let rules = try RuleSet.load(layers: [try RuleSetSnapshotTests.builtinRules()], now: S.now)
        let shared = Set(rules.decisionVariables.map(\.name))
        for name in ["open_user_todos", "open_agent_todos", "status_neutral", "gap_threshold", "read_only_map_adapter", "work_runs"] {
            #expect(shared.contains(name), "\(name) is a decision variable")
        }
        // No stage re-declares a derivation under its own name or the old aliases.
        let stageVariables = rules.orderedStages.flatMap { $0.variables.map(\.name) }
        for alias in ["open_user", "open_agent", "open_todos", "plan_ok", "contract_ok"] + Array(shared) {
            #expect(!stageVariables.contains(alias), "stage variable \(alias)")
        }
    }
}
