import LoopXRules
import LoopXSupport

/// A goal's effective `execution_profile` as typed values (what `bootstrap` writes and its
/// state file summarizes). It holds no defaults of its own: it is read from a profile that
/// is already normalized and merged over the defaults of `Rules/facts.yaml`
/// (`FieldRules.defaultProfile`, `DecisionSession.effectiveProfile`).
public struct ExecutionProfile: Sendable, Hashable {
    public var cadence: String
    public var minimumScale: String
    public var mustInclude: [String]
    public var spendRule: String
    public var requiredWhen: String
    public var surfaceStreakThreshold: Int64
    public var outcomeMarkers: [String]
    public var surfaceOnlyHints: [String]
    public var mustAdvance: [String]
    public var avoid: [String]
    public var ifUnavailable: String
    public var smallScaleStreakThreshold: Int64
    public var onDegradation: String

    /// The profile of a normalized, complete `execution_profile` value (a field it lacks
    /// reads as empty: the schema's defaults always carry every field).
    public init(json: JSONValue) {
        let floor = json["outcome_floor"]
        let degradation = json["degradation_policy"]
        func text(_ value: JSONValue?) -> String { value?.stringValue ?? "" }
        func list(_ value: JSONValue?) -> [String] { value?.arrayValue?.compactMap(\.stringValue) ?? [] }
        cadence = text(json["cadence"])
        minimumScale = text(json["minimum_scale"])
        mustInclude = list(json["must_include"])
        spendRule = text(json["spend_rule"])
        requiredWhen = text(floor?["required_when"])
        surfaceStreakThreshold = floor?["surface_streak_threshold"]?.intValue ?? 0
        outcomeMarkers = list(floor?["outcome_markers"])
        surfaceOnlyHints = list(floor?["surface_only_hints"])
        mustAdvance = list(floor?["must_advance"])
        avoid = list(floor?["avoid"])
        ifUnavailable = text(floor?["if_unavailable"])
        smallScaleStreakThreshold = degradation?["small_scale_streak_threshold"]?.intValue ?? 0
        onDegradation = text(degradation?["on_degradation"])
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
}
