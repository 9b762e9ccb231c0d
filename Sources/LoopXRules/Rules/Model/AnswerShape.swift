import LoopXSupport
/// The answer a decision gives, as `pipeline.yaml` declares it under `answers:`: the stage
/// whose output the answer starts from, and the stage outputs (or fields of them) that join it
/// under their answer names. The one place that says which output is which answer field, so a
/// stage whose output joins the answer is added in YAML alone.
public struct AnswerShape: Sendable, Hashable {
    /// The decision this answer belongs to.
    public var decision: String
    /// The stage whose output object the answer starts from (nil: an empty object).
    public var base: String?
    /// The fields added to the base, in declaration order.
    public var fields: [AnswerField]

    public init(decision: String, base: String?, fields: [AnswerField]) {
        self.decision = decision
        self.base = base
        self.fields = fields
    }

    /// The declared fields over the stage outputs (by stage name), in order; a `spread_by`
    /// field is followed by one entry per named item.
    public func entries(_ outputs: [String: JSONValue]) -> [(key: String, value: JSONValue)] {
        var out: [(key: String, value: JSONValue)] = []
        for field in fields {
            var value = field.from.lookup(outputs)
            if value.isNull { value = field.defaultValue }
            if let condition = field.onlyIf, condition.lookup(outputs) != .bool(true) { value = .null }
            if field.omitEmpty, value.isNull || value == .string("") { continue }
            out.append((field.name, value))
            guard let key = field.spreadBy else { continue }
            for item in value.arrayValue ?? [] {
                if let name = item[key]?.stringValue { out.append((name, item)) }
            }
        }
        return out
    }

    /// The declared field named `name`, if any.
    public func field(_ name: String) -> AnswerField? { fields.first { $0.name == name } }
}

/// One declared answer field: where its value comes from and how it is shown.
public struct AnswerField: Sendable, Hashable {
    /// The answer key.
    public var name: String
    /// The stage output, or a field path in it.
    public var from: OutputPath
    /// The value when the output has none (null unless declared).
    public var defaultValue: JSONValue
    /// The field is null unless this output path holds `true`.
    public var onlyIf: OutputPath?
    /// Leave the key out when the value is null or the empty string.
    public var omitEmpty: Bool
    /// For a list of objects: each item is also shown under the name in its field `spreadBy`.
    public var spreadBy: String?

    public init(
        name: String, from: OutputPath, defaultValue: JSONValue = .null, onlyIf: OutputPath? = nil, omitEmpty: Bool = false,
        spreadBy: String? = nil
    ) {
        self.name = name
        self.from = from
        self.defaultValue = defaultValue
        self.onlyIf = onlyIf
        self.omitEmpty = omitEmpty
        self.spreadBy = spreadBy
    }
}

/// `stage` or `stage.field.field`: a place in the outputs of a decision's stages.
public struct OutputPath: Sendable, Hashable, CustomStringConvertible {
    public var stage: String
    public var fields: [String]

    public init(stage: String, fields: [String] = []) {
        self.stage = stage
        self.fields = fields
    }

    /// Parses `stage.field...`; nil when a part is empty.
    public init?(_ text: String) {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard let first = parts.first, !parts.contains(where: \.isEmpty) else { return nil }
        self.init(stage: first, fields: Array(parts.dropFirst()))
    }

    public var description: String { ([stage] + fields).joined(separator: ".") }

    /// The value at this path (null where any part is missing).
    public func lookup(_ outputs: [String: JSONValue]) -> JSONValue {
        var value = outputs[stage] ?? .null
        for field in fields { value = value[field] ?? .null }
        return value
    }
}
