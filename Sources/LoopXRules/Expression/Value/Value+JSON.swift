import LoopXSupport
extension Value {
    /// Plain JSON as CEL: integers become int, other numbers double, objects maps with string keys.
    public init(json: JSONValue) {
        switch json {
        case .null: self = .null
        case .bool(let b): self = .bool(b)
        case .int(let i): self = .int(i)
        case .double(let d): self = .double(d)
        case .string(let s): self = .string(s)
        case .array(let items): self = .list(items.map { Value(json: $0) })
        case .object(let object):
            // JSON objects read by the strict parser have distinct keys.
            self = .map(CELMap(uncheckedKeys: object.entries.map { .string($0.key) },
                               values: object.entries.map { Value(json: $0.value) }))
        }
    }

    /// The value as plain JSON for output: timestamps as RFC 3339, durations as `"1.5s"`,
    /// bytes as base64, uints as numbers, non-string map keys as their CEL text.
    public var plainJSON: JSONValue {
        switch self {
        case .null: return .null
        case .bool(let b): return .bool(b)
        case .int(let i): return .int(i)
        case .uint(let u): return u <= UInt64(Int64.max) ? .int(Int64(u)) : .double(Double(u))
        case .double(let d):
            if d.isNaN { return .string("NaN") }
            if d.isInfinite { return .string(d < 0 ? "-Infinity" : "Infinity") }
            return .double(d)
        case .string(let s): return .string(s)
        case .bytes(let b): return .string(Base64.encode(b))
        case .timestamp(let t): return .string(t.rfc3339)
        case .duration(let d): return .string(d.text)
        case .list(let l): return .array(l.map(\.plainJSON))
        case .map(let m):
            var entries: [(key: String, value: JSONValue)] = []
            for i in 0..<m.count {
                let key: String
                switch m.keys[i] {
                case .string(let s): key = s
                case .int(let n): key = String(n)
                case .uint(let n): key = String(n)
                case .bool(let b): key = b ? "true" : "false"
                default: key = m.keys[i].celLiteral
                }
                entries.append((key, m.values[i].plainJSON))
            }
            return .object(JSONObject(entries))
        case .type(let t): return .string(t.name)
        case .optional(let o): return o.value?.plainJSON ?? .null
        case .error(let e): return .object(["error": .string(e.message)])
        }
    }
}
