import Foundation
import LoopXSupport
import Testing
@testable import LoopXRules

/// Rule-set snapshots: a restored rule set decides, traces and describes its rules exactly as
/// the one loaded from the files; bad snapshots are refused; keys follow every input.
@Suite struct RuleSetSnapshotTests {
    typealias S = RuleTestSupport

    /// The repository's built-in `Rules/` as the built-in layer.
    static func builtinRules() throws -> RuleLayerSource {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return try S.layer(.builtin, directory: root.appendingPathComponent("Rules").path)
    }

    static let project = S.layer(.project, [(".loopx/rules/local.yaml", """
        profile:
          outcome_floor:
            streak_threshold: 2
        overrides:
          patch:
            triage.failing: {priority: 500, then: {reason: "patched ${'here'}"}}
        """)])

    func roundTrip(_ layers: [RuleLayerSource]) throws -> (cold: RuleSet, restored: RuleSet) {
        let cold = try RuleSet.load(layers: layers, now: S.now)
        let key = RuleSetSnapshot.key(layers: layers, buildID: "test")
        let bytes = try #require(RuleSetSnapshot.encode(cold, key: key))
        return (cold, try RuleSetSnapshot.decode(bytes, key: key, layers: layers))
    }

    /// Everything a user or agent sees of a decision, as JSON text.
    func decisions(_ rules: RuleSet) -> String {
        let facts = rules.schema.bindings(from: rules.schema.defaults).facts
        var out = ""
        for decision in rules.pipeline.decisions {
            for level in TraceLevel.allCases {
                let result = rules.evaluate(decision: decision.name, facts: facts, now: S.now, trace: level)
                out += JSONWriter(sortedKeys: true, pretty: false).string(result.json) + "\n" + result.markdown + "\n"
            }
        }
        return out
    }

    /// What `rules list/show/effective` print about each rule and expression.
    func descriptions(_ rules: RuleSet) -> [String] {
        rules.allRules.map { rule in
            let expressions = [rule.when] + rule.then.expressions
            return [rule.id, rule.stage, rule.name ?? "-", rule.description ?? "-", String(rule.priority),
                    rule.prompt ?? "-", String(rule.locked), rule.onError.rawValue, rule.origin.description,
                    rule.patchedBy.map(\.description).joined(separator: ","), rule.disabledBy?.description ?? "-",
                    rule.yaml,
                    expressions.map { e in
                        "\(e.source)@\(e.origin.position.line):\(e.origin.position.column) "
                            + e.references.indices.map { "\(e.positions(ofReference: $0))" }.joined()
                            + e.conjuncts.map(\.text).joined(separator: "&")
                    }.joined(separator: "|")].joined(separator: "\n")
        }
    }

    @Test func theBuiltinRulesDecideAndTraceIdenticallyAfterARoundTrip() throws {
        let (cold, restored) = try roundTrip([Self.builtinRules()])
        #expect(restored.allRules.count == cold.allRules.count)
        #expect(cold.allRules.count > 50)
        #expect(decisions(restored) == decisions(cold))
        #expect(descriptions(restored) == descriptions(cold))
        #expect(restored.prompts().map(\.prompt) == cold.prompts().map(\.prompt))
        #expect(restored.schema == cold.schema)
        #expect(restored.compileAllExpressions() == cold.compileAllExpressions())
        // Restored programs are planned from the stored trees, which equal the parsed ones.
        let trees = { (rules: RuleSet) in rules.allExpressions.map { $0.program?.ast.debugTree ?? "<none>" } }
        #expect(trees(restored) == trees(cold))
        #expect(!trees(cold).contains("<none>"))
    }

    @Test func layersPatchesProfilesAndWarningsSurviveTheRoundTrip() throws {
        let (cold, restored) = try roundTrip([S.demo(), Self.project])
        #expect(decisions(restored) == decisions(cold))
        #expect(descriptions(restored) == descriptions(cold))
        #expect(restored.rule(id: "triage.failing")?.patchedBy.map(\.description) == [".loopx/rules/local.yaml:6"])
        #expect(restored.profileLayers == cold.profileLayers)
        #expect(restored.effectiveProfile(base: []) == cold.effectiveProfile(base: []))
        #expect(!cold.effectiveProfile(base: []).fields.isEmpty)
        #expect(restored.warnings == cold.warnings)
    }

