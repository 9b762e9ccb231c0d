import LoopXRules
import LoopXSupport

/// A goal's `execution_profile`, normalized: every label must look like
/// `[A-Za-z0-9][A-Za-z0-9_.:/-]{0,79}`, lists keep only valid labels (default when none is
/// left), thresholds must be positive; anything else falls back to the default.
public struct ExecutionProfile: Sendable, Hashable {
    public var cadence = "bounded_progress_segment"
    public var minimumScale = "multi_surface_or_implementation"
    public var mustInclude = ["coherent_artifact", "targeted_validation", "state_writeback"]
    public var spendRule = "spend_only_after_artifact_validation_writeback"
    public var requiredWhen = "after_surface_progress_streak"
    public var surfaceStreakThreshold: Int64 = 3
    public var outcomeMarkers: [String] = []
    public var surfaceOnlyHints: [String] = []
    public var mustAdvance = ["primary_goal_outcome"]
    public var avoid = ["surface_only_progress_loop"]
    public var ifUnavailable = "report_blocker_without_spend"
    public var smallScaleStreakThreshold: Int64 = 2
    public var onDegradation = "require_blocker_or_expand_next_batch"

    /// The default profile.
    public init() {}

    /// Normalizes a raw `execution_profile` value (nil or non-object gives the default).
    public init(normalizing value: JSONValue?) {
        guard let raw = value?.objectValue else { return }
        let floor = raw["outcome_floor"]
        let degradation = raw["degradation_policy"]
        cadence = Self.label(raw["cadence"]) ?? cadence
        minimumScale = Self.label(raw["minimum_scale"]) ?? minimumScale
        mustInclude = Self.labels(raw["must_include"]) ?? mustInclude
        spendRule = Self.label(raw["spend_rule"]) ?? spendRule
        requiredWhen = Self.label(floor?["required_when"]) ?? requiredWhen
        surfaceStreakThreshold = Self.positive(floor?["surface_streak_threshold"]) ?? surfaceStreakThreshold
        outcomeMarkers = Self.labels(floor?["outcome_markers"]) ?? outcomeMarkers
        surfaceOnlyHints = Self.labels(floor?["surface_only_hints"]) ?? surfaceOnlyHints
        mustAdvance = Self.labels(floor?["must_advance"]) ?? mustAdvance
        avoid = Self.labels(floor?["avoid"]) ?? avoid
        ifUnavailable = Self.label(floor?["if_unavailable"]) ?? ifUnavailable
        smallScaleStreakThreshold = Self.positive(degradation?["small_scale_streak_threshold"]) ?? smallScaleStreakThreshold
        onDegradation = Self.label(degradation?["on_degradation"]) ?? onDegradation
    }

    /// The outcome floor counts only when markers or surface hints are configured.
    public var outcomeFloorConfigured: Bool { !outcomeMarkers.isEmpty || !surfaceOnlyHints.isEmpty }

    /// The profile as written into a registry (and reported).
    public var json: JSONValue {
        func list(_ items: [String]) -> JSONValue { .array(items.map { .string($0) }) }
        return .object([
            "cadence": .string(cadence),
            "minimum_scale": .string(minimumScale),
            "must_include": list(mustInclude),
            "spend_rule": .string(spendRule),
            "outcome_floor": .object([
                "required_when": .string(requiredWhen),
                "surface_streak_threshold": .int(surfaceStreakThreshold),
                "outcome_markers": list(outcomeMarkers),
                "surface_only_hints": list(surfaceOnlyHints),
                "must_advance": list(mustAdvance),
                "avoid": list(avoid),
                "if_unavailable": .string(ifUnavailable),
            ]),
            "degradation_policy": .object([
                "small_scale_streak_threshold": .int(smallScaleStreakThreshold),
                "on_degradation": .string(onDegradation),
            ]),
        ])
    }

    /// The one-line summary used in state files and prompts.
    public var summary: String {
        var text = "cadence=\(cadence) minimum=\(minimumScale) include=\(mustInclude.joined(separator: ","))"
        text += " spend_rule=\(spendRule) small_streak_threshold=\(smallScaleStreakThreshold)"
        if outcomeFloorConfigured {
            text += " outcome_floor=threshold:\(surfaceStreakThreshold),markers:\(outcomeMarkers.joined(separator: "+"))"
            text += ",surface:\(surfaceOnlyHints.joined(separator: "+"))"
        }
        return text
    }

    /// Whether a text is a valid profile label.
    public static func isLabel(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard !bytes.isEmpty, bytes.count <= 80 else { return false }
        func alnum(_ b: UInt8) -> Bool { (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a) }
        guard alnum(bytes[0]) else { return false }
        return bytes.dropFirst().allSatisfy { alnum($0) || "_.:/-".utf8.contains($0) }
    }

    static func label(_ value: JSONValue?) -> String? {
        guard let text = value?.stringValue?.trimmingWhitespace, isLabel(text) else { return nil }
        return text
    }

    static func labels(_ value: JSONValue?) -> [String]? {
        guard let items = value?.arrayValue else { return nil }
        let kept = items.compactMap { label($0) }
        return kept.isEmpty ? nil : kept
    }

    static func positive(_ value: JSONValue?) -> Int64? {
        guard case .int(let n)? = value, n > 0 else { return nil }
        return n
    }
}
