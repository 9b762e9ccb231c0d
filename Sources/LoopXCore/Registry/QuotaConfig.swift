import LoopXRules
import LoopXSupport

/// A goal's compute quota normalized the way the original read it (`quota`, legacy
/// `compute_quota`), each number checked against its documented range. This is the one
/// home of the normalization: the `goal` fact, `registry`, `history` and the quota commands
/// all read it from here (the spend side is in `QuotaConfig+Spend.swift`).
public struct QuotaConfig: Sendable, Hashable {
    /// The defaults of a goal's quota numbers: `defaults.goal.quota` of `Rules/facts.yaml`
    /// (`FieldRules.quota`), never written here.
    public struct Defaults: Sendable, Hashable {
        public var compute: Double
        public var windowHours: Int64
        public var slotMinutes: Int64

        public init(compute: Double, windowHours: Int64, slotMinutes: Int64) {
            (self.compute, self.windowHours, self.slotMinutes) = (compute, windowHours, slotMinutes)
        }
    }

    /// Share of compute in [0, 1], rounded to 2 decimals.
    public var compute: Double
    /// Hours in the window, in `NumberRange.windowHours`.
    public var windowHours: Int64
    /// Minutes per slot, in `NumberRange.slotMinutes`.
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

    /// A goal's quota: its declared numbers pulled into range, the rest from `defaults`.
    public init(goal: GoalEntry, defaults: Defaults) {
        let read = QuotaConfig.read(goal.object)
        compute = (min(max(read.compute ?? defaults.compute, Self.computeRange.lowerBound), Self.computeRange.upperBound) * 100).rounded() / 100
        windowHours = NumberRange.windowHours.clamp(read.windowHours ?? defaults.windowHours)
        slotMinutes = NumberRange.slotMinutes.clamp(read.slotMinutes ?? defaults.slotMinutes)
        if let explicit = read.allowedSlots {
            allowedSlots = explicit
        } else {
            let derived = Double(windowHours.saturatingMultiplied(by: 60)) / Double(slotMinutes) * compute
            allowedSlots = Int64.clamping(rounded: derived, to: NumberRange.allowedSlots.bounds)
        }
        violations = read.violations
    }

    /// The quota numbers outside their ranges (registry problems); they need no defaults.
    public static func violations(of goal: GoalEntry) -> [FieldViolation] { read(goal.object).violations }

    /// The numbers a goal declares (nil: absent, the default applies) and their violations.
    private static func read(_ goal: JSONObject)
        -> (compute: Double?, windowHours: Int64?, slotMinutes: Int64?, allowedSlots: Int64?, violations: [FieldViolation]) {
        var violations: [FieldViolation] = []
        let raw = goal["quota"]?.objectValue ?? JSONObject()
        let compute = QuotaConfig.compute(raw["compute"], legacy: goal["compute_quota"], into: &violations)
        let window = FieldViolation.integer(raw["window_hours"], .windowHours, into: &violations)
        let slot = FieldViolation.integer(raw["slot_minutes"], .slotMinutes, into: &violations)
        var explicit = FieldViolation.integer(raw["allowed_slots"], .allowedSlots, into: &violations)
        if (raw["allowed_slots"]?.intValue ?? 0) < 0 { explicit = nil }
        return (compute, window, slot, explicit, violations)
    }

    /// `quota.compute`, else the legacy `compute_quota`, else nil (the default). A
    /// non-number or a value outside [0, 1] is a violation; an out-of-range number is used
    /// (and clamped by the caller).
    static func compute(_ value: JSONValue?, legacy: JSONValue?, into violations: inout [FieldViolation]) -> Double? {
        for (field, candidate) in [("quota.compute", value), ("compute_quota", legacy)] {
            guard let candidate, candidate != .null else { continue }
            guard let number = candidate.doubleValue, computeRange.contains(number) else {
                violations.append(FieldViolation(field: field, value: candidate, range: "0...1", unit: "share of compute"))
                if let number = candidate.doubleValue, !number.isNaN { return number }
                continue
            }
            return number
        }
        return nil
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
