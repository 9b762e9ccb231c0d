import LoopXSupport
extension FactsSchema {
    /// The kinds a `normalize.fields` entry may name, with the fact type each one fits.
    static let normalizeKinds = ["label", "labels", "int", "string"]

    /// Reads `normalize:`: the label syntax and each field's rule. Every field must be a
    /// declared fact of the kind's type and have a default under `defaults:` (the value it
    /// falls back to), so a rule can never fall back to nothing.
    static func readNormalization(
        _ node: YAMLNode?, root: FactType, defaults: JSONValue, unit: RuleFileUnit, sink: inout DiagnosticSink
    ) -> FieldNormalization {
        guard let node, !node.isNull else { return FieldNormalization() }
        guard let reader = MappingReader(node, in: unit, what: "normalize block", allowed: ["label", "fields"], sink: &sink) else {
            return FieldNormalization()
        }
        var normalization = FieldNormalization()
        if let labelNode = reader.value("label") {
            normalization.label = readLabelSyntax(labelNode, unit: unit, sink: &sink) ?? LabelSyntax()
        }
        guard let fields = reader.value("fields") else { return normalization }
        guard let pairs = fields.mapping else {
            sink.add(unit.diagnostic("'fields' must map fact paths to rules, found \(fields.kindDescription)", at: fields))
            return normalization
        }
        for pair in pairs {
            guard let path = pair.key.string else { continue }
            let segments = path.split(separator: ".").map(String.init)
            guard let type = segments.reduce(Optional(root), { $0?.field($1) }), case .map = root, !segments.isEmpty else {
                sink.add(unit.diagnostic("'\(path)' is not a declared fact", at: pair.key))
                continue
            }
            guard let rule = readRule(pair.value, type: type, path: path, unit: unit, sink: &sink) else { continue }
            let fallback = segments.reduce(Optional(defaults)) { $0?[$1] }
            guard let fallback, fallback != .null, normalizedDefault(fallback, fits: rule, label: normalization.label) else {
                sink.add(unit.diagnostic(
                    "'\(path)' needs a valid default under 'defaults:' (the value an invalid one falls back to)", at: pair.key))
                continue
            }
            normalization.rules[path] = rule
            normalization.order.append(path)
        }
        return normalization
    }

    private static func readRule(
        _ node: YAMLNode, type: FactType, path: String, unit: RuleFileUnit, sink: inout DiagnosticSink
    ) -> FieldNormalization.Rule? {
        guard let reader = MappingReader(node, in: unit, what: "rule of '\(path)'", allowed: ["kind", "minimum", "fallback_when"], sink: &sink),
            let kind = reader.string("kind", required: true, sink: &sink), let kindNode = reader.value("kind")
        else { return nil }
        let expected: FactType
        let rule: FieldNormalization.Rule
        switch kind {
        case "label": (expected, rule) = (.scalar("string"), .label)
        case "string": (expected, rule) = (.scalar("string"), .text)
        case "labels": (expected, rule) = (.list(.scalar("string")), .labels)
        case "int":
            guard let minimum = reader.int("minimum", sink: &sink) else {
                sink.add(unit.diagnostic("an 'int' rule needs 'minimum' (the least valid value)", at: node))
                return nil
            }
            (expected, rule) = (.scalar("int"), .integer(minimum: Int64(minimum)))
        default:
            sink.add(unit.diagnostic(
                "unknown kind '\(kind)'\(Suggestion.hint(for: kind, in: normalizeKinds)); use one of "
                    + normalizeKinds.joined(separator: " "), at: kindNode))
            return nil
        }
        if kind != "int", let minimum = reader.keyNode("minimum") {
            sink.add(unit.diagnostic("'minimum' belongs to an 'int' rule", at: minimum))
        }
        let needsEmpty = kind == "labels" || kind == "string"
        switch (reader.string("fallback_when", sink: &sink), needsEmpty) {
        case ("empty"?, true), (nil, false): break
        case (_, true):
            sink.add(unit.diagnostic("a '\(kind)' rule falls back when the value is empty: write 'fallback_when: empty'", at: node))
            return nil
        case (_?, false):
            sink.add(unit.diagnostic("'fallback_when' belongs to a 'labels' or 'string' rule", at: reader.keyNode("fallback_when") ?? node))
            return nil
        }
        guard type == expected else {
            sink.add(unit.diagnostic("'\(path)' is declared \(type.summary), not what a '\(kind)' rule reads", at: kindNode))
            return nil
        }
        return rule
    }

    /// Whether a declared default satisfies its own rule (a fallback that would be refused
    /// is a mistake in the file).
    private static func normalizedDefault(_ value: JSONValue, fits rule: FieldNormalization.Rule, label: LabelSyntax) -> Bool {
        switch rule {
        case .label: return value.stringValue.map(label.matches) ?? false
        case .labels: return value.arrayValue?.allSatisfy { $0.stringValue.map(label.matches) ?? false } ?? false
        case .integer(let minimum): if case .int(let n) = value { return n >= minimum } else { return false }
        case .text: return !(value.stringValue ?? "").isEmpty
        }
    }

    private static func readLabelSyntax(_ node: YAMLNode, unit: RuleFileUnit, sink: inout DiagnosticSink) -> LabelSyntax? {
        guard let reader = MappingReader(node, in: unit, what: "label syntax", allowed: ["first", "rest", "max_length"], sink: &sink),
            let first = reader.string("first", required: true, sink: &sink),
            let rest = reader.string("rest", required: true, sink: &sink)
        else { return nil }
        guard let maxLength = reader.int("max_length", sink: &sink), maxLength > 0 else {
            sink.add(unit.diagnostic("the label syntax needs a positive 'max_length'", at: node))
            return nil
        }
        for (key, text) in [("first", first), ("rest", rest)] where LabelSyntax.characterSet(text) == nil {
            sink.add(unit.diagnostic(
                "'\(key)' must be a class of ASCII characters such as A-Za-z0-9_.-", at: reader.value(key) ?? node))
            return nil
        }
        return LabelSyntax(first: first, rest: rest, maxLength: maxLength)
    }
}

extension FactsSchema {
    /// Reads one `facts.yaml` on its own (commands that need its defaults but no decision,
    /// such as `bootstrap`); its problems are positioned diagnostics.
    public static func load(_ file: RuleSourceFile) throws(DiagnosticList) -> FactsSchema {
        var sink = DiagnosticSink()
        guard let unit = RuleFileUnit.parse(file, layer: .builtin, into: &sink),
            let schema = read(unit, sink: &sink), !sink.hasErrors
        else { throw DiagnosticList(sink.sorted) }
        return schema
    }
}
