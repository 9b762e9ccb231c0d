import LoopXSupport
/// `facts.yaml`: the types of the facts rules may read, and the default facts document that
/// inline fixtures are merged over.
public struct FactsSchema: Sendable, Hashable {
    /// The root map: each fact name with its type.
    public var root: FactType
    /// The default facts (a JSON object).
    public var defaults: JSONValue
    /// The most elements each list (or map) fact holds, by dotted path (`history`,
    /// `history.residual_risks`: list elements add no segment). Cost bounds use them.
    public var limits: [String: Int]
    /// Fields declared with a trailing `?` (`newest?: timestamp`): absent in some facts, so
    /// rules read them with `has()` or `.?`. Dotted paths.
    public var optionalFields: Set<String>
    /// How user-supplied values normalize (`normalize:`), falling back to `defaults:`.
    public var normalization: FieldNormalization

    public init(
        root: FactType, defaults: JSONValue, limits: [String: Int] = [:], optionalFields: Set<String> = [],
        normalization: FieldNormalization = FieldNormalization()
    ) {
        self.root = root
        self.defaults = defaults
        self.limits = limits
        self.optionalFields = optionalFields
        self.normalization = normalization
    }

    /// An empty, open schema (used when a rule set has no `facts.yaml`).
    public static let open = FactsSchema(root: .map(fields: [:], order: [], open: .dyn), defaults: .object(JSONObject()))

    /// The names of the root facts, in file order.
    public var rootNames: [String] { root.fieldNames }

    static func read(_ unit: RuleFileUnit, sink: inout DiagnosticSink) -> FactsSchema? {
        guard let reader = MappingReader(unit.root, in: unit, what: "facts file", allowed: ["facts", "limits", "defaults", "normalize"], sink: &sink),
            let factsNode = reader.require("facts", sink: &sink)
        else { return nil }
        guard factsNode.mapping != nil else {
            sink.add(unit.diagnostic("'facts' must map fact names to types, found \(factsNode.kindDescription)", at: factsNode))
            return nil
        }
        var optional = Set<String>()
        let root = readType(factsNode, path: "", unit: unit, optional: &optional, sink: &sink)
        let limits = readLimits(reader.value("limits"), root: root, unit: unit, sink: &sink)
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
        let normalization = readNormalization(reader.value("normalize"), root: root, defaults: defaults, unit: unit, sink: &sink)
        return FactsSchema(root: root, defaults: defaults, limits: limits, optionalFields: optional, normalization: normalization)
    }

    /// `limits:` maps dotted paths of list (or map) facts to their most elements.
    private static func readLimits(_ node: YAMLNode?, root: FactType, unit: RuleFileUnit, sink: inout DiagnosticSink) -> [String: Int] {
        guard let node, !node.isNull else { return [:] }
        guard let pairs = node.mapping else {
            sink.add(unit.diagnostic("'limits' must map list fact paths to their most elements, found \(node.kindDescription)", at: node))
            return [:]
        }
        let containers = root.containerPaths(prefix: "")
        var limits: [String: Int] = [:]
        for pair in pairs {
            guard let path = pair.key.string else { continue }
            guard containers.contains(path) else {
                sink.add(unit.diagnostic("'\(path)' is not a list or map fact" + Suggestion.hint(for: path, in: containers), at: pair.key))
                continue
            }
            guard let text = pair.value.scalar?.text, let limit = Int(text), limit >= 0 else {
                sink.add(unit.diagnostic("the limit of '\(path)' must be a non-negative integer", at: pair.value))
                continue
            }
            limits[path] = limit
        }
        return limits
    }

    private static func readType(
        _ node: YAMLNode, path: String, unit: RuleFileUnit, optional: inout Set<String>, sink: inout DiagnosticSink
    ) -> FactType {
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
            return .list(readType(items[0], path: path, unit: unit, optional: &optional, sink: &sink))
        case .mapping(let pairs):
            var fields: [String: FactType] = [:]
            var order: [String] = []
            var open: FactType?
            for pair in pairs {
                guard var key = pair.key.scalar?.text else { continue }
                if key.count > 1, key.hasSuffix("?") {
                    key.removeLast()
                    optional.insert(path.isEmpty ? key : path + "." + key)
                }
                let type = readType(pair.value, path: key == "*" ? path : (path.isEmpty ? key : path + "." + key),
                                    unit: unit, optional: &optional, sink: &sink)
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
