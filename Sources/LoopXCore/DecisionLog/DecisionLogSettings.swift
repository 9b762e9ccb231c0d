/// Whether a goal's decisions are logged and how large the log may grow. Defaults, then the
/// environment (`LOOPX_DECISION_LOG=off`, `LOOPX_DECISION_LOG_MAX_BYTES`,
/// `LOOPX_DECISION_LOG_MAX_AGE_DAYS`), then the goal's registry field `decision_log`
/// (`false`, or `{enabled, max_bytes, max_age_days}`).
public struct DecisionLogSettings: Sendable, Hashable {
    /// Default size of one log generation: 4 MiB (two generations are kept).
    public static let defaultMaxBytes: Int64 = 4 * 1024 * 1024
    /// Default age of the oldest record of the current generation before it rotates: 30 days.
    public static let defaultMaxAgeDays: Int64 = 30

    public var enabled = true
    public var maxBytes: Int64 = DecisionLogSettings.defaultMaxBytes
    public var maxAgeSeconds: Int64 = DecisionLogSettings.defaultMaxAgeDays * 86_400

    public init() {}

    /// The settings for a goal under an environment.
    public init(goal: GoalEntry?, environment: LoopXEnvironment) {
        let variables = environment.variables
        if let off = variables["LOOPX_DECISION_LOG"], ["off", "0", "false", "no"].contains(off.lowercased()) { enabled = false }
        if let text = variables["LOOPX_DECISION_LOG_MAX_BYTES"], let value = Int64(text), value > 0 { maxBytes = value }
        if let text = variables["LOOPX_DECISION_LOG_MAX_AGE_DAYS"], let value = Int64(text), value > 0, value <= 36_500 {
            maxAgeSeconds = value * 86_400
        }
        switch goal?["decision_log"] {
        case .bool(let on)?:
            enabled = enabled && on
        case .object(let object)?:
            if object["enabled"] == .bool(false) { enabled = false }
            if let value = object["max_bytes"]?.intValue, value > 0 { maxBytes = value }
            if let value = object["max_age_days"]?.intValue, value > 0, value <= 36_500 { maxAgeSeconds = value * 86_400 }
        default:
            break
        }
    }
}
