import LoopXSupport
import Testing
@testable import LoopXRules

/// Mapping a UTF-8 offset inside a scalar's text back to the file, for every scalar style.
@Suite struct YAMLOffsetMappingTests {
    /// The character of the source at a position ("\n" just past a line's end).
    private func sourceCharacter(_ doc: YAMLDocument, _ p: SourcePosition) -> Unicode.Scalar? {
        guard let line = doc.source.line(p.line) else { return nil }
        let scalars = Array(line.unicodeScalars)
        if p.column - 1 == scalars.count { return "\n" }
        return p.column - 1 < scalars.count ? scalars[p.column - 1] : nil
    }

    /// Every character of the text maps to itself in the source, or, when folding or an
    /// escape produced it, to the line break or backslash it came from.
    private func expectEveryCharacterMaps(_ doc: YAMLDocument, _ node: YAMLNode, sourceLocation: SourceLocation = #_sourceLocation) {
        guard let text = node.scalar?.text else {
            Issue.record("not a scalar", sourceLocation: sourceLocation)
            return
        }
        var offset = 0
        for scalar in text.unicodeScalars {
            let position = doc.position(ofUTF8Offset: offset, in: node)
            let found = sourceCharacter(doc, position)
            let allowed: Set<Unicode.Scalar> = scalar == " " || scalar == "\n" ? [scalar, "\n", "\r", "\\"] : [scalar, "\\"]
            #expect(found.map(allowed.contains) == true,
                "text offset \(offset) (\(scalar.escaped(asASCII: true))) mapped to \(position) holding \(String(describing: found))",
                sourceLocation: sourceLocation)
            offset += String(scalar).utf8.count
        }
    }

    private func node(_ doc: YAMLDocument, _ key: String) throws -> YAMLNode {
        try #require(doc.root.mappingValue(for: key))
    }

    /// The UTF-8 offset of the first occurrence of `needle` in the node's text.
    private func offset(of needle: String, in node: YAMLNode) throws -> Int {
        let text = try #require(node.scalar?.text)
        let range = try #require(text.firstRange(of: needle))
        return text.utf8.distance(from: text.startIndex, to: range.lowerBound)
    }

    @Test func plainSingleAndMultiLine() throws {
        let text = """
            one: state.goal == "x" && café
            many: state.x == 1 &&
              state.y == 2

              && ok
            """
        let doc = try YAMLLoader.load(text: text, path: "r.yaml")
        let one = try node(doc, "one")
        #expect(doc.position(ofUTF8Offset: try offset(of: "café", in: one), in: one) == SourcePosition(line: 1, column: 27))
        let many = try node(doc, "many")
        #expect(many.string == "state.x == 1 && state.y == 2\n&& ok")
        #expect(doc.position(ofUTF8Offset: try offset(of: "state.y", in: many), in: many) == SourcePosition(line: 3, column: 3))
        #expect(doc.position(ofUTF8Offset: try offset(of: "&& ok", in: many), in: many) == SourcePosition(line: 5, column: 3))
        // The space that folding made stands for the line break after `&&`.
        #expect(doc.position(ofUTF8Offset: try offset(of: " state.y", in: many), in: many) == SourcePosition(line: 2, column: 22))
        expectEveryCharacterMaps(doc, one)
        expectEveryCharacterMaps(doc, many)
    }

    @Test func singleQuotedWithEscapedQuotesAndFolding() throws {
        let doc = try YAMLLoader.load(text: "msg: 'it''s ${x}\n  and ''${y}'''\n")
        let msg = try node(doc, "msg")
        #expect(msg.string == "it's ${x} and '${y}'")
        #expect(doc.position(ofUTF8Offset: try offset(of: "${x}", in: msg), in: msg) == SourcePosition(line: 1, column: 13))
        #expect(doc.position(ofUTF8Offset: try offset(of: "${y}", in: msg), in: msg) == SourcePosition(line: 2, column: 9))
        #expect(doc.position(ofUTF8Offset: try offset(of: "'${y}", in: msg), in: msg) == SourcePosition(line: 2, column: 7))
        expectEveryCharacterMaps(doc, msg)
    }

    @Test func doubleQuotedWithEscapesAndFolding() throws {
        let text = #"""
            when: "a == \"é\" && \u00e9 == b\t&& \U0001F600 != c
              && d\
              e == f"
            """#
        let doc = try YAMLLoader.load(text: text)
        let when = try node(doc, "when")
        #expect(when.string == "a == \"é\" && é == b\t&& 😀 != c && de == f")
        #expect(doc.position(ofUTF8Offset: try offset(of: "\"é\"", in: when), in: when) == SourcePosition(line: 1, column: 13))
        #expect(doc.position(ofUTF8Offset: try offset(of: "é ==", in: when), in: when) == SourcePosition(line: 1, column: 22))
        #expect(doc.position(ofUTF8Offset: try offset(of: "== b", in: when), in: when) == SourcePosition(line: 1, column: 29))
        #expect(doc.position(ofUTF8Offset: try offset(of: "😀", in: when), in: when) == SourcePosition(line: 1, column: 38))
        #expect(doc.position(ofUTF8Offset: try offset(of: "!= c", in: when), in: when) == SourcePosition(line: 1, column: 49))
        #expect(doc.position(ofUTF8Offset: try offset(of: "&& d", in: when), in: when) == SourcePosition(line: 2, column: 3))
        // `d\` + line break + `e`: the escaped break joins `d` and `e` directly.
        #expect(doc.position(ofUTF8Offset: try offset(of: "e ==", in: when), in: when) == SourcePosition(line: 3, column: 3))
        expectEveryCharacterMaps(doc, when)
    }

    @Test func literalBlockWithIndentationAndChomping() throws {
        let text = """
            rules:
              - prompt: |+
                  first line
                    indented ${x}

                  last ${y}


              - done: true
            """
        let doc = try YAMLLoader.load(text: text)
        let prompt = try #require(doc.root.mappingValue(for: "rules")?.sequence?.first?.mappingValue(for: "prompt"))
        #expect(prompt.string == "first line\n  indented ${x}\n\nlast ${y}\n\n\n")
        #expect(doc.position(ofUTF8Offset: try offset(of: "${x}", in: prompt), in: prompt) == SourcePosition(line: 4, column: 18))
        #expect(doc.position(ofUTF8Offset: try offset(of: "  indented", in: prompt), in: prompt) == SourcePosition(line: 4, column: 7))
        #expect(doc.position(ofUTF8Offset: try offset(of: "${y}", in: prompt), in: prompt) == SourcePosition(line: 6, column: 12))
        expectEveryCharacterMaps(doc, prompt)
    }

    @Test func foldedBlockStripAndExplicitIndentation() throws {
        let text = """
            reason: >-
              goal ${goal.id}
              waits at

              the gate ${g}
            shifted: |2
                 deep ${z}
            """
        let doc = try YAMLLoader.load(text: text)
        let reason = try node(doc, "reason")
        #expect(reason.string == "goal ${goal.id} waits at\nthe gate ${g}")
        #expect(doc.position(ofUTF8Offset: try offset(of: "${goal.id}", in: reason), in: reason) == SourcePosition(line: 2, column: 8))
        #expect(doc.position(ofUTF8Offset: try offset(of: "waits", in: reason), in: reason) == SourcePosition(line: 3, column: 3))
        #expect(doc.position(ofUTF8Offset: try offset(of: "${g}", in: reason), in: reason) == SourcePosition(line: 5, column: 12))
        expectEveryCharacterMaps(doc, reason)
        let shifted = try node(doc, "shifted")
        #expect(shifted.string == "   deep ${z}")
        #expect(doc.position(ofUTF8Offset: try offset(of: "${z}", in: shifted), in: shifted) == SourcePosition(line: 7, column: 11))
        expectEveryCharacterMaps(doc, shifted)
    }

    @Test func topLevelAndSequenceBlockScalars() throws {
        let doc = try YAMLLoader.load(text: "- |\n  a ${x}\n- >\n   b\n   ${y}\n")
        let items = try #require(doc.root.sequence)
        #expect(doc.position(ofUTF8Offset: try offset(of: "${x}", in: items[0]), in: items[0]) == SourcePosition(line: 2, column: 5))
        #expect(doc.position(ofUTF8Offset: try offset(of: "${y}", in: items[1]), in: items[1]) == SourcePosition(line: 5, column: 4))
        expectEveryCharacterMaps(doc, items[0])
        expectEveryCharacterMaps(doc, items[1])
    }

    @Test func theEndOfTheTextMapsJustPastTheLastCharacter() throws {
        let doc = try YAMLLoader.load(text: "a: x &&\nb: \"y ||\"\nc: |\n  z ==\n")
        let a = try node(doc, "a")
        #expect(doc.position(ofUTF8Offset: 4, in: a) == SourcePosition(line: 1, column: 8))
        let b = try node(doc, "b")
        #expect(doc.position(ofUTF8Offset: 4, in: b) == SourcePosition(line: 2, column: 9))
        let c = try node(doc, "c")
        #expect(doc.position(ofUTF8Offset: 4, in: c) == SourcePosition(line: 4, column: 7))
    }

    @Test func propertiesAliasesAndCRLF() throws {
        let doc = try YAMLLoader.load(text: "a: &w !!str \"x\r\n  ${y}\"\r\nb: *w\r\n")
        let a = try node(doc, "a")
        #expect(a.string == "x ${y}")
        #expect(doc.position(ofUTF8Offset: 2, in: a) == SourcePosition(line: 2, column: 3))
        let b = try node(doc, "b")
        #expect(doc.position(ofUTF8Offset: 2, in: b) == SourcePosition(line: 2, column: 3))
        expectEveryCharacterMaps(doc, a)
    }

    @Test func jsonStringsMapThroughEscapes() throws {
        let doc = try YAMLLoader.load(text: #"{"when": "\ud83d\ude00 == x", "k": "\u00e9\n${y}"}"#, path: "f.json")
        let when = try node(doc, "when")
        #expect(when.string == "😀 == x")
        #expect(doc.position(ofUTF8Offset: try offset(of: "== x", in: when), in: when) == SourcePosition(line: 1, column: 24))
        let k = try node(doc, "k")
        #expect(doc.position(ofUTF8Offset: try offset(of: "${y}", in: k), in: k) == SourcePosition(line: 1, column: 45))
        expectEveryCharacterMaps(doc, when)
        expectEveryCharacterMaps(doc, k)
    }

    @Test func outsideTheTextFallsBackToTheNode() throws {
        let doc = try YAMLLoader.load(text: "a: xyz\nb: [1]\n")
        let a = try node(doc, "a")
        #expect(doc.position(ofUTF8Offset: 99, in: a) == a.position)
        #expect(doc.position(ofUTF8Offset: -1, in: a) == a.position)
        let b = try node(doc, "b")
        #expect(doc.position(ofUTF8Offset: 0, in: b) == b.position)
        let d = doc.diagnostic("unknown field", at: a, utf8Offset: 2)
        #expect(d.rendered == "<yaml>:1:6: error: unknown field\na: xyz\n     ^")
    }
}
