import LoopXRules
import LoopXSupport

/// The `goal` fact: the registry entry with nulls dropped, its declared fields normalized
/// (`normalize:` of Rules/facts.yaml: an invalid value is left out so its default shows
/// through) and the quota normalized.
enum GoalFacts {
    /// `quota` is the entry's `QuotaConfig` (computed once by the caller).
    static func goal(_ entry: GoalEntry?, id: String, fields: FieldRules, quota: QuotaConfig?) -> JSONValue {
        guard let entry, let quota else { return ["missing": true, "id": .string(id)] }
        var object = fields.goalLayer(entry).value
        object["missing"] = false
        object["quota"] = .object(self.quota(entry, normalized: quota))
        return .object(object)
    }

    /// Reference §7.1, normalized by `QuotaConfig` (the one home of the rule): the goal's
    /// `quota` object with its four numbers replaced by the normalized ones (other keys kept).
    static func quota(_ goal: GoalEntry, normalized: QuotaConfig) -> JSONObject {
        var quota = goal["quota"]?.objectValue ?? JSONObject()
        for (key, value) in normalized.json { quota[key] = value }
        return quota
    }
}
