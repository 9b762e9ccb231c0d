extension ExecutionProfile {
    /// A registry `execution_profile` as a profile layer: the fields that normalize (a label,
    /// a label list with at least one valid label, a positive threshold) and the sections
    /// loopx does not normalize (`boundary`, unknown keys). An invalid or empty value is left
    /// out, so the layer below — the defaults of `Rules/facts.yaml` — shows through, as
    /// `ExecutionProfile(normalizing:)` and the original read it: `must_advance: []` means the
    /// default list and `surface_streak_threshold: -1` the default threshold.
    public static func layerValue(_ raw: JSONValue) -> JSONValue {
        guard var object = raw.removingNulls.objectValue else { return [:] }
        keepValid(&object, labels: ["cadence", "minimum_scale", "spend_rule"], lists: ["must_include"], counts: [])
        if var floor = object["outcome_floor"]?.objectValue {
            keepValid(
                &floor, labels: ["required_when", "if_unavailable"],
                lists: ["outcome_markers", "surface_only_hints", "must_advance", "avoid"],
                counts: ["surface_streak_threshold"])
            object["outcome_floor"] = .object(floor)
        } else {
            object["outcome_floor"] = nil
        }
        if var degradation = object["degradation_policy"]?.objectValue {
            keepValid(&degradation, labels: ["on_degradation"], lists: [], counts: ["small_scale_streak_threshold"])
            object["degradation_policy"] = .object(degradation)
        } else {
            object["degradation_policy"] = nil
        }
        return .object(object)
    }

    private static func keepValid(_ object: inout JSONObject, labels: [String], lists: [String], counts: [String]) {
        for key in labels where object[key] != nil && label(object[key]) == nil { object[key] = nil }
        for key in lists where object[key] != nil {
            object[key] = self.labels(object[key]).map { .array($0.map(JSONValue.string)) }
        }
        for key in counts where object[key] != nil && positive(object[key]) == nil { object[key] = nil }
    }
}
