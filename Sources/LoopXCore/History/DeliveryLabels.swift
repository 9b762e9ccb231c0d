/// The delivery enums `refresh-state` accepts and the scale a run shows when it has none.
public enum DeliveryLabels {
    public static let scales = ["test_only", "single_surface", "multi_surface", "implementation"]
    public static let outcomes = ["surface_only", "outcome_gap", "outcome_progress", "primary_goal_outcome"]

    /// `delivery_batch_scale` of a run: the explicit field, else inferred from the
    /// classification's wording, `unknown` without a classification.
    public static func scale(of run: RunRecord) -> String {
        if let explicit = run.deliveryBatchScale, !explicit.isEmpty { return explicit }
        guard let name = run.classification?.lowercased(), !name.isEmpty else { return "unknown" }
        if ["_test", "_smoke", "readiness_test", "integrity_test"].contains(where: name.contains) { return "test_only" }
        if ["batch", "cross_benchmark", "downstream_pack", "matrix", "owner_handoff_consumer"].contains(where: name.contains) { return "multi_surface" }
        if ["adapter", "builder", "consumer", "implementation", "runner"].contains(where: name.contains) { return "implementation" }
        return "single_surface"
    }

    /// One character per scale for the history chart.
    public static func scaleGlyph(_ scale: String) -> Character {
        switch scale {
        case "test_only": return "t"
        case "single_surface": return "s"
        case "multi_surface": return "M"
        case "implementation": return "I"
        default: return "?"
        }
    }

    /// One character per outcome for the history chart (`.` when none was recorded).
    public static func outcomeGlyph(_ outcome: String?) -> Character {
        switch outcome {
        case "primary_goal_outcome": return "*"
        case "outcome_progress": return "+"
        case "surface_only": return "~"
        case "outcome_gap": return "-"
        default: return "."
        }
    }
}
