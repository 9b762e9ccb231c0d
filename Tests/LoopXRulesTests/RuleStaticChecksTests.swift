import Foundation
import LoopXSupport
import Testing
@testable import LoopXRules

/// Issue 14 in the engine: cost bounds at load, the linter, tighten-only stages with waivers,
/// and what every load checks.
@Suite struct RuleStaticChecksTests {
    typealias S = RuleTestSupport

    static let facts = """
        facts:
          runs:
            - ok: bool
              n: int
          count: int
          name: string
        limits:
          runs: 50

        """

    /// A built-in layer with `facts.yaml` and one stage `s` (first_match unless given).
    static func layers(_ stage: String, extra: [RuleLayerSource] = []) -> [RuleLayerSource] {
        [S.builtin([("Rules/facts.yaml", facts), ("Rules/s.yaml", stage)])] + extra
    }

    static func stage(_ rules: String, mode: String = "first_match", header: String = "") -> String {
        "stage: s\nmode: \(mode)\n\(header)rules:\n\(rules)"
    }

    static func rule(_ id: String, _ when: String, priority: Int = 0, then: String = "{v: 1}") -> String {
        "  - id: \(id)\n    description: x\n    priority: \(priority)\n    when: '\(when)'\n    then: \(then)\n"
    }

    func check(_ layers: [RuleLayerSource]) -> [Diagnostic] { RuleSet.checkAll(layers: layers, now: S.now).diagnostics }

    // MARK: cost bounds

    @Test func aTripleNestedMacroOverTheHistoryIsRefusedAtLoadWithItsBound() {
        let triple = Self.rule("s.deep", "runs.all(a, runs.all(b, runs.all(c, c.n >= a.n || b.ok)))")
        let rendered = S.loadErrors(Self.layers(Self.stage(triple)))
        #expect(rendered.hasPrefix("Rules/s.yaml:7:12: error: the worst-case cost of this expression is "), "\(rendered)")
        #expect(rendered.contains("steps, over the step budget of 100000"))
        let bound = rendered.split(separator: " ").compactMap { Int($0) }.first ?? 0
        #expect(bound > 125_000)
        // Two levels over 50 runs stay far below the budget.
        let double = Self.rule("s.pairs", "runs.all(a, runs.all(b, b.n >= a.n || b.ok))")
        #expect(S.loadErrors(Self.layers(Self.stage(double))) == "<loaded without errors>")
    }

    @Test func costBoundsFollowDeclaredLimitsThroughVariablesAndTake() throws {
        let header = "variables:\n  recent: runs.take(3)\n"
        let nested = Self.rule("s.recent", "recent.all(a, recent.all(b, recent.all(c, runs.all(d, d.ok))))")
        #expect(S.loadErrors(Self.layers(Self.stage(nested, header: header))) == "<loaded without errors>")
        let program = try Program.compileReportingOffsets("[1, 2, 3].all(x, [1, 2].exists(y, x == y))")
        let cost = program.check(in: TypeEnvironment()).cost
        #expect(cost > 3 * 2 && cost < 100)
    }

    // MARK: every load type-checks

    @Test func aLoadRefusesATypeErrorThatOnlyRulesCheckUsedToSee() {
        let rendered = S.loadErrors(Self.layers(Self.stage(Self.rule("s.bad", "count == \"3\""))))
        #expect(rendered.hasPrefix("Rules/s.yaml:7:18: error: no matching overload for 'int == string'"), "\(rendered)")
        let templated = Self.stage(Self.rule("s.t", "true", then: "{v: \"${count + name}\"}"))
        #expect(S.loadErrors(Self.layers(templated)).contains("error: no matching overload for 'int + string'"))
    }

