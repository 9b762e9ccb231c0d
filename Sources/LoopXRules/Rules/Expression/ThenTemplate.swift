/// A `then` (or `defaults`) value: literals, `${expr}` typed values, text interpolation, and
/// nested maps and lists of those.
public indirect enum ThenTemplate: Sendable {
    case constant(Value)
    /// A string that is exactly one `${expr}`: the expression's typed value.
    case expression(RuleExpression)
    /// A string mixing text and `${expr}` parts: each part's value is written as text.
    case text([TextPart])
    case map([(key: String, value: ThenTemplate)])
    case list([ThenTemplate])

    public enum TextPart: Sendable {
        case literal(String)
        case expression(RuleExpression)
    }

    /// The value when no part needs evaluation.
    var constantValue: Value? {
        switch self {
        case .constant(let v): return v
        case .expression, .text: return nil
        case .map(let entries):
            var pairs: [(String, Value)] = []
            for entry in entries {
                guard let v = entry.value.constantValue else { return nil }
                pairs.append((entry.key, v))
            }
            return .map(pairs)
        case .list(let items):
            var values: [Value] = []
            for item in items {
                guard let v = item.constantValue else { return nil }
                values.append(v)
            }
            return .list(values)
        }
    }

    /// The keys of a map template, in order (empty otherwise).
    var keys: [String] {
        if case .map(let entries) = self { return entries.map(\.key) }
        return []
    }

    /// Every expression inside, in source order.
    var expressions: [RuleExpression] {
        switch self {
        case .constant: return []
        case .expression(let e): return [e]
        case .text(let parts):
            return parts.compactMap { if case .expression(let e) = $0 { return e } else { return nil } }
        case .map(let entries): return entries.flatMap(\.value.expressions)
        case .list(let items): return items.flatMap(\.expressions)
        }
    }

    /// `base` with this map's keys set over it (a shallow merge, used by `overrides.patch`).
    func overlaid(on base: ThenTemplate) -> ThenTemplate {
        guard case .map(var entries) = base, case .map(let top) = self else { return self }
        for entry in top {
            if let index = entries.firstIndex(where: { $0.key == entry.key }) {
                entries[index].value = entry.value
            } else {
                entries.append(entry)
            }
        }
        return .map(entries)
    }

    static let empty = ThenTemplate.map([])
}
