import Testing
@testable import LoopXRules

/// Issue 13: built-in rules run in file order; a layer places a rule with `before:`/`after:`
/// or a priority no other rule has; a first_match stage says "otherwise" once, in `otherwise:`.
@Suite struct RuleOrderTests {
    typealias S = RuleTestSupport

    static let stage = """
        stage: s
        mode: first_match
        defaults: {level: none, note: keep}
        rules:
          - id: s.high
            description: first in the file
            when: n > 10
            then: {level: high}
          - id: s.mid
            description: second
            when: n > 5
            then: {level: mid}
          - id: s.low
            description: third
            when: n > 0
            then: {level: low}
        otherwise:
          id: s.nothing
          description: no number above zero
          then: {level: zero}
        """

    static func layers(_ project: String? = nil, stage: String = stage) -> [RuleLayerSource] {
        [S.builtin([("Rules/s.yaml", stage)])] + (project.map { [S.layer(.project, [(".loopx/rules/local.yaml", $0)])] } ?? [])
    }

    func decide(_ rules: RuleSet, _ n: Int64) -> String? {
        rules.evaluate(decision: "d", facts: ["n": .int(n)], now: S.now).outputs["s"]?.plainJSON["rule_id"]?.stringValue
    }

    @Test func builtinRulesRunInFileOrderAndTheOtherwiseLast() throws {
        let rules = try RuleSet.load(layers: Self.layers(), now: S.now)
        let stage = try #require(rules.stages["s"])
        #expect(stage.rules.map(\.id) == ["s.high", "s.mid", "s.low", "s.nothing"])
        #expect(stage.rules.map(\.priority) == [300, 200, 100, 0])
        #expect(stage.rules.map(\.isOtherwise) == [false, false, false, true])
        #expect(decide(rules, 7) == "s.mid")
        // Nothing matched: the trace names the otherwise, and its `then` lies over the defaults.
        let none = rules.evaluate(decision: "d", facts: ["n": .int(0)], now: S.now, trace: .on)
        #expect(none.outputs["s"]?.celLiteral == #"{"level": "zero", "note": "keep", "rule_id": "s.nothing"}"#)
        #expect(none.firedRuleIDs == ["s.nothing"])
    }

