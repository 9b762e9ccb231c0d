import LoopXSupport
extension JSONValue {
    /// `overlay` deep-merged over `self`: maps merge key by key, anything else replaces.
    public func deepMerged(with overlay: JSONValue) -> JSONValue {
        guard case .object(var result) = self, case .object(let top) = overlay else { return overlay }
        for (key, value) in top {
            result[key] = result[key].map { $0.deepMerged(with: value) } ?? value
        }
        return .object(result)
    }
}

extension YAMLNode {
    /// The position of every field below this node, keyed by key path (for provenance).
    func fieldPositions(prefix: [String] = []) -> [([String], SourcePosition)] {
        guard let pairs = mapping else { return [] }
        var result: [([String], SourcePosition)] = []
        for pair in pairs {
            let path = prefix + [pair.key.scalar?.text ?? ""]
            result.append((path, pair.key.position))
            result += pair.value.fieldPositions(prefix: path)
        }
        return result
    }
}
