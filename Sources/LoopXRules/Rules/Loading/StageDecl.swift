import LoopXSupport
/// A stage file (`Rules/<stage>.yaml`) as written, before compilation.
struct StageDecl {
    static let keys = ["stage", "description", "mode", "on_error", "direction", "permissive", "defaults", "variables", "rules", "otherwise"]

    var name: String
    var nameNode: YAMLNode
    var description: String?
    var mode: StageMode
    var onError: OnErrorPolicy
    var defaults: YAMLNode?
    /// Ordered `name → expression` pairs.
    var variables: [(name: String, keyNode: YAMLNode, value: YAMLNode)]
    var rules: [RuleDecl]
    var unit: RuleFileUnit
    var direction = LayerDirection.any
    /// The defaults as plain data (`${...}` strings kept as written), for classifying outcomes.
    var defaultsJSON = JSONObject()

    var origin: RuleOrigin { unit.origin(of: nameNode) }

    static func read(_ unit: RuleFileUnit, sink: inout DiagnosticSink) -> StageDecl? {
        guard let reader = MappingReader(unit.root, in: unit, what: "stage file", allowed: keys, sink: &sink),
            let name = reader.string("stage", required: true, sink: &sink), let nameNode = reader.value("stage")
        else { return nil }
        if !isIdentifier(name) {
            sink.add(unit.diagnostic("invalid stage name '\(name)': use lowercase snake_case", at: nameNode))
        }
        let description = reader.string("description", sink: &sink)
        let mode = reader.choice("mode", StageMode.self, sink: &sink) ?? .firstMatch
        if reader.value("mode") == nil {
            sink.add(unit.diagnostic("stage file is missing the required key 'mode' (first_match or all_matches)", at: unit.root))
        }
        let onError = reader.choice("on_error", OnErrorPolicy.self, sink: &sink) ?? .skip
        let defaults = reader.value("defaults")
        if let defaults, defaults.mapping == nil, !defaults.isNull {
            sink.add(unit.diagnostic("'defaults' must be a mapping, found \(defaults.kindDescription)", at: defaults))
        }
        if let defaults, defaults.mapping != nil, mode == .allMatches {
            sink.add(unit.diagnostic("'defaults' applies to first_match stages only", at: defaults))
        }
        var variables: [(String, YAMLNode, YAMLNode)] = []
        if let node = reader.value("variables") {
            if let pairs = node.mapping {
                for pair in pairs {
                    guard let key = pair.key.string, isIdentifier(key) else {
                        sink.add(unit.diagnostic("a variable name must be a lowercase identifier", at: pair.key))
                        continue
                    }
                    variables.append((key, pair.key, pair.value))
                }
            } else if !node.isNull {
                sink.add(unit.diagnostic("'variables' must be a mapping of name to expression, found \(node.kindDescription)", at: node))
            }
        }
        var rules: [RuleDecl] = []
        if let node = reader.value("rules") {
            if let items = node.sequence {
                for item in items {
                    if let rule = RuleDecl.read(item, in: unit, stage: name, requireDescription: unit.layer == .builtin, sink: &sink) {
                        rules.append(rule)
                    }
                }
            } else if !node.isNull {
                sink.add(unit.diagnostic("'rules' must be a sequence, found \(node.kindDescription)", at: node))
            }
        }
        assignFileOrder(&rules, unit: unit, sink: &sink)
        if let node = reader.value("otherwise"), !node.isNull {
            if mode == .allMatches {
                sink.add(unit.diagnostic("'otherwise' applies to first_match stages only", at: reader.keyNode("otherwise") ?? node))
            } else if let otherwise = RuleDecl.readOtherwise(node, in: unit, stage: name, sink: &sink) {
                rules.append(otherwise)
            }
        }
        var decl = StageDecl(
            name: name, nameNode: nameNode, description: description, mode: mode, onError: onError,
            defaults: defaults, variables: variables, rules: rules, unit: unit)
        decl.direction = readDirection(reader, unit: unit, sink: &sink)
        if let defaults, defaults.mapping != nil { decl.defaultsJSON = unit.json(defaults, sink: &sink)?.objectValue ?? JSONObject() }
        decl.checkOtherwiseRestatesNoDefault(sink: &sink)
        return decl
    }

    /// Built-in rules run in file order: the first rule gets the highest priority, each next
    /// one 100 less (the last 100); the `otherwise:` (added after) runs after all of them.
    /// Priorities written in a stage file are only labels of that order (an unwritten one is
    /// 0): one that rises down the file is an error.
    private static func assignFileOrder(_ rules: inout [RuleDecl], unit: RuleFileUnit, sink: inout DiagnosticSink) {
        if rules.allSatisfy({ $0.priorityNode == nil }) {
            for index in rules.indices { rules[index].priority = (rules.count - index) * 100 }
        }
        for index in rules.indices.dropFirst() where rules[index].priority > rules[index - 1].priority {
            sink.add(unit.diagnostic(
                "rule '\(rules[index].id)' comes after '\(rules[index - 1].id)' but has a higher priority "
                    + "(\(rules[index].priority) over \(rules[index - 1].priority)): built-in rules run in file order; move the "
                    + "rule up, or drop 'priority:'", at: rules[index].priorityNode ?? rules[index].idNode))
        }
        for index in rules.indices { rules[index].priorityNode = nil }
    }

    /// An `otherwise:` key set to what `defaults:` already gives says the same thing twice.
    private func checkOtherwiseRestatesNoDefault(sink: inout DiagnosticSink) {
        guard let otherwise = rules.last, otherwise.isOtherwise, let then = otherwise.then, let pairs = then.mapping else { return }
        var scratch = DiagnosticSink()
        for pair in pairs {
            guard let key = pair.key.string, let value = unit.json(pair.value, sink: &scratch), defaultsJSON[key] == value else {
                continue
            }
            sink.add(unit.diagnostic(
                "'otherwise' sets '\(key)' to its default: leave it out (the defaults already give it)", at: pair.key))
        }
    }

    /// `direction: tighten_only` with `permissive: {field: value or [values]}`.
    private static func readDirection(_ reader: MappingReader, unit: RuleFileUnit, sink: inout DiagnosticSink) -> LayerDirection {
        let kind = reader.choice("direction", DirectionKind.self, sink: &sink) ?? .any
        var permissive: [String: [JSONValue]] = [:]
        if let node = reader.value("permissive"), !node.isNull {
            if node.mapping == nil {
                sink.add(unit.diagnostic("'permissive' must map output fields to the values that let something through", at: node))
            } else if let object = unit.json(node, sink: &sink)?.objectValue {
                for (field, value) in object { permissive[field] = value.arrayValue ?? [value] }
            }
        }
        if kind == .tightenOnly, permissive.isEmpty, let node = reader.keyNode("direction") {
            sink.add(unit.diagnostic("a tighten_only stage names its permissive outcomes under 'permissive:'", at: node))
        }
        return LayerDirection(tightenOnly: kind == .tightenOnly, permissive: permissive)
    }

    /// `[a-z_][a-z0-9_]*`.
    static func isIdentifier(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, ("a"..."z").contains(first) || first == "_" else { return false }
        return text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
    }
}
