/// The `credential` rule: literal keys and tokens, and the values after `Bearer`,
/// `Authorization:`, `token=` and `password=`, each classified as a value or a reference.
extension LeakMatcher {
    /// Where a credential value was found; prose after `Bearer` reads differently from code.
    enum ValueContext {
        /// `token=`, `password=`: a password may be short.
        case assignment
        /// `Authorization:`: header credentials are long.
        case header
        /// `Bearer`: also a word of prose.
        case bearer

        /// Values shorter than this are too short to be this kind of secret (`x`, `abc`).
        var minimumSecretLength: Int {
            switch self {
            case .assignment: return 4
            case .header: return 8
            case .bearer: return 16
            }
        }
    }

    func bearer(at index: Int, into hits: inout [LeakHit]) {
        guard atWordStart(index), matches(index, "bearer", foldCase: true) else { return }
        let afterWord = index + 6
        let spaces = run(from: afterWord, limit: 16, ByteClass.isSpace)
        guard spaces > 0 else { return }
        let valueStart = afterWord + spaces
        guard let first = byte(valueStart), !ByteClass.isLineBreak(first) else { return }
        hits.append(LeakHit(offset: index, rule: .credential, isReference: isReference(valueAt: valueStart, .bearer)))
    }

    func authorization(at index: Int, into hits: inout [LeakHit]) {
        guard atWordStart(index), matches(index, "authorization:", foldCase: true) else { return }
        var value = index + 14
        value += run(from: value, limit: 16, ByteClass.isSpace)
        // `Authorization: Bearer X` / `Basic X`: the credential is the word after the scheme.
        for scheme: StaticString in ["bearer", "basic", "token", "digest"] where matches(value, scheme, foldCase: true) {
            let afterScheme = value + scheme.utf8CodeUnitCount
            let spaces = run(from: afterScheme, limit: 16, ByteClass.isSpace)
            if spaces > 0 { value = afterScheme + spaces }
            break
        }
        hits.append(LeakHit(offset: index, rule: .credential, isReference: isReference(valueAt: value, .header)))
    }

    /// `token=` / `password=` (any prefix such as `access_token=`), not the comparison `==`.
    func assignment(at index: Int, keyword: StaticString, into hits: inout [LeakHit]) {
        guard matches(index, keyword, foldCase: true) else { return }
        let valueStart = index + keyword.utf8CodeUnitCount
        if byte(valueStart) == 0x3D { return }
        hits.append(LeakHit(offset: index, rule: .credential, isReference: isReference(valueAt: valueStart, .assignment)))
    }

    /// `AKIA`/`ASIA` and 16 upper-case letters or digits: an AWS access key id.
    func awsKey(at index: Int, into hits: inout [LeakHit]) {
        guard atWordStart(index), matches(index, "AKIA", foldCase: false) || matches(index, "ASIA", foldCase: false)
        else { return }
        let body = run(from: index + 4, limit: 17) { ByteClass.isUpper($0) || ByteClass.isDigit($0) }
        guard body == 16 else { return }
        if let next = byte(index + 20), ByteClass.isAlphanumeric(next) { return }
        let reference = LeakMatcher.isPlaceholder(lowercased(index..<(index + 20)))
        hits.append(LeakHit(offset: index, rule: .credential, isReference: reference))
    }

    /// `-----BEGIN … PRIVATE KEY-----`; only a header followed by key material is a secret.
    func privateKeyBlock(at index: Int, into hits: inout [LeakHit]) {
        guard matches(index, "-----BEGIN ", foldCase: false) else { return }
        let end = lineEnd(from: index)
        var cursor = index + 11
        var found = false
        while cursor < min(end, index + 64) {
            if matches(cursor, "PRIVATE KEY-----", foldCase: false) { found = true; break }
            cursor += 1
        }
        guard found else { return }
        let afterHeader = cursor + 16
        var material: Int
        if matches(afterHeader, "\\n", foldCase: false) {
            material = afterHeader + 2
        } else {
            material = afterHeader
            while let b = byte(material), ByteClass.isLineBreak(b) || ByteClass.isSpace(b) { material += 1 }
        }
        let hasKeyMaterial = run(from: material, limit: 64, ByteClass.isBase64) >= 40
            || matches(material, "Proc-Type:", foldCase: false)
        hits.append(LeakHit(offset: index, rule: .credential, isReference: !hasKeyMaterial))
    }

    /// GitHub tokens: `ghp_`/`gho_`/`ghu_`/`ghs_`/`ghr_` + 36 characters, or `github_pat_…`.
    func githubToken(at index: Int, into hits: inout [LeakHit]) {
        guard atWordStart(index) else { return }
        var bodyStart = 0
        var minimum = 0
        if matches(index, "github_pat_", foldCase: false) {
            bodyStart = index + 11
            minimum = 22
        } else if matches(index, "gh", foldCase: false), let kind = byte(index + 2), "pousr".utf8.contains(kind),
            byte(index + 3) == 0x5F {
            bodyStart = index + 4
            minimum = 36
        } else {
            return
        }
        let body = run(from: bodyStart, limit: 256, ByteClass.isIdentifier)
        guard body >= minimum else { return }
        let reference = LeakMatcher.isPlaceholder(lowercased(index..<(bodyStart + body)))
        hits.append(LeakHit(offset: index, rule: .credential, isReference: reference))
    }

    /// Slack tokens: `xoxb-`, `xoxp-`, `xoxa-`, `xoxr-`, `xoxs-` and at least 10 more characters.
    func slackToken(at index: Int, into hits: inout [LeakHit]) {
        guard atWordStart(index), matches(index, "xox", foldCase: false), let kind = byte(index + 3),
            "abprs".utf8.contains(kind), byte(index + 4) == 0x2D
        else { return }
        let body = run(from: index + 5, limit: 256) { ByteClass.isAlphanumeric($0) || $0 == 0x2D }
        guard body >= 10 else { return }
        let reference = LeakMatcher.isPlaceholder(lowercased(index..<(index + 5 + body)))
        hits.append(LeakHit(offset: index, rule: .credential, isReference: reference))
    }
}
