import LoopXRules
import LoopXSupport

/// The attention facts a review packet is built from: one goal's attention item.
/// `status` will fill this from the rule engine's `attention` stage; until then
/// `ReviewAttention.derive` reads the same facts from the data layer.
public struct ReviewAttention: Sendable, Hashable {
    public var status: String
    /// `user_or_controller`, `controller`, `codex`, `external_evidence`; nil when no item.
    public var waitingOn: String?
    /// `high`, `action`, `watch`; nil when no item.
    public var severity: String?
    public var recommendedAction: String
    /// `contract`, `global_registry`, `registry`, `run_history`, `latest_run`.
    public var source: String
    public var operatorQuestion: String?
    public var agentCommand: String?
    public var missingGates: [String] = []
    public var nextHandoffCondition: String?
    /// The quota stage's state (`eligible`, `focus_wait`, ...) when known.
    public var quotaState: String?

    public init(status: String, waitingOn: String?, severity: String?, recommendedAction: String, source: String) {
        self.status = status
        self.waitingOn = waitingOn
        self.severity = severity
        self.recommendedAction = recommendedAction
        self.source = source
    }

    /// Reads an attention item as the rules' `attention` stage (or `status`) reports it. Empty
    /// strings and `waiting_on: none` mean "not set"; an empty `status` means the goal needs no
    /// attention, and `fallbackStatus`/`fallbackAction` describe it instead.
    public init(item: JSONValue, quotaState: String? = nil, fallbackStatus: String = "no_attention", fallbackAction: String = "inspect the goal's status") {
        func text(_ key: String) -> String? {
            guard let value = item[key]?.stringValue, !value.isEmpty else { return nil }
            return value
        }
        let waiting = text("waiting_on").flatMap { $0 == "none" ? nil : $0 }
        self.init(
            status: text("status") ?? fallbackStatus, waitingOn: waiting, severity: text("severity"),
            recommendedAction: text("recommended_action") ?? fallbackAction, source: text("source") ?? "status")
        operatorQuestion = text("operator_question")
        agentCommand = text("agent_command")
        missingGates = item["missing_gates"]?.arrayValue?.compactMap(\.stringValue) ?? []
        nextHandoffCondition = text("next_handoff_condition")
        self.quotaState = quotaState ?? text("quota_state")
    }

    public var json: JSONValue {
        [
            "status": .string(status), "waiting_on": JSONField.string(waitingOn), "severity": JSONField.string(severity),
            "recommended_action": .string(recommendedAction), "source": .string(source),
            "operator_question": JSONField.string(operatorQuestion), "agent_command": JSONField.string(agentCommand),
            "missing_gates": JSONField.strings(missingGates), "next_handoff_condition": JSONField.string(nextHandoffCondition),
            "quota_state": JSONField.string(quotaState),
        ]
    }
}
