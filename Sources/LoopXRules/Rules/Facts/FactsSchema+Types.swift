extension FactsSchema {
    /// The type of a root name the schema does not declare (its `"*"`), nil when closed.
    public var undeclaredType: StaticType? {
        guard case .map(_, _, let open) = root, let open else { return nil }
        return FactsSchema.staticType(open, path: "", limits: limits)
    }

    /// The facts as checker types: each root fact with its static type and declared bound,
    /// plus `now` (a timestamp) when the schema does not declare it.
    public var typedFacts: [String: Typed] {
        guard case .record(let root) = FactsSchema.staticType(root, path: "", limits: limits) else { return [:] }
        var facts: [String: Typed] = [:]
        for name in root.order { facts[name] = Typed(root.fields[name] ?? .dyn, bound: root.bounds[name]) }
        if facts["now"] == nil { facts["now"] = Typed(.timestamp) }
        return facts
    }

    /// A declared type as a checker type: mappings become records named by their path,
    /// carrying the `limits:` of their list and map fields.
    static func staticType(_ type: FactType, path: String, limits: [String: Int]) -> StaticType {
        switch type {
        case .dyn: return .dyn
        case .scalar(let name):
            switch name {
            case "string": return .string
            case "int": return .int
            case "uint": return .uint
            case "double": return .double
            case "bool": return .bool
            case "timestamp": return .timestamp
            case "duration": return .duration
            case "bytes": return .bytes
            case "null": return .null
            default: return .dyn
            }
        case .list(let element):
            return .list(staticType(element, path: path, limits: limits))
        case .map(let fields, let order, let open):
            var typed: [String: StaticType] = [:]
            var bounds: [String: Int] = [:]
            for name in order {
                let child = path.isEmpty ? name : path + "." + name
                if let field = fields[name] { typed[name] = staticType(field, path: child, limits: limits) }
                if let limit = limits[child] { bounds[name] = limit }
            }
            return .record(RecordType(name: path, kind: .fact, fields: typed, order: order,
                                      open: open.map { staticType($0, path: path, limits: limits) }, bounds: bounds))
        }
    }
}
