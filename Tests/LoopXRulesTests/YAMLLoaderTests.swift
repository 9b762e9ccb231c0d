import Testing
@testable import LoopXRules

/// Loading documents: structure, positions, anchors, JSON, empty files, large files.
@Suite struct YAMLLoaderTests {
    @Test func loadsANestedMappingInOrderWithPositions() throws {
        let text = """
            stage: heartbeat
            rules:
              - id: a.b
                when: x == 1
              - id: "c.d"
            """
        let doc = try YAMLLoader.load(text: text, path: "r.yaml")
        #expect(doc.root.keys == ["stage", "rules"])
        let rules = try #require(doc.root.mappingValue(for: "rules")?.sequence)
        #expect(rules.count == 2)
        let when = try #require(rules[0].mappingValue(for: "when"))
        #expect(when.string == "x == 1")
        #expect(when.position == SourcePosition(line: 4, column: 11))
        #expect(when.endPosition == SourcePosition(line: 4, column: 17))
        let quoted = try #require(rules[1].mappingValue(for: "id"))
        #expect(quoted.scalar?.style == .doubleQuoted)
        #expect(quoted.position == SourcePosition(line: 5, column: 9))
        #expect(rules[1].position == SourcePosition(line: 5, column: 5))
        #expect(doc.root.position == SourcePosition(line: 1, column: 1))
    }
}
