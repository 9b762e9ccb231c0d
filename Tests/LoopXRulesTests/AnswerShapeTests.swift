import LoopXSupport
import Testing
@testable import LoopXRules

/// `answers:` of pipeline.yaml: read once into `AnswerShape`, checked against the decision's
/// stages, and assembled from stage outputs by declared names.
@Suite struct AnswerShapeTests {
    typealias S = RuleTestSupport

    static let stage = "stage: s\ndescription: d\nmode: first_match\ndefaults: {n: 1, items: [{k: a, v: 1}]}\nrules: []\n"
    static let other = "stage: t\ndescription: d\nmode: first_match\ndefaults: {m: 2}\nrules: []\n"

    func load(_ answers: String) throws -> RuleSet {
        try RuleSet.load(layers: [S.builtin(
            pipeline: "decisions:\n  d: [s]\n  e: [t]\nanswers:\n" + answers, [("Rules/s.yaml", Self.stage), ("Rules/t.yaml", Self.other)])],
            now: S.now)
    }

    @Test func aDeclaredFieldJoinsTheAnswerUnderItsName() throws {
        let rules = try load("  d:\n    base: s\n    fields:\n      count: s.n\n      list: {from: s.items, spread_by: k}\n")
        let result = rules.evaluate(decision: "d", facts: [:], now: S.now)
        let shape = try #require(result.answer)
        var outputs: [String: JSONValue] = [:]
        for stage in result.stages { outputs[stage.stage] = stage.output.plainJSON }
        let entries = shape.entries(outputs)
        #expect(entries.map(\.key) == ["count", "list", "a"])
        #expect(entries.first?.value == .int(1))
        #expect(entries.last?.value == ["k": "a", "v": 1])
    }

    @Test func onlyIfNullsAndOmitEmptyDrops() throws {
        let rules = try load("  d:\n    fields:\n      gated: {from: s.n, only_if: s.n}\n      gone: {from: s.missing, omit_empty: true}\n      fallback: {from: s.missing, default: []}\n")
        let result = rules.evaluate(decision: "d", facts: [:], now: S.now)
        var outputs: [String: JSONValue] = [:]
        for stage in result.stages { outputs[stage.stage] = stage.output.plainJSON }
        let entries = try #require(result.answer).entries(outputs)
        #expect(entries.map(\.key) == ["gated", "fallback"])
        #expect(entries.map(\.value) == [.null, .array([])])
    }

    @Test func aStageTheDecisionDoesNotRunIsAPositionedError() {
        let rendered = S.loadErrors([S.builtin(
            pipeline: "decisions:\n  d: [s]\n  e: [t]\nanswers:\n  d:\n    fields:\n      m: t.m\n",
            [("Rules/s.yaml", Self.stage), ("Rules/t.yaml", Self.other)])])
        #expect(rendered == """
            Rules/pipeline.yaml:7:10: error: stage 't' does not run in decision 'd' (did you mean 's'?)
                  m: t.m
                     ^
            """)
    }

    @Test func unknownDecisionsAndKeysAreErrors() {
        let rendered = S.loadErrors([S.builtin(
            pipeline: "decisions:\n  d: [s]\nanswers:\n  dd:\n    base: s\n  d:\n    fields:\n      x: {from: s.n, defualt: 1}\n",
            [("Rules/s.yaml", Self.stage)])])
        #expect(rendered.contains("Rules/pipeline.yaml:4:3: error: answer of unknown decision 'dd' (did you mean 'd'?)"))
        #expect(rendered.contains("Rules/pipeline.yaml:8:22: error: unknown key 'defualt' in answer field 'x' (did you mean 'default'?)"))
    }

    @Test func theAnswerSurvivesASnapshot() throws {
        let layers = [S.builtin(
            pipeline: "decisions:\n  d: [s]\nanswers:\n  d:\n    base: s\n    fields:\n      count: {from: s.n, only_if: s.n, default: 3, omit_empty: true, spread_by: k}\n",
            [("Rules/s.yaml", Self.stage)])]
        let rules = try RuleSet.load(layers: layers, now: S.now)
        let bytes = try #require(RuleSetSnapshot.encode(rules, key: "k"))
        let decoded = try RuleSetSnapshot.decode(bytes, key: "k", layers: layers)
        #expect(decoded.pipeline == rules.pipeline)
        #expect(decoded.pipeline.answer(of: "d")?.fields.first?.defaultValue == .int(3))
    }
}
