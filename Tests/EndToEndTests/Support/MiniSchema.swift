import LoopXRules
import LoopXSupport

/// Checks a JSON value against the subset of JSON Schema that docs/status.schema.json uses:
/// `type` (one or several), `required`, `properties`, `items`, `enum`, `const` and local
/// `$ref`s (`#/$defs/NAME`, resolved against `root`). Returns every violation with its JSON path.
enum MiniSchema {
    static func violations(of value: JSONValue, against schema: JSONValue, at path: String = "$", root: JSONValue? = nil) -> [String] {
        let root = root ?? schema
        if let reference = schema["$ref"]?.stringValue {
            let name = reference.hasPrefix("#/$defs/") ? String(reference.dropFirst(8)) : reference
            guard let target = root["$defs"]?[name] else { return ["\(path): unresolved $ref \(reference)"] }
            return violations(of: value, against: target, at: path, root: root)
        }
        var problems: [String] = []
        if let types = schema["type"] {
            let allowed = types.arrayValue?.compactMap(\.stringValue) ?? [types.stringValue].compactMap { $0 }
            if !allowed.contains(where: { matches(value, type: $0) }) {
                return ["\(path): expected \(allowed.joined(separator: "|")), got \(describe(value))"]
            }
        }
        if let options = schema["enum"]?.arrayValue, !options.contains(value) {
            problems.append("\(path): \(describe(value)) is not one of the allowed values")
        }
        if let constant = schema["const"], constant != value {
            problems.append("\(path): expected the constant value")
        }
        if case .object(let object) = value {
            for key in schema["required"]?.arrayValue?.compactMap(\.stringValue) ?? [] where object[key] == nil {
                problems.append("\(path): missing required key \(key)")
            }
            for entry in schema["properties"]?.objectValue ?? JSONObject() {
                if let child = object[entry.key] {
                    problems += violations(of: child, against: entry.value, at: "\(path).\(entry.key)", root: root)
                }
            }
        }
        if case .array(let items) = value, let itemSchema = schema["items"] {
            for (index, item) in items.enumerated() {
                problems += violations(of: item, against: itemSchema, at: "\(path)[\(index)]", root: root)
            }
        }
        return problems
    }

    static func matches(_ value: JSONValue, type: String) -> Bool {
        switch (type, value) {
        case ("object", .object), ("array", .array), ("string", .string), ("boolean", .bool), ("null", .null),
            ("integer", .int):
            return true
        case ("number", .int), ("number", .double):
            return true
        default:
            return false
        }
    }

    static func describe(_ value: JSONValue) -> String {
        switch value {
        case .null: return "null"
        case .bool: return "boolean"
        case .int: return "integer"
        case .double: return "number"
        case .string: return "string"
        case .array: return "array"
        case .object: return "object"
        }
    }
}
