import LoopXRules
import LoopXSupport

/// A report assembled by a command: its JSON payload and Markdown rendering, `ok` taken from
/// the payload's `ok` key.
public struct PayloadReport: Report, Sendable {
    public var json: JSONValue
    public var markdown: String

    public init(_ payload: JSONObject, markdown: String) {
        json = .object(payload)
        self.markdown = markdown
    }

    public var ok: Bool { json["ok"]?.boolValue ?? false }
}

/// Small helpers for building Markdown reports.
public enum MarkdownText {
    /// `- **key**: value` lines for the payload keys given, skipping absent and null ones.
    public static func bullets(_ payload: JSONObject, _ keys: [String]) -> [String] {
        keys.compactMap { key in
            guard let value = payload[key], value != .null else { return nil }
            return "- **\(key)**: \(inline(value))"
        }
    }

    /// A value on one line: strings bare, everything else as compact JSON.
    public static func inline(_ value: JSONValue) -> String {
        if let text = value.stringValue { return text }
        return JSONWriter(sortedKeys: true, pretty: false).string(value)
    }

    /// A pipe table; cells have `|` escaped.
    public static func table(_ header: [String], _ rows: [[String]]) -> [String] {
        func row(_ cells: [String]) -> String { "| " + cells.map { $0.replacing("|", with: "\\|") }.joined(separator: " | ") + " |" }
        return [row(header), row(header.map { _ in "---" })] + rows.map(row)
    }
}

extension JSONValue {
    /// A string or null.
    public static func optional(_ text: String?) -> JSONValue { text.map(JSONValue.string) ?? .null }

    /// A list of strings.
    public static func strings(_ items: [String]) -> JSONValue { .array(items.map(JSONValue.string)) }
}
