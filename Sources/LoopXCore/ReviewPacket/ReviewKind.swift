/// What a review packet asks of people and agents, inferred from the attention item.
public enum ReviewKind: String, Sendable, CaseIterable {
    case health, reward, controller, evidence
    case focusWait = "focus_wait"
    case codex, status

    /// The original's order: health first, then a missing reward gate, then who is waited on.
    public static func infer(_ attention: ReviewAttention) -> ReviewKind {
        if attention.severity == "high" { return .health }
        if attention.missingGates.contains("human_reward_capture") { return .reward }
        switch attention.waitingOn {
        case "controller", "user_or_controller": return .controller
        case "external_evidence": return .evidence
        case "codex": return attention.quotaState == "focus_wait" ? .focusWait : .codex
        default: return .status
        }
    }

    /// The one command the project agent is handed.
    public func agentCommand(goalID: String, attention: ReviewAttention, adapterStatus: String?) -> String {
        let history = "loopx history --goal-id \(goalID) --limit 3"
        switch self {
        case .reward, .focusWait: return history
        case .controller:
            return attention.agentCommand ?? "loopx read-only-map --goal-id \(goalID) --dry-run"
        case .codex:
            if let command = attention.agentCommand { return command }
            let delivery = adapterStatus == "connected-delivery" && (attention.quotaState ?? "eligible") == "eligible"
            return delivery ? "loopx quota should-run --goal-id \(goalID)" : history
        case .health, .evidence, .status: return "loopx status --goal-id \(goalID)"
        }
    }
}
