/// The documented range of one number loopx reads from a registry, a flag or a history row
/// (docs/data.md, "Numbers and ranges"). Every such number is checked against its range where
/// it enters, so the arithmetic behind it (windows, leases, slot sums) cannot overflow.
public struct NumberRange: Sendable, Hashable {
    /// The field or flag the range belongs to, e.g. `quota.window_hours` or `--ttl-minutes`.
    public var name: String
    public var bounds: ClosedRange<Int64>
    /// What the number counts, for messages (`hours`, `minutes`, `slots`).
    public var unit: String

    public init(_ name: String, _ bounds: ClosedRange<Int64>, unit: String) {
        self.name = name
        self.bounds = bounds
        self.unit = unit
    }

    /// `1...87600`.
    public var text: String { "\(bounds.lowerBound)...\(bounds.upperBound)" }

    public func contains(_ value: Int64) -> Bool { bounds.contains(value) }

    /// `value` pulled into the range.
    public func clamp(_ value: Int64) -> Int64 { min(max(value, bounds.lowerBound), bounds.upperBound) }

    /// The sentence used by every out-of-range message: what, the value, and the range.
    public func outOfRange(_ value: String, as name: String? = nil) -> String {
        "\(name ?? self.name) \(value) is outside the allowed range \(text) (\(unit))"
    }

    /// `value` when a flag's value is in range; otherwise a usage failure (exit 2) naming the
    /// flag and the allowed range.
    public func checkedFlag(_ value: Int64, flag: String) throws(CommandFailure) -> Int64 {
        guard contains(value) else { throw CommandFailure(outOfRange(String(value), as: flag), status: .usage) }
        return value
    }
}

extension NumberRange {
    /// Hours in a quota window: at most ten years.
    public static let windowHours = NumberRange("quota.window_hours", 1...87_600, unit: "hours")
    /// Minutes per quota slot: at most the longest window.
    public static let slotMinutes = NumberRange("quota.slot_minutes", 1...5_256_000, unit: "minutes")
    /// Slots a window allows: at most one per minute of the longest window.
    public static let allowedSlots = NumberRange("quota.allowed_slots", 0...5_256_000, unit: "slots")
    /// Minutes a todo lease lasts: at most one year.
    public static let claimTTLMinutes = NumberRange("coordination.claim_ttl_minutes", 1...525_600, unit: "minutes")
    /// Slots one spend or void row records: at most a whole window's worth.
    public static let slotsPerEvent = NumberRange("slots", 1...5_256_000, unit: "slots")
    /// Subagents a goal may spawn.
    public static let maxChildren = NumberRange("spawn_policy.max_children", 0...1_000, unit: "subagents")
    /// Streak thresholds of the execution profile.
    public static let streakThreshold = NumberRange("execution_profile threshold", 1...10_000, unit: "runs")
}
