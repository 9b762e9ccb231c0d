/// Whether a piece of text looks like it holds a credential, so a diagnostic does not echo it.
///
/// This errs towards yes: a false alarm only hides a source excerpt. The shapes mirror the
/// boundary scanner's `credential` rule (`LoopXCore/Boundary/LeakMatcher+Credential.swift`),
/// without its placeholder analysis, plus the key shapes the scanner also recognises.
public enum CredentialShape {
    /// True when `text` contains a token, key or `name=value` secret shape.
    public static func appears(in text: some StringProtocol) -> Bool {
        appears(inBytes: Array(text.utf8))
    }

    /// The same test over Unicode scalars; non-ASCII scalars never belong to a token.
    static func appears(in scalars: some Collection<Unicode.Scalar>) -> Bool {
        appears(inBytes: scalars.map { $0.isASCII ? UInt8($0.value) : 0x80 })
    }

    /// Literal prefixes of tokens and the least number of token characters that must follow.
    private static let tokenPrefixes: [(prefix: [UInt8], body: Int, caseSensitive: Bool)] = [
        ("ghp_", 20), ("gho_", 20), ("ghu_", 20), ("ghs_", 20), ("ghr_", 20), ("github_pat_", 20),
        ("xoxb-", 10), ("xoxp-", 10), ("xoxa-", 10), ("xoxr-", 10), ("xoxs-", 10),
        ("sk_live_", 10), ("rk_live_", 10), ("AKIA", 16), ("ASIA", 16), ("AIza", 30), ("eyJ", 16),
        ("-----BEGIN ", 0), ("bearer ", 16),
    ].map { (Array($0.0.utf8), $0.1, $0.0 != "bearer ") }

    /// Names whose value after `=` or `:` is a secret (any prefix: `access_token=`).
    private static let secretNames: [[UInt8]] = [
        "token", "password", "passwd", "secret", "api_key", "apikey", "access_key", "private_key",
        "authorization", "credential",
    ].map { Array($0.utf8) }

    static func appears(inBytes bytes: [UInt8]) -> Bool {
        var index = 0
        while index < bytes.count {
            for shape in tokenPrefixes where matches(bytes, at: index, shape.prefix, caseSensitive: shape.caseSensitive) {
                let body = run(bytes, from: index + shape.prefix.count, isTokenByte)
                if body >= shape.body { return true }
            }
            for name in secretNames where matches(bytes, at: index, name, caseSensitive: false) {
                if hasValue(bytes, after: index + name.count) { return true }
            }
            index += 1
        }
        return false
    }

    /// A name followed by an optional closing quote, `=` or `:`, and a value of 4 or more
    /// token characters (optionally quoted): `token=abcd`, `"password": "hunter22"`.
    private static func hasValue(_ bytes: [UInt8], after start: Int) -> Bool {
        var cursor = start
        if cursor < bytes.count, bytes[cursor] == 0x22 || bytes[cursor] == 0x27 { cursor += 1 }
        cursor += run(bytes, from: cursor) { $0 == 0x20 || $0 == 0x09 }
        guard cursor < bytes.count, bytes[cursor] == 0x3D || bytes[cursor] == 0x3A else { return false }
        cursor += 1
        cursor += run(bytes, from: cursor) { $0 == 0x20 || $0 == 0x09 || $0 == 0x22 || $0 == 0x27 }
        return run(bytes, from: cursor, isTokenByte) >= 4
    }

    private static func matches(_ bytes: [UInt8], at index: Int, _ literal: [UInt8], caseSensitive: Bool) -> Bool {
        guard index + literal.count <= bytes.count else { return false }
        for offset in 0..<literal.count {
            var byte = bytes[index + offset]
            if !caseSensitive, byte >= 0x41, byte <= 0x5A { byte |= 0x20 }
            if byte != literal[offset] { return false }
        }
        return true
    }

    private static func run(_ bytes: [UInt8], from start: Int, _ accept: (UInt8) -> Bool) -> Int {
        var end = start
        while end < bytes.count, accept(bytes[end]) { end += 1 }
        return end - start
    }

    /// Letters, digits and the punctuation tokens are made of (`_`, `-`, `.`, `/`, `+`, `=`).
    private static func isTokenByte(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x5F, 0x2D, 0x2E, 0x2F, 0x2B, 0x3D: return true
        default: return false
        }
    }
}
