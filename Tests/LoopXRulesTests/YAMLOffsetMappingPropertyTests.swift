import LoopXSupport
import Testing
@testable import LoopXRules

/// Random texts written in every scalar style load back unchanged, and every character of
/// the loaded text maps to the source character that produced it, in order.
@Suite struct YAMLOffsetMappingPropertyTests {
    /// A small deterministic generator, so a failure reproduces.
    struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        mutating func pick(_ choices: [String]) -> String { choices[next(choices.count)] }
    }

    static let rich = ["a", "b", "z", "1", " ", " ", "é", "名", "😀", "'", "\"", "\\", "#", ":", "$", "{", "}", "\t"]
    static let safe = ["a", "b", "x", "7", "é", "名", "😀", "$", "=", "(", ")", "."]

    private func word(_ g: inout Generator, _ alphabet: [String]) -> String {
        (0..<(1 + g.next(6))).map { _ in g.pick(alphabet) }.joined()
    }

    /// `text` written as a double-quoted scalar: escapes, `\u` forms and escaped line breaks.
    private func doubleQuoted(_ text: String, _ g: inout Generator) -> String {
        var out = "\""
        let scalars = Array(text.unicodeScalars)
        for (i, ch) in scalars.enumerated() {
            switch ch {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += g.next(2) == 0 ? "\\t" : "\t"
            case "é": out += g.next(2) == 0 ? "\\u00e9" : "é"
            case "😀": out += g.next(2) == 0 ? "\\U0001F600" : "😀"
            case " ": out += " "
            default:
                out.unicodeScalars.append(ch)
                // An escaped line break adds nothing, but it eats the blanks that start the
                // next line, so only where no blank follows.
                let next = i + 1 < scalars.count ? scalars[i + 1] : "x"
                if next != " ", next != "\t", g.next(6) == 0 { out += "\\\n    " }
            }
        }
        return out + "\""
    }

    /// `text` (no line breaks) as a single-quoted scalar, some inner spaces folded.
    private func singleQuoted(_ text: String, _ g: inout Generator) -> String {
        var out = "'"
        let scalars = Array(text.unicodeScalars)
        for (i, ch) in scalars.enumerated() {
            let foldable = ch == " " && i > 0 && i + 1 < scalars.count
                && !" \t".unicodeScalars.contains(scalars[i - 1]) && !" \t".unicodeScalars.contains(scalars[i + 1])
            if foldable, g.next(3) == 0 {
                out += "\n    "
            } else if ch == "'" {
                out += "''"
            } else {
                out.unicodeScalars.append(ch)
            }
        }
        return out + "'"
    }

    @Test func quotedScalarsRoundTripAndMap() throws {
        var g = Generator(state: 20261125)
        for round in 0..<150 {
            var text = (0..<(1 + g.next(4))).map { _ in word(&g, Self.rich) }.joined(separator: g.pick([" ", "\n", "  "]))
            let double = doubleQuoted(text, &g)
            try check(source: "k: \(double)\n", expected: text, round: round)
            text = text.replacing("\n", with: " ")
            let single = singleQuoted(text, &g)
            try check(source: "- k: \(single)\n", expected: text, round: round)
        }
    }

    @Test func plainAndBlockScalarsRoundTripAndMap() throws {
        var g = Generator(state: 42)
        for round in 0..<150 {
            let words = (0..<(1 + g.next(5))).map { _ in word(&g, Self.safe) }
            // Plain: breaks between words fold back into single spaces.
            var plain = words[0]
            for w in words.dropFirst() { plain += (g.next(3) == 0 ? "\n   " : " ") + w }
            try check(source: "k: \(plain)\n", expected: words.joined(separator: " "), round: round)
            // Literal with keep chomping, kept exactly (lines may be more indented, blank, hold tabs).
            let lines = (0..<(1 + g.next(4))).map { _ in
                g.pick(["", "", "  "]) + (0..<g.next(3)).map { _ in word(&g, Self.rich) }.joined(separator: " ")
            }
            let body = lines.map { $0.isEmpty ? "" : "    " + $0 }.joined(separator: "\n")
            let literal = lines.joined(separator: "\n") + "\n"
            if literal.trimmingPrefix(while: { $0 == "\n" || $0 == " " }).isEmpty { continue }
            try check(source: "a:\n  k: |2+\n\(body)\nb: 1\n", expected: literal, round: round)
            // Folded: single breaks between plain words become spaces.
            let folded = words.joined(separator: "\n  ")
            try check(source: "k: >-\n  \(folded)\n", expected: words.joined(separator: " "), round: round)
        }
    }

    /// Loads `source`, finds the scalar under `k`, checks its text and its mapping.
    private func check(source: String, expected: String, round: Int) throws {
        let doc = try YAMLLoader.load(text: source)
        let container = doc.root.sequence?.first ?? doc.root.mappingValue(for: "a") ?? doc.root
        let node = try #require(container.mappingValue(for: "k"), "round \(round): \(source)")
        #expect(node.scalar?.text == expected, "round \(round): \(source)")
        guard node.scalar?.text == expected else { return }
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0.unicodeScalars) }
        var previous = SourcePosition(line: 0, column: 0)
        var offset = 0
        for scalar in expected.unicodeScalars {
            let p = doc.position(ofUTF8Offset: offset, in: node)
            let line = lines[p.line - 1]
            let found: Unicode.Scalar = p.column - 1 < line.count ? line[p.column - 1] : "\n"
            let ok = found == scalar || found == "\\" || (found == "'" && scalar == "'")
                || (found == "\n" && (scalar == " " || scalar == "\n"))
            #expect(ok && previous <= p, "round \(round): offset \(offset) of \(expected.debugDescription) → \(p) in \(source.debugDescription)")
            if !ok { return }
            previous = p
            offset += String(scalar).utf8.count
        }
    }
}
