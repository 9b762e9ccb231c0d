import LoopXSupport
/// Compares fixture expectations with actual outputs, and finds output paths.
enum OutputMatching {
    /// Equality of plain data: numbers by value (1 == 1.0), objects regardless of key order.
    static func matches(_ expected: JSONValue, _ actual: JSONValue) -> Bool {
        switch (expected, actual) {
        case (.object(let e), .object(let a)):
            guard e.count == a.count else { return false }
            for (key, value) in e {
                guard let other = a[key], matches(value, other) else { return false }
            }
            return true
        case (.array(let e), .array(let a)):
            return e.count == a.count && zip(e, a).allSatisfy { matches($0, $1) }
        default:
            if let x = expected.doubleValue, let y = actual.doubleValue, expected.boolValue == nil { return x == y }
            return expected == actual
        }
    }

    /// The value at a dotted path (`quota.state`, `warnings.items.0.id`) in a JSON tree.
    static func lookup(_ segments: ArraySlice<String>, in value: JSONValue) -> JSONValue? {
        guard let first = segments.first else { return value }
        switch value {
        case .object(let object):
            return object[first].flatMap { lookup(segments.dropFirst(), in: $0) }
        case .array(let items):
            guard let index = Int(first), items.indices.contains(index) else { return nil }
            return lookup(segments.dropFirst(), in: items[index])
        default:
            return nil
        }
    }

    static func text(_ value: JSONValue?) -> String {
        guard let value else { return "<missing>" }
        return JSONWriter(sortedKeys: true, pretty: false).string(value)
    }
}
