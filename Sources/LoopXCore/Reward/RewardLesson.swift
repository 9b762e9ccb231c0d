import LoopXRules
import LoopXSupport

/// The compact lesson a human attaches to a reward: advisory route knowledge that later
/// guards compare against (`reward_lesson_projection_warning`), never a write permission.
public struct RewardLesson: Sendable, Hashable {
    /// What the lesson is about.
    public enum Kind: String, Sendable, CaseIterable {
        case route, priority
        case benchmarkProtocol = "benchmark_protocol"
        case safetyBoundary = "safety_boundary"
        case operatingRule = "operating_rule"
    }

    public static let schemaVersion = "human_reward_lesson_v0"
    /// At most this many `avoid` and `prefer` entries each.
    public static let maxEntries = 5

    public var kind: Kind
    public var summary: String
    public var avoid: [String]
    public var prefer: [String]

    /// Builds a lesson from the command's flags: nil when no lesson flag was given; a usage
    /// failure when the flags are incomplete, too many, or not public-safe.
    public static func fromFlags(
        kind: String?, summary: String?, avoid: [String], prefer: [String]
    ) throws(CommandFailure) -> RewardLesson? {
        let avoid = deduplicated(avoid)
        let prefer = deduplicated(prefer)
        let summaryText = summary.map(TodoMetadata.compact) ?? ""
        guard kind != nil || !summaryText.isEmpty || !avoid.isEmpty || !prefer.isEmpty else { return nil }
        guard let kind else {
            throw CommandFailure("--lesson-kind is required with other lesson flags", hint: kindHint, status: .usage)
        }
        guard let parsed = Kind(rawValue: kind) else {
            throw CommandFailure("invalid --lesson-kind '\(kind)'", hint: kindHint, status: .usage)
        }
        guard !summaryText.isEmpty else {
            throw CommandFailure("--lesson-summary is required with --lesson-kind", status: .usage)
        }
        for (flag, list) in [("--lesson-avoid", avoid), ("--lesson-prefer", prefer)] where list.count > maxEntries {
            throw CommandFailure("at most \(maxEntries) distinct \(flag) values are allowed (got \(list.count))", status: .usage)
        }
        try HumanText.require(summaryText, field: "--lesson-summary")
        for text in avoid { try HumanText.require(text, field: "--lesson-avoid") }
        for text in prefer { try HumanText.require(text, field: "--lesson-prefer") }
        return RewardLesson(kind: parsed, summary: summaryText, avoid: avoid, prefer: prefer)
    }

    static var kindHint: String { "one of " + Kind.allCases.map(\.rawValue).joined(separator: ", ") }

    /// Compacts whitespace, drops empty entries and repeats, keeps first-seen order.
    static func deduplicated(_ list: [String]) -> [String] {
        var seen = Set<String>()
        return list.map(TodoMetadata.compact).filter { !$0.isEmpty && seen.insert($0).inserted }
    }

    /// The lesson object stored in `human_reward.lesson`.
    public var json: JSONValue {
        var out: JSONObject = [
            "schema_version": .string(RewardLesson.schemaVersion), "kind": .string(kind.rawValue),
            "summary": .string(summary),
        ]
        if !avoid.isEmpty { out["avoid"] = JSONField.strings(avoid) }
        if !prefer.isEmpty { out["prefer"] = JSONField.strings(prefer) }
        return .object(out)
    }
}
