import LoopXRules
import LoopXSupport

/// Everything `loopx reward` was asked to record, validated.
public struct RewardRequest: Sendable {
    /// The judgement of the run.
    public enum Value: String, Sendable, CaseIterable {
        case positive, negative, mixed, neutral
    }

    public var goalID: String
    public var decision: String
    public var reward: Value
    public var reasonSummary: String
    public var followUp: String?
    /// Target run; the newest run when nil.
    public var runGeneratedAt: String?
    /// When the judgement was made; the invocation's clock when nil.
    public var recordedAt: String?
    public var stateFile: String?
    public var lesson: RewardLesson?
    public var writeActiveStateSummary = false
    public var dryRun = false
    public var language = PromptLanguage.en

    /// Validates the texts: non-empty where required and public-safe everywhere.
    public init(
        goalID: String, decision: String, reward: String, reasonSummary: String, followUp: String? = nil
    ) throws(CommandFailure) {
        guard let value = Value(rawValue: reward) else {
            throw CommandFailure(
                "invalid --reward '\(reward)'", hint: "one of " + Value.allCases.map(\.rawValue).joined(separator: ", "),
                status: .usage)
        }
        let decisionText = TodoMetadata.compact(decision)
        let reasonText = TodoMetadata.compact(reasonSummary)
        guard !decisionText.isEmpty else { throw CommandFailure("--decision must not be empty", status: .usage) }
        guard !reasonText.isEmpty else { throw CommandFailure("--reason-summary must not be empty", status: .usage) }
        try HumanText.require(decisionText, field: "--decision")
        try HumanText.require(reasonText, field: "--reason-summary")
        let follow = followUp.map(TodoMetadata.compact).flatMap { $0.isEmpty ? nil : $0 }
        if let follow { try HumanText.require(follow, field: "--follow-up") }
        self.goalID = goalID
        self.decision = decisionText
        self.reward = value
        self.reasonSummary = reasonText
        self.followUp = follow
    }

    /// The `human_reward` object of the overlay row.
    public func humanReward(recordedAt: String) -> JSONObject {
        var out: JSONObject = [
            "recorded_at": .string(recordedAt), "decision": .string(decision), "reward": .string(reward.rawValue),
            "reason_summary": .string(reasonSummary),
        ]
        if let followUp { out["follow_up"] = .string(followUp) }
        if let lesson { out["lesson"] = lesson.json }
        return out
    }
}
