import LoopXSupport
import Testing
@testable import LoopXRules

/// Layers, `overrides:` (disable, patch), locked rules and expiring waivers.
@Suite struct RuleLayeringTests {
    typealias S = RuleTestSupport

    static let gates = S.builtin(pipeline: "decisions:\n  gate: [gates]\n", [("Rules/gates.yaml", """
        stage: gates
        mode: all_matches
        on_error: fail_closed
        rules:
          - id: gates.secrets
            description: secrets need the operator
            priority: 100
            locked: true
            when: action == "touch_secret"
            then: {gate: operator_approval}
          - id: gates.release
            description: releases are reviewed
            priority: 50
            when: action == "release"
            then: {gate: review}
        """)])

    func load(_ project: String, now: String = "2026-01-01T08:00:00Z") throws -> RuleSet {
        try RuleSet.load(
            layers: [Self.gates, S.layer(.project, [(".loopx/rules/local.yaml", project)])],
            now: Timestamp(rfc3339: now) ?? S.now)
    }

    func gateIDs(_ rules: RuleSet, _ action: String) -> [String] {
        rules.evaluate(decision: "gate", facts: ["action": .string(action)], now: S.now).firedRuleIDs
    }

    @Test func disablingAnUnlockedRuleKeepsItListedAsDisabled() throws {
        let rules = try load("overrides:\n  disable: [gates.release]\n")
        #expect(gateIDs(rules, "release") == [])
        let traced = rules.evaluate(decision: "gate", facts: ["action": .string("release")], now: S.now, trace: .on)
        #expect(traced.stages[0].rules.map(\.outcome) == [.notFired, .disabled])
        #expect(rules.rule(id: "gates.release")?.disabledBy?.description == ".loopx/rules/local.yaml:2")
    }

    @Test func patchChangesFieldsAndMergesThen() throws {
        let rules = try load("""
            overrides:
              patch:
                gates.release: {priority: 200, then: {reason: frozen}}
            """)
        let rule = try #require(rules.rule(id: "gates.release"))
        #expect(rule.priority == 200)
        #expect(rules.stages["gates"]?.rules.map(\.id) == ["gates.release", "gates.secrets"])
        let result = rules.evaluate(decision: "gate", facts: ["action": .string("release")], now: S.now)
        #expect(result.outputs["gates"]?.celLiteral
            == #"{"items": [{"gate": "review", "reason": "frozen", "id": "gates.release"}], "rule_ids": ["gates.release"]}"#)
        #expect(rule.effectiveLayer == .project)
    }

