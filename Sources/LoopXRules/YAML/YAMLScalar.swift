import LoopXSupport
/// A scalar as read from YAML: its text after quoting and folding, its style, and its typed value.
public struct YAMLScalar: Sendable, Hashable {
    /// How the scalar was written in the source.
    public enum Style: String, Sendable, Hashable {
        case plain, singleQuoted, doubleQuoted, literal, folded
    }

    /// A scalar's value after YAML 1.2 core-schema resolution (or its explicit core tag).
    public enum Value: Sendable, Hashable {
        case null
        case bool(Bool)
        case int(Int64)
        case double(Double)
        case string(String)
    }

    /// The scalar's content after YAML processing (quotes, escapes, folding and chomping applied).
    public var text: String
    /// How the scalar was written (plain, quoted, block).
    public var style: Style
    /// The resolved value: only plain scalars resolve by the core schema, others are strings
    /// unless an explicit core tag (`!!int`, `!!bool`, ...) says otherwise.
    public var value: Value

    /// A scalar with an already resolved value.
    public init(text: String, style: Style, value: Value) {
        self.text = text
        self.style = style
        self.value = value
    }

    /// A scalar whose value follows from its text and style by the core schema.
    public init(text: String, style: Style = .plain) {
        self.text = text
        self.style = style
        self.value = style == .plain ? YAMLScalar.resolvePlain(text) : .string(text)
    }

    /// True for the `.null` value.
    public var isNull: Bool { value == .null }
}

extension YAMLScalar.Value {
    /// The string, when this value is a string.
    public var stringValue: String? { jsonValue.stringValue }

    /// The boolean, when this value is a boolean.
    public var boolValue: Bool? { jsonValue.boolValue }

    /// The integer, when this value is an integer (unlike JSON's, never a float with no fraction).
    public var intValue: Int64? {
        if case .int(let i) = self { return i }
        return nil
    }

    /// The number as a double, when this value is an integer or a float.
    public var doubleValue: Double? { jsonValue.doubleValue }

    /// The same value as plain JSON data.
    public var jsonValue: JSONValue {
        switch self {
        case .null: return .null
        case .bool(let b): return .bool(b)
        case .int(let i): return .int(i)
        case .double(let d): return .double(d)
        case .string(let s): return .string(s)
        }
    }
}
