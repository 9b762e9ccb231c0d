/// Telling a credential value from a reference to one. A reference names where the secret
/// lives (`$TOKEN`, `${{ secrets.X }}`, `os.environ[...]`, `args.token`) or is a placeholder
/// (`<token>`, `your-token`, `EXAMPLE`); such hits are downgraded to notes.
extension LeakMatcher {
    /// Whether the value starting at `start` (up to the end of its line) is a reference.
    func isReference(valueAt start: Int, _ context: ValueContext) -> Bool {
        let end = lineEnd(from: start)
        guard start < end else { return true }
        var first = bytes[start]
        if LeakMatcher.opensReference(first) { return true }
        // Inside a string literal of code: `\(x)` interpolates, `\"` is an escaped quote.
        var escaped = false
        if first == 0x5C, start + 1 < end {
            if bytes[start + 1] == 0x28 { return true }
            if LeakMatcher.isQuote(bytes[start + 1]) {
                escaped = true
                first = bytes[start + 1]
            }
        }
        if LeakMatcher.isQuote(first) {
            // In `"Bearer " + token` the quote closes the literal: the value is computed.
            if context == .bearer { return true }
            // An odd number of these quotes before it on the line means this one closes a
            // string (`"token=" + t`, a Markdown span `` `token=` ``): no value follows.
            if !escaped, quoteCountBefore(start, quote: first) % 2 == 1 { return true }
            let open = escaped ? start + 2 : start + 1
            var close = open
            while close < end, bytes[close] != first { close += 1 }
            if escaped, close > open, bytes[close - 1] == 0x5C { close -= 1 }
            // `Authorization: \`Bearer ${token}\``: the credential is the word after the scheme.
            let inner = skippingScheme(open..<close)
            if inner.isEmpty || LeakMatcher.opensReference(bytes[inner.lowerBound]) { return true }
            if inner.count >= 2, bytes[inner.lowerBound] == 0x5C, bytes[inner.lowerBound + 1] == 0x28 { return true }
            if inner.count < context.minimumSecretLength { return true }
            let lowered = lowercased(inner)
            return LeakMatcher.isPlaceholder(lowered) || LeakMatcher.isNullWord(lowered)
        }
        var stop = start
        while stop < end, !LeakMatcher.endsUnquotedValue(bytes[stop]) { stop += 1 }
        guard stop > start else { return true }
        let value = lowercased(start..<stop)
        if LeakMatcher.isPlaceholder(value) || LeakMatcher.isNullWord(value) { return true }
        // Prose ("the Bearer 2 scheme", "Authorization: x") rather than a secret: too short.
        if stop - start < context.minimumSecretLength { return true }
        guard isIdentifierPath(start..<stop) else { return false }
        return isVariableName(start..<stop, lowered: value, followedByCall: stop < end && (bytes[stop] == 0x28 || bytes[stop] == 0x5B), context)
    }

    /// `range` without a leading `Bearer `/`Basic `/`Token `/`Digest ` scheme word.
    private func skippingScheme(_ range: Range<Int>) -> Range<Int> {
        for scheme: StaticString in ["bearer", "basic", "token", "digest"] where matches(range.lowerBound, scheme, foldCase: true) {
            let afterScheme = range.lowerBound + scheme.utf8CodeUnitCount
            let spaces = run(from: afterScheme, limit: 16, ByteClass.isSpace)
            if spaces > 0, afterScheme + spaces <= range.upperBound { return (afterScheme + spaces)..<range.upperBound }
        }
        return range
    }

    /// How many `quote` bytes precede `offset` on its line (looking back at most 4 KiB).
    private func quoteCountBefore(_ offset: Int, quote: UInt8) -> Int {
        var count = 0
        var cursor = offset - 1
        let limit = max(0, offset - 4096)
        while cursor >= limit, !ByteClass.isLineBreak(bytes[cursor]) {
            if bytes[cursor] == quote { count += 1 }
            cursor -= 1
        }
        return count
    }

