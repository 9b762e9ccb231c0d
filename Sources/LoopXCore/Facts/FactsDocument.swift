import LoopXRules
import LoopXSupport

/// The facts of one goal at one instant as a JSON document shaped like `Rules/facts.yaml`.
/// Fields the builder cannot know are left out, so the schema's `defaults:` fill them
/// exactly as they do for inline fixtures; the rule engine converts the document to CEL
/// values using the schema (RFC 3339 strings become timestamps where the schema says so).
public struct FactsDocument: Sendable {
    public var facts: JSONObject

    public init(_ facts: JSONObject = JSONObject()) {
        self.facts = facts
    }

    public subscript(name: String) -> JSONValue? {
        get { facts[name] }
        set { facts[name] = newValue }
    }

    public var json: JSONValue { .object(facts) }
}

extension JSONValue {
    /// The value with every null map entry removed (recursively), so that defaults apply
    /// where a file says `null`.
    public var removingNulls: JSONValue {
        switch self {
        case .object(let object):
            return .object(JSONObject(object.entries.compactMap { entry in
                entry.value.isNull ? nil : (key: entry.key, value: entry.value.removingNulls)
            }))
        case .array(let items):
            return .array(items.map(\.removingNulls))
        default:
            return self
        }
    }
}
