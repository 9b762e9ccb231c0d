import LoopXSupport
import Testing
@testable import LoopXRules

/// The compact `rule_trace`, the traced JSON, the Markdown tree, and `then` templates.
@Suite struct RuleTraceRenderingTests {
    typealias S = RuleTestSupport

    static let stage = """
        stage: s
        mode: first_match
        defaults: {mode: idle}
        rules:
          - id: s.busy
            description: x
            priority: 10
            when: load > 5 && owner == "ana"
            then: {mode: busy, note: "load ${load} (literal $${load})", load: "${load}"}
            prompt: Say why the job is busy.
          - id: s.any
            description: x
            when: load > 0
            then: {mode: some}
        """

    func result(_ load: Int64, _ trace: TraceLevel) throws -> DecisionResult {
        let rules = try RuleSet.load(layers: [S.builtin([("Rules/s.yaml", Self.stage)])], now: S.now)
        return rules.evaluate(decision: "d", facts: ["load": .int(load), "owner": .string("ana")], now: S.now, trace: trace)
    }

    @Test func compactRuleTraceNamesTheDecidingRuleAndOutput() throws {
        let json = JSONWriter().string(try result(9, .off).json)
        #expect(json == """
            {"decision":"d","outputs":{"s":{"load":9,"mode":"busy","note":"load 9 (literal ${load})","rule_id":"s.busy"}},\
            "rule_trace":[{"mode":"first_match","output":{"load":9,"mode":"busy","note":"load 9 (literal ${load})","rule_id":"s.busy"},\
            "rules":[{"id":"s.busy","layer":"builtin","source":"Rules/s.yaml:5"}],"stage":"s"}],"trace":"off","waivers":[]}
            """)
    }

    @Test func markdownIsAnIndentedTree() throws {
        #expect(try result(3, .on).markdown == """
            - **s** (first_match) → `s.any`
              - output:
                - mode: `"some"`
                - rule_id: `"s.any"`
              - not_fired `s.busy` (priority 10, builtin Rules/s.yaml:5)
                - false: `load > 5`
                  - load = `3`
              - fired `s.any` (priority 0, builtin Rules/s.yaml:11)
                - load = `3`

            """)
    }

    @Test func longOutputValuesWrapAtTheWidthAndKeepEveryWord() {
        let words = (0..<60).map { "word\($0)" }
        let value = Value.string(words.joined(separator: " "))
        let lines = Value.wrapped("  - note: ", value.celLiteral, indent: "  ")
        #expect(lines.count > 2)
        #expect(lines.allSatisfy { $0.count <= Value.keyValueWidth })
        #expect(lines.dropFirst().allSatisfy { $0.hasPrefix("      word") })
        let rejoined = lines.map { String($0.drop(while: { $0 == " " })) }.joined(separator: " ")
        #expect(rejoined == "- note: `" + value.celLiteral + "`")
    }

    @Test func longValuesAreAbbreviatedInMarkdownOnly() {
        let long = Value.list((0..<100).map { .int(Int64($0)) })
        let text = RuleTrace.abbreviated(long)
        #expect(text.hasSuffix("… (100 items)"))
        #expect(text.count < 130)
        #expect(RuleTrace.abbreviated(.string("short")) == #""short""#)
    }

    @Test func promptsComeFromEnabledRulesInRunOrder() throws {
        let rules = try RuleSet.load(layers: [S.builtin([("Rules/s.yaml", Self.stage)])], now: S.now)
        #expect(rules.prompts().map { "\($0.rule.id): \($0.prompt)" } == ["s.busy: Say why the job is busy."])
        #expect(rules.prompts(stages: ["other"]).isEmpty)
    }
}