    /// Decides whether an identifier-shaped value names a variable or is itself a secret.
    private func isVariableName(_ range: Range<Int>, lowered: [UInt8], followedByCall: Bool, _ context: ValueContext) -> Bool {
        let startsLikeJWT = ByteClass.contains(Array(lowered.prefix(3)), "eyj")
        if followedByCall { return true }
        if !startsLikeJWT, range.contains(where: { bytes[$0] == 0x2E }) { return true }
        if context == .bearer, range.allSatisfy({ ByteClass.isLowerLetter(bytes[$0]) }) { return true }
        // Environment variable names: upper case with underscores (`GITHUB_TOKEN`) or plain upper case.
        let upperName = range.allSatisfy { ByteClass.isUpper(bytes[$0]) || ByteClass.isDigit(bytes[$0]) || bytes[$0] == 0x5F }
        if upperName, range.contains(where: { bytes[$0] == 0x5F }) || range.allSatisfy({ ByteClass.isUpper(bytes[$0]) }) {
            return true
        }
        // A long run of characters that does not read as words is a literal, whatever its shape.
        if range.count >= 20, !isWordLike(range) { return false }
        for word: StaticString in ["token", "password", "passwd", "pwd", "secret", "key", "cred", "auth", "pass"]
        where ByteClass.contains(lowered, word) {
            return true
        }
        return false
    }

    /// `name` or `a.b.c`: segments of identifier characters, the first not a digit.
    private func isIdentifierPath(_ range: Range<Int>) -> Bool {
        var segmentStart = true
        for offset in range {
            let b = bytes[offset]
            if b == 0x2E {
                if segmentStart { return false }
                segmentStart = true
                continue
            }
            if segmentStart, !(ByteClass.isLetter(b) || b == 0x5F) { return false }
            if !ByteClass.isIdentifier(b) { return false }
            segmentStart = false
        }
        return !segmentStart
    }

    /// Underscore-separated segments of letters, each optionally ending in digits (`api_token_v2`).
    private func isWordLike(_ range: Range<Int>) -> Bool {
        var seenDigit = false
        var segmentLength = 0
        for offset in range {
            let b = bytes[offset]
            if b == 0x5F || b == 0x2E {
                if segmentLength == 0 { return false }
                segmentLength = 0
                seenDigit = false
            } else if ByteClass.isDigit(b) {
                if segmentLength == 0 { return false }
                seenDigit = true
                segmentLength += 1
            } else {
                if seenDigit { return false }
                segmentLength += 1
            }
        }
        return segmentLength > 0 || range.isEmpty
    }

    static func isQuote(_ b: UInt8) -> Bool { b == 0x22 || b == 0x27 || b == 0x60 }

    /// `$X`, `${X}`, `<x>`, `{x}`, `%X%`: the value is supplied from elsewhere.
    static func opensReference(_ b: UInt8) -> Bool {
        b == 0x24 || b == 0x3C || b == 0x7B || b == 0x25
    }

    /// Bytes that end an unquoted value: space, quotes, separators, closing brackets, calls.
    static func endsUnquotedValue(_ b: UInt8) -> Bool {
        switch b {
        case 0x20, 0x09, 0x22, 0x27, 0x60, 0x2C, 0x3B, 0x26, 0x29, 0x5D, 0x7D, 0x3E, 0x7C, 0x28, 0x5B: return true
        default: return false
        }
    }

    /// Placeholder and indirection markers, matched in the lowercased value.
    static func isPlaceholder(_ lowered: [UInt8]) -> Bool {
        let markers: [StaticString] = [
            "example", "dummy", "placeholder", "changeme", "change_me", "change-me", "redacted", "your",
            "xxxx", "***", "...", "{{", "<", "fake", "sample", "os.environ", "process.env", "getenv",
            "env[", "env.", "secrets.",
        ]
        return markers.contains { ByteClass.contains(lowered, $0) }
    }

    /// Values that name a type, state or scheme rather than hold a secret (`token=None`,
    /// `default_token='Bearer'`), and URLs (`Bearer https://tools.ietf.org/...` cites a spec).
    static func isNullWord(_ lowered: [UInt8]) -> Bool {
        if ByteClass.contains(lowered, "://") { return true }
        return nullWords.contains(lowered)
    }

    static let nullWords: Set<[UInt8]> = Set(
        ["none", "null", "nil", "true", "false", "undefined", "empty", "bearer", "basic", "token", "digest"].map { Array($0.utf8) })
}
