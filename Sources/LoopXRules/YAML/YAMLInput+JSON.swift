extension YAMLInput {
    /// JSON writes characters beyond U+FFFF as two `\u` surrogate escapes, which libyaml
    /// rejects; this rewrites each pair inside a JSON string into one `\UXXXXXXXX` escape and
    /// records where, so marks can be mapped back. The text outside strings is untouched.
    static func rewriteSurrogatePairs(_ bytes: [UInt8]) -> (bytes: [UInt8], rewrites: [Int]) {
        guard bytes.contains(UInt8(ascii: "\\")) else { return (bytes, []) }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var rewrites: [Int] = []
        var chars = 0
        var inString = false
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if inString, b == UInt8(ascii: "\\"), i + 1 < bytes.count {
                if let scalar = surrogatePair(bytes, at: i) {
                    var hex = String(scalar, radix: 16, uppercase: true)
                    while hex.count < 8 { hex = "0" + hex }
                    out.append(contentsOf: Array(("\\U" + hex).utf8))
                    chars += 10
                    rewrites.append(chars)
                    i += 12
                } else {
                    out.append(b)
                    out.append(bytes[i + 1])
                    chars += 2
                    i += 2
                }
                continue
            }
            if b == UInt8(ascii: "\"") { inString.toggle() }
            out.append(b)
            if b & 0xC0 != 0x80 { chars += 1 }
            i += 1
        }
        return (out, rewrites)
    }

    /// The scalar of `\uD8xx\uDCxx` at `i`, when a high and a low surrogate escape sit there.
    private static func surrogatePair(_ bytes: [UInt8], at i: Int) -> UInt32? {
        guard i + 12 <= bytes.count,
            let high = escapedUnit(bytes, at: i), (0xD800...0xDBFF).contains(high),
            let low = escapedUnit(bytes, at: i + 6), (0xDC00...0xDFFF).contains(low)
        else { return nil }
        return 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
    }

    /// The code unit of a `\uXXXX` escape at `i`.
    private static func escapedUnit(_ bytes: [UInt8], at i: Int) -> UInt32? {
        guard i + 6 <= bytes.count, bytes[i] == UInt8(ascii: "\\"), bytes[i + 1] == UInt8(ascii: "u") else {
            return nil
        }
        return UInt32(String(decoding: bytes[(i + 2)..<(i + 6)], as: UTF8.self), radix: 16)
    }
}
