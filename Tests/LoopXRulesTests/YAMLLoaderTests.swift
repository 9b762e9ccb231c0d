import LoopXSupport
import Testing
@testable import LoopXRules

/// Loading documents: structure, positions, block scalars, anchors, JSON, empty input.
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
        #expect(doc.path == "r.yaml")
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
        #expect(quoted.endPosition == SourcePosition(line: 5, column: 14))
        #expect(rules[1].position == SourcePosition(line: 5, column: 5))
        #expect(doc.root.position == SourcePosition(line: 1, column: 1))
        #expect(doc.root.endPosition == SourcePosition(line: 5, column: 14))
        #expect(doc.root.pair(for: "rules")?.key.position == SourcePosition(line: 2, column: 1))
    }

    @Test func columnsCountUnicodeScalarsNotBytes() throws {
        let doc = try YAMLLoader.load(text: "名前: 値\ncafé: [é, \"ü\"]\n")
        #expect(doc.root.mappingValue(for: "名前")?.position == SourcePosition(line: 1, column: 5))
        let items = try #require(doc.root.mappingValue(for: "café")?.sequence)
        #expect(items[0].position == SourcePosition(line: 2, column: 8))
        #expect(items[1].position == SourcePosition(line: 2, column: 11))
        #expect(items[1].utf8Range == 24..<28)
    }

    @Test func positionsSkipAnchorsAndTags() throws {
        let doc = try YAMLLoader.load(text: "a: &x !!str  \"v\"\nb: &m\n  k: 1\n")
        let a = try #require(doc.root.mappingValue(for: "a"))
        #expect(a.position == SourcePosition(line: 1, column: 14))
        #expect(a.tag == "!!str")
        #expect(doc.root.mappingValue(for: "b")?.position == SourcePosition(line: 3, column: 3))
    }

    @Test func blockScalarsApplyFoldingAndChomping() throws {
        let text = """
            literal: |
              line one
                indented
              line three
            folded: >
              folded
              together

              new paragraph
            strip: |-
              no newline


            keep: |+
              all newlines


            clip: >
              one newline


            indicator: |2
                two extra
            last: end
            """
        let doc = try YAMLLoader.load(text: text)
        func value(_ key: String) -> String? { doc.root.mappingValue(for: key)?.string }
        #expect(value("literal") == "line one\n  indented\nline three\n")
        #expect(value("folded") == "folded together\nnew paragraph\n")
        #expect(value("strip") == "no newline")
        #expect(value("keep") == "all newlines\n\n\n")
        #expect(value("clip") == "one newline\n")
        #expect(value("indicator") == "  two extra\n")
        #expect(doc.root.mappingValue(for: "literal")?.scalar?.style == .literal)
        #expect(doc.root.mappingValue(for: "folded")?.scalar?.style == .folded)
        #expect(doc.root.mappingValue(for: "literal")?.position == SourcePosition(line: 1, column: 10))
    }

    @Test func aliasesExpandToTheAnchoredNode() throws {
        let text = """
            defaults: &defaults
              notify: DONT_NOTIFY
              mode: [a, b]
            first: *defaults
            names: [&n one, *n, *n]
            """
        let doc = try YAMLLoader.load(text: text)
        let defaults = try #require(doc.root.mappingValue(for: "defaults"))
        let first = try #require(doc.root.mappingValue(for: "first"))
        #expect(first == defaults)
        #expect(first.mappingValue(for: "mode")?.sequence?.map(\.string) == ["a", "b"])
        // The copy keeps the original's positions, so errors inside point at the definition.
        #expect(first.position == SourcePosition(line: 2, column: 3))
        #expect(doc.root.mappingValue(for: "names")?.sequence?.map(\.string) == ["one", "one", "one"])
        let again = try YAMLLoader.load(text: "\n\nx: {notify: DONT_NOTIFY, mode: [a, b]}\ny: {mode: [a, b], notify: DONT_NOTIFY}\n")
        let x = try #require(again.root.mappingValue(for: "x"))
        #expect(x != defaults)
        #expect(x.hasSameContent(as: defaults))
        #expect(!x.hasSameContent(as: try #require(again.root.mappingValue(for: "y"))))
        #expect(try doc.jsonValue()["first"] == ["notify": "DONT_NOTIFY", "mode": ["a", "b"]])
    }

    @Test func aliasesUpToTheLimitLoad() throws {
        // 10 × 1,000 nodes of expansion: exactly the limit, still accepted.
        let items = (0..<999).map { "\($0)" }.joined(separator: ", ")
        let aliases = (0..<10).map { _ in "  - *big" }.joined(separator: "\n")
        let doc = try YAMLLoader.load(text: "big: &big [\(items)]\nuses:\n\(aliases)\n")
        #expect(doc.root.mappingValue(for: "uses")?.sequence?.count == 10)
    }

    @Test func emptyInputHasANullRoot() throws {
        for text in ["", "# only a comment\n", "\n\n", "---\n", "--- # c\n...\n"] {
            let doc = try YAMLLoader.load(text: text)
            #expect(doc.root.isNull)
            #expect(doc.root.scalar?.text == "")
        }
        #expect(try YAMLLoader.load(text: "").root.position == SourcePosition(line: 1, column: 1))
    }

    @Test func anExplicitSingleDocumentLoads() throws {
        let doc = try YAMLLoader.load(text: "%YAML 1.1\n---\na: 1\n...\n")
        #expect(doc.root.mappingValue(for: "a")?.scalar?.value == .int(1))
    }

    @Test func aByteOrderMarkAndCRLFLinesAreAccepted() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("a: 1\r\nb: é\r\n".utf8)
        let doc = try YAMLLoader.load(bytes: bytes, path: "w.yaml")
        #expect(doc.root.mappingValue(for: "b")?.string == "é")
        #expect(doc.root.mappingValue(for: "b")?.position == SourcePosition(line: 2, column: 4))
        #expect(doc.source.text.hasPrefix("a: 1"))
    }

    @Test func convertsToJSONValues() throws {
        let doc = try YAMLLoader.load(text: "a: [1, 2.5, true, ~, x]\nb: {c: 'd'}\n")
        #expect(try doc.jsonValue() == ["a": [1, 2.5, true, nil, "x"], "b": ["c": "d"]])
        let b = try #require(doc.root.mappingValue(for: "b"))
        #expect(try doc.jsonValue(of: b) == ["c": "d"])
    }

    @Test func complexKeysAreKept() throws {
        let doc = try YAMLLoader.load(text: "? [a, b]\n: 1\n")
        let pair = try #require(doc.root.mapping?.first)
        #expect(pair.key.sequence?.count == 2)
        #expect(doc.root.keys.isEmpty)
    }

    @Test func loadsFilesFromDisk() throws {
        let dir = try YAMLTempDir()
        let path = dir.path + "/rules.yaml"
        try dir.write("rules.yaml", "stage: quota\n")
        #expect(try YAMLLoader.load(path: path).root.mappingValue(for: "stage")?.string == "quota")
        #expect(try YAMLLoader.load(path: path).path == path)
    }

    @Test func reportsAMissingFile() {
        do {
            _ = try YAMLLoader.load(path: "/nonexistent/loopx/rules.yaml")
            Issue.record("expected an error")
        } catch {
            #expect(error.rendered == "/nonexistent/loopx/rules.yaml:1:1: error: cannot read file: No such file or directory")
        }
    }

    @Test func exposesTheLibyamlVersion() {
        let parts = YAMLLoader.libyamlVersion.split(separator: ".")
        #expect(parts.count == 3)
        #expect(parts.allSatisfy { Int($0) != nil })
    }
}
