import LoopXRules
import LoopXSupport

/// The `goal` fact: the registry entry with nulls dropped and the quota normalized.
enum GoalFacts {
    static func goal(_ entry: GoalEntry?, id: String) -> JSONValue {
        guard let entry else { return ["missing": true, "id": .string(id)] }
        var object = JSONValue.object(entry.object).removingNulls.objectValue ?? JSONObject()
        object["missing"] = false
        object["quota"] = .object(quota(entry.object))
        return .object(object)
    }

    /// Reference §7.1, normalized by `QuotaConfig` (the one home of the rule): the goal's
    /// `quota` object with its four numbers replaced by the normalized ones (other keys kept).
    static func quota(_ goal: JSONObject) -> JSONObject {
        var quota = goal["quota"]?.objectValue ?? JSONObject()
        for (key, value) in QuotaConfig(goalObject: goal).json { quota[key] = value }
        return quota
    }

    /// The window the quota counts spends in, from a normalized `goal` fact (a missing goal
    /// gets the default 24 hours); the hours are pulled into their range first.
    static func windowSeconds(_ goal: JSONValue) -> Int64 {
        NumberRange.windowHours.clamp(goal["quota"]?["window_hours"]?.intValue ?? 24).saturatingMultiplied(by: 3600)
    }
}
