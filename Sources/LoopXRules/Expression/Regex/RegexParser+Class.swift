extension RegexParser {
    static let digit: [ClosedRange<UInt32>] = [48...57]
    static let word: [ClosedRange<UInt32>] = [48...57, 65...90, 95...95, 97...122]
    static let space: [ClosedRange<UInt32>] = [9...10, 12...13, 32...32]

    static func complement(_ r: [ClosedRange<UInt32>]) -> [ClosedRange<UInt32>] {
        var out: [ClosedRange<UInt32>] = []
        var next: UInt32 = 0
        for x in r.sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if x.lowerBound > next { out.append(next...(x.lowerBound - 1)) }
            next = max(next, x.upperBound + 1)
        }
        if next <= 0x10FFFF { out.append(next...0x10FFFF) }
        return out
    }

    /// An escape outside or inside a class: a single scalar, or a set for `\d` and friends.
    mutating func parseEscape(inClass: Bool) throws(Failure) -> RegexNode {
        guard let c = peek() else { throw Failure(message: "trailing backslash") }
        i += 1
        switch c {
        case "d": return .set(CharSet(ranges: Self.digit))
        case "D": return .set(CharSet(ranges: Self.complement(Self.digit)))
        case "w": return .set(CharSet(ranges: Self.word))
        case "W": return .set(CharSet(ranges: Self.complement(Self.word)))
        case "s": return .set(CharSet(ranges: Self.space))
        case "S": return .set(CharSet(ranges: Self.complement(Self.space)))
        case "p", "P": return .set(try parseUnicodeClass(negated: c == "P"))
        case "n": return .char("\n", fold: false)
        case "t": return .char("\t", fold: false)
        case "r": return .char("\r", fold: false)
        case "f": return .char("\u{0C}", fold: false)
        case "v": return .char("\u{0B}", fold: false)
        case "a": return .char("\u{07}", fold: false)
        case "x":
            var hex = ""
            if peek() == "{" {
                i += 1
                while let h = peek(), h != "}" { hex.unicodeScalars.append(h); i += 1 }
                i += 1
            } else {
                for _ in 0..<2 { if let h = peek() { hex.unicodeScalars.append(h); i += 1 } }
            }
            guard let v = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(v) else {
                throw Failure(message: "invalid escape sequence \\x\(hex)")
            }
            return .char(scalar, fold: fold)
        case "1"..."9": throw Failure(message: "backreferences are not supported (RE2 syntax)")
        case "0":
            return .char("\u{0}", fold: false)
        case "b" where !inClass: return .assert(.wordBoundary)
        case "B" where !inClass: return .assert(.notWordBoundary)
        case "A" where !inClass: return .assert(.textStart)
        case "z" where !inClass: return .assert(.textEnd)
        case "Q", "E", "C", "G", "Z", "k", "g":
            throw Failure(message: "escape sequence \\\(c) is not supported (RE2 syntax)")
        default:
            if c.properties.isAlphabetic || c.properties.numericType != nil {
                throw Failure(message: "invalid escape sequence \\\(c)")
            }
            return .char(c, fold: fold)
        }
    }

    mutating func parseUnicodeClass(negated: Bool) throws(Failure) -> CharSet {
        var name = ""
        if peek() == "{" {
            i += 1
            while let h = peek(), h != "}" { name.unicodeScalars.append(h); i += 1 }
            i += 1
        } else if let h = peek() {
            name = String(h)
            i += 1
        }
        var neg = negated
        if name.hasPrefix("^") {
            neg.toggle()
            name.removeFirst()
        }
        let categories: Set<Unicode.GeneralCategory>
        switch name {
        case "L": categories = [.uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter]
        case "Lu": categories = [.uppercaseLetter]
        case "Ll": categories = [.lowercaseLetter]
        case "N": categories = [.decimalNumber, .letterNumber, .otherNumber]
        case "Nd": categories = [.decimalNumber]
        case "P": categories = [.connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
                                .initialPunctuation, .finalPunctuation, .otherPunctuation]
        case "S": categories = [.mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol]
        case "Z": categories = [.spaceSeparator, .lineSeparator, .paragraphSeparator]
        default: throw Failure(message: "unicode class \\p{\(name)} is not supported")
        }
        // Materialise as ranges over the BMP and the supplementary planes in use.
        var ranges: [ClosedRange<UInt32>] = []
        var start: UInt32? = nil
        for v in UInt32(0)...0x2FFFF {
            let hit = Unicode.Scalar(v).map { categories.contains($0.properties.generalCategory) } ?? false
            if hit, start == nil { start = v }
            if !hit, let s = start { ranges.append(s...(v - 1)); start = nil }
        }
        if let s = start { ranges.append(s...0x2FFFF) }
        return CharSet(ranges: ranges, negated: neg, fold: false)
    }

    mutating func parseClass() throws(Failure) -> CharSet {
        var set = CharSet(ranges: [], negated: false, fold: fold)
        if peek() == "^" {
            set.negated = true
            i += 1
        }
        var first = true
        while true {
            guard let c = peek() else { throw Failure(message: "missing ']'") }
            if c == "]", !first {
                i += 1
                return set
            }
            first = false
            if c == "[", peek(1) == ":" {
                var k = i + 2
                var name = ""
                while k < s.count, s[k] != ":" { name.unicodeScalars.append(s[k]); k += 1 }
                guard k + 1 < s.count, s[k + 1] == "]" else { throw Failure(message: "invalid POSIX class") }
                i = k + 2
                set.ranges += try Self.posix(name)
                continue
            }
            let lo: UInt32
            if c == "\\" {
                i += 1
                switch try parseEscape(inClass: true) {
                case .char(let sc, _): lo = sc.value
                case .set(let inner):
                    set.ranges += inner.negated ? Self.complement(inner.ranges) : inner.ranges
                    continue
                default: throw Failure(message: "invalid escape in character class")
                }
            } else {
                i += 1
                lo = c.value
            }
            if peek() == "-", let n = peek(1), n != "]" {
                i += 1
                var hi: UInt32
                if n == "\\" {
                    i += 1
                    guard case .char(let sc, _) = try parseEscape(inClass: true) else {
                        throw Failure(message: "invalid character class range")
                    }
                    hi = sc.value
                } else {
                    i += 1
                    hi = n.value
                }
                guard hi >= lo else { throw Failure(message: "invalid character class range") }
                set.ranges.append(lo...hi)
            } else {
                set.ranges.append(lo...lo)
            }
        }
    }

    static func posix(_ name: String) throws(Failure) -> [ClosedRange<UInt32>] {
        switch name {
        case "alpha": return [65...90, 97...122]
        case "digit": return [48...57]
        case "alnum": return [48...57, 65...90, 97...122]
        case "upper": return [65...90]
        case "lower": return [97...122]
        case "space": return [9...13, 32...32]
        case "word": return word
        case "xdigit": return [48...57, 65...70, 97...102]
        case "punct": return [33...47, 58...64, 91...96, 123...126]
        case "blank": return [9...9, 32...32]
        case "cntrl": return [0...31, 127...127]
        case "print": return [32...126]
        case "graph": return [33...126]
        case "ascii": return [0...127]
        default: throw Failure(message: "invalid POSIX class [:\(name):]")
        }
    }
}
