/// A goal's compute quota normalized the way the original read it (`quota`, legacy
/// `compute_quota`), plus the spend ledger recomputed from run history.
public struct QuotaConfig: Sendable, Hashable {
    /// Share of compute in [0, 1], rounded to 2 decimals (default 1.0).
    public var compute: Double
    public var windowHours: Int64
    public var slotMinutes: Int64
    public var allowedSlots: Int64

    public init(goal: GoalEntry) {
        let raw = goal["quota"]?.objectValue ?? JSONObject()
        let computeValue = raw["compute"]?.doubleValue ?? goal["compute_quota"]?.doubleValue ?? 1.0
        compute = (min(1, max(0, computeValue)) * 100).rounded() / 100
        windowHours = max(1, raw["window_hours"]?.intValue ?? 24)
        slotMinutes = max(1, raw["slot_minutes"]?.intValue ?? 1)
        if let allowed = raw["allowed_slots"]?.intValue, allowed >= 0 {
            allowedSlots = allowed
        } else {
            allowedSlots = Int64((Double(windowHours * 60) / Double(slotMinutes) * compute).rounded())
        }
    }

    /// Spend events inside `[now - window, now]`.
    public func spendEvents(in history: RunHistory, now: Timestamp) -> [SpendEvent] {
        history.spendEvents(since: now.adding(seconds: -windowHours * 3600), until: now)
    }

    /// The quota as reported, with `spent_slots` from the history's events in the window.
    public func ledger(history: RunHistory, now: Timestamp) -> JSONObject {
        let events = spendEvents(in: history, now: now)
        let spent = max(0, events.reduce(0) { $0 + $1.signedSlots })
        return [
            "compute": .double(compute), "window_hours": .int(windowHours), "slot_minutes": .int(slotMinutes),
            "allowed_slots": .int(allowedSlots), "spent_slots": .int(spent), "spend_source": "runtime_events",
            "spend_event_count": .int(Int64(events.count)),
        ]
    }

    public var json: JSONObject {
        ["compute": .double(compute), "window_hours": .int(windowHours), "slot_minutes": .int(slotMinutes), "allowed_slots": .int(allowedSlots)]
    }
}
