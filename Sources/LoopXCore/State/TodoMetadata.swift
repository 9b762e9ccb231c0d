/// The `<!-- loopx:todo key=value ... -->` comment under a todo: URL-encoded `key=value`
/// pairs in a stable key order, unknown keys kept after the known ones in their own order.
public struct TodoMetadata: Sendable, Hashable {
    public private(set) var pairs: [(key: String, value: String)]

    /// Known keys in the order they are written.
    public static let keyOrder = [
        "todo_id", "status", "task_class", "action_kind", "required_write_scopes", "required_capabilities",
        "target_capabilities", "claimed_by", "claimed_at", "claim_expires_at", "blocks_agent", "unblocks_todo_id",
        "resume_when", "note", "evidence", "reason", "completed_at", "updated_at", "superseded_by",
    ]

    public init(_ pairs: [(key: String, value: String)] = []) {
        self.pairs = pairs
    }

    public static func == (lhs: TodoMetadata, rhs: TodoMetadata) -> Bool {
        lhs.pairs.map(\.key) == rhs.pairs.map(\.key) && lhs.pairs.map(\.value) == rhs.pairs.map(\.value)
    }

    public func hash(into hasher: inout Hasher) {
        for pair in pairs { hasher.combine(pair.key); hasher.combine(pair.value) }
    }

    public subscript(key: String) -> String? {
        get { pairs.first { $0.key == key }?.value }
        set {
            if let index = pairs.firstIndex(where: { $0.key == key }) {
                if let newValue { pairs[index].value = newValue } else { pairs.remove(at: index) }
            } else if let newValue {
                pairs.append((key, newValue))
            }
        }
    }

    /// Parses a metadata comment line; nil when the line is not one. Accepts `loopx:todo`,
    /// the older `goal-harness:todo`, and a bare `loopx:`.
    public static func parse(line: String) -> TodoMetadata? {
        let trimmed = line.trimmingWhitespace
        guard trimmed.hasPrefix("<!--"), trimmed.hasSuffix("-->") else { return nil }
        var body = String(trimmed.dropFirst(4).dropLast(3)).trimmingWhitespace
        var matched = false
        for prefix in ["loopx:todo", "goal-harness:todo", "loopx:"] where body.hasPrefix(prefix) {
            body = String(body.dropFirst(prefix.count))
            matched = true
            break
        }
        guard matched else { return nil }
        var pairs: [(String, String)] = []
        for token in body.split(whereSeparator: { $0 == " " || $0 == "\t" }) {
            guard let eq = token.firstIndex(of: "=") else { continue }
            let key = String(token[..<eq]).replacing("-", with: "_")
            guard isKey(key) else { continue }
            let value = compact(percentDecode(String(token[token.index(after: eq)...])))
            if let index = pairs.firstIndex(where: { $0.0 == key }) { pairs[index].1 = value } else { pairs.append((key, value)) }
        }
        return TodoMetadata(pairs)
    }

    /// The comment text (without indentation): known keys first in `keyOrder`, then the rest.
    public var rendered: String {
        var ordered: [(String, String)] = []
        for key in TodoMetadata.keyOrder { if let value = self[key], !value.isEmpty { ordered.append((key, value)) } }
        for pair in pairs where !TodoMetadata.keyOrder.contains(pair.key) && !pair.value.isEmpty { ordered.append(pair) }
        let tokens = ordered.map { "\($0.0)=\(TodoMetadata.percentEncode($0.1))" }
        return "<!-- loopx:todo \(tokens.joined(separator: " ")) -->"
    }

    static func isKey(_ key: String) -> Bool {
        let bytes = Array(key.utf8)
        guard let first = bytes.first, (first >= 0x61 && first <= 0x7a) || first == 0x5f else { return false }
        return bytes.allSatisfy { ($0 >= 0x61 && $0 <= 0x7a) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x5f }
    }

    /// Percent-encodes everything but ASCII letters, digits and `_ . : -`.
    public static func percentEncode(_ text: String) -> String {
        let hex = Array("0123456789ABCDEF".utf8)
        var out: [UInt8] = []
        for byte in text.utf8 {
            let safe = (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5a) || (byte >= 0x61 && byte <= 0x7a)
                || byte == 0x5f || byte == 0x2e || byte == 0x3a || byte == 0x2d
            if safe { out.append(byte) } else { out += [0x25, hex[Int(byte >> 4)], hex[Int(byte & 0xf)]] }
        }
        return String(decoding: out, as: UTF8.self)
    }

    public static func percentDecode(_ text: String) -> String {
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        var index = 0
        func nibble(_ b: UInt8) -> UInt8? {
            switch b {
            case 0x30...0x39: return b - 0x30
            case 0x41...0x46: return b - 0x37
            case 0x61...0x66: return b - 0x57
            default: return nil
            }
        }
        while index < bytes.count {
            if bytes[index] == 0x25, index + 2 < bytes.count, let hi = nibble(bytes[index + 1]), let lo = nibble(bytes[index + 2]) {
                out.append(hi << 4 | lo)
                index += 3
            } else {
                out.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Collapses runs of whitespace to one space and trims.
    public static func compact(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
