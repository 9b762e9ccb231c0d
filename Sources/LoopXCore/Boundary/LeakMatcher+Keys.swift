/// More `credential` literals with a fixed shape: AWS secret access keys (by the name beside
/// them), JSON Web Tokens, Google API keys and Stripe live keys. Documented example values
/// (`…EXAMPLE…`, `xxxx`, `your-…`) are references, downgraded like every placeholder.
extension LeakMatcher {
    /// Base64 without the URL-safe characters: the alphabet of AWS secret access keys.
    @inline(__always) static func isStandardBase64(_ b: UInt8) -> Bool {
        ByteClass.isAlphanumeric(b) || b == 0x2B || b == 0x2F
    }

    /// Base64url: the alphabet of JWT segments and Google API keys.
    @inline(__always) static func isBase64URL(_ b: UInt8) -> Bool {
        ByteClass.isAlphanumeric(b) || b == 0x2D || b == 0x5F
    }

    /// `secret_access_key`-like names (`aws_secret_access_key`, `AWS_SECRET_ACCESS_KEY`,
    /// `SecretAccessKey`, `secret-access-key`) followed within a few separators (`=`, `:`,
    /// quotes, spaces) by exactly 40 base64 characters with both cases of letters.
    func awsSecretAccessKey(at index: Int, into hits: inout [LeakHit]) {
        guard matches(index, "secret", foldCase: true) else { return }
        var cursor = index + 6
        for word: StaticString in ["access", "key"] {
            if let b = byte(cursor), b == 0x5F || b == 0x2D { cursor += 1 }
            guard matches(cursor, word, foldCase: true) else { return }
            cursor += word.utf8CodeUnitCount
        }
        // `" = "`, `": "`, `=>`, `=`: at most 8 separator bytes, then the value.
        let separators = run(from: cursor, limit: 8) { b in
            ByteClass.isSpace(b) || LeakMatcher.isQuote(b) || b == 0x3D || b == 0x3A || b == 0x3E
        }
        guard separators > 0 else { return }
        let start = cursor + separators
        let length = run(from: start, limit: 41, LeakMatcher.isStandardBase64)
        guard length == 40 else { return }
        if let next = byte(start + 40), next == 0x3D { return }
        let value = start..<(start + 40)
        guard value.contains(where: { ByteClass.isUpper(bytes[$0]) }), value.contains(where: { ByteClass.isLowerLetter(bytes[$0]) })
        else { return }
        hits.append(LeakHit(offset: index, rule: .credential, isReference: LeakMatcher.isPlaceholder(lowercased(value))))
    }

    /// A JSON Web Token: three base64url segments separated by dots, header and payload both
    /// starting `eyJ` (`{"` encoded), the signature at least 16 characters.
    func jsonWebToken(at index: Int, into hits: inout [LeakHit]) {
        guard atWordStart(index), matches(index, "eyJ", foldCase: false) else { return }
        let header = run(from: index, limit: 2048, LeakMatcher.isBase64URL)
        guard header >= 10, byte(index + header) == 0x2E else { return }
        let payloadStart = index + header + 1
        guard matches(payloadStart, "eyJ", foldCase: false) else { return }
        let payload = run(from: payloadStart, limit: 8192, LeakMatcher.isBase64URL)
        guard payload >= 10, byte(payloadStart + payload) == 0x2E else { return }
        let signature = run(from: payloadStart + payload + 1, limit: 1024, LeakMatcher.isBase64URL)
        guard signature >= 16 else { return }
        let end = payloadStart + payload + 1 + signature
        hits.append(LeakHit(offset: index, rule: .credential, isReference: LeakMatcher.isPlaceholder(lowercased(index..<end))))
    }

    /// A Google API key: `AIza` and 35 base64url characters, not part of a longer word.
    func googleAPIKey(at index: Int, into hits: inout [LeakHit]) {
        guard atWordStart(index), matches(index, "AIza", foldCase: false) else { return }
        guard run(from: index + 4, limit: 36, LeakMatcher.isBase64URL) == 35 else { return }
        hits.append(LeakHit(offset: index, rule: .credential, isReference: LeakMatcher.isPlaceholder(lowercased(index..<(index + 39)))))
    }

    /// A Stripe live secret or restricted key: `sk_live_` / `rk_live_` and at least 16 letters
    /// or digits. Test keys (`sk_test_`) and publishable keys (`pk_live_`) are not secrets.
    func stripeLiveKey(at index: Int, into hits: inout [LeakHit]) {
        guard atWordStart(index), let kind = byte(index), kind == 0x73 || kind == 0x72,
              matches(index + 1, "k_live_", foldCase: false) else { return }
        let body = run(from: index + 8, limit: 256, ByteClass.isAlphanumeric)
        guard body >= 16 else { return }
        hits.append(LeakHit(offset: index, rule: .credential, isReference: LeakMatcher.isPlaceholder(lowercased(index..<(index + 8 + body)))))
    }
}
