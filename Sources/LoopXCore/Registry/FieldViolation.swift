import LoopXRules
import LoopXSupport

/// A number in a goal entry that is outside its documented range or not a number at all
/// (docs/data.md, "Numbers and ranges"). It becomes a registry problem; the value loopx uses
/// meanwhile is pulled into the range, so nothing downstream can overflow.
public struct FieldViolation: Sendable, Hashable {
    /// The field's path inside the goal, e.g. `quota.window_hours`.
    public var field: String
    /// The value as written (compact JSON, cut to 40 characters).
    public var value: String
    /// `1...87600`.
    public var range: String
    public var unit: String

    public init(field: String, value: JSONValue, range: String, unit: String) {
        self.field = field
        let text = JSONWriter(sortedKeys: false, pretty: false).string(value)
        self.value = text.count > 40 ? String(text.prefix(40)) + "…" : text
        self.range = range
        self.unit = unit
    }

    public init(_ range: NumberRange, value: JSONValue) {
        self.init(field: range.name, value: value, range: range.text, unit: range.unit)
    }

    /// The JSON path of the field in a registry: `goals[3].quota.window_hours`.
    public func jsonPath(goalIndex: Int) -> String { "goals[\(goalIndex)].\(field)" }

    /// `goals[3].quota.window_hours 9e18 is outside the allowed range 1...87600 (hours)`.
    public func message(goalIndex: Int) -> String {
        "\(jsonPath(goalIndex: goalIndex)) \(value) is outside the allowed range \(range) (\(unit))"
    }

    /// A goal's integer field checked against `range`: nil when absent, null or not an
    /// integer (the caller's default applies), else the value pulled into the range; a value
    /// that is not an integer or is outside the range adds a violation.
    static func integer(_ value: JSONValue?, _ range: NumberRange, into violations: inout [FieldViolation]) -> Int64? {
        guard let value, value != .null else { return nil }
        guard let number = value.intValue, range.contains(number) else {
            violations.append(FieldViolation(range, value: value))
            return value.intValue.map(range.clamp)
        }
        return number
    }
}
