import LoopXSupport
/// Reads the keys of one YAML mapping, reporting wrong types, unknown keys (with a "did you
/// mean") and missing required keys into the sink.
struct MappingReader {
    let unit: RuleFileUnit
    let node: YAMLNode
    let allowed: [String]
    /// What the mapping is, for messages ("rule", "stage file").
    let what: String

    /// Nil (and an error) when `node` is not a mapping.
    init?(_ node: YAMLNode, in unit: RuleFileUnit, what: String, allowed: [String], sink: inout DiagnosticSink) {
        self.unit = unit
        self.node = node
        self.allowed = allowed
        self.what = what
        guard let pairs = node.mapping else {
            sink.add(unit.diagnostic("\(what) must be a mapping, found \(node.kindDescription)", at: node))
            return nil
        }
        for pair in pairs {
            guard let key = pair.key.string else {
                sink.add(unit.diagnostic("keys of a \(what) must be strings, found \(pair.key.kindDescription)", at: pair.key))
                continue
            }
            if !allowed.contains(key) {
                sink.add(unit.diagnostic(
                    "unknown key '\(key)' in \(what)\(Suggestion.hint(for: key, in: allowed))", at: pair.key))
            }
        }
    }

    func value(_ key: String) -> YAMLNode? { node.mappingValue(for: key) }

    func keyNode(_ key: String) -> YAMLNode? { node.pair(for: key)?.key }

    func require(_ key: String, sink: inout DiagnosticSink) -> YAMLNode? {
        guard let found = value(key) else {
            sink.add(unit.diagnostic("\(what) is missing the required key '\(key)'", at: node))
            return nil
        }
        return found
    }

    func string(_ key: String, required: Bool = false, sink: inout DiagnosticSink) -> String? {
        guard let found = required ? require(key, sink: &sink) : value(key) else { return nil }
        guard let text = found.string else {
            sink.add(unit.diagnostic("'\(key)' must be a string, found \(found.kindDescription)", at: found))
            return nil
        }
        return text
    }

    func int(_ key: String, sink: inout DiagnosticSink) -> Int? {
        guard let found = value(key) else { return nil }
        guard let number = found.scalar?.value.intValue, let int = Int(exactly: number) else {
            sink.add(unit.diagnostic("'\(key)' must be an integer, found \(found.kindDescription)", at: found))
            return nil
        }
        return int
    }

    func bool(_ key: String, sink: inout DiagnosticSink) -> Bool? {
        guard let found = value(key) else { return nil }
        guard let flag = found.scalar?.value.boolValue else {
            sink.add(unit.diagnostic("'\(key)' must be true or false, found \(found.kindDescription)", at: found))
            return nil
        }
        return flag
    }

    /// A string naming one case of an enum, with the valid spellings in the error.
    func choice<E: RawRepresentable & CaseIterable>(_ key: String, _ type: E.Type, sink: inout DiagnosticSink) -> E?
    where E.RawValue == String {
        guard let text = string(key, sink: &sink), let found = value(key) else { return nil }
        guard let parsed = E(rawValue: text) else {
            let names = E.allCases.map(\.rawValue)
            sink.add(unit.diagnostic(
                "'\(key)' must be one of \(names.joined(separator: ", ")), found '\(text)'"
                    + Suggestion.hint(for: text, in: names), at: found))
            return nil
        }
        return parsed
    }
}
