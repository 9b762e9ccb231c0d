#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A raw hit inside one file: the byte offset where it starts, the rule, and whether it is
/// only a reference to a secret (an env var name, a placeholder) rather than a value.
struct LeakHit: Sendable, Hashable {
    var offset: Int
    var rule: BoundaryRule
    var isReference: Bool
}

/// Finds leak-rule hits in the bytes of one text file in a single pass. Each byte is looked up
/// in an anchor table; only bytes that can start a pattern run a matcher, so the scan costs
/// about one table load per byte and allocates only for hits.
struct LeakMatcher {
    let bytes: UnsafeBufferPointer<UInt8>
    /// Only `package-lock.json` files carry `resolved` URLs worth checking.
    let checksPackageRegistry: Bool

    /// What a byte can start; 0 for most bytes.
    enum Anchor: UInt8 {
        case none = 0, l, d, b, a, upperA, t, p, slash, one, dash, g, x, quote, e, s, r
    }

    static let anchors: [UInt8] = {
        var table = [UInt8](repeating: 0, count: 256)
        func set(_ characters: String, _ anchor: Anchor) {
            for byte in characters.utf8 { table[Int(byte)] = anchor.rawValue }
        }
        set("lL", .l); set("dD", .d); set("bB", .b); set("a", .a); set("A", .upperA)
        set("tT", .t); set("pP", .p); set("/", .slash); set("1", .one); set("-", .dash)
        set("g", .g); set("x", .x); set("\"", .quote)
        set("e", .e); set("sS", .s); set("r", .r)
        return table
    }()

    /// The two-byte openings of every pattern as a bitset indexed by `first << 8 | second`
    /// (8 KiB, so it stays in the L1 cache). Testing the pair first keeps the matchers from
    /// running on the many ordinary `a`, `t`, `p` and `l`.
    static let openings: [UInt64] = {
        var bits = [UInt64](repeating: 0, count: (1 << 16) / 64)
        func set(_ pair: String, foldCase: Bool) {
            let bytes = Array(pair.utf8)
            let firsts = foldCase ? [ByteClass.lower(bytes[0]), ByteClass.upper(bytes[0])] : [bytes[0]]
            let seconds = foldCase ? [ByteClass.lower(bytes[1]), ByteClass.upper(bytes[1])] : [bytes[1]]
            for first in firsts {
                for second in seconds {
                    let index = Int(first) << 8 | Int(second)
                    bits[index >> 6] |= 1 << UInt64(index & 63)
                }
            }
        }
        for pair in ["la", "do", "be", "au", "to", "pa", "se"] { set(pair, foldCase: true) }
        for pair in ["AK", "AS", "AI", "t-", "/U", "/h", "/e", "10", "17", "19", "--", "gh", "gi", "xo", "\"r", "ey", "sk", "rk"] {
            set(pair, foldCase: false)
        }
        return bits
    }()

    /// Every hit in file order.
    func hits() -> [LeakHit] {
        var hits: [LeakHit] = []
        let count = bytes.count
        guard count >= 2 else { return hits }
        LeakMatcher.anchors.withUnsafeBufferPointer { table in
            LeakMatcher.openings.withUnsafeBufferPointer { openings in
                var pair = Int(bytes[0])
                var index = 1
                while index < count {
                    pair = (pair << 8 | Int(bytes[index])) & 0xFFFF
                    if openings[pair >> 6] & (1 << UInt64(pair & 63)) != 0,
                        let anchor = Anchor(rawValue: table[pair >> 8]) {
                        match(anchor, at: index - 1, into: &hits)
                    }
                    index += 1
                }
            }
        }
        return hits
    }

    private func match(_ anchor: Anchor, at index: Int, into hits: inout [LeakHit]) {
        switch anchor {
        case .none: return
        case .l: privateDocHost(at: index, into: &hits)
        case .d:
            if matches(index, "docs.internal", foldCase: true) { hits.append(LeakHit(offset: index, rule: .privateDocURL, isReference: false)) }  // loopx-boundary: allow
        case .b: bearer(at: index, into: &hits)
        case .a: authorization(at: index, into: &hits)
        case .upperA:
            awsKey(at: index, into: &hits)
            googleAPIKey(at: index, into: &hits)
            authorization(at: index, into: &hits)
        case .t:
            assignment(at: index, keyword: "token=", into: &hits)
            internalTaskID(at: index, into: &hits)
        case .p: assignment(at: index, keyword: "password=", into: &hits)
        case .slash: privatePath(at: index, into: &hits)
        case .one: privateIP(at: index, into: &hits)
        case .dash: privateKeyBlock(at: index, into: &hits)
        case .g: githubToken(at: index, into: &hits)
        case .x: slackToken(at: index, into: &hits)
        case .quote: if checksPackageRegistry { resolvedURL(at: index, into: &hits) }
        case .e: jsonWebToken(at: index, into: &hits)
        case .s:
            // The opening pair is `sk` (Stripe) or `se` in any case (`secret`).
            if byte(index + 1) == 0x6B { stripeLiveKey(at: index, into: &hits) } else { awsSecretAccessKey(at: index, into: &hits) }
        case .r: stripeLiveKey(at: index, into: &hits)
        }
    }

    // MARK: - byte helpers shared by the matchers

    /// Whether `literal` (ASCII, lowercase when folding) occurs at `offset`.
    @inline(__always)
    func matches(_ offset: Int, _ literal: StaticString, foldCase: Bool) -> Bool {
        let length = literal.utf8CodeUnitCount
        guard offset >= 0, offset + length <= bytes.count else { return false }
        let pattern = literal.utf8Start
        for k in 0..<length {
            var byte = bytes[offset + k]
            if foldCase, byte >= 0x41, byte <= 0x5A { byte |= 0x20 }
            if byte != pattern[k] { return false }
        }
        return true
    }

    @inline(__always) func byte(_ offset: Int) -> UInt8? {
        offset >= 0 && offset < bytes.count ? bytes[offset] : nil
    }

    /// True at the start of the buffer or after a byte that is not a letter or digit.
    @inline(__always) func atWordStart(_ offset: Int) -> Bool {
        guard let previous = byte(offset - 1) else { return true }
        return !ByteClass.isAlphanumeric(previous)
    }

    /// The number of consecutive bytes from `offset` that satisfy `accept`, up to `limit`.
    @inline(__always)
    func run(from offset: Int, limit: Int = 4096, _ accept: (UInt8) -> Bool) -> Int {
        var end = offset
        let stop = min(bytes.count, offset + limit)
        while end < stop, accept(bytes[end]) { end += 1 }
        return end - offset
    }

    /// The offset of the end of the line from `offset` (the `\n`/`\r`, or the buffer end), looking
    /// at most `limit` bytes ahead: a value is short, and a minified file's one huge line must not
    /// be rescanned for every hit on it.
    func lineEnd(from offset: Int, limit: Int = 1024) -> Int {
        var end = offset
        let stop = min(bytes.count, offset + limit)
        while end < stop, bytes[end] != 0x0A, bytes[end] != 0x0D { end += 1 }
        return end
    }

    /// The bytes in `range` as a lowercase ASCII string, for the slow, rare classification path.
    func lowercased(_ range: Range<Int>) -> [UInt8] {
        range.map { ByteClass.lower(bytes[$0]) }
    }
}
