/// Duplicate-key detection for `JSONParser`: an object may name each key once, since a reader
/// keeping the first and a writer keeping the last (or the reverse) would silently lose data.
extension JSONParser {
    /// The keys of one object seen so far with their offsets: a list while the object is
    /// small (most are), a dictionary once it grows, so checking stays linear.
    struct KeySet {
        private static let listLimit = 16
        private var list: [(key: String, offset: Int)] = []
        private var table: [String: Int]?

        /// Records `key`; returns the offset of its earlier occurrence when it is a duplicate.
        mutating func insert(_ key: String, at offset: Int) -> Int? {
            if table != nil {
                if let first = table?[key] { return first }
                table?[key] = offset
                return nil
            }
            for entry in list where entry.key == key { return entry.offset }
            list.append((key, offset))
            if list.count > KeySet.listLimit {
                table = Dictionary(list.map { ($0.key, $0.offset) }, uniquingKeysWith: { first, _ in first })
                list = []
            }
            return nil
        }
    }

    /// Keys longer than this are cut in messages.
    static let maxQuotedKeyLength = 64

    /// A key as shown in a message: quoted with JSON escapes, cut to `maxQuotedKeyLength`
    /// characters, and withheld when it looks like a credential.
    static func quotedKey(_ key: String) -> String {
        if CredentialShape.appears(in: key) { return "(not shown: it looks like a credential)" }
        var shown = key
        if key.unicodeScalars.count > maxQuotedKeyLength {
            shown = String(String.UnicodeScalarView(key.unicodeScalars.prefix(maxQuotedKeyLength))) + "…"
        }
        return JSONWriter(sortedKeys: false).string(.string(shown))
    }
}
