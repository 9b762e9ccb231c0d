/// The `goal` fact: the registry entry with nulls dropped and the quota normalized.
enum GoalFacts {
    static func goal(_ entry: GoalEntry?, id: String) -> JSONValue {
        guard let entry else { return ["missing": true, "id": .string(id)] }
        var object = JSONValue.object(entry.object).removingNulls.objectValue ?? JSONObject()
        object["missing"] = false
        object["quota"] = .object(quota(entry.object))
        return .object(object)
    }

    /// Reference §7.1: compute clamped to [0, 1] with 2 decimals (legacy `compute_quota`
    /// honoured), window and slot minutes at least 1, allowed slots derived when absent.
    static func quota(_ goal: JSONObject) -> JSONObject {
        var quota = goal["quota"]?.objectValue ?? JSONObject()
        let rawCompute = quota["compute"]?.doubleValue ?? goal["compute_quota"]?.doubleValue ?? 1.0
        let compute = (min(max(rawCompute, 0), 1) * 100).rounded() / 100
        let window = max(quota["window_hours"]?.intValue ?? 24, 1)
        let slot = max(quota["slot_minutes"]?.intValue ?? 1, 1)
        let derived = Int64((Double(window * 60) / Double(slot) * compute).rounded())
        quota["compute"] = .double(compute)
        quota["window_hours"] = .int(window)
        quota["slot_minutes"] = .int(slot)
        quota["allowed_slots"] = .int(max(quota["allowed_slots"]?.intValue ?? derived, 0))
        return quota
    }

    /// The window the quota counts spends in.
    static func windowSeconds(_ goal: JSONValue) -> Int64 {
        (goal["quota"]?["window_hours"]?.intValue ?? 24) * 3600
    }
}
