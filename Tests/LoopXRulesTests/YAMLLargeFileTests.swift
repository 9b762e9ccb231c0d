import LoopXSupport
import Testing
@testable import LoopXRules

/// Five-megabyte inputs load completely, with exact positions at their far end.
@Suite struct YAMLLargeFileTests {
    static let size = 5_000_000

    @Test func loadsAFiveMegabyteRuleFile() throws {
        var text = "stage: big\nrules:\n"
        var count = 0
        var lines = 2
        while text.utf8.count < Self.size {
            text += """
                  - id: big.rule_\(count)
                    name: "Règle numéro \(count) — café"
                    priority: \(count % 100)
                    when: quota.state == "x" && n > \(count)
                    then: {notify: DONT_NOTIFY, weight: \(Double(count) / 8)}
                    prompt: |
                      Line one of \(count)
                      line two

                """
            count += 1
            lines += 8
        }
        let dir = try YAMLTempDir()
        let path = try dir.write("big.yaml", text)
        let clock = ContinuousClock()
        let start = clock.now
        let doc = try YAMLLoader.load(path: path)
        print("loaded \(text.utf8.count) bytes of YAML (\(count) rules) in \(clock.now - start)")
        let rules = try #require(doc.root.mappingValue(for: "rules")?.sequence)
        #expect(rules.count == count)
        let last = try #require(rules.last)
        #expect(last.mappingValue(for: "id")?.string == "big.rule_\(count - 1)")
        #expect(last.mappingValue(for: "name")?.string == "Règle numéro \(count - 1) — café")
        #expect(last.mappingValue(for: "priority")?.scalar?.value == .int(Int64((count - 1) % 100)))
        #expect(last.mappingValue(for: "prompt")?.string == "Line one of \(count - 1)\nline two\n")
        let when = try #require(last.mappingValue(for: "when"))
        #expect(when.position == SourcePosition(line: lines - 4, column: 11))
        let text2 = try #require(when.string)
        let n = try #require(text2.firstRange(of: "n >"))
        let offset = text2.utf8.distance(from: text2.startIndex, to: n.lowerBound)
        #expect(doc.position(ofUTF8Offset: offset, in: when) == SourcePosition(line: lines - 4, column: 33))
    }

    @Test func loadsAFiveMegabyteSingleLineJSONFile() throws {
        var text = "["
        var count = 0
        var columnOfLast = 0
        var scalars = 1
        while text.utf8.count < Self.size {
            let item = (count == 0 ? "" : ", ") + #"{"id": "r\#(count)", "w": \#(count).5, "s": "é\u00e9"}"#
            columnOfLast = scalars + (count == 0 ? 1 : 3)
            scalars += item.unicodeScalars.count
            text += item
            count += 1
        }
        text += "]"
        let dir = try YAMLTempDir()
        let path = try dir.write("big.json", text)
        let clock = ContinuousClock()
        let start = clock.now
        let doc = try YAMLLoader.load(path: path)
        print("loaded \(text.utf8.count) bytes of single-line JSON (\(count) objects) in \(clock.now - start)")
        let items = try #require(doc.root.sequence)
        #expect(items.count == count)
        let last = try #require(items.last)
        #expect(last.position == SourcePosition(line: 1, column: columnOfLast))
        #expect(last.mappingValue(for: "s")?.string == "éé")
        #expect(last.mappingValue(for: "w")?.scalar?.value == .double(Double(count - 1) + 0.5))
    }
}
