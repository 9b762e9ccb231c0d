/// The syntax tree of an RE2-style pattern.
indirect enum RegexNode {
    case empty
    case char(Unicode.Scalar, fold: Bool)
    case any(dotAll: Bool)
    case set(CharSet)
    case concat([RegexNode])
    case alt([RegexNode])
    case repeatNode(RegexNode, min: Int, max: Int?)
    case assert(RegexAssertion)
}

enum RegexAssertion {
    case lineStart, lineEnd, textStart, textEnd, wordBoundary, notWordBoundary
}

/// A set of scalars: ranges, optionally negated and case-folded.
struct CharSet: Sendable {
    var ranges: [ClosedRange<UInt32>] = []
    var negated = false
    var fold = false

    func contains(_ c: Unicode.Scalar) -> Bool {
        var hit = ranges.contains { $0.contains(c.value) }
        if !hit, fold {
            let lower = c.properties.lowercaseMapping.unicodeScalars
            let upper = c.properties.uppercaseMapping.unicodeScalars
            for alt in [lower, upper] where alt.count == 1 {
                if let s = alt.first, ranges.contains(where: { $0.contains(s.value) }) { hit = true }
            }
        }
        return hit != negated
    }
}

/// Parses the RE2 subset; rejects backreferences and look-around instead of backtracking.
struct RegexParser {
    let s: [Unicode.Scalar]
    var i = 0
    var fold = false
    var dotAll = false
    var multiLine = false
    var depth = 0

    init(_ pattern: String) {
        s = Array(pattern.unicodeScalars)
    }

    struct Failure: Error {
        let message: String
    }

    var atEnd: Bool { i >= s.count }
    func peek(_ k: Int = 0) -> Unicode.Scalar? { i + k < s.count ? s[i + k] : nil }

    mutating func parse() throws(Failure) -> RegexNode {
        let n = try parseAlt()
        if !atEnd { throw Failure(message: "unexpected ')'") }
        return n
    }

    mutating func parseAlt() throws(Failure) -> RegexNode {
        depth += 1
        defer { depth -= 1 }
        if depth > 100 { throw Failure(message: "pattern nests too deeply") }
        var branches = [try parseConcat()]
        while peek() == "|" {
            i += 1
            branches.append(try parseConcat())
        }
        return branches.count == 1 ? branches[0] : .alt(branches)
    }

    mutating func parseConcat() throws(Failure) -> RegexNode {
        var items: [RegexNode] = []
        while let c = peek(), c != "|", c != ")" {
            var atom = try parseAtom()
            while let q = peek(), q == "*" || q == "+" || q == "?" || (q == "{" && isCountedRepeat()) {
                if case .assert = atom { throw Failure(message: "repetition of an assertion") }
                if case .empty = atom { throw Failure(message: "missing argument to repetition operator") }
                i += 1
                switch q {
                case "*": atom = .repeatNode(atom, min: 0, max: nil)
                case "+": atom = .repeatNode(atom, min: 1, max: nil)
                case "?": atom = .repeatNode(atom, min: 0, max: 1)
                default:
                    let (lo, hi) = try parseCount()
                    atom = .repeatNode(atom, min: lo, max: hi)
                }
                if peek() == "?" { i += 1 }  // lazy: the same language, so the same answer for matches()
                if let r = peek(), r == "*" || r == "+" || (r == "?" && false) {
                    throw Failure(message: "bad repetition operator")
                }
            }
            items.append(atom)
        }
        return items.count == 1 ? items[0] : (items.isEmpty ? .empty : .concat(items))
    }

    func isCountedRepeat() -> Bool {
        var k = i + 1
        var sawDigit = false
        while k < s.count, s[k].properties.numericType != nil, s[k].isASCII { k += 1; sawDigit = true }
        guard sawDigit, k < s.count else { return false }
        if s[k] == "}" { return true }
        guard s[k] == "," else { return false }
        k += 1
        while k < s.count, s[k].isASCII, s[k].properties.numericType != nil { k += 1 }
        return k < s.count && s[k] == "}"
    }

    mutating func number() -> Int? {
        var v = 0
        var any = false
        while let c = peek(), c.isASCII, let d = Int(String(c)) {
            v = min(v * 10 + d, 100_000)
            any = true
            i += 1
        }
        return any ? v : nil
    }

    mutating func parseCount() throws(Failure) -> (Int, Int?) {
        let lo = number() ?? 0
        var hi: Int? = lo
        if peek() == "," {
            i += 1
            hi = number()
        }
        i += 1  // "}"
        if lo > 1000 || (hi ?? 0) > 1000 { throw Failure(message: "bad repetition count (over 1000)") }
        if let hi, hi < lo { throw Failure(message: "bad repetition range") }
        return (lo, hi)
    }

    mutating func parseAtom() throws(Failure) -> RegexNode {
        guard let c = peek() else { return .empty }
        i += 1
        switch c {
        case ".": return .any(dotAll: dotAll)
        case "^": return .assert(multiLine ? .lineStart : .textStart)
        case "$": return .assert(multiLine ? .lineEnd : .textEnd)
        case "[": return .set(try parseClass())
        case "(": return try parseGroup()
        case "\\": return try parseEscape(inClass: false)
        case "*", "+", "?": throw Failure(message: "missing argument to repetition operator")
        default: return .char(c, fold: fold)
        }
    }

    mutating func parseGroup() throws(Failure) -> RegexNode {
        if peek() == "?" {
            i += 1
            switch peek() {
            case "=", "!": throw Failure(message: "look-around assertions are not supported (RE2 syntax)")
            case "<" where peek(1) == "=" || peek(1) == "!":
                throw Failure(message: "look-around assertions are not supported (RE2 syntax)")
            case "P", "<":
                if peek() == "P" { i += 1 }
                guard peek() == "<" else { throw Failure(message: "invalid named group") }
                while let c = peek(), c != ">" { i += 1 }
                guard peek() == ">" else { throw Failure(message: "invalid named group") }
                i += 1
            default:
                let saved = (fold, dotAll, multiLine)
                var on = true
                while let c = peek(), c != ")", c != ":" {
                    switch c {
                    case "i": fold = on
                    case "s": dotAll = on
                    case "m": multiLine = on
                    case "U": break
                    case "-": on = false
                    default: throw Failure(message: "invalid or unsupported group flag '\(c)'")
                    }
                    i += 1
                }
                guard let end = peek() else { throw Failure(message: "missing ')'") }
                i += 1
                if end == ")" { return .empty }  // flags apply to the rest of the enclosing group
                let inner = try parseAlt()
                guard peek() == ")" else { throw Failure(message: "missing ')'") }
                i += 1
                (fold, dotAll, multiLine) = saved
                return inner
            }
        }
        let saved = (fold, dotAll, multiLine)
        let inner = try parseAlt()
        guard peek() == ")" else { throw Failure(message: "missing ')'") }
        i += 1
        (fold, dotAll, multiLine) = saved
        return inner
    }
}
