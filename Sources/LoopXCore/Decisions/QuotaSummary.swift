import LoopXRules
import LoopXSupport

/// The quota object every quota answer carries: the effective quota state (the outcome-floor
/// stage's output, which overlays the ladder) with the numbers behind it.
public enum QuotaSummary {
    /// The outcome-floor output plus the goal's normalized quota and the window's spend.
    public static func json(outcomeFloor: JSONValue, facts: JSONValue) -> JSONValue {
        var object = outcomeFloor.objectValue ?? JSONObject()
        let goalQuota = facts["goal"]?["quota"]?.objectValue ?? JSONObject()
        for entry in goalQuota { object[entry.key] = entry.value }
        object["spent_slots"] = facts["spend"]?["slots"] ?? 0
        object["spend_event_count"] = facts["spend"]?["count"] ?? 0
        object["spend_source"] = "runtime_events"
        return .object(object)
    }

    /// The compact before/after view of a spend: `{should_run, state, compute, window_hours,
    /// spent_slots, allowed_slots}`.
    static func compact(shouldRun: Bool, quota: JSONValue) -> JSONValue {
        [
            "should_run": .bool(shouldRun), "state": quota["state"] ?? "unknown",
            "compute": quota["compute"] ?? 0, "window_hours": quota["window_hours"] ?? 24,
            "spent_slots": quota["spent_slots"] ?? 0, "allowed_slots": quota["allowed_slots"] ?? 0,
        ]
    }
}
