/// The declared type of a fact or field in `facts.yaml`.
public indirect enum FactType: Sendable, Hashable {
    /// `string int uint double bool timestamp duration bytes null`.
    case scalar(String)
    /// Any value; nothing below it is checked.
    case dyn
    /// A list of elements of one type (written as a one-element sequence).
    case list(FactType)
    /// A map with known fields; `open` (the `"*"` key) types any other key.
    case map(fields: [String: FactType], order: [String], open: FactType?)

    static let scalarNames = ["string", "int", "uint", "double", "bool", "timestamp", "duration", "bytes", "null", "dyn"]

    /// The type of field `name` below this one, or nil when it cannot exist.
    public func field(_ name: String) -> FactType? {
        switch self {
        case .dyn: return .dyn
        case .map(let fields, _, let open): return fields[name] ?? open
        case .scalar, .list: return nil
        }
    }

    /// The element type when indexing (`list[i]`, `map[k]`).
    public var element: FactType? {
        switch self {
        case .dyn: return .dyn
        case .list(let e): return e
        case .map(_, _, let open): return open ?? .dyn
        case .scalar: return nil
        }
    }

    /// The dotted paths of every list and map below this type (list elements add no segment).
    func containerPaths(prefix: String) -> [String] {
        switch self {
        case .scalar, .dyn: return []
        case .list(let element): return (prefix.isEmpty ? [] : [prefix]) + element.containerPaths(prefix: prefix).filter { $0 != prefix }
        case .map(let fields, let order, _):
            var out: [String] = prefix.isEmpty ? [] : [prefix]
            for name in order {
                out += fields[name]?.containerPaths(prefix: prefix.isEmpty ? name : prefix + "." + name) ?? []
            }
            return out
        }
    }

    /// Field names for suggestions.
    var fieldNames: [String] {
        if case .map(_, let order, _) = self { return order }
        return []
    }

    /// Short description for messages (`a string`, `a list`, `a map`).
    var summary: String {
        switch self {
        case .scalar(let name): return name
        case .dyn: return "dyn"
        case .list: return "list"
        case .map: return "map"
        }
    }
}