    @Test func disablingALockedRuleWithoutAWaiverIsAnError() {
        let rendered = S.loadErrors([Self.gates, S.layer(.project, [("local.yaml", "overrides:\n  disable: [gates.secrets]\n")])])
        #expect(rendered == """
            local.yaml:2:13: error: rule 'gates.secrets' is locked (Rules/gates.yaml:5); to disable it, declare under overrides.waivers 'gates.secrets: {owner: ..., reason: ..., expires: YYYY-MM-DD}'
              disable: [gates.secrets]
                        ^
            """)
    }

    @Test func weakeningALockedRuleByPatchNeedsAWaiverToo() {
        let rendered = S.loadErrors([Self.gates, S.layer(.cli, [("x.yaml", "overrides:\n  patch:\n    gates.secrets: {when: 'false'}\n")])])
        #expect(rendered.hasPrefix("x.yaml:3:5: error: rule 'gates.secrets' is locked (Rules/gates.yaml:5); to change it"))
    }

    @Test func changingOnlyThePromptOfALockedRuleIsAllowed() throws {
        let rules = try load("overrides:\n  patch:\n    gates.secrets: {prompt: ask first}\n")
        #expect(rules.rule(id: "gates.secrets")?.prompt == "ask first")
        #expect(rules.prompts().map(\.prompt) == ["ask first"])
    }

    static let waived = """
        overrides:
          disable: [gates.secrets]
          waivers:
            gates.secrets: {owner: ana, reason: vault migration, expires: 2026-02-01}
        """

    @Test func anActiveWaiverAllowsItAndIsReportedInEveryTrace() throws {
        let rules = try load(Self.waived, now: "2026-01-15T00:00:00Z")
        #expect(gateIDs(rules, "touch_secret") == [])
        #expect(rules.activeWaivers.map(\.ruleID) == ["gates.secrets"])
        let result = rules.evaluate(decision: "gate", facts: ["action": .string("x")], now: S.now)
        #expect(JSONWriter().string(result.json["waivers"] ?? .null)
            == #"[{"expires":"2026-02-01","owner":"ana","reason":"vault migration","rule":"gates.secrets","source":".loopx/rules/local.yaml:4"}]"#)
        #expect(result.markdown.hasPrefix("- waiver: `gates.secrets` until 2026-02-01 — vault migration"))
    }

    @Test func anExpiredWaiverIsIgnoredWithAWarningAndTheLockHolds() throws {
        let rules = try load(Self.waived, now: "2026-02-01T00:00:00Z")
        #expect(gateIDs(rules, "touch_secret") == ["gates.secrets"])
        #expect(rules.activeWaivers.isEmpty)
        #expect(rules.warnings.map(\.rendered) == ["""
            .loopx/rules/local.yaml:4:5: warning: waiver for locked rule 'gates.secrets' expired on 2026-02-01; it is ignored and 'gates.secrets' stays in force
                gates.secrets: {owner: ana, reason: vault migration, expires: 2026-02-01}
                ^
            """])
    }

    @Test func overridingAnUnknownRuleSuggestsTheId() {
        #expect(S.loadErrors([Self.gates, S.layer(.user, [("u.yaml", "overrides:\n  disable: [gates.relase]\n")])]) == """
            u.yaml:2:13: error: cannot disable unknown rule 'gates.relase' (did you mean 'gates.release'?)
              disable: [gates.relase]
                        ^
            """)
    }

    @Test func laterLayersAddRulesToExistingStages() throws {
        let rules = try load("""
            rules:
              - id: project.freeze
                stage: gates
                priority: 75
                when: action == "release"
                then: {gate: blocked}
            """)
        #expect(gateIDs(rules, "release") == ["project.freeze", "gates.release"])
        #expect(rules.rule(id: "project.freeze")?.origin.layer == .project)
    }

    @Test func aLayerCannotDeclareStagesOrUnknownStages() {
        let rendered = S.loadErrors([Self.gates, S.layer(.cli, [
            ("a.yaml", "stage: gates\nmode: first_match\n"),
            ("b.yaml", "rules:\n  - id: x.y\n    stage: gate\n    when: 'true'\n"),
        ])])
        #expect(rendered == """
            a.yaml:1:1: error: stage files belong to the built-in rules; a cli layer adds rules with 'rules:' (each with a 'stage:') and changes them with 'overrides:'
            stage: gates
            ^
            b.yaml:3:12: error: unknown stage 'gate' (did you mean 'gates'?)
                stage: gate
                       ^
            """)
    }

    @Test func profileBlocksMergeWithPerFieldProvenance() throws {
        let rules = try RuleSet.load(layers: [
            Self.gates,
            S.layer(.user, [("user.yaml", "profile:\n  floor:\n    threshold: 3\n    markers: [a]\n")]),
            S.layer(.project, [("p.yaml", "profile:\n  floor:\n    markers: [b, c]\n  quota: {compute: 0.5}\n")]),
        ], now: S.now)
        let base = ProfileLayer(layer: "defaults", source: "<built-in defaults>",
                                value: ["floor": ["threshold": 2, "window": 10], "mode": "normal"])
        let profile = rules.effectiveProfile(base: [base])
        #expect(JSONWriter().string(profile.value)
            == #"{"floor":{"markers":["b","c"],"threshold":3,"window":10},"mode":"normal","quota":{"compute":0.5}}"#)
        #expect(profile.fields.map { "\($0.dottedPath) \($0.layer) \($0.source)" } == [
            "floor.markers project p.yaml:3",
            "floor.threshold user user.yaml:3",
            "floor.window defaults <built-in defaults>",
            "mode defaults <built-in defaults>",
            "quota.compute project p.yaml:4",
        ])
    }
}

