import Testing
@testable import LoopXRules

/// `rules check`: fact paths against facts.yaml and rules that can never fire.
@Suite struct RuleCheckTests {
    typealias S = RuleTestSupport

    static let facts = """
        facts:
          goal:
            id: string
            adapter: {kind: string}
          history:
            - classification: string
          state:
            sections: {"*": string}
        """

    func check(_ stage: String) -> String {
        let layers = [S.builtin(pipeline: "decisions:\n  d: [first, s]\n", [
            ("Rules/facts.yaml", Self.facts),
            ("Rules/first.yaml", "stage: first\nmode: first_match\ndefaults: {level: low}\nrules: []\n"),
            ("Rules/s.yaml", stage),
        ])]
        return RuleSet.checkAll(layers: layers, now: S.now).diagnostics.map(\.rendered).joined(separator: "\n")
    }

    @Test func unknownFactsAndFieldsGetSuggestions() {
        let rendered = check("""
            stage: s
            mode: first_match
            variables:
              kinds: history.map(h, h.classification)
            rules:
              - id: s.a
                description: x
                when: goal.adapter.knd == "x" && goa.id == "y" && first.levl == "low"
              - id: s.b
                description: x
                when: goal.id.size > 1 || state.sections.anything == "" || kinds.size() > 0 || has(goal.idd)
            """)
        #expect(rendered == """
            Rules/s.yaml:8:24: error: unknown field 'knd' of 'goal.adapter' (did you mean 'kind'?)
                when: goal.adapter.knd == "x" && goa.id == "y" && first.levl == "low"
                                   ^
            Rules/s.yaml:8:38: error: unknown identifier 'goa' (did you mean 'goal'?); facts are declared in facts.yaml
                when: goal.adapter.knd == "x" && goa.id == "y" && first.levl == "low"
                                                 ^
            Rules/s.yaml:8:61: error: stage 'first' has no output field 'levl' (did you mean 'level'?)
                when: goal.adapter.knd == "x" && goa.id == "y" && first.levl == "low"
                                                                        ^
            Rules/s.yaml:11:19: error: 'goal.id' is a string; it has no field 'size'
                when: goal.id.size > 1 || state.sections.anything == "" || kinds.size() > 0 || has(goal.idd)
                              ^
            Rules/s.yaml:11:93: error: unknown field 'idd' of 'goal' (did you mean 'id'?)
                when: goal.id.size > 1 || state.sections.anything == "" || kinds.size() > 0 || has(goal.idd)
                                                                                                        ^
            """)
    }

    @Test func rulesAfterAnAlwaysTrueOrIdenticalConditionCanNeverFire() {
        let rendered = check("""
            stage: s
            mode: first_match
            rules:
              - id: s.same_a
                description: x
                priority: 9
                when: goal.id == "a"
              - id: s.same_b
                description: x
                priority: 8
                when: goal.id=="a"
              - id: s.always
                description: x
                priority: 5
                when: true
              - id: s.after
                description: x
                when: goal.id == "b"
            """)
        #expect(rendered == """
            Rules/s.yaml:11:11: warning: rule 's.same_b' can never fire: 's.same_a' (Rules/s.yaml:4) runs before it with the identical condition
                when: goal.id=="a"
                      ^
            Rules/s.yaml:15:11: warning: rule 's.always' always matches: a first_match stage says what it decides when no rule matches once, under 'otherwise:' (an id, a description and the 'then' over the defaults)
                when: true
                      ^
            Rules/s.yaml:18:11: warning: rule 's.after' can never fire: 's.always' (Rules/s.yaml:12) runs before it and its condition is always true
                when: goal.id == "b"
                      ^
            """)
    }

    @Test func aCleanRuleSetHasNoFindings() throws {
        let checked = RuleSet.checkAll(layers: [try S.demo()], now: S.now)
        #expect(checked.diagnostics.map(\.rendered) == [])
        #expect(checked.ruleSet?.allRules.count == 11)
    }
}