    @Test func aLayerInsertsBetweenTwoBuiltinRules() throws {
        let rules = try RuleSet.load(layers: Self.layers("""
            rules:
              - id: p.before_mid
                stage: s
                before: s.mid
                when: n > 6
                then: {level: project_a}
              - id: p.after_mid
                stage: s
                after: s.mid
                when: n > 4
                then: {level: project_b}
              - id: p.also_after_mid
                stage: s
                after: s.mid
                when: n > 3
                then: {level: project_c}
            """), now: S.now)
        #expect(rules.stages["s"]?.rules.map(\.id)
            == ["s.high", "p.before_mid", "s.mid", "p.after_mid", "p.also_after_mid", "s.low", "s.nothing"])
        #expect(rules.rule(id: "p.before_mid")?.priority == 200, "a placed rule shows its anchor's priority")
        #expect(decide(rules, 7) == "p.before_mid")
        #expect(decide(rules, 6) == "s.mid")
        #expect(decide(rules, 5) == "p.after_mid")
        #expect(decide(rules, 4) == "p.also_after_mid")
        #expect(decide(rules, 1) == "s.low")
    }

    @Test func aLayerPriorityBetweenTheFileOrderPrioritiesPlacesTheRule() throws {
        let rules = try RuleSet.load(layers: Self.layers("""
            rules:
              - id: p.between
                stage: s
                priority: 150
                when: n > 2
                then: {level: project}
            """), now: S.now)
        #expect(rules.stages["s"]?.rules.map(\.id) == ["s.high", "s.mid", "p.between", "s.low", "s.nothing"])
    }

    @Test func anUnknownAnchorIsAPositionedErrorWithASuggestion() {
        let rendered = S.loadErrors(Self.layers("rules:\n  - id: p.x\n    stage: s\n    before: s.mdi\n    when: n > 1\n"))
        #expect(rendered == """
            .loopx/rules/local.yaml:4:13: error: cannot place 'p.x' before unknown rule 's.mdi' (did you mean 's.mid'?)
                before: s.mdi
                        ^
            """)
    }

    @Test func placingAfterTheOtherwiseOrTwiceIsAnError() {
        let after = S.loadErrors(Self.layers("rules:\n  - id: p.x\n    stage: s\n    after: s.nothing\n    when: n > 1\n"))
        #expect(after == """
            .loopx/rules/local.yaml:4:12: error: cannot place 'p.x' after 's.nothing': it is the stage's otherwise, which runs last
                after: s.nothing
                       ^
            """)
        let twice = S.loadErrors(Self.layers("rules:\n  - id: p.x\n    stage: s\n    priority: 5\n    after: s.mid\n    when: n > 1\n"))
        #expect(twice == """
            .loopx/rules/local.yaml:5:5: error: say where the rule runs once: 'before:', 'after:' or 'priority:'
                after: s.mid
                ^
            """)
    }

    @Test func aWrittenPriorityThatTiesWithAnotherRuleIsAnError() {
        let rendered = S.loadErrors(Self.layers("rules:\n  - id: p.tie\n    stage: s\n    priority: 200\n    when: n > 1\n"))
        #expect(rendered == """
            .loopx/rules/local.yaml:4:15: error: rule 'p.tie' has the same priority (200) as 's.mid' (Rules/s.yaml:9): say which runs first with 'before:' or 'after:', or pick another priority
                priority: 200
                          ^
            """)
    }

    @Test func aBuiltinPriorityRisingDownTheFileIsAnError() {
        let stage = "stage: s\nmode: first_match\nrules:\n  - id: s.a\n    description: x\n    priority: 1\n    when: n > 1\n"
            + "  - id: s.b\n    description: x\n    priority: 5\n    when: n > 2\n"
        #expect(S.loadErrors(Self.layers(stage: stage)) == """
            Rules/s.yaml:10:15: error: rule 's.b' comes after 's.a' but has a higher priority (5 over 1): built-in rules run in file order; move the rule up, or drop 'priority:'
                priority: 5
                          ^
            """)
    }

    @Test func anOtherwiseThatRestatesADefaultIsAnError() {
        let stage = Self.stage.replacingOccurrences(of: "then: {level: zero}", with: "then: {level: zero, note: keep}")
        #expect(S.loadErrors(Self.layers(stage: stage)) == """
            Rules/s.yaml:20:23: error: 'otherwise' sets 'note' to its default: leave it out (the defaults already give it)
              then: {level: zero, note: keep}
                                  ^
            """)
    }

    @Test func anAllMatchesStageHasNoOtherwise() {
        let stage = Self.stage.replacingOccurrences(of: "mode: first_match\ndefaults: {level: none, note: keep}\n", with: "mode: all_matches\n")
        #expect(S.loadErrors(Self.layers(stage: stage)).hasPrefix("Rules/s.yaml:16:1: error: 'otherwise' applies to first_match stages only"))
    }

    @Test func theOtherwiseSurvivesASnapshot() throws {
        let layers = Self.layers()
        let cold = try RuleSet.load(layers: layers, now: S.now)
        let key = RuleSetSnapshot.key(layers: layers, buildID: "test")
        let bytes = try #require(RuleSetSnapshot.encode(cold, key: key))
        let restored = try RuleSetSnapshot.decode(bytes, key: key, layers: layers)
        #expect(restored.stages["s"]?.rules.map(\.isOtherwise) == [false, false, false, true])
        #expect(decide(restored, 0) == "s.nothing")
    }

    @Test func theBuiltinFilesWriteNoPriorityAndNoAlwaysTrueRule() throws {
        let rules = try RuleSet.load(layers: [try RuleSetSnapshotTests.builtinRules()], now: S.now)
        for stage in rules.orderedStages where stage.mode == .firstMatch {
            let catchAlls = stage.rules.filter { $0.when.isLiteralTrue }
            #expect(catchAlls.filter { !$0.isOtherwise }.isEmpty, "stage \(stage.name): \(catchAlls.map(\.id))")
            #expect(stage.rules.map(\.priority) == stage.rules.map(\.priority).sorted(by: >))
        }
        for rule in rules.allRules { #expect(!rule.yaml.contains("priority:"), "\(rule.id)") }
    }
}
