import LoopXRules
import LoopXSupport

extension PromptLanguage {
    /// Picks the English or the Chinese wording of one text.
    public func text(_ english: String, _ chinese: String) -> String {
        self == .zh ? chinese : english
    }
}

/// Helpers for building JSON payloads from optional values.
enum JSONField {
    /// A string value, or null.
    static func string(_ text: String?) -> JSONValue { text.map(JSONValue.string) ?? .null }

    static func strings(_ list: [String]) -> JSONValue { .array(list.map(JSONValue.string)) }
}
