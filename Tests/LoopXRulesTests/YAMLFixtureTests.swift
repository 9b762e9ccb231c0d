import LoopXSupport
import Testing
@testable import LoopXRules

/// Real files under Fixtures/yaml, read from disk the way rule files are.
@Suite struct YAMLFixtureTests {
    static func fixture(_ name: String, file: String = #filePath) -> String {
        var dir = file
        while let last = dir.last, last != "/" { dir.removeLast() }
        return dir + "Fixtures/yaml/" + name
    }

    @Test func aRuleFileLoadsWithItsFeatures() throws {
        let path = Self.fixture("heartbeat.yaml")
        let doc = try YAMLLoader.load(path: path)
        #expect(doc.root.keys == ["stage", "description", "mode", "defaults", "variables", "rules"])
        #expect(doc.root.mappingValue(for: "description")?.string == "What the agent should do on this tick when it wakes up.")
        let rules = try #require(doc.root.mappingValue(for: "rules")?.sequence)
        #expect(rules.map { $0.mappingValue(for: "id")?.string } == ["heartbeat.ask_operator_gate", "heartbeat.default_step"])
        let gate = rules[0]
        let when = try #require(gate.mappingValue(for: "when"))
        #expect(when.string == #"quota.state == "operator_gate" && attention.status != "answered""#)
        #expect(gate.mappingValue(for: "priority")?.scalar?.value == .int(100))
        #expect(gate.mappingValue(for: "prompt")?.string
            == "Ask the operator the gate question.\nDo not run delivery work — not even \"quick\" fixes.\n")
        // An expression error at `attention` in the folded `when` points into line 17.
        let text = try #require(when.string)
        let attention = try #require(text.firstRange(of: "attention"))
        let offset = text.utf8.distance(from: text.startIndex, to: attention.lowerBound)
        #expect(doc.diagnostic("unknown field 'attention'", at: when, utf8Offset: offset).rendered == """
            \(path):17:7: error: unknown field 'attention'
                  attention.status != "answered"
                  ^
            """)
        let reason = try #require(gate.mappingValue(for: "then")?.mappingValue(for: "reason"))
        #expect(doc.position(ofUTF8Offset: 5, in: reason) == SourcePosition(line: 21, column: 21))
        let fallback = rules[1]
        #expect(fallback.mappingValue(for: "name")?.string == "Étape par défaut")
        #expect(fallback.mappingValue(for: "when")?.scalar?.value == .string("true"))
        #expect(fallback.mappingValue(for: "locked")?.scalar?.value == .bool(false))
        #expect(fallback.mappingValue(for: "then") == doc.root.mappingValue(for: "defaults"))
    }

    @Test func aFactsJSONFileLoads() throws {
        let doc = try YAMLLoader.load(path: Self.fixture("facts.json"))
        #expect(try doc.jsonValue() == [
            "goal": ["id": "demo", "adapter": ["kind": "read_only_project_map_v0"]],
            "history": [], "note": "café 🚀", "spend": ["tokens": 12500, "ratio": 0.25],
        ])
        #expect(doc.root.mappingValue(for: "spend")?.position == SourcePosition(line: 5, column: 12))
    }

    @Test func aBrokenFileReportsEveryErrorItCan() {
        let path = Self.fixture("duplicate-and-tab.yaml")
        do {
            _ = try YAMLLoader.load(path: path)
            Issue.record("expected errors")
        } catch {
            #expect(error.items.count == 2)
            #expect(error.rendered == """
                \(path):5:5: error: duplicate key "when" (first defined on line 4)
                    when: false
                    ^
                \(path):7:1: error: tab character in indentation; YAML indents with spaces only
                \tpriority: 3
                ^
                """)
        }
    }
}