    @Test func aRuleSetWithWaiversDependsOnTheClockAndIsNotSnapshotted() throws {
        let waived = S.layer(.project, [("local.yaml", """
            overrides:
              disable: [gates.secrets]
              waivers:
                gates.secrets: {owner: ana, reason: migration, expires: 2026-02-01}
            """)])
        let layers = [try S.demo(), waived]
        let rules = try RuleSet.load(layers: layers, now: S.now)
        #expect(RuleSetSnapshot.encode(rules, key: RuleSetSnapshot.key(layers: layers, buildID: "test")) == nil)
    }

    @Test func truncatedCorruptedOrForeignSnapshotsAreRefused() throws {
        let layers = [try S.demo()]
        let key = RuleSetSnapshot.key(layers: layers, buildID: "test")
        let bytes = try #require(RuleSetSnapshot.encode(try RuleSet.load(layers: layers, now: S.now), key: key))
        for cut in stride(from: 0, to: bytes.count, by: max(1, bytes.count / 400)) {
            #expect(throws: SnapshotDecodingError.self) { try RuleSetSnapshot.decode(Array(bytes[..<cut]), key: key, layers: layers) }
        }
        #expect(throws: SnapshotDecodingError.self) { try RuleSetSnapshot.decode(bytes + [0], key: key, layers: layers) }
        #expect(throws: SnapshotDecodingError.self) { try RuleSetSnapshot.decode(bytes, key: key + "0", layers: layers) }
        #expect(throws: SnapshotDecodingError.self) { try RuleSetSnapshot.decode(bytes, key: key, layers: []) }
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<200 {
            let noise = (0..<Int.random(in: 0..<300, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) }
            #expect(throws: SnapshotDecodingError.self) { try RuleSetSnapshot.decode(noise, key: key, layers: layers) }
        }
        // Flipped bytes either fail to decode or decode to some rule set; they never crash.
        for position in stride(from: 0, to: bytes.count, by: max(1, bytes.count / 300)) {
            var flipped = bytes
            flipped[position] ^= 0xFF
            if let rules = try? RuleSetSnapshot.decode(flipped, key: key, layers: layers) {
                _ = decisions(rules)
                _ = descriptions(rules)
            }
        }
    }

    /// Issue 14: single-bit flips of a real snapshot of the built-in rules once changed the
    /// should-run answer without an error. The header's checksum now refuses every one of
    /// them, so the caller reloads the YAML: no flip can change a decision or crash.
    @Test func everySampledBitFlipOfTheBuiltinSnapshotIsRefused() throws {
        let layers = [try Self.builtinRules()]
        let cold = try RuleSet.load(layers: layers, now: S.now)
        let key = RuleSetSnapshot.key(layers: layers, buildID: "test")
        let bytes = try #require(RuleSetSnapshot.encode(cold, key: key))
        let expected = decisions(cold)
        let bits = bytes.count * 8
        let flips = min(bits, 4096)
        var accepted = 0
        for n in 0..<flips {
            let bit = n * bits / flips + (n % 7)
            guard bit < bits else { continue }
            var flipped = bytes
            flipped[bit / 8] ^= UInt8(1) << UInt8(bit % 8)
            if let rules = try? RuleSetSnapshot.decode(flipped, key: key, layers: layers) {
                accepted += 1
                #expect(decisions(rules) == expected, "bit \(bit) changed a decision")
            }
        }
        #expect(flips >= 2000)
        #expect(accepted == 0)
        #expect(decisions(try RuleSetSnapshot.decode(bytes, key: key, layers: layers)) == expected)
    }

    @Test func theKeyFollowsEveryFileAndTheBinary() throws {
        let demo = try S.demo()
        let base = RuleSetSnapshot.key(layers: [demo], buildID: "a")
        #expect(base == RuleSetSnapshot.key(layers: [demo], buildID: "a"))
        #expect(base.count == 32)
        #expect(base != RuleSetSnapshot.key(layers: [demo], buildID: "b"))
        var edited = demo
        edited.files[0].text += "\n"
        #expect(base != RuleSetSnapshot.key(layers: [edited], buildID: "a"))
        var renamed = demo
        renamed.files[0].path += ".bak"
        #expect(base != RuleSetSnapshot.key(layers: [renamed], buildID: "a"))
        #expect(base != RuleSetSnapshot.key(layers: [demo, Self.project], buildID: "a"))
        let asUser = RuleLayerSource(kind: .user, files: Self.project.files)
        #expect(RuleSetSnapshot.key(layers: [demo, Self.project], buildID: "a")
            != RuleSetSnapshot.key(layers: [demo, asUser], buildID: "a"))
    }
}