    @Test func laterStagesAreCheckedAgainstTheOutputTypesOfEarlierOnes() {
        let pipeline = "decisions:\n  d: [s, t]\n"
        let t = "stage: t\nmode: first_match\nrules:\n" + Self.rule("t.a", "s.v > \"x\"")
        let layers = [S.builtin(pipeline: pipeline, [("Rules/facts.yaml", Self.facts), ("Rules/s.yaml", Self.stage(Self.rule("s.a", "true"))), ("Rules/t.yaml", t)])]
        #expect(S.loadErrors(layers).hasPrefix("Rules/t.yaml:7:16: error: no matching overload for 'int > string'"))
    }

    // MARK: the linter

    @Test func theLinterWarnsAndStrictRulesCheckWouldFail() {
        let rules = Self.rule("s.big", "count > 5", priority: 10) + Self.rule("s.bigger", "count > 10", priority: 5)
            + Self.rule("s.never", "false", priority: 4) + Self.rule("s.both", "count > 10 && count < 5", priority: 3)
            + Self.rule("s.words", "name == \"a\" && name == \"b\"", priority: 2)
        let header = "variables:\n  unused: count + 1\n  helper: count * 2\n  user: helper > 3\n"
        let warnings = check(Self.layers(Self.stage(rules + Self.rule("s.user", "user", priority: 1), header: header)))
            .filter { $0.severity == .warning }.map(\.message)
        #expect(warnings == [
            "variable 'unused' of stage 's' is never used",
            "rule 's.bigger' can never fire: 's.big' (Rules/s.yaml:8) runs before it and holds whenever it does",
            "rule 's.never' can never fire: its condition is literally false",
            "rule 's.both' can never fire: 'count > 10' contradicts 'count < 5'",
            "rule 's.both' can never fire: 's.big' (Rules/s.yaml:8) runs before it and holds whenever it does",
            "rule 's.words' can never fire: 'name == \"a\"' contradicts 'name == \"b\"'",
        ])
        // In the other order nothing is subsumed: `count > 5` can hold when `count > 10` does not.
        let ordered = Self.rule("s.bigger", "count > 10", priority: 10) + Self.rule("s.big", "count > 5", priority: 5)
        #expect(check(Self.layers(Self.stage(ordered))).isEmpty)
    }

    @Test func comparisonsImplyAndContradictByTheirIntervals() throws {
        func comparison(_ source: String) throws -> Comparison? {
            let program = try Program.compileReportingOffsets(source)
            return Comparison.parse(program.ast, in: program)
        }
        let gt5 = try #require(try comparison("x > 5"))
        #expect(try #require(try comparison("x > 10")).implies(gt5))
        #expect(try #require(try comparison("x >= 6")).implies(gt5))
        #expect(try #require(try comparison("7 == x")).implies(gt5))
        #expect(try #require(try comparison("x >= 5")).implies(gt5) == false)
        #expect(gt5.implies(try #require(try comparison("x > 10"))) == false)
        #expect(try #require(try comparison("x == \"a\"")).implies(try #require(try comparison("x != \"b\""))))
        #expect(gt5.contradicts(try #require(try comparison("x <= 5"))))
        #expect(gt5.contradicts(try #require(try comparison("x < 6"))) == false)
        #expect(try comparison("x > y") == nil)
    }

    @Test func theBuiltinRulesPassTheCheckerAndTheLinterWithoutAWarning() throws {
        let diagnostics = check([try RuleSetSnapshotTests.builtinRules()])
        #expect(diagnostics.map(\.rendered) == [])
    }

    // MARK: tighten-only stages

    static let gates = """
        stage: s
        mode: all_matches
        on_error: fail_closed
        direction: tighten_only
        permissive: {gate: allow}
        rules:
          - id: s.block
            description: x
            when: count > 3
            then: {gate: blocked}
          - id: s.open
            description: x
            when: name == "ok"
            then: {gate: allow}

        """

    func project(_ text: String) -> RuleSourceFile { RuleSourceFile(path: "p.yaml", text: text) }

    func loadGates(_ layer: String, now: String = "2026-01-01T08:00:00Z") -> String {
        let layers = [S.builtin([("Rules/facts.yaml", Self.facts), ("Rules/s.yaml", Self.gates)]),
                      RuleLayerSource(kind: .project, files: [project(layer)])]
        return S.loadErrors(layers, now: Timestamp(rfc3339: now) ?? S.now)
    }

    @Test func tighteningAGateNeedsNoWaiver() {
        for layer in [
            "overrides:\n  patch:\n    s.block: {when: '(count > 3) || count < 0'}\n",
            "overrides:\n  patch:\n    s.open: {when: 'name == \"ok\" && count == 0'}\n",
            "overrides:\n  disable: [s.open]\n",
            "overrides:\n  patch:\n    s.block: {then: {reason: stricter wording}, on_error: fail_closed}\n",
            "rules:\n  - id: p.more\n    stage: s\n    when: 'true'\n    then: {gate: allow}\n",
        ] {
            #expect(loadGates(layer) == "<loaded without errors>", "\(layer)")
        }
    }

    @Test func everyLooseningChangeOfAGateIsRefusedWithoutAWaiver() {
        let cases: [(String, String)] = [
            ("overrides:\n  disable: [s.block]\n", "('s.block': disabling a restrictive rule)"),
            ("overrides:\n  patch:\n    s.block: {when: 'count > 30'}\n",
             "('s.block': a restrictive rule's 'when' may only widen: write it as '(count > 3) || ...')"),
            ("overrides:\n  patch:\n    s.block: {then: {gate: operator_approval}}\n",
             "('s.block': changing the outcome of a restrictive rule (gate: \"operator_approval\"))"),
            ("overrides:\n  patch:\n    s.block: {on_error: skip}\n",
             "('s.block': on_error 'skip' makes a failing restrictive rule not decide)"),
            ("overrides:\n  patch:\n    s.open: {when: 'true'}\n",
             "('s.open': a permissive rule's 'when' may only narrow: write it as '(name == \"ok\") && ...')"),
        ]
        for (layer, reason) in cases {
            let rendered = loadGates(layer)
            #expect(rendered.contains("error: this would loosen tighten-only stage 's' \(reason); to do it anyway, declare under overrides.waivers"),
                    "\(rendered)")
        }
    }

    @Test func aWaiverNeedsAnOwnerAndAllowsTheLooseningUntilItExpires() {
        let disable = "overrides:\n  disable: [s.block]\n  waivers:\n"
        #expect(loadGates(disable + "    s.block: {reason: migration, expires: 2026-02-01}\n")
            .contains("error: waiver is missing the required key 'owner'"))
        let signed = disable + "    s.block: {owner: ana, reason: migration, expires: 2026-02-01}\n"
        #expect(loadGates(signed) == "<loaded without errors>")
        let layers = [S.builtin([("Rules/facts.yaml", Self.facts), ("Rules/s.yaml", Self.gates)]),
                      RuleLayerSource(kind: .project, files: [project(signed)])]
        let during = try? RuleSet.load(layers: layers, now: S.now)
        #expect(during?.rule(id: "s.block")?.isDisabled == true)
        #expect(during?.activeWaivers.map(\.owner) == ["ana"])
        let after = try? RuleSet.load(layers: layers, now: Timestamp(rfc3339: "2026-02-01T00:00:00Z") ?? S.now)
        #expect(after?.rule(id: "s.block")?.isDisabled == false)
        #expect(after?.expiredWaivers.map(\.ruleID) == ["s.block"])
        let result = after?.evaluate(decision: "d", facts: ["count": .int(9), "name": .string("")], now: S.now)
        #expect(result?.expiredWaivers.count == 1)
        #expect(result?.markdown.hasPrefix("- warning: waiver for `s.block` expired on 2026-02-01; the rule is back in force") == true)
        #expect(result?.outputs["s"]?.celLiteral.contains("blocked") == true)
    }
}
