import LoopXSupport
extension FactsSchema {
    /// Turns a facts document into CEL bindings. Strings become timestamps or durations where
    /// the schema says so, ints become uints for `uint`; problems are returned as messages
    /// naming the fact path.
    public func bindings(from document: JSONValue) -> (facts: [String: Value], problems: [String]) {
        var problems: [String] = []
        var facts: [String: Value] = [:]
        for (name, json) in document.objectValue ?? JSONObject() {
            facts[name] = FactsSchema.value(json, as: root.field(name), path: name, problems: &problems)
        }
        return (facts, problems)
    }

    static func value(_ json: JSONValue, as type: FactType?, path: String, problems: inout [String]) -> Value {
        switch (json, type) {
        case (.string(let text), .scalar("timestamp")?):
            if let t = CELTimestamp(rfc3339: text) { return .timestamp(t) }
            problems.append("\(path): '\(text)' is not an RFC 3339 timestamp")
            return .string(text)
        case (.string(let text), .scalar("duration")?):
            if let d = CELDuration(text: text) { return .duration(d) }
            problems.append("\(path): '\(text)' is not a duration such as 90s or 1h30m")
            return .string(text)
        case (.int(let i), .scalar("uint")?) where i >= 0:
            return .uint(UInt64(i))
        case (.int(let i), .scalar("double")?):
            return .double(Double(i))
        case (.array(let items), _):
            let element = type?.element
            return .list(items.enumerated().map { value($1, as: element, path: "\(path)[\($0)]", problems: &problems) })
        case (.object(let object), _):
            return .map(object.map { key, child in
                (key, value(child, as: type?.field(key), path: "\(path).\(key)", problems: &problems))
            })
        case (.null, _): return .null
        case (.bool(let b), _): return .bool(b)
        case (.int(let i), _): return .int(i)
        case (.double(let d), _): return .double(d)
        case (.string(let s), _): return .string(s)
        }
    }
}
