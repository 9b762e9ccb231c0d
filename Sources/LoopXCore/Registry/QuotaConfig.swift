import LoopXRules
import LoopXSupport

/// A goal's compute quota normalized the way the original read it (`quota`, legacy
/// `compute_quota`), each number checked against its documented range. This is the one
/// home of the normalization: the `goal` fact, `registry`, `history` and the quota commands
/// all read it from here (the spend side is in `QuotaConfig+Spend.swift`).
public struct QuotaConfig: Sendable, Hashable {
    /// Share of compute in [0, 1], rounded to 2 decimals (default 1.0).
    public var compute: Double
    /// Hours in the window (default 24), in `NumberRange.windowHours`.
    public var windowHours: Int64
    /// Minutes per slot (default 1), in `NumberRange.slotMinutes`.
    public var slotMinutes: Int64
    /// Slots the window allows: explicit, else `window_hours × 60 / slot_minutes × compute`.
    /// A negative value is out of range and falls back to the derived count (never to 0,
    /// which would mean "never throttles").
    public var allowedSlots: Int64
    /// The quota numbers outside their ranges or of the wrong type; each is a registry
    /// problem (`registry_quota_out_of_range`). The values above are already pulled in range.
    public var violations: [FieldViolation]

    /// The range of `compute` and of the legacy `compute_quota`.
    public static let computeRange: ClosedRange<Double> = 0...1

    public init(goal: GoalEntry) {
        self.init(goalObject: goal.object)
    }

    init(goalObject goal: JSONObject) {
        var violations: [FieldViolation] = []
        let raw = goal["quota"]?.objectValue ?? JSONObject()
        compute = QuotaConfig.compute(raw["compute"], legacy: goal["compute_quota"], into: &violations)
        windowHours = FieldViolation.integer(raw["window_hours"], .windowHours, into: &violations) ?? 24
        slotMinutes = FieldViolation.integer(raw["slot_minutes"], .slotMinutes, into: &violations) ?? 1
        let explicit = FieldViolation.integer(raw["allowed_slots"], .allowedSlots, into: &violations)
        if let explicit, (raw["allowed_slots"]?.intValue ?? 0) >= 0 {
            allowedSlots = explicit
        } else {
            let derived = Double(windowHours * 60) / Double(slotMinutes) * compute
            allowedSlots = Int64.clamping(rounded: derived, to: NumberRange.allowedSlots.bounds)
        }
        self.violations = violations
    }

    /// `quota.compute`, else the legacy `compute_quota`, else 1.0; clamped to [0, 1] and
    /// rounded to 2 decimals. A non-number or a value outside [0, 1] is a violation.
    static func compute(_ value: JSONValue?, legacy: JSONValue?, into violations: inout [FieldViolation]) -> Double {
        var chosen = 1.0
        for (field, candidate) in [("quota.compute", value), ("compute_quota", legacy)] {
            guard let candidate, candidate != .null else { continue }
            guard let number = candidate.doubleValue, computeRange.contains(number) else {
                violations.append(FieldViolation(field: field, value: candidate, range: "0...1", unit: "share of compute"))
                if let number = candidate.doubleValue, !number.isNaN { chosen = number; break }
                continue
            }
            chosen = number
            break
        }
        return (min(max(chosen, computeRange.lowerBound), computeRange.upperBound) * 100).rounded() / 100
    }

    /// Seconds in the window.
    public var windowSeconds: Int64 { windowHours.saturatingMultiplied(by: 3600) }

    /// The start of the window that ends at `now`.
    public func windowStart(at now: Timestamp) -> Timestamp { now.adding(seconds: -windowSeconds) }

    /// The four normalized numbers.
    public var json: JSONObject {
        ["compute": .double(compute), "window_hours": .int(windowHours), "slot_minutes": .int(slotMinutes), "allowed_slots": .int(allowedSlots)]
    }
}
