import LoopXSupport
extension YAMLNode {
    /// The node as plain JSON data. Mapping keys must be strings (JSON has no other kind);
    /// each other key is reported, positioned through `source`.
    public func jsonValue(source: SourceText) throws(DiagnosticList) -> JSONValue {
        var problems: [Diagnostic] = []
        let value = convert(source: source, problems: &problems)
        if !problems.isEmpty { throw DiagnosticList(problems) }
        return value
    }

    private func convert(source: SourceText, problems: inout [Diagnostic]) -> JSONValue {
        switch kind {
        case .scalar(let scalar):
            return scalar.value.jsonValue
        case .sequence(let items):
            return .array(items.map { $0.convert(source: source, problems: &problems) })
        case .mapping(let pairs):
            var entries: [(key: String, value: JSONValue)] = []
            entries.reserveCapacity(pairs.count)
            for pair in pairs {
                guard let key = pair.key.string else {
                    let hint = pair.key.scalar.map { " (quote it: \"\($0.text)\")" } ?? ""
                    problems.append(source.diagnostic(
                        "mapping key must be a string, not \(pair.key.kindDescription)\(hint)", at: pair.key.position))
                    continue
                }
                entries.append((key, pair.value.convert(source: source, problems: &problems)))
            }
            return .object(JSONObject(entries))
        }
    }
}

extension YAMLDocument {
    /// The whole document (or one of its nodes) as plain JSON data; see `YAMLNode.jsonValue`.
    public func jsonValue(of node: YAMLNode? = nil) throws(DiagnosticList) -> JSONValue {
        try (node ?? root).jsonValue(source: source)
    }
}
