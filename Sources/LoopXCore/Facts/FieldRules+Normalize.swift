import LoopXRules
import LoopXSupport

extension FieldRules {
    /// `raw` (nulls dropped) with every field `normalize:` declares under `fact` checked:
    /// a valid value is kept in its normalized form (labels trimmed, invalid list items
    /// dropped), an invalid one is left out so the default below shows through, with a
    /// warning naming the field (`shownAs` is the field's prefix in messages; nil: none).
    /// A section that should hold normalized fields but is not a mapping is left out too.
    func normalized(_ raw: JSONValue, fact: String, shownAs: String?) -> (value: JSONValue, fallbacks: [String]) {
        FieldRules.normalized(raw, fact: fact, shownAs: shownAs, normalization: schema.normalization)
    }

    static func normalized(
        _ raw: JSONValue, fact: String, shownAs: String?, normalization: FieldNormalization
    ) -> (value: JSONValue, fallbacks: [String]) {
        guard var object = raw.removingNulls.objectValue else { return (.object(JSONObject()), []) }
        var fallbacks: [String] = []
        func shown(_ path: [String]) -> String { ((shownAs.map { [$0] } ?? []) + path).joined(separator: ".") }
        for (path, rule) in normalization.fields(of: fact) {
            apply(rule, at: path[...], in: &object, fullPath: path, shown: shown, label: normalization.label, fallbacks: &fallbacks)
        }
        return (.object(object), fallbacks)
    }

    private static func apply(
        _ rule: FieldNormalization.Rule, at path: ArraySlice<String>, in object: inout JSONObject, fullPath: [String],
        shown: ([String]) -> String, label: LabelSyntax, fallbacks: inout [String]
    ) {
        guard let key = path.first, let value = object[key] else { return }
        if path.count > 1 {
            guard var child = value.objectValue else {
                object[key] = nil  // a section that is not a mapping: its defaults apply
                return
            }
            apply(rule, at: path.dropFirst(), in: &child, fullPath: fullPath, shown: shown, label: label, fallbacks: &fallbacks)
            object[key] = .object(child)
            return
        }
        let (kept, why) = normalized(value, by: rule, label: label)
        if let kept {
            object[key] = kept
        } else {
            fallbacks.append("\(shown(fullPath)): \(JSONWriter().string(value)) \(why); the default applies")
            object[key] = nil
        }
    }

    /// A value's normalized form under `rule`, or nil (with why) when the default applies.
    static func normalized(_ value: JSONValue, by rule: FieldNormalization.Rule, label: LabelSyntax) -> (JSONValue?, String) {
        func labelText(_ item: JSONValue) -> JSONValue? {
            guard let text = item.stringValue?.trimmingWhitespace, label.matches(text) else { return nil }
            return .string(text)
        }
        switch rule {
        case .label:
            guard let text = labelText(value) else { return (nil, "is not a label") }
            return (text, "")
        case .labels:
            guard let items = value.arrayValue else { return (nil, "has no valid label") }
            let kept = items.compactMap(labelText)
            return kept.isEmpty ? (nil, "has no valid label") : (.array(kept), "")
        case .integer(let minimum):
            guard case .int(let number) = value, number >= minimum else {
                return (nil, minimum == 1 ? "is not a positive integer" : "is not an integer of at least \(minimum)")
            }
            return (value, "")
        case .text:
            guard let text = value.stringValue, !text.isEmpty else { return (nil, "is not a non-empty string") }
            return (value, "")
        }
    }
}
