import LoopXSupport
import Testing
@testable import LoopXRules

/// Token soup never crashes the loader: it loads, or it fails with positioned errors, and
/// every offset inside every loaded scalar maps to a position inside the file.
@Suite struct YAMLFuzzTests {
    static let tokens = [
        "[", "]", "{", "}", ": ", ":", "- ", "-", "? ", ", ", "&a ", "*a", "&b ", "*b", "!!str ", "!x ", "!!int ",
        "|", "|-", ">+", "|2", "\"", "'", "\\", "\\u00e9", "\\n", "\n", "\n  ", "\n    ", "\t", " ", "  ", "#c",
        "---", "...", "é", "名", "😀", "%YAML 1.1\n", "k", "key", "12", "0x1F", "true", "~", "''", "\r\n", "\u{07}",
    ]

    @Test func randomInputsLoadOrFailCleanly() {
        var g = YAMLOffsetMappingPropertyTests.Generator(state: 7)
        var loaded = 0
        for _ in 0..<1500 {
            let text = (0..<(1 + g.next(24))).map { _ in g.pick(Self.tokens) }.joined()
            let source = SourceText(path: "f.yaml", text: text)
            do {
                let doc = try YAMLLoader.load(text: text, path: "f.yaml")
                loaded += 1
                checkMapping(doc, doc.root, lines: source.lineCount)
            } catch {
                #expect(!error.items.isEmpty)
                for d in error.items {
                    #expect(d.position.line >= 1 && d.position.line <= source.lineCount, "\(text.debugDescription): \(d.rendered)")
                    #expect(d.position.column >= 1)
                }
            }
        }
        #expect(loaded > 50)
    }

    @Test func randomBytesLoadOrFailCleanly() {
        var g = YAMLOffsetMappingPropertyTests.Generator(state: 99)
        for _ in 0..<500 {
            let bytes = (0..<g.next(40)).map { _ in UInt8(truncatingIfNeeded: g.next(256)) }
            do {
                _ = try YAMLLoader.load(bytes: bytes, path: "b.yaml")
            } catch {
                #expect(error.items.allSatisfy { $0.position.line >= 1 && $0.position.column >= 1 })
            }
        }
    }

    private func checkMapping(_ doc: YAMLDocument, _ node: YAMLNode, lines: Int) {
        switch node.kind {
        case .scalar(let scalar):
            for offset in 0...scalar.text.utf8.count {
                let p = doc.position(ofUTF8Offset: offset, in: node)
                #expect(p.line >= 1 && p.line <= lines && p.column >= 1)
            }
        case .sequence(let items):
            for item in items { checkMapping(doc, item, lines: lines) }
        case .mapping(let pairs):
            for pair in pairs {
                checkMapping(doc, pair.key, lines: lines)
                checkMapping(doc, pair.value, lines: lines)
            }
        }
    }
}
