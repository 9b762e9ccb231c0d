/// The non-credential leak rules: private document hosts, personal paths, internal task ids,
/// private network addresses and non-public package registries.
extension LeakMatcher {
    /// `larkoffice` anywhere, except the public developer console `open.larkoffice.com`.  // loopx-boundary: allow
    func privateDocHost(at index: Int, into hits: inout [LeakHit]) {
        guard matches(index, "larkoffice", foldCase: true), !matches(index - 5, "open.", foldCase: true) else { return }  // loopx-boundary: allow
        hits.append(LeakHit(offset: index, rule: .privateDocURL, isReference: false))
    }

    /// `/Users/<name>`, `/home/<name>` (a real-looking name, not a placeholder) and `/ext_data/`.  // loopx-boundary: allow
    func privatePath(at index: Int, into hits: inout [LeakHit]) {
        if matches(index, "/ext_data/", foldCase: false) {  // loopx-boundary: allow
            hits.append(LeakHit(offset: index, rule: .localPrivatePath, isReference: false))
            return
        }
        let nameStart: Int
        if matches(index, "/Users/", foldCase: false) {
            nameStart = index + 7
        } else if matches(index, "/home/", foldCase: false) {
            nameStart = index + 6
        } else {
            return
        }
        // Inside a longer path or URL (`/srv/home/x`, `site.com/Users/x`) it is not a home directory.
        if let previous = byte(index - 1) {
            let isFileURL = previous == 0x2F && matches(index - 7, "file://", foldCase: true)
            if !isFileURL, ByteClass.isNameCharacter(previous) || previous == 0x2F || previous == 0x7E || previous == 0x25 {
                return
            }
        }
        let length = run(from: nameStart, limit: 64, ByteClass.isNameCharacter)
        guard length >= 2, let first = byte(nameStart), ByteClass.isLetter(first) else { return }
        if LeakMatcher.placeholderUserNames.contains(lowercased(nameStart..<(nameStart + length))) { return }
        hits.append(LeakHit(offset: index, rule: .localPrivatePath, isReference: false))
    }

    /// Names that stand for "some user" in docs and CI logs rather than a person's account.
    static let placeholderUserNames: Set<[UInt8]> = Set([
        "shared", "user", "username", "name", "me", "you", "yourname", "your-name", "your_name", "example",
        "someone", "runner", "ubuntu", "vscode", "node", "codespace", "linuxbrew", "guest", "admin", "root",
        "foo", "bar", "jdoe", "johndoe", "alice", "bob",
        // Accounts of containers, CI and cloud images rather than of people.
        "app", "appuser", "dev", "developer", "jovyan", "coder", "docker", "git", "www", "www-data", "nobody",
        "postgres", "vagrant", "ec2-user", "pi", "circleci", "travis", "gitpod", "build", "ci",
    ].map { Array($0.utf8) })

    /// `t-20` + 12 digits + `-` + lowercase letters or digits.
    func internalTaskID(at index: Int, into hits: inout [LeakHit]) {
        guard atWordStart(index), matches(index, "t-20", foldCase: false) else { return }
        guard run(from: index + 4, limit: 13, ByteClass.isDigit) == 12, byte(index + 16) == 0x2D else { return }
        let tail = run(from: index + 17, limit: 128) { ByteClass.isLowerLetter($0) || ByteClass.isDigit($0) }
        guard tail > 0 else { return }
        hits.append(LeakHit(offset: index, rule: .internalTaskID, isReference: false))
    }

    /// A dotted quad in 10/8, 172.16/12 or 192.168/16, not part of a longer number or version.
    func privateIP(at index: Int, into hits: inout [LeakHit]) {
        if let previous = byte(index - 1), ByteClass.isAlphanumeric(previous) || previous == 0x2E || previous == 0x5F {
            return
        }
        var octets: [Int] = []
        var cursor = index
        while octets.count < 4 {
            if !octets.isEmpty {
                guard byte(cursor) == 0x2E else { return }
                cursor += 1
            }
            let digits = run(from: cursor, limit: 4, ByteClass.isDigit)
            guard digits >= 1, digits <= 3 else { return }
            var value = 0
            for k in 0..<digits { value = value * 10 + Int(bytes[cursor + k] - 0x30) }
            guard value <= 255 else { return }
            octets.append(value)
            cursor += digits
        }
        if let next = byte(cursor) {
            if ByteClass.isAlphanumeric(next) { return }
            if next == 0x2E, let after = byte(cursor + 1), ByteClass.isDigit(after) { return }
        }
        let isPrivate = octets[0] == 10 || (octets[0] == 172 && (16...31).contains(octets[1]))
            || (octets[0] == 192 && octets[1] == 168)
        if isPrivate { hits.append(LeakHit(offset: index, rule: .privateIP, isReference: false)) }
    }

    /// `"resolved": "<url>"` in a lock file, where the URL is not on registry.npmjs.org.
    func resolvedURL(at index: Int, into hits: inout [LeakHit]) {
        guard matches(index, "\"resolved\"", foldCase: false) else { return }
        var cursor = index + 10
        cursor += run(from: cursor, limit: 16, ByteClass.isSpace)
        guard byte(cursor) == 0x3A else { return }
        cursor += 1
        cursor += run(from: cursor, limit: 16, ByteClass.isSpace)
        guard byte(cursor) == 0x22 else { return }
        cursor += 1
        if matches(cursor, "https://registry.npmjs.org/", foldCase: true)
            || matches(cursor, "http://registry.npmjs.org/", foldCase: true) {
            return
        }
        hits.append(LeakHit(offset: index, rule: .nonPublicPackageRegistry, isReference: false))
    }
}
