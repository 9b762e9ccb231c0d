/// `facts.yaml`: the types of the facts rules may read, and the default facts document that
/// inline fixtures are merged over.
public struct FactsSchema: Sendable, Hashable {
    /// The root map: each fact name with its type.
    public var root: FactType
    /// The default facts (a JSON object).
    public var defaults: JSONValue

    public init(root: FactType, defaults: JSONValue) {
        self.root = root
        self.defaults = defaults
    }

    /// An empty, open schema (used when a rule set has no `facts.yaml`).
    public static let open = FactsSchema(root: .map(fields: [:], order: [], open: .dyn), defaults: .object(JSONObject()))

    /// The names of the root facts, in file order.
    public var rootNames: [String] { root.fieldNames }

    static func read(_ unit: RuleFileUnit, sink: inout DiagnosticSink) -> FactsSchema? {
        guard let reader = MappingReader(unit.root, in: unit, what: "facts file", allowed: ["facts", "defaults"], sink: &sink),
            let factsNode = reader.require("facts", sink: &sink)
        else { return nil }
        guard factsNode.mapping != nil else {
            sink.add(unit.diagnostic("'facts' must map fact names to types, found \(factsNode.kindDescription)", at: factsNode))
            return nil
        }
        let root = readType(factsNode, unit: unit, sink: &sink)
        var defaults = JSONValue.object(JSONObject())
        if let node = reader.value("defaults"), !node.isNull {
            if node.mapping == nil {
                sink.add(unit.diagnostic("'defaults' must be a mapping of facts, found \(node.kindDescription)", at: node))
            } else {
                defaults = unit.json(node, sink: &sink) ?? defaults
                for pair in node.mapping ?? [] {
                    guard let key = pair.key.string, root.field(key) == nil else { continue }
                    sink.add(unit.diagnostic(
                        "default for unknown fact '\(key)'\(Suggestion.hint(for: key, in: root.fieldNames))", at: pair.key))
                }
            }
        }
        return FactsSchema(root: root, defaults: defaults)
    }

    private static func readType(_ node: YAMLNode, unit: RuleFileUnit, sink: inout DiagnosticSink) -> FactType {
        switch node.kind {
        case .scalar(let scalar):
            let name = scalar.text
            if name == "dyn" { return .dyn }
            guard FactType.scalarNames.contains(name) else {
                sink.add(unit.diagnostic(
                    "unknown type '\(name)'\(Suggestion.hint(for: name, in: FactType.scalarNames)); use one of "
                        + FactType.scalarNames.joined(separator: " ") + ", a mapping, or a one-element list", at: node))
                return .dyn
            }
            return .scalar(name)
        case .sequence(let items):
            guard items.count == 1 else {
                sink.add(unit.diagnostic("a list type is written as a one-element sequence: [element type]", at: node))
                return .list(.dyn)
            }
            return .list(readType(items[0], unit: unit, sink: &sink))
        case .mapping(let pairs):
            var fields: [String: FactType] = [:]
            var order: [String] = []
            var open: FactType?
            for pair in pairs {
                guard let key = pair.key.scalar?.text else { continue }
                let type = readType(pair.value, unit: unit, sink: &sink)
                if key == "*" {
                    open = type
                } else {
                    fields[key] = type
                    order.append(key)
                }
            }
            return .map(fields: fields, order: order, open: open)
        }
    }
}
