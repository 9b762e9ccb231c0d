import LoopXRules
import LoopXSupport

extension ExecutionProfile {
    /// A registry `execution_profile` as a profile layer: the fields that normalize (a label,
    /// a label list with at least one valid label, a positive threshold) and the sections
    /// loopx does not normalize (`boundary`, unknown keys). An invalid or empty value is left
    /// out, so the layer below — the defaults of `Rules/facts.yaml` — shows through, as
    /// `ExecutionProfile(normalizing:)` and the original read it: `must_advance: []` means the
    /// default list and `surface_streak_threshold: -1` the default threshold.
    public static func layerValue(_ raw: JSONValue) -> JSONValue { layer(raw).value }

    /// The layer value and a warning for each field left out (it falls back to the layer
    /// below), naming the field: `execution_profile.outcome_floor.must_advance: [] has no
    /// valid label; the default applies`.
    public static func layer(_ raw: JSONValue) -> (value: JSONValue, fallbacks: [String]) {
        guard var object = raw.removingNulls.objectValue else { return ([:], []) }
        var fallbacks: [String] = []
        keepValid(&object, at: "execution_profile", labels: ["cadence", "minimum_scale", "spend_rule"], lists: ["must_include"], counts: [], fallbacks: &fallbacks)
        if var floor = object["outcome_floor"]?.objectValue {
            keepValid(
                &floor, at: "execution_profile.outcome_floor", labels: ["required_when", "if_unavailable"],
                lists: ["outcome_markers", "surface_only_hints", "must_advance", "avoid"],
                counts: ["surface_streak_threshold"], fallbacks: &fallbacks)
            object["outcome_floor"] = .object(floor)
        } else {
            object["outcome_floor"] = nil
        }
        if var degradation = object["degradation_policy"]?.objectValue {
            keepValid(
                &degradation, at: "execution_profile.degradation_policy", labels: ["on_degradation"], lists: [],
                counts: ["small_scale_streak_threshold"], fallbacks: &fallbacks)
            object["degradation_policy"] = .object(degradation)
        } else {
            object["degradation_policy"] = nil
        }
        return (.object(object), fallbacks)
    }

    private static func keepValid(
        _ object: inout JSONObject, at path: String, labels: [String], lists: [String], counts: [String], fallbacks: inout [String]
    ) {
        func drop(_ key: String, _ why: String) {
            fallbacks.append("\(path).\(key): \(JSONWriter().string(object[key] ?? .null)) \(why); the default applies")
            object[key] = nil
        }
        for key in labels where object[key] != nil && label(object[key]) == nil { drop(key, "is not a label") }
        for key in lists where object[key] != nil {
            if let kept = self.labels(object[key]) {
                object[key] = .array(kept.map(JSONValue.string))
            } else {
                drop(key, "has no valid label")
            }
        }
        for key in counts where object[key] != nil && positive(object[key]) == nil { drop(key, "is not a positive integer") }
    }
}
