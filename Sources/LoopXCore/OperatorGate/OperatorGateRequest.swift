/// What `loopx operator-gate` was asked to record: an operator's approve/reject/defer answer
/// to one gate of a goal.
public struct OperatorGateRequest: Sendable {
    /// The operator's answer.
    public enum Decision: String, Sendable, CaseIterable {
        case approve, reject
        case postpone = "defer"

        /// The run classification the attention rules key on.
        public var classification: String {
            switch self {
            case .approve: return "operator_gate_approved"
            case .reject: return "operator_gate_rejected"
            case .postpone: return "operator_gate_deferred"
            }
        }
    }

    /// The gate the original asked about by default: opting a goal into its read-only map.
    public static let defaultGate = "read_only_map_opt_in"

    public var goalID: String
    public var gate = OperatorGateRequest.defaultGate
    public var decision: Decision
    public var reasonSummary: String
    public var operatorQuestion: String?
    public var followUp: String?
    public var agentCommand: String?
    public var recommendedAction: String?
    public var recordedAt: String?
    public var dryRun = false
    public var globalSync = true
    public var language = PromptLanguage.en

    /// Parses the decision and requires a non-empty reason; other texts are checked by `validate`.
    public init(goalID: String, decision: String, reasonSummary: String) throws(CommandFailure) {
        guard let parsed = Decision(rawValue: decision) else {
            throw CommandFailure("invalid --decision '\(decision)'", hint: "one of approve, reject, defer", status: .usage)
        }
        let reason = TodoMetadata.compact(reasonSummary)
        guard !reason.isEmpty else { throw CommandFailure("--reason-summary must not be empty", status: .usage) }
        self.goalID = goalID
        self.decision = parsed
        self.reasonSummary = reason
    }

    /// Checks every text that will be recorded; a gate name is an identifier.
    func validate() throws(CommandFailure) {
        let gateOK = !gate.isEmpty && gate.utf8.count <= 64 && gate.unicodeScalars.allSatisfy {
            $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" || $0 == "-")
        }
        guard gateOK else {
            throw CommandFailure("invalid --gate '\(gate)'", hint: "use letters, digits, '_' or '-' (e.g. read_only_map_opt_in)", status: .usage)
        }
        let fields: [(String, String?)] = [
            ("--reason-summary", reasonSummary), ("--operator-question", operatorQuestion), ("--follow-up", followUp),
            ("--agent-command", agentCommand), ("--recommended-action", recommendedAction),
        ]
        for (flag, value) in fields { if let value { try HumanText.require(value, field: flag) } }
    }
}
